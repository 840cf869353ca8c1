"""What renderers hand the build: the files kit writes, their names, and the options asked for.

Names live in one place so renderers and print lists agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DECK = "deck.pptx"
DECK_PDF = "deck.pdf"
HANDOUT = "handout.pdf"
LARGE_PRINT = "handout-large-print.pdf"
NOTES_HANDOUT = "notes-handout.pdf"
GUIDE = "facilitator-guide.pdf"

DrillSheet = Literal["worksheet", "cards", "answer-key"]
ContinuumSheet = Literal["worksheet", "signs", "scenario-cards"]


def _exercise_file(kind: str, number: int, sheet: str) -> str:
    """``drill-worksheet.pdf`` for the first drill, ``drill-2-worksheet.pdf`` for the second."""
    prefix = kind if number == 1 else f"{kind}-{number}"
    return f"{prefix}-{sheet}.pdf"


def drill_file(number: int, sheet: DrillSheet) -> str:
    return _exercise_file("drill", number, sheet)


def continuum_file(number: int, sheet: ContinuumSheet) -> str:
    return _exercise_file("continuum", number, sheet)


Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked for, plus the fixed timestamp every output carries."""

    paper: Paper = "a4"
    participants: int = 20
    timestamp: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Output:
    """A file a renderer wrote, and how long it is (pages or slides)."""

    path: Path
    count: int
    unit: str = "pages"

    def describe(self) -> str:
        unit = self.unit.removesuffix("s") if self.count == 1 else self.unit
        return f"{self.path} ({self.count} {unit})"
