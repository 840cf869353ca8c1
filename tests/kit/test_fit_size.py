"""Fitting a stack of text to a box searches the half points by halving: the size chosen
is the one trying every half point from the largest down would choose."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Flowable, Spacer

import exercises.sheets
import handouts.organiser.certificates
import handouts.organiser.tents
from exercises import check
from handouts.organiser import FILES, write_organiser
from kit.app.plan import theme_fonts
from kit.pdf import draw
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, options_for


def _every_half_point(
    make: Callable[[float], Sequence[Flowable]],
    width: float,
    height: float,
    largest: float,
    smallest: float,
) -> float | None:
    """What fit_size chose before: the first half point down from ``largest`` that fits."""
    size = largest
    while size >= smallest:
        if draw.stack_height(make(size), width) <= height:
            return size
        size -= 0.5
    return None


def _as_tall_as_its_size(size: float) -> Sequence[Flowable]:
    return [Spacer(10, size)]


@pytest.mark.parametrize("fits_up_to", [30.0, 20.0, 14.5, 10.0, 9.5, 25.25, 5.0])
def test_every_answer_of_a_growing_stack(fits_up_to: float) -> None:
    """Fits at the largest, between, at the smallest only, never; an odd largest size."""
    for largest in (20.0, 19.3, 10.0):
        args = (_as_tall_as_its_size, 100.0, fits_up_to, largest, 10.0)
        assert draw.fit_size(*args) == _every_half_point(*args), largest
    assert draw.fit_size(_as_tall_as_its_size, 100.0, 30.0, 9.0, 10.0) is None  # largest < smallest


def _recorded(monkeypatch: pytest.MonkeyPatch, module: Any, found: list[tuple[Any, Any]]) -> None:
    real = draw.fit_size

    def both(*args: Any) -> float | None:
        found.append((real(*args), _every_half_point(*args)))
        return found[-1][0]

    monkeypatch.setattr(module, "fit_size", both)


@pytest.mark.parametrize(
    ("folder", "paper"),
    [(SAMPLE, "a4"), (FIXTURES / "all-blocks", "letter"), (FIXTURES / "de-begleiten", "a4")],
    ids=lambda value: getattr(value, "name", value),
)
def test_every_sheet_card_sign_and_name_gets_the_size_it_got_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Path, paper: str
) -> None:
    found: list[tuple[Any, Any]] = []
    for module in (exercises.sheets, handouts.organiser.certificates, handouts.organiser.tents):
        _recorded(monkeypatch, module, found)
    loaded = load(folder)
    workshop = loaded.workshop
    with theme_fonts(workshop):
        check(workshop, workshop.theme, paper)  # type: ignore[arg-type]
        for kind in FILES:
            path = tmp_path / kind.file
            write_organiser(kind, workshop, workshop.theme, path, options_for(loaded, paper))
    assert len(found) >= 10
    assert [chosen for chosen, _ in found] == [before for _, before in found]
