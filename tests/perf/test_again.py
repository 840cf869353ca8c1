"""What ``kit build --watch`` does again after each edit, done once where nothing changed.

A rebuild loads the workshop and lays the deck out again: the texts an edit left as they
were are not typeset again (``kit.source.loader._typeset_text``), no field's markers are
looked up again along a path already walked (``kit.model.fields._markers_along``), the
deck's texts are not set again at a size they were set at (``kit.layout.textfit._set``),
and a time of day is written once per locale (``kit.words.i18n._time``). Each test counts
the work beneath the remembered step; the outputs stay byte-identical (the memos return
what the work returns).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.app.plan import theme_fonts
from kit.layout import fonts, textfit
from kit.layout.deckplan import plan_deck
from kit.model import fields
from kit.source import loader
from kit.source.loader import load
from kit.words import i18n

from ..conftest import FIXTURES

BULLET = "Practice is on manikins and on each other, only with consent"


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    """A copy of another organisation's workshop (a first-aid course), to edit."""
    shutil.copytree(FIXTURES / "first-aid", tmp_path / "first-aid")
    return tmp_path / "first-aid" / "workshop.yaml"


def _counted(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[object]:
    """Each call of ``owner.name`` from now on, by its first argument."""
    calls: list[object] = []
    original = getattr(owner, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[0] if args else None)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_a_workshop_loaded_again_after_an_edit_typesets_only_the_edited_text(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader._typeset_text.cache_clear()
    bound = _counted(monkeypatch, loader, "bound")
    load(workshop)
    first = len(bound)
    source = workshop.read_text(encoding="utf-8")
    assert BULLET in source
    workshop.write_text(source.replace(BULLET, BULLET + " today"), encoding="utf-8")
    load(workshop)
    assert first > 100 and bound[first:] == [BULLET + " today"]


def test_a_workshop_loaded_again_walks_no_field_path_again(workshop: Path) -> None:
    fields._markers_along.cache_clear()
    load(workshop)
    walked = fields._markers_along.cache_info()
    load(workshop)
    again = fields._markers_along.cache_info()
    assert walked.misses > 20 and again.misses == walked.misses
    assert again.hits > walked.hits


def test_a_deck_planned_again_sets_no_text_again(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "_MEMOS", {})  # as a new process starts
    wraps = _counted(monkeypatch, textfit, "wrap")
    chosen = load(workshop).workshop
    with theme_fonts(chosen):
        first = plan_deck(chosen)
        laid = len(wraps)
        assert plan_deck(load(workshop).workshop) == first
    assert laid > 100 and len(wraps) == laid


def test_a_time_of_day_is_written_once_per_locale(workshop: Path) -> None:
    i18n._time.cache_clear()
    chosen = load(workshop).workshop
    with theme_fonts(chosen):
        plan_deck(chosen)
    written = i18n._time.cache_info()
    assert written.hits > 10 * written.misses > 0  # the agenda's and the dividers' times
