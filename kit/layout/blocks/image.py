"""The deck's slides for a `image` block."""

from __future__ import annotations

from kit.layout.planner import BODY_TOP, MARGIN, BlockContext, Planner, block_notes
from kit.layout.scale import CAPTION
from kit.layout.slidelayout import Box, Element
from kit.layout.textfit import set_text
from kit.model import ImageBlock


def slides(p: Planner, block: ImageBlock, ctx: BlockContext) -> None:
    height = p.body_height(block.cite)
    caption: list[Element] = []
    if block.caption:
        spec = p.spec(block.caption, italic=True, color=p.colours.muted, align="center")
        text = set_text([spec], p.content_width, CAPTION)
        tall = max(text.height, 24.0)
        caption = [
            Box(MARGIN, BODY_TOP + height - tall, p.content_width, tall, text=text, name="Caption")
        ]
        height -= tall + 6
    box = (MARGIN, BODY_TOP, p.content_width, height)
    picture = p.picture(block.path, block.alt, box, ctx.place)
    p.add(block.title, "image", [picture, *caption], block_notes(ctx, block), cite=block.cite)
