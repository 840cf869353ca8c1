"""Renderers in worker processes: the bytes of one after another, and all or nothing each.

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
from kit.app.build import RENDERERS, build
from kit.app.workers import Shared, Workers
from kit.errors import BuildError
from kit.outputs import OUTPUTS, OutputKind

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


def _renderer_of(file_name: str) -> str:
    return next(kind.renderer for kind in OUTPUTS if kind.matches(file_name))


def _by_renderer(digests: dict[str, str]) -> dict[str, dict[str, str]]:
    grouped: dict[str, dict[str, str]] = {}
    for name, digest in digests.items():
        grouped.setdefault(_renderer_of(name), {})[name] = digest
    return grouped


def _kit_files_left(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".kit-"))


@pytest.mark.parametrize("workshop", [SAMPLE, FIXTURES / "branded"], ids=["sample", "branded"])
def test_workers_write_the_bytes_of_one_renderer_after_another(
    tmp_path: Path, workshop: Path
) -> None:
    """The sample, and a template with a logo and a picture: every file the same, the
    handouts' files each drawn by a task of its own."""
    serial = build(workshop, tmp_path / "serial", workers=Workers(1))
    workers = Workers(2)
    tasks: list[tuple[str, tuple[OutputKind, ...] | None]] = []
    submit = workers.submit

    def counted(module: str, shared: Shared, folder: Path, files: Any = None) -> Any:
        tasks.append((module, files))
        return submit(module, shared, folder, files)

    workers.submit = counted  # type: ignore[method-assign]
    parallel = build(workshop, tmp_path / "parallel", workers=workers)
    assert tasks == [
        ("slides", None),
        ("exercises", None),
        *(("handouts", (kind,)) for kind in handouts.FILES),
    ]
    assert [o.path.name for o in parallel.written] == [o.path.name for o in serial.written]
    assert len(serial.written) >= 15
    assert _digests(tmp_path / "parallel") == _digests(tmp_path / "serial")


@pytest.fixture
def old_and_new(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """An A4 build to rebuild on Letter; its files, and those of a Letter build."""
    build(WORKSHOP, tmp_path / "new", paper="letter", workers=Workers(1))
    out = tmp_path / "out"
    build(WORKSHOP, out, workers=Workers(1))
    old, new = _digests(out), _digests(tmp_path / "new")
    assert old.keys() == new.keys()
    assert old["handout.pdf"] != new["handout.pdf"]
    assert old["drill-cards.pdf"] != new["drill-cards.pdf"]
    return out, old, new


def test_a_renderer_failing_in_a_worker_leaves_its_files_old_and_the_others_new(
    old_and_new: tuple[Path, dict[str, str], dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, old, new = old_and_new
    monkeypatch.setitem(RENDERERS, "handouts", FAILING)
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, paper="letter", workers=Workers(2))
    failure = caught.value.result.failed  # type: ignore[attr-defined]
    assert list(failure) == ["handouts"]
    assert str(failure["handouts"]).startswith("failed in process ")
    assert str(failure["handouts"]) != f"failed in process {os.getpid()}"  # in a worker
    now = _by_renderer(_digests(out))
    assert now["handouts"] == _by_renderer(old)["handouts"]
    assert now["exercises"] == _by_renderer(new)["exercises"]
    assert now["slides"] == _by_renderer(new)["slides"]
    assert _kit_files_left(out) == [".kit-lock"]


def test_a_file_failing_in_its_own_task_leaves_all_its_renderers_files_old(
    old_and_new: tuple[Path, dict[str, str], dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guide fails in its worker while the handouts' other files are drawn in others:
    none of them is placed."""
    out, old, new = old_and_new
    monkeypatch.setitem(RENDERERS, "handouts", "tests.kit.failing_file")
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, paper="letter", workers=Workers(2))
    failure = caught.value.result.failed  # type: ignore[attr-defined]
    assert list(failure) == ["handouts"]
    assert str(failure["handouts"]).startswith("the guide failed in process ")
    now = _by_renderer(_digests(out))
    assert now["handouts"] == _by_renderer(old)["handouts"]
    assert now["exercises"] == _by_renderer(new)["exercises"]
    assert _kit_files_left(out) == [".kit-lock"]


def test_a_worker_that_dies_leaves_each_renderer_all_old_or_all_new_and_is_replaced(
    old_and_new: tuple[Path, dict[str, str], dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed from outside takes the others' unfinished work with it; the next
    build starts new workers."""
    out, old, new = old_and_new
    workers = Workers(2)
    monkeypatch.setitem(RENDERERS, "handouts", "tests.kit.dying_renderer")
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, paper="letter", workers=workers)
    assert "handouts" in caught.value.result.failed  # type: ignore[attr-defined]
    for renderer in ("slides", "handouts", "exercises"):  # the print list lists what is missing
        files = _by_renderer(_digests(out))[renderer]
        assert files in (_by_renderer(old)[renderer], _by_renderer(new)[renderer]), renderer
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


def test_ctrl_c_while_workers_draw_is_one_line_stops_them_and_leaves_old_or_new(
    old_and_new: tuple[Path, dict[str, str], dict[str, str]],
) -> None:
    """Ctrl-C reaches every process of the terminal's group; here the handouts' worker is
    still drawing (it hangs) when it comes, after the deck was placed."""
    out, old, new = old_and_new
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
        for line in process.stdout:
            if line.startswith("wrote ") and "deck.pptx" in line:
                break
        os.killpg(process.pid, signal.SIGINT)
        stderr = process.stderr.read()
        assert process.wait(timeout=600) == 130
    assert stderr.splitlines() == [
        "stopped by SIGINT: each output is either complete or as it was before"
    ]
    now = _by_renderer(_digests(out))
    assert now["slides"] == _by_renderer(new)["slides"]
    for renderer in ("handouts", "exercises", "printlist"):  # placed after the handouts
        assert now[renderer] == _by_renderer(old)[renderer], renderer
    assert _kit_files_left(out) == [".kit-lock"]
    deadline = time.monotonic() + 600  # a hang guard: the workers end with the build
    while _processes_marked(f"KIT_TEST_RUN={run}") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_marked(f"KIT_TEST_RUN={run}") == []  # no worker left drawing
