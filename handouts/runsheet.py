"""The run sheet: the session minute by minute, with the slides to show for each part.

Sections and breaks keep their planned clock times; a block that names its own duration
(an activity) keeps it, and the rest of a section's minutes are shared among its other
blocks by their slide counts, so each block gets an approximate start time. Slide
numbers come from the deck's own layout, the one the deck and its PDF are drawn from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import Flowable

from handouts.story import Look, bold, grid, item_cell, laid_out
from kit.layout.slidelayout import DeckLayout
from kit.model import Section
from kit.model.schedule import AgendaItem, BreakItem, item_minutes, timetable
from kit.pdf import para


def slides_label(span: tuple[int, int] | None, look: Look) -> str:
    """``slides 14–21``, ``slide 5``, or nothing for a part without slides."""
    if span is None:
        return ""
    first, last = span
    if first == last:
        return look.words("slide_one", number=first)
    return look.words("slides_range", first=first, last=last)


def shares(total: int, weights: list[int]) -> list[int]:
    """``total`` minutes split in proportion to ``weights``, whole minutes summing to it.

    Largest remainders get the spare minutes; all-zero weights split nothing.
    """
    weight = sum(weights)
    if weight == 0:
        return [0] * len(weights)
    exact = [total * w / weight for w in weights]
    whole = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (whole[i] - exact[i], i))
    for i in order[: total - sum(whole)]:
        whole[i] += 1
    return whole


def _slide_count(deck: DeckLayout, section: int, block: int) -> int:
    span = deck.slide_range(section, block)
    return 0 if span is None else span[1] - span[0] + 1


def run_sheet(look: Look, deck: DeckLayout, label: Any) -> list[Flowable]:
    """The run sheet table: a row per section and break, and one per block under it."""
    w = look.words
    rows: list[list[Any]] = [[w("time"), w("section"), w("slides_column"), w("minutes_column")]]
    section = 0
    for item in timetable(look.workshop):
        if isinstance(item, BreakItem):
            rows.append(
                [
                    look.words.span(item.start, item.end),
                    item_cell(item, look),
                    "",
                    str(item_minutes(item)),
                ]
            )
            continue
        rows += _section_rows(item, section, deck, look, label)
        section += 1
    times, slides, minutes = look.body_size * 7, look.body_size * 7, look.body_size * 5
    widths = [times, look.width - times - slides - minutes, slides, minutes]
    table = grid(rows, widths, look)
    intro = para(w("run_sheet_intro"), look.styles.small)
    return laid_out([table], [para(w("run_sheet"), look.styles.h1), intro])


def _section_rows(
    item: AgendaItem, index: int, deck: DeckLayout, look: Look, label: Any
) -> list[list[Any]]:
    section = item.section
    span = deck.slide_range(index)
    rows: list[list[Any]] = [
        [
            bold(look.words.span(item.start, item.end), look.cell),
            bold(section.title, look.cell),
            slides_label(span, look),
            str(section.duration),
        ]
    ]
    clock = dt.datetime.combine(dt.date(2000, 1, 1), item.start)
    for number, (block, minutes, timed) in enumerate(_block_minutes(section, index, deck)):
        cue = slides_label(deck.slide_range(index, number), look)
        rows.append(
            [
                look.words.time(clock.time()),
                para(f"– {label(block, look)}", look.cell),
                cue,
                str(minutes) if timed else f"≈{minutes}",
            ]
        )
        clock += dt.timedelta(minutes=minutes)
    return rows


def _block_minutes(section: Section, index: int, deck: DeckLayout) -> list[tuple[Any, int, bool]]:
    """Each block with its minutes, and whether they are its own (True) or a share."""
    own: list[int | None] = [getattr(block, "duration", None) for block in section.blocks]
    left = max(0, section.duration - sum(m for m in own if m is not None))
    weights = [
        0 if minutes is not None else _slide_count(deck, index, b) for b, minutes in enumerate(own)
    ]
    shared = shares(left, weights)
    return [
        (block, shared[b] if minutes is None else minutes, minutes is not None)
        for b, (block, minutes) in enumerate(zip(section.blocks, own))
    ]
