"""The deck's slides for a `definition` block."""

from __future__ import annotations

from kit.layout.planner import BODY_MIN, BODY_TOP, MARGIN, BlockContext, Planner
from kit.layout.slidelayout import Box, Element
from kit.layout.textfit import fit_text, set_text
from kit.model import DefinitionBlock


def slides(p: Planner, block: DefinitionBlock, ctx: BlockContext) -> None:
    c = p.colours
    term = fit_text([p.spec(block.term, bold=True, color=c.accent)], p.content_width, 56, 36, 24)
    term = term or set_text([p.spec(block.term, bold=True, color=c.accent)], p.content_width, 24)
    specs = [p.spec(block.meaning)]
    if block.source:
        specs.append(
            p.spec(f"— {block.source}", italic=True, color=c.muted, scale=0.75, align="right")
        )
    above: list[Element] = [Box(MARGIN, BODY_TOP, p.content_width, 56, text=term, name="Term")]
    title = block.title or ctx.words("definition")
    p.text_block(block, ctx, title, specs, top=BODY_TOP + 68, above=above, sizes=(30, BODY_MIN))
