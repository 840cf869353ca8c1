"""The deck's slides for a `resources` block."""

from __future__ import annotations

from kit.layout.planner import BlockContext, Planner
from kit.layout.scale import CAPTION
from kit.model import ResourcesBlock


def slides(p: Planner, block: ResourcesBlock, ctx: BlockContext) -> None:
    specs = []
    for item in block.items:
        head = f"**{item.name}**" + (f" — {item.description}" if item.description else "")
        details = " · ".join(part for part in (item.url, item.contact) if part)
        # an address alone at the top of a "(cont.)" slide has lost its name
        specs.append(p.spec(head, bullet="•", keep_with_next=bool(details)))
        if details:
            specs.append(
                p.spec(details, level=1, scale=0.85, color=p.colours.secondary, least=CAPTION)
            )
    p.text_block(block, ctx, block.title, specs)
