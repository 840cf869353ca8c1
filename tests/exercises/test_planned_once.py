"""The sheets are fitted once a build: the plan phase's ``check`` finds every text size,
and ``render`` draws at those sizes without searching again, byte for byte as if it had."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import exercises.sheets
from exercises import check, render
from kit.app.plan import theme_fonts
from kit.source.loader import load

from ..conftest import FIXTURES, options_for


def _digests(outputs: list) -> dict[str, str]:
    return {o.path.name: hashlib.sha256(o.path.read_bytes()).hexdigest() for o in outputs}


@pytest.mark.parametrize(("fixture", "paper"), [("other-workshop", "letter"), ("fr-accueil", "a4")])
def test_sheets_drawn_at_the_checked_sizes_are_the_sheets_fitted_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: str, paper: str
) -> None:
    loaded = load(FIXTURES / fixture)
    workshop = loaded.workshop
    options = options_for(loaded, paper)
    with theme_fonts(workshop):
        checked = check(workshop, workshop.theme, paper)
        (tmp_path / "afresh").mkdir()
        afresh = render(workshop, workshop.theme, tmp_path / "afresh", options)
        searched: list[float] = []
        real = exercises.sheets.fit_size
        monkeypatch.setattr(
            exercises.sheets, "fit_size", lambda *a: searched.append(a[1]) or real(*a)
        )
        (tmp_path / "checked").mkdir()
        drawn = render(workshop, workshop.theme, tmp_path / "checked", options, **checked.plans)
    assert checked.problems == [] and len(checked.plans["sizes"]) >= 3
    assert searched == []  # no size searched for again
    assert _digests(drawn) == _digests(afresh) and len(drawn) >= 3
