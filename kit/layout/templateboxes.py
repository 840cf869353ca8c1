"""Where a template's layout puts its title, body and fields, and the room its body keeps
clear of the template's art: the geometry ``kit.layout.templatelook`` describes a layout
with, and chooses the layout for content by, before any picture is read.

Rectangles are in points from the slide's top-left corner.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from lxml import etree

from kit.layout.templateart import drawn
from kit.layout.templatecolours import NS, Colours, read_theme
from kit.layout.templatepaint import Rect, bounds, painted
from kit.layout.templateroom import clear, room

if TYPE_CHECKING:
    from pptx.slide import SlideLayout, SlideMaster

PLACEHOLDER = "p:cSld/p:spTree/p:sp/p:nvSpPr/p:nvPr/p:ph"
# A placeholder's type as kit reads it: a centred title is a title, content is a body.
_KINDS = {"ctrTitle": "title", "obj": "body", "": "body"}
FIELDS = ("dt", "ftr", "sldNum")
GAP = 4.0  # points kept between kit's text and what the template draws


def layout_room(role: str, layout: SlideLayout, width: float, height: float) -> float:
    """The room a layout's body keeps clear of the template's art, from where its art lies
    alone (no picture read): as ``kit.layout.templatelook`` finds it, describing it whole."""
    master = layout.slide_master
    colours = Colours.on(master, read_theme(master), layout)
    _, title, bodies, fields = boxes(role, layout, width, height)
    obstacles = [
        rect
        for owner in shown(layout)
        for art in drawn(owner, colours)
        if (rect := painted(art)) is not None and obstacle(rect, width, height)
    ]
    return room(body_box(bodies, title, obstacles, fields, width, height), obstacles + fields)


def boxes(
    role: str, layout: SlideLayout, width: float, height: float
) -> tuple[dict[str, Rect], Rect | None, list[Rect], list[Rect]]:
    """A layout's placeholders by kind, and its title, body and field boxes among them."""
    master = layout.slide_master
    placeholders = _placeholders(layout._element, _placeholders(master._element, {}))
    title = placeholders.get("title")
    bodies = [placeholders[kind] for kind in ("body", "subTitle") if kind in placeholders]
    fields = [placeholders[kind] for kind in FIELDS if kind in placeholders]
    if role in ("content", "title_only") and not _sensible(title, bodies, width, height):
        # LibreOffice writes every layout's boxes alike, whatever its master shows: the
        # master's own title and body are where the template means them to be.
        mastered = _placeholders(master._element, {})
        title = mastered.get("title", title)
        bodies = [mastered["body"]] if "body" in mastered else bodies
    return placeholders, title, bodies, fields


def shown(layout: SlideLayout) -> list[SlideLayout | SlideMaster]:
    """Whose shapes a slide on ``layout`` shows, bottom first: its master's, unless the
    layout hides them, then its own."""
    if layout._element.get("showMasterSp", "1") in ("1", "true"):
        return [layout.slide_master, layout]
    return [layout]


def obstacle(rect: Rect, width: float, height: float) -> bool:
    """Whether art over ``rect`` is in the way of text: under the whole slide, it is a
    background."""
    return rect.w * rect.h < 0.9 * width * height


def body_box(
    bodies: list[Rect],
    title: Rect | None,
    obstacles: list[Rect],
    fields: list[Rect],
    width: float,
    height: float,
) -> Rect:
    """Where kit's content goes on a layout: its body area on the slide, clear of the art."""
    area = _body_area(bodies, title, obstacles + fields, width, height)
    return clear(_on_slide(area, width, height), obstacles, GAP)


def kind_of(ph: etree._Element) -> str:
    kind = ph.get("type", "")
    return _KINDS.get(kind, kind)


def _placeholders(root: etree._Element, inherited: Mapping[str, Rect]) -> dict[str, Rect]:
    """The box of the first placeholder of each kind in a master or layout.

    A layout's placeholder takes what its own ``a:xfrm`` leaves out (or gives as zero)
    from the master's placeholder of the same kind, as PowerPoint does.
    """
    found: dict[str, Rect] = {}
    for ph in root.iterfind(PLACEHOLDER, NS):
        kind = kind_of(ph)
        if kind in found:
            continue
        base = inherited.get(kind) or (inherited.get("body") if kind == "subTitle" else None)
        shape = ph.getparent().getparent().getparent()
        own = bounds(shape)
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


def _on_slide(box: Rect, width: float, height: float) -> Rect:
    """The part of ``box`` on the slide, ``GAP`` in from its edges (a template made for
    another slide size can reach past them)."""
    left, top = max(box.x, GAP), max(box.y, GAP)
    right, bottom = min(box.right, width - GAP), min(box.bottom, height - GAP)
    return Rect(left, top, max(right - left, 0.0), max(bottom - top, 0.0))
