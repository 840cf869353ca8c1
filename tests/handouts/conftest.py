"""Handouts built once per session, and readers for what a reader of the PDFs would see."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from handouts import render
from kit import outputs
from kit.model import Workshop
from kit.outputs import Output
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, Built, builder, normal, raw_pages, secrets
from ..conftest import render_into as shared_render_into

__all__ = ["normal", "raw_pages", "secrets"]  # the handout tests import them from here

WORKSHOPS = {"sample": SAMPLE, "all-blocks": FIXTURES / "all-blocks"}
HANDOUT = outputs.HANDOUT.file
LARGE_PRINT = outputs.LARGE_PRINT.file
GUIDE = outputs.GUIDE.file
NOTES = outputs.NOTES_HANDOUT.file
DECK = outputs.DECK_PDF.file
SHARED_SLIDES = outputs.SHARED_SLIDES.file
PARTICIPANT_HANDOUTS = tuple(
    kind.file for kind in outputs.of_audience("participant") if kind.renderer == "handouts"
)
SIGN_IN = outputs.SIGN_IN.file
EVALUATION = outputs.EVALUATION.file
CERTIFICATES = outputs.CERTIFICATES.file
NAME_TENTS = outputs.NAME_TENTS.file
ROOM_LIST = outputs.ROOM_LIST.file
LANDSCAPE = (SIGN_IN, CERTIFICATES)  # on A4 or Letter turned
PORTRAIT = (HANDOUT, LARGE_PRINT, GUIDE, NOTES, EVALUATION, NAME_TENTS, ROOM_LIST)
SLIDE_SIZED = (DECK, SHARED_SLIDES)  # a page the size of a slide
ALL = (*PORTRAIT, *SLIDE_SIZED, *LANDSCAPE)
PRINTED = PORTRAIT  # on A4 or Letter


def raw_text(path: Path) -> str:
    return " ".join(" ".join(raw_pages(path)).split())


def render_into(workshop: Workshop, out_dir: Path, **options: Any) -> dict[str, Output]:
    """Render ``workshop``'s handouts into ``out_dir``; outputs by file name."""
    return shared_render_into(render, workshop, out_dir, **options)


def load_yaml(text: str, folder: Path) -> Workshop:
    """The workshop a YAML text describes, loaded as ``kit build`` would load it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "workshop.yaml").write_text(text, encoding="utf-8")
    return load(folder).workshop


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Built]:
    """``built("sample" | "all-blocks", "a4" | "letter")``: its handouts, built once."""
    return builder(tmp_path_factory, render, WORKSHOPS, raw_pages)
