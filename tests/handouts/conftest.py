"""Handouts built once per session, and readers for what a reader of the PDFs would see."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from handouts import render
from kit.build import BuildOptions, Output
from kit.loader import LoadedWorkshop, load
from kit.model import Workshop

from ..conftest import FIXTURES, SAMPLE, options_for, require_tool
from ..exercises.conftest import normal, secrets

__all__ = ["normal", "secrets"]  # shared with the exercise tests, used here

WORKSHOPS = {"sample": SAMPLE, "all-blocks": FIXTURES / "all-blocks"}
HANDOUT = "handout.pdf"
LARGE_PRINT = "handout-large-print.pdf"
NOTES = "notes-handout.pdf"
DECK = "deck.pdf"
GUIDE = "facilitator-guide.pdf"
ALL = (HANDOUT, LARGE_PRINT, GUIDE, NOTES, DECK)
PRINTED = (HANDOUT, LARGE_PRINT, GUIDE, NOTES)  # on A4 or Letter, with page furniture


@dataclass(frozen=True)
class Built:
    """The handouts of one workshop on one paper, by file name."""

    loaded: LoadedWorkshop
    outputs: dict[str, Output]
    options: BuildOptions

    @property
    def workshop(self) -> Workshop:
        return self.loaded.workshop

    def path(self, name: str) -> Path:
        return self.outputs[name].path

    def pages(self, name: str) -> list[str]:
        """Each page's text in drawing order, with single spaces, like ``normal``."""
        return [" ".join(page.split()) for page in raw_pages(self.path(name))]

    def text(self, name: str) -> str:
        return " ".join(self.pages(name))


def raw_pages(path: Path) -> list[str]:
    """Each page's text in the order it was drawn (``pdftotext -raw``).

    Drawing order keeps each table cell whole, where reading order would interleave the
    lines of cells side by side.
    """
    tool = require_tool("pdftotext")
    result = subprocess.run(
        [tool, "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    )
    return result.stdout.split("\f")[:-1]


def raw_text(path: Path) -> str:
    return " ".join(" ".join(raw_pages(path)).split())


def render_into(workshop: Workshop, out_dir: Path, **options: Any) -> dict[str, Output]:
    """Render ``workshop``'s handouts into ``out_dir``; outputs by file name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = render(workshop, workshop.theme, out_dir, BuildOptions(**options))
    return {o.path.name: o for o in outputs}


def load_yaml(text: str, folder: Path) -> Workshop:
    """The workshop a YAML text describes, loaded as ``kit build`` would load it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "workshop.yaml").write_text(text, encoding="utf-8")
    return load(folder).workshop


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Built]:
    """``built("sample" | "all-blocks", "a4" | "letter")``: its handouts, built once."""
    cache: dict[tuple[str, str], Built] = {}

    def get(name: str = "sample", paper: str = "a4") -> Built:
        if (name, paper) not in cache:
            loaded = load(WORKSHOPS[name])
            out = tmp_path_factory.mktemp(f"{name}-{paper}")
            options = options_for(loaded, paper)
            outputs = render(loaded.workshop, loaded.workshop.theme, out, options)
            cache[name, paper] = Built(loaded, {o.path.name: o for o in outputs}, options)
        return cache[name, paper]

    return get
