"""What a template paints on a slide, as colours over rectangles: its ``Art`` (its
background, pictures sampled on a grid, shapes) as a reader of colours sees it.

Read by ``kit.layout.templatelook`` to know the colours behind any box kit draws text in;
rectangles are in points from the slide's top-left corner.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, cast

from lxml import etree

if TYPE_CHECKING:
    import PIL.Image

from kit.layout.templateart import Art, shape_box
from kit.layout.templatecolours import EMU_PER_POINT
from kit.model.colour import WHITE, luminance, mix

PaintKind = Literal["background", "picture", "shape"]
_GRID = 24  # a picture is sampled as at most this many cells along its longer side
_DETAIL = 1.5  # points a pixel of a picture is read at, about what a viewer shows of it
_EPSILON = 1e-6  # points: what adding and taking away the same lengths can leave over
_CLOSE = 1.03  # luminances (plus flare) this near give contrasts under 3 % apart
_GREY = "#808080"  # what stands for a shape or picture whose colours kit cannot read
_OPAQUE_MODES = ("1", "L", "P", "RGB", "CMYK", "YCbCr")  # a picture's modes without alpha
# Levels (of 255) a picture's pixels may come out off its file's once shown: a PDF export
# compresses it again and a viewer scales it (LibreOffice's PDF of Blueprint_Plans' grid
# shows its darkest teal two levels darker than the file: black text on it 4.47:1, not 4.59).
_REENCODED = 3


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
        if cell_w <= 0 or cell_h <= 0:
            return set()
        # The cells the box meets more than at an edge.
        first = max(0, math.floor((box.x - self.rect.x) / cell_w + _EPSILON))
        last = min(columns, math.ceil((box.right - self.rect.x) / cell_w - _EPSILON))
        top = max(0, math.floor((box.y - self.rect.y) / cell_h + _EPSILON))
        bottom = min(rows, math.ceil((box.bottom - self.rect.y) / cell_h - _EPSILON))
        return {
            colour
            for line in self.cells[top:bottom]
            for colours in line[first:last]
            if colours
            for colour in colours
        }


def solid(rect: Rect, colours: tuple[str, ...], opaque: bool, kind: PaintKind) -> Paint:
    """One cell of ``colours`` over ``rect``."""
    return Paint(rect, ((colours,),), opaque, kind)


def colours_behind(paints: Sequence[Paint], box: Rect) -> tuple[str, ...]:
    """Every colour a reader may see behind ``box`` of ``paints`` (bottom first), sorted;
    the topmost paint that covers the whole box hides the ones under it."""
    found: set[str] = set()
    for paint in reversed(paints):
        if not paint.rect.meets(box):
            continue
        found |= paint.colours_in(box)
        if paint.opaque and paint.rect.holds(box):
            break
    return tuple(sorted(_thinned(found)))


def _thinned(colours: set[str]) -> list[str]:
    """``colours`` less those whose luminance is within ``_CLOSE`` of one kept (contrast
    goes by luminance alone): the darkest and the lightest are always kept."""
    ordered = sorted(colours, key=luminance)
    kept = ordered[:1]
    for colour in ordered[1:-1]:
        if (luminance(colour) + 0.05) > (luminance(kept[-1]) + 0.05) * _CLOSE:
            kept.append(colour)
    return kept + ordered[-1:] if len(ordered) > 1 else kept


def painted(art: Art) -> Rect | None:
    """The box ``paint_of`` paints ``art`` over (None: nothing a reader sees), without
    reading its colours."""
    if art.image is None and art.kind != "picture" and not (art.fill or art.line or art.text):
        return None
    return _turned(Rect(art.x, art.y, art.w, art.h), art.rotation)


def paint_of(art: Art, kind: PaintKind | None = None, under: Sequence[Paint] = ()) -> Paint | None:
    """What ``art`` paints over its box (None: nothing a reader sees); ``kind`` by default
    from the art's (a picture, else a shape). A see-through fill shows blended with each
    colour of ``under`` (what is painted before it) in its box."""
    rect = painted(art)
    if rect is None:
        return None
    kind = kind or ("picture" if art.kind == "picture" else "shape")
    sampled = _sampled(art.image, rect, kind) if art.image is not None else None
    if sampled is not None:
        return sampled
    if art.kind == "picture" or art.image is not None:
        return solid(rect, (_GREY,), False, kind)  # a picture kit cannot read: its box
    # A gradient of no known shape shows every stop everywhere (one cell, below).
    located = art.angle is not None or art.path is not None
    if located and len(art.fill) > 1 and len(art.stops) == len(art.fill):
        return _gradient(art, rect, kind, under)
    if art.fill:
        fill = {*art.fill, *art.also}
        if art.opacity < 1.0:
            ground = colours_behind(under, rect) or (WHITE,)
            fill = {mix(colour, own, art.opacity) for own in fill for colour in ground}
        return solid(rect, tuple(sorted(fill)), art.kind == "rect", kind)
    return solid(rect, (art.line or _GREY,), False, kind)  # a line, or text


def _turned(rect: Rect, degrees: float) -> Rect:
    """The box ``rect`` covers once turned by ``degrees`` about its centre."""
    if degrees % 180 == 0:
        return rect
    turn = math.radians(degrees)
    cos, sin = abs(math.cos(turn)), abs(math.sin(turn))
    w, h = rect.w * cos + rect.h * sin, rect.w * sin + rect.h * cos
    return Rect(rect.x + (rect.w - w) / 2, rect.y + (rect.h - h) / 2, w, h)


def _gradient(art: Art, rect: Rect, kind: PaintKind, under: Sequence[Paint]) -> Paint:
    """A gradient as a grid of cells (``_cells``); where its stops are see-through, each
    cell's colours blended with each colour ``under`` it there."""
    cells = _cells(art, rect)
    opaque = art.kind == "rect"  # blended, its colours are all a reader sees in its box
    if not art.alphas:
        return Paint(
            rect,
            tuple(tuple(tuple(c for c, _ in cell) for cell in line) for line in cells),
            opaque,
            kind,
        )
    rows, columns = len(cells), len(cells[0])
    w, h = rect.w / columns, rect.h / rows
    blended = tuple(
        tuple(
            tuple(
                sorted(
                    {
                        mix(ground, colour, alpha)
                        for ground in colours_behind(
                            under, Rect(rect.x + c * w, rect.y + r * h, w, h)
                        )
                        or (WHITE,)
                        for colour, alpha in cell
                    }
                )
            )
            for c, cell in enumerate(line)
        )
        for r, line in enumerate(cells)
    )
    return Paint(rect, blended, opaque, kind)


@lru_cache(maxsize=64)  # a master's gradient is the same under each layout
def _cells(art: Art, rect: Rect) -> tuple[tuple[tuple[tuple[str, float], ...], ...], ...]:
    """A gradient's grid of cells, each holding the colours (and opacities) it runs
    between: those at its corners, at any stop inside it, and at a path gradient's focus
    when the cell holds it."""
    columns, rows = _grid(rect)
    at = _position(art, rect)
    corners = [
        [at(column / columns, row / rows) for column in range(columns + 1)]
        for row in range(rows + 1)
    ]
    fx, fy = art.focus

    def cell(column: int, row: int) -> tuple[tuple[str, float], ...]:
        ts = [corners[row + j][column + i] for i in (0, 1) for j in (0, 1)]
        if art.path and column <= fx * columns <= column + 1 and row <= fy * rows <= row + 1:
            ts.append(0.0)
        inside = [s for s in art.stops if min(ts) < s < max(ts)]
        return tuple(sorted({_stop_at(art, t) for t in (*ts, *inside)}))

    return tuple(tuple(cell(c, r) for c in range(columns)) for r in range(rows))


def _position(art: Art, rect: Rect) -> Callable[[float, float], float]:
    """Where along a gradient (0 to 1) a point of its box lies, the point given as shares
    of the box's width and height: along a linear gradient's angle, or out from a path
    gradient's focus (a circle reaching the farthest corner, or a rectangle its edges)."""
    fx, fy = art.focus
    if art.path == "circle":
        reach = max(
            math.hypot((x - fx) * rect.w, (y - fy) * rect.h) for x in (0, 1) for y in (0, 1)
        )
        return lambda u, v: math.hypot((u - fx) * rect.w, (v - fy) * rect.h) / (reach or 1.0)
    if art.path == "rect":
        return lambda u, v: max(
            (fx - u) / fx if u < fx else (u - fx) / ((1 - fx) or 1.0),
            (fy - v) / fy if v < fy else (v - fy) / ((1 - fy) or 1.0),
        )
    angle = math.radians(art.angle or 0.0)
    dx, dy = math.cos(angle) * rect.w, math.sin(angle) * rect.h  # along the colours' change
    ends = [x * dx + y * dy for x in (0, 1) for y in (0, 1)]
    low, span = min(ends), (max(ends) - min(ends)) or 1.0
    return lambda u, v: (u * dx + v * dy - low) / span


def _stop_at(art: Art, t: float) -> tuple[str, float]:
    """A gradient's colour and opacity at ``t`` (0 to 1 along it)."""
    alphas = art.alphas or (1.0,) * len(art.stops)
    pairs = list(zip(art.stops, art.fill, alphas))
    if t <= pairs[0][0]:
        return pairs[0][1], pairs[0][2]
    for (start, one, a), (end, other, b) in itertools.pairwise(pairs):
        if t <= end:
            share = (t - start) / (end - start) if end > start else 1.0
            return mix(one, other, share), round(a + (b - a) * share, 3)
    return pairs[-1][1], pairs[-1][2]


def _grid(rect: Rect) -> tuple[int, int]:
    """How many cells across and down: ``_GRID`` along the longer side."""
    longer = max(rect.w, rect.h, _EPSILON)
    return max(1, round(_GRID * rect.w / longer)), max(1, round(_GRID * rect.h / longer))


def _sampled(data: bytes, rect: Rect, kind: PaintKind) -> Paint | None:
    """A picture's colours, cell by cell, stretched over ``rect`` (None: unreadable)."""
    cells = _picture_cells(data, rect.w, rect.h)
    if cells is None:
        return None
    opaque = all(cell is not None for line in cells for cell in line)
    return Paint(rect, cells, opaque, kind)


Cells = tuple[tuple[tuple[str, ...] | None, ...], ...]
_Extrema = tuple[tuple[int, int], ...]  # an RGB picture's least and most of each channel


# A template repeats a picture on each layout, and a small one (a bullet, a corner) many
# times on one: its cells depend on its size alone.
@lru_cache(maxsize=64)
def _picture_cells(data: bytes, width: float, height: float) -> Cells | None:
    """A picture's cells stretched over ``width`` × ``height`` points.

    Each cell keeps the darkest and the lightest colour a reader may see in it: the least
    and the most of each channel over its pixels, at about ``_DETAIL`` points a pixel (as
    fine as a viewer shows a pattern's lines), so a pattern's lines and ground both count,
    not their average; each ``_REENCODED`` levels further out.
    """
    from PIL import Image

    rect = Rect(0.0, 0.0, width, height)
    try:
        with Image.open(io.BytesIO(data)) as image:
            columns, rows = _grid(rect)
            size = (max(columns, round(width / _DETAIL)), max(rows, round(height / _DETAIL)))
            image.draft("RGB", size)
            # Pillow resizes a picture with alpha premultiplied and back, three times the
            # work of one without: a picture with none is resized as RGB (the same pixels)
            alpha = image.mode not in _OPAQUE_MODES or "transparency" in image.info
            full = image.convert("RGBA" if alpha else "RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    size = (min(size[0], full.width) or 1, min(size[1], full.height) or 1)
    fine = full.resize(size, Image.Resampling.BOX)
    shown = (
        fine.getchannel("A").point([0] * 128 + [255] * 128)  # the pixels that show
        if alpha
        else Image.new("L", size, 255)
    )
    # Hidden pixels made white for the least of each channel and black for the most, so
    # each cell's extremes over the pixels that show are two extrema read in C.
    rgb = fine.convert("RGB") if alpha else fine
    least, most = rgb, rgb
    if alpha and shown.getextrema() != (255, 255):  # most pictures show every pixel
        least, most = Image.new("RGB", size, "#FFFFFF"), Image.new("RGB", size, "#000000")
        least.paste(rgb, mask=shown)
        most.paste(rgb, mask=shown)
    return tuple(
        tuple(
            _cell((least, most), shown, (columns, rows), (column, row)) for column in range(columns)
        )
        for row in range(rows)
    )


def _cell(
    extremes: tuple[PIL.Image.Image, PIL.Image.Image],
    shown: PIL.Image.Image,
    grid: tuple[int, int],
    at: tuple[int, int],
) -> tuple[str, ...] | None:
    """The darkest and lightest colour cell ``at`` can show (None: mostly see-through), from
    the picture with its hidden pixels white and with them black."""
    (columns, rows), (column, row) = grid, at
    width, height = shown.size
    left, top = column * width // columns, row * height // rows
    right = max((column + 1) * width // columns, left + 1)
    bottom = max((row + 1) * height // rows, top + 1)
    box = (left, top, right, bottom)
    pale, dark = extremes  # one picture, read once a cell, when every pixel shows
    if pale is not dark:
        mask = shown.crop(box)
        if 2 * mask.histogram()[255] < mask.width * mask.height:
            return None
    least = cast(_Extrema, pale.crop(box).getextrema())
    most = least if pale is dark else cast(_Extrema, dark.crop(box).getextrema())
    darkest = "#" + "".join(f"{max(low - _REENCODED, 0):02X}" for low, _ in least)
    lightest = "#" + "".join(f"{min(high + _REENCODED, 255):02X}" for _, high in most)
    return tuple(sorted({darkest, lightest}))


def bounds(shape: etree._Element) -> Rect | None:
    """A shape's box from its own ``a:xfrm``, in points (None without one)."""
    box = shape_box(shape)
    if box is None:
        return None
    x, y, w, h = (value / EMU_PER_POINT for value in box)
    return Rect(x, y, w, h)
