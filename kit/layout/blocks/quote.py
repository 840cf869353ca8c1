"""The deck's slides for a `quote` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner, quoted
from kit.layout.scale import CAPTION
from kit.model import QuoteBlock


def slides(p: Planner, block: QuoteBlock, ctx: BlockContext) -> None:
    c = p.colours
    specs = [
        p.spec(quoted(block.text, p.words), italic=True),
        p.spec(f"— {block.attribution}", color=c.muted, scale=0.75, align="right", least=CAPTION),
    ]
    title = block.title or ctx.words("in_their_words")
    p.text_block(block, ctx, title, specs, role="display", anchor="middle")
