"""The large-print edition sets every word of its content at 16 pt or more."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from handouts.story import LARGE_MARGIN
from kit.pdf import MARGIN

from .conftest import HANDOUT, LARGE_PRINT, Built, render_into


def text_sizes(path: Path, margin: float = MARGIN) -> list[tuple[float, str]]:
    """(size in points as printed, text) of every piece of text inside the text frame,
    ``margin`` from the paper's edges; ``margin=0``: all of it.

    The running header and footer above and below the frame are page furniture that
    kit.pdf and kit.pdf.draw set for every PDF, and are left out.
    """
    found: list[tuple[float, str]] = []
    for page in PdfReader(path).pages:
        top = float(page.mediabox.height) - margin
        found += [
            (round(size, 2), text)
            for size, baseline, text in _pieces(page)
            if margin - 1 <= baseline <= top + 1
        ]
    return found


def _pieces(page: PageObject) -> list[tuple[float, float, str]]:
    """(printed size, baseline height, text) of each piece of text on ``page``."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale, baseline = _placement(tm, cm)
            pieces.append((size * scale, baseline, text))

    page.extract_text(visitor_text=visit)
    return pieces


def _placement(tm: list[float], cm: list[float]) -> tuple[float, float]:
    """The vertical scale and the baseline's height of text set with ``tm`` under ``cm``."""
    _, _, c, d, e, f = tm
    ca, cb, cc, cd, _, cf = cm
    return math.hypot(c * ca + d * cc, c * cb + d * cd), e * cb + f * cd + cf


@pytest.mark.parametrize("name", ["sample", "all-blocks"])
def test_large_print_is_16_pt_or_more(built: Callable[..., Built], name: str) -> None:
    """Its content at 16 pt or more; its header, footer and page numbers at 14 or more."""
    path = built(name).path(LARGE_PRINT)
    sizes = text_sizes(path, LARGE_MARGIN)
    assert len(sizes) > 50
    small = [(size, text) for size, text in sizes if size < 16]
    assert not small
    assert Counter(size for size, _ in sizes).most_common(1)[0][0] == 16
    furniture = [(size, text) for size, text in text_sizes(path, 0) if size < 14]
    assert not furniture


def test_the_normal_handout_is_smaller(built: Callable[..., Built]) -> None:
    """The same measurement finds the normal edition's 11 pt body and smaller notes."""
    sizes = text_sizes(built("sample").path(HANDOUT))
    assert Counter(size for size, _ in sizes).most_common(1)[0][0] == 11
    assert any(size < 11 for size, _ in sizes)


def test_large_print_has_the_same_words(built: Callable[..., Built]) -> None:
    """Same code, same content: only the page furniture differs (and the page count)."""
    done = built("sample")
    workshop = done.workshop
    words = {}
    editions = (
        (HANDOUT, "Participant handout"),
        (LARGE_PRINT, "Participant handout (large print)"),
    )
    for name, what in editions:
        pages = done.pages(name)
        header = f"{workshop.title} {what}"
        text = " ".join(page.replace(header, "").split(f"{what} · ")[0] for page in pages)
        words[name] = set(re.findall(r"\w+", text))
    assert words[HANDOUT] == words[LARGE_PRINT]


def test_the_18_pt_option_sets_the_body_at_18(built: Callable[..., Built], tmp_path: Path) -> None:
    """``build: large_print: 18``: the body at 18 pt, the furniture still at 14 or more."""
    workshop = built("sample").workshop
    larger = workshop.model_copy(
        update={"build": workshop.build.model_copy(update={"large_print": 18})}
    )
    path = render_into(larger, tmp_path)[LARGE_PRINT].path
    sizes = text_sizes(path, LARGE_MARGIN)
    assert Counter(size for size, _ in sizes).most_common(1)[0][0] == 18
    assert not [(size, text) for size, text in sizes if size < 18]
    assert not [(size, text) for size, text in text_sizes(path, 0) if size < 14]
