"""Planned slides put on a template's layouts, every text readable on what is behind it.

The planner lays a content slide's body out on a canvas whose body area has the size of the
template's (``canvas``), and moves it into place (``shifted``); titles go into the layout's
title box. Then every text kit draws is
checked against the colours really behind it (the template's background, bands and
pictures, or kit's own fill): a colour below 4.5:1 (3:1 for titles) is replaced by the
first of the template's theme colours, then black or white, that reaches it.
"""

from __future__ import annotations

from dataclasses import replace

from kit.layout.slidelayout import Arrow, Box, Cell, Element, Picture, QrCode, Table
from kit.layout.templatelook import LayoutLook, Rect, TemplateLook, readable_ink
from kit.layout.textfit import Text
from kit.model.colour import contrast

BODY_CONTRAST = 4.5
TITLE_CONTRAST = 3.0
FOOTER_HEIGHT = 20.0


def canvas(look: TemplateLook, margin: float, body_top: float, below: float) -> tuple[float, float]:
    """The size of a slide whose body, ``margin`` in from each side, ``body_top`` down and
    ``below`` up from the bottom, is the template's content body."""
    body = look.layout("content").body
    return body.w + 2 * margin, body.h + body_top + below


def shifted(element: Element, dx: float, dy: float) -> Element:
    """``element`` moved by ``dx``, ``dy`` points."""
    if isinstance(element, Arrow):
        return replace(
            element, x1=element.x1 + dx, y1=element.y1 + dy, x2=element.x2 + dx, y2=element.y2 + dy
        )
    return replace(element, x=element.x + dx, y=element.y + dy)


def readable(elements: list[Element], layout: LayoutLook, inks: tuple[str, ...]) -> list[Element]:
    """Every text among ``elements`` in colours readable on what is behind it: a box's own
    fill, else the template's paint under it."""
    return [_readable(element, layout, inks) for element in elements]


def _readable(element: Element, layout: LayoutLook, inks: tuple[str, ...]) -> Element:
    if isinstance(element, Box) and element.text is not None:
        behind = (element.fill,) if element.fill else layout.behind(_rect(element))
        needed = TITLE_CONTRAST if element.role == "title" else BODY_CONTRAST
        return replace(element, text=inked(element.text, behind, inks, needed))
    if isinstance(element, Table):
        rows = []
        top = element.y
        for row, height in zip(element.rows, element.row_heights):
            left, cells = element.x, []
            for cell, width in zip(row, element.col_widths):
                behind = (
                    (cell.fill,) if cell.fill else layout.behind(Rect(left, top, width, height))
                )
                cells.append(Cell(inked(cell.text, behind, inks, BODY_CONTRAST), cell.fill))
                left += width
            rows.append(tuple(cells))
            top += height
        return replace(element, rows=tuple(rows))
    return element


def inked(text: Text, behind: tuple[str, ...], inks: tuple[str, ...], needed: float) -> Text:
    """``text`` with each paragraph whose colour falls short of ``needed`` against any of
    ``behind`` set in the first of ``inks`` that does not."""
    paragraphs = tuple(
        para
        if all(contrast(para.color, colour) >= needed for colour in behind)
        else replace(para, color=readable_ink(inks, behind, needed))
        for para in text.paragraphs
    )
    return replace(text, paragraphs=paragraphs)


def _rect(element: Box | Picture | QrCode) -> Rect:
    if isinstance(element, QrCode):
        return Rect(element.x, element.y, element.size, element.size)
    return Rect(element.x, element.y, element.w, element.h)


def footer_row(layout: LayoutLook, height: float, inks: tuple[str, ...]) -> Rect:
    """Where the footer goes on a slide of ``layout``: the lowest row below its body and
    title on colours one ink reads on, else the row where the best ink reads best."""
    body = layout.body
    highest = max(body.bottom, layout.title.bottom if layout.title else 0.0) + 2
    rows = []
    y = height - FOOTER_HEIGHT - 1
    while y >= highest or not rows:
        row = Rect(body.x, y, body.w, FOOTER_HEIGHT)
        behind = layout.behind(row)
        ink = readable_ink(inks, behind, BODY_CONTRAST)
        worst = min((contrast(ink, colour) for colour in behind), default=21.0)
        if worst >= BODY_CONTRAST:
            return row
        rows.append((worst, -y, row))
        y -= 2
    return max(rows)[2]


def clear_right(row: Rect, layout: LayoutLook) -> float:
    """Where the template's first picture or shape in ``row`` starts, from the left (the
    row's right edge if there is none)."""
    starts = [o.x for o in layout.obstacles if o.meets(row) and o.x > row.x + row.w / 2]
    return min([row.right, *starts])
