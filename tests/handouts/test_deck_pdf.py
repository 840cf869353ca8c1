"""The deck PDF and the notes handout show exactly the planned deck, as the PPTX does."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import Box, DeckLayout, text_boxes
from slides import render as render_slides

from .conftest import DECK, NOTES, Built, raw_pages


def squash(text: str) -> str:
    """``text`` without any whitespace: line breaks may fall anywhere."""
    return "".join(text.split())


def layout_texts(deck: DeckLayout) -> list[list[list[str]]]:
    """Per slide, per text box (table cell), its paragraphs' texts, squashed.

    The title comes first, wherever the plan lists it: the deck writer fills the slide
    layout's title placeholder, the first shape on the slide.
    """
    out = []
    for slide in deck.slides:
        boxes = text_boxes(slide)
        boxes.sort(key=lambda box: not (isinstance(box, Box) and box.role == "title"))
        out.append([_non_empty(para.text for para in box.text.paragraphs) for box in boxes])
    return out


def _non_empty(texts: Iterable[str]) -> list[str]:
    return [squash(text) for text in texts if text.strip()]


def in_order(needles: list[str], haystack: str) -> str | None:
    """The first of ``needles`` not found in ``haystack`` after the one before it."""
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            return needle
        position = found + len(needle)
    return None


@pytest.mark.parametrize("name", ["sample", "all-blocks"])
def test_deck_pdf_has_one_page_per_slide_with_its_text_in_order(
    built: Callable[..., Built], name: str
) -> None:
    done = built(name)
    deck = plan_deck(done.workshop)
    pages = [squash(page) for page in raw_pages(done.path(DECK))]
    assert len(pages) == len(deck.slides) == done.outputs[DECK].count
    for number, (boxes, page) in enumerate(zip(layout_texts(deck), pages), start=1):
        paragraphs = [para for box in boxes for para in box]
        assert paragraphs, f"slide {number} has no text"
        missing = in_order(paragraphs, page)
        assert missing is None, f"slide {number}: {missing!r} missing or out of order"


def test_order_check_can_fail(built: Callable[..., Built]) -> None:
    deck = plan_deck(built("sample").workshop)
    paragraphs = [para for box in layout_texts(deck)[3] for para in box]
    page = "".join(reversed(paragraphs))
    assert in_order(paragraphs, page) is not None


@pytest.mark.parametrize("name", ["sample", "all-blocks"])
def test_pptx_text_frames_match_the_deck_pdf(
    built: Callable[..., Built], name: str, tmp_path: Path
) -> None:
    """Reopened with python-pptx, each slide's text frames are the PDF page's, in order."""
    done = built(name)
    (pptx,) = render_slides(done.workshop, done.workshop.theme, tmp_path, done.options)
    pages = [squash(page) for page in raw_pages(done.path(DECK))]
    slides = list(Presentation(str(pptx.path)).slides)
    assert len(slides) == len(pages)
    expected = layout_texts(plan_deck(done.workshop))
    for number, (slide, page, boxes) in enumerate(zip(slides, pages, expected), start=1):
        frames = _frame_texts(slide)
        assert frames == [box for box in boxes if box], f"slide {number}"
        # Paragraph by paragraph: the PDF draws each bullet just before its paragraph.
        paragraphs = [para for frame in frames for para in frame]
        missing = in_order(paragraphs, page)
        assert missing is None, f"slide {number}: {missing!r} missing or out of order in PDF"


def _frame_texts(slide: object) -> list[list[str]]:
    """Every non-empty text frame (table cells row by row) as its paragraphs, squashed."""
    frames = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            frames.append(shape.text_frame)
        elif getattr(shape, "has_table", False) and shape.has_table:
            frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
    texts = [_non_empty(para.text for para in frame.paragraphs) for frame in frames]
    return [text for text in texts if text]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", ["sample", "all-blocks"])
def test_notes_handout_has_three_participant_slides_a_page(
    built: Callable[..., Built], name: str, paper: str
) -> None:
    done = built(name, paper)
    deck = plan_deck(done.workshop)
    shown = [slide for slide in deck.slides if slide.for_participants]
    hidden = [slide for slide in deck.slides if not slide.for_participants]
    assert hidden  # both workshops have a drill with response slides
    pages = len(PdfReader(done.path(NOTES)).pages)
    assert pages == math.ceil(len(shown) / 3) == done.outputs[NOTES].count
    text = squash(" ".join(raw_pages(done.path(NOTES))))
    for slide in hidden:
        assert squash(slide.title) not in text
    missing = in_order([squash(slide.title) for slide in shown], text)
    assert missing is None
