"""Planned slides put on a template's layouts, every text readable on what is behind it.

The planner lays a content slide's body out on a canvas whose body area has the size of the
template's (``canvas``), and moves it into place (``placed``); titles go into the layout's
title box. Then every text kit draws is
checked against the colours really behind it (the template's background, bands and
pictures, or kit's own fill): a colour below 4.5:1 (3:1 for titles) is replaced by the
first of the template's theme colours, then black or white, that reaches it; text no colour
reads on (a busy picture, light and dark bands under one box) is set on a plate of the
slide's background colour, or white.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import replace

from kit.layout.slidelayout import Arrow, Box, Cell, Element, Picture, QrCode, Table
from kit.layout.templatelook import (
    BODY_CONTRAST,
    TITLE_CONTRAST,
    LayoutLook,
    Rect,
    TemplateLook,
    readable_ink,
)
from kit.layout.textfit import Para, Text
from kit.model import Colours, Theme
from kit.model.colour import WHITE, worst_contrast


def canvas(look: TemplateLook, margin: float, body_top: float, below: float) -> tuple[float, float]:
    """The size of a slide whose body, ``margin`` in from each side, ``body_top`` down and
    ``below`` up from the bottom, is the template's content body."""
    body = look.layout("content").body
    return body.w + 2 * margin, body.h + body_top + below


def size_warning(
    look: TemplateLook, theme: Theme, sizes: Mapping[str, tuple[float, float]]
) -> str | None:
    """The warning when the workshop asks for a slide shape (one of ``sizes``) its template
    does not have: the template's masters are drawn for its own size, so the deck takes
    that."""
    ratio = look.width / look.height
    shape = min(sizes, key=lambda name: abs(sizes[name][0] / sizes[name][1] - ratio))
    if "slide_size" not in theme.model_fields_set or shape == theme.slide_size:
        return None
    return (
        f"the template's slides are {shape} ({look.width:g} × {look.height:g} pt), not "
        f'"{theme.slide_size}"; the deck takes the template\'s size'
    )


def title_rect(look: TemplateLook, top: float, height: float) -> tuple[float, float, float, float]:
    """The content layout's title box (one ``top`` down and ``height`` tall over its body
    if it has none)."""
    layout = look.layout("content")
    box = layout.title or Rect(layout.body.x, top, layout.body.w, height)
    return box.x, box.y, box.w, box.h


def shows_pictures(look: TemplateLook | None) -> bool:
    """Whether the template shows pictures of its own on content slides (its brand: kit
    adds no logo of its own)."""
    paints = look.layout("content").paints if look is not None else ()
    return any(paint.kind == "picture" for paint in paints)


def inks(colours: Colours, look: TemplateLook) -> tuple[str, ...]:
    """Colours to set text in on a template, best first: the workshop's text and primary
    colours, then the template's theme colours, black and white."""
    return tuple(dict.fromkeys([colours.text, colours.primary, *look.inks()]))


def placed(body: list[Element], look: TemplateLook, margin: float, top: float) -> list[Element]:
    """Body elements planned on the canvas (``margin`` in, ``top`` down) moved into the
    template's content body area."""
    area = look.layout("content").body
    return [shifted(element, area.x - margin, area.y - top) for element in body]


def shifted(element: Element, dx: float, dy: float) -> Element:
    """``element`` moved by ``dx``, ``dy`` points."""
    if isinstance(element, Arrow):
        return replace(
            element, x1=element.x1 + dx, y1=element.y1 + dy, x2=element.x2 + dx, y2=element.y2 + dy
        )
    return replace(element, x=element.x + dx, y=element.y + dy)


PLATE = 4.0  # points a plate reaches past the text on it, all round


def readable(elements: list[Element], layout: LayoutLook, inks: tuple[str, ...]) -> list[Element]:
    """Every text among ``elements`` in colours readable on what is behind it: a box's own
    fill, else kit's filled boxes drawn before it (a tinted row) over the template's paint."""
    done: list[Element] = []
    for element in elements:
        done.append(_readable(element, lambda rect: _behind(rect, layout, done), layout, inks))
    return _rows_plated(elements, done, inks)


def _rows_plated(
    planned: list[Element], done: list[Element], inks: tuple[str, ...]
) -> list[Element]:
    """``done`` with each bare text box beside a plated one on its row (the same top and
    height, edge to edge, as planned) set on the same plate: a reader sees one row, such as
    an agenda's time and name, not one plated and its neighbour on the picture. A box on a
    fill of kit's own is left on it. Rows are not joined down a column: a plate reaches
    past its box (``PLATE``) and would cover a band of kit's own between two rows."""
    shown = list(done)
    fills = [_rect(e) for e in planned if isinstance(e, Box) and e.fill and e.text is None]
    boxes = sorted(
        (
            (index, element)
            for index, element in enumerate(planned)
            if isinstance(element, Box)
            and element.text is not None
            and element.fill is None
            and element.role != "title"
            # on a band of kit's own (an agenda's break), it reads on that and keeps to it
            and not any(fill.holds(_rect(element)) for fill in fills)
        ),
        key=lambda pair: (pair[1].y, pair[1].x),
    )
    rows: list[list[tuple[int, Box]]] = []  # runs of boxes edge to edge, left to right
    for index, box in boxes:
        if rows and _beside(rows[-1][-1][1], box):
            rows[-1].append((index, box))
        else:
            rows.append([(index, box)])
    for row in rows:
        now = [shown[index] for index, _ in row]
        plate = next((b.fill for b in now if isinstance(b, Box) and b.fill), None)
        if plate is None:
            continue
        for (index, box), current in zip(row, now):
            if isinstance(current, Box) and current.fill is None:
                shown[index] = _on_plate(box, plate, inks)
    return shown


def _beside(a: Box, b: Box) -> bool:
    """Whether ``a`` and ``b`` share a row: the same top and height, edge to edge."""

    def near(one: float, other: float) -> bool:
        return abs(one - other) < _TOUCH

    same_row = near(a.y, b.y) and near(a.h, b.h)
    return same_row and (near(a.x + a.w, b.x) or near(b.x + b.w, a.x))


_TOUCH = 0.01  # points: a planner's sums may differ by this much


def _behind(rect: Rect, layout: LayoutLook, below: list[Element]) -> tuple[str, ...]:
    """The colours behind ``rect``: the fills of kit's boxes under it, topmost first, down
    to one that covers it all, else down to the template's paint."""
    found: set[str] = set()
    for other in reversed(below):
        if isinstance(other, Box) and other.fill and _rect(other).meets(rect):
            found.add(other.fill)
            if _rect(other).holds(rect):
                return tuple(sorted(found))
    return tuple(sorted(found | set(layout.behind(rect))))


def _readable(
    element: Element,
    behind_of: Callable[[Rect], tuple[str, ...]],
    layout: LayoutLook,
    inks: tuple[str, ...],
) -> Element:
    if isinstance(element, Box) and element.text is not None:
        role = TITLE_CONTRAST if element.role == "title" else BODY_CONTRAST
        needed = max((_needed(para, role) for para in element.text.paragraphs), default=role)
        under = behind_of(_rect(element))
        plate = None if element.fill else _plate(layout, under, inks, needed)
        if plate is not None:
            return _on_plate(element, plate, inks)
        behind = (element.fill,) if element.fill else under
        return replace(element, text=inked(element.text, behind, inks, role))
    if isinstance(element, Table):
        rows: list[tuple[Cell, ...]] = []
        top = element.y
        for row, height in zip(element.rows, element.row_heights):
            lefts = itertools.accumulate(element.col_widths[:-1], initial=element.x)
            unders = [
                behind_of(Rect(left, top, width, height))
                for left, width in zip(lefts, element.col_widths)
            ]
            # A row reads as one: where a cell of it needs a plate, its bare cells share it.
            bare = [under for cell, under in zip(row, unders) if not cell.fill]
            plate = next(filter(None, (_plate(layout, u, inks, BODY_CONTRAST) for u in bare)), None)
            cells = []
            for cell, under in zip(row, unders):
                fill = cell.fill or plate
                behind = (fill,) if fill else under
                cells.append(Cell(inked(cell.text, behind, inks, BODY_CONTRAST), fill))
            rows.append(tuple(cells))
            top += height
        return replace(element, rows=tuple(rows))
    return element


def _on_plate(box: Box, plate: str, inks: tuple[str, ...]) -> Box:
    """``box`` set on ``plate``, its text inked to read on it. A plate reaches past its
    text, which stays where it was set: a reader sees the plate all round each word, not
    the template's art at the words' very edges."""
    assert box.text is not None
    role = TITLE_CONTRAST if box.role == "title" else BODY_CONTRAST
    return replace(
        box,
        x=box.x - PLATE,
        y=box.y - PLATE,
        w=box.w + 2 * PLATE,
        h=box.h + 2 * PLATE,
        inset=box.inset + PLATE,
        fill=plate,
        text=inked(box.text, (plate,), inks, role),
    )


def _plate(
    layout: LayoutLook, behind: tuple[str, ...], inks: tuple[str, ...], needed: float
) -> str | None:
    """A fill for text that no ink reads on over what is behind it (a busy picture, bands
    of light and dark): the slide's background colour, or white; None when one reads."""
    if _reads(readable_ink(inks, behind, needed), behind, needed):
        return None
    ground = layout.background()
    return ground if _reads(readable_ink(inks, (ground,), needed), (ground,), needed) else WHITE


def _reads(ink: str, behind: tuple[str, ...], needed: float) -> bool:
    return worst_contrast(ink, behind) >= needed


def inked(text: Text, behind: tuple[str, ...], inks: tuple[str, ...], needed: float) -> Text:
    """``text`` with each paragraph whose colour falls short of what it needs (``needed``
    when large, ``_needed``) against any of ``behind`` set in the first of ``inks`` that
    does not."""
    paragraphs = tuple(
        para
        if worst_contrast(para.color, behind) >= _needed(para, needed)
        else replace(para, color=readable_ink(inks, behind, _needed(para, needed)))
        for para in text.paragraphs
    )
    return replace(text, paragraphs=paragraphs)


def _needed(para: Para, needed: float) -> float:
    """The contrast ``para`` needs in a box that asks ``needed``: a title's 3:1 is for
    large text in WCAG's sense (18 pt, or 14 pt bold); a title box's smaller line, such
    as a divider's "Section 2 of 9", needs a body's 4.5:1."""
    bold = all(run.bold for line in para.lines for run in line.runs)
    large = para.size >= _LARGE or (bold and para.size >= _LARGE_BOLD)
    return needed if large else max(needed, BODY_CONTRAST)


_LARGE, _LARGE_BOLD = 18.0, 14.0  # points: WCAG's large text


def _rect(element: Box | Picture | QrCode) -> Rect:
    if isinstance(element, QrCode):
        return Rect(element.x, element.y, element.size, element.size)
    return Rect(element.x, element.y, element.w, element.h)


def free_span(row: Rect, layout: LayoutLook) -> tuple[float, float]:
    """The widest stretch of ``row``, left to right, clear of the template's pictures and
    shapes (one that covers the whole row is behind it, not in the way), if it is half the
    row or more. Its date, footer
    and number fields are not in the way: kit's slides leave them empty."""
    drawn = [
        paint.rect
        for paint in layout.paints
        if paint.kind != "background" and paint.rect.meets(row) and not paint.rect.holds(row)
    ]
    edges = sorted((max(o.x, row.x), min(o.right, row.right)) for o in drawn)
    spans, left = [], row.x
    for start, end in edges:
        spans.append((left, start))
        left = max(left, end)
    spans.append((left, row.right))
    widest = max(spans, key=lambda span: span[1] - span[0])
    # A row strewn with shapes: the whole row, the text on a plate where it must be.
    return widest if widest[1] - widest[0] >= row.w / 2 else (row.x, row.right)
