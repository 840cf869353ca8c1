"""Renderers in worker processes: the bytes of one after another, and the folder all old or
all new.

The workers are real processes, started as a build starts them. A renderer that fails in
one is a module they import by name (tests/kit/failing_renderer.py, dying_renderer.py), put
in the build's table of renderers in place of the handouts.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

import handouts
from kit.app import plan
from kit.app.build import RENDERERS, build
from kit.app.workers import Shared, Workers
from kit.errors import BuildError
from kit.outputs import OutputKind

from ..conftest import FIXTURES, ROOT, SAMPLE

WORKSHOP = FIXTURES / "all-blocks"
FAILING = "tests.kit.failing_renderer"
PROBE = "tests.kit.warm_probe"


def _digests(out: Path) -> dict[str, str]:
    """Every file kit wrote into ``out``, by name: its SHA-256."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.iterdir())
        if path.is_file() and not path.name.startswith(".kit-")
    }


def _kit_files_left(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".kit-"))


@pytest.mark.parametrize("workshop", [SAMPLE, FIXTURES / "branded"], ids=["sample", "branded"])
def test_workers_write_the_bytes_of_one_renderer_after_another(
    tmp_path: Path, workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample, and a template with a logo and a picture: every file the same, the
    handouts' files each drawn by a task of its own, those drawn without the deck (their
    pictures prepared again) handed out before the deck is laid out."""
    serial = build(workshop, tmp_path / "serial", workers=Workers(1))
    workers = Workers(2)
    tasks: list[tuple[str, tuple[OutputKind, ...] | None]] = []
    submit = workers.submit

    def counted(module: str, shared: Shared, folder: Path, files: Any = None) -> Any:
        tasks.append((module, files))
        return submit(module, shared, folder, files)

    workers.submit = counted  # type: ignore[method-assign]
    lay_out = plan.plan_deck
    monkeypatch.setattr(plan, "plan_deck", lambda w: (tasks.append(("deck", None)), lay_out(w))[1])
    parallel = build(workshop, tmp_path / "parallel", workers=workers)
    early = [kind for kind in handouts.FILES if kind in handouts.WITHOUT_DECK]
    assert len(early) >= 4
    assert tasks == [
        *(("handouts", (kind,)) for kind in early),
        ("deck", None),
        ("slides", None),
        ("exercises", None),
        *(("handouts", (kind,)) for kind in handouts.FILES if kind not in early),
    ]
    assert [o.path.name for o in parallel.written] == [o.path.name for o in serial.written]
    assert len(serial.written) >= 15
    assert _digests(tmp_path / "parallel") == _digests(tmp_path / "serial")


@pytest.fixture
def old_and_new(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An A4 build to rebuild on Letter, and the files of a Letter build."""
    build(WORKSHOP, tmp_path / "new", paper="letter", workers=Workers(1))
    out = tmp_path / "out"
    build(WORKSHOP, out, workers=Workers(1))
    old, new = _digests(out), _digests(tmp_path / "new")
    assert old.keys() == new.keys()
    assert old["handout.pdf"] != new["handout.pdf"]
    assert old["drill-cards.pdf"] != new["drill-cards.pdf"]
    return out, new


def _state(out: Path) -> dict[str, tuple[str, int]]:
    """Every entry of ``out`` but kit's lock: its SHA-256 (a folder: none) and mtime."""
    return {
        path.name: (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder",
            path.stat().st_mtime_ns,
        )
        for path in sorted(out.iterdir())
        if path.name != ".kit-lock"
    }


@pytest.mark.parametrize("jobs", [2, 1], ids=["in-a-worker", "in-process"])
def test_a_renderer_failing_leaves_every_file_old(
    old_and_new: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    jobs: int,
) -> None:
    """The deck and the sheets drew fine, but none of their new files is placed beside the
    handouts' old ones: every file keeps its bytes and its modification time."""
    out, _ = old_and_new
    before = _state(out)
    monkeypatch.setitem(RENDERERS, "handouts", FAILING)
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, paper="letter", workers=Workers(jobs))
    failure = caught.value.result.failed  # type: ignore[attr-defined]
    assert list(failure) == ["handouts"]
    assert str(failure["handouts"]).startswith("failed in process ")
    in_worker = str(failure["handouts"]) != f"failed in process {os.getpid()}"
    assert in_worker == (jobs > 1)
    assert _state(out) == before
    assert _kit_files_left(out) == [".kit-lock"]


def test_a_file_failing_in_its_own_task_leaves_every_file_old(
    old_and_new: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guide fails in its worker while the handouts' other files are drawn in others:
    none of them, and none of the other renderers' files, is placed."""
    out, _ = old_and_new
    before = _state(out)
    monkeypatch.setitem(RENDERERS, "handouts", "tests.kit.failing_file")
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, paper="letter", workers=Workers(2))
    failure = caught.value.result.failed  # type: ignore[attr-defined]
    assert list(failure) == ["handouts"]
    assert str(failure["handouts"]).startswith("the guide failed in process ")
    assert _state(out) == before
    assert _kit_files_left(out) == [".kit-lock"]


def test_a_worker_that_dies_leaves_every_file_old_and_is_replaced(
    old_and_new: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker ends with os._exit halfway (as one the out-of-memory killer ends) and takes
    the others' unfinished work with it; the next build starts new workers."""
    out, new = old_and_new
    before = _state(out)
    workers = Workers(2)
    monkeypatch.setitem(RENDERERS, "handouts", "tests.kit.dying_renderer")
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, paper="letter", workers=workers)
    assert "handouts" in caught.value.result.failed  # type: ignore[attr-defined]
    assert _state(out) == before
    assert _kit_files_left(out) == [".kit-lock"]

    monkeypatch.setitem(RENDERERS, "handouts", "handouts")
    build(WORKSHOP, out, paper="letter", workers=workers)
    workers.close()
    assert _digests(out) == new


def test_a_worker_starts_with_the_fonts_and_the_words_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forked from the build once it has planned (on Linux; elsewhere from the workers'
    server, which builds them in kit/app/warm.py), a worker has the fonts registered and
    measured and the words read before it is handed any work: it does not build them again."""
    monkeypatch.setitem(RENDERERS, "exercises", PROBE)
    build(WORKSHOP, tmp_path, only=["slides", "exercises"], workers=Workers(2))
    found = json.loads((tmp_path / "handout.pdf").read_text())
    faces = ("Regular", "Bold", "Italic", "BoldItalic")
    assert {f"LiberationSans-{face}" for face in faces} <= set(found["registered"])
    assert found["measured"] >= 3 and found["words"] == 1
    assert found["process"] != os.getpid()


def _processes_marked(marker: str) -> list[int]:
    """The processes whose environment holds ``marker``: a build and every worker it started."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:  # not a process, or one that ended meanwhile
            continue
        if marker.encode() in environment.split(b"\0"):
            found.append(int(entry.name))
    return found


def test_ctrl_c_while_workers_draw_is_one_line_stops_them_and_leaves_every_file_old(
    old_and_new: tuple[Path, dict[str, str]],
) -> None:
    """Ctrl-C reaches every process of the terminal's group; here the handouts' worker is
    still drawing (it hangs) when it comes, while the deck is drawn: nothing is placed."""
    out, _ = old_and_new
    before = _state(out)
    run = str(uuid.uuid4())
    arguments = ("build", str(WORKSHOP), "--out", str(out), "--paper", "letter", "--jobs", "2")
    with subprocess.Popen(
        [sys.executable, "-c", "from tests.kit.failing_renderer import main; main()", *arguments],
        cwd=ROOT,
        env={**os.environ, "KIT_TEST_FAILING": "hangs", "KIT_TEST_RUN": run},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal gives a command
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        deadline = time.monotonic() + 600  # a hang guard
        drawing = ("handouts/handout.pdf", "slides/deck.pptx")
        while time.monotonic() < deadline and not all(
            any(out.glob(f".kit-build-*/{name}")) for name in drawing
        ):
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)
        stderr = process.stderr.read()
        assert process.wait(timeout=600) == 130
    assert stderr.splitlines() == [
        "stopped by SIGINT: each output is either complete or as it was before"
    ]
    assert _state(out) == before
    assert _kit_files_left(out) == [".kit-lock"]
    deadline = time.monotonic() + 600  # a hang guard: the workers end with the build
    while _processes_marked(f"KIT_TEST_RUN={run}") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_marked(f"KIT_TEST_RUN={run}") == []  # no worker left drawing


def test_the_sheets_are_checked_in_a_worker_while_the_build_lays_out_the_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan's checks of the printed sheets run in the workers (forked after loading,
    so they inherit this stand-in), not in the build's process, which lays out the deck."""
    import exercises

    checked_in = tmp_path / "checked-in"
    check = exercises.check

    def noting(*args: Any) -> Any:
        with checked_in.open("a") as note:
            note.write(f"{os.getpid()}\n")
        return check(*args)

    monkeypatch.setattr(exercises, "check", noting)
    build(WORKSHOP, tmp_path / "out", workers=Workers(2))
    assert checked_in.read_text().split() and str(os.getpid()) not in checked_in.read_text()
    build(WORKSHOP, tmp_path / "one", workers=Workers(1))
    assert checked_in.read_text().split()[-1] == str(os.getpid())
