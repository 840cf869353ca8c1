"""The outputs registry: file names, numbering, and what the CLI offers."""

from __future__ import annotations

import pytest

from kit.app.cli import build as build_command
from kit.outputs import DRILL_CARDS, GUIDE, OUTPUTS, RENDERERS, kind_of


def test_numbered_exercises_name_their_second_file() -> None:
    assert DRILL_CARDS.file_name(1) == "drill-cards.pdf"
    assert DRILL_CARDS.file_name(2) == "drill-2-cards.pdf"
    assert kind_of("drill-12-cards.pdf") is DRILL_CARDS
    with pytest.raises(ValueError, match="once per workshop"):
        GUIDE.file_name(2)


@pytest.mark.parametrize("name", ["drill-1-cards.pdf", "drill-x-cards.pdf", "notes.pdf"])
def test_a_file_kit_does_not_write_has_no_kind(name: str) -> None:
    with pytest.raises(ValueError, match="not in kit's outputs registry"):
        kind_of(name)


def test_names_and_files_are_unique_and_each_file_has_one_kind() -> None:
    assert len({kind.name for kind in OUTPUTS}) == len(OUTPUTS)
    assert [kind_of(kind.file) for kind in OUTPUTS] == list(OUTPUTS)


def test_the_cli_offers_every_renderer_of_the_registry() -> None:
    only = next(p for p in build_command.params if p.name == "only")
    assert (
        tuple(only.type.choices)
        == RENDERERS
        == (
            "slides",
            "handouts",
            "exercises",
            "printlist",
        )
    )
