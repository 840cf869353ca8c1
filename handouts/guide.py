"""The facilitator guide: how to run the session, marked FACILITATOR COPY on every page.

The agenda with clock times, the content note and support protocol, what to print, then
section by section: objectives, and for each block its speaker and facilitator notes,
the drill's answer key and how to run the continuum reflection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from handouts.materials import DECK_PDF, materials
from handouts.story import (
    CELL_PADDING,
    Item,
    Look,
    boxed,
    bullet_list,
    cite_line,
    grid,
    labelled,
    laid_out,
    long_date,
    sources_section,
)
from kit.deckplan import quoted
from kit.fonts import face_name
from kit.model import (
    ContentNoteBlock,
    ContinuumBlock,
    DefinitionBlock,
    DrillBlock,
    QuoteBlock,
    ResourcesBlock,
    TitleBlock,
)
from kit.pdf import colour, para
from kit.schedule import AgendaItem, agenda, total_minutes

WHAT = "Facilitator guide"
DEFAULT_FLUIDITY = (
    "Close by making the point that people move along the continuum in both directions, "
    "within one encounter or over a lifetime, as their circumstances change."
)


def guide_story(look: Look, participants: int) -> list[Flowable]:
    """Everything in the facilitator guide, in the order a facilitator needs it."""
    story = _title_block(look, participants) + _agenda(look)
    story += _support_protocol(look)
    story += _materials(look, participants)
    for number, slot in enumerate(agenda(look.workshop), start=1):
        story += _section(number, slot, look)
    story += sources_section(look)
    return story


def _title_block(look: Look, participants: int) -> list[Flowable]:
    workshop, s = look.workshop, look.styles
    story = [para(WHAT, s.title), para(workshop.title, s.h2)]
    slots = agenda(workshop)
    when = f"{long_date(workshop)}, " if workshop.date else ""
    details = [
        ("When:", f"{when}{slots[0].start:%H:%M}–{slots[-1].end:%H:%M}"),
        ("Venue:", workshop.venue),
        ("Organisation:", workshop.organisation),
        ("Facilitators:", ", ".join(workshop.presenters)),
        ("Audience:", workshop.audience),
        ("Planned for:", f"{participants} participants"),
    ]
    story += [labelled(label, value, s.body) for label, value in details if value]
    return story


def _agenda(look: Look) -> list[Flowable]:
    """Clock times from the start time and durations, and a warning if they do not add up."""
    workshop, s = look.workshop, look.styles
    slots = agenda(workshop)
    rows: list[list[Any]] = [["Time", "Section", "Minutes"]]
    rows += [[slot.span, slot.section.title, str(slot.section.duration)] for slot in slots]
    planned = total_minutes(workshop)
    rows.append(["", "**Total**", f"**{planned}**"])
    times, minutes = look.body_size * 8, look.body_size * 5.5
    table = grid(rows, [times, look.width - times - minutes, minutes], look)
    story = laid_out([table], [para("Agenda", s.h1)])
    if workshop.duration is not None and planned != workshop.duration:
        warning = ParagraphStyle(
            "warning",
            parent=s.body,
            fontName=face_name(bold=True),
            textColor=colour(look.theme.colours.accent),
        )
        story.append(
            para(
                f"Warning: the sections add up to {planned} minutes, but the workshop is "
                f"planned to last {workshop.duration} minutes. Adjust the section durations.",
                warning,
            )
        )
    return story


def _support_protocol(look: Look) -> list[Flowable]:
    """The content note to read out, the support on offer, and the contacts to have ready."""
    workshop, s = look.workshop, look.styles
    story: list[Flowable] = [para("Content note and support protocol", s.h1)]
    for note in workshop.blocks_of(ContentNoteBlock):
        parts = [para(f"**Read aloud: {note.title}**", look.cell), para(note.text, s.body)]
        parts += bullet_list(note.support, look)
        story += laid_out([[boxed(parts, look)]])
        if note.facilitator_notes:
            story.append(labelled("How to handle it:", note.facilitator_notes, s.body))
    contacts = [item for block in workshop.blocks_of(ResourcesBlock) for item in block.items]
    if contacts:
        lines = [
            " · ".join(part for part in (f"**{c.name}**", c.contact, c.url or "") if part)
            for c in contacts
        ]
        story += laid_out(bullet_list(lines, look), [para("Support contacts to have ready", s.h3)])
    return story


def _materials(look: Look, participants: int) -> list[Flowable]:
    """What to print, how many copies, and from which file."""
    s = look.styles
    needed = materials(look.workshop, participants)
    rows: list[list[Any]] = [["Item", "File", "Copies", "Why this many"]]
    rows += [[m.item, m.file, str(m.copies), m.note] for m in needed]
    # File names never wrap, so they can be searched for and typed as they are.
    longest = max(stringWidth(m.file, face_name(), look.body_size) for m in needed)
    file_w = longest + 2 * look.body_size * CELL_PADDING + 1
    copies_w = look.body_size * 4.5
    rest = look.width - file_w - copies_w
    table = grid(rows, [rest * 0.55, file_w, copies_w, rest * 0.45], look)
    intro = (
        f"For {participants} participants. Project the slides from the deck, or from {DECK_PDF}."
    )
    return laid_out([table, para(intro, s.small)], [para("Materials to print", s.h1)])


def _section(number: int, slot: AgendaItem, look: Look) -> list[Flowable]:
    """One section: timing, objectives, then each block's notes."""
    section, s = slot.section, look.styles
    timing = f"{slot.span} · {section.duration} minutes"
    headings = [para(f"{number}. {section.title}", s.h1), para(timing, s.h3)]
    items: list[Item] = []
    if section.objectives:
        objectives = bullet_list(section.objectives, look)
        items += [[para("Objectives", s.h3), objectives[0]], *objectives[1:]]
    story = laid_out(items, headings) if items else headings
    for block in section.blocks:
        story += _block(block, look)
    return story


def _block(block: Any, look: Look) -> list[Flowable]:
    """A block's heading and notes, with the answer key or run sheet for the exercises."""
    s = look.styles
    items: list[Item] = []
    if block.notes:
        items.append(labelled("Speaker notes:", block.notes, s.body))
    if block.facilitator_notes:
        items.append(labelled("Facilitator notes:", block.facilitator_notes, s.body))
    extra = _EXERCISES.get(block.kind)
    if extra is not None:
        items += extra(block, look)
    if not items:
        return []
    return laid_out(items, [para(_label(block), s.h2)], cite_line(block.cite, look))


def _label(block: Any) -> str:
    """How the guide names a block: its title, or what it is."""
    if isinstance(block, TitleBlock):
        return f"Title slide: {block.title}"
    if isinstance(block, DefinitionBlock):
        return f"Definition: {block.term}"
    if isinstance(block, QuoteBlock):
        return block.title or "Quote"
    if isinstance(block, ContinuumBlock):
        return f"Continuum reflection: {block.title}"
    if isinstance(block, DrillBlock):
        return f"Drill: {block.title}"
    return block.title


# --- the exercises --------------------------------------------------------------------


def _drill_answer_key(block: DrillBlock, look: Look) -> list[Item]:
    """Guidance, then each challenge with its suggested responses and technique."""
    s = look.styles
    items: list[Item] = []
    if block.guidance:
        guidance = bullet_list(block.guidance, look)
        items += [[para("Guidance to go through first", s.h3), guidance[0]], *guidance[1:]]
    for number, challenge in enumerate(block.challenges, start=1):
        parts = [
            para(f"Challenge {number}", s.h3),
            para(quoted(challenge.statement), s.quote),
            para("**Suggested responses**", s.body),
            *bullet_list(challenge.responses, look),
        ]
        if challenge.technique:
            parts.append(labelled("Technique:", challenge.technique, s.body))
        items.append(parts)
    return items


def _continuum_run_sheet(block: ContinuumBlock, look: Look) -> list[Item]:
    """Stages, scenarios with their notes, prompts, and the fluidity point."""
    s = look.styles
    axis = f"From *{block.axis.start}* (1) to *{block.axis.end}* ({len(block.stages)}):"
    stages = [
        labelled(f"{n}. {stage.name}:", stage.description, s.bullet)
        for n, stage in enumerate(block.stages, start=1)
    ]
    items: list[Item] = [[para("Stages", s.h3), para(axis, s.body), stages[0]], *stages[1:]]
    for n, scenario in enumerate(block.scenarios, start=1):
        parts: list[Flowable] = [labelled(f"Scenario {n}:", scenario.text, s.body)]
        if scenario.note:
            parts.append(labelled("Draw out:", scenario.note, s.bullet))
        items.append([para("Scenarios", s.h3), *parts] if n == 1 else parts)
    if block.prompts:
        prompts = bullet_list(block.prompts, look)
        items += [[para("Reflection prompts", s.h3), prompts[0]], *prompts[1:]]
    fluidity = block.fluidity or DEFAULT_FLUIDITY
    items.append([para("The fluidity point: people move along it", s.h3), para(fluidity, s.body)])
    return items


_EXERCISES: dict[str, Callable[[Any, Look], list[Item]]] = {
    "drill": _drill_answer_key,
    "continuum": _continuum_run_sheet,
}
