"""Across every renderer: what participants receive holds no facilitator-only text, and
what only facilitators or the presenter receive says so on every page or slide.

The renderers' own tests check their files one by one; this builds whole workshops the
way ``kit build`` does and reads every file with pdftotext.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from kit.app.build import build
from kit.app.outlock import LOCK_FILE
from kit.model import Workshop
from kit.outputs import DECK, OUTPUTS, SHARED_SLIDES, kind_of, of_audience
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, normal, pdf_pages, secrets
from ..readers import soffice_convert

# From the outputs registry: a new output is scanned as soon as it is registered, and it
# cannot be written without being registered (see test_every_file_written_is_registered).
PARTICIPANT_FILES = tuple(kind.file for kind in of_audience("participant"))
FACILITATOR_FILES = tuple(kind.file for kind in of_audience("facilitator"))
PRESENTER_PDFS = tuple(kind.file for kind in of_audience("presenter") if kind.file.endswith(".pdf"))
WORKSHOPS = {"sample": SAMPLE, "all-blocks": FIXTURES / "all-blocks"}


@pytest.fixture(scope="module", params=list(WORKSHOPS))
def outputs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp(request.param)
    build(WORKSHOPS[request.param], out)
    return load(WORKSHOPS[request.param]).workshop, out


def _opening(text: str) -> str:
    """The first six words: long enough to be unique, short enough not to wrap twice."""
    return " ".join(normal(text).split()[:6])


@pytest.mark.parametrize("name", PARTICIPANT_FILES)
def test_participant_files_hold_no_facilitator_text(
    outputs: tuple[Workshop, Path], name: str
) -> None:
    workshop, out = outputs
    text = " ".join(" ".join(pdf_pages(out / name)).split())
    hidden = list(secrets(workshop))
    assert hidden  # the check has something to find
    assert [secret for secret in hidden if _opening(secret) in text] == []
    assert "FACILITATOR" not in text
    assert "PRESENTER" not in text


@pytest.mark.parametrize("name", FACILITATOR_FILES)
def test_facilitator_files_say_so_on_every_page(outputs: tuple[Workshop, Path], name: str) -> None:
    _, out = outputs
    pages = pdf_pages(out / name)
    assert pages
    assert [n for n, page in enumerate(pages, 1) if "FACILITATOR COPY" not in page] == []


@pytest.mark.parametrize("name", PRESENTER_PDFS)
def test_presenter_pdfs_say_so_on_every_page(outputs: tuple[Workshop, Path], name: str) -> None:
    _, out = outputs
    pages = pdf_pages(out / name)
    assert pages
    assert [n for n, page in enumerate(pages, 1) if "PRESENTER COPY" not in page] == []


def test_the_deck_says_presenter_copy_on_every_slide_as_libreoffice_shows_it(
    outputs: tuple[Workshop, Path], tmp_path: Path
) -> None:
    _, out = outputs
    [render] = soffice_convert([out / DECK.file], tmp_path)
    pages = pdf_pages(render)
    assert len(pages) == len(Presentation(str(out / DECK.file)).slides)
    assert [n for n, page in enumerate(pages, 1) if "PRESENTER COPY" not in page] == []


def test_the_slides_to_share_are_the_deck_without_responses_or_notes(
    outputs: tuple[Workshop, Path],
) -> None:
    """Every slide a participant may see, numbered as in the deck; no response slide."""
    _, out = outputs
    deck = Presentation(str(out / DECK.file))
    shared = [" ".join(page.split()) for page in pdf_pages(out / SHARED_SLIDES.file)]
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title]
    responses = [n for n, title in enumerate(titles, 1) if "suggested responses" in title]
    assert responses  # both workshops have a drill
    kept = [n for n in range(1, len(deck.slides) + 1) if n not in responses]
    assert len(shared) == len(kept)
    # Each page ends with the number its slide has in the deck.
    assert [int(page.split()[-1]) for page in shared] == kept
    assert not any("suggested responses" in page for page in shared)


def test_the_secret_check_can_fail(outputs: tuple[Workshop, Path]) -> None:
    """The guide prints every facilitator-only text, so the check above has teeth."""
    workshop, out = outputs
    guide = " ".join(" ".join(pdf_pages(out / "facilitator-guide.pdf")).split())
    assert [s for s in secrets(workshop) if _opening(s) not in guide] == []


def test_every_file_written_is_registered(outputs: tuple[Workshop, Path]) -> None:
    """Every file has a kind, hence an audience, and every kind is written by these builds."""
    _, out = outputs
    files = [path for path in out.iterdir() if path.name != LOCK_FILE]  # kit's, not an output
    kinds = {kind_of(path.name) for path in files}  # ValueError names a stray file
    assert kinds == set(OUTPUTS)
