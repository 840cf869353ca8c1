"""A shipped font's advance widths and vertical metrics, read straight from its tables.

The five shipped families are read as fontTools reads them (``getBestCmap`` and ``hmtx``)
in a few milliseconds each, where importing fontTools and parsing with it cost about a
tenth of a deck's build. Only what kit ships is read here, each face checked against
fontTools by the tests; a workshop's own font file is read with fontTools.
"""

from __future__ import annotations

import struct
from pathlib import Path

# fontTools' ``getBestCmap`` order: the first (platform, encoding) the font has is read.
_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def read_face(path: Path) -> tuple[int, dict[int, int], int, int, int] | None:
    """Units per em, each character's advance, the missing glyph's advance, ascent and
    descent (positive, below the baseline); None for a cmap other than format 4."""
    data = path.read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {
        data[at : at + 4]: struct.unpack_from(">L", data, at + 8)[0]
        for at in range(12, 12 + 16 * count, 16)
    }
    (units_per_em,) = struct.unpack_from(">H", data, tables[b"head"] + 18)
    hhea = tables[b"hhea"]
    ascent, descent = struct.unpack_from(">hh", data, hhea + 4)
    (metrics,) = struct.unpack_from(">H", data, hhea + 34)
    (glyphs,) = struct.unpack_from(">H", data, tables[b"maxp"] + 4)
    widths = struct.unpack_from(f">{metrics * 2}H", data, tables[b"hmtx"])[::2]
    codes = _cmap(data, tables[b"cmap"])
    if codes is None:
        return None
    advances = {code: widths[min(gid, metrics - 1)] for code, gid in codes.items() if gid < glyphs}
    return units_per_em, advances, widths[0], ascent, -descent


def _cmap(data: bytes, cmap: int) -> dict[int, int] | None:
    """Character to glyph id, from the preferred subtable, if it is of format 4."""
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    found: dict[tuple[int, int], int] = {}
    for at in range(cmap + 4, cmap + 4 + 8 * count, 8):
        platform, encoding, offset = struct.unpack_from(">HHL", data, at)
        found.setdefault((platform, encoding), cmap + offset)
    best = next((found[ids] for ids in _PREFERRED if ids in found), None)
    if best is None or struct.unpack_from(">H", data, best)[0] != 4:
        return None
    return _format_4(data, best)


def _format_4(data: bytes, at: int) -> dict[int, int]:
    """A format 4 subtable's segments, the last (the 0xFFFF terminator) left out, as
    fontTools leaves it out."""
    (segments,) = struct.unpack_from(">H", data, at + 6)
    segments //= 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    ranges_at = at + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    codes: dict[int, int] = {}
    for i in range(segments - 1):
        for code in range(starts[i], ends[i] + 1):
            if ranges[i] == 0:
                codes[code] = (code + deltas[i]) & 0xFFFF
                continue
            # idRangeOffset counts bytes from its own place in the array
            place = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
            (gid,) = struct.unpack_from(">H", data, place)
            codes[code] = (gid + deltas[i]) & 0xFFFF if gid else 0
    return codes
