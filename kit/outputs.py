"""The names of the files kit writes, in one place, so renderers and print lists agree."""

from __future__ import annotations

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
