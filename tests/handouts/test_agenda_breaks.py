"""Breaks between sections: clock times, the deck's agenda slide, the handout and the guide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation

from kit.errors import ContentError
from kit.model.schedule import BreakItem, agenda, timetable, total_minutes
from kit.source.loader import load
from slides import render as render_deck

from ..conftest import SAMPLE, pdf_pages, render_into
from .conftest import GUIDE, HANDOUT, load_yaml
from .conftest import render_into as render_handouts

WORKSHOP = """
title: Breaks
organisation: Test Collective
start_time: "09:00"
duration: 95
sections:
  - title: Morning
    duration: 40
    break_after: {duration: 15, label: Coffee}
  - title: Middle
    duration: 20
    break_after: {duration: 10}
  - title: End
    duration: 10
"""


def test_breaks_move_the_clock(tmp_path: Path) -> None:
    workshop = load_yaml(WORKSHOP, tmp_path)
    span = workshop.interface_words().span
    spans = [(span(i.start, i.end), isinstance(i, BreakItem)) for i in timetable(workshop)]
    assert spans == [
        ("09:00–09:40", False),
        ("09:40–09:55", True),
        ("09:55–10:15", False),
        ("10:15–10:25", True),
        ("10:25–10:35", False),
    ]
    assert agenda(workshop)[-1].start == dt.time(10, 25)
    assert total_minutes(workshop) == 95


def test_a_break_after_the_last_section_is_located(tmp_path: Path) -> None:
    text = WORKSHOP + "    break_after: {duration: 5}\n"
    with pytest.raises(ContentError) as caught:
        load_yaml(text, tmp_path)
    (problem,) = caught.value.problems
    assert problem.field == "sections[2].break_after"
    assert (
        problem.message == "the last section cannot have a break after it: the workshop ends there"
    )


def test_the_deck_agenda_shows_the_breaks(tmp_path: Path) -> None:
    workshop = load_yaml(WORKSHOP, tmp_path / "in")
    outputs = render_into(render_deck, workshop, tmp_path / "out")
    deck = Presentation(str(outputs["deck.pptx"].path))
    agenda_slide = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Agenda")
    text = " ".join(
        shape.text_frame.text for shape in agenda_slide.shapes if shape.has_text_frame
    ) + " ".join(
        cell.text
        for shape in agenda_slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    )
    assert "09:40–09:55" in text and "Coffee" in text
    assert "10:15–10:25" in text and "Break" in text


def test_the_handout_and_guide_show_the_sample_break(tmp_path: Path) -> None:
    workshop = load(SAMPLE).workshop
    outputs = render_handouts(workshop, tmp_path)
    for name in (HANDOUT, GUIDE):
        text = " ".join(" ".join(pdf_pages(outputs[name].path)).split())
        assert "11:05–11:20 Tea break" in text, name
    guide = " ".join(" ".join(pdf_pages(outputs[GUIDE].path)).split())
    assert "Tea break · 11:05–11:20 · 15 minutes" in guide
