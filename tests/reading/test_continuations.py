"""The sample's content continued on "(cont.)" slides on every template of the corpus, as
LibreOffice prints each deck (#14).

Which slides form a run is read from the titles the .pptx gives them; what each slide holds
is read off the render: the words inside the deck's own content shapes (the title, footer,
slide number, presenter's mark and source line left out). A continued agenda shares its
rows evenly, only a template with a small content area is warned about, and no
continuation slide holds under a third of what the fullest slide of its run holds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from kit.model.schedule import timetable
from kit.source.loader import load

from ..corpus import DECK, TEMPLATED, Templated
from ..readers import Box, Page
from .known import known
from .test_templates import NAMES

WORKSHOP = "sample"
SMALL = {"Progress"}  # content areas under 8 lines of 18 pt body text
FURNITURE = ("Title", "Footer", "Slide number", "Presenter copy", "Source")
NEAR_EMPTY = 1 / 3  # of the fullest slide of its run
SPAN = re.compile(r"\d{1,2}[:.]\d\d–\d{1,2}[:.]\d\d")  # a row's clock times: "10:00–10:15"


def _slides(deck: Path) -> list[tuple[str, list[Box]]]:
    """Each slide's title and the boxes of its content shapes, in points."""
    slides = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title.text_frame.text.replace("\v", " ") if slide.shapes.title else ""
        boxes = []
        for shape in slide.shapes:
            if shape.name not in FURNITURE and shape != slide.shapes.title:
                x, y = Emu(shape.left).pt, Emu(shape.top).pt
                boxes.append(Box(x, y, x + Emu(shape.width).pt, y + Emu(shape.height).pt))
        slides.append((title, boxes))
    return slides


def _held(page: Page, boxes: list[Box]) -> float:
    """How much content ``page`` shows: the area of the words inside ``boxes``."""
    return sum(
        (word.box.x1 - word.box.x0) * word.box.height
        for word in page.words
        if any(box.holds(Box(*word.box.centre, *word.box.centre), 0.5) for box in boxes)
    )


def _runs(titles: list[str]) -> list[list[int]]:
    """The slides of each continued run, by index: a slide and its "(cont.)" slides."""
    found: list[list[int]] = []
    for index, title in enumerate(titles):
        if " (cont." in title and found:
            found[-1].append(index)
        elif index + 1 < len(titles) and titles[index + 1].startswith(f"{title} (cont."):
            found.append([index])
    return found


def _read(templated: Templated, template: str) -> tuple[list[tuple[str, list[Box]]], list[Page]]:
    build = templated.build(WORKSHOP, template)
    if build.result.returncode != 0:
        pytest.fail(f"the build failed: {build.result.stderr.strip()[-300:]}")
    pages = templated.reading(WORKSHOP, template).pages
    return _slides(build.out / "deck.pptx"), pages


@pytest.mark.parametrize("template", NAMES)
def test_a_continued_agenda_shares_its_rows_evenly(templated: Templated, template: str) -> None:
    slides, pages = _read(templated, template)
    counts = [
        sum(1 for word in page.words if SPAN.fullmatch(word.text))  # a row's clock times
        for (title, _), page in zip(slides, pages, strict=True)
        if title == "Agenda" or title.startswith("Agenda (")
    ]
    assert sum(counts) == len(timetable(load(TEMPLATED[WORKSHOP]).workshop)), counts
    assert max(counts) - min(counts) <= 1, f"{template}: rows per slide {counts}"


@pytest.mark.parametrize("template", NAMES)
def test_only_a_small_content_area_is_warned_about(templated: Templated, template: str) -> None:
    build = templated.build(WORKSHOP, template)
    warned = [line for line in build.result.stderr.splitlines() if "content area of" in line]
    assert len(warned) == (template in SMALL), f"{template}: {warned}"


def _cases():
    for template in NAMES:
        reason = known(f"{WORKSHOP} on {template}", "a4", DECK, "near-empty-continuation")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(template, id=template, marks=marks)


@pytest.mark.parametrize("template", list(_cases()))
def test_no_continuation_slide_is_near_empty(templated: Templated, template: str) -> None:
    slides, pages = _read(templated, template)
    held = [_held(page, boxes) for (_, boxes), page in zip(slides, pages, strict=True)]
    sparse = [
        f"{slides[index][0]!r}: {held[index]:.0f} of {max(held[i] for i in run):.0f} pt²"
        for run in _runs([title for title, _ in slides])
        for index in run[1:]
        if held[index] < NEAR_EMPTY * max(held[i] for i in run)
    ]
    assert sparse == [], f"{template}: {len(sparse)} near-empty: " + "; ".join(sparse)
