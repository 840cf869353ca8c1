"""What a template's slide master draws behind every slide: its background, pictures and
simple shapes, read into plain data so kit's PDFs of the deck can draw them too.

``template_art(path)`` reads the first slide master of a ``.pptx`` or ``.potx`` (already
checked by ``kit check``), in points from the slide's top-left corner, bottom first:

- the background: a solid colour, a gradient's colours (drawn top to bottom), a pattern's
  background colour, or a picture
  stretched over the slide; a theme background style (``p:bgRef``) is followed to its fill;
- each picture the master shows (its bytes; one Pillow cannot read, such as an EMF, is left
  out) and each shape that is a rectangle, a rounded rectangle, an ellipse or a straight
  line, with its fill (solid or gradient) and outline, turned and flipped as the master
  says, groups included.

Left out: text in the master's own shapes, other geometries, effects, transparency but a
solid fill's, and a layout's own background and shapes (kit builds every slide on a layout
that shows its master's). Colours follow the theme through the master's colour map, with
their tints, shades and luminance changes.
"""

from __future__ import annotations

import colorsys
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from lxml import etree

if TYPE_CHECKING:
    from pptx.opc.package import Part

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = {"a": _A, "p": _P, "r": _R}
EMU_PER_POINT = 12700
Kind = Literal["rect", "roundrect", "ellipse", "line", "picture"]
_GEOMETRIES: dict[str, Kind] = {
    "rect": "rect",
    "roundRect": "roundrect",
    "ellipse": "ellipse",
    "line": "line",
}
_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF"}


@dataclass(frozen=True)
class Art:
    """One thing the master draws, in a box of points from the slide's top-left corner.

    ``fill`` holds one colour (solid) or a gradient's colours from top to bottom, and is
    empty for none; ``image`` is a picture's bytes. ``rotation`` is in degrees clockwise.
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


@dataclass(frozen=True)
class TemplateArt:
    """The master's background (filling the slide) and what it draws over it, bottom first."""

    background: Art
    shapes: tuple[Art, ...]


def template_art(path: str) -> TemplateArt:
    """What the first slide master of the template at ``path`` draws behind every slide."""
    from pptx.package import Package

    presentation = Package.open(path).main_document_part.presentation
    width = presentation.slide_width / EMU_PER_POINT
    height = presentation.slide_height / EMU_PER_POINT
    master = presentation.slide_masters[0]
    colours = _Colours(master.part, master._element)
    root = master._element
    slide = Art("rect", 0.0, 0.0, width, height, ("#FFFFFF",))
    background = _background(root.find("p:cSld/p:bg", _NS), master.part, colours, slide)
    shapes: list[Art] = []
    for shape in root.iterfind("p:cSld/p:spTree/*", _NS):
        shapes += _shapes(shape, master.part, colours, _Frame())
    return TemplateArt(background, tuple(shapes))


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
    xfrm = holder.find("a:xfrm", _NS) if holder is not None else None
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", _NS), xfrm.find("a:ext", _NS)
    if off is None or ext is None:
        return None
    values = (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))
    x, y, w, h = (int(v or 0) for v in values)
    return x, y, w, h, xfrm


def _shapes(shape: etree._Element, part: Part, colours: _Colours, frame: _Frame) -> list[Art]:
    """The art of one shape of the master's tree (a group gives its members')."""
    name = etree.QName(shape).localname
    if shape.find("*/p:nvPr/p:ph", _NS) is not None:
        return []  # a placeholder shows nothing on a slide that does not fill it
    if name == "grpSp":
        return _group(shape, part, colours, frame)
    if name not in ("sp", "pic", "cxnSp"):
        return []
    properties = shape.find("p:spPr", _NS)
    found = _xfrm(properties)
    if found is None:
        return []
    x, y, w, h, xfrm = found
    box = frame.place(x, y, w, h)
    rotation = int(xfrm.get("rot", "0")) / 60000
    flips = (xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true"))
    if name == "pic":
        image = _image(shape.find("p:blipFill", _NS), part)
        art = Art("picture", *box, image=image, rotation=rotation, flip_h=flips[0], flip_v=flips[1])
        return [art] if image else []
    geometry = properties.find("a:prstGeom", _NS)
    kind: Kind | None = _GEOMETRIES.get(geometry.get("prst", "") if geometry is not None else "")
    if name == "cxnSp":
        kind = "line"
    if kind is None:
        return []
    fill = () if kind == "line" else _fill(properties, colours)
    if not fill and properties.find("a:noFill", _NS) is None and kind != "line":
        fill = _referenced(shape.find("p:style/a:fillRef", _NS), colours)
    line, line_width = _line(properties, shape, colours)
    if not fill and line is None:
        return []
    alpha = properties.find("a:solidFill/*/a:alpha", _NS)
    opacity = int(alpha.get("val", "100000")) / 100000 if alpha is not None else 1.0
    return [
        Art(
            kind,
            *box,
            fill=fill,
            line=line,
            line_width=line_width,
            opacity=opacity,
            rotation=rotation,
            flip_h=flips[0],
            flip_v=flips[1],
        )
    ]


def _group(shape: etree._Element, part: Part, colours: _Colours, frame: _Frame) -> list[Art]:
    """A group's members' art, their coordinates mapped through the group's."""
    found = _xfrm(shape.find("p:grpSpPr", _NS))
    if found is None:
        return []
    x, y, w, h, xfrm = found
    child_off, child_ext = xfrm.find("a:chOff", _NS), xfrm.find("a:chExt", _NS)
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


def _background(bg: etree._Element | None, part: Part, colours: _Colours, slide: Art) -> Art:
    if bg is None:
        return slide
    properties = bg.find("p:bgPr", _NS)
    if properties is None:
        reference = bg.find("p:bgRef", _NS)
        if reference is None:
            return slide
        colours = colours.standing_for(colours.of(reference))
        properties = colours.background_style(int(reference.get("idx", "0")))
        if properties is None:
            return slide
    image = _image(properties.find("a:blipFill", _NS), part)
    if image is not None:
        return Art("picture", slide.x, slide.y, slide.w, slide.h, image=image)
    fill = _fill(properties, colours)
    return Art("rect", slide.x, slide.y, slide.w, slide.h, fill) if fill else slide


def _fill(holder: etree._Element, colours: _Colours) -> tuple[str, ...]:
    """A solid fill's colour, a gradient's colours (by position) or a pattern's background
    colour; nothing for none."""
    solid = holder.find("a:solidFill", _NS)
    if solid is not None:
        colour = colours.of(solid)
        return (colour,) if colour else ()
    gradient = holder.find("a:gradFill", _NS)
    if gradient is not None:
        stops = sorted(
            gradient.iterfind("a:gsLst/a:gs", _NS), key=lambda gs: int(gs.get("pos", "0"))
        )
        return tuple(c for gs in stops if (c := colours.of(gs)))
    pattern = holder.find("a:pattFill", _NS)
    if pattern is not None:  # its background colour: the most of what a pattern shows
        colour = colours.of(pattern.find("a:bgClr", _NS))
        return (colour,) if colour else ()
    return ()


def _referenced(reference: etree._Element | None, colours: _Colours) -> tuple[str, ...]:
    """The colour a shape's style gives its fill (``a:fillRef``), if it names one."""
    if reference is None or reference.get("idx", "0") == "0":
        return ()
    colour = colours.of(reference)
    return (colour,) if colour else ()


def _line(
    properties: etree._Element, shape: etree._Element, colours: _Colours
) -> tuple[str | None, float]:
    line = properties.find("a:ln", _NS)
    if line is not None and line.find("a:noFill", _NS) is not None:
        return None, 0.0
    colour = colours.of(line.find("a:solidFill", _NS)) if line is not None else None
    if colour is None:
        reference = shape.find("p:style/a:lnRef", _NS)
        if reference is not None and reference.get("idx", "0") != "0":
            colour = colours.of(reference)
    width = int(line.get("w", "9525")) if line is not None else 9525
    return colour, width / EMU_PER_POINT


def _image(fill: etree._Element | None, part: Part) -> bytes | None:
    """A picture fill's bytes, if Pillow can read them (reportlab draws through Pillow)."""
    from PIL import Image

    blip = fill.find("a:blip", _NS) if fill is not None else None
    r_id = blip.get(f"{{{_R}}}embed") if blip is not None else None
    if not r_id or r_id not in part.rels:
        return None
    data = part.related_part(r_id).blob
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return data


class _Colours:
    """DrawingML colours as a slide shows them: scheme colours through the master's colour
    map to its theme, with their tints, shades and luminance changes."""

    def __init__(self, part: Part, root: etree._Element, placeholder: str | None = None) -> None:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        theme = etree.fromstring(part.part_related_by(RT.THEME).blob)
        self._theme = theme
        mapping = root.find("p:clrMap", _NS)
        self._map = dict(mapping.attrib) if mapping is not None else {}
        self._scheme: dict[str, str] = {}
        scheme = theme.find("a:themeElements/a:clrScheme", _NS)
        for element in scheme if scheme is not None else ():
            if len(element):
                value = _plain(element[0])
                if value:
                    self._scheme[etree.QName(element).localname] = value
        self._placeholder = placeholder

    def standing_for(self, colour: str | None) -> _Colours:
        """These colours, with ``phClr`` in a theme style standing for ``colour``."""
        other = _Colours.__new__(_Colours)
        other.__dict__.update(self.__dict__)
        other._placeholder = colour
        return other

    def background_style(self, index: int) -> etree._Element | None:
        """The theme's background fill style ``index`` (1001 on), wrapped as a fill holder."""
        styles = list(self._theme.iterfind("a:themeElements/a:fmtScheme/a:bgFillStyleLst/*", _NS))
        if not 1001 <= index < 1001 + len(styles):
            return None
        holder = etree.Element("holder")
        holder.append(styles[index - 1001].__copy__())
        return holder

    def of(self, holder: etree._Element | None) -> str | None:
        """The colour of the first colour element in ``holder`` (a fill, a stop, ...)."""
        for element in holder if holder is not None else ():
            name = etree.QName(element).localname
            if name == "schemeClr":
                value = element.get("val", "")
                base = (
                    self._placeholder
                    if value == "phClr"
                    else self._scheme.get(self._map.get(value, value))
                )
            elif name == "prstClr":
                base = _PRESET.get(element.get("val", ""), "#808080")
            else:
                base = _plain(element)
                if base is None:
                    continue
            return _changed(base, element) if base else None
        return None


def _plain(element: etree._Element) -> str | None:
    name = etree.QName(element).localname
    if name == "srgbClr":
        return "#" + element.get("val", "000000").upper()
    if name == "sysClr":
        return "#" + element.get("lastClr", "000000").upper()
    return None


def _changed(colour: str, element: etree._Element) -> str:
    """``colour`` with the element's tint, shade and luminance changes, in order."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for change in element:
        name = etree.QName(change).localname
        amount = int(change.get("val", "0")) / 100000
        if name == "tint":
            r, g, b = (c + (1 - c) * (1 - amount) for c in (r, g, b))
        elif name == "shade":
            r, g, b = (c * amount for c in (r, g, b))
        elif name in ("lumMod", "lumOff"):
            hue, lum, sat = colorsys.rgb_to_hls(r, g, b)
            lum = lum * amount if name == "lumMod" else lum + amount
            r, g, b = colorsys.hls_to_rgb(hue, min(max(lum, 0.0), 1.0), sat)
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in (r, g, b))
