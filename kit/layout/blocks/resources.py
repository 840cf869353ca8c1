"""The deck's slides for a `resources` block."""

from __future__ import annotations

from kit.layout.planner import BODY_MIN, BlockContext, Planner, block_notes
from kit.model import ResourcesBlock


def slides(p: Planner, block: ResourcesBlock, ctx: BlockContext) -> None:
    specs = []
    for item in block.items:
        head = f"**{item.name}**" + (f" — {item.description}" if item.description else "")
        specs.append(p.spec(head, bullet="•"))
        details = " · ".join(part for part in (item.url, item.contact) if part)
        if details:
            specs.append(p.spec(details, level=1, scale=0.85, color=p.colours.secondary))
    p.paged_text(
        block.title,
        "resources",
        specs,
        block_notes(ctx, block),
        ctx,
        cite=block.cite,
        sizes=(24, BODY_MIN),
    )
