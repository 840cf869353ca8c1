"""The deck's slides for a `continuum` block: the stages between two poles, then scenarios,
prompts and the fluidity point."""

from __future__ import annotations

from kit.layout.planner import (
    BODY_MIN,
    BODY_TOP,
    MARGIN,
    BlockContext,
    Planner,
    block_notes,
    fitted,
)
from kit.layout.slidelayout import Arrow, Box, Element
from kit.layout.textfit import Align, ParaSpec, fit_all
from kit.model import ContinuumBlock
from kit.model.colour import WHITE, contrast, mix, readable_on

TRACK_HEIGHT = 104.0
STAGE_GAP = 6.0
AXIS_GAP = 24.0  # between the descriptions and the axis labels, the arrow in the middle
AXIS_LABEL_HEIGHT = 34.0


def stage_fills(first: str, last: str, count: int) -> list[str]:
    """A ramp from a light tint of ``first`` to ``last``: light to dark, so it reads in grey."""
    light = mix(first, WHITE, 0.75)
    return [mix(light, last, i / max(count - 1, 1)) for i in range(count)]


def slides(p: Planner, block: ContinuumBlock, ctx: BlockContext) -> None:
    """The diagram slide, then scenarios, each reflection prompt and the fluidity point."""
    width = p.content_width
    top = BODY_TOP
    body: list[Element] = []
    if block.intro:
        intro = fitted([p.spec(block.intro)], width, 44, 20, 13)
        body.append(Box(MARGIN, top, width, 44, text=intro, name="Introduction"))
        top += 52
    axis_y = _track(p, block, top, body)
    _axis(p, block, axis_y, body)
    p.add(block.title, "continuum", body, block_notes(ctx, block), cite=block.cite)
    _follow_ups(p, block, ctx)


def _track(p: Planner, block: ContinuumBlock, top: float, body: list[Element]) -> float:
    """The stages as a row of boxes with their descriptions below; returns the axis's y."""
    c = p.colours
    width = p.content_width
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
        name = f"Stage {index + 1}"
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
                inset=inset,
                name=f"{name}: {stage.name}",
            )
        )
        below_box = (x, top + TRACK_HEIGHT + 8, stage_w, desc_h)
        body.append(Box(*below_box, text=descriptions[index], name=f"{name} description"))
    return top + TRACK_HEIGHT + 8 + desc_h + AXIS_GAP / 2


def _axis(p: Planner, block: ContinuumBlock, axis_y: float, body: list[Element]) -> None:
    """The arrow from pole to pole, with the poles' names under its ends."""
    width = p.content_width
    body.append(Arrow(MARGIN, axis_y, MARGIN + width, axis_y, p.colours.text, 2.5, name="Axis"))
    half = width / 2 - 10
    poles: tuple[tuple[str, Align, float], ...] = (
        (block.axis.start, "left", MARGIN),
        (block.axis.end, "right", MARGIN + width - half),
    )
    for text, align, x in poles:
        spec = p.spec(text, bold=True, align=align)
        body.append(
            Box(
                x,
                axis_y + AXIS_GAP / 2,
                half,
                AXIS_LABEL_HEIGHT,
                text=fitted([spec], half, AXIS_LABEL_HEIGHT, 18, 12),
                name=f"Axis: {text}",
            )
        )


def _follow_ups(p: Planner, block: ContinuumBlock, ctx: BlockContext) -> None:
    """Slides after the diagram: scenarios to place, each prompt, the fluidity point."""
    w = p.words
    if block.scenarios:
        specs = [p.spec(f"{i}. {s.text}") for i, s in enumerate(block.scenarios, start=1)]
        notes = [
            f"{w.colon(w('scenario_number', number=i))} {s.note}"
            for i, s in enumerate(block.scenarios, 1)
            if s.note
        ]
        p.paged_text(
            w("scenarios_title"),
            "continuum-scenarios",
            specs,
            block_notes(ctx, block, *notes),
            ctx,
            cite=block.cite,
            sizes=(26, BODY_MIN),
        )
    for index, prompt in enumerate(block.prompts, start=1):
        p.paged_text(
            w("reflection_of", number=index, total=len(block.prompts)),
            "continuum-prompt",
            [p.spec(prompt, align="center")],
            block_notes(ctx, block),
            ctx,
            sizes=(36, 20),
            anchor="middle",
        )
    if block.fluidity:
        p.paged_text(
            w("fluidity_title"),
            "continuum-fluidity",
            [p.spec(block.fluidity)],
            block_notes(ctx, block),
            ctx,
            cite=block.cite,
            sizes=(30, BODY_MIN),
            anchor="middle",
        )
