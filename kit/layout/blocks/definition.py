"""The deck's slides for a `definition` block."""

from __future__ import annotations

from kit.layout.planner import BODY_MIN, BODY_TOP, MARGIN, BlockContext, Planner
from kit.layout.slidelayout import Box, Element
from kit.layout.textfit import fit_text, set_text
from kit.model import DefinitionBlock
from kit.model.colour import contrast


def slides(p: Planner, block: DefinitionBlock, ctx: BlockContext) -> None:
    c = p.colours
    # The accent, where it reads as large text (3:1) on the slide; else the primary.
    ink = c.accent if contrast(c.accent, c.background) >= 3.0 else c.primary
    term = fit_text([p.spec(block.term, bold=True, color=ink)], p.content_width, 56, 36, 24)
    term = term or set_text([p.spec(block.term, bold=True, color=ink)], p.content_width, 24)
    specs = [p.spec(block.meaning)]
    if block.source:
        specs.append(
            p.spec(f"— {block.source}", italic=True, color=c.muted, scale=0.75, align="right")
        )
    above: list[Element] = [Box(MARGIN, BODY_TOP, p.content_width, 56, text=term, name="Term")]
    title = block.title or ctx.words("definition")
    p.text_block(block, ctx, title, specs, top=BODY_TOP + 68, above=above, sizes=(30, BODY_MIN))
