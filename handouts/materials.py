"""What to print for a session, how many copies, and from which output file.

File names follow the renderers: ``handouts`` writes the handouts named here, and
``exercises`` names the sheets of the first drill ``drill-...`` and of a second
``drill-2-...`` (likewise for continua). A test builds both and checks the names agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
    facilitators = max(1, len(workshop.presenters))
    teams = groups(participants)
    per_group = f"one set per group of 4–5 ({teams} group{'s' if teams > 1 else ''})"
    items = [
        Material(
            "Participant handout",
            HANDOUT,
            participants + spares(participants),
            "one each, plus spares",
        ),
        Material(
            "Large-print handout",
            LARGE_PRINT,
            math.ceil(participants * LARGE_PRINT_SHARE),
            "offer it to everyone",
        ),
        Material("Facilitator guide", GUIDE, facilitators, "one per facilitator"),
    ]
    for number, drill in enumerate(workshop.blocks_of(DrillBlock), start=1):
        prefix = exercise_prefix("drill", number)
        items += [
            Material(
                f"Drill worksheet: {drill.title}",
                f"{prefix}-worksheet.pdf",
                participants,
                "one each",
            ),
            Material("Challenge card set", f"{prefix}-cards.pdf", teams, per_group),
            Material(
                "Drill answer key", f"{prefix}-answer-key.pdf", facilitators, "facilitators only"
            ),
        ]
    for number, continuum in enumerate(workshop.blocks_of(ContinuumBlock), start=1):
        prefix = exercise_prefix("continuum", number)
        items.append(
            Material(
                f"Continuum worksheet: {continuum.title}",
                f"{prefix}-worksheet.pdf",
                participants,
                "one each",
            )
        )
        if continuum.scenarios:
            items.append(
                Material("Scenario card set", f"{prefix}-scenario-cards.pdf", teams, per_group)
            )
        items.append(
            Material("Continuum wall signs", f"{prefix}-signs.pdf", 1, "one set, for the wall")
        )
    items.append(
        Material(
            "Notes handout (optional)",
            NOTES_HANDOUT,
            participants,
            "slides with lines for notes; drill answers left out",
        )
    )
    return items
