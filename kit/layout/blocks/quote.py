"""The deck's slides for a `quote` block."""

from __future__ import annotations

from kit.layout.planner import BODY_MIN, BlockContext, Planner, block_notes, quoted
from kit.model import QuoteBlock


def slides(p: Planner, block: QuoteBlock, ctx: BlockContext) -> None:
    c = p.colours
    specs = [
        p.spec(quoted(block.text, p.words), italic=True),
        p.spec(f"— {block.attribution}", color=c.muted, scale=0.75, align="right"),
    ]
    p.paged_text(
        block.title or ctx.words("in_their_words"),
        "quote",
        specs,
        block_notes(ctx, block),
        ctx,
        cite=block.cite,
        sizes=(32, BODY_MIN),
        anchor="middle",
    )
