"""Across every renderer: what participants receive holds no facilitator-only text, and
what only facilitators or the presenter receive says so on every page or slide.

The renderers' own tests check their files one by one; this builds whole workshops the
way ``kit build`` does and reads every file with pdftotext.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from kit.app.build import build
from kit.app.outlock import LOCK_FILE
from kit.model import Workshop
from kit.outputs import DECK, OUTPUTS, SHARED_SLIDES, kind_of, of_audience
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, normal, pdf_pages, secrets
from ..readers import Box, Page, soffice_convert, word_pages

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


# LibreOffice's notes pages: the slide's picture at the top, its notes below it.
NOTES_PAGES = "impress_pdf_Export:" + json.dumps(
    {
        name: {"type": "boolean", "value": "true"}
        for name in ("ExportNotesPages", "ExportOnlyNotesPages")
    }
)


def test_every_notes_page_of_the_deck_says_presenter_copy(
    outputs: tuple[Workshop, Path], tmp_path: Path
) -> None:
    """The notes carry facilitator-only text: each notes page says whose copy it is above
    them, in the notes pane (python-pptx) and on the notes pages LibreOffice prints."""
    _, out = outputs
    slides = Presentation(str(out / DECK.file)).slides
    noted = [n for n, slide in enumerate(slides, 1) if slide.has_notes_slide]
    assert len(noted) > len(slides) / 2
    first_lines = [slides[n - 1].notes_slide.notes_text_frame.text.split("\n")[0] for n in noted]
    assert first_lines == ["PRESENTER COPY"] * len(noted)
    [render] = soffice_convert([out / DECK.file], tmp_path, export=NOTES_PAGES)
    pages = word_pages(render)
    assert len(pages) == len(slides)
    assert all(page.height > page.width for page in pages)  # notes pages, not the slides
    # The slide's picture ends with its footer's mark; the notes' own stands below it.
    marks = {n: sorted(box.y0 for box in _boxes(pages[n - 1], "PRESENTER COPY")) for n in noted}
    unmarked = [n for n, ys in marks.items() if len(ys) < 2 or ys[-1] < ys[0] + 20]
    assert unmarked == []


def _boxes(page: Page, phrase: str) -> list[Box]:
    """Where ``phrase`` stands on ``page``, every time it does."""
    texts = [word.text for word in page.words]
    size = len(phrase.split())
    return [
        page.words[start].box.union(page.words[start + size - 1].box)
        for start in range(len(texts) - size + 1)
        if texts[start : start + size] == phrase.split()
    ]


def test_the_slides_to_share_are_the_deck_without_responses_or_notes(
    outputs: tuple[Workshop, Path],
) -> None:
    """Every slide a participant may see, numbered from 1 without a gap; no response slide."""
    _, out = outputs
    deck = Presentation(str(out / DECK.file))
    shared = [" ".join(page.split()) for page in pdf_pages(out / SHARED_SLIDES.file)]
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title]
    responses = [n for n, title in enumerate(titles, 1) if "suggested responses" in title]
    assert responses  # both workshops have a drill
    kept = [n for n in range(1, len(deck.slides) + 1) if n not in responses]
    assert len(shared) == len(kept)
    # The deck's slides in order, each page ending with its own number: none skipped.
    assert [page.split()[-1] for page in shared] == [str(n) for n in range(1, len(kept) + 1)]
    openings = [" ".join(titles[n - 1].split()[:2]) for n in kept]  # a long title is cut
    assert [o for o, page in zip(openings, shared) if o not in page] == []
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
