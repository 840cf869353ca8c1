"""A paragraph's line partings are searched once per font (kit.layout.breaks._para_parting).

``kit build --watch`` plans the deck again after every edit; the search for where a
designer would part each short paragraph's lines took most of a warm plan of the sample.
An edit to one bullet searches again only the paragraphs it changed, and the deck comes
out as a plan from scratch lays it out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.app.plan import theme_fonts
from kit.layout import breaks, fonts
from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import DeckLayout
from kit.source.loader import load

from ..conftest import FIXTURES

BULLET = "Practice is on manikins and on each other, only with consent"


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The word count of each paragraph whose partings are searched (not each recursion)."""
    counted: list[int] = []
    partings = breaks._partings

    def counting(words: int, count: int, *rest: object) -> Iterator[list[int]]:
        if len(rest) < 3:  # the search's first call; it recurses with a start
            counted.append(words)
        return partings(words, count, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(breaks, "_partings", counting)
    return counted


def _planned(folder: Path, text: str) -> DeckLayout:
    file = folder / "workshop.yaml"
    file.write_text(text, encoding="utf-8")
    workshop = load(file).workshop
    with theme_fonts(workshop):
        return plan_deck(workshop)


def test_a_deck_planned_again_after_an_edit_searches_only_what_changed(
    searches: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (FIXTURES / "first-aid" / "workshop.yaml").read_text(encoding="utf-8")
    assert BULLET in source
    monkeypatch.setattr(fonts, "_MEMOS", {})  # as a new process starts
    _planned(tmp_path, source)
    first = len(searches)
    edited = source.replace(BULLET, BULLET.replace("each other", "one another"))
    again = _planned(tmp_path, edited)
    searched_again = len(searches) - first
    assert 0 < searched_again <= 4  # the bullet's paragraph, at a size or two
    monkeypatch.setattr(fonts, "_MEMOS", {})
    assert _planned(tmp_path, edited) == again
    assert len(searches) - first - searched_again == first  # from scratch: all again
