"""Exercise sheets built once per session, and readers for what participants would see."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exercises import render
from kit.model import Workshop
from kit.outputs import OUTPUTS, Output, of_audience

from ..conftest import FIXTURES, SAMPLE, Built, builder, normal, secrets
from ..conftest import render_into as shared_render_into

__all__ = ["normal", "secrets"]  # the exercise tests import them from here

OTHER = FIXTURES / "other-workshop"
WORKSHOPS = {"sample": SAMPLE, "other": OTHER}
ALL_SHEETS = tuple(kind.file for kind in OUTPUTS if kind.renderer == "exercises")
PARTICIPANT_SHEETS = tuple(
    kind.file for kind in of_audience("participant") if kind.renderer == "exercises"
)


def render_into(workshop: Workshop, out_dir: Path, paper: str = "a4") -> dict[str, Output]:
    """Render ``workshop``'s sheets into ``out_dir``; outputs by file name."""
    return shared_render_into(render, workshop, out_dir, paper=paper)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Built]:
    """``built("sample" | "other", "a4" | "letter")``: that workshop's sheets, built once."""
    return builder(tmp_path_factory, render, WORKSHOPS)


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
    return {
        "drill": {
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
        }
    }


def continuum(stages: int, scenarios: int = 3, prompts: int = 2) -> dict:
    """A continuum block with the given numbers of stages, scenarios and prompts."""
    return {
        "continuum": {
            "title": "Test continuum",
            "axis": {"start": "Left pole", "end": "Right pole"},
            "stages": [
                {"name": f"Stage name {n}", "description": f"Description of stage {n}."}
                for n in range(1, stages + 1)
            ],
            "scenarios": [
                {"text": f"Scenario text {n}.", "note": f"Secret scenario note {n}."}
                for n in range(1, scenarios + 1)
            ],
            "prompts": [f"Prompt question {n}?" for n in range(1, prompts + 1)],
        }
    }
