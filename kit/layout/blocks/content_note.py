"""The deck's slides for a `content_note` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner
from kit.layout.scale import BODY_FLOOR
from kit.model import ContentNoteBlock


def slides(p: Planner, block: ContentNoteBlock, ctx: BlockContext) -> None:
    specs = [p.spec(block.text)]
    specs += [p.spec(item, bullet="•", scale=0.9, least=BODY_FLOOR) for item in block.support]
    p.text_block(block, ctx, block.title, specs)
