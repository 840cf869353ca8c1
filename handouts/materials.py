"""What to print for a session, how many copies, and from which output file.

Files and their numbering come from the outputs registry (``kit.outputs``); a test checks
that every printed kind there is on the list, so a new output cannot be left off it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kit.model import ActivityBlock, ContinuumBlock, DrillBlock, Workshop, markup
from kit.model.kinds import BlockTable
from kit.outputs import (
    CERTIFICATES,
    CONTINUUM_SCENARIO_CARDS,
    CONTINUUM_SIGNS,
    CONTINUUM_WORKSHEET,
    DRILL_ANSWER_KEY,
    DRILL_CARDS,
    DRILL_WORKSHEET,
    EVALUATION,
    GUIDE,
    HANDOUT,
    LARGE_PRINT,
    NAME_TENTS,
    NOTES_HANDOUT,
    ROOM_LIST,
    SIGN_IN,
    OutputKind,
)
from kit.words.i18n import Words

GROUP_SIZE = 5  # groups of 4 or 5: as few groups as keep each at 5 or fewer
LARGE_PRINT_SHARE = 0.1  # about one person in ten asks for large print


@dataclass(frozen=True)
class Material:
    """One thing to print: ``copies`` of ``file``, an output of ``kind``."""

    item: str
    kind: OutputKind | None  # None: something to bring, not a file kit writes
    copies: int
    note: str
    number: int = 1  # of the exercise among its kind

    @property
    def file(self) -> str:
        return self.kind.file_name(self.number) if self.kind else ""


def groups(participants: int) -> int:
    """How many small groups of 4 to 5 people ``participants`` make (at least one)."""
    return max(1, math.ceil(participants / GROUP_SIZE))


def spares(participants: int) -> int:
    """Spare handouts for latecomers and spoilt copies: a tenth, and at least two."""
    return max(2, math.ceil(participants * 0.1))


@dataclass(frozen=True)
class _Room:
    """Who is there, in the numbers copies are counted in."""

    words: Words
    participants: int
    facilitators: int

    @property
    def teams(self) -> int:
        return groups(self.participants)


def materials(workshop: Workshop, participants: int, *, listed: bool = False) -> list[Material]:
    """Everything to print for ``participants`` people, in the order to prepare it.

    ``listed``: certificates and name tents were made from a participants list, a page
    per person, so one copy of each file is enough.
    """
    w = workshop.interface_words()
    room = _Room(w, participants, max(1, len(workshop.presenters)))
    large_print = math.ceil(participants * LARGE_PRINT_SHARE)
    items = [
        Material(w("handout"), HANDOUT, participants + spares(participants), w("one_each_spares")),
        Material(w("large_print_handout"), LARGE_PRINT, large_print, w("offer_everyone")),
        Material(w("guide"), GUIDE, room.facilitators, w("per_facilitator")),
    ]
    for kind, needs in _NEEDS.entries.items():  # all drills' sheets, then all continua's
        blocks = [block for _, block in workshop.blocks() if block.kind == kind]
        for number, block in enumerate(blocks, start=1):
            items += needs(block, number, room) if needs else []
    items.append(Material(w("notes_optional"), NOTES_HANDOUT, participants, w("notes_why")))
    items += [
        Material(w("sign_in"), SIGN_IN, 1, w("rows_for_all")),
        Material(w("evaluation"), EVALUATION, participants, w("one_each")),
    ]
    per_person = 1 if listed else participants
    why = w("page_per_person") if listed else w("one_each_blank")
    items += [
        Material(w("certificates"), CERTIFICATES, per_person, why),
        Material(w("name_tents"), NAME_TENTS, per_person, why),
        Material(w("room_list"), ROOM_LIST, 1, w("for_packing")),
    ]
    return items


def _drill(drill: DrillBlock, number: int, room: _Room) -> list[Material]:
    w = room.words
    worksheet = w("drill_worksheet_of", title=drill.title)
    return [
        Material(worksheet, DRILL_WORKSHEET, room.participants, w("one_each"), number),
        Material(
            w("challenge_cards"), DRILL_CARDS, room.teams, w("per_group", count=room.teams), number
        ),
        Material(
            w("drill_answer_key"),
            DRILL_ANSWER_KEY,
            room.facilitators,
            w("facilitators_only"),
            number,
        ),
    ]


def _continuum(continuum: ContinuumBlock, number: int, room: _Room) -> list[Material]:
    w = room.words
    worksheet = w("continuum_worksheet_of", title=continuum.title)
    items = [Material(worksheet, CONTINUUM_WORKSHEET, room.participants, w("one_each"), number)]
    if continuum.scenarios:
        per_group = w("per_group", count=room.teams)
        cards = CONTINUUM_SCENARIO_CARDS
        items.append(Material(w("scenario_cards"), cards, room.teams, per_group, number))
    items.append(Material(w("wall_signs"), CONTINUUM_SIGNS, 1, w("one_set_wall"), number))
    return items


def _activity(activity: ActivityBlock, number: int, room: _Room) -> list[Material]:
    """One set of the activity's materials per group (per person when working alone),
    named after the activity as a section's materials are after their section."""
    teams = math.ceil(room.participants / activity.group_size)
    share = room.words("materials_per_group", count=teams)
    if activity.group_size == 1:
        share = room.words("one_each")
    note = f"{markup.plain(activity.title)}: {share}"
    return [Material(item, None, teams, note, number) for item in activity.materials]


# What the n-th block of a kind needs printed; None: nothing of its own.
_NEEDS: BlockTable[Callable[[Any, int, _Room], list[Material]] | None] = BlockTable(
    "print list",
    {
        "drill": _drill,
        "continuum": _continuum,
        "title": None,
        "bullets": None,
        "definition": None,
        "quote": None,
        "comparison": None,
        "image": None,
        "content_note": None,
        "resources": None,
        "activity": _activity,
    },
)
