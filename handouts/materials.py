"""What to print for a session, how many copies, and from which output file.

File names follow the renderers: ``handouts`` writes the handouts named here, and
``exercises`` names the sheets of the first drill ``drill-...`` and of a second
``drill-2-...`` (likewise for continua). A test builds both and checks the names agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.model import ContinuumBlock, DrillBlock, Workshop
from kit.outputs import GUIDE, HANDOUT, LARGE_PRINT, NOTES_HANDOUT, continuum_file, drill_file
from kit.words.i18n import Words

GROUP_SIZE = 5  # groups of 4 or 5: as few groups as keep each at 5 or fewer
LARGE_PRINT_SHARE = 0.1  # about one person in ten asks for large print


@dataclass(frozen=True)
class Material:
    """One thing to print: ``copies`` of ``file``."""

    item: str
    file: str
    copies: int
    note: str


def groups(participants: int) -> int:
    """How many small groups of 4 to 5 people ``participants`` make (at least one)."""
    return max(1, math.ceil(participants / GROUP_SIZE))


def spares(participants: int) -> int:
    """Spare handouts for latecomers and spoilt copies: a tenth, and at least two."""
    return max(2, math.ceil(participants * 0.1))


def materials(workshop: Workshop, participants: int) -> list[Material]:
    """Everything to print for ``participants`` people, in the order to prepare it."""
    w = Words(workshop.language)
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
            Material(worksheet, drill_file(number, "worksheet"), participants, w("one_each")),
            Material(w("challenge_cards"), drill_file(number, "cards"), teams, per_group),
            Material(
                w("drill_answer_key"),
                drill_file(number, "answer-key"),
                facilitators,
                w("facilitators_only"),
            ),
        ]
    for number, continuum in enumerate(workshop.blocks_of(ContinuumBlock), start=1):
        worksheet = w("continuum_worksheet_of", title=continuum.title)
        sheet = continuum_file(number, "worksheet")
        items.append(Material(worksheet, sheet, participants, w("one_each")))
        if continuum.scenarios:
            cards = continuum_file(number, "scenario-cards")
            items.append(Material(w("scenario_cards"), cards, teams, per_group))
        signs = continuum_file(number, "signs")
        items.append(Material(w("wall_signs"), signs, 1, w("one_set_wall")))
    items.append(Material(w("notes_optional"), NOTES_HANDOUT, participants, w("notes_why")))
    return items
