"""Every deck passes PowerPoint's accessibility-checker rules and validates as Open XML."""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import validate_pptx

from kit.app.build import build
from kit.source.loader import load
from kit.words.langtag import language_tag

from ..conftest import SAMPLE, edition_id, editions
from .a11y import check_deck


@pytest.fixture(scope="module", params=editions(), ids=edition_id)
def deck(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder, language = request.param
    out = tmp_path_factory.mktemp("a11y-deck")
    [output] = build(folder, out, only=["slides"], language=language).written
    return output.path, language_tag(load(folder, language).workshop.language)


def test_the_deck_passes_the_accessibility_checker(deck: tuple[Path, str]) -> None:
    path, lang = deck
    assert check_deck(path, lang) == []


def test_the_deck_is_valid_open_xml(deck: tuple[Path, str]) -> None:
    result = validate_pptx(str(deck[0]))
    assert [str(error) for error in result.errors] == []


def test_the_russian_deck_is_tagged_russian(tmp_path: Path) -> None:
    [output] = build(SAMPLE, tmp_path, only=["slides"], language="ru").written
    assert check_deck(output.path, "ru-RU") == []
    assert check_deck(output.path, "en-US")  # every run is found in the wrong language
