"""The deck's slides for a `definition` block."""

from __future__ import annotations

from kit.layout.planner import BODY_TOP, MARGIN, BlockContext, Planner
from kit.layout.scale import CAPTION
from kit.layout.slidelayout import Box, Element
from kit.model import DefinitionBlock
from kit.model.colour import contrast

TERM_HEIGHT = 56.0


def slides(p: Planner, block: DefinitionBlock, ctx: BlockContext) -> None:
    c = p.colours
    # The accent, where it reads as large text (3:1) on the slide; else the primary.
    ink = c.accent if contrast(c.accent, c.background) >= 3.0 else c.primary
    term_specs = [p.spec(block.term, bold=True, color=ink)]
    fitted = p.scale.fit("term", [term_specs], p.content_width, TERM_HEIGHT)
    term = fitted[0] if fitted else p.scale.set("term", term_specs, p.content_width)
    # the source line never alone on a "(cont.)" slide: it takes the meaning's last line(s)
    specs = [p.spec(block.meaning, keep_with_next=bool(block.source))]
    if block.source:
        specs.append(
            p.spec(
                f"— {block.source}",
                italic=True,
                color=c.muted,
                scale=0.75,
                align="right",
                least=CAPTION,
            )
        )
    # a term longer than its band at the deck's size takes the lines it needs
    tall = max(TERM_HEIGHT, term.height)
    box = Box(MARGIN, BODY_TOP, p.content_width, tall, text=term, name="Term")
    above: list[Element] = [box]
    title = block.title or ctx.words("definition")
    p.text_block(block, ctx, title, specs, top=BODY_TOP + tall + 12, above=above)
