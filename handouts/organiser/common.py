"""What the organiser's documents share: a page without running furniture, a flowable
that fills it, a centred style, a tick box."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Table

from handouts.story import Look
from kit.layout.fonts import face_name
from kit.pdf import build_pdf, colour, meta_for, table_style, unbreakable
from kit.pdf.draw import GUIDE


def centred_logo(look: Look, width: float, height: float) -> Flowable | None:
    """The workshop's logo at most ``height`` high, centred across ``width``; None without one.

    The upright, reduced copy the deck draws: a large logo decoded whole on every page took
    a 32-megapixel build to 402 MB.
    """
    logo = look.workshop.theme.logo
    if not logo:
        return None
    image = Image(look.picture(logo).source(), width / 3, height, kind="proportional")
    # A stack draws each flowable at its left edge: a one-cell table centres it.
    return Table(
        [[image]], colWidths=[width], style=table_style([("ALIGN", (0, 0), (-1, -1), "CENTER")])
    )


def write_bare(path: Path, story: Sequence[Flowable], look: Look, what: str) -> int:
    """Lay ``story`` out with no header, footer or page numbers: a certificate, a name tent.

    Returns the page count.
    """
    return build_pdf(
        path,
        story,
        paper=look.paper,
        turned=look.turned,
        meta=meta_for(look.workshop, what),
        footer="",
        theme=look.theme,
        page_label=lambda page, total: "",
    )


def centred(
    name: str, size: float, ink: str, *, bold: bool, leading: float, space: float
) -> ParagraphStyle:
    """A centred style at ``size`` whose leading and space after are ``size`` times those."""
    return ParagraphStyle(
        name,
        fontName=face_name(bold=bold),
        fontSize=size,
        leading=size * leading,
        alignment=TA_CENTER,
        textColor=colour(ink),
        spaceAfter=size * space,
    )


class WholePage(Flowable):
    """A flowable that is a whole bare page (a certificate, a name tent), for ``look``."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self._look = look

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # A point short of the page: a frame turns away a flowable exactly its height.
        self.width, self.height = self._look.width, self._look.height - 1
        return self.width, self.height


class TickBox(Flowable):
    """An empty square ``size`` points wide, to tick by hand."""

    def __init__(self, size: float, ink: str) -> None:
        super().__init__()
        self._size = size
        self._ink = ink
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._size, self._size

    def draw(self) -> None:
        self.canv.setStrokeColor(colour(self._ink))
        self.canv.setLineWidth(1)
        self.canv.rect(0, 0, self._size, self._size, stroke=1, fill=0)


def unbroken_size(text: str, width: float, largest: float, *, bold: bool = True) -> float:
    """The largest size up to ``largest`` at which every word of ``text`` fits ``width``.

    reportlab breaks a word wider than its line anywhere; a name must never be split.
    """
    widest = max(stringWidth(word, face_name(bold=bold), 1) for word in unbreakable(text))
    return min(largest, 0.98 * width / widest)  # a little room: line ends are not exact


class NameLine(Flowable):
    """A line to write a name on, two thirds of the width, centred."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self._line_height = height
        self.spaceAfter = height / 3  # the next line of text stays clear of the rule

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self._line_height

    def draw(self) -> None:
        self.canv.setStrokeColor(GUIDE)
        self.canv.setLineWidth(0.8)
        self.canv.line(self.width / 6, 0, self.width * 5 / 6, 0)
