"""The deck's slides for a `bullets` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner, block_notes
from kit.model import BulletsBlock


def slides(p: Planner, block: BulletsBlock, ctx: BlockContext) -> None:
    specs = []
    for item in block.items:
        specs.append(p.spec(item.text, bullet="•"))
        specs += [p.spec(sub, bullet="–", level=1, scale=0.9) for sub in item.sub]
    notes = block_notes(ctx, block)
    p.paged_text(block.title, "bullets", specs, notes, ctx, cite=block.cite, build=block.build)
