"""The deck's slides for a `title` block."""

from __future__ import annotations

from kit.layout.frame import title_slide
from kit.layout.planner import BlockContext, Planner, block_notes
from kit.model import TitleBlock


def slides(p: Planner, block: TitleBlock, ctx: BlockContext) -> None:
    title_slide(p, block.title, block.subtitle, block_notes(ctx, block), ctx.place)
