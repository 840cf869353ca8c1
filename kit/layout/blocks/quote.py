"""The deck's slides for a `quote` block."""

from __future__ import annotations

from kit.layout.planner import BODY_MIN, BlockContext, Planner, quoted
from kit.model import QuoteBlock


def slides(p: Planner, block: QuoteBlock, ctx: BlockContext) -> None:
    c = p.colours
    specs = [
        p.spec(quoted(block.text, p.words), italic=True),
        p.spec(f"— {block.attribution}", color=c.muted, scale=0.75, align="right"),
    ]
    title = block.title or ctx.words("in_their_words")
    p.text_block(block, ctx, title, specs, sizes=(32, BODY_MIN), anchor="middle")
