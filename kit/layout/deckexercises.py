"""Slides for the two exercises: the continuum reflection and the "How would you respond?" drill."""

from __future__ import annotations

from kit.layout.deckplan import BODY_MIN, BODY_TOP, MARGIN, _BlockContext, _notes, _Planner, quoted
from kit.layout.slidelayout import Arrow, Box, Element
from kit.layout.textfit import ParaSpec, Text, fit_all, fit_text, set_text
from kit.model import ContinuumBlock, DrillBlock
from kit.model.colour import WHITE, contrast, mix, readable_on

TRACK_HEIGHT = 104.0
STAGE_GAP = 6.0
AXIS_GAP = 24.0  # between the descriptions and the axis labels, the arrow in the middle
AXIS_LABEL_HEIGHT = 34.0


def _fitted(specs: list[ParaSpec], width: float, height: float, high: float, low: float) -> Text:
    """Text fitted to the box, or set at the floor size if it cannot fit."""
    return fit_text(specs, width, height, high, low) or set_text(specs, width, low)


def stage_fills(first: str, last: str, count: int) -> list[str]:
    """A ramp from a light tint of ``first`` to ``last``: light to dark, so it reads in grey."""
    light = mix(first, WHITE, 0.75)
    return [mix(light, last, i / max(count - 1, 1)) for i in range(count)]


def continuum_slides(p: _Planner, block: ContinuumBlock, ctx: _BlockContext) -> None:
    w = p.words
    c = p.colours
    width = p.content_width
    top = BODY_TOP
    body: list[Element] = []
    if block.intro:
        intro = _fitted([p.spec(block.intro)], width, 44, 20, 13)
        body.append(Box(MARGIN, top, width, 44, text=intro, name="Introduction"))
        top += 52
    count = len(block.stages)
    stage_w = (width - STAGE_GAP * (count - 1)) / count
    fills = stage_fills(c.secondary, c.primary, count)
    # The theme's text colour where it reads at AA on the stage's fill, else black or white.
    inks = [readable_on(fill, dark=c.text) for fill in fills]
    inks = [
        ink if contrast(ink, fill) >= 4.5 else readable_on(fill) for ink, fill in zip(inks, fills)
    ]
    inset = 6.0
    # One size for all stage names and one for all descriptions, so the track reads evenly.
    labels = fit_all(
        [
            [
                ParaSpec(str(number), bold=True, color=ink, align="center", scale=1.2),
                ParaSpec(stage.name, bold=True, color=ink, align="center"),
            ]
            for number, (stage, ink) in enumerate(zip(block.stages, inks), start=1)
        ],
        stage_w - 2 * inset,
        TRACK_HEIGHT - 2 * inset,
        18,
        10,
    )
    bottom = p.height - 36 - (30 if block.cite else 0)
    below = 8 + AXIS_GAP + AXIS_LABEL_HEIGHT  # space the axis and its labels take
    room = bottom - top - TRACK_HEIGHT - below
    descriptions = fit_all(
        [[p.spec(stage.description, align="center")] for stage in block.stages],
        stage_w,
        room,
        16,
        9,
    )
    desc_h = max(text.height for text in descriptions)
    top += max((room - desc_h) / 2, 0.0)  # centre the diagram in the space it has
    for index, (stage, fill) in enumerate(zip(block.stages, fills)):
        x = MARGIN + index * (stage_w + STAGE_GAP)
        body.append(
            Box(
                x,
                top,
                stage_w,
                TRACK_HEIGHT,
                text=labels[index],
                shape="roundrect",
                fill=fill,
                outline=c.primary,
                outline_width=1.0,
                inset=inset,
                name=f"Stage {index + 1}: {stage.name}",
            )
        )
        body.append(
            Box(
                x,
                top + TRACK_HEIGHT + 8,
                stage_w,
                desc_h,
                text=descriptions[index],
                name=f"Stage {index + 1} description",
            )
        )
    axis_y = top + TRACK_HEIGHT + 8 + desc_h + AXIS_GAP / 2
    body.append(Arrow(MARGIN, axis_y, MARGIN + width, axis_y, c.text, 2.5, name="Axis"))
    half = width / 2 - 10
    for text, align, x in (
        (block.axis.start, "left", MARGIN),
        (block.axis.end, "right", MARGIN + width - half),
    ):
        spec = p.spec(text, bold=True, align=align)  # type: ignore[arg-type]
        body.append(
            Box(
                x,
                axis_y + AXIS_GAP / 2,
                half,
                AXIS_LABEL_HEIGHT,
                text=_fitted([spec], half, AXIS_LABEL_HEIGHT, 18, 12),
                name=f"Axis: {text}",
            )
        )
    p.add(block.title, "continuum", body, _notes(ctx, block), cite=block.cite)

    if block.scenarios:
        specs = [p.spec(f"{i}. {s.text}") for i, s in enumerate(block.scenarios, start=1)]
        notes = [f"Scenario {i}: {s.note}" for i, s in enumerate(block.scenarios, 1) if s.note]
        p.paged_text(
            w("scenarios_title"),
            "continuum-scenarios",
            specs,
            _notes(ctx, block, *notes),
            ctx,
            cite=block.cite,
            sizes=(26, BODY_MIN),
        )
    for index, prompt in enumerate(block.prompts, start=1):
        p.paged_text(
            w("reflection_of", number=index, total=len(block.prompts)),
            "continuum-prompt",
            [p.spec(prompt, align="center")],
            _notes(ctx, block),
            ctx,
            sizes=(36, 20),
            anchor="middle",
        )
    if block.fluidity:
        p.paged_text(
            w("fluidity_title"),
            "continuum-fluidity",
            [p.spec(block.fluidity)],
            _notes(ctx, block),
            ctx,
            cite=block.cite,
            sizes=(30, BODY_MIN),
            anchor="middle",
        )


def drill_slides(p: _Planner, block: DrillBlock, ctx: _BlockContext) -> None:
    w = p.words
    c = p.colours
    width = p.content_width
    total = len(block.challenges)
    framing = [p.spec(g, bullet="•") for g in block.guidance] or [
        p.spec(w("drill_default_guidance"))
    ]
    p.paged_text(block.title, "drill-framing", framing, _notes(ctx, block), ctx, cite=block.cite)
    for number, challenge in enumerate(block.challenges, start=1):
        statement = [p.spec(quoted(challenge.statement, w), italic=True, align="center")]
        p.paged_text(
            w("challenge_of", number=number, total=total),
            "drill-statement",
            statement,
            _notes(ctx, block, w("room_answers_first")),
            ctx,
            sizes=(36, 20),
            anchor="middle",
        )
        reminder = _fitted(
            [p.spec(quoted(challenge.statement, w), italic=True, color=c.muted)], width, 52, 18, 11
        )
        above: list[Element] = [Box(MARGIN, BODY_TOP, width, 52, text=reminder, name="Statement")]
        reserve = 0.0
        if challenge.technique:
            reserve = 60.0
            bottom = p.height - 36 - 52
            tint = mix(c.accent, WHITE, 0.88)
            technique = _fitted(
                [p.spec(f"**{w('technique')}:** {challenge.technique}")], width - 24, 40, 20, 12
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
            _notes(ctx, block),
            ctx,
            top=BODY_TOP + 60,
            above=above,
            sizes=(26, BODY_MIN),
            for_participants=False,
            reserve=reserve,
            build=True,  # the room answers first; then each response, one click at a time
        )
    techniques: list[str] = []
    for number, challenge in enumerate(block.challenges, start=1):
        if challenge.technique:
            techniques.append(f"{challenge.technique} ({w('challenge_ref', number=number)})")
    if techniques:
        p.paged_text(
            w("techniques_title"),
            "drill-techniques",
            [p.spec(t, bullet="•") for t in techniques],
            _notes(ctx, block),
            ctx,
        )
