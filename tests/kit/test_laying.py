"""Laying a story out again (``kit.pdf.document``), read back from the PDFs (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate, Spacer, Table

from kit.errors import KitError
from kit.model import Theme
from kit.pdf import build_pdf, meta_for, para, styles
from kit.pdf.document import Document
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
    first = _texts(tmp_path, "first.pdf", doc.lay(story, Canvas))
    again = _texts(tmp_path, "again.pdf", doc.lay(story, Canvas))
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
