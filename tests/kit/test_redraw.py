"""The sheets a rebuild leaves as they were (kit/app/redraw.py) are what it would draw.

Every block the sheets are said not to show is reworded (each of its text fields), and the
sheets are built again from scratch: every one must come out byte for byte the same, and
the sheets' inputs must compare equal. kit build --watch in a real process, counting what
it redraws, is in tests/perf/test_watch.py.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from exercises import _SHEETS
from handouts.materials import _NEEDS
from kit.app import redraw
from kit.app.build import render_loaded
from kit.app.workers import Workers
from kit.outputs import BuildOptions, kind_of
from kit.source.loader import LoadedWorkshop, load

from ..conftest import FIXTURES, SAMPLE


def test_the_kinds_the_sheets_show_are_those_their_tables_draw() -> None:
    drawn = {kind for table in (_SHEETS, _NEEDS) for kind, use in table.entries.items() if use}
    assert drawn == redraw.SHOWN


def _reworded(value: Any) -> Any:
    """Every text field of a block changed, its kind and file paths aside."""
    changes = {}
    for name, field in value:
        if isinstance(field, str) and name != "kind" and not os.path.isabs(field):
            changes[name] = f"{field} (edited)"
        elif isinstance(field, tuple):
            changes[name] = tuple(
                f"{item} (edited)" if isinstance(item, str) and name != "cite" else item
                for item in field
            )
    return value.model_copy(update=changes)


def _edited(loaded: LoadedWorkshop) -> LoadedWorkshop:
    """``loaded`` with every block the sheets do not show reworded."""
    workshop = loaded.workshop
    sections = tuple(
        section.model_copy(
            update={
                "blocks": tuple(
                    block if block.kind in redraw.SHOWN else _reworded(block)
                    for block in section.blocks
                )
            }
        )
        for section in workshop.sections
    )
    return dataclasses.replace(loaded, workshop=workshop.model_copy(update={"sections": sections}))


def _sheets(loaded: LoadedWorkshop, out: Path) -> dict[str, str]:
    result = render_loaded(loaded, out, only=["handouts", "exercises"], workers=Workers(1))
    return {
        output.path.name: hashlib.sha256(output.path.read_bytes()).hexdigest()
        for output in result.written
        if redraw.is_sheet(output.kind)
    }


@pytest.mark.parametrize(
    "folder",
    [SAMPLE, FIXTURES / "all-blocks", FIXTURES / "de-begleiten", FIXTURES / "tenants-union"],
    ids=lambda folder: folder.name,
)
def test_the_sheets_are_the_same_whatever_the_other_blocks_say(
    tmp_path: Path, folder: Path
) -> None:
    loaded = load(folder)
    edited = _edited(loaded)
    assert edited.workshop != loaded.workshop
    options = BuildOptions()
    names = ["handouts", "exercises"]
    same = redraw.sheets_input(edited.workshop, options, names)
    assert same == redraw.sheets_input(loaded.workshop, options, names)
    before = _sheets(loaded, tmp_path / "before")
    assert {kind_of(name).renderer for name in before} >= {"handouts"}
    assert _sheets(edited, tmp_path / "after") == before
