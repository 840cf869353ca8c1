"""A PowerPoint template's look, read once into plain data the layout and the renderers use.

``read_look(path)`` opens the template (``.pptx`` or ``.potx``) and describes, in points
from the slide's top-left corner:

- the slide size, the theme's colours (``dk1``, ``lt1``, ``dk2``, ``lt2``, ``accent1-6``)
  and its heading and body fonts;
- for each role kit builds slides in (``ROLES``), the layout PowerPoint would pick for it
  by its placeholders (a title slide has a title and a subtitle, a section header a title
  and one text body, ...), with fallbacks when a template has no such layout: where its
  title goes, where its body may go (clear of what the template draws), the row kit's
  footer goes in, what the template draws on it (background, pictures, shapes, date,
  footer and slide-number fields, read by ``kit.layout.templatepaint``) and the colours
  behind any box.

Nothing here draws: ``slides`` writes each slide on ``LayoutLook.index`` and the planner
keeps kit's text inside ``body`` and off ``obstacles``, coloured for ``behind(box)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from kit import templatefile
from kit.layout.templateart import Art, TemplateArt, background_art, drawn
from kit.layout.templateboxes import (
    FIELDS,
    GAP,
    PLACEHOLDER,
    body_box,
    boxes,
    kind_of,
    layout_room,
    obstacle,
    shown,
)
from kit.layout.templatecolours import EMU_PER_POINT, NS, Colours, read_theme
from kit.layout.templatepaint import (
    Paint,
    Rect,
    colours_behind,
    paint_of,
    solid,
)
from kit.layout.templateroom import field_row
from kit.model.colour import worst_contrast

if TYPE_CHECKING:
    from pptx.package import Package
    from pptx.slide import SlideLayout


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
BODY_CONTRAST = 4.5
TITLE_CONTRAST = 3.0
FOOTER_HEIGHT = 20.0


@dataclass(frozen=True)
class LayoutLook:
    """One slide layout of the template, as a slide built on it looks before kit adds to it.

    ``index`` finds the layout: (master, layout) positions in the template's lists.
    ``title``: its title placeholder's box (None: it has none); ``body``: where the layout
    means content to go (its body or content placeholders, or the slide below the title
    and above the fields), cut back off the template's pictures and shapes; ``footer``:
    the row kit's footer goes in; ``obstacles``: the template's own pictures, shapes and
    fields on it, which kit's text must stay off; ``paints``: everything it paints,
    bottom first; ``art``: the same as kit's PDFs draw it.
    """

    role: LayoutRole
    name: str
    index: tuple[int, int]
    title: Rect | None
    body: Rect
    footer: Rect
    obstacles: tuple[Rect, ...]
    paints: tuple[Paint, ...]
    numbered: bool = False  # the template numbers the slide itself (a field in its own shape)
    fields: tuple[Rect, ...] = ()  # its date, footer and number boxes, when side by side
    art: TemplateArt | None = None  # what it draws, for kit's PDFs of the deck

    def behind(self, box: Rect) -> tuple[str, ...]:
        """Every colour a reader may see behind ``box``, sorted."""
        return colours_behind(self.paints, box)

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
        return theme_inks(self.colours)


def theme_inks(colours: Mapping[str, str]) -> tuple[str, ...]:
    """A theme's colours to set text in, in the order to prefer them, then black and
    white."""
    names = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)))
    theme = [colours[name] for name in names if name in colours]
    return tuple(dict.fromkeys([*theme, "#000000", "#FFFFFF"]))


def readable_ink(inks: tuple[str, ...], behind: tuple[str, ...], needed: float) -> str:
    """The first of ``inks`` with ``needed`` contrast against every colour ``behind``;
    failing that, the one whose worst contrast is highest."""

    for ink in inks:
        if worst_contrast(ink, behind) >= needed:
            return ink
    return max(inks, key=lambda ink: worst_contrast(ink, behind))


def read_look(path: str) -> TemplateLook:
    """The look of the template at ``path`` (already checked by ``kit check``), read once
    a process while the file stays as it is (the deck is planned twice)."""
    return _read_look(templatefile.package(path))


@lru_cache(maxsize=2)  # by the parsed package, which a template saved again replaces
def _read_look(package: Package) -> TemplateLook:
    presentation = package.main_document_part.presentation
    width = presentation.slide_width / EMU_PER_POINT
    height = presentation.slide_height / EMU_PER_POINT
    masters = list(presentation.slide_masters)
    theme = read_theme(masters[0])
    colours = {name: value for name, value in theme.colours.items()}
    # Each master's first layout of each role, masters in order.
    candidates: dict[LayoutRole, list[tuple[int, int]]] = {}
    for m, master in enumerate(masters):
        found: dict[LayoutRole, tuple[int, int]] = {}
        for n, layout in enumerate(master.slide_layouts):
            role = _role(layout)
            if role is not None:
                found.setdefault(role, (m, n))
        for role, index in found.items():
            candidates.setdefault(role, []).append(index)
    layouts: dict[LayoutRole, LayoutLook] = {}
    for role in ROLES:
        chosen = candidates.get(role) or next(
            (candidates[other] for other in _FALLBACKS[role] if other in candidates), [(0, 0)]
        )
        if role in ("title_only", "blank"):  # on the content slides' master where it has one
            master = layouts["content"].index[0]
            chosen = [index for index in chosen if index[0] == master] or chosen
        if role == "content" and len(chosen) > 1:
            # A template often has a master for its title slide and one for the rest: content
            # goes on the layout whose body keeps the most room clear of the template's art
            # (found from where its art lies: only that layout's pictures are read).
            layouts_of = [masters[m].slide_layouts[n] for m, n in chosen]
            rooms = [layout_room(role, layout, width, height) for layout in layouts_of]
            chosen = [chosen[rooms.index(max(rooms))]]
        m, n = chosen[0]
        layouts[role] = _describe(role, (m, n), masters[m].slide_layouts[n], width, height)
    # Every slide's footer spans the content slides' body, as wide as on those.
    span = layouts["content"].body
    footed = {
        role: _with_footer(look, height, theme_inks(colours), span)
        for role, look in layouts.items()
    }
    return TemplateLook(width, height, colours, theme.heading, theme.body, footed)


def _role(layout: SlideLayout) -> LayoutRole | None:
    """The role PowerPoint gives a layout by its placeholders (None: a layout kit has no
    use for, such as two contents or a picture with a caption)."""
    kinds = [kind_of(ph) for ph in layout._element.iterfind(PLACEHOLDER, NS)]
    titles = kinds.count("title")
    bodies = kinds.count("body")
    subtitles = kinds.count("subTitle")
    others = [k for k in kinds if k not in ("title", "body", "subTitle", *FIELDS)]
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


def _describe(
    role: LayoutRole, index: tuple[int, int], layout: SlideLayout, width: float, height: float
) -> LayoutLook:
    master = layout.slide_master
    theme = read_theme(master)
    colours = Colours.on(master, theme, layout)
    ground = background_art(layout, colours, width, height) or background_art(
        master, colours, width, height
    )
    shown_ground = paint_of(ground, "background") if ground is not None else None
    white = solid(Rect(0, 0, width, height), ("#FFFFFF",), True, "background")
    shapes: list[Art] = []
    paints: list[Paint] = [shown_ground or white]
    obstacles: list[Rect] = []
    placeholders, title, bodies, fields = boxes(role, layout, width, height)
    owners = shown(layout)
    for owner in owners:
        for art in drawn(owner, colours):
            shapes.extend([art] if art.drawable else [])
            paint = paint_of(art, under=paints)
            if paint is None:
                continue
            paints.append(paint)
            if obstacle(paint.rect, width, height):
                obstacles.append(paint.rect)
    body = body_box(bodies, title, obstacles, fields, width, height)
    numbered = any(
        shape.find("*/p:nvPr/p:ph", NS) is None
        for owner in owners
        for shape in owner._element.iterfind("p:cSld/p:spTree/*", NS)
        if shape.find(".//a:fld[@type='slidenum']", NS) is not None
    )
    obstacles.extend(fields)
    row = field_row([placeholders.get(kind) for kind in FIELDS], height)
    drawing = TemplateArt(ground or Art("rect", 0, 0, width, height, ("#FFFFFF",)), tuple(shapes))
    return LayoutLook(
        role,
        layout.name,
        index,
        title,
        body,
        body,
        tuple(obstacles),
        tuple(paints),
        numbered,
        fields=row,
        art=drawing,
    )


def _with_footer(look: LayoutLook, height: float, inks: tuple[str, ...], span: Rect) -> LayoutLook:
    """``look`` with the row for kit's footer (``_own_row``); when that row lies on the
    template's pictures or shapes, in the template's own footer fields instead, where its
    designer means footer text to go."""
    own = _own_row(look, height, inks, span)
    drawn = any(p.kind != "background" and p.rect.meets(own.footer) for p in look.paints)
    if not (look.fields and drawn):
        return replace(own, fields=())
    left, right = look.fields[0], look.fields[-1]
    return replace(look, footer=Rect(left.x, left.y, right.right - left.x, left.h))


def _own_row(look: LayoutLook, height: float, inks: tuple[str, ...], span: Rect) -> LayoutLook:
    """``look`` with a row for kit's footer, across ``span``: the lowest row below its
    body and title on colours one of ``inks`` reads on; failing that, the body's last row
    (the body gives it up) if one reads there or there is no room below, else the row below
    where the best ink reads best."""
    body = look.body
    highest = max(body.bottom, look.title.bottom if look.title else 0.0) + 2
    rows: list[tuple[float, float, Rect]] = []
    y = height - FOOTER_HEIGHT - 1
    while y >= highest:
        rows.append(_judged(look, Rect(span.x, y, span.w, FOOTER_HEIGHT), inks))
        if rows[-1][0] >= BODY_CONTRAST:
            return replace(look, footer=rows[-1][2])
        y -= 2
    inside = _judged(look, Rect(span.x, body.bottom - FOOTER_HEIGHT, span.w, FOOTER_HEIGHT), inks)
    if rows and (inside[0] < BODY_CONTRAST or body.h <= 4 * FOOTER_HEIGHT):
        return replace(look, footer=max(rows)[2])
    given = Rect(body.x, body.y, body.w, max(body.h - FOOTER_HEIGHT - GAP / 2, 0.0))
    return replace(look, body=given, footer=inside[2])


def _judged(look: LayoutLook, row: Rect, inks: tuple[str, ...]) -> tuple[float, float, Rect]:
    """How well the best of ``inks`` reads on ``row`` (its worst contrast), then how low the
    row is, and the row."""
    behind = look.behind(row)
    ink = readable_ink(inks, behind, BODY_CONTRAST)
    return worst_contrast(ink, behind), row.y, row
