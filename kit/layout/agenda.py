"""The agenda slide: each section's clock times and name on a row of its own, breaks tinted.

The rows sit on one grid: the times right-aligned in a column as wide as the widest, the
names beside them, hairlines between rows; a break is a tinted band in italics. The rows
take the largest size at which they fit one slide, with closer rows only where no size
fits with the usual spacing; an agenda too long for that at the floor goes in two columns
side by side where they fit (a template's short body area), and one longer still continues
on "(cont.)" slides at the floor, its rows shared evenly between them and never split.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from kit.layout.planner import BODY_TOP, MARGIN, Planner
from kit.layout.slidelayout import Box, Element
from kit.layout.textfit import WRAP_SAFETY, ParaSpec, Text, set_text, size_steps
from kit.model.colour import WHITE, contrast, mix
from kit.model.schedule import BreakItem, item_title, timetable, total_minutes

PAD = 0.45  # around a row's text, inside its band, as a share of the size
CLOSE = 0.2  # the same, for an agenda that fits one slide no other way
RULE = 0.75  # the hairline between two rows, in points
SLACK = 2.0  # points a viewer's measure of the widest time may exceed kit's
GUTTER = 2.0  # between two columns of rows, as a share of the size


@dataclass(frozen=True)
class _Row:
    time: Text
    name: Text
    pause: bool  # a break: tinted, in italics


@dataclass(frozen=True)
class _Grid:
    """The agenda's columns at one size."""

    size: float
    time_w: float  # the time column, its padding included
    name_w: float
    pad: float  # around a row's text

    def height(self, row: _Row) -> float:
        return max(row.time.height, row.name.height) + 2 * self.pad


def agenda_slide(p: Planner) -> None:
    """The agenda at the largest size at which it fits one slide (its size in the deck,
    once settled); when it cannot, its rows continue over further slides, with a warning."""
    words = p.words
    start = words.time(p.workshop.start_time)
    notes = words(
        "runs_for", minutes=words("minutes", count=total_minutes(p.workshop)), start=start
    )
    grid, slides = _fitted(p)
    if len(slides) > 1:
        p.warn(
            ("sections",), f"the agenda does not fit one slide; continued over {len(slides)} slides"
        )
    for index, columns in enumerate(slides):
        p.add(p.continued(words("agenda"), index), "agenda", _drawn(p, grid, columns), notes)


Columns = list[list[_Row]]  # a slide's rows, column by column


def _fitted(p: Planner) -> tuple[_Grid, list[Columns]]:
    """The grid and the columns of rows of each of the agenda's slides: one column on one
    slide at the largest size it fits, with the usual spacing or else closer rows; else two
    columns on one slide, the same way; or, fitting none, as few slides as it needs at the
    floor, sharing the rows evenly."""
    height = p.body_height()
    for count in (1, 2):
        for share in (PAD, CLOSE):
            for size in size_steps(*p.scale.sizes("agenda")):
                width = (p.content_width - GUTTER * size * (count - 1)) / count
                grid, rows = _rows(p, size, share, width)
                columns = _halved(grid, rows) if count == 2 else [rows]
                if max(sum(map(grid.height, column)) for column in columns) <= height:
                    p.scale.saw("agenda", size)
                    return grid, [columns]
    floor = p.scale.sizes("agenda")[1]
    p.scale.saw("agenda", floor)  # a longer agenda only takes more slides
    # over several slides: the usual spacing, unless closer rows take fewer slides
    shared = [_shared(*_rows(p, floor, share, p.content_width), height) for share in (PAD, CLOSE)]
    grid, pages = min(shared, key=lambda grid_pages: len(grid_pages[1]))
    return grid, [[page] for page in pages]


def _halved(grid: _Grid, rows: list[_Row]) -> Columns:
    """``rows`` in two columns, read down the first then the second, cut where the taller
    column is shortest (the first taking the extra row of a tie)."""
    heights = [grid.height(row) for row in rows]
    cut = min(
        range(1, len(rows)),
        key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), -k),
        default=len(rows),
    )
    return [rows[:cut], rows[cut:]] if cut < len(rows) else [rows]


def _shared(grid: _Grid, rows: list[_Row], height: float) -> tuple[_Grid, list[list[_Row]]]:
    """``rows`` over as few slides as they need, as many on each as can be (the first
    taking one more where they cannot), or else each slide filled in turn."""
    filled = _filled(grid, rows, height)
    count = len(filled)
    cuts = [-(-len(rows) * index // count) for index in range(count + 1)]
    even = [rows[start:end] for start, end in pairwise(cuts)]
    fits = all(sum(map(grid.height, page)) <= height for page in even)
    return grid, even if fits else filled


def _filled(grid: _Grid, rows: list[_Row], height: float) -> list[list[_Row]]:
    """``rows`` in order, each slide filled up to ``height`` before the next is started."""
    pages: list[list[_Row]] = [[]]
    used = 0.0
    for row in rows:
        if pages[-1] and used + grid.height(row) > height:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += grid.height(row)
    return pages


def _rows(p: Planner, size: float, share: float, width: float) -> tuple[_Grid, list[_Row]]:
    """The agenda's grid ``width`` wide at ``size``, ``share`` of it around each row's text,
    and its rows."""
    ink = p.colours.text
    # The clock in the primary colour where it reads as well as body text does.
    clock = p.colours.primary if contrast(p.colours.primary, p.colours.background) >= 4.5 else ink
    items = timetable(p.workshop)
    spans = [p.words.span(item.start, item.end) for item in items]
    widest = max(
        set_text([ParaSpec(span, bold=True)], 1e6, size).paragraphs[0].lines[0].width
        for span in spans
    )
    time_w = widest / WRAP_SAFETY + SLACK  # kit's wrap keeps a safety margin: one line
    pad = share * size
    grid = _Grid(size, time_w + 2 * pad, width - time_w - 2 * pad, pad)
    inner = grid.name_w - 2 * pad
    rows = []
    for item, span in zip(items, spans):
        pause = isinstance(item, BreakItem)
        time = ParaSpec(
            span, bold=not pause, italic=pause, color=ink if pause else clock, align="right"
        )
        name = ParaSpec(item_title(item, p.words), italic=pause, color=ink)
        rows.append(_Row(set_text([time], time_w, size), set_text([name], inner, size), pause))
    return grid, rows


def _drawn(p: Planner, grid: _Grid, columns: Columns) -> list[Element]:
    """Each column's rows as boxes, top to bottom, the columns left to right: a hairline
    between two rows that are not breaks."""
    c = p.colours
    tint = mix(c.secondary, WHITE, 0.88)
    hairline = mix(c.muted, c.background, 0.55)
    width = grid.time_w + grid.name_w
    elements: list[Element] = []
    for number, rows in enumerate(columns):
        x, y = MARGIN + number * (width + GUTTER * grid.size), BODY_TOP
        for index, row in enumerate(rows):
            h = grid.height(row)
            if row.pause:  # under the row's text, so drawn (and stacked) first
                elements.append(Box(x, y, width, h, fill=tint, role="decoration"))
            elif index and not rows[index - 1].pause:
                rule = Box(
                    x, y - RULE / 2, width, RULE, fill=hairline, role="decoration", name="Rule"
                )
                elements.append(rule)
            elements += [
                Box(x, y, grid.time_w, h, text=row.time, inset=grid.pad, name="Time"),
                Box(
                    x + grid.time_w,
                    y,
                    grid.name_w,
                    h,
                    text=row.name,
                    inset=grid.pad,
                    name="Section",
                ),
            ]
            y += h
    return elements
