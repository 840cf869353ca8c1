"""Across every renderer: what participants receive holds no facilitator-only text, and
what only facilitators receive says so on every page.

The renderers' own tests check their files one by one; this builds whole workshops the
way ``kit build`` does and reads every file with pdftotext.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.app.build import build
from kit.app.outlock import LOCK_FILE
from kit.model import Workshop
from kit.outputs import OUTPUTS, kind_of, of_audience
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, normal, pdf_pages, secrets

# From the outputs registry: a new output is scanned as soon as it is registered, and it
# cannot be written without being registered (see test_every_file_written_is_registered).
PARTICIPANT_FILES = tuple(kind.file for kind in of_audience("participant"))
FACILITATOR_FILES = tuple(kind.file for kind in of_audience("facilitator"))
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


@pytest.mark.parametrize("name", FACILITATOR_FILES)
def test_facilitator_files_say_so_on_every_page(outputs: tuple[Workshop, Path], name: str) -> None:
    _, out = outputs
    pages = pdf_pages(out / name)
    assert pages
    assert [n for n, page in enumerate(pages, 1) if "FACILITATOR COPY" not in page] == []


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
