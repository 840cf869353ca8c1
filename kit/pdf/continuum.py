"""The continuum as a drawing: its stages on a line from one end of the axis to the other."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from kit.layout.fonts import face_name
from kit.model import ContinuumBlock, Theme, markup
from kit.pdf import colour, para, register_fonts, unbreakable
from kit.pdf.draw import print_theme
from kit.pdf.tagging import tagged

LABEL_SIZE = 9.0  # ContinuumDrawing's text size unless told otherwise
LABEL_PAD = 2.0  # each side of a stage's name, clear of its neighbour's


class ContinuumDrawing(Flowable):
    """The continuum as a line between its two poles with numbered stage markers.

    ``ContinuumDrawing(continuum, theme, width)`` draws the axis labels above the line
    and each stage's name under its marker, in order, numbered from 1. ``text_size``
    sets the labels (names of seven or more stages are set a little smaller) and, unless
    ``marker`` is given, the markers at twice that. A name never breaks inside a word: when
    a word is wider than its stage's column, the names go on two tiers (every other stage
    lower, on a leader line), each name then two columns wide, and shrink only if a word
    still does not fit. For a wall sign, ``current``
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
        register_fonts()  # its labels are measured before any story registers them
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
        names = [stage.name for stage in stages] if self._names else []
        widest = max((_widest_word(name, name_size) for name in names), default=0.0)
        self._tiers = 1 if widest <= column - 2 * LABEL_PAD else 2
        self._label_width = self._tiers * column - 2 * LABEL_PAD
        name_size *= min(1.0, self._label_width / widest) if widest else 1.0
        self._labels = [para(name, self._style("stage", name_size, TA_CENTER)) for name in names]
        self._axis_height = max(
            (p.wrap(self.width * 0.48, avail_height)[1] for p in self._axis_labels), default=0.0
        )
        self._tier_height = max(
            (p.wrap(self._label_width, avail_height)[1] for p in self._labels), default=0.0
        )
        names_height = self._tiers * self._tier_height + (self._tiers - 1) * self._gap
        self.height = self._marker + sum(
            part + self._gap for part in (self._axis_height, names_height) if part
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
            self._draw_label(label, index, column, mid - radius)

    def _draw_label(self, label: Paragraph, index: int, column: float, under: float) -> None:
        """Stage ``index``'s name centred under its marker (whose foot is at ``under``),
        kept inside the drawing; on two tiers, every other name a tier lower."""
        canvas = self.canv
        centre = column * (index + 0.5)
        lowered = self._tiers == 2 and index % 2 == 1
        top = under - self._gap - (self._tier_height + self._gap if lowered else 0.0)
        if lowered:  # a leader from the marker down to its name, between the upper names
            canvas.setStrokeColor(colour(self._theme.colours.muted))
            canvas.setLineWidth(0.5)
            canvas.line(centre, under, centre, top)
        inner = max(label.getActualLineWidths0(), default=0.0)  # the text, not its box
        left = centre - self._label_width / 2
        shift = min(max(centre - inner / 2, 0.0), self.width - inner) - (centre - inner / 2)
        label.drawOn(canvas, left + shift, top - label.height)

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


def _widest_word(text: str, size: float) -> float:
    """The width of ``text``'s widest word, set bold at ``size``."""
    face = face_name(bold=True)
    return max((stringWidth(word, face, size) for word in unbreakable(text)), default=0)
