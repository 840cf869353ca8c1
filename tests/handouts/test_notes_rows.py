"""The notes handout as a reader holds it: each slide beside ruled lines to write on.

Read from the PDF's drawing (pdfplumber): the slide miniatures are the outlined boxes, the
ruled lines the thin horizontal strokes. Run on a 16:9 deck on A4 and a 4:3 deck on Letter.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pdfplumber
import pytest

from kit.app.build import build

from ..conftest import FIXTURES
from .conftest import DECK, NOTES

PITCH = (7.5 / 25.4 * 72, 8.5 / 25.4 * 72)  # about 8 mm between lines: comfortable handwriting
CASES = {"16:9-a4": ("all-blocks", "a4"), "4:3-letter": ("first-aid", "letter")}


@pytest.fixture(params=CASES)
def handouts(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    name, paper = CASES[request.param]
    build(FIXTURES / name, tmp_path, only=["handouts"], paper=paper)
    return tmp_path


def _rows(handouts: Path) -> list[tuple[dict, list[dict], tuple[float, float]]]:
    """Per slide miniature: its outline, the lines ruled beside it, and the page's margins.

    A ruled line belongs to the slide above it; one above the page's first slide fails.
    """
    rows = []
    with pdfplumber.open(handouts / NOTES) as pdf:
        for page in pdf.pages:
            header, *lines = sorted(page.lines, key=lambda line: line["top"])
            margins = (header["x0"], header["x1"])  # the header rule spans the text width
            # Lines that reach the right margin: the miniatures' own lines stay inside them.
            ruled = [line for line in lines if line["x1"] > margins[1] - 1]
            thumbs = sorted(
                (r for r in page.rects if r["stroke"] and r["width"] > page.width / 4),
                key=lambda r: r["top"],
            )
            assert thumbs, f"page {page.page_number} shows no slide"
            assert ruled[0]["top"] >= thumbs[0]["top"], f"page {page.page_number}"
            ends = [t["top"] for t in thumbs[1:]] + [page.height]
            for thumb, end in zip(thumbs, ends):
                beside = [line for line in ruled if thumb["top"] <= line["top"] < end]
                rows.append((thumb, beside, margins))
    return rows


def test_each_slide_sits_at_the_margin_beside_thin_light_lines_8_mm_apart(
    handouts: Path,
) -> None:
    """One test, building its own files: mutmut runs against a mutant only the tests that
    ran the mutated code themselves, not those reusing another test's build."""
    with pdfplumber.open(handouts / DECK) as deck:
        aspect = deck.pages[0].width / deck.pages[0].height
    for thumb, lines, (left, right) in _rows(handouts):
        assert thumb["x0"] == pytest.approx(left, abs=0.5)
        assert thumb["width"] / thumb["height"] == pytest.approx(aspect, rel=0.01)
        # Large enough to read, leaving a third of the width or more to write in.
        assert (right - left) / 2 <= thumb["width"] <= (right - left) * 2 / 3
        assert len(lines) >= thumb["height"] // PITCH[1]
        tops = [line["top"] for line in sorted(lines, key=lambda line: line["top"])]
        assert all(PITCH[0] <= b - a <= PITCH[1] for a, b in itertools.pairwise(tops))
        for line in lines:
            assert line["x0"] >= thumb["x1"] + 10  # clear of the slide
            assert line["x1"] == pytest.approx(right, abs=0.5)
            assert line["top"] == line["bottom"]
            assert line["linewidth"] <= 0.75
            assert 0.5 <= min(line["stroking_color"]) <= max(line["stroking_color"]) <= 0.9
