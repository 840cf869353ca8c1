"""Lay the workshop out as slides: what goes on each slide and where, as plain data.

``plan_deck`` is the only entry point: the opening, the agenda, each section's divider
(none where the section's first slide has its title: it would repeat the divider's),
then each block's slides as its kind's module in ``kit.layout.blocks`` draws them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kit.layout.agenda import agenda_slide
from kit.layout.blocks import (
    activity,
    bullets,
    comparison,
    content_note,
    continuum,
    definition,
    drill,
    image,
    quote,
    resources,
    title,
)
from kit.layout.finish import finished
from kit.layout.frame import closing_slide, divider, divider_notes
from kit.layout.planner import BlockContext, Planner, join_notes
from kit.layout.slidelayout import DeckLayout
from kit.model import Workshop, markup
from kit.model.kinds import BlockTable
from kit.model.schedule import agenda

# How each block kind becomes slides.
DECK_BLOCKS: BlockTable[Callable[[Planner, Any, BlockContext], None]] = BlockTable(
    "deck planner",
    {
        "title": title.slides,
        "bullets": bullets.slides,
        "definition": definition.slides,
        "quote": quote.slides,
        "comparison": comparison.slides,
        "image": image.slides,
        "content_note": content_note.slides,
        "resources": resources.slides,
        "continuum": continuum.slides,
        "drill": drill.slides,
        "activity": activity.slides,
    },
)


def plan_deck(workshop: Workshop) -> DeckLayout:
    """Lay out every slide of the workshop's deck.

    Text continued on further slides is noted in the layout's ``warnings``, naming the
    block. The build plans once and hands the layout to the deck and its PDF copies.
    The deck is drawn twice: once to find the sizes its longest content allows, then at
    those sizes (``kit.layout.scale``).
    """
    probe = _drawn(Planner(workshop))
    settled = _drawn(Planner(workshop, scale=probe.scale.settled(), pictures=probe.pictures))
    settled.warn_small_area()
    return finished(settled)


def _drawn(planner: Planner) -> Planner:
    """``planner`` with every slide of its workshop drawn."""
    workshop = planner.workshop
    slots = agenda(workshop)
    for number, (section, slot) in enumerate(zip(workshop.sections, slots), start=1):
        ctx = BlockContext(
            section, number, slot, ("sections", number - 1), len(slots), planner.words
        )
        blocks = list(enumerate(section.blocks))
        if number == 1:
            # The deck opens with the first title slide, if any, then the agenda.
            if blocks and blocks[0][1].kind == "title":
                _draw_block(planner, ctx, *blocks.pop(0))
            start = len(planner.drafts)
            agenda_slide(planner)
            planner.belong(start, number - 1, None)
        folded = section.divider and _opens_with_own_title(section.title, blocks)
        if section.divider and not folded:
            start = len(planner.drafts)
            divider(planner, ctx)
            planner.belong(start, number - 1, None)
        start = len(planner.drafts)
        for index, block in blocks:
            _draw_block(planner, ctx, index, block)
        if folded:  # the first slide opens the section: the divider's word goes to its notes
            opening = planner.drafts[start]
            opening.notes = join_notes(divider_notes(planner, ctx), opening.notes)
    start = len(planner.drafts)
    closing_slide(planner)
    planner.belong(start, len(workshop.sections) - 1, None)
    return planner


def _opens_with_own_title(title: str, blocks: list[tuple[int, Any]]) -> bool:
    """Whether the section's first block has the section's title: its first slide would
    repeat the divider's, so the section opens on that slide and has no divider."""
    first = getattr(blocks[0][1], "title", None) if blocks else None
    return isinstance(first, str) and _said(first) == _said(title)


def _said(text: str) -> str:
    return " ".join(markup.plain(text).casefold().split())


def _draw_block(planner: Planner, ctx: BlockContext, index: int, block: Any) -> None:
    """The block's slides, marked as its section's and its own (for the presenter's cues)."""
    place = (*ctx.place, "blocks", index, block.kind)
    start = len(planner.drafts)
    DECK_BLOCKS[block.kind](planner, block, replace(ctx, place=place))
    planner.belong(start, ctx.number - 1, index)
