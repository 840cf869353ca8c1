"""The deck's slides for a `drill` block: framing, each challenge and its responses,
and the techniques."""

from __future__ import annotations

from kit.layout.planner import (
    BODY_TOP,
    MARGIN,
    BlockContext,
    Planner,
    block_notes,
    quoted,
)
from kit.layout.scale import BODY_FLOOR
from kit.layout.slidelayout import Box, Element
from kit.layout.textfit import LINE_SPACING, ParaSpec, Text, unwidowed
from kit.model import Challenge, DrillBlock
from kit.model.colour import WHITE, mix

# Between the last response and the Technique box: a blank line of the body's floor size.
TECHNIQUE_GAP = BODY_FLOOR * LINE_SPACING


def slides(p: Planner, block: DrillBlock, ctx: BlockContext) -> None:
    """Framing, then each challenge's statement and responses, then the techniques."""
    w = p.words
    framing = [p.spec(g, bullet="•") for g in block.guidance] or [
        p.spec(w("drill_default_guidance"))
    ]
    p.paged_text(
        block.title, "drill-framing", framing, block_notes(ctx, block), ctx, cite=block.cite
    )
    for number, challenge in enumerate(block.challenges, start=1):
        _challenge(p, block, ctx, number, challenge)
    techniques: list[str] = []
    for number, challenge in enumerate(block.challenges, start=1):
        if challenge.technique:
            techniques.append(f"{challenge.technique} ({w('challenge_ref', number=number)})")
    if techniques:
        p.paged_text(
            w("techniques_title"),
            "drill-techniques",
            [p.spec(t, bullet="•") for t in techniques],
            block_notes(ctx, block),
            ctx,
        )


def _challenge(
    p: Planner, block: DrillBlock, ctx: BlockContext, number: int, challenge: Challenge
) -> None:
    """The statement on its own, then the suggested responses (presenter's slides only)."""
    w = p.words
    width = p.content_width
    statement = [p.spec(quoted(challenge.statement, w), italic=True, align="center")]
    p.paged_text(
        w("challenge_of", number=number, total=len(block.challenges)),
        "drill-statement",
        statement,
        block_notes(ctx, block, w("room_answers_first")),
        ctx,
        role="display",
        anchor="middle",
    )
    reminder = _reminder(p, quoted(challenge.statement, w))
    above: list[Element] = [
        Box(MARGIN, BODY_TOP, width, reminder.height, text=reminder, name="Statement")
    ]
    top = BODY_TOP + reminder.height + 8
    reserve = 0.0
    below: list[Element] = []
    if challenge.technique:
        technique = _technique(p, challenge.technique)
        reserve = TECHNIQUE_GAP + technique.h + 12  # clear of the footer as a template's is
        below.append(technique)  # the same distance under the last response on every slide
    responses = [p.spec(r, bullet="•") for r in challenge.responses]
    p.paged_text(
        w("responses_title", number=number),
        "drill-response",
        responses,
        block_notes(ctx, block),
        ctx,
        top=top,
        above=above,
        for_participants=False,
        reserve=reserve,
        below=below,
        anchor="bottom",  # the Technique box's gap kept under the last response
        build=True,  # the room answers first; then each response, one click at a time
        repeat=True,  # the statement and its technique beside every response
    )


def _technique(p: Planner, technique: str) -> Box:
    """The Technique box, a gap's height down (placed under the last response): at most two
    lines, as wide as its balanced lines so no word is alone on the last."""
    specs = [p.spec(f"**{p.words.colon(p.words('technique'))}** {technique}")]
    inset, width = 8.0, p.content_width
    fitted = p.scale.fit("label", [specs], width - 3 * inset, 2 * LINE_SPACING * 20)
    text = fitted[0] if fitted else p.scale.set("label", specs, width - 3 * inset)
    text, text_w = unwidowed(text, width - 2 * inset)
    return Box(
        MARGIN,
        TECHNIQUE_GAP,
        text_w + 2 * inset,
        text.height + 2 * inset,
        text=text,
        shape="roundrect",
        fill=mix(p.colours.accent, WHITE, 0.88),
        inset=inset,
        name="Technique",
    )


def _reminder(p: Planner, statement: str) -> Text:
    """The statement above its responses, at most two lines: cut at a word with "…" when
    longer (the slide before shows it whole)."""
    words = statement.split()
    width = p.content_width
    shown = len(words)
    while True:
        text = " ".join(words[:shown]) + ("…" if shown < len(words) else "")
        spec = ParaSpec(text, italic=True, color=p.colours.muted)
        laid = p.scale.set("label", [spec], width)
        if len(laid.paragraphs[0].lines) <= 2 or shown <= 1:
            return laid
        shown -= 1
