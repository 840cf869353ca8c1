"""The deck's slides for a `comparison` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner, block_notes
from kit.layout.tables import TwoColumns, table_slides
from kit.model import ComparisonBlock


def slides(p: Planner, block: ComparisonBlock, ctx: BlockContext) -> None:
    half = p.content_width / 2
    table_slides(
        p,
        block.title,
        "comparison",
        TwoColumns(block.columns, list(block.rows), (half, half)),
        block_notes(ctx, block),
        ctx.place,
        cite=block.cite,
    )
