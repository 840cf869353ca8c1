"""The deck's slides for a `continuum` block: the stages between two poles, then scenarios,
prompts and the fluidity point."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.layout.breaks import phrased, rebroken
from kit.layout.drawing import ROUND_CORNER
from kit.layout.planner import BODY_TOP, MARGIN, BlockContext, Planner, block_notes
from kit.layout.scale import ROLES
from kit.layout.slidelayout import Arrow, Box, Element
from kit.layout.textfit import WRAP_SAFETY, Align, ParaSpec, Text, set_text
from kit.model import ContinuumBlock
from kit.model.colour import stage_palette

STAGE_GAP = 6.0
INSET = 6.0
ROW_GAP = 14.0  # between one row of stages (with its descriptions) and the next
AXIS_GAP = 24.0  # between the descriptions and the axis labels, the arrow in the middle
DESC_GAP = 8.0  # between a stage and its description
POLE_GAP = 12.0  # between a pole's name and the arrow's end, when they share a line
# Viewers keep a rounded box's text clear of its corners: in by this share of the corner's
# radius on each side (1 - cos 45°, PowerPoint's preset).
CORNER_TEXT = 1 - math.sqrt(0.5)


def slides(p: Planner, block: ContinuumBlock, ctx: BlockContext) -> None:
    """The diagram slide, then scenarios, each reflection prompt and the fluidity point.

    The stages go in one row, or in two or three when their names do not fit one at the
    deck's size; their descriptions go under them, or when they do not fit there, listed
    on the slide after the diagram (with a warning). On a slide too short for the diagram
    under the introduction, the introduction opens that list instead.
    """
    bottom = BODY_TOP + p.body_height(block.cite)
    body: list[Element] = []
    intro = _introduction(p, block)
    top = BODY_TOP + (intro.h + 12 if intro else 0.0)
    listed = _diagram(p, block, top, bottom, body)
    moved = intro is not None and listed is None
    if moved:  # the diagram alone, the introduction with the descriptions
        body = []
        listed = _diagram(p, block, BODY_TOP, bottom, body)
    elif intro is not None:
        body.insert(0, intro)
    notes = block_notes(ctx, block)
    bodies = [body]
    split = _split(p, block, bottom) if listed is None else None
    if split is not None:  # even the names do not fit one slide: over two or three
        bodies, listed = split[0], split[1] or moved  # the introduction opens the list
        after = ", the descriptions listed after them" if listed else ""
        p.warn(
            ctx.place, f"the stages do not fit one slide; shown over {len(bodies)} slides{after}"
        )
    for index, part in enumerate(bodies):
        p.add(p.continued(block.title, index), "continuum", part, notes, cite=block.cite)
    if listed is not False:
        what = (
            "the introduction and the stages' descriptions" if moved else "the stages' descriptions"
        )
        if split is None:  # one warning for the block
            p.warn(
                ctx.place,
                f"{what} do not fit with the diagram at {ROLES['stage_text'][1]:g} pt; listed "
                "on the slide after it",
            )
        w = p.words
        specs = [p.spec(block.intro)] if moved else []
        specs += [
            p.spec(f"**{w.colon(f'{number}. {stage.name}')}** {stage.description}")
            for number, stage in enumerate(block.stages, start=1)
        ]
        p.paged_text(
            block.title, "continuum", specs, notes, ctx, cite=block.cite, first=len(bodies)
        )
    _follow_ups(p, block, ctx)


def _split(
    p: Planner, block: ContinuumBlock, bottom: float
) -> tuple[list[list[Element]], bool] | None:
    """The diagram over the fewest slides (two or three) whose stages fit each, each with
    the axis; whether the descriptions are left for the slide after (None: none fit)."""
    count = len(block.stages)
    for slides in (2, 3):
        size = math.ceil(count / slides)
        bodies: list[list[Element]] = []
        found = []
        for start in range(0, count, size):
            bodies.append([])
            part = range(start, min(start + size, count))
            found.append(_diagram(p, block, BODY_TOP, bottom, bodies[-1], part))
        if None not in found:
            return bodies, any(found)
    return None


def _introduction(p: Planner, block: ContinuumBlock) -> Box | None:
    if not block.intro:
        return None
    intro = p.scale.set("label", [p.spec(block.intro)], p.content_width)
    return Box(MARGIN, BODY_TOP, p.content_width, intro.height, text=intro, name="Introduction")


@dataclass(frozen=True)
class _Rows:
    """The stages laid in rows: how many a row holds, each stage's width, their labels,
    and their descriptions (None: listed on the slide after the diagram)."""

    per_row: int
    width: float
    inner: float  # the labels' width inside the stage's rounded corners
    labels: list[Text]
    descriptions: list[Text] | None

    @property
    def track(self) -> float:
        return max(label.height for label in self.labels) + 2 * INSET

    @property
    def below(self) -> float:
        """How tall the descriptions under a row are, with the gap above them."""
        return DESC_GAP + max(text.height for text in self.descriptions) if self.descriptions else 0


def _names(p: Planner, block: ContinuumBlock) -> list[list[ParaSpec]]:
    """Each stage's number and name, in an ink that reads on the stage's fill."""
    c = p.colours
    count = len(block.stages)
    inks = [ink for _, ink in stage_palette(c.secondary, c.primary, c.text, count)]
    return [
        [
            ParaSpec(str(number), bold=True, color=ink, align="center", scale=1.2),
            ParaSpec(stage.name, bold=True, color=ink, align="center", joined=True),
        ]
        for number, (stage, ink) in enumerate(zip(block.stages, inks), start=1)
    ]


def _shapes(p: Planner, count: int, room: float) -> list[tuple[int, int, float, float]]:
    """One, two or three rows: stages a row, rows, a stage's width and its text's width."""
    shapes = []
    for per_row in dict.fromkeys(math.ceil(count / rows) for rows in range(1, 4)):
        rows = math.ceil(count / per_row)
        stage_w = (p.content_width - STAGE_GAP * (per_row - 1)) / per_row
        # the corner's radius is a share of the box's shorter side, at most a row tall
        corner = ROUND_CORNER * min(stage_w, room / rows) * CORNER_TEXT
        shapes.append((per_row, rows, stage_w, stage_w - 2 * (INSET + corner)))
    return shapes


def _rows(
    p: Planner, names: list[list[ParaSpec]], texts: list[list[ParaSpec]], room: float
) -> _Rows | None:
    """The fewest rows in which every stage's name and description fit ``room`` whole at
    the deck's sizes; else the names alone, in the fewest rows they fit; None if none."""
    shapes = _shapes(p, len(names), room)
    # a word too wide for the widest stage at the floor breaks whatever the shape
    widest = shapes[-1][3]
    breaks = [not set_text(name, widest, p.scale.least("stage")[0]).whole_words for name in names]
    for per_row, rows, stage_w, inner in shapes:
        for name_size, text_size in zip(p.scale.steps("stage"), p.scale.steps("stage_text")):
            laid = _Rows(
                per_row,
                stage_w,
                inner,
                [set_text(name, inner, name_size, "middle") for name in names],
                [set_text(text, stage_w, text_size) for text in texts],
            )
            labels = [label for label, broken in zip(laid.labels, breaks) if not broken]
            whole = all(t.whole_words for t in [*labels, *(laid.descriptions or [])])
            if whole and rows * (laid.track + laid.below) + (rows - 1) * ROW_GAP <= room:
                p.scale.saw("stage", name_size)
                p.scale.saw("stage_text", text_size)
                return laid
    for per_row, rows, stage_w, inner in shapes:
        track = (room - (rows - 1) * ROW_GAP) / rows - 2 * INSET
        fitted = p.scale.fit("stage", names, inner, track, anchor="middle")
        if fitted:
            return _Rows(per_row, stage_w, inner, fitted, None)
    return None


def _crammed(p: Planner, names: list[list[ParaSpec]], room: float) -> _Rows:
    """The names alone in the most rows, at the deck's size, however tall that is."""
    per_row, _, stage_w, inner = _shapes(p, len(names), room)[-1]
    labels = [p.scale.set("stage", n, inner, "middle") for n in names]
    return _Rows(per_row, stage_w, inner, labels, None)


def _diagram(
    p: Planner,
    block: ContinuumBlock,
    top: float,
    bottom: float,
    body: list[Element],
    part: range | None = None,
) -> bool | None:
    """The stages (those of ``part``, all by default) in rows with their descriptions
    below and the axis under them all; whether the descriptions had to be left for the next
    slide (None: even the stages' names do not fit, and they are drawn past ``bottom``)."""
    c = p.colours
    part = part or range(len(block.stages))
    count = len(part)
    names = [_names(p, block)[i] for i in part]
    texts = [[p.spec(block.stages[i].description, align="center")] for i in part]
    poles = _poles(p, block)
    inline = _inline(p, poles)
    pole_h = max(text.height for _, text in poles)
    axis = (AXIS_GAP / 2 if inline else AXIS_GAP) + pole_h
    room = bottom - top - axis
    laid = _rows(p, names, texts, room)
    fits = laid is not None
    laid = laid or _crammed(p, names, room)
    rows = math.ceil(count / laid.per_row)
    row_h = laid.track + laid.below
    used = rows * row_h + (rows - 1) * ROW_GAP + axis
    top += max((bottom - top - used) / 2, 0.0)  # centre the diagram in the space it has
    palette = stage_palette(c.secondary, c.primary, c.text, len(block.stages))
    stages = [(number, block.stages[number], palette[number][0]) for number in part]
    for index, (number, stage, fill) in enumerate(stages):
        row, column = divmod(index, laid.per_row)
        x = MARGIN + column * (laid.width + STAGE_GAP)
        y = top + row * (row_h + ROW_GAP)
        name = f"Stage {number + 1}"
        body.append(
            Box(
                x,
                y,
                laid.width,
                laid.track,
                # 1: the name; its lines held, as the stage's corners give a viewer more room
                text=rebroken(laid.labels[index], 1, laid.inner, p.short, kept=True),
                shape="roundrect",
                fill=fill,
                outline=c.primary,
                inset=INSET,
                name=f"{name}: {stage.name}",
            )
        )
        if laid.descriptions:
            below = (x, y + laid.track + DESC_GAP, laid.width, laid.below - DESC_GAP)
            text = laid.descriptions[index]
            body.append(phrased(Box(*below, text=text, name=f"{name} description"), p.short))
    axis_top = top + rows * row_h + (rows - 1) * ROW_GAP + AXIS_GAP / 2
    if inline:
        _inline_axis(p, poles, axis_top, body)
    else:
        _axis(p, poles, axis_top, body)
    return laid.descriptions is None if fits else None


def _poles(p: Planner, block: ContinuumBlock) -> list[tuple[Align, Text]]:
    """The poles' names, each set in half the axis's width."""
    half = p.content_width / 2 - 10
    ends: tuple[tuple[str, Align], ...] = ((block.axis.start, "left"), (block.axis.end, "right"))
    return [
        (align, p.scale.set("label", [p.spec(text, bold=True, align=align)], half))
        for text, align in ends
    ]


def _pole_width(text: Text) -> float:
    """The width a pole's one line needs in a box, with the viewers' wrapping margin."""
    return text.paragraphs[0].lines[0].width / WRAP_SAFETY + 2


def _inline(p: Planner, poles: list[tuple[Align, Text]]) -> bool:
    """Whether each pole fits one line beside the arrow's ends, leaving the arrow a third
    of the width: the axis then takes one line, not two."""
    if any(len(text.paragraphs[0].lines) > 1 for _, text in poles):
        return False
    arrow = p.content_width - sum(_pole_width(text) + POLE_GAP for _, text in poles)
    return arrow >= p.content_width / 3


def _inline_axis(
    p: Planner, poles: list[tuple[Align, Text]], top: float, body: list[Element]
) -> None:
    """The poles' names on one line with the arrow between them."""
    (_, start), (_, end) = poles
    left, right = _pole_width(start), _pole_width(end)
    tall = max(start.height, end.height)
    right_x = MARGIN + p.content_width - right
    middle = top + tall / 2
    body.append(
        Arrow(
            MARGIN + left + POLE_GAP,
            middle,
            right_x - POLE_GAP,
            middle,
            p.colours.text,
            2.5,
            name="Axis",
        )
    )
    body.append(Box(MARGIN, top, left, tall, text=start, name=f"Axis: {start.plain}"))
    body.append(Box(right_x, top, right, tall, text=end, name=f"Axis: {end.plain}"))


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
