"""The deck's slides for a `continuum` block: the stages between two poles, then scenarios,
prompts and the fluidity point."""

from __future__ import annotations

import math

from kit.layout.drawing import ROUND_CORNER
from kit.layout.planner import BODY_TOP, MARGIN, BlockContext, Planner, block_notes
from kit.layout.scale import ROLES
from kit.layout.slidelayout import Arrow, Box, Element
from kit.layout.textfit import Align, ParaSpec, Text
from kit.model import ContinuumBlock
from kit.model.colour import WHITE, contrast, mix, readable_on

STAGE_GAP = 6.0
INSET = 6.0
ROW_GAP = 14.0  # between one row of stages (with its descriptions) and the next
AXIS_GAP = 24.0  # between the descriptions and the axis labels, the arrow in the middle
LABEL_ROOM = 110.0  # the most a stage's number and name may take
# Viewers keep a rounded box's text clear of its corners: in by this share of the corner's
# radius on each side (1 - cos 45°, PowerPoint's preset).
CORNER_TEXT = 1 - math.sqrt(0.5)


def stage_fills(first: str, last: str, count: int) -> list[str]:
    """A ramp from a light tint of ``first`` to ``last``: light to dark, so it reads in grey."""
    light = mix(first, WHITE, 0.75)
    return [mix(light, last, i / max(count - 1, 1)) for i in range(count)]


def slides(p: Planner, block: ContinuumBlock, ctx: BlockContext) -> None:
    """The diagram slide, then scenarios, each reflection prompt and the fluidity point.

    The stages go in one row, or in two or three when their names do not fit one at the
    deck's size; their descriptions go under them, or when they do not fit there, listed
    on the slide after the diagram (with a warning).
    """
    width = p.content_width
    top = BODY_TOP
    body: list[Element] = []
    if block.intro:
        intro = p.scale.set("label", [p.spec(block.intro)], width)
        body.append(Box(MARGIN, top, width, intro.height, text=intro, name="Introduction"))
        top += intro.height + 12
    listed = _diagram(p, block, top, BODY_TOP + p.body_height(block.cite), body)
    notes = block_notes(ctx, block)
    p.add(block.title, "continuum", body, notes, cite=block.cite)
    if listed:
        p.warn(
            ctx.place,
            f"the stages' descriptions do not fit under the stages at "
            f"{ROLES['stage_text'][1]:g} pt; listed on the slide after the diagram",
        )
        w = p.words
        specs = [
            p.spec(f"**{w.colon(f'{number}. {stage.name}')}** {stage.description}")
            for number, stage in enumerate(block.stages, start=1)
        ]
        p.paged_text(p.continued(block.title, 1), "continuum", specs, notes, ctx, cite=block.cite)
    _follow_ups(p, block, ctx)


def _labels(p: Planner, block: ContinuumBlock) -> tuple[int, float, list[Text]]:
    """How many rows the stages take, each stage's width, and their number and name."""
    c = p.colours
    count = len(block.stages)
    fills = stage_fills(c.secondary, c.primary, count)
    # The theme's text colour where it reads at AA on the stage's fill, else black or white.
    inks = [readable_on(fill, dark=c.text) for fill in fills]
    inks = [
        ink if contrast(ink, fill) >= 4.5 else readable_on(fill) for ink, fill in zip(inks, fills)
    ]
    names = [
        [
            ParaSpec(str(number), bold=True, color=ink, align="center", scale=1.2),
            ParaSpec(stage.name, bold=True, color=ink, align="center"),
        ]
        for number, (stage, ink) in enumerate(zip(block.stages, inks), start=1)
    ]
    for rows in range(1, 4):
        stage_w = _stage_width(p, count, rows)
        # the corner's radius is a share of the box's shorter side, at most this tall
        corner = ROUND_CORNER * min(stage_w, LABEL_ROOM + 2 * INSET) * CORNER_TEXT
        inner = stage_w - 2 * (INSET + corner)
        labels = p.scale.fit("stage", names, inner, LABEL_ROOM, anchor="middle")
        if labels:
            return rows, stage_w, labels
    return rows, stage_w, [p.scale.set("stage", n, inner, "middle") for n in names]


def _stage_width(p: Planner, count: int, rows: int) -> float:
    per_row = math.ceil(count / rows)
    return (p.content_width - STAGE_GAP * (per_row - 1)) / per_row


def _diagram(
    p: Planner, block: ContinuumBlock, top: float, bottom: float, body: list[Element]
) -> bool:
    """The stages in rows with their descriptions below and the axis under them all;
    whether the descriptions had to be left for the next slide."""
    c = p.colours
    count = len(block.stages)
    rows, stage_w, labels = _labels(p, block)
    per_row = math.ceil(count / rows)
    track = max(label.height for label in labels) + 2 * INSET
    poles = _poles(p, block)
    axis = AXIS_GAP + max(text.height for _, text in poles)
    room = (bottom - top - axis - (rows - 1) * ROW_GAP) / rows - track - 8
    descriptions = p.scale.fit(
        "stage_text",
        [[p.spec(stage.description, align="center")] for stage in block.stages],
        stage_w,
        room,
    )
    desc_h = max(text.height for text in descriptions) if descriptions else 0.0
    row_h = track + (8 + desc_h if descriptions else 0.0)
    used = rows * row_h + (rows - 1) * ROW_GAP + axis
    top += max((bottom - top - used) / 2, 0.0)  # centre the diagram in the space it has
    fills = stage_fills(c.secondary, c.primary, count)
    for index, (stage, fill) in enumerate(zip(block.stages, fills)):
        row, column = divmod(index, per_row)
        x = MARGIN + column * (stage_w + STAGE_GAP)
        y = top + row * (row_h + ROW_GAP)
        name = f"Stage {index + 1}"
        body.append(
            Box(
                x,
                y,
                stage_w,
                track,
                text=labels[index],
                shape="roundrect",
                fill=fill,
                outline=c.primary,
                inset=INSET,
                name=f"{name}: {stage.name}",
            )
        )
        if descriptions:
            below = (x, y + track + 8, stage_w, desc_h)
            body.append(Box(*below, text=descriptions[index], name=f"{name} description"))
    _axis(p, poles, top + rows * row_h + (rows - 1) * ROW_GAP + AXIS_GAP / 2, body)
    return descriptions is None


def _poles(p: Planner, block: ContinuumBlock) -> list[tuple[Align, Text]]:
    """The poles' names, each set in half the axis's width."""
    half = p.content_width / 2 - 10
    ends: tuple[tuple[str, Align], ...] = ((block.axis.start, "left"), (block.axis.end, "right"))
    return [
        (align, p.scale.set("label", [p.spec(text, bold=True, align=align)], half))
        for text, align in ends
    ]


def _axis(p: Planner, poles: list[tuple[Align, Text]], axis_y: float, body: list[Element]) -> None:
    """The arrow from pole to pole, with the poles' names under its ends."""
    width = p.content_width
    body.append(Arrow(MARGIN, axis_y, MARGIN + width, axis_y, p.colours.text, 2.5, name="Axis"))
    half = width / 2 - 10
    for align, text in poles:
        x = MARGIN if align == "left" else MARGIN + width - half
        body.append(
            Box(x, axis_y + AXIS_GAP / 2, half, text.height, text=text, name=f"Axis: {text.plain}")
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
        )
    for index, prompt in enumerate(block.prompts, start=1):
        p.paged_text(
            w("reflection_of", number=index, total=len(block.prompts)),
            "continuum-prompt",
            [p.spec(prompt, align="center")],
            block_notes(ctx, block),
            ctx,
            role="display",
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
            anchor="middle",
        )
