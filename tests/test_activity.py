"""The `activity` block across renderers: a slide, the handout, the guide and its print list.

Built from the tenants' union fixture, which the sample's wording was never tuned to.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from handouts import render as render_handouts
from handouts.materials import materials
from kit.app.build import build
from kit.model import ActivityBlock
from kit.outputs import ROOM_LIST
from kit.source.loader import load

from .conftest import FIXTURES, normal, pdf_text, render_into

OTHER = FIXTURES / "other-workshop"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[ActivityBlock, Path]:
    out = tmp_path_factory.mktemp("activity")
    build(OTHER, out, only=["slides", "handouts"])
    return load(OTHER).workshop.blocks_of(ActivityBlock)[0], out


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_slide_shows_the_steps_and_the_notes_hold_the_facilitators_part(
    built: tuple[ActivityBlock, Path],
) -> None:
    activity, out = built
    deck = Presentation(str(out / "deck.pptx"))
    slide = next(s for s in deck.slides if s.shapes.title.text == activity.title)
    shown = _flat(" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))
    notes = _flat(slide.notes_slide.notes_text_frame.text)
    assert "10 minutes · in groups of 3" in shown
    assert all(normal(step) in shown for step in activity.instructions)
    assert all(normal(step) in notes for step in activity.facilitator_instructions)
    assert not any(normal(step) in shown for step in activity.facilitator_instructions)


@pytest.mark.parametrize("handout", ["handout.pdf", "handout-large-print.pdf"])
def test_the_handout_has_the_participants_instructions_only(
    built: tuple[ActivityBlock, Path], handout: str
) -> None:
    activity, out = built
    text = _flat(pdf_text(out / handout))
    assert all(normal(step) in text for step in activity.instructions)
    assert "You need: A3 sheet, Three coloured pens" in text
    assert not any(normal(step)[:40] in text for step in activity.facilitator_instructions)


def test_the_guide_runs_it_and_the_room_list_has_its_materials(
    built: tuple[ActivityBlock, Path],
) -> None:
    activity, out = built
    text = _flat(pdf_text(out / "facilitator-guide.pdf"))
    assert "Activity: Map your building" in text
    assert "10 minutes · in groups of 3 How to run it" in text
    assert all(normal(step) in text for step in activity.facilitator_instructions)
    # The run sheet gives it its own 10 minutes, not a share by slides (no ≈).
    assert re.search(r"20:00 – Activity: Map your building slide \d+ 10 20:10 ", text)
    needed = {m.item: (m.file, m.copies) for m in materials(load(OTHER).workshop, 20)}
    assert needed["A3 sheet"] == ("", 7)  # 20 people in groups of 3
    room = _flat(pdf_text(out / ROOM_LIST.file))
    assert "A3 sheet 7 Map your building: one per group (7 groups)" in room


def test_alone_means_a_set_each(tmp_path: Path) -> None:
    data = yaml.safe_load((OTHER / "workshop.yaml").read_text(encoding="utf-8"))
    blocks = data["sections"][-1]["blocks"]
    blocks[0]["activity"]["group_size"] = 1
    (tmp_path / "workshop.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    workshop = load(tmp_path).workshop
    assert {m.copies for m in materials(workshop, 20) if not m.file} == {20}


def test_the_russian_words(tmp_path: Path) -> None:
    data = yaml.safe_load((OTHER / "workshop.yaml").read_text(encoding="utf-8"))
    data["language"] = "ru"
    (tmp_path / "workshop.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    workshop = load(tmp_path).workshop
    written = render_into(render_handouts, workshop, tmp_path / "out")
    guide = _flat(pdf_text(written["facilitator-guide.pdf"].path))
    assert "Задание: Map your building" in guide
    assert "10 минут · в группах по 3 чел. Как проводить" in guide  # the plural form
    assert "Что делают участники" in guide
    handout = _flat(pdf_text(written["handout.pdf"].path))
    assert "Понадобится: A3 sheet" in handout
