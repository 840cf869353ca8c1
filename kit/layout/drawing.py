"""How a laid-out deck is drawn: the decisions the .pptx writer and the deck-PDF painter share.

``slides.drawingml`` writes the layout as PresentationML; ``handouts.slidedraw`` paints the
same layout with reportlab for deck.pdf and the notes handout. Renderers never import each
other, so whatever both must decide alike is decided here, once, and each reads it: which
element comes first, which shapes exist and how round a corner is, how thick a table's
rules are, where a bullet hangs, when a slide's own background is drawn and what of the
template is drawn under it.
"""

from __future__ import annotations

from collections.abc import Callable

from kit.layout.slidelayout import Box, DeckLayout, Element, Slide, layout_role
from kit.layout.templateart import TemplateArt
from kit.layout.templatepaint import Rect
from kit.layout.textfit import Para

# The shapes a box can take (``Box.shape``); each renderer has one drawing for each.
SHAPES = ("rect", "roundrect")
# A rounded rectangle's corner radius as a share of its shorter side: PowerPoint's
# preset default (adj 16667 of 100000), which the .pptx leaves implied.
ROUND_CORNER = 16667 / 100000
TABLE_RULE = 0.75  # points: every border of every table cell


def title_of(slide: Slide) -> Box | None:
    """The slide's title box, if it has one."""
    return next((e for e in slide.elements if isinstance(e, Box) and e.role == "title"), None)


def stacking_order(slide: Slide) -> list[Element]:
    """The slide's elements, its title first, as the .pptx stacks and reads them.

    The deck writer puts the title into the slide layout's title placeholder, which comes
    first in the shape tree; the painter draws it first too, so the PDF's text (and what a
    screen reader reads) comes in the deck's order.
    """
    title = title_of(slide)
    if title is None:
        return list(slide.elements)
    return [title, *(e for e in slide.elements if e is not title)]


def bullet_offset(para: Para) -> float:
    """Where a paragraph's bullet stands, from the text box's inner left edge: it hangs
    ``para.hang`` to the left of the text's indent."""
    return para.indent - para.hang


def own_background(deck: DeckLayout, slide: Slide) -> bool:
    """Whether the slide's ``background`` is set on it, or left to the template's masters.

    The planner sets every slide's text for ``slide.background``; without a template that
    colour is the slide's, with one the template's layouts bring theirs (the planner sets
    text for what they show).
    """
    return not deck.template


def slide_art(deck: DeckLayout, slide: Slide) -> TemplateArt | None:
    """What the template draws under ``slide``: its layout's art (None: no template)."""
    return deck.look.layout(layout_role(slide.kind)).art if deck.look is not None else None


def template_behind(deck: DeckLayout, slide: Slide) -> Callable[[Rect], tuple[str, ...]] | None:
    """The colours the template paints behind a box of ``slide`` (None: no template)."""
    return deck.look.layout(layout_role(slide.kind)).behind if deck.look is not None else None
