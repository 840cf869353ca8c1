"""The guide cues the deck: each section's and block's slide numbers match the deck."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from kit.app.build import build
from kit.model import BulletsBlock, ComparisonBlock
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, pdf_pages, raw_pages
from ..slides.test_cues import sections

WORKSHOPS = {"sample": SAMPLE, "other-workshop": FIXTURES / "other-workshop"}
DRILL = "How would you respond?"  # the sample's drill and its section


def numbers(label: str) -> list[int]:
    """``slides 14–21`` -> [14, ..., 21]; ``slide 5`` -> [5]."""
    first, _, last = label.partition("–")
    return list(range(int(first), int(last or first) + 1))


@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_guide_gives_each_section_and_block_its_slides(name: str, tmp_path: Path) -> None:
    build(WORKSHOPS[name], tmp_path, only=["slides", "handouts"])
    workshop = load(WORKSHOPS[name]).workshop
    guide = " ".join(" ".join(pdf_pages(tmp_path / "facilitator-guide.pdf")).split())
    deck = tmp_path / "deck.pptx"
    for number, (section, (_, slides)) in enumerate(
        zip(workshop.sections, sections(deck), strict=True), start=1
    ):
        heading = re.search(
            rf"{number}\. {re.escape(section.title)} \S+ · \d+ minutes · slides? ([\d–]+)", guide
        )
        assert heading, section.title
        assert numbers(heading[1]) == slides, section.title
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(deck)).slides]
    checked = 0
    for block in workshop.blocks_of(BulletsBlock) + workshop.blocks_of(ComparisonBlock):
        if not (block.notes or block.facilitator_notes):
            continue  # the guide has no heading for a block without notes
        found = re.search(rf"{re.escape(block.title)} Slides? ([\d–]+)", guide)
        assert found, block.title
        cue = numbers(found[1])
        assert titles[cue[0] - 1] == block.title
        checked += 1
    assert checked


def test_the_run_sheet_lists_every_block_with_its_slides(tmp_path: Path) -> None:
    build(SAMPLE, tmp_path, only=["slides", "handouts"])
    guide = " ".join(" ".join(raw_pages(tmp_path / "facilitator-guide.pdf")).split())
    sheet = guide[guide.index("Run sheet") : guide.index("Content note and support protocol")]
    assert "11:05–11:20 Tea break" in sheet
    # The drill's section is all drill, so the drill has all its 30 minutes, and it opens
    # on the drill's first slide (no divider repeats its title): the same slides.
    _, slides = next(found for found in sections(tmp_path / "deck.pptx") if found[0] == DRILL)
    span = f"slides {slides[0]}–{slides[-1]}"
    assert f"11:30–12:00 {DRILL} {span} 30" in sheet
    assert f"11:30 – Drill: {DRILL} {span} ≈30" in sheet
    # An activity keeps its own 7 minutes; the section's other 8 are shared by slides.
    assert "10:25 – Activity: Two columns slide 11 7 10:32 – Sex work vs trafficking" in sheet
