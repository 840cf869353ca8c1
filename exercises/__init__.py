"""Exercise sheets: the drill and the continuum, printed for use with pens on tables and walls.

``render`` is the renderer's one entry point. Each drill gives a worksheet, challenge
cards and a facilitator's answer key; each continuum gives a worksheet, wall signs and
scenario cards. A workshop with several drills or continua numbers the files of the
second and later ones (``drill-2-worksheet.pdf``); one without gets no such sheets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from exercises.continuum import continuum_sheets
from exercises.drill import drill_sheets
from exercises.sheets import Plan, Sheet
from kit.errors import KitError
from kit.model import Theme, Workshop
from kit.model.kinds import BlockTable
from kit.outputs import BuildOptions, Checked, Output, Paper

__all__ = ["check", "render"]

# The sheets of the n-th block of a kind; None: the kind has no sheets of its own.
_SHEETS: BlockTable[Callable[[Plan, Any, int], list[Sheet]] | None] = BlockTable(
    "exercise sheets",
    {
        "drill": drill_sheets,
        "continuum": continuum_sheets,
        "title": None,
        "bullets": None,
        "definition": None,
        "quote": None,
        "comparison": None,
        "image": None,
        "content_note": None,
        "resources": None,
        "activity": None,
    },
)


def render(
    workshop: Workshop,
    theme: Theme,
    out_dir: Path,
    options: BuildOptions,
    sizes: Sequence[float] | None = None,
) -> list[Output]:
    """Write every exercise sheet of ``workshop`` into ``out_dir`` on ``options.paper``.

    Every sheet is planned before any is written: if any card or sign cannot fit its
    text, a KitError lists each one and nothing is written (the build's plan phase,
    ``check``, finds them first and locates them in the file). ``sizes`` are the text
    sizes that check fitted, in order, so that they are not searched for again; where
    check ran in this process on the same workshop, its sheets are drawn as planned.
    """
    plan, sheets = _checked_here(workshop, theme, options.paper, sizes) or _planned(
        workshop, theme, options.paper, sizes
    )
    if plan.problems:
        raise KitError("\n".join(problem.message for problem in plan.problems))
    return [plan.write(sheet, out_dir) for sheet in sheets]


def check(workshop: Workshop, theme: Theme, paper: Paper) -> Checked:
    """Every card and sign of ``workshop`` on ``paper`` whose text cannot fit, and the
    sizes fitted for ``render``; writes nothing."""
    plan, sheets = _planned(workshop, theme, paper)
    _LAST_CHECK[:] = [(workshop, theme, paper, plan, sheets)]
    return Checked(plan.problems, {"sizes": tuple(plan.fitted)})


# The last check's plan, drawn by a render of the same workshop in the same process (a
# build in one process) instead of being planned again; once only, as drawing a story
# changes its flowables.
_LAST_CHECK: list[tuple[Workshop, Theme, Paper, Plan, list[Sheet]]] = []


def _checked_here(
    workshop: Workshop, theme: Theme, paper: Paper, sizes: Sequence[float] | None
) -> tuple[Plan, list[Sheet]] | None:
    """The last check's plan and sheets if it planned these, at these ``sizes``, else None."""
    if not _LAST_CHECK or sizes is None:
        return None
    checked, look, on, plan, sheets = _LAST_CHECK.pop()
    if checked is not workshop or look is not theme or on != paper or plan.fitted != [*sizes]:
        return None
    return plan, sheets


def _planned(
    workshop: Workshop, theme: Theme, paper: Paper, sizes: Sequence[float] | None = None
) -> tuple[Plan, list[Sheet]]:
    plan = Plan.for_workshop(workshop, theme, paper, sizes)
    sheets: list[Sheet] = []
    for kind, make in _SHEETS.entries.items():  # all drills' sheets, then all continua's
        blocks = [block for _, block in workshop.blocks() if block.kind == kind]
        for number, block in enumerate(blocks, start=1):
            sheets += make(plan, block, number) if make else []
    return plan, sheets
