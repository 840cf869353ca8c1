"""The deck's slide for an `activity` block: the participants' steps, with time and groups.

The facilitator's instructions go to the speaker notes, never on the slide.
"""

from __future__ import annotations

from kit.layout.planner import BODY_TOP, MARGIN, BlockContext, Planner, block_notes
from kit.layout.scale import CAPTION
from kit.layout.slidelayout import Box, Element
from kit.model import ActivityBlock
from kit.words.i18n import Words

META_HEIGHT = 32.0


def timing(block: ActivityBlock, words: Words) -> str:
    """``15 minutes · in groups of 4``: what the deck, the handout and the guide all say."""
    groups = (
        words("on_your_own")
        if block.group_size == 1
        else words("in_groups_of", size=block.group_size)
    )
    return f"{words('minutes', count=block.duration)} · {groups}"


def slides(p: Planner, block: ActivityBlock, ctx: BlockContext) -> None:
    w = p.words
    meta = p.scale.set(
        "label", [p.spec(timing(block, w), bold=True, color=p.colours.secondary)], p.content_width
    )
    above: list[Element] = [
        Box(MARGIN, BODY_TOP, p.content_width, META_HEIGHT, text=meta, name="Time and groups")
    ]
    specs = [p.spec(step, bullet="•") for step in block.instructions]
    if block.materials:
        needed = f"**{w.colon(w('you_need'))}** " + ", ".join(block.materials)
        specs.append(p.spec(needed, scale=0.85, color=p.colours.muted, least=CAPTION))
    p.paged_text(
        block.title,
        "activity",
        specs,
        block_notes(ctx, block, *block.facilitator_instructions),
        ctx,
        cite=block.cite,
        top=BODY_TOP + META_HEIGHT + 8,
        above=above,
    )
