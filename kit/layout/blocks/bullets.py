"""The deck's slides for a `bullets` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner
from kit.layout.scale import BODY_FLOOR
from kit.model import BulletsBlock


def slides(p: Planner, block: BulletsBlock, ctx: BlockContext) -> None:
    specs = []
    for item in block.items:
        specs.append(p.spec(item.text, bullet="•"))
        specs += [p.spec(sub, bullet="–", level=1, scale=0.9, least=BODY_FLOOR) for sub in item.sub]
    p.text_block(block, ctx, block.title, specs, build=block.build)
