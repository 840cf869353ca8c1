"""Long content as a reader sees it: a 30-row table and a drill that runs over many slides.

Judged on kit's deck.pdf and on LibreOffice's render of deck.pptx: every row is there,
every word lies on its slide and inside the shape that holds it. The one check against
the planner is that the sizes written into the .pptx are the sizes it planned; the
renders show whether those sizes fit.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation

from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import text_boxes
from kit.model import ComparisonBlock

from ..conftest import normal, raw_pages
from ..readers import off_page, word_pages
from .conftest import LongBuild
from .viewer import shape_text_frames, words_outside_their_shapes

RENDERS = ("kit", "libreoffice")


@pytest.fixture(params=RENDERS)
def render(request: pytest.FixtureRequest, long_build: LongBuild) -> Path:
    """kit's own deck.pdf, or LibreOffice's render of deck.pptx."""
    if request.param == "kit":
        return long_build.out / "deck.pdf"
    return request.getfixturevalue("long_rendered")


def test_every_row_of_a_30_row_table_is_on_a_slide(long_build: LongBuild, render: Path) -> None:
    (table,) = long_build.loaded.workshop.blocks_of(ComparisonBlock)
    assert len(table.rows) == 30
    text = " ".join(" ".join(raw_pages(render)).split())
    missing = [cell for row in table.rows for cell in row if normal(cell) not in text]
    assert missing == []


def test_every_word_lies_on_its_slide(render: Path) -> None:
    assert [problem for page in word_pages(render) for problem in off_page(page)] == []


def test_every_word_lies_inside_the_shape_that_holds_it(
    long_build: LongBuild, render: Path
) -> None:
    assert words_outside_their_shapes(render, long_build.deck) == []


def _written_sizes(deck: Path) -> list[Counter[tuple[str, float]]]:
    """Per slide, each paragraph's text with the sizes of its runs, as the .pptx says."""
    slides = []
    for slide in Presentation(str(deck)).slides:
        found: Counter[tuple[str, float]] = Counter()
        for shape in slide.shapes:
            for frame in shape_text_frames(shape):
                for para in frame.paragraphs:
                    for run in para.runs:
                        found[" ".join(para.text.split()), run.font.size.pt] += 1
        slides.append(found)
    return slides


def test_the_sizes_written_are_the_sizes_planned(long_build: LongBuild) -> None:
    planned = []
    for slide in plan_deck(long_build.loaded.workshop).slides:
        sizes: Counter[tuple[str, float]] = Counter()
        for box in text_boxes(slide):
            for para in box.text.paragraphs:
                for line in para.lines:
                    sizes[" ".join(para.text.split()), para.size] += len(line.runs)
        planned.append(sizes)
    assert _written_sizes(long_build.deck) == planned
