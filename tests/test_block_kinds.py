"""One place per block kind: every renderer's table names every kind of the model."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

from kit.model import BLOCK_KINDS
from kit.model.kinds import BlockTable

PACKAGES = ("kit", "slides", "handouts", "exercises")
# Tables that must exist: losing one would take its kinds out of this test unnoticed.
EXPECTED = {
    "deck planner",
    "participant handout",
    "facilitator guide",
    "exercise sheets",
    "print list",
    "web edition",
}


def _modules() -> list[ModuleType]:
    modules = []
    for name in PACKAGES:
        package = importlib.import_module(name)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            if not info.name.endswith(".__main__"):  # running it would start the CLI
                modules.append(importlib.import_module(info.name))
    return modules


def _tables() -> dict[str, BlockTable]:
    found = {}
    for module in _modules():
        for value in vars(module).values():
            if isinstance(value, BlockTable):
                found[value.renderer] = value
    return found


TABLES = _tables()


def test_every_expected_table_is_found() -> None:
    assert set(TABLES) >= EXPECTED


@pytest.mark.parametrize("renderer", sorted(TABLES))
def test_the_table_handles_every_block_kind(renderer: str) -> None:
    table = TABLES[renderer]
    assert table.missing() == (), f"{renderer} lacks block kinds {table.missing()}"
    assert table.unknown() == ()


def test_every_kind_is_declared_once() -> None:
    assert len(set(BLOCK_KINDS)) == len(BLOCK_KINDS)


def test_a_renderer_lacking_a_kind_fails() -> None:
    """The deck planner's table without ``activity``: the check names the missing kind."""
    full = TABLES["deck planner"]
    entries = {kind: draw for kind, draw in full.entries.items() if kind != "activity"}
    lacking = BlockTable("deck planner", entries)
    assert lacking.missing() == ("activity",)
    assert BlockTable("deck planner", {**full.entries, "chart": None}).unknown() == ("chart",)
