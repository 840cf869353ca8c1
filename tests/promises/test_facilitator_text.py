"""No participant file holds a sentence of facilitator-only text, however long the text runs.

The drill's first challenge has 14 responses and its second one answer too long for one
slide, so both continue onto "(cont.)" slides; every sentence of every response,
facilitator note and scenario note is looked for in every participant file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.model import Workshop

from ..conftest import normal, pdf_pages, raw_pages, secrets
from ..hostile.test_participant_copies import FACILITATOR_FILES, PARTICIPANT_FILES
from .conftest import LongBuild


def facilitator_sentences(workshop: Workshop) -> list[str]:
    """Every sentence of the text the model marks facilitator-only (responses, notes, ...)."""
    texts = secrets(workshop)
    sentences = (s for text in texts for s in re.split(r"(?<=[.!?])\s+", normal(text)))
    return [s for s in sentences if len(s.split()) >= 4]  # shorter ones may be anyone's words


def _readings(path: Path) -> str:
    """The file's text in reading order and in drawing order, each on single spaces.

    The web edition (HTML) is read as its visible text, both times.
    """
    return (
        " ".join(" ".join(pdf_pages(path)).split())
        + "\n"
        + " ".join(" ".join(raw_pages(path)).split())
    )


@pytest.mark.parametrize("name", PARTICIPANT_FILES)
def test_no_participant_file_holds_a_facilitator_sentence(long_build: LongBuild, name: str) -> None:
    text = _readings(long_build.out / name)
    sentences = facilitator_sentences(long_build.loaded.workshop)
    assert len(sentences) > 40
    assert [s for s in sentences if s in text] == []


def test_the_sentence_check_finds_what_facilitators_get(long_build: LongBuild) -> None:
    """Each sentence is found in the facilitator files or the deck: the check has teeth."""
    text = "\n".join(_readings(long_build.out / n) for n in (*FACILITATOR_FILES, "deck.pdf"))
    assert [s for s in facilitator_sentences(long_build.loaded.workshop) if s not in text] == []


def test_the_long_drill_continues_onto_more_slides(long_build: LongBuild) -> None:
    pages = [" ".join(page.split()) for page in raw_pages(long_build.out / "deck.pdf")]
    # Slide titles are unique: "(cont.)", then "(cont. 2)", "(cont. 3)"...
    assert sum("Challenge 1: suggested responses (cont." in page for page in pages) >= 2
    assert sum("Challenge 2: suggested responses (cont." in page for page in pages) >= 1
