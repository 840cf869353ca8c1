"""The deck's slides for a `drill` block: framing, each challenge and its responses,
and the techniques."""

from __future__ import annotations

from kit.layout.planner import (
    BODY_MIN,
    BODY_TOP,
    MARGIN,
    BlockContext,
    Planner,
    block_notes,
    fitted,
    quoted,
)
from kit.layout.slidelayout import Box, Element
from kit.model import Challenge, DrillBlock
from kit.model.colour import WHITE, mix


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
    c = p.colours
    width = p.content_width
    statement = [p.spec(quoted(challenge.statement, w), italic=True, align="center")]
    p.paged_text(
        w("challenge_of", number=number, total=len(block.challenges)),
        "drill-statement",
        statement,
        block_notes(ctx, block, w("room_answers_first")),
        ctx,
        sizes=(36, 20),
        anchor="middle",
    )
    reminder = fitted(
        [p.spec(quoted(challenge.statement, w), italic=True, color=c.muted)], width, 52, 18, 11
    )
    above: list[Element] = [Box(MARGIN, BODY_TOP, width, 52, text=reminder, name="Statement")]
    reserve = 0.0
    if challenge.technique:
        reserve = 60.0
        bottom = p.height - 36 - 52
        tint = mix(c.accent, WHITE, 0.88)
        technique = fitted(
            [p.spec(f"**{w.colon(w('technique'))}** {challenge.technique}")], width - 24, 40, 20, 12
        )
        above.append(
            Box(
                MARGIN,
                bottom,
                width,
                48,
                text=technique,
                shape="roundrect",
                fill=tint,
                inset=8,
                name="Technique",
            )
        )
    responses = [p.spec(r, bullet="•") for r in challenge.responses]
    p.paged_text(
        w("responses_title", number=number),
        "drill-response",
        responses,
        block_notes(ctx, block),
        ctx,
        top=BODY_TOP + 60,
        above=above,
        sizes=(26, BODY_MIN),
        for_participants=False,
        reserve=reserve,
        build=True,  # the room answers first; then each response, one click at a time
    )
