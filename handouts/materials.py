"""What to print for a session, how many copies, and from which output file.

Files and their numbering come from the outputs registry (``kit.outputs``); a test checks
that every printed kind there is on the list, so a new output cannot be left off it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.model import ContinuumBlock, DrillBlock, Workshop
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

GROUP_SIZE = 5  # groups of 4 or 5: as few groups as keep each at 5 or fewer
LARGE_PRINT_SHARE = 0.1  # about one person in ten asks for large print


@dataclass(frozen=True)
class Material:
    """One thing to print: ``copies`` of ``file``, an output of ``kind``."""

    item: str
    kind: OutputKind
    copies: int
    note: str
    number: int = 1  # of the exercise among its kind

    @property
    def file(self) -> str:
        return self.kind.file_name(self.number)


def groups(participants: int) -> int:
    """How many small groups of 4 to 5 people ``participants`` make (at least one)."""
    return max(1, math.ceil(participants / GROUP_SIZE))


def spares(participants: int) -> int:
    """Spare handouts for latecomers and spoilt copies: a tenth, and at least two."""
    return max(2, math.ceil(participants * 0.1))


def materials(workshop: Workshop, participants: int, *, listed: bool = False) -> list[Material]:
    """Everything to print for ``participants`` people, in the order to prepare it.

    ``listed``: certificates and name tents were made from a participants list, a page
    per person, so one copy of each file is enough.
    """
    w = workshop.interface_words()
    facilitators = max(1, len(workshop.presenters))
    teams = groups(participants)
    per_group = w("per_group", count=teams)
    large_print = math.ceil(participants * LARGE_PRINT_SHARE)
    items = [
        Material(w("handout"), HANDOUT, participants + spares(participants), w("one_each_spares")),
        Material(w("large_print_handout"), LARGE_PRINT, large_print, w("offer_everyone")),
        Material(w("guide"), GUIDE, facilitators, w("per_facilitator")),
    ]
    for number, drill in enumerate(workshop.blocks_of(DrillBlock), start=1):
        worksheet = w("drill_worksheet_of", title=drill.title)
        items += [
            Material(worksheet, DRILL_WORKSHEET, participants, w("one_each"), number),
            Material(w("challenge_cards"), DRILL_CARDS, teams, per_group, number),
            Material(
                w("drill_answer_key"),
                DRILL_ANSWER_KEY,
                facilitators,
                w("facilitators_only"),
                number,
            ),
        ]
    for number, continuum in enumerate(workshop.blocks_of(ContinuumBlock), start=1):
        worksheet = w("continuum_worksheet_of", title=continuum.title)
        items.append(Material(worksheet, CONTINUUM_WORKSHEET, participants, w("one_each"), number))
        if continuum.scenarios:
            cards = CONTINUUM_SCENARIO_CARDS
            items.append(Material(w("scenario_cards"), cards, teams, per_group, number))
        items.append(Material(w("wall_signs"), CONTINUUM_SIGNS, 1, w("one_set_wall"), number))
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
