"""Builds killed at every point where they change the disk, and two builds at once.

Each kill comes right after a real file-system step of a real ``kit build`` in a child
process (tests/hostile/killer.py). SIGTERM is handled like Ctrl-C: one line, exit 143, the
outputs all old or all new and nothing of kit's left. SIGKILL cannot be handled: the
outputs are still all old or all new, and the next build sweeps what was left.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kit.app import outlock
from kit.app import staging as staging_module
from kit.app.build import build, render_loaded
from kit.errors import EnvironmentFault
from kit.source.loader import load

from ..conftest import FIXTURES, ROOT
from .test_atomic import state

WORKSHOP = FIXTURES / "all-blocks"
ARGUMENTS = ("build", str(WORKSHOP), "--only", "exercises", "--paper", "letter")


def _outputs(folder: Path) -> dict[str, tuple[object, ...]]:
    """The state of the PDFs: what must be all old or all new."""
    return {name: entry for name, entry in state(folder).items() if name.endswith(".pdf")}


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict, int]:
    """The A4 build (old) to start each run from, the states of old and new, and how many
    file-system steps the Letter build takes over the old one."""
    root = tmp_path_factory.mktemp("versions")
    build(WORKSHOP, root / "old", only=["exercises"])
    shutil.copytree(root / "old", root / "new", symlinks=True)
    counted = _killed_run(root / "new", 0, signal.SIGKILL)
    assert counted.returncode == 0, counted.stderr
    steps = int(counted.stderr.splitlines()[-1].removeprefix("steps: "))
    return root / "old", _outputs(root / "old"), _outputs(root / "new"), steps


def _killed_run(
    out: Path, step: int, signum: int, arguments: tuple[str, ...] = ARGUMENTS
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tests.hostile.killer", str(step), str(signum)]
    return subprocess.run(
        [*command, *arguments, "--out", str(out)], cwd=ROOT, capture_output=True, text=True
    )


def _runs(tmp_path: Path, versions, signum: int) -> dict[int, tuple[Path, object]]:
    """Killed builds, two at a time, each in its own copy of the old folder.

    The kills come at six steps spread over the build from the first (the lock) to the last,
    and among its last seventeen: six moves, the fsync of the folder, the journal's removal,
    six old files', the renderer's folder's, the marker's and the folder's.
    """
    old, _, _, steps = versions
    spread = {1 + i * (steps - 1) // 5 for i in range(6)}
    points = sorted(spread | {steps - 16, steps - 14, steps - 12, steps - 11, steps - 9, steps - 1})

    def run(step: int) -> tuple[Path, object]:
        out = tmp_path / f"step-{step}"
        shutil.copytree(old, out, symlinks=True)
        return out, _killed_run(out, step, signum)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(points, pool.map(run, points)))


def test_the_counted_steps_cover_the_whole_build(tmp_path: Path, versions) -> None:
    old, before, after, steps = versions
    assert after != before and steps > 20  # six files kept, linked, moved, synced, removed
    out = tmp_path / "out"
    shutil.copytree(old, out, symlinks=True)
    assert _killed_run(out, steps, signal.SIGTERM).returncode == 143  # the last step counts
    assert _outputs(out) == after


def test_sigterm_at_every_step_is_one_line_and_leaves_old_or_new(tmp_path: Path, versions) -> None:
    _, before, after, _ = versions
    outcomes = []
    for step, (out, run) in _runs(tmp_path, versions, signal.SIGTERM).items():
        assert run.returncode == 143, (step, run.stderr)
        assert run.stderr.splitlines() == [
            "stopped by SIGTERM: each output is either complete or as it was before"
        ], step
        assert _outputs(out) in (before, after), step
        assert [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == [".kit-lock"]
        outcomes.append("new" if _outputs(out) == after else "old")
    assert "old" in outcomes and "new" in outcomes  # the signal came before and after moving


def test_sigkill_at_every_step_leaves_old_or_new_and_the_next_build_sweeps(
    tmp_path: Path, versions
) -> None:
    _, before, after, _ = versions
    left = mixed = 0
    for step, (out, run) in _runs(tmp_path, versions, signal.SIGKILL).items():
        assert run.returncode == -signal.SIGKILL, (step, run.stderr)
        outputs = _outputs(out)
        staging = [p for p in out.iterdir() if p.name.startswith(".kit-build-")]
        left += bool(staging)
        if outputs not in (before, after):  # killed while moving: the sweep undoes it
            assert staging, step
            mixed += 1
            staging_module.sweep(out)
            assert _outputs(out) == before, step
        build(WORKSHOP, out, only=["exercises"], paper="letter")
        assert _outputs(out) == after, step
        assert [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == [".kit-lock"]
    assert left > 4  # most kills left a staging folder to sweep
    assert mixed >= 3  # kills landed among the moves


def test_a_second_build_waits_for_the_first(tmp_path: Path, versions) -> None:
    old, _, after, _ = versions
    out = tmp_path / "out"
    shutil.copytree(old, out, symlinks=True)
    command = [sys.executable, "-m", "kit", *ARGUMENTS, "--out", str(out)]
    with outlock.locked(out):
        second = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        assert second.stderr is not None
        line = second.stderr.readline()
        assert line == f"waiting: another kit build is writing into {out}\n"
        assert _outputs(out) != after  # nothing written while the first holds the folder
    with second:
        assert second.wait() == 0
    assert _outputs(out) == after


def test_a_build_that_waits_too_long_gives_up_with_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    heard: list[str] = []
    with outlock.locked(out), pytest.raises(EnvironmentFault) as caught:
        render_loaded(load(WORKSHOP), out, only=["exercises"], waiting=heard.append, lock_wait=0.3)
    assert heard == [f"waiting: another kit build is writing into {out}"]
    assert str(caught.value) == (
        f"{out}: another kit build has been writing into this folder for 0 s; "
        "let it finish or stop it, or choose another --out"
    )
    assert [p.name for p in out.iterdir()] == [".kit-lock"]


def test_two_builds_at_once_both_finish_and_leave_one_whole_build(tmp_path: Path, versions) -> None:
    old, _, after, _ = versions
    out = tmp_path / "out"
    shutil.copytree(old, out, symlinks=True)
    command = [sys.executable, "-m", "kit", *ARGUMENTS, "--out", str(out)]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL) for _ in range(2)]
    assert [run.wait() for run in runs] == [0, 0]
    assert _outputs(out) == after
    assert [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == [".kit-lock"]


@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGINT, 130), (signal.SIGHUP, 129)], ids=["INT", "HUP"]
)
def test_ctrl_c_and_sighup_while_moving_are_one_line_and_leave_new(
    tmp_path: Path, versions, signum: int, status: int
) -> None:
    old, _, after, steps = versions
    out = tmp_path / "out"
    shutil.copytree(old, out, symlinks=True)
    run = _killed_run(out, steps - 14, signum)  # the third move: held back until they end
    name = signal.Signals(signum).name
    assert (run.returncode, run.stderr.splitlines()) == (
        status,
        [f"stopped by {name}: each output is either complete or as it was before"],
    )
    assert _outputs(out) == after


# The deck and the sheets, one after another in the build's process (so that the steps
# counted are the build's own): seven files placed in one journal, the deck's first.
TWO = (
    "build",
    str(WORKSHOP),
    "--only",
    "slides",
    "--only",
    "exercises",
    "--paper",
    "letter",
    "--jobs",
    "1",
)


def _placed(folder: Path) -> dict[str, tuple[object, ...]]:
    """The state of every output: all but kit's own files."""
    return {name: entry for name, entry in state(folder).items() if not name.startswith(".kit-")}


def test_a_kill_between_two_renderers_moves_is_undone_or_held_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed right after the deck moved and before the sheets did: SIGKILL leaves that mixed
    set with its journal, which the next build's sweep undoes; SIGTERM is held back until
    every file of both renderers is new."""
    old = tmp_path / "old"
    with monkeypatch.context() as dated:
        dated.setenv("SOURCE_DATE_EPOCH", "1000000000")  # another date: another deck
        build(WORKSHOP, old, only=["slides", "exercises"])
    before = _placed(old)
    counted = tmp_path / "counted"
    shutil.copytree(old, counted, symlinks=True)
    run = _killed_run(counted, 0, signal.SIGKILL, TWO)
    assert run.returncode == 0, run.stderr
    after = _placed(counted)
    assert len(after) == 7 and all(after[name] != before[name] for name in after)
    steps = int(run.stderr.splitlines()[-1].removeprefix("steps: "))
    # The last steps: 7 moves, the fsync, the journal's removal, the removal of 7 old files
    # and 2 renderers' folders, the marker's, the folder's: the deck moves 19th from last.
    deck_moved = steps - 19

    killed = tmp_path / "killed"
    shutil.copytree(old, killed, symlinks=True)
    assert _killed_run(killed, deck_moved, signal.SIGKILL, TWO).returncode == -signal.SIGKILL
    assert _placed(killed) == before | {"deck.pptx": after["deck.pptx"]}  # a mixed set
    assert staging_module.sweep(killed) == 1  # as the next build does first
    assert _placed(killed) == before
    build(WORKSHOP, killed, only=["slides", "exercises"], paper="letter")
    assert _placed(killed) == after
    assert [p.name for p in killed.iterdir() if p.name.startswith(".kit-")] == [".kit-lock"]

    terminated = tmp_path / "terminated"
    shutil.copytree(old, terminated, symlinks=True)
    run = _killed_run(terminated, deck_moved, signal.SIGTERM, TWO)
    assert run.returncode == 143, run.stderr
    assert _placed(terminated) == after
    assert [p.name for p in terminated.iterdir() if p.name.startswith(".kit-")] == [".kit-lock"]
