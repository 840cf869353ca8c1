"""What to print for a session, how many copies, and from which output file.

File names follow the renderers: ``handouts`` writes the handouts named here, and
``exercises`` names the sheets of the first drill ``drill-...`` and of a second
``drill-2-...`` (likewise for continua). A test builds both and checks the names agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from handouts.words import HandoutWords
from kit.model import ContinuumBlock, DrillBlock, Workshop

HANDOUT = "handout.pdf"
LARGE_PRINT = "handout-large-print.pdf"
NOTES_HANDOUT = "notes-handout.pdf"
GUIDE = "facilitator-guide.pdf"
DECK_PDF = "deck.pdf"
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


def exercise_prefix(kind: str, number: int) -> str:
    """``drill`` for the first drill, ``drill-2`` for the second, as ``exercises`` names them."""
    return kind if number == 1 else f"{kind}-{number}"


def materials(workshop: Workshop, participants: int) -> list[Material]:
    """Everything to print for ``participants`` people, in the order to prepare it."""
    w = HandoutWords(workshop.language)
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
        prefix = exercise_prefix("drill", number)
        worksheet = w("drill_worksheet_of", title=drill.title)
        items += [
            Material(worksheet, f"{prefix}-worksheet.pdf", participants, w("one_each")),
            Material(w("challenge_cards"), f"{prefix}-cards.pdf", teams, per_group),
            Material(
                w("drill_answer_key"),
                f"{prefix}-answer-key.pdf",
                facilitators,
                w("facilitators_only"),
            ),
        ]
    for number, continuum in enumerate(workshop.blocks_of(ContinuumBlock), start=1):
        prefix = exercise_prefix("continuum", number)
        worksheet = w("continuum_worksheet_of", title=continuum.title)
        items.append(Material(worksheet, f"{prefix}-worksheet.pdf", participants, w("one_each")))
        if continuum.scenarios:
            cards = f"{prefix}-scenario-cards.pdf"
            items.append(Material(w("scenario_cards"), cards, teams, per_group))
        items.append(Material(w("wall_signs"), f"{prefix}-signs.pdf", 1, w("one_set_wall")))
    items.append(Material(w("notes_optional"), NOTES_HANDOUT, participants, w("notes_why")))
    return items
