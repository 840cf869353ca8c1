"""Drawing primitives for printed sheets: the continuum line, card grids, writing space.

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
from dataclasses import dataclass
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Table

from kit.layout.fonts import face_name
from kit.model import ContinuumBlock, Theme, markup
from kit.model.colour import WHITE, contrast
from kit.pdf import MARGIN, colour, paper_size, para, table_style
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


def frame_size(paper: str, *, turned: bool = False) -> tuple[float, float]:
    """Width and height of the writing area ``kit.pdf.build_pdf`` gives on a sheet."""
    width, height = paper_size(paper, turned=turned)
    return width - 2 * MARGIN, height - 2 * MARGIN


def clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it is at most ``width`` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def running_header(
    title: str, label: str, theme: Theme, *, facilitator: bool = False
) -> Callable[[Canvas, BaseDocTemplate], None]:
    """A page painter for ``build_pdf(on_page=...)``: title left, ``label`` right.

    With ``facilitator``, the header is a black band reading ``label`` in white, so a
    facilitator's copy is told apart from participant sheets at a glance, even in a pile.
    """
    size = 8

    def paint(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        left, right = doc.leftMargin, width - doc.rightMargin
        top = height - doc.topMargin
        # Between the body and 12 mm from the paper's edge, which printers never clip.
        baseline = top + 3.6 * mm
        label_font = face_name(bold=True)
        label_width = stringWidth(label, label_font, size)
        title_width = right - left - label_width - 8 * mm
        canvas.saveState()
        if facilitator:
            canvas.setFillColor(colors.black)
            canvas.rect(
                left - 2 * mm, top + 1.6 * mm, right - left + 4 * mm, 4.4 * mm, stroke=0, fill=1
            )
            canvas.setFillColor(colors.white)
        else:
            canvas.setStrokeColor(GUIDE)
            canvas.setLineWidth(0.5)
            canvas.line(left, top + 2 * mm, right, top + 2 * mm)
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

    None if even ``smallest`` is too big, so the caller can report what did not fit.
    """
    size = largest
    while size >= smallest:
        if stack_height(make(size), width) <= height:
            return size
        size -= 0.5
    return None


class Stack(Flowable):
    """Flowables kept together in a box of fixed height, aligned top or middle.

    Used for a page that must stay one page, such as a wall sign.
    """

    def __init__(
        self,
        flowables: Sequence[Flowable],
        height: float,
        valign: Literal["top", "middle"] = "top",
    ) -> None:
        super().__init__()
        self._flowables = list(flowables)
        self._height = height
        self._valign = valign

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._height
        return self.width, self.height

    def draw(self) -> None:
        used = stack_height(self._flowables, self.width)
        top = self.height - ((self.height - used) / 2 if self._valign == "middle" else 0)
        draw_stack(self.canv, self._flowables, 0, top, self.width)


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


# --- the continuum --------------------------------------------------------------------


LABEL_SIZE = 9.0  # ContinuumDrawing's text size unless told otherwise


class ContinuumDrawing(Flowable):
    """The continuum as a line between its two poles with numbered stage markers.

    ``ContinuumDrawing(continuum, theme, width)`` draws the axis labels above the line
    and each stage's name under its marker, in order, numbered from 1. ``text_size``
    sets the labels (names of seven or more stages are set a little smaller) and, unless
    ``marker`` is given, the markers at twice that. For a wall sign, ``current``
    (0-based) fills only that stage's marker, and ``names``/``axis`` can be turned off to
    leave the bare numbered line. The drawing never splits across pages.
    """

    def __init__(
        self,
        continuum: ContinuumBlock,
        theme: Theme,
        width: float,
        *,
        current: int | None = None,
        names: bool = True,
        axis: bool = True,
        text_size: float = LABEL_SIZE,
        marker: float | None = None,
    ) -> None:
        super().__init__()
        self._continuum = continuum
        self._theme = print_theme(theme)
        self._full_width = width
        self._current = current
        self._names = names
        self._axis = axis
        self._text_size = text_size
        self._marker = marker or 2 * text_size
        self._gap = self._marker * 0.3

    def _style(self, name: str, size: float, alignment: int) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=face_name(bold=True),
            fontSize=size,
            leading=size * 1.2,
            alignment=alignment,
            textColor=colour(self._theme.colours.text),
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self._full_width, avail_width)
        stages = self._continuum.stages
        column = self.width / len(stages)
        self._axis_labels: list[Paragraph] = []
        if self._axis:
            axis = self._continuum.axis
            self._axis_labels = [
                para("← " + axis.start, self._style("axis-start", self._text_size, TA_LEFT)),
                para(axis.end + " →", self._style("axis-end", self._text_size, TA_RIGHT)),
            ]
        name_size = self._text_size * (1 if len(stages) <= 6 else 0.9)
        self._labels = (
            [para(stage.name, self._style("stage", name_size, TA_CENTER)) for stage in stages]
            if self._names
            else []
        )
        self._axis_height = max(
            (p.wrap(self.width * 0.48, avail_height)[1] for p in self._axis_labels), default=0.0
        )
        self._name_height = max(
            (p.wrap(column - 4, avail_height)[1] for p in self._labels), default=0.0
        )
        self.height = self._marker + sum(
            part + self._gap for part in (self._axis_height, self._name_height) if part
        )
        return self.width, self.height

    @property
    def alt(self) -> str:
        """What the drawing shows, for a screen reader: the poles and the numbered stages."""
        axis = self._continuum.axis
        stages = "; ".join(
            f"{number}. {markup.plain(stage.name)}"
            for number, stage in enumerate(self._continuum.stages, start=1)
        )
        current = "" if self._current is None else f" [{self._current + 1}]"
        return f"{markup.plain(axis.start)} ← {stages} → {markup.plain(axis.end)}{current}"

    def draw(self) -> None:
        with tagged(self.canv, "Figure", alt=self.alt):
            self._draw()

    def _draw(self) -> None:
        canvas, theme = self.canv, self._theme
        ink = colour(theme.colours.text)
        fill = colour(theme.colours.primary)
        top = self.height
        if self._axis_labels:
            start, end = self._axis_labels
            start.drawOn(canvas, 0, top - start.height)
            end.drawOn(canvas, self.width * 0.52, top - end.height)
            top -= self._axis_height + self._gap
        mid = top - self._marker / 2
        self._draw_line(mid, ink)
        count = len(self._continuum.stages)
        column = self.width / count
        radius = self._marker / 2
        for index in range(count):
            centre = column * (index + 0.5)
            filled = self._current is None or self._current == index
            canvas.setFillColor(fill if filled else colors.white)
            canvas.setStrokeColor(fill if filled else ink)
            canvas.setLineWidth(1.2)
            canvas.circle(centre, mid, radius, stroke=1, fill=1)
            canvas.setFillColor(colors.white if filled else ink)
            canvas.setFont(face_name(bold=True), self._marker * 0.55)
            canvas.drawCentredString(centre, mid - self._marker * 0.19, str(index + 1))
        for index, label in enumerate(self._labels):
            label.drawOn(canvas, column * index + 2, mid - radius - self._gap - label.height)

    def _draw_line(self, y: float, ink: colors.Color) -> None:
        """The axis: a line across the full width with an arrowhead at each end."""
        canvas = self.canv
        head = self._marker * 0.35
        canvas.setStrokeColor(ink)
        canvas.setFillColor(ink)
        canvas.setLineWidth(1.5)
        canvas.line(head, y, self.width - head, y)
        for tip, back in ((0, head * 1.6), (self.width, self.width - head * 1.6)):
            path = canvas.beginPath()
            path.moveTo(tip, y)
            path.lineTo(back, y + head * 0.7)
            path.lineTo(back, y - head * 0.7)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)


# --- cards ----------------------------------------------------------------------------

CUT_MARK = 9.0  # length of a cut mark, in points
CUT_GAP = 3.0  # space between the card edge and its cut mark


@dataclass(frozen=True)
class CardGrid:
    """Equal cards edge to edge in ``columns`` x ``rows``, with room for cut marks."""

    columns: int
    rows: int
    card_width: float
    card_height: float
    padding: float = 12.0  # text inset, so a slightly crooked cut never cuts text

    @classmethod
    def filling(cls, width: float, height: float, columns: int, rows: int) -> CardGrid:
        """The largest grid that fits a ``width`` x ``height`` frame with its cut marks."""
        room = 2 * (CUT_GAP + CUT_MARK)
        return cls(columns, rows, (width - room) / columns, (height - room - 1) / rows)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def inner_width(self) -> float:
        return self.card_width - 2 * self.padding

    @property
    def inner_height(self) -> float:
        return self.card_height - 2 * self.padding

    def origin(self, slot: int, *, mirrored: bool = False) -> tuple[float, float]:
        """Bottom-left corner of card ``slot`` (reading order) from the grid's bottom-left.

        ``mirrored`` reverses the column order: the back of a sheet printed duplex and
        flipped on its long edge, so each back lines up with its front.
        """
        row, column = divmod(slot, self.columns)
        if mirrored:
            column = self.columns - 1 - column
        return column * self.card_width, (self.rows - 1 - row) * self.card_height


class CardPage(Flowable):
    """One page of cards in a ``CardGrid``, centred, with cut marks on front pages.

    ``cards`` holds each card's flowables in reading order (at most ``grid.per_page``),
    already fitted to ``grid.inner_width`` x ``grid.inner_height``. A back page
    (``mirrored``) draws the same slots in mirrored columns and no marks.
    """

    def __init__(
        self,
        grid: CardGrid,
        cards: Sequence[Sequence[Flowable]],
        *,
        mirrored: bool = False,
        valign: Literal["top", "middle"] = "top",
    ) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # centred on the page, so the mirror image lines up
        self._grid = grid
        self._cards = cards
        self._mirrored = mirrored
        self._valign = valign
        self._room = CUT_GAP + CUT_MARK

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        grid = self._grid
        self.width = grid.columns * grid.card_width + 2 * self._room
        self.height = grid.rows * grid.card_height + 2 * self._room
        return self.width, self.height

    def draw(self) -> None:
        canvas, grid = self.canv, self._grid
        canvas.translate(self._room, self._room)
        for slot, card in enumerate(self._cards):
            x, y = grid.origin(slot, mirrored=self._mirrored)
            if not self._mirrored:
                canvas.setStrokeColor(GUIDE)
                canvas.setLineWidth(0.5)
                canvas.setDash(3, 3)
                canvas.rect(x, y, grid.card_width, grid.card_height, stroke=1, fill=0)
                canvas.setDash()
            used = stack_height(card, grid.inner_width)
            drop = (grid.inner_height - used) / 2 if self._valign == "middle" else 0
            draw_stack(
                canvas,
                card,
                x + grid.padding,
                y + grid.card_height - grid.padding - drop,
                grid.inner_width,
            )
        if not self._mirrored:
            self._draw_cut_marks()

    def _draw_cut_marks(self) -> None:
        """Short marks outside the used rows, in line with every card edge."""
        canvas, grid = self.canv, self._grid
        rows = -(-len(self._cards) // grid.columns)
        top = grid.rows * grid.card_height
        bottom = top - rows * grid.card_height
        right = grid.columns * grid.card_width
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        near, far = CUT_GAP, CUT_GAP + CUT_MARK
        for column in range(grid.columns + 1):
            x = column * grid.card_width
            canvas.line(x, top + near, x, top + far)
            canvas.line(x, bottom - near, x, bottom - far)
        for row in range(rows + 1):
            y = top - row * grid.card_height
            canvas.line(-near, y, -far, y)
            canvas.line(right + near, y, right + far, y)
