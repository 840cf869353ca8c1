"""The deck's slides for a `comparison` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner, block_notes
from kit.layout.tables import table_slides
from kit.model import ComparisonBlock


def slides(p: Planner, block: ComparisonBlock, ctx: BlockContext) -> None:
    half = p.content_width / 2
    table_slides(
        p,
        block.title,
        "comparison",
        block.columns,
        list(block.rows),
        (half, half),
        block_notes(ctx, block),
        ctx.place,
        cite=block.cite,
    )
