"""Page furniture the handouts share: the running header and footer text."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from kit import markup
from kit.fonts import face_name
from kit.model import Workshop
from kit.pdf import MARGIN, colour

HEADER_GAP = 7 * mm  # from the top of the text frame up to the header's baseline


def footer_text(workshop: Workshop, what: str) -> str:
    """The running footer: which document, of which workshop, by whom."""
    return f"{what} · {markup.plain(workshop.title)} · {workshop.organisation}"


def header_painter(
    text: str, ink: str, *, bold: bool = False, size: float = 8.5
) -> Callable[[Canvas, BaseDocTemplate], None]:
    """An ``on_page`` callback writing ``text`` centred above the text frame on every page."""

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(face_name(bold=bold), size)
        canvas.setFillColor(colour(ink))
        canvas.drawCentredString(width / 2, height - MARGIN + HEADER_GAP, text)
        canvas.restoreState()

    return paint
