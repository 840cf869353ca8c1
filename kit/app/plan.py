"""The plan phase: everything a renderer would refuse, found before anything is written.

``kit check`` and ``kit build`` both run it, so check accepts exactly what build can build.
The deck is laid out (its overflow warnings, located, come from here) and every exercise sheet is
planned: a card or sign whose text cannot fit, a resource too long for a handout's page,
is a located problem, reported as ``file:line:col: field: message`` like any other
problem in the file.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection
from dataclasses import dataclass

from kit.errors import Problem
from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import DeckLayout, LayoutWarning
from kit.outputs import Paper
from kit.source.loader import LoadedWorkshop


@dataclass(frozen=True)
class BuildPlan:
    """The deck's layout (if a chosen renderer draws it), the problems that would stop
    the build, in file order, and the layout's warnings as ``file:line:col: ...``."""

    deck: DeckLayout | None
    problems: tuple[Problem, ...]
    warnings: tuple[str, ...] = ()


# Renderers that draw the deck's layout: the plan lays it out once and the build hands
# it to each.
DRAW_THE_DECK = frozenset({"slides", "handouts"})
# Renderers whose drawing can refuse text, each with ``unfit(workshop, theme, paper)``,
# which measures the way it draws. The deck never refuses: it shrinks, then continues.
CAN_REFUSE = ("handouts", "exercises")


def plan(loaded: LoadedWorkshop, paper: Paper, renderers: Collection[str]) -> BuildPlan:
    """Plan what ``renderers`` (by name) would draw of ``loaded`` on ``paper``; writes nothing."""
    workshop = loaded.workshop
    problems = []
    for name in CAN_REFUSE:
        if name in renderers:
            unfit = importlib.import_module(name).unfit
            problems += [
                loaded.document.problem(problem.field, problem.message)
                for problem in unfit(workshop, workshop.theme, paper)
            ]
    problems.sort(key=lambda p: (p.line, p.column))
    if not DRAW_THE_DECK & set(renderers):
        return BuildPlan(None, tuple(problems))
    deck = plan_deck(workshop)
    return BuildPlan(deck, tuple(problems), tuple(_located(loaded, w) for w in deck.warnings))


def _located(loaded: LoadedWorkshop, warning: LayoutWarning) -> str:
    """``file:line:col: section 3, block 1, comparison: ...``: the planner names the block
    by its path; the document knows where that path is in the file."""
    mark = loaded.document.locate(warning.place)
    return f"{loaded.document.file}:{mark.line}:{mark.column}: {warning}"
