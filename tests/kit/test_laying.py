"""Laying a story out again (``kit.pdf.document``), read back from the PDFs (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Spacer, Table

from kit.errors import KitError
from kit.model import Theme
from kit.pdf import build_pdf, meta_for, para, styles
from kit.pdf.document import Document, lay_evenly
from kit.source.loader import load

from ..conftest import SAMPLE
from ..readers import word_pages

THEME = Theme()
S = styles(THEME)


def _document() -> Document:
    doc = Document("unused.pdf")
    padding = {f"{side}Padding": 0 for side in ("left", "right", "top", "bottom")}
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", **padding)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def _texts(tmp_path: Path, name: str, pdf: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(pdf)
    return [" ".join(word.text for word in page.words) for page in word_pages(path)]


def test_a_story_laid_out_again_is_laid_out_as_before(tmp_path: Path) -> None:
    """reportlab marks a flowable it moves over a page as postponed (met again at a page
    foot, it is then too large: the large print's LayoutError) and drops each kept
    heading's keep-with-next; both must be undone before the next pass."""
    doc = _document()
    heading = para("Kept heading", S.h1)
    room = S.h1.spaceBefore + S.h1.leading + 2  # the heading fits, the paragraph does not
    story = [
        Spacer(0, doc.height - room),
        heading,
        para("What the heading heads", S.body),
        Spacer(0, doc.height * 0.9),  # moved over a page: postponed
        para("The end", S.body),
    ]
    first = _texts(tmp_path, "first.pdf", doc.lay(story, Canvas).pdf())
    again = _texts(tmp_path, "again.pdf", doc.lay(story, Canvas).pdf())
    assert first == again
    assert first[1].startswith("Kept heading What the heading heads"), first


def test_text_that_cannot_fit_is_one_line_naming_file_page_and_words(tmp_path: Path) -> None:
    """A table row taller than a page cannot be split: said in one line, not a traceback."""
    words = " ".join(f"word{n}" for n in range(900))
    story = [para("Before it", S.body), Table([[para(words, S.h1)]])]
    workshop = load(SAMPLE).workshop
    path = tmp_path / "unfit.pdf"
    with pytest.raises(KitError) as raised:
        build_pdf(path, story, paper="a4", meta=meta_for(workshop, "T"), footer="f", theme=THEME)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith('unfit.pdf: page 2: the text "word0 word1 word2'), message


class _Swelling(Flowable):
    """Nothing to read, and nearly a page tall at a page's top: a break before it adds a
    page (as a block that is laid out otherwise at the top might)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.normal = height

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self.height = frame._height * 0.95 if frame is not None and frame._atTop else self.normal
        return aW, self.height

    def draw(self) -> None:
        pass


def _block(text: str, height: float) -> Flowable:
    """One line of ``text`` taking ``height`` points with the space after it."""
    return para(text, ParagraphStyle("block", parent=S.body, spaceAfter=height - S.body.leading))


def test_the_next_break_is_tried_when_the_most_even_adds_a_page(tmp_path: Path) -> None:
    """Page 1 ends 99 % full, page 2 10 %: the most even break (before the swelling block,
    60 % down) adds a page; the next, before "Second block", evens the pages out."""
    doc = _document()
    tall = doc.height
    story = [
        _block("First block", tall * 0.35),
        _block("Second block", tall * 0.25),
        _Swelling(tall * 0.2),
        _block("Third block", tall * 0.19),
        _block("Last words", tall * 0.1),
    ]
    pages = _texts(tmp_path, "even.pdf", lay_evenly(doc, story, Canvas).pdf())
    assert pages == ["First block", "Second block Third block Last words"], pages


def _item(text: str, height: float) -> Flowable:
    style = ParagraphStyle("item", parent=S.bullet, spaceAfter=height - S.bullet.leading)
    return para(text, style, bullet="•")


def test_a_page_is_evened_out_before_a_list_not_inside_it(tmp_path: Path) -> None:
    """The most even break falls before the list's second item; the list moves whole."""
    doc = _document()
    tall = doc.height
    story = [
        _block("First block", tall * 0.35),
        _block("Second block", tall * 0.2),
        *(_item(f"Item {n}", tall * 0.146) for n in ("one", "two", "three")),
        _block("Last words", tall * 0.4),
    ]
    pages = _texts(tmp_path, "list.pdf", lay_evenly(doc, story, Canvas).pdf())
    assert pages[0] == "First block Second block", pages


def test_only_the_layout_kept_is_formatted_as_a_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Formatting a PDF costs about a third of laying it out: of the three layouts evening
    out tries here (as laid, the break that adds a page, the break kept), one is written."""
    saved: list[Canvas] = []
    save = Canvas.save
    monkeypatch.setattr(Canvas, "save", lambda canvas: (saved.append(canvas), save(canvas))[1])
    doc = _document()
    tall = doc.height
    story = [
        _block("First block", tall * 0.35),
        _block("Second block", tall * 0.25),
        _Swelling(tall * 0.2),
        _block("Third block", tall * 0.19),
        _block("Last words", tall * 0.1),
    ]
    laid = lay_evenly(doc, story, Canvas)
    assert not saved
    pages = _texts(tmp_path, "even.pdf", laid.pdf())
    assert saved == [laid.canvas]
    assert pages == ["First block", "Second block Third block Last words"], pages
