"""The hostile corpus: each case is refused with its exact located error, or builds as typed.

``cases/<name>/`` holds a workshop kit must refuse and ``expected.txt``, the exact lines kit
prints (``{path}`` is the workshop file). ``builds/<name>/`` holds a workshop that must
build, and ``expected-text.txt``, lines that must come out as typed in the deck and the
handout. Every case runs in a child process under a memory cap and a time limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import pdf_text
from .outputs import deck_text
from .runner import Run, expected_lines, run_all, snapshot

HERE = Path(__file__).resolve().parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if p.is_dir())
BUILDS = sorted(p for p in (HERE / "builds").iterdir() if p.is_dir())


def _selected(request: pytest.FixtureRequest, cases: list[Path], test: str) -> list[Path]:
    """The cases this session runs, so that ``-k one-case`` runs one child, not all."""
    names = {
        item.callspec.params["case"].name
        for item in request.session.items
        if item.originalname == test and hasattr(item, "callspec")
    }
    return [case for case in cases if case.name in names]


@pytest.fixture(scope="session")
def refused(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    cases = _selected(request, CASES, "test_hostile_input_is_refused_with_a_located_error")
    return run_all(cases, tmp_path_factory.mktemp("refused"))


@pytest.fixture(scope="session")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    cases = _selected(request, BUILDS, "test_hostile_text_builds_and_prints_as_typed")
    outputs = ("--only", "slides", "--only", "handouts")
    return run_all(cases, tmp_path_factory.mktemp("built"), *outputs)


def test_the_corpus_is_complete() -> None:
    assert len(CASES) + len(BUILDS) >= 30
    for case in CASES:
        assert (case / "expected.txt").is_file(), case.name
    for case in BUILDS:
        assert (case / "expected-text.txt").is_file(), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_is_refused_with_a_located_error(case: Path, refused: dict[str, Run]) -> None:
    run = refused[case.name]
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stderr.splitlines() == expected_lines(case, "expected.txt", run)
    assert run.returncode == 1
    assert run.stdout == ""
    assert not run.out.exists()  # nothing written, not even the output folder
    assert list(run.cwd.iterdir()) == []  # no file a YAML tag or template tried to create
    assert snapshot(run.folder) == run.before


def _images_in(path: Path) -> int:
    count = 0
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")
    return count


@pytest.mark.parametrize("case", BUILDS, ids=lambda case: case.name)
def test_hostile_text_builds_and_prints_as_typed(case: Path, built: dict[str, Run]) -> None:
    run = built[case.name]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    deck = " ".join(deck_text(run.out / "deck.pptx").split())
    handout = " ".join(pdf_text(run.out / "handout.pdf").split())
    for line in expected_lines(case, "expected-text.txt", run):
        assert line in deck
        assert line in handout
    assert _images_in(run.out / "handout.pdf") == 0  # no <img src=...> became a picture
    assert list(run.cwd.iterdir()) == []
