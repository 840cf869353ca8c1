"""The facilitator guide: how to run the session, marked FACILITATOR COPY on every page.

The agenda with clock times, the content note and support protocol, what to print, then
section by section: objectives, and for each block its speaker and facilitator notes,
the drill's answer key and how to run the continuum reflection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.runsheet import run_sheet, slides_label
from handouts.story import (
    Item,
    Look,
    bold,
    boxed,
    bullet_list,
    cite_line,
    grid,
    headed,
    item_cell,
    labelled,
    laid_out,
    sources_section,
    stage_list,
    when,
)
from kit.layout.blocks.activity import timing
from kit.layout.fonts import face_name
from kit.layout.planner import quoted
from kit.layout.slidelayout import DeckLayout
from kit.model import (
    ActivityBlock,
    ContentNoteBlock,
    ContinuumBlock,
    DrillBlock,
    ResourcesBlock,
)
from kit.model.kinds import BlockTable
from kit.model.schedule import (
    AgendaItem,
    BreakItem,
    item_minutes,
    item_title,
    timetable,
    total_minutes,
)
from kit.outputs import DECK_PDF, PRINT_LIST, ROOM_LIST
from kit.pdf import colour, para
from kit.words.i18n import Words


def guide_story(look: Look, participants: int, deck: DeckLayout) -> list[Flowable]:
    """Everything in the facilitator guide, in the order a facilitator needs it."""
    story = _title_block(look, participants) + _agenda(look) + run_sheet(look, deck, _label)
    story += _support_protocol(look)
    story += _materials(look, participants)
    number = 0
    for item in timetable(look.workshop):
        if isinstance(item, BreakItem):
            story += _break(item, look)
        else:
            number += 1
            story += _section(number, item, look, deck)
    story += sources_section(look)
    return story


def _title_block(look: Look, participants: int) -> list[Flowable]:
    """The guide's title, the session's details and how many it is planned for."""
    workshop, s, w = look.workshop, look.styles, look.words
    story = [para(w("guide"), s.title), para(workshop.title, s.h2)]
    details = [
        (w("when"), when(look)),
        (w("venue"), workshop.venue),
        (w("organisation"), workshop.organisation),
        (w("facilitators"), ", ".join(workshop.presenters)),
        (w("audience"), workshop.audience),
        (w("planned_for"), w("participants", count=participants)),
    ]
    story += [labelled(label, value, s.body) for label, value in details if value]
    return story


def _agenda(look: Look) -> list[Flowable]:
    """Clock times from the start time and durations, and a warning if they do not add up."""
    workshop, s, w = look.workshop, look.styles, look.words
    rows: list[list[Any]] = [[w("time"), w("section"), w("minutes_column")]]
    rows += [
        [look.words.span(item.start, item.end), item_cell(item, look), str(item_minutes(item))]
        for item in timetable(workshop)
    ]
    planned = total_minutes(workshop)
    rows.append(["", bold(w("total"), look.cell), bold(str(planned), look.cell)])
    times, minutes = look.body_size * 8, look.body_size * 5.5
    table = grid(rows, [times, look.width - times - minutes, minutes], look)
    story = laid_out([table], [para(w("agenda"), s.h1)])
    if workshop.duration is not None and planned != workshop.duration:
        warning = ParagraphStyle(
            "warning",
            parent=s.body,
            fontName=face_name(bold=True),
            textColor=colour(look.theme.colours.accent),
        )
        text = w(
            "timing_warning",
            planned=w("minutes", count=planned),
            duration=w("minutes", count=workshop.duration),
        )
        story.append(para(text, warning))
    return story


def _support_protocol(look: Look) -> list[Flowable]:
    """The content note to read out, the support on offer, and the contacts to have ready."""
    workshop, s, w = look.workshop, look.styles, look.words
    story: list[Flowable] = [para(w("support_protocol"), s.h1)]
    for note in workshop.blocks_of(ContentNoteBlock):
        parts = [bold(w("read_aloud", title=note.title), look.cell), para(note.text, s.body)]
        parts += bullet_list(note.support, look)
        story += laid_out([[boxed(parts, look)]])
        if note.facilitator_notes:
            story.append(labelled(w("how_to_handle"), note.facilitator_notes, s.body))
    contacts = [item for block in workshop.blocks_of(ResourcesBlock) for item in block.items]
    if contacts:
        lines = [
            labelled(c.name, " · ".join(p for p in (c.contact, c.url or "") if p), s.bullet, "•")
            for c in contacts
        ]
        story += laid_out(lines, [para(w("support_contacts"), s.h3)])
    return story


def _materials(look: Look, participants: int) -> list[Flowable]:
    """Where to find what to print and what to bring: the print list and the room list."""
    s, w = look.styles, look.words
    text = w(
        "materials_pointer",
        participants=w("participants", count=participants),
        prints=PRINT_LIST.file,
        room=ROOM_LIST.file,
        file=DECK_PDF.file,
    )
    return [para(w("materials"), s.h1), para(text, s.body)]


def _section(number: int, slot: AgendaItem, look: Look, deck: DeckLayout) -> list[Flowable]:
    """One section: timing and slides, objectives, then each block's notes and slides."""
    section, s, w = slot.section, look.styles, look.words
    slides = slides_label(deck.slide_range(number - 1), look)
    timing = " · ".join(
        p
        for p in (
            look.words.span(slot.start, slot.end),
            w("minutes", count=section.duration),
            slides,
        )
        if p
    )
    headings = [para(f"{number}. {section.title}", s.h1), para(timing, s.h3)]
    objectives = bullet_list(section.objectives, look)
    if objectives:
        objectives[-1].keepWithNext = 1  # the section's first block starts on its page
    items = headed(para(w("objectives"), s.h3), objectives)
    story = laid_out(items, headings)
    for index, block in enumerate(section.blocks):
        story += _block(block, look, slides_label(deck.slide_range(number - 1, index), look))
    return story


def _break(item: BreakItem, look: Look) -> list[Flowable]:
    """A break between sections, with its clock times, so nobody runs into it."""
    w = look.words
    timing = f"{look.words.span(item.start, item.end)} · {w('minutes', count=item.pause.duration)}"
    return [para(f"{item_title(item, w)} · {timing}", look.styles.h2)]


def _block(block: Any, look: Look, slides: str) -> list[Flowable]:
    """A block's heading, its slides and notes, and the answer key or run sheet for the
    exercises."""
    s, w = look.styles, look.words
    items: list[Item] = []
    if block.notes:
        items.append(labelled(w("speaker_notes"), block.notes, s.body))
    if block.facilitator_notes:
        items.append(labelled(w("facilitator_notes"), block.facilitator_notes, s.body))
    kind = _KINDS[block.kind]
    if kind.extra is not None:
        items += kind.extra(block, look)
    if not items:
        return []
    headings = [para(_label(block, look), s.h2)]
    if slides:
        headings.append(para(slides.capitalize(), s.small))
    return laid_out(items, headings, cite_line(block.cite, look))


# --- the exercises --------------------------------------------------------------------


def _drill_answer_key(block: DrillBlock, look: Look) -> list[Item]:
    """Guidance, then each challenge with its suggested responses and technique."""
    s, w = look.styles, look.words
    items = headed(para(w("guidance_first"), s.h3), bullet_list(block.guidance, look))
    for number, challenge in enumerate(block.challenges, start=1):
        parts = [
            para(w("challenge", number=number), s.h3),
            para(quoted(challenge.statement, look.words), s.quote),
            bold(w("suggested_responses"), s.body),
            *bullet_list(challenge.responses, look),
        ]
        if challenge.technique:
            parts.append(labelled(w.colon(w("technique")), challenge.technique, s.body))
        items.append(parts)
    return items


def _continuum_run_sheet(block: ContinuumBlock, look: Look) -> list[Item]:
    """Stages, scenarios with their notes, prompts, and the fluidity point."""
    s, w = look.styles, look.words
    items = headed(para(w("stages"), s.h3), stage_list(block, look))
    for n, scenario in enumerate(block.scenarios, start=1):
        parts: list[Flowable] = [
            labelled(w.colon(w("scenario_number", number=n)), scenario.text, s.body)
        ]
        if scenario.note:
            parts.append(labelled(w("draw_out"), scenario.note, s.bullet))
        items.append([para(w("scenarios"), s.h3), *parts] if n == 1 else parts)
    items += headed(para(w("reflection_prompts"), s.h3), bullet_list(block.prompts, look))
    fluidity = block.fluidity or w("fluidity_default")
    items.append([para(w("fluidity_point"), s.h3), para(fluidity, s.body)])
    return items


def _activity_run_sheet(block: ActivityBlock, look: Look) -> list[Item]:
    """Time and groups, how to run it, what participants are told, and what to have ready."""
    s, w = look.styles, look.words
    items: list[Item] = [para(timing(block, w), s.h3)]
    items += headed(
        para(w("running_the_activity"), s.h3), bullet_list(block.facilitator_instructions, look)
    )
    items += headed(para(w("what_participants_do"), s.h3), bullet_list(block.instructions, look))
    if block.materials:
        items.append(labelled(w.colon(w("you_need")), ", ".join(block.materials), s.body))
    return items


def _label(block: Any, look: Look) -> str:
    """How the guide names a block: its title, or what it is (see ``_KINDS``)."""
    return _KINDS[block.kind].label(block, look.words)


def _own_title(block: Any, words: Words) -> str:
    return block.title


@dataclass(frozen=True)
class _Kind:
    """How the guide names a block of a kind, and what it adds to the block's notes."""

    label: Callable[[Any, Words], str] = _own_title
    extra: Callable[[Any, Look], list[Item]] | None = None


_KINDS: BlockTable[_Kind] = BlockTable(
    "facilitator guide",
    {
        "title": _Kind(lambda block, w: w("title_slide", title=block.title)),
        "bullets": _Kind(),
        "definition": _Kind(lambda block, w: w("definition_of", term=block.term)),
        "quote": _Kind(lambda block, w: block.title or w("quote")),
        "comparison": _Kind(),
        "image": _Kind(),
        "content_note": _Kind(),
        "resources": _Kind(),
        "continuum": _Kind(
            lambda block, w: w("continuum_of", title=block.title), _continuum_run_sheet
        ),
        "drill": _Kind(lambda block, w: w("drill_of", title=block.title), _drill_answer_key),
        "activity": _Kind(
            lambda block, w: w("activity_of", title=block.title), _activity_run_sheet
        ),
    },
)
