"""Drawing primitives for printed sheets: colours for paper, page furniture, stacks, writing
space. The continuum line is in ``kit.pdf.continuum``, card grids in ``kit.pdf.cards``.

Shared by the PDF renderers (``exercises``, ``handouts``). Every drawing is a platypus
Flowable that measures itself in ``wrap()`` and draws in ``draw()``, so the layout
engine places it; nothing here decides which files to write. Text always goes through
``kit.pdf.para`` so user text is escaped.

Everything is drawn for black-and-white printers: numbers and labels carry meaning,
colours only decorate, and ``print_theme`` swaps any theme colour that would print too
pale on white paper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Table

from kit.layout.fonts import face_name
from kit.model import Theme
from kit.model.colour import WHITE, contrast
from kit.pdf import MARGIN, colour, paper_size, para, table_style
from kit.pdf.brand import HEADER_RULE, LOGO_GAP, Brand
from kit.pdf.tagging import tagged

GUIDE = colors.HexColor("#8C8C8C")  # ruled lines and cut guides: visible, but quieter than text
TINT = colors.HexColor("#EDEDED")  # box backgrounds: light enough for black text on any printer
MIN_CONTRAST = 4.5  # WCAG AA for body text, against white paper


# --- colours and page furniture -------------------------------------------------------


def print_theme(theme: Theme) -> Theme:
    """The theme with every colour too pale for white paper swapped for a dark one.

    Slide themes may use white text on a dark background; printed, that text would vanish.
    """
    update = {
        name: "#505050" if name == "muted" else "#000000"
        for name, value in theme.colours.model_dump().items()
        if name != "background" and contrast(value, WHITE) < MIN_CONTRAST
    }
    update["background"] = WHITE  # paper is white whatever the slides use
    return theme.model_copy(update={"colours": theme.colours.model_copy(update=update)})


def frame_size(
    paper: str, *, turned: bool = False, margin: float = MARGIN, top: float | None = None
) -> tuple[float, float]:
    """Width and height of the writing area ``kit.pdf.build_pdf`` gives on a sheet
    (``top``: the top margin, if not ``margin``)."""
    width, height = paper_size(paper, turned=turned)
    return width - 2 * margin, height - margin - (margin if top is None else top)


def clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it is at most ``width`` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def running_header(
    title: str,
    label: str,
    theme: Theme,
    brand: Brand,
    *,
    facilitator: bool = False,
    size: float = 8,
) -> Callable[[Canvas, BaseDocTemplate], None]:
    """A page painter for ``build_pdf(on_page=...)``: the brand's logo and the title left,
    ``label`` right, in ``size`` points, over a rule in the brand's colour.

    With ``facilitator``, the title and label are on a black band reading ``label`` in
    white, so a facilitator's copy is told apart from participant sheets at a glance, even
    in a pile. The page's top margin must hold the logo (``Brand.top_margin``).
    """

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        right = width - doc.rightMargin
        top = height - doc.topMargin
        canvas.saveState()
        left = doc.leftMargin
        if brand.logo is not None:
            left += brand.draw_logo(canvas, left, top + HEADER_RULE) + LOGO_GAP
        # Between the body and 12 mm from the paper's edge, which printers never clip.
        baseline = top + HEADER_RULE + max(1.6 * mm, size * 0.3)
        label_font = face_name(bold=True)
        label_width = stringWidth(label, label_font, size)
        title_width = right - left - label_width - 8 * mm
        if facilitator:
            canvas.setFillColor(colors.black)
            canvas.rect(
                left - 2 * mm, top + 1.6 * mm, right - left + 4 * mm, 4.4 * mm, stroke=0, fill=1
            )
            canvas.setFillColor(colors.white)
        else:
            canvas.setStrokeColor(colour(brand.rule))
            canvas.setLineWidth(0.8)
            canvas.line(doc.leftMargin, top + HEADER_RULE, right, top + HEADER_RULE)
            canvas.setFillColor(colour(print_theme(theme).colours.muted))
        canvas.setFont(face_name(), size)
        canvas.drawString(
            left + label_width + 8 * mm if facilitator else left,
            baseline,
            clip(title, face_name(), size, title_width),
        )
        canvas.setFont(label_font, size)
        if facilitator:
            canvas.drawString(left, baseline, label)
        else:
            canvas.drawRightString(right, baseline, label)
        canvas.restoreState()

    return paint


# --- stacks of flowables --------------------------------------------------------------


def _stacked(flowables: Sequence[Flowable], width: float) -> list[tuple[Flowable, float, float]]:
    """Each flowable wrapped to ``width``, with its height and the gap above it."""
    out = []
    below = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrap(width, 10_000)
        gap = 0.0 if index == 0 else max(below, flowable.getSpaceBefore())
        out.append((flowable, height, gap))
        below = flowable.getSpaceAfter()
    return out


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height ``flowables`` take stacked in a column ``width`` points wide."""
    return sum(height + gap for _, height, gap in _stacked(flowables, width))


def draw_stack(
    canvas: Canvas, flowables: Sequence[Flowable], x: float, top: float, width: float
) -> None:
    """Draw ``flowables`` one under another, the first with its top at ``top``."""
    y = top
    for flowable, height, gap in _stacked(flowables, width):
        y -= gap + height
        flowable.drawOn(canvas, x, y)


def fit_size(
    make: Callable[[float], Sequence[Flowable]],
    width: float,
    height: float,
    largest: float,
    smallest: float,
) -> float | None:
    """The largest size, in half points, at which the stack ``make(size)`` fits the box.

    None if even ``smallest`` is too big, so the caller can report what did not fit. A
    stack grows with its size, so the sizes are searched by halving (a wall sign's name
    tried every half point from 105 to 83 pt took a thousand measurements); the largest
    is tried first, as it usually fits.
    """
    sizes = [largest]  # counted down as before, so each size is the same number
    while sizes[-1] - 0.5 >= smallest:
        sizes.append(sizes[-1] - 0.5)
    if largest < smallest:
        return None

    def fits(index: int) -> bool:
        return stack_height(make(sizes[index]), width) <= height

    if fits(0):
        return largest
    too_big, fitting = 0, len(sizes) - 1
    if fitting == 0 or not fits(fitting):
        return None
    while fitting - too_big > 1:
        middle = (too_big + fitting) // 2
        if fits(middle):
            fitting = middle
        else:
            too_big = middle
    return sizes[fitting]


class Slots(Flowable):
    """Stacks of flowables at fixed places in a box of fixed height: each stack's top is
    given in points from the box's top, so the same part of every page lands at the same
    place (a wall sign's name on every sign). One stack at the top makes a strip that takes
    the same room on every page, such as a card sheet's printing instruction."""

    def __init__(self, slots: Sequence[tuple[float, Sequence[Flowable]]], height: float) -> None:
        super().__init__()
        self._slots = list(slots)
        self._height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._height
        return self.width, self.height

    def draw(self) -> None:
        for top, flowables in self._slots:
            draw_stack(self.canv, flowables, 0, self.height - top, self.width)


# --- writing space --------------------------------------------------------------------


class RuledLines(Flowable):
    """Ruled lines to write on by hand, ``spacing`` apart across the full width."""

    def __init__(self, count: int, spacing: float = 8 * mm) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.spaceAfter = spacing / 2  # keeps the last line clear of what follows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.count * self.spacing
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Two sets of lines at a page break, if at least two lines fit before it."""
        fits = int(avail_height // self.spacing)
        if fits < 2 or fits >= self.count:
            return []
        return [RuledLines(fits, self.spacing), RuledLines(self.count - fits, self.spacing)]

    def draw(self) -> None:
        self.canv.setStrokeColor(GUIDE)
        self.canv.setLineWidth(0.6)
        for index in range(self.count):
            self.canv.line(0, index * self.spacing, self.width, index * self.spacing)


class TickBoxes(Flowable):
    """A label and a row of empty boxes numbered 1 to ``count``, to tick one by hand."""

    def __init__(self, label: str, count: int, theme: Theme, size: float = 10) -> None:
        super().__init__()
        self._label = label
        self._count = count
        self._ink = colour(theme.colours.text)
        self._size = size
        self._box = size * 1.3

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._box + 2
        return self.width, self.height

    def draw(self) -> None:
        canvas, size, box = self.canv, self._size, self._box
        canvas.setFillColor(self._ink)
        canvas.setStrokeColor(self._ink)
        canvas.setLineWidth(0.9)
        baseline = 1 + (box - size * 0.7) / 2
        canvas.setFont(face_name(bold=True), size)
        with tagged(canvas, "P"):  # the label and the numbers; the boxes are for ink
            canvas.drawString(0, baseline, self._label)
        x = stringWidth(self._label, face_name(bold=True), size) + size
        canvas.setFont(face_name(), size)
        for number in range(1, self._count + 1):
            with tagged(canvas, "P"):
                canvas.drawRightString(x + size * 1.2, baseline, str(number))
            canvas.rect(x + size * 1.5, 1, box, box, stroke=1, fill=0)
            x += size * 1.5 + box + size * 1.2


def note_box(label: str, text: str, style: ParagraphStyle, width: float) -> Table:
    """A tinted, framed box: a bold ``label`` line, then ``text`` (user text)."""
    label_style = ParagraphStyle(
        "note-label", parent=style, fontName=face_name(bold=True), spaceAfter=2
    )
    box = Table([[[para(label, label_style), para(text, style)]]], colWidths=[width])
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, style.textColor),
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ],
            style.fontSize,
        )
    )
    return box
