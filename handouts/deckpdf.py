"""The deck as a PDF: one slide per page, the page the size of the slide.

For presenters who project from a PDF. Drawn from the same ``DeckLayout`` as the PPTX,
without LibreOffice. No page footer: the slides carry their own numbers.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from handouts.slidedraw import SlideDrawing
from kit.fonts import face_name
from kit.pdf import PdfMeta, register_fonts
from kit.slidelayout import DeckLayout


def write_deck_pdf(path: Path, deck: DeckLayout, meta: PdfMeta) -> int:
    """Write every slide of ``deck`` to ``path``, one per page; returns the page count."""
    register_fonts()
    size = (deck.width, deck.height)
    doc = BaseDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=0,
        rightMargin=0,
        topMargin=0,
        bottomMargin=0,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="kit",
        producer="kit",
        lang=meta.language,
        invariant=1,
        initialFontName=face_name(),
    )
    frame = Frame(0, 0, *size, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="slide", frames=[frame])])
    story = []
    for slide in deck.slides:
        if story:
            story.append(PageBreak())
        story.append(SlideDrawing(slide, size, deck.width))
    doc.build(story)
    return doc.page
