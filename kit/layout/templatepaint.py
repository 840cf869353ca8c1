"""What a template paints on a slide, as colours over rectangles: backgrounds, fills,
pictures sampled on a grid, and the master's and layouts' own shapes.

Read by ``kit.layout.templatelook`` to know the colours behind any box kit draws text in;
rectangles are in points from the slide's top-left corner.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from lxml import etree

from kit.layout.templatecolours import EMBED, EMU_PER_POINT, NS, Colours

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.slide import SlideLayout, SlideMaster

PaintKind = Literal["background", "picture", "shape", "field"]
Pixel = tuple[int, int, int, int]
_GRID = 24  # a picture is sampled as at most this many cells along its longer side
_EPSILON = 1e-6  # points: what adding and taking away the same lengths can leave over
_GREY = "#808080"  # what stands for a shape or picture whose colours kit cannot read


@dataclass(frozen=True)
class Rect:
    """A rectangle in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def meets(self, other: Rect) -> bool:
        """Whether the two share more than an edge (points' rounding aside)."""
        return (
            self.x < other.right - _EPSILON
            and other.x < self.right - _EPSILON
            and self.y < other.bottom - _EPSILON
            and other.y < self.bottom - _EPSILON
        )

    def holds(self, other: Rect) -> bool:
        """Whether ``other`` lies wholly inside this rectangle (points' rounding aside)."""
        return (
            self.x <= other.x + _EPSILON
            and self.y <= other.y + _EPSILON
            and other.right <= self.right + _EPSILON
            and other.bottom <= self.bottom + _EPSILON
        )

    def grown(self, by: float) -> Rect:
        """This rectangle with ``by`` points more on every side."""
        return Rect(self.x - by, self.y - by, self.w + 2 * by, self.h + 2 * by)


@dataclass(frozen=True)
class Paint:
    """Something the template paints: colours over a rectangle, as a grid of cells.

    ``cells`` holds one row of colours per band of the rectangle (``None`` where a picture
    is see-through); a solid fill is one cell, a gradient one cell of all its stops.
    ``opaque``: it hides whatever lies under it.
    """

    rect: Rect
    cells: tuple[tuple[tuple[str, ...] | None, ...], ...]
    opaque: bool
    kind: PaintKind = "shape"

    def colours_in(self, box: Rect) -> set[str]:
        """The colours this paint shows inside ``box``."""
        rows, columns = len(self.cells), len(self.cells[0])
        cell_w, cell_h = self.rect.w / columns, self.rect.h / rows
        found: set[str] = set()
        for row, line in enumerate(self.cells):
            for column, colours in enumerate(line):
                cell = Rect(
                    self.rect.x + column * cell_w, self.rect.y + row * cell_h, cell_w, cell_h
                )
                if colours and cell.meets(box):
                    found.update(colours)
        return found


def solid(rect: Rect, colours: tuple[str, ...], opaque: bool, kind: PaintKind) -> Paint:
    """One cell of ``colours`` over ``rect``."""
    return Paint(rect, ((colours,),), opaque, kind)


def background(layout: SlideLayout, master: SlideMaster, colours: Colours, slide: Rect) -> Paint:
    """The background a slide on ``layout`` shows: the layout's, else its master's."""
    for owner in (layout, master):
        bg = owner._element.find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        properties = bg.find("p:bgPr", NS)
        paint = None
        if properties is not None:
            paint = fill(properties, owner.part, colours, slide, "background")
        elif (reference := bg.find("p:bgRef", NS)) is not None:
            paint = _referenced(reference, owner.part, colours, slide)
        if paint is not None:
            return paint
    return solid(slide, ("#FFFFFF",), True, "background")


def _referenced(
    reference: etree._Element, part: Part, colours: Colours, slide: Rect
) -> Paint | None:
    """A background that names one of the theme's background fills (``p:bgRef``)."""
    colour = colours.of(reference)
    style = colours.background_style(int(reference.get("idx", "0")))
    if style is not None:
        paint = fill(style, part, colours.standing_for(colour), slide, "background")
        if paint is not None:
            return paint
    return solid(slide, (colour,), True, "background") if colour else None


def fill(
    holder: etree._Element, part: Part, colours: Colours, rect: Rect, kind: PaintKind
) -> Paint | None:
    """The paint of the first fill in ``holder`` (None for no fill)."""
    found = holder.find("a:solidFill", NS)
    if found is not None:
        colour = colours.of(found)
        return solid(rect, (colour,), True, kind) if colour else None
    found = holder.find("a:gradFill", NS)
    if found is not None:
        stops = {c for gs in found.iterfind("a:gsLst/a:gs", NS) if (c := colours.of(gs))}
        return solid(rect, tuple(sorted(stops)), True, kind) if stops else None
    found = holder.find("a:pattFill", NS)
    if found is not None:
        both = {colours.of(found.find(f"a:{name}", NS)) for name in ("fgClr", "bgClr")}
        shown = tuple(sorted(c for c in both if c))
        return solid(rect, shown, True, kind) if shown else None
    found = holder.find("a:blipFill", NS)
    if found is None:
        found = holder.find("p:blipFill", NS)
    return _picture(found, part, rect, kind) if found is not None else None


def _picture(found: etree._Element, part: Part, rect: Rect, kind: PaintKind) -> Paint | None:
    """A picture's colours, cell by cell, stretched over ``rect``."""
    from PIL import Image

    blip = found.find("a:blip", NS)
    r_id = blip.get(EMBED) if blip is not None else None
    if not r_id or r_id not in part.rels:
        return None
    try:
        with Image.open(io.BytesIO(part.related_part(r_id).blob)) as image:
            image.draft("RGB", (_GRID * 4, _GRID * 4))
            rgba = image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # a format Pillow cannot read (EMF, WMF): its box still counts
    columns = max(1, round(_GRID * min(1.0, rect.w / max(rect.w, rect.h))))
    rows = max(1, round(_GRID * min(1.0, rect.h / max(rect.w, rect.h))))
    small = rgba.resize((columns, rows), Image.Resampling.BOX)
    cells = tuple(
        tuple(_cell(cast(Pixel, small.getpixel((column, row)))) for column in range(columns))
        for row in range(rows)
    )
    opaque = all(cell is not None for line in cells for cell in line)
    return Paint(rect, cells, opaque, kind)


def _cell(pixel: Pixel) -> tuple[str, ...] | None:
    r, g, b, alpha = pixel
    return None if alpha < 128 else (f"#{r:02X}{g:02X}{b:02X}",)


def shape_paint(shape: etree._Element, part: Part, colours: Colours) -> Paint | None:
    """What a master's or layout's own shape paints (None for placeholders, which show
    nothing on a slide that does not use them, and for invisible shapes)."""
    name = etree.QName(shape).localname
    if name not in ("sp", "pic", "grpSp", "cxnSp", "graphicFrame"):
        return None
    if shape.find("*/p:nvPr/p:ph", NS) is not None:
        return None
    rect = bounds(shape)
    if rect is None:
        return None
    if name == "pic":
        picture = fill(shape, part, colours, rect, "picture")
        return picture or solid(rect, (_GREY,), False, "picture")
    if name == "grpSp":
        inner = [p for child in shape if (p := shape_paint(child, part, colours)) is not None]
        found = tuple(sorted({c for p in inner for c in p.colours_in(p.rect)}))
        return solid(rect, found, False, "shape") if found else None
    properties = shape.find("p:spPr", NS)
    paint = fill(properties, part, colours, rect, "shape") if properties is not None else None
    if paint is None and properties is not None and properties.find("a:noFill", NS) is None:
        reference = shape.find("p:style/a:fillRef", NS)
        if reference is not None and reference.get("idx", "0") != "0":
            colour = colours.of(reference)
            paint = solid(rect, (colour,), True, "shape") if colour else None
    line = _line_colour(properties, colours) if properties is not None else None
    has_text = any(t.text and t.text.strip() for t in shape.iterfind(".//a:t", NS))
    if paint is None and line is None and not has_text:
        return None
    if paint is None:
        return solid(rect, (line or _GREY,), False, "shape")
    geometry = shape.find("p:spPr/a:prstGeom", NS)
    rectangular = geometry is not None and geometry.get("prst") == "rect"
    return Paint(rect, paint.cells, paint.opaque and rectangular, "shape")


def _line_colour(properties: etree._Element, colours: Colours) -> str | None:
    line = properties.find("a:ln", NS)
    if line is None or line.find("a:noFill", NS) is not None:
        return None
    return colours.of(line.find("a:solidFill", NS))


def bounds(shape: etree._Element) -> Rect | None:
    """A shape's box from its own ``a:xfrm`` (None without one)."""
    xfrm = shape.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = shape.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = shape.find("p:xfrm", NS)  # a graphic frame's
    if xfrm is None:
        return None
    offset, extent = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    if offset is None or extent is None:
        return None
    values = (offset.get("x"), offset.get("y"), extent.get("cx"), extent.get("cy"))
    x, y, w, h = (int(v or 0) / EMU_PER_POINT for v in values)
    return Rect(x, y, w, h)
