"""The deck's slides for a `image` block."""

from __future__ import annotations

from kit.layout.planner import BODY_TOP, MARGIN, BlockContext, Planner, block_notes
from kit.layout.slidelayout import Box, Element
from kit.layout.textfit import fit_text, set_text
from kit.model import ImageBlock


def slides(p: Planner, block: ImageBlock, ctx: BlockContext) -> None:
    height = p.body_height(bool(block.cite))
    caption: list[Element] = []
    if block.caption:
        spec = p.spec(block.caption, italic=True, color=p.colours.muted, align="center")
        text = fit_text([spec], p.content_width, 40, 18, 12) or set_text(
            [spec], p.content_width, 12
        )
        caption = [
            Box(MARGIN, BODY_TOP + height - 40, p.content_width, 40, text=text, name="Caption")
        ]
        height -= 46
    box = (MARGIN, BODY_TOP, p.content_width, height)
    picture = p.picture(block.path, block.alt, box, ctx.place)
    p.add(block.title, "image", [picture, *caption], block_notes(ctx, block), cite=block.cite)
