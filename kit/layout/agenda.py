"""The agenda slide: each section's clock times and name on a row of its own, breaks tinted.

The rows sit on one grid: the times right-aligned in a column as wide as the widest, the
names beside them, hairlines between rows; a break is a tinted band in italics. The rows
take the largest size at which they fit one slide, with closer rows only where no size
fits with the usual spacing; a long agenda continues on "(cont.)" slides at the floor, its
rows shared evenly between them and never split.
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
    grid, pages = _fitted(p)
    if len(pages) > 1:
        p.warn(
            ("sections",), f"the agenda does not fit one slide; continued over {len(pages)} slides"
        )
    for index, rows in enumerate(pages):
        p.add(p.continued(words("agenda"), index), "agenda", _drawn(p, grid, rows), notes)


def _fitted(p: Planner) -> tuple[_Grid, list[list[_Row]]]:
    """The grid and rows of the agenda's slides: one slide at the largest size it fits, with
    the usual spacing or else closer rows; or, fitting none, as few slides as it needs at
    the floor, sharing the rows evenly."""
    for share in (PAD, CLOSE):
        for size in size_steps(*p.scale.sizes("agenda")):
            grid, rows = _rows(p, size, share)
            if sum(map(grid.height, rows)) <= p.body_height():
                p.scale.saw("agenda", size)
                return grid, [rows]
    floor = p.scale.sizes("agenda")[1]
    p.scale.saw("agenda", floor)  # a longer agenda only takes more slides
    # over several slides: the usual spacing, unless closer rows take fewer slides
    shared = [_shared(*_rows(p, floor, share), p.body_height()) for share in (PAD, CLOSE)]
    return min(shared, key=lambda grid_pages: len(grid_pages[1]))


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


def _rows(p: Planner, size: float, share: float) -> tuple[_Grid, list[_Row]]:
    """The agenda's grid at ``size``, ``share`` of it around each row's text, and its rows."""
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
    grid = _Grid(size, time_w + 2 * pad, p.content_width - time_w - 2 * pad, pad)
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


def _drawn(p: Planner, grid: _Grid, rows: list[_Row]) -> list[Element]:
    """The rows as boxes, top to bottom: a hairline between two rows that are not breaks."""
    c = p.colours
    tint = mix(c.secondary, WHITE, 0.88)
    hairline = mix(c.muted, c.background, 0.55)
    elements: list[Element] = []
    y = BODY_TOP
    for index, row in enumerate(rows):
        h = grid.height(row)
        if row.pause:  # under the row's text, so drawn (and stacked) first
            elements.append(Box(MARGIN, y, p.content_width, h, fill=tint, role="decoration"))
        elif index and not rows[index - 1].pause:
            rule = Box(
                MARGIN,
                y - RULE / 2,
                p.content_width,
                RULE,
                fill=hairline,
                role="decoration",
                name="Rule",
            )
            elements.append(rule)
        elements += [
            Box(MARGIN, y, grid.time_w, h, text=row.time, inset=grid.pad, name="Time"),
            Box(
                MARGIN + grid.time_w,
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
