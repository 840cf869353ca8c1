"""The deck as a PDF: one slide per page, the page the size of the slide.

For presenters who project from a PDF. Drawn from the same ``DeckLayout`` as the PPTX,
without LibreOffice. Nothing flows here, so there is no page template: each page is one
``SlideDrawing`` filling it. No page footer: the slides carry their own numbers.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from handouts.slidedraw import SlideDrawing
from kit.layout.fonts import face_name
from kit.layout.slidelayout import DeckLayout
from kit.pdf import PdfMeta, register_fonts
from kit.pdf.tagging import Tagger, write_structure
from kit.words.langtag import language_tag


def write_deck_pdf(path: Path, deck: DeckLayout, meta: PdfMeta) -> int:
    """Write every slide of ``deck`` to ``path``, one per page, each on what its layout of
    the template draws; returns the page count."""
    register_fonts()
    size = (deck.width, deck.height)
    # Invariant mode fixes the creation date and document ID: same deck, same bytes.
    canvas = Canvas(
        str(path), pagesize=size, invariant=1, lang=meta.language, initialFontName=face_name()
    )
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator("kit")
    canvas.setProducer("kit")
    tagger = canvas.tagger = Tagger()
    for number, slide in enumerate(deck.slides):
        tagger.start_page(canvas)
        drawing = SlideDrawing(deck, slide, deck.width)
        drawing.wrapOn(canvas, *size)
        drawing.drawOn(canvas, 0, 0)
        tagger.end_page(canvas)
        tagger.bookmark(canvas, number)
        canvas.showPage()
    write_structure(canvas, tagger, meta.title, language_tag(meta.language))
    canvas.save()
    return len(deck.slides)
