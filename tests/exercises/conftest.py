"""Exercise sheets built once per session, and readers for what participants would see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from exercises import render
from kit import markup
from kit.build import BuildOptions, Output
from kit.loader import LoadedWorkshop, load
from kit.model import ContinuumBlock, DrillBlock, Workshop

from ..conftest import FIXTURES, SAMPLE, options_for, pdf_pages

OTHER = FIXTURES / "other-workshop"
WORKSHOPS = {"sample": SAMPLE, "other": OTHER}
PARTICIPANT_SHEETS = (
    "drill-worksheet.pdf",
    "drill-cards.pdf",
    "continuum-worksheet.pdf",
    "continuum-signs.pdf",
    "continuum-scenario-cards.pdf",
)
ALL_SHEETS = (*PARTICIPANT_SHEETS, "drill-answer-key.pdf")


def normal(text: str) -> str:
    """``text`` as extracted text compares: no emphasis markers, single spaces."""
    return " ".join(markup.plain(text).split())


@dataclass(frozen=True)
class Built:
    """The sheets of one workshop on one paper, by file name."""

    loaded: LoadedWorkshop
    outputs: dict[str, Output]

    @property
    def workshop(self) -> Workshop:
        return self.loaded.workshop

    @property
    def drill(self) -> DrillBlock:
        return self.workshop.blocks_of(DrillBlock)[0]

    @property
    def continuum(self) -> ContinuumBlock:
        return self.workshop.blocks_of(ContinuumBlock)[0]

    def path(self, name: str) -> Path:
        return self.outputs[name].path

    def pages(self, name: str) -> list[str]:
        """Each page's extracted text, normalised like ``normal``."""
        return [" ".join(page.split()) for page in pdf_pages(self.path(name))]

    def text(self, name: str) -> str:
        return " ".join(self.pages(name))


def render_into(workshop: Workshop, out_dir: Path, paper: str = "a4") -> dict[str, Output]:
    """Render ``workshop``'s sheets into ``out_dir``; outputs by file name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    options = BuildOptions(paper=paper)  # type: ignore[arg-type]
    return {o.path.name: o for o in render(workshop, workshop.theme, out_dir, options)}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Built]:
    """``built("sample" | "other", "a4" | "letter")``: that workshop's sheets, built once."""
    cache: dict[tuple[str, str], Built] = {}

    def get(name: str, paper: str = "a4") -> Built:
        if (name, paper) not in cache:
            loaded = load(WORKSHOPS[name])
            out = tmp_path_factory.mktemp(f"{name}-{paper}")
            options = options_for(loaded, paper)
            outputs = render(loaded.workshop, loaded.workshop.theme, out, options)
            cache[name, paper] = Built(loaded, {o.path.name: o for o in outputs})
        return cache[name, paper]

    return get


def workshop_with(*blocks: dict[str, Any], title: str = "Test workshop") -> Workshop:
    """A minimal valid workshop holding ``blocks`` (written as in YAML) in one section."""
    return Workshop.model_validate(
        {
            "title": title,
            "organisation": "Test Collective",
            "sections": [{"title": "Only section", "duration": 30, "blocks": list(blocks)}],
        }
    )


def drill(count: int, *, words: int = 12, title: str = "How would you respond?") -> dict:
    """A drill block with ``count`` challenges of about ``words`` words each."""
    return {"drill": {
        "title": title,
        "guidance": ["Stay calm."],
        "challenges": [
            {
                "statement": f"Statement {n} " + " ".join(f"word{n}x{i}" for i in range(words)),
                "responses": [f"Secret answer point {n} for the facilitator only."],
                "technique": f"Technique hint {n}.",
            }
            for n in range(1, count + 1)
        ],
    }}


def continuum(stages: int, scenarios: int = 3, prompts: int = 2) -> dict:
    """A continuum block with the given numbers of stages, scenarios and prompts."""
    return {"continuum": {
        "title": "Test continuum",
        "axis": {"start": "Left pole", "end": "Right pole"},
        "stages": [{"name": f"Stage name {n}", "description": f"Description of stage {n}."}
                   for n in range(1, stages + 1)],
        "scenarios": [{"text": f"Scenario text {n}.", "note": f"Secret scenario note {n}."}
                      for n in range(1, scenarios + 1)],
        "prompts": [f"Prompt question {n}?" for n in range(1, prompts + 1)],
    }}


def secrets(workshop: Workshop) -> Iterator[str]:
    """Every text meant for facilitators only: answers, scenario notes, all block notes."""
    for _, block in workshop.blocks():
        yield from (text for text in (block.notes, block.facilitator_notes) if text)
        if isinstance(block, DrillBlock):
            for challenge in block.challenges:
                yield from challenge.responses
        if isinstance(block, ContinuumBlock):
            yield from (scenario.note for scenario in block.scenarios if scenario.note)
