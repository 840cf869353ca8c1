"""The fitted text as a reader gets it, held against a reviewed record.

For each slide: every paragraph with the size of its runs as the .pptx says (what PowerPoint
shows in its font box), and the lines of kit's deck.pdf as drawn (where each line breaks).
The geometry tests say whether text fits; this record says which size and which breaks were
chosen, so a change in how text is fitted (a size step skipped, text smaller than it needs
to be, a line broken early) shows as a diff here. The records were checked by eye against
renders of both decks; after a deliberate change to the fitting, look at the renders, then
rewrite them with ``KIT_RECORD=1``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pptx import Presentation

from kit.app.build import build

from ..conftest import FIXTURES, raw_pages
from .viewer import shape_text_frames

RECORDS = Path(__file__).parent / "fitting"


def _seen(deck: Path, pdf: Path) -> str:
    """Per slide, each paragraph's size and text from ``deck``, then the lines of ``pdf``."""
    out = []
    pages = raw_pages(pdf)
    for number, (slide, page) in enumerate(zip(Presentation(str(deck)).slides, pages), 1):
        out.append(f"## slide {number}")
        for shape in slide.shapes:
            for frame in shape_text_frames(shape):
                for para in frame.paragraphs:
                    sizes = sorted({run.font.size.pt for run in para.runs if run.font.size})
                    if para.text.strip():
                        shown = "/".join(f"{size:g}" for size in sizes)
                        out.append(f"{shown} pt | {' '.join(para.text.split())}")
        out.append("-- drawn")
        out.extend(line.rstrip() for line in page.splitlines() if line.strip())
    assert len(pages) == len(Presentation(str(deck)).slides)
    return "\n".join(out) + "\n"


@pytest.fixture(params=["tenants-union", "first-aid"])
def deck(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    """A 16:9 deck of long content and a 4:3 one: the folder holding deck.pptx and deck.pdf.

    Built here, not shared: mutmut runs against a mutant only the tests that ran the mutated
    code themselves.
    """
    build(FIXTURES / request.param, tmp_path, only=["slides", "handouts"])
    return request.param, tmp_path


def test_the_sizes_and_line_breaks_are_the_reviewed_ones(deck: tuple[str, Path]) -> None:
    name, out = deck
    seen = _seen(out / "deck.pptx", out / "deck.pdf")
    record = RECORDS / f"{name}.txt"
    if os.environ.get("KIT_RECORD") == "1":
        record.write_text(seen, encoding="utf-8")
    assert seen == record.read_text(encoding="utf-8")
