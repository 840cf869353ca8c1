"""A PowerPoint template's look, read once into plain data the layout and the renderers use.

``read_look(path)`` opens the template (``.pptx`` or ``.potx``) and describes, in points
from the slide's top-left corner:

- the slide size, the theme's colours (``dk1``, ``lt1``, ``dk2``, ``lt2``, ``accent1-6``)
  and its heading and body fonts;
- for each role kit builds slides in (``ROLES``), the layout PowerPoint would pick for it
  by its placeholders (a title slide has a title and a subtitle, a section header a title
  and one text body, ...), with fallbacks when a template has no such layout: where its
  title goes, where its body may go, what the template draws on it (background, pictures,
  shapes, date, footer and slide-number fields) and the colours behind any box.

Nothing here draws: ``slides`` writes each slide on ``LayoutLook.index`` and the planner
keeps kit's text inside ``body`` and off ``obstacles``, coloured for ``behind(box)``.
"""

from __future__ import annotations

import colorsys
import copy
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from lxml import etree

from kit.model.colour import contrast

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.slide import SlideLayout, SlideMaster

LayoutRole = Literal["title", "section", "content", "title_only", "blank"]
ROLES: tuple[LayoutRole, ...] = ("title", "section", "content", "title_only", "blank")
# What to use when a template has no layout of a role, best first.
_FALLBACKS: dict[LayoutRole, tuple[LayoutRole, ...]] = {
    "title": ("content", "title_only", "section", "blank"),
    "section": ("title", "content", "title_only", "blank"),
    "content": ("title_only", "section", "title", "blank"),
    "title_only": ("content", "section", "title", "blank"),
    "blank": ("title_only", "content", "section", "title"),
}
EMU_PER_POINT = 12700
Pixel = tuple[int, int, int, int]
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = {"a": _A, "p": _P, "r": _R}
_SCHEME = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")
_PLACEHOLDER = "p:cSld/p:spTree/p:sp/p:nvSpPr/p:nvPr/p:ph"
# A placeholder's type as kit reads it: a centred title is a title, content is a body.
_KINDS = {"ctrTitle": "title", "obj": "body", "": "body"}
_FIELDS = ("dt", "ftr", "sldNum")
_PRESET_COLOURS = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF"}
_GRID = 24  # a picture is sampled as at most this many cells along its longer side


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
        """Whether the two share more than an edge."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def holds(self, other: Rect) -> bool:
        """Whether ``other`` lies wholly inside this rectangle."""
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


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
    kind: Literal["background", "picture", "shape", "field"] = "shape"

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


@dataclass(frozen=True)
class LayoutLook:
    """One slide layout of the template, as a slide built on it looks before kit adds to it.

    ``index`` finds the layout: (master, layout) positions in the template's lists.
    ``title``: its title placeholder's box (None: it has none); ``body``: where the layout
    means content to go (its body or content placeholders, or the slide below the title
    and above the fields); ``obstacles``: the template's own pictures, shapes and fields
    on it, which kit's text must stay off; ``paints``: everything it paints, bottom first.
    """

    role: LayoutRole
    name: str
    index: tuple[int, int]
    title: Rect | None
    body: Rect
    obstacles: tuple[Rect, ...]
    paints: tuple[Paint, ...]

    def behind(self, box: Rect) -> tuple[str, ...]:
        """Every colour a reader may see behind ``box``, sorted (the topmost paint that
        covers the whole box hides the ones under it)."""
        found: set[str] = set()
        for paint in reversed(self.paints):
            if not paint.rect.meets(box):
                continue
            found |= paint.colours_in(box)
            if paint.opaque and paint.rect.holds(box):
                break
        return tuple(sorted(found))

    def background(self) -> str:
        """The colour that best stands for the whole slide's background (its most common
        colour at the slide's centre)."""
        centre = Rect(self.body.x + self.body.w / 2 - 1, self.body.y + self.body.h / 2 - 1, 2, 2)
        colours = self.behind(centre) or ("#FFFFFF",)
        return colours[len(colours) // 2]


@dataclass(frozen=True)
class TemplateLook:
    """What a template looks like: its slide size, theme and the layouts kit uses."""

    width: float
    height: float
    colours: Mapping[str, str]  # theme colours by scheme name: dk1, lt1, accent1, ...
    heading_font: str | None
    body_font: str | None
    layouts: Mapping[LayoutRole, LayoutLook]

    @property
    def size(self) -> tuple[float, float]:
        return self.width, self.height

    def layout(self, role: LayoutRole) -> LayoutLook:
        return self.layouts[role]

    def inks(self) -> tuple[str, ...]:
        """The theme's colours to set text in, in the order to prefer them, then black and
        white."""
        names = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)))
        theme = [self.colours[name] for name in names if name in self.colours]
        return tuple(dict.fromkeys([*theme, "#000000", "#FFFFFF"]))


def readable_ink(inks: tuple[str, ...], behind: tuple[str, ...], needed: float) -> str:
    """The first of ``inks`` with ``needed`` contrast against every colour ``behind``;
    failing that, the one whose worst contrast is highest."""

    def worst(ink: str) -> float:
        return min((contrast(ink, colour) for colour in behind), default=21.0)

    for ink in inks:
        if worst(ink) >= needed:
            return ink
    return max(inks, key=worst)


def read_look(path: str) -> TemplateLook:
    """The look of the template at ``path`` (already checked by ``kit check``)."""
    from pptx.package import Package

    presentation = Package.open(path).main_document_part.presentation
    width = presentation.slide_width / EMU_PER_POINT
    height = presentation.slide_height / EMU_PER_POINT
    masters = list(presentation.slide_masters)
    theme = _theme(masters[0])
    colours = {name: value for name, value in theme.colours.items()}
    candidates: dict[LayoutRole, tuple[int, int]] = {}
    for m, master in enumerate(masters):
        for n, layout in enumerate(master.slide_layouts):
            role = _role(layout)
            if role is not None and role not in candidates:
                candidates[role] = (m, n)
    layouts: dict[LayoutRole, LayoutLook] = {}
    for role in ROLES:
        chosen = candidates.get(role) or next(
            (candidates[other] for other in _FALLBACKS[role] if other in candidates), (0, 0)
        )
        m, n = chosen
        layout = masters[m].slide_layouts[n]
        layouts[role] = _describe(role, chosen, layout, width, height)
    return TemplateLook(width, height, colours, theme.heading, theme.body, layouts)


def _role(layout: SlideLayout) -> LayoutRole | None:
    """The role PowerPoint gives a layout by its placeholders (None: a layout kit has no
    use for, such as two contents or a picture with a caption)."""
    kinds = [_kind(ph) for ph in layout._element.iterfind(_PLACEHOLDER, _NS)]
    titles = kinds.count("title")
    bodies = kinds.count("body")
    subtitles = kinds.count("subTitle")
    others = [k for k in kinds if k not in ("title", "body", "subTitle", *_FIELDS)]
    if others or titles > 1:
        return None
    kind = layout._element.get("type", "")
    if titles and subtitles == 1 and not bodies:
        return "title"
    if titles and bodies == 1 and not subtitles:
        return "section" if kind == "secHead" else "content"
    if titles and not bodies and not subtitles:
        return "title_only"
    if not titles and not bodies and not subtitles:
        return "blank"
    return None


@dataclass(frozen=True)
class _Theme:
    colours: dict[str, str]
    heading: str | None
    body: str | None
    backgrounds: tuple[etree._Element, ...]  # the background fill styles, from idx 1001


def _theme(master: SlideMaster) -> _Theme:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find("a:themeElements/a:clrScheme", _NS)
    colours: dict[str, str] = {}
    for name in _SCHEME:
        element = scheme.find(f"a:{name}", _NS) if scheme is not None else None
        if element is not None and len(element):
            value = _plain_colour(element[0])
            if value:
                colours[name] = value
    fonts = root.find("a:themeElements/a:fontScheme", _NS)

    def typeface(which: str) -> str | None:
        latin = fonts.find(f"a:{which}/a:latin", _NS) if fonts is not None else None
        face = latin.get("typeface") if latin is not None else None
        return face or None

    backgrounds = tuple(root.iterfind("a:themeElements/a:fmtScheme/a:bgFillStyleLst/*", _NS))
    return _Theme(colours, typeface("majorFont"), typeface("minorFont"), backgrounds)


def _plain_colour(element: etree._Element) -> str | None:
    """An ``a:srgbClr`` or ``a:sysClr`` as ``#RRGGBB`` (None for other kinds)."""
    name = etree.QName(element).localname
    if name == "srgbClr":
        return "#" + element.get("val", "000000").upper()
    if name == "sysClr":
        return "#" + element.get("lastClr", "000000").upper()
    return None


class _Colours:
    """Resolves DrawingML colours as a slide on one layout shows them: scheme colours
    through the master's colour map (and the layout's override), with their changes."""

    def __init__(self, theme: _Theme, mapping: Mapping[str, str]) -> None:
        self._theme = theme
        self._mapping = mapping

    def of(self, holder: etree._Element | None, placeholder: str | None = None) -> str | None:
        """The colour of the first colour element in ``holder`` (a fill, a ``gs``, ...)."""
        if holder is None:
            return None
        for element in holder:
            name = etree.QName(element).localname
            base: str | None
            if name == "schemeClr":
                value = element.get("val", "")
                if value == "phClr":
                    base = placeholder
                else:
                    base = self._theme.colours.get(self._mapping.get(value, value))
            elif name == "prstClr":
                base = _PRESET_COLOURS.get(element.get("val", ""), "#808080")
            elif name == "scrgbClr":
                channels = (int(element.get(c, "0")) / 100000 for c in "rgb")
                base = "#" + "".join(f"{round(_gamma(v) * 255):02X}" for v in channels)
            elif name == "hslClr":
                hue = int(element.get("hue", "0")) / 21600000
                sat = int(element.get("sat", "0")) / 100000
                lum = int(element.get("lum", "0")) / 100000
                base = _hex(colorsys.hls_to_rgb(hue, lum, sat))
            else:
                base = _plain_colour(element)
                if base is None:
                    continue
            return _changed(base, element) if base else None
        return None


def _gamma(linear: float) -> float:
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def _hex(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in channels)


def _changed(colour: str, element: etree._Element) -> str:
    """``colour`` with the element's tint, shade and luminance changes applied, in order."""
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
    return _hex((r, g, b))


def _describe(
    role: LayoutRole, index: tuple[int, int], layout: SlideLayout, width: float, height: float
) -> LayoutLook:
    master = layout.slide_master
    theme = _theme(master)
    mapping = dict(master._element.find("p:clrMap", _NS).attrib)
    override = layout._element.find("p:clrMapOvr/a:overrideClrMapping", _NS)
    if override is not None:
        mapping = dict(override.attrib)
    colours = _Colours(theme, mapping)
    slide = Rect(0, 0, width, height)
    paints = [_background(layout, master, theme, colours, slide)]
    obstacles: list[Rect] = []
    placeholders = _placeholders(layout._element, _placeholders(master._element, {}))
    title = placeholders.get("title")
    bodies = [placeholders[kind] for kind in ("body", "subTitle") if kind in placeholders]
    fields = [placeholders[kind] for kind in ("dt", "ftr", "sldNum") if kind in placeholders]
    if role in ("content", "title_only") and not _sensible(title, bodies, width, height):
        # LibreOffice writes every layout's boxes alike, whatever its master shows: the
        # master's own title and body are where the template means them to be.
        mastered = _placeholders(master._element, {})
        title = mastered.get("title", title)
        bodies = [mastered["body"]] if "body" in mastered else bodies
    shown: list[tuple[Part, etree._Element]] = []
    if layout._element.get("showMasterSp", "1") in ("1", "true"):
        shown.append((master.part, master._element))
    shown.append((layout.part, layout._element))
    for part, root in shown:
        for shape in root.iterfind("p:cSld/p:spTree/*", _NS):
            paint = _paint(shape, part, colours)
            if paint is None:
                continue
            if paint.rect.w * paint.rect.h >= 0.9 * width * height:
                paints.append(paint)  # a picture or shape under the whole slide: a background
                continue
            paints.append(paint)
            obstacles.append(paint.rect)
    body = _clear(_body_area(bodies, title, obstacles + fields, width, height), obstacles)
    obstacles.extend(fields)
    return LayoutLook(
        role=role,
        name=layout.name,
        index=index,
        title=title,
        body=body,
        obstacles=tuple(obstacles),
        paints=tuple(paints),
    )


def _kind(ph: etree._Element) -> str:
    kind = ph.get("type", "")
    return _KINDS.get(kind, kind)


def _placeholders(root: etree._Element, inherited: Mapping[str, Rect]) -> dict[str, Rect]:
    """The box of the first placeholder of each kind in a master or layout.

    A layout's placeholder takes what its own ``a:xfrm`` leaves out (or gives as zero)
    from the master's placeholder of the same kind, as PowerPoint does.
    """
    found: dict[str, Rect] = {}
    for ph in root.iterfind(_PLACEHOLDER, _NS):
        kind = _kind(ph)
        if kind in found:
            continue
        base = inherited.get(kind) or (inherited.get("body") if kind == "subTitle" else None)
        shape = ph.getparent().getparent().getparent()
        own = _bounds(shape)
        if own is None:
            rect = base
        elif base is None:
            rect = own if own.w and own.h else None
        else:
            x, w = (own.x, own.w) if own.w else (base.x, base.w)
            y, h = (own.y, own.h) if own.h else (base.y, base.h)
            rect = Rect(x, y, w, h)
        if rect is not None:
            found[kind] = rect
    return found


def _sensible(title: Rect | None, bodies: list[Rect], width: float, height: float) -> bool:
    """Whether a layout's title sits above a body that fills a good part of the slide."""
    if title is None or not bodies:
        return False
    body = bodies[0]
    return title.bottom <= body.y + 1 and body.w * body.h >= 0.35 * width * height


def _rect_of(x: int | None, y: int | None, w: int | None, h: int | None) -> Rect | None:
    if x is None or y is None or w is None or h is None:
        return None
    return Rect(x / EMU_PER_POINT, y / EMU_PER_POINT, w / EMU_PER_POINT, h / EMU_PER_POINT)


def _body_area(
    bodies: list[Rect], title: Rect | None, obstacles: list[Rect], width: float, height: float
) -> Rect:
    """Where content goes: around the layout's body placeholders, else the slide between
    the title and the lowest obstacle along the bottom."""
    if bodies:
        left = min(r.x for r in bodies)
        top = min(r.y for r in bodies)
        return Rect(
            left, top, max(r.right for r in bodies) - left, max(r.bottom for r in bodies) - top
        )
    margin = width * 0.05
    top = title.bottom + 8 if title is not None else margin
    low = [r.y for r in obstacles if r.y > height * 0.75]
    bottom = min(low, default=height - margin) - 4
    return Rect(margin, top, width - 2 * margin, max(bottom - top, height * 0.25))


def _clear(body: Rect, obstacles: list[Rect]) -> Rect:
    """``body`` cut back, one side at a time, off each picture or shape it meets, keeping
    the most area; an obstacle that would leave under 40 % of the area stays (text is
    coloured for it instead)."""
    area = body.w * body.h
    for obstacle in sorted(obstacles, key=lambda o: -o.w * o.h):
        if not obstacle.meets(body):
            continue
        cuts = (
            Rect(obstacle.right, body.y, body.right - obstacle.right, body.h),
            Rect(body.x, body.y, obstacle.x - body.x, body.h),
            Rect(body.x, obstacle.bottom, body.w, body.bottom - obstacle.bottom),
            Rect(body.x, body.y, body.w, obstacle.y - body.y),
        )
        best = max(cuts, key=lambda r: max(r.w, 0) * max(r.h, 0))
        if best.w > 0 and best.h > 0 and best.w * best.h >= 0.4 * area:
            body = best
    return body


def _background(
    layout: SlideLayout, master: SlideMaster, theme: _Theme, colours: _Colours, slide: Rect
) -> Paint:
    """The background a slide on ``layout`` shows: the layout's, else its master's."""
    for owner in (layout, master):
        bg = owner._element.find("p:cSld/p:bg", _NS)
        if bg is None:
            continue
        properties = bg.find("p:bgPr", _NS)
        if properties is not None:
            paint = _fill(properties, owner.part, colours, slide, "background")
        else:
            reference = bg.find("p:bgRef", _NS)
            paint = _referenced(reference, theme, owner.part, colours, slide)
        if paint is not None:
            return paint
    return Paint(slide, ((("#FFFFFF",),),), True, "background")


def _referenced(
    reference: etree._Element | None, theme: _Theme, part: Part, colours: _Colours, slide: Rect
) -> Paint | None:
    """A background that names one of the theme's background fills (``p:bgRef``)."""
    if reference is None:
        return None
    index = int(reference.get("idx", "0"))
    colour = colours.of(reference)
    styles = theme.backgrounds
    if 1001 <= index < 1001 + len(styles):
        style = styles[index - 1001]
        holder = etree.Element("holder")
        holder.append(copy.deepcopy(style))
        paint = _fill(holder, part, _Placeholder(colours, colour), slide, "background")
        if paint is not None:
            return paint
    return Paint(slide, (((colour,),),), True, "background") if colour else None


class _Placeholder(_Colours):
    """Colours inside a theme fill, where ``phClr`` stands for the referring colour."""

    def __init__(self, colours: _Colours, colour: str | None) -> None:
        super().__init__(colours._theme, colours._mapping)
        self._colour = colour

    def of(self, holder: etree._Element | None, placeholder: str | None = None) -> str | None:
        return super().of(holder, self._colour)


def _fill(
    holder: etree._Element,
    part: Part,
    colours: _Colours,
    rect: Rect,
    kind: Literal["background", "picture", "shape", "field"],
) -> Paint | None:
    """The paint of the first fill in ``holder`` (None for no fill)."""
    solid = holder.find("a:solidFill", _NS)
    if solid is not None:
        colour = colours.of(solid)
        return Paint(rect, (((colour,),),), True, kind) if colour else None
    gradient = holder.find("a:gradFill", _NS)
    if gradient is not None:
        stops = tuple(
            sorted({c for gs in gradient.iterfind("a:gsLst/a:gs", _NS) if (c := colours.of(gs))})
        )
        return Paint(rect, ((stops,),), True, kind) if stops else None
    pattern = holder.find("a:pattFill", _NS)
    if pattern is not None:
        found = (colours.of(pattern.find(f"a:{name}", _NS)) for name in ("fgClr", "bgClr"))
        both = tuple(sorted({c for c in found if c}))
        return Paint(rect, ((both,),), True, kind) if both else None
    picture = holder.find("a:blipFill", _NS)
    if picture is None:
        picture = holder.find("p:blipFill", _NS)
    if picture is not None:
        return _picture(picture, part, rect, kind)
    return None


def _picture(
    fill: etree._Element,
    part: Part,
    rect: Rect,
    kind: Literal["background", "picture", "shape", "field"],
) -> Paint | None:
    """A picture's colours, cell by cell, stretched over ``rect``."""
    from PIL import Image

    blip = fill.find("a:blip", _NS)
    r_id = blip.get(f"{{{_R}}}embed") if blip is not None else None
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


def _paint(shape: etree._Element, part: Part, colours: _Colours) -> Paint | None:
    """What a master's or layout's own shape paints (None for placeholders, which show
    nothing on a slide that does not use them, and for invisible shapes)."""
    name = etree.QName(shape).localname
    if name not in ("sp", "pic", "grpSp", "cxnSp", "graphicFrame"):
        return None
    if shape.find("*/p:nvPr/p:ph", _NS) is not None:
        return None
    rect = _bounds(shape)
    if rect is None:
        return None
    if name == "pic":
        return _fill(shape, part, colours, rect, "picture") or Paint(
            rect, ((("#808080",),),), False, "picture"
        )
    if name == "grpSp":
        inner = [p for child in shape if (p := _paint(child, part, colours)) is not None]
        found = tuple(sorted({c for p in inner for c in p.colours_in(p.rect)}))
        return Paint(rect, ((found,),), False) if found else None
    properties = shape.find("p:spPr", _NS)
    paint = _fill(properties, part, colours, rect, "shape") if properties is not None else None
    if paint is None and properties is not None and properties.find("a:noFill", _NS) is None:
        reference = shape.find("p:style/a:fillRef", _NS)
        if reference is not None and reference.get("idx", "0") != "0":
            colour = colours.of(reference)
            paint = Paint(rect, (((colour,),),), True) if colour else None
    line = _line_colour(properties, colours) if properties is not None else None
    has_text = any(t.text and t.text.strip() for t in shape.iterfind(".//a:t", _NS))
    if paint is None and line is None and not has_text:
        return None
    if paint is None:
        found = tuple(c for c in (line,) if c) or ("#808080",)
        return Paint(rect, ((found,),), False)
    geometry = shape.find("p:spPr/a:prstGeom", _NS)
    rectangular = geometry is not None and geometry.get("prst") == "rect"
    return Paint(rect, paint.cells, paint.opaque and rectangular, "shape")


def _line_colour(properties: etree._Element, colours: _Colours) -> str | None:
    line = properties.find("a:ln", _NS)
    if line is None or line.find("a:noFill", _NS) is not None:
        return None
    return colours.of(line.find("a:solidFill", _NS))


def _bounds(shape: etree._Element) -> Rect | None:
    xfrm = shape.find("p:spPr/a:xfrm", _NS)
    if xfrm is None:
        xfrm = shape.find("p:grpSpPr/a:xfrm", _NS)
    if xfrm is None:
        xfrm = shape.find("p:xfrm", _NS)  # a graphic frame's
    if xfrm is None:
        return None
    offset, extent = xfrm.find("a:off", _NS), xfrm.find("a:ext", _NS)
    if offset is None or extent is None:
        return None
    return _rect_of(
        int(offset.get("x", "0")),
        int(offset.get("y", "0")),
        int(extent.get("cx", "0")),
        int(extent.get("cy", "0")),
    )
