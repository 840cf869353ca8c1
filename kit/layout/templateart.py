"""What a template's masters and layouts draw of their own, read once into plain data.

``drawn(owner, colours)`` reads a slide master's or layout's own shapes (placeholders
aside, which show nothing on a slide that does not fill them), and ``background_art`` its
background, as ``Art`` in points from the slide's top-left corner, bottom first:

- a background: a solid colour, a gradient's colours, a pattern, or a picture stretched
  over the slide; a theme background style (``p:bgRef``) is followed to its fill;
- pictures (their bytes; one Pillow cannot read, such as an EMF, keeps its box), shapes
  with their fill (solid, gradient, pattern or picture), outline, transparency, turn and
  flips; groups' members mapped onto the slide; shapes kit's PDFs cannot draw (other
  geometries, tables, charts) as ``other``, which still take room and show colours.

Two readers use it: ``kit.layout.templatelook`` (the colours behind kit's text and the
template's obstacles) and the PDFs of the deck (``TemplateArt``, what they draw).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TypedDict

from lxml import etree

from kit.layout.templatecolours import EMBED, EMU_PER_POINT, NS, Colours

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.slide import SlideLayout, SlideMaster

Kind = Literal["rect", "roundrect", "ellipse", "line", "picture", "other"]
_GEOMETRIES: dict[str, Kind] = {
    "rect": "rect",
    "roundRect": "roundrect",
    "ellipse": "ellipse",
    "line": "line",
}


@dataclass(frozen=True)
class Art:
    """One thing a template draws, in a box of points from the slide's top-left corner.

    ``fill`` holds one colour (solid), a gradient's colours from top to bottom or a
    pattern's background colour, and is empty for none; ``also``: other colours it shows
    (a pattern's foreground); ``image``: a picture's bytes (a picture or a shape filled
    with one); ``text``: it holds text of its own. ``rotation`` is in degrees clockwise.
    """

    kind: Kind
    x: float
    y: float
    w: float
    h: float
    fill: tuple[str, ...] = ()
    line: str | None = None
    line_width: float = 0.0
    image: bytes | None = None
    opacity: float = 1.0  # of a solid fill
    rotation: float = 0.0
    flip_h: bool = False
    flip_v: bool = False
    also: tuple[str, ...] = ()
    text: bool = False
    stops: tuple[float, ...] = ()  # a gradient's stops (0 to 1), one for each fill colour
    angle: float | None = None  # a linear gradient's direction, degrees clockwise from →
    alphas: tuple[float, ...] = ()  # a gradient's opacity at each stop (empty: opaque)
    path: Literal["circle", "rect"] | None = None  # a path gradient's shape, from its focus
    focus: tuple[float, float] = (0.5, 0.5)  # where a path gradient starts, shares of the box

    @property
    def gradient_axis(self) -> tuple[float, float]:
        """Where a gradient ends from the box's centre, in points (y down): along its angle,
        top to bottom when it has none, reaching the box's farthest corner."""
        angle = math.radians(90.0 if self.angle is None else self.angle)
        dx, dy = math.cos(angle), math.sin(angle)
        reach = abs(dx) * self.w / 2 + abs(dy) * self.h / 2
        return dx * reach, dy * reach

    @property
    def drawable(self) -> bool:
        """Whether kit's PDFs draw it: a picture they can read, or a simple shape with a
        fill or an outline."""
        if self.kind == "picture":
            return self.image is not None
        return self.kind != "other" and bool(self.fill or self.line or self.image)


@dataclass(frozen=True)
class TemplateArt:
    """What a layout of the template draws behind its slides, for kit's PDFs: its
    background (filling the slide) and what its master (when shown) and it draw over it,
    bottom first."""

    background: Art
    shapes: tuple[Art, ...]


def background_art(
    owner: SlideLayout | SlideMaster, colours: Colours, width: float, height: float
) -> Art | None:
    """The background a master or layout gives its slides (None: it gives none)."""
    bg = owner._element.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    properties = bg.find("p:bgPr", NS)
    if properties is None:
        reference = bg.find("p:bgRef", NS)
        if reference is None:
            return None
        colour = colours.of(reference)
        colours = colours.standing_for(colour)
        properties = colours.background_style(int(reference.get("idx", "0")))
        if properties is None:
            return Art("rect", 0.0, 0.0, width, height, (colour,)) if colour else None
    image = _image(properties.find("a:blipFill", NS), owner.part)
    if image is not None:
        return Art("picture", 0.0, 0.0, width, height, image=image)
    fill, also = _fill(properties, colours)
    if not fill:
        return None
    return Art("rect", 0.0, 0.0, width, height, fill, also=also, **_gradient(properties))


def drawn(owner: SlideLayout | SlideMaster, colours: Colours) -> list[Art]:
    """What a master's or layout's own shapes draw, bottom first."""
    frame = _Frame()
    shapes = owner._element.iterfind("p:cSld/p:spTree/*", NS)
    return [art for shape in shapes for art in _shapes(shape, owner.part, colours, frame)]


@dataclass(frozen=True)
class _Frame:
    """A group's mapping of its children's coordinates (EMU) onto the slide's."""

    dx: float = 0.0
    dy: float = 0.0
    sx: float = 1.0
    sy: float = 1.0

    def place(self, x: int, y: int, w: int, h: int) -> tuple[float, float, float, float]:
        return (
            (self.dx + x * self.sx) / EMU_PER_POINT,
            (self.dy + y * self.sy) / EMU_PER_POINT,
            w * self.sx / EMU_PER_POINT,
            h * self.sy / EMU_PER_POINT,
        )


def _xfrm(holder: etree._Element | None) -> tuple[int, int, int, int, etree._Element] | None:
    """The box (EMU) of a holder's ``a:xfrm``, and the element."""
    return _box(holder.find("a:xfrm", NS) if holder is not None else None)


def shape_box(shape: etree._Element) -> tuple[int, int, int, int] | None:
    """A shape's, group's or graphic frame's own box (EMU), None without one."""
    for path in ("p:spPr/a:xfrm", "p:grpSpPr/a:xfrm", "p:xfrm"):
        found = _box(shape.find(path, NS))
        if found is not None:
            return found[:4]
    return None


def _box(xfrm: etree._Element | None) -> tuple[int, int, int, int, etree._Element] | None:
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    if off is None or ext is None:
        return None
    values = (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))
    x, y, w, h = (int(v or 0) for v in values)
    return x, y, w, h, xfrm


def _shapes(shape: etree._Element, part: Part, colours: Colours, frame: _Frame) -> list[Art]:
    """The art of one shape of a master's or layout's tree (a group gives its members')."""
    name = etree.QName(shape).localname
    if shape.find("*/p:nvPr/p:ph", NS) is not None:
        return []  # a placeholder shows nothing on a slide that does not fill it
    if name == "grpSp":
        return _group(shape, part, colours, frame)
    if name not in ("sp", "pic", "cxnSp", "graphicFrame"):
        return []
    text = any(t.text and t.text.strip() for t in shape.iterfind(".//a:t", NS))
    if name == "graphicFrame":  # a table or chart: its room, its colours unknown
        framed = _box(shape.find("p:xfrm", NS))
        return [Art("other", *frame.place(*framed[:4]), text=True)] if framed else []
    properties = shape.find("p:spPr", NS)
    found = _xfrm(properties)
    if found is None:
        return []
    x, y, w, h, xfrm = found
    box = frame.place(x, y, w, h)
    rotation = int(xfrm.get("rot", "0")) / 60000
    flips = (xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true"))
    if name == "pic":
        image = _image(shape.find("p:blipFill", NS), part)
        return [
            Art("picture", *box, image=image, rotation=rotation, flip_h=flips[0], flip_v=flips[1])
        ]
    geometry = properties.find("a:prstGeom", NS)
    kind = _GEOMETRIES.get(geometry.get("prst", "") if geometry is not None else "", "other")
    if name == "cxnSp":
        kind = "line"
    fill, also = ((), ()) if kind == "line" else _fill(properties, colours)
    if not fill and properties.find("a:noFill", NS) is None and kind != "line":
        fill = _referenced(shape.find("p:style/a:fillRef", NS), colours)
    image = _image(properties.find("a:blipFill", NS), part)
    line, line_width = _line(properties, shape, colours)
    if not (fill or image or line or text):
        return []
    opacity = _alpha(properties.find("a:solidFill/*/a:alpha", NS))
    return [
        Art(
            kind,
            *box,
            fill=fill,
            line=line,
            line_width=line_width,
            image=image,
            opacity=opacity,
            rotation=rotation,
            flip_h=flips[0],
            flip_v=flips[1],
            also=also,
            text=text,
            **_gradient(properties),
        )
    ]


def _group(shape: etree._Element, part: Part, colours: Colours, frame: _Frame) -> list[Art]:
    """A group's members' art, their coordinates mapped through the group's."""
    found = _xfrm(shape.find("p:grpSpPr", NS))
    if found is None:
        return []
    x, y, w, h, xfrm = found
    child_off, child_ext = xfrm.find("a:chOff", NS), xfrm.find("a:chExt", NS)
    if child_off is None or child_ext is None:
        return []
    cw, ch = int(child_ext.get("cx", "0")) or w, int(child_ext.get("cy", "0")) or h
    sx, sy = (w / cw if cw else 1.0), (h / ch if ch else 1.0)
    inner = _Frame(
        frame.dx + (x - int(child_off.get("x", "0")) * sx) * frame.sx,
        frame.dy + (y - int(child_off.get("y", "0")) * sy) * frame.sy,
        frame.sx * sx,
        frame.sy * sy,
    )
    return [art for child in shape for art in _shapes(child, part, colours, inner)]


def _fill(holder: etree._Element, colours: Colours) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A fill's colours to draw it with (a solid colour, a gradient's by position, or a
    pattern's background colour, the most of what it shows) and the others it shows."""
    solid = holder.find("a:solidFill", NS)
    if solid is not None:
        colour = colours.of(solid)
        return ((colour,) if colour else ()), ()
    gradient = holder.find("a:gradFill", NS)
    if gradient is not None:
        stops = sorted(
            gradient.iterfind("a:gsLst/a:gs", NS), key=lambda gs: int(gs.get("pos", "0"))
        )
        return tuple(c for gs in stops if (c := colours.of(gs))), ()
    pattern = holder.find("a:pattFill", NS)
    if pattern is not None:
        ground = colours.of(pattern.find("a:bgClr", NS))
        ink = colours.of(pattern.find("a:fgClr", NS))
        return ((ground,) if ground else ()), ((ink,) if ink else ())
    return (), ()


class _Gradient(TypedDict, total=False):
    stops: tuple[float, ...]
    angle: float | None
    alphas: tuple[float, ...]
    path: Literal["circle", "rect"] | None
    focus: tuple[float, float]


def _gradient(holder: etree._Element) -> _Gradient:
    """A gradient fill's ``Art`` fields: its stops (0 to 1, in order), their opacities when
    any shows what is under it, and either a linear gradient's angle in degrees clockwise
    from left-to-right or a path gradient's shape and focus (empty: no gradient)."""
    gradient = holder.find("a:gradFill", NS)
    if gradient is None:
        return {}
    found = sorted(gradient.iterfind("a:gsLst/a:gs", NS), key=lambda gs: int(gs.get("pos", "0")))
    alphas = [_alpha(gs.find("*/a:alpha", NS)) for gs in found]
    fields = _Gradient(stops=tuple(int(gs.get("pos", "0")) / 100000 for gs in found))
    if any(alpha < 1.0 for alpha in alphas):
        fields["alphas"] = tuple(alphas)
    linear, path = gradient.find("a:lin", NS), gradient.find("a:path", NS)
    if linear is not None:
        fields["angle"] = int(linear.get("ang", "0")) / 60000
    elif path is not None:
        # A shape's own outline is read as a rectangle's, the box it fills.
        fields["path"] = "circle" if path.get("path") == "circle" else "rect"
        edges = path.find("a:fillToRect", NS)
        share = {
            side: int(edges.get(side, "0")) / 100000 if edges is not None else 0.5
            for side in "ltrb"
        }
        fields["focus"] = ((share["l"] + 1 - share["r"]) / 2, (share["t"] + 1 - share["b"]) / 2)
    return fields


def _alpha(element: etree._Element | None) -> float:
    """An ``a:alpha``'s opacity, 0 to 1 (none: opaque)."""
    return int(element.get("val", "100000")) / 100000 if element is not None else 1.0


def _referenced(reference: etree._Element | None, colours: Colours) -> tuple[str, ...]:
    """The colour a shape's style gives its fill (``a:fillRef``), if it names one."""
    if reference is None or reference.get("idx", "0") == "0":
        return ()
    colour = colours.of(reference)
    return (colour,) if colour else ()


def _line(
    properties: etree._Element, shape: etree._Element, colours: Colours
) -> tuple[str | None, float]:
    line = properties.find("a:ln", NS)
    if line is not None and line.find("a:noFill", NS) is not None:
        return None, 0.0
    colour = colours.of(line.find("a:solidFill", NS)) if line is not None else None
    if colour is None:
        reference = shape.find("p:style/a:lnRef", NS)
        if reference is not None and reference.get("idx", "0") != "0":
            colour = colours.of(reference)
    width = int(line.get("w", "9525")) if line is not None else 9525
    return colour, width / EMU_PER_POINT


def _image(fill: etree._Element | None, part: Part) -> bytes | None:
    """A picture fill's bytes, if Pillow can read them (reportlab draws through Pillow),
    in greys when the fill asks for them."""
    blip = fill.find("a:blip", NS) if fill is not None else None
    if blip is None or blip.get(EMBED) not in part.rels:
        return None
    data = part.related_part(blip.get(EMBED)).blob
    if not _readable(data):
        return None
    return _greyed(data) if blip.find("a:grayscl", NS) is not None else data


@lru_cache(maxsize=16)
def _greyed(data: bytes) -> bytes:
    """A picture drawn in greys (``a:grayscl``), its see-through parts kept, as a PNG."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgba = image.convert("RGBA")
    grey = Image.merge("LA", (rgba.convert("L"), rgba.getchannel("A")))
    out = io.BytesIO()
    grey.save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=64)  # a picture a master and its layouts share is checked once
def _readable(data: bytes) -> bool:
    """Whether Pillow reads ``data`` as a picture. One whose file ends early but whose
    pixels are all there (Piano's music notes, a PNG without its end chunk) reads: Pillow
    draws it as LibreOffice does, though its quick check fails."""
    from PIL import Image

    for check in ("verify", "load"):  # each format's own, not Image.Image's
        try:
            with Image.open(io.BytesIO(data)) as image:
                getattr(image, check)()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            continue
        return True
    return False
