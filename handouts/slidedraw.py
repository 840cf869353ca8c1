"""Draw one laid-out slide (``kit.slidelayout.Slide``) with reportlab, at any width.

The deck is planned once by ``kit.layout.deckplan``; this module only paints that plan, so the
deck PDF and the notes handout show exactly what the PPTX shows. Slide coordinates are
points from the top-left corner; reportlab's run from the bottom-left, hence ``_Painter.y``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from handouts.templatedraw import draw_art
from kit.layout.drawing import (
    ROUND_CORNER,
    TABLE_RULE,
    bullet_offset,
    own_background,
    slide_art,
    stacking_order,
    template_behind,
)
from kit.layout.fonts import face_name, metrics
from kit.layout.qr import dark_runs
from kit.layout.slidelayout import (
    Arrow,
    Box,
    DeckLayout,
    Element,
    Picture,
    QrCode,
    Slide,
    Table,
)
from kit.layout.templateart import TemplateArt
from kit.layout.templatepaint import Rect
from kit.layout.textfit import Para, Text
from kit.model.colour import contrast, nearest_readable, readable_on
from kit.pdf import register_fonts
from kit.pdf.brand import image_source
from kit.pdf.tagging import tagged, tagger_of

ARROW_HEAD = 3.5  # head length as a multiple of the line width
LARGE_TEXT = {False: 18.0, True: 14.0}  # WCAG's large text, regular and bold: 3:1 will do
SMALL_CONTRAST = 5.0  # AA (4.5:1) for text under those sizes, with room for a viewer's rounding


def _colour(hex_colour: str) -> colors.Color:
    """A reportlab colour from ``#RRGGBB``."""
    return colors.HexColor(hex_colour)


def baseline_offset(size: float, line_height: float) -> float:
    """Distance from the top of a line box to its baseline: the glyphs centred in the box.

    Uses the font's own ascent and descent, as PowerPoint does for single-font lines.
    """
    face = metrics()
    ascent = face.ascent / face.units_per_em * size
    descent = face.descent / face.units_per_em * size
    return (line_height - ascent - descent) / 2 + ascent


@dataclass
class _Painter:
    """Paints slide elements on a canvas already scaled to slide points.

    Text that the drawing's ``scale`` makes small (under WCAG's large sizes) and that
    reads under ``SMALL_CONTRAST`` on what is behind it (a 28 pt term in the accent colour
    at 3.5:1 is fine projected, not as a 7 pt miniature) is darkened or lightened the
    least that reaches it.
    """

    canvas: Canvas
    height: float
    background: str  # the slide's
    scale: float = 1.0
    # What the template paints behind a box (None: no template; the slide's background).
    template: Callable[[Rect], tuple[str, ...]] | None = None
    fills: list[Box] = field(default_factory=list)  # kit's filled boxes drawn so far

    @property
    def ink(self) -> str:
        """For paragraphs that carry no colour of their own."""
        return readable_on(self.background)

    def y(self, top: float) -> float:
        """The PDF height of a distance ``top`` from the slide's top edge."""
        return self.height - top

    # --- shapes -----------------------------------------------------------------------

    def box(self, box: Box) -> None:
        """A box's shape (if filled or outlined), then its text inside the inset."""
        if box.fill or box.outline:
            self._shape(box)
        if box.text is not None:
            behind = self._behind(box)
            # A slide's footer is page furniture: an artifact, like a printed page's.
            role = {"title": "H1", "body": "P"}.get(box.role)
            with self.tagged(role, heading=box.text.plain.replace("\n", " ")):
                inner = box.w - 2 * box.inset
                self.text(box.text, box.x + box.inset, box.text_top, inner, behind)
        if box.fill:
            self.fills.append(box)

    def _behind(self, box: Box) -> tuple[str, ...]:
        """The colours behind ``box``'s text: its own fill, else that of a filled box drawn
        before that holds it, else what the template paints there, else the slide's
        background."""
        if box.fill:
            return (box.fill,)
        for other in reversed(self.fills):
            if _holds(other, box):
                return (other.fill or self.background,)
        under = self.template(Rect(box.x, box.y, box.w, box.h)) if self.template else ()
        return under or (self.background,)

    def _shape(self, box: Box) -> None:
        """The box's outline and fill, in its shape."""
        c = self.canvas
        c.saveState()
        if box.fill:
            c.setFillColor(_colour(box.fill))
        if box.outline:
            c.setStrokeColor(_colour(box.outline))
            c.setLineWidth(box.outline_width)
        fill, stroke = int(bool(box.fill)), int(bool(box.outline))
        bottom = self.y(box.y + box.h)
        if box.shape == "roundrect":
            radius = min(box.w, box.h) * ROUND_CORNER
            c.roundRect(box.x, bottom, box.w, box.h, radius, stroke, fill)
        else:
            c.rect(box.x, bottom, box.w, box.h, stroke, fill)
        c.restoreState()

    def arrow(self, arrow: Arrow) -> None:
        """A straight line with a filled head at each end if asked."""
        c = self.canvas
        c.saveState()
        c.setStrokeColor(_colour(arrow.colour))
        c.setFillColor(_colour(arrow.colour))
        c.setLineWidth(arrow.width)
        x1, y1, x2, y2 = arrow.x1, self.y(arrow.y1), arrow.x2, self.y(arrow.y2)
        c.line(x1, y1, x2, y2)
        for tip, tail in (((x2, y2), (x1, y1)), ((x1, y1), (x2, y2))):
            self._head(tip, tail, arrow.width * ARROW_HEAD)
        c.restoreState()

    def _head(self, tip: tuple[float, float], tail: tuple[float, float], length: float) -> None:
        """A filled triangle pointing at ``tip`` along the line from ``tail``."""
        (tx, ty), (sx, sy) = tip, tail
        dx, dy = tx - sx, ty - sy
        norm = (dx * dx + dy * dy) ** 0.5 or 1.0
        ux, uy = dx / norm, dy / norm
        base_x, base_y = tx - ux * length, ty - uy * length
        half = length * 0.6
        path = self.canvas.beginPath()
        path.moveTo(tx, ty)
        path.lineTo(base_x - uy * half, base_y + ux * half)
        path.lineTo(base_x + uy * half, base_y - ux * half)
        path.close()
        self.canvas.drawPath(path, stroke=0, fill=1)

    def picture(self, picture: Picture) -> None:
        """The picture in its box (already fitted with its aspect ratio kept)."""
        image = image_source(self.canvas, picture.path, picture.data)
        with self.tagged("Figure", alt=picture.alt):
            self.canvas.drawImage(
                image,
                picture.x,
                self.y(picture.y + picture.h),
                picture.w,
                picture.h,
                mask="auto",
            )

    def qr_code(self, code: QrCode) -> None:
        """The dark modules, a row's runs at a time, in one black path."""
        cell = code.size / len(code.modules)
        path = self.canvas.beginPath()
        for row, column, length in dark_runs(code.modules):
            top = code.y + row * cell
            path.rect(code.x + column * cell, self.y(top + cell), length * cell, cell)
        self.canvas.saveState()
        self.canvas.setFillColor(_colour("#000000"))
        self.canvas.drawPath(path, stroke=0, fill=1)
        self.canvas.restoreState()

    def table(self, table: Table) -> None:
        """Cell fills and texts, row by row, then the grid over them."""
        c = self.canvas
        top = table.y
        with self.group("Table"):
            for number, (row, height) in enumerate(zip(table.rows, table.row_heights)):
                left = table.x
                header = table.header and number == 0
                with self.group("TR"):
                    for cell, width in zip(row, table.col_widths):
                        if cell.fill:
                            c.setFillColor(_colour(cell.fill))
                            c.rect(left, self.y(top + height), width, height, stroke=0, fill=1)
                        with self.group("TH" if header else "TD"), self.tagged("P"):
                            inner = width - 2 * table.inset
                            at = (left + table.inset, top + table.inset)
                            self.text(cell.text, *at, inner, (cell.fill or self.background,))
                        left += width
                top += height
        self._grid(table)

    # --- structure, when the canvas is tagged (see kit.pdf.tagging) --------------------

    def tagged(
        self, role: str | None, *, alt: str | None = None, heading: str = ""
    ) -> AbstractContextManager[None]:
        """What is painted inside is ``role``'s content; ``None`` leaves it an artifact."""
        return tagged(self.canvas, role, alt=alt, heading=heading)

    def group(self, role: str) -> AbstractContextManager[None]:
        tagger = tagger_of(self.canvas)
        if tagger is None:
            return nullcontext()
        scope = {"Scope": "Column"} if role == "TH" else {}
        return tagger.group(role, **scope)

    def _grid(self, table: Table) -> None:
        """Thin rules between and around all cells."""
        c = self.canvas
        c.saveState()
        c.setStrokeColor(_colour(table.border))
        c.setLineWidth(TABLE_RULE)
        right, bottom = table.x + table.w, table.y + table.h
        top = table.y
        for height in (0.0, *table.row_heights):
            top += height
            c.line(table.x, self.y(top), right, self.y(top))
        left = table.x
        for width in (0.0, *table.col_widths):
            left += width
            c.line(left, self.y(table.y), left, self.y(bottom))
        c.restoreState()

    # --- text ------------------------------------------------------------------------

    def text(
        self, text: Text, left: float, top: float, width: float, behind: tuple[str, ...]
    ) -> None:
        """Paragraphs exactly as ``kit.layout.textfit`` wrapped them, from ``top`` down, on
        the colours ``behind`` them."""
        for para in text.paragraphs:
            top += para.space_before
            for index, line in enumerate(para.lines):
                baseline = self.y(top + baseline_offset(para.size, para.line_height))
                if index == 0 and para.bullet:
                    bullet_x = left + bullet_offset(para)
                    self._runs(para, [(para.bullet, False, False)], bullet_x, baseline, behind)
                start = self._line_start(para, line.width, left, width)
                runs = [(run.text, run.bold, run.italic) for run in line.runs]
                self._runs(para, runs, start, baseline, behind)
                top += para.line_height

    @staticmethod
    def _line_start(para: Para, line_width: float, left: float, width: float) -> float:
        """Where a line of ``line_width`` starts, for the paragraph's alignment."""
        free = width - para.indent - line_width
        shift = {"left": 0.0, "center": free / 2, "right": free}[para.align]
        return left + para.indent + max(shift, 0.0)

    def _runs(
        self,
        para: Para,
        runs: list[tuple[str, bool, bool]],
        x: float,
        baseline: float,
        behind: tuple[str, ...],
    ) -> None:
        """One text object per line, so extracted text keeps the line whole."""
        if not any(text for text, _, _ in runs):
            return
        text_object = self.canvas.beginText(x, baseline)
        ink = para.color or self.ink
        shown = para.size * self.scale
        if shown < LARGE_TEXT[any(bold for _, bold, _ in runs)]:
            worst = min(behind, key=lambda colour: contrast(ink, colour))
            ink = nearest_readable(ink, worst, SMALL_CONTRAST)
        text_object.setFillColor(_colour(ink))
        for text, bold, italic in runs:
            text_object.setFont(face_name(bold, italic), para.size)
            text_object.textOut(text)
        self.canvas.drawText(text_object)


def draw_slide(
    canvas: Canvas,
    slide: Slide,
    size: tuple[float, float],
    scale: float,
    art: TemplateArt | None = None,
    own_background: bool = True,
    behind: Callable[[Rect], tuple[str, ...]] | None = None,
) -> None:
    """Paint ``slide`` (``size`` in slide points) with its bottom-left at the origin, on
    the template's ``art`` if it has one: the template's background unless the slide has
    its ``own_background``, then what the template's master draws, then the slide.
    ``behind``: the colours the template paints behind a box, that small text reads on."""
    register_fonts()
    width, height = size
    canvas.saveState()
    canvas.scale(scale, scale)
    clip = canvas.beginPath()
    clip.rect(0, 0, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    if art is None or own_background:
        canvas.setFillColor(_colour(slide.background))
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
    else:
        draw_art(canvas, art.background, height)
    for shape in art.shapes if art is not None else ():
        draw_art(canvas, shape, height)
    painter = _Painter(canvas, height, slide.background, scale, behind)
    for element in stacking_order(slide):
        _paint(painter, element)
    canvas.restoreState()


def _paint(painter: _Painter, element: Element) -> None:
    """Paint one element with the painter method for its kind."""
    if isinstance(element, Box):
        painter.box(element)
    elif isinstance(element, Arrow):
        painter.arrow(element)
    elif isinstance(element, Picture):
        painter.picture(element)
    elif isinstance(element, QrCode):
        painter.qr_code(element)
    else:
        painter.table(element)


class SlideDrawing(Flowable):
    """A Flowable showing one slide of ``deck`` scaled to ``width``, its aspect ratio kept,
    on what its layout of the template draws, if it has one.

    ``outline`` draws a thin frame round it, so a white slide stands out on white paper.
    """

    def __init__(
        self,
        deck: DeckLayout,
        slide: Slide,
        width: float,
        outline: str | None = None,
    ) -> None:
        super().__init__()
        self.slide = slide
        size = self.size = (deck.width, deck.height)
        self.art = slide_art(deck, slide)
        self.behind = template_behind(deck, slide)
        self.own_background = own_background(deck, slide)
        self.scale = width / size[0]
        self.width = width
        self.height = size[1] * self.scale
        self.outline = outline

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_slide(
            self.canv,
            self.slide,
            self.size,
            self.scale,
            self.art,
            self.own_background,
            self.behind,
        )
        if self.outline:
            self.canv.saveState()
            self.canv.setStrokeColor(_colour(self.outline))
            self.canv.setLineWidth(0.5)
            self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            self.canv.restoreState()


def _holds(outer: Box, inner: Box) -> bool:
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and inner.x + inner.w <= outer.x + outer.w
        and inner.y + inner.h <= outer.y + outer.h
    )
