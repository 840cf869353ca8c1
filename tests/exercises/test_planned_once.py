"""The sheets are fitted once a build: the plan phase's ``check`` finds every text size,
and ``render`` draws at those sizes without searching again, byte for byte as if it had."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import exercises
import exercises.continuum
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


def test_a_render_after_its_check_in_one_process_draws_the_checked_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build in one process plans the sheets once: ``render`` draws the stories its
    ``check`` planned (once: a drawn story is not drawn again), and plans afresh a
    workshop it did not check."""
    loaded = load(FIXTURES / "other-workshop")
    workshop = loaded.workshop
    options = options_for(loaded, "a4")
    planned: list[object] = []
    real = exercises._planned
    with theme_fonts(workshop):
        checked = check(workshop, workshop.theme, "a4")
        monkeypatch.setattr(exercises, "_planned", lambda *a: planned.append(a) or real(*a))
        for name in ("first", "again"):
            (tmp_path / name).mkdir()
            render(workshop, workshop.theme, tmp_path / name, options, **checked.plans)
            assert len(planned) == (name == "again")
        other = load(FIXTURES / "other-workshop").workshop
        check(other, other.theme, "a4")
        (tmp_path / "other").mkdir()
        render(workshop, workshop.theme, tmp_path / "other", options, **checked.plans)
    assert len(planned) == 3  # the other workshop's check, and the render it did not check


def test_a_sign_s_lines_are_balanced_once_per_text_look_and_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A watch checks the wall signs again after every edit: each name's and description's
    balanced indent is searched once per text, look and width
    (``exercises.continuum._balanced_indent``), and the check comes out the same."""
    monkeypatch.setattr(exercises.continuum, "_INDENTS", {})
    searched: list[str] = []
    real = exercises.continuum._balanced_indent

    def counting(text: str, *rest: object) -> float | None:
        searched.append(text)
        return real(text, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(exercises.continuum, "_balanced_indent", counting)
    workshop = load(FIXTURES / "tenants-union").workshop
    with theme_fonts(workshop):
        first = check(workshop, workshop.theme, "a4")
        once = len(searched)
        assert check(workshop, workshop.theme, "a4") == first
    assert once > 0 and len(searched) == once == len(set(searched))
