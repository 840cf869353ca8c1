"""Presenter's cues in the deck: PowerPoint sections per workshop section, and builds that
show bullets one click at a time, checked in the saved file and by openxml-audit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from kit.app.build import build
from kit.model import BulletsBlock, DrillBlock
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE

P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
WORKSHOPS = {"sample": SAMPLE, "other-workshop": FIXTURES / "other-workshop"}


@pytest.fixture(scope="module", params=list(WORKSHOPS))
def deck(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(request.param)
    build(WORKSHOPS[request.param], out, only=["slides"])
    return out / "deck.pptx"


def sections(path: Path) -> list[tuple[str, list[int]]]:
    """Each PowerPoint section's name and its slides' positions (1-based), in order."""
    prs = Presentation(str(path))
    position = {
        int(slide_id.get("id")): number
        for number, slide_id in enumerate(prs.slides._sldIdLst, start=1)
    }
    return [
        (section.get("name"), [position[int(s.get("id"))] for s in section.iter(f"{P14}sldId")])
        for section in prs.part._element.iter(f"{P14}section")
    ]


def test_sections_are_the_workshop_sections_with_their_slides(deck: Path) -> None:
    name = deck.parent.name.rstrip("0123456789")
    workshop = load(WORKSHOPS[name]).workshop
    found = sections(deck)
    assert [title for title, _ in found] == [s.title for s in workshop.sections]
    numbers = [n for _, slides in found for n in slides]
    prs = Presentation(str(deck))
    assert numbers == list(range(1, len(prs.slides) + 1))  # every slide once, in order
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    for section, (_, slides) in zip(workshop.sections, found, strict=True):
        if section.divider and section is not workshop.sections[0]:
            # Opens on its divider, whose title's last line is the section's title.
            assert titles[slides[0] - 1].splitlines()[-1] == section.title


def clicks(slide: Any) -> list[tuple[int, int, int]]:
    """(shape id, first, last paragraph) of each click of the slide's build."""
    timing = slide._element.find(qn("p:timing"))
    if timing is None:
        return []
    return [
        (int(target.get("spid")), int(rng.get("st")), int(rng.get("end")))
        for target in timing.iter(qn("p:spTgt"))
        for rng in target.iter(qn("p:pRg"))
    ]


def test_drill_responses_and_asked_for_bullets_appear_one_click_at_a_time(deck: Path) -> None:
    name = deck.parent.name.rstrip("0123456789")
    workshop = load(WORKSHOPS[name]).workshop
    prs = Presentation(str(deck))
    expected = {}
    for drill in workshop.blocks_of(DrillBlock):
        for challenge in drill.challenges:
            expected[challenge.responses[0]] = len(challenge.responses)
    for bullets in workshop.blocks_of(BulletsBlock):
        if bullets.build:
            expected[bullets.items[0].text] = len(bullets.items)
    assert expected
    built: dict[str, int] = {}
    first = ""
    for slide in prs.slides:
        steps = clicks(slide)
        if not steps:
            continue
        (shape_id,) = {shape for shape, _, _ in steps}
        shape = next(s for s in slide.shapes if s.shape_id == shape_id)
        paragraphs = [p.text.replace("\v", " ") for p in shape.text_frame.paragraphs]  # as read
        # a run continued at the deck's type size goes on clicking on its "(cont.)" slides
        if "(cont." not in slide.shapes.title.text_frame.text:
            first = paragraphs[0]
        built[first] = built.get(first, 0) + len(steps)
        assert steps[-1][2] == len(paragraphs) - 1  # the last click shows the last bullet
    for first, count in expected.items():
        assert built.get(first.replace("**", "").replace("*", "")) == count, first


def test_the_deck_passes_openxml_audit(deck: Path) -> None:
    audit = Path(sys.executable).parent / "openxml-audit"
    result = subprocess.run([str(audit), str(deck)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Errors: 0" in result.stdout


@pytest.mark.parametrize("name", ["branded", "first-aid"])
def test_decks_on_a_template_and_in_four_by_three_pass_too(name: str, tmp_path: Path) -> None:
    """On a designed 4:3 template and on a plain 4:3 deck: the sections, and a clean audit."""
    build(FIXTURES / name, tmp_path, only=["slides"])
    deck = tmp_path / "deck.pptx"
    workshop = load(FIXTURES / name).workshop
    assert [title for title, _ in sections(deck)] == [s.title for s in workshop.sections]
    audit = Path(sys.executable).parent / "openxml-audit"
    result = subprocess.run([str(audit), str(deck)], capture_output=True, text=True)
    assert result.returncode == 0 and "Errors: 0" in result.stdout, result.stdout
