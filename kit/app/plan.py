"""The plan phase: everything a renderer would refuse, found before anything is written.

``kit check`` and ``kit build`` both run it, so check accepts exactly what build can build.
The deck is laid out (its overflow warnings, located, come from here) and every exercise sheet is
planned: a card or sign whose text cannot fit, a resource too long for a handout's page,
is a located problem, reported as ``file:line:col: field: message`` like any other
problem in the file.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kit.app.workers import Workers
from kit.errors import Problem
from kit.layout import fonts
from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import DeckLayout, LayoutWarning
from kit.model import Workshop
from kit.model.basics import is_font_file
from kit.outputs import Checked, Paper
from kit.source.loader import LoadedWorkshop

if TYPE_CHECKING:
    from concurrent.futures import Future


@dataclass(frozen=True)
class BuildPlan:
    """The deck's layout (if a chosen renderer draws it), the problems that would stop
    the build, in file order, the layout's warnings as ``file:line:col: ...``, and what
    each renderer that checked its drawing found (its problems, and what it reuses)."""

    deck: DeckLayout | None
    problems: tuple[Problem, ...]
    warnings: tuple[str, ...] = ()
    checked: dict[str, Checked] = dataclasses.field(default_factory=dict)

    def plans(self, renderer: str) -> dict[str, Any]:
        """What ``renderer``'s ``render`` is handed besides the workshop: the keywords."""
        deck = {"deck": self.deck} if renderer in DRAW_THE_DECK else {}
        check = self.checked.get(renderer)
        return {**deck, **(check.plans if check else {})}


# Renderers that draw the deck's layout: the plan lays it out once and the build hands
# it to each.
DRAW_THE_DECK = frozenset({"slides", "handouts"})
# Renderers whose drawing can refuse text, each with ``check(workshop, theme, paper)``,
# which measures the way it draws (a ``Checked``). The deck never refuses: it shrinks,
# then continues.
CAN_REFUSE = ("handouts", "exercises")


def ready(workers: Workers, renderers: Collection[str]) -> None:
    """Have ``workers`` ready to check ``renderers``' drawing: the checking renderers
    imported here once, for every worker forked from here, then the workers forked (if
    that is how they start). Called before the build locks its output folder: a worker
    forked later would hold the lock too."""
    for name in CAN_REFUSE:
        if name in renderers:
            importlib.import_module(name)
    workers.ready()


def plan(
    loaded: LoadedWorkshop,
    paper: Paper,
    renderers: Collection[str],
    known: Mapping[str, Checked] | None = None,
    workers: Workers | None = None,
    meanwhile: Callable[[], object] = lambda: None,
) -> BuildPlan:
    """Plan what ``renderers`` (by name) would draw of ``loaded`` on ``paper``; writes nothing.

    ``known``: checks a previous plan made of what the renderer draws now, not made again.
    ``workers`` (made ``ready``): the others are made in them while this process lays out
    the deck, the same checks with the same results; ``meanwhile`` is called once they are
    handed out, before the deck is laid out (the build hands the workers what they can
    draw without it)."""
    workshop = loaded.workshop
    chosen = [name for name in CAN_REFUSE if name in renderers]
    checked = {name: check for name, check in (known or {}).items() if name in chosen}
    started: dict[str, Future[Checked]] = {}
    if workers is not None:
        started = {n: workers.check(n, workshop, paper) for n in chosen if n not in checked}
        meanwhile()
    deck = None
    with theme_fonts(workshop):
        for name in chosen:
            if name not in checked and name not in started:
                checked[name] = importlib.import_module(name).check(workshop, workshop.theme, paper)
        if DRAW_THE_DECK & set(renderers):
            deck = plan_deck(workshop)
    checked.update((name, check.result()) for name, check in started.items())
    checked = {name: checked[name] for name in chosen}
    problems = [
        loaded.document.problem(problem.field, problem.message)
        for check in checked.values()
        for problem in check.problems
    ]
    problems.sort(key=lambda p: (p.line, p.column))
    fonts = tuple(_unmeasured_fonts(loaded))
    if deck is None:
        return BuildPlan(None, tuple(problems), fonts, checked)
    located = tuple(_located(loaded, w) for w in deck.warnings)
    return BuildPlan(deck, tuple(problems), fonts + located, checked)


def theme_fonts(workshop: Workshop) -> AbstractContextManager[None]:
    """Measure and draw with the workshop's fonts while planning or rendering it."""
    return fonts.using(workshop.theme.fonts.heading, workshop.theme.fonts.body)


def _unmeasured_fonts(loaded: LoadedWorkshop) -> Iterator[str]:
    """A font name kit has no metrics for: text may not fit in it (an error under --strict)."""
    chosen = loaded.workshop.theme.fonts
    for field in ("heading", "body"):
        name = getattr(chosen, field)
        if not is_font_file(name) and fonts.measured_with(name) is None:
            message = (
                f"kit has no metrics for '{name}': text is measured with {fonts.DEFAULT}, "
                f"so it may not fit in {name}; name a font kit measures (Arial, Calibri, "
                "Cambria, Times New Roman, Courier New) or a .ttf file in the workshop folder"
            )
            yield str(loaded.document.problem(("theme", "fonts", field), message))


def _located(loaded: LoadedWorkshop, warning: LayoutWarning) -> str:
    """``file:line:col: section 3, block 1, comparison: ...``: the planner names the block
    by its path; the document knows where that path is in the file."""
    mark = loaded.document.locate(warning.place)
    return f"{loaded.document.file}:{mark.line}:{mark.column}: {warning}"
