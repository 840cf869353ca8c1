"""QR codes as a grid of modules, for the deck's feedback slide.

segno is pure Python and small, so the deck alone never loads reportlab; the printed
evaluation form draws its own code with reportlab's encoder at the same error correction.
"""

from __future__ import annotations

from functools import lru_cache


# The deck is laid out twice a build (kit.layout.scale), and again on every --watch rebuild.
@lru_cache(maxsize=8)
def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of ``data``'s QR code, quiet zone not included.

    Error correction level M, as on the printed pages: it survives a smudge or a glare.
    """
    import segno

    code = segno.make_qr(data, error="m", boost_error=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def dark_runs(modules: tuple[tuple[bool, ...], ...]) -> list[tuple[int, int, int]]:
    """(row, first column, length) of each horizontal run of dark modules.

    Both the deck and its PDF draw a code as these runs in one path, not a shape a module.
    """
    runs = []
    for r, row in enumerate(modules):
        start = None
        for c, dark in enumerate((*row, False)):
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                runs.append((r, start, c - start))
                start = None
    return runs
