"""The guide's print list: the right counts, and file names the renderers really write."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises import render as render_exercises
from handouts.materials import groups, materials, spares
from kit.outputs import BuildOptions, kind_of
from kit.source.loader import load

from ..conftest import SAMPLE
from .conftest import DECK, load_yaml, render_into

TWO_DRILLS = """
title: Two drills
organisation: Test Collective
presenters: [Ana, Ben, Cy]
sections:
  - title: Practice
    duration: 30
    blocks:
      - drill: {challenges: [{statement: One?, responses: [A]}]}
      - drill: {title: Again, challenges: [{statement: Two?, responses: [B]}]}
      - continuum:
          title: Line
          axis: {start: All, end: None}
          stages: [{name: A, description: a}, {name: B, description: b}, {name: C, description: c}]
"""


@pytest.mark.parametrize(
    ("participants", "expected_groups", "expected_spares"),
    [(1, 1, 2), (4, 1, 2), (5, 1, 2), (6, 2, 2), (20, 4, 2), (21, 5, 3), (33, 7, 4)],
)
def test_group_and_spare_counts(
    participants: int, expected_groups: int, expected_spares: int
) -> None:
    assert groups(participants) == expected_groups
    assert spares(participants) == expected_spares
    assert participants / groups(participants) <= 5


def test_counts_for_twenty_people() -> None:
    needed = materials(load(SAMPLE).workshop, 20)
    # The activity's materials are brought, one set per group of 3: no file of kit's.
    brought = {m.item: m.copies for m in needed if not m.file}
    assert brought == {"Sheet of flip-chart paper": 7, "Pad of sticky notes": 7, "Marker pen": 7}
    copies = {m.file: m.copies for m in needed if m.file}
    assert copies == {
        "handout.pdf": 22,
        "handout-large-print.pdf": 2,
        "facilitator-guide.pdf": 2,
        "drill-worksheet.pdf": 20,
        "drill-cards.pdf": 4,
        "drill-answer-key.pdf": 2,
        "continuum-worksheet.pdf": 20,
        "continuum-scenario-cards.pdf": 4,
        "continuum-signs.pdf": 1,
        "notes-handout.pdf": 20,
        "sign-in-sheet.pdf": 1,
        "evaluation-form.pdf": 20,
        "certificates.pdf": 20,
        "name-tents.pdf": 20,
        "room-and-materials.pdf": 1,
    }


@pytest.mark.parametrize("source", ["sample", "two-drills"])
def test_every_file_named_is_written_and_every_printable_file_named(
    source: str, tmp_path: Path
) -> None:
    workshop = load(SAMPLE).workshop if source == "sample" else load_yaml(TWO_DRILLS, tmp_path)
    out = tmp_path / "out"
    written = set(render_into(workshop, out))
    written |= {
        o.path.name for o in render_exercises(workshop, workshop.theme, out, BuildOptions())
    }
    named = {m.file for m in materials(workshop, 12) if m.file}
    assert named == {name for name in written if kind_of(name).printed}
    assert DECK in written  # the deck is written, but projected, not printed
