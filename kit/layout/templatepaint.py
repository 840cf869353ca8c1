"""What a template paints on a slide, as colours over rectangles: its ``Art`` (its
background, pictures sampled on a grid, shapes) as a reader of colours sees it.

Read by ``kit.layout.templatelook`` to know the colours behind any box kit draws text in;
rectangles are in points from the slide's top-left corner.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, cast

from lxml import etree

from kit.layout.templateart import Art
from kit.layout.templatecolours import EMU_PER_POINT, NS

PaintKind = Literal["background", "picture", "shape"]
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


def paint_of(art: Art, kind: PaintKind | None = None) -> Paint | None:
    """What ``art`` paints over its box (None: nothing a reader sees); ``kind`` by default
    from the art's (a picture, else a shape)."""
    rect = _turned(Rect(art.x, art.y, art.w, art.h), art.rotation)
    kind = kind or ("picture" if art.kind == "picture" else "shape")
    sampled = _sampled(art.image, rect, kind) if art.image is not None else None
    if sampled is not None:
        return sampled
    if art.kind == "picture" or art.image is not None:
        return solid(rect, (_GREY,), False, kind)  # a picture kit cannot read: its box
    if art.fill:
        opaque = art.kind == "rect" and art.opacity >= 1.0
        return solid(rect, tuple(sorted({*art.fill, *art.also})), opaque, kind)
    if art.line or art.text:
        return solid(rect, (art.line or _GREY,), False, kind)
    return None


def _turned(rect: Rect, degrees: float) -> Rect:
    """The box ``rect`` covers once turned by ``degrees`` about its centre."""
    if degrees % 180 == 0:
        return rect
    turn = math.radians(degrees)
    cos, sin = abs(math.cos(turn)), abs(math.sin(turn))
    w, h = rect.w * cos + rect.h * sin, rect.w * sin + rect.h * cos
    return Rect(rect.x + (rect.w - w) / 2, rect.y + (rect.h - h) / 2, w, h)


@lru_cache(maxsize=64)  # a background picture is the same under each layout
def _sampled(data: bytes, rect: Rect, kind: PaintKind) -> Paint | None:
    """A picture's colours, cell by cell, stretched over ``rect``."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (_GRID * 4, _GRID * 4))
            rgba = image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    columns = max(1, round(_GRID * min(1.0, rect.w / max(rect.w, rect.h))))
    rows = max(1, round(_GRID * min(1.0, rect.h / max(rect.w, rect.h))))
    raw = rgba.resize((columns, rows), Image.Resampling.BOX).tobytes()  # RGBA, row by row
    pixels = [cast(Pixel, tuple(raw[i : i + 4])) for i in range(0, len(raw), 4)]
    cells = tuple(
        tuple(_cell(pixel) for pixel in pixels[row * columns : (row + 1) * columns])
        for row in range(rows)
    )
    opaque = all(cell is not None for line in cells for cell in line)
    return Paint(rect, cells, opaque, kind)


def _cell(pixel: Pixel) -> tuple[str, ...] | None:
    r, g, b, alpha = pixel
    return None if alpha < 128 else (f"#{r:02X}{g:02X}{b:02X}",)


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
