"""All or nothing per renderer, even when moving its finished files into place fails.

tests/kit/test_build.py covers a renderer that fails while rendering; these fail later,
between one ``os.replace`` and the next, or while the earlier moves are undone.
tests/hostile/test_killed.py kills real builds in child processes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kit.app import interrupts, staging
from kit.app.build import build
from kit.errors import EnvironmentFault

from ..conftest import FIXTURES

WORKSHOP = FIXTURES / "all-blocks"


def state(folder: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under ``folder`` exactly: kind, mode, owner, and content or link text."""
    entries: dict[str, tuple[object, ...]] = {}
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            path = Path(root, name)
            status = path.lstat()
            if stat.S_ISLNK(status.st_mode):
                what: object = os.readlink(path)
            elif stat.S_ISREG(status.st_mode):
                what = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                what = None
            owner = (status.st_uid, status.st_gid)
            entries[str(path.relative_to(folder))] = (status.st_mode, owner, what)
    return entries


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """The handouts on A4, and their third file; the tests rebuild on Letter, so every
    file would change."""
    out = tmp_path / "out"
    return out, build(WORKSHOP, out, only=["handouts"]).written[2].path


def _no_links(source: str | Path, target: str | Path, **options: object) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")


def _patch_replace(
    monkeypatch: pytest.MonkeyPatch, act: Callable[[Path, Path, Callable[..., None]], None]
) -> None:
    """Route every ``os.replace`` through ``act(source, target, real_replace)``."""
    replace = os.replace
    monkeypatch.setattr(os, "replace", lambda s, t: act(Path(s), Path(t), replace))


def _no_staging_left(out: Path) -> bool:
    return [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == [".kit-lock"]


@pytest.fixture
def ctrl_c() -> Iterator[None]:
    """Ctrl-C raising KeyboardInterrupt, as in ``kit``, even under a runner with a handler of
    its own (mutmut's)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_target_that_is_a_folder_is_one_line_and_changes_nothing(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    out, third = built
    if not hard_links:  # some file systems have none; the old files are copied instead
        monkeypatch.setattr(os, "link", _no_links)
    third.unlink()
    third.mkdir()  # os.replace cannot put a file over a folder
    before = state(out)
    with pytest.raises(EnvironmentFault) as caught:
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert str(caught.value) == (
        f"{third}: a folder is where kit writes this file; move it away or choose another --out"
    )
    assert state(out) == before


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
@pytest.mark.parametrize(
    "exception", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_failure_right_after_a_real_move_puts_back_every_file(
    built: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    exception: BaseException,
    hard_links: bool,
) -> None:
    """The failure comes after ``os.replace`` has moved the third file, before kit hears."""
    out, third = built
    if not hard_links:
        monkeypatch.setattr(os, "link", _no_links)
    before = state(out)

    def act(source: Path, target: Path, replace: Callable[..., None]) -> None:
        replace(source, target)
        if target == third and not source.name.startswith(".previous"):
            raise exception

    _patch_replace(monkeypatch, act)
    expected = EnvironmentFault if isinstance(exception, Exception) else KeyboardInterrupt
    with pytest.raises(expected):
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert state(out) == before
    assert _no_staging_left(out)


@pytest.mark.usefixtures("ctrl_c")
def test_ctrl_c_right_after_a_move_waits_until_every_file_is_new(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SIGINT, not a raised exception: it is held back until the moves are over."""
    out, third = built
    old = state(out)

    def act(source: Path, target: Path, replace: Callable[..., None]) -> None:
        replace(source, target)
        if target == third:
            os.kill(os.getpid(), signal.SIGINT)

    _patch_replace(monkeypatch, act)
    with pytest.raises(KeyboardInterrupt):
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    monkeypatch.undo()
    clean = out.parent / "clean"
    build(WORKSHOP, clean, only=["handouts"], paper="letter")
    new, letter = state(out), state(clean)
    pdfs = [name for name in new if name.endswith(".pdf")]
    assert pdfs and all(new[name] == letter[name] for name in pdfs)
    assert new != old
    assert _no_staging_left(out)


@pytest.fixture
def term_and_hup_like_ctrl_c(ctrl_c: None) -> Iterator[None]:
    """SIGTERM and SIGHUP handled as the ``kit`` command handles them."""
    interrupts.stop_like_ctrl_c()
    yield
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


@pytest.mark.usefixtures("term_and_hup_like_ctrl_c")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_undo_waits_until_every_file_is_old(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    """A second Ctrl-C (or SIGTERM, SIGHUP) while the earlier moves are being undone."""
    out, third = built
    before = state(out)

    def act(source: Path, target: Path, replace: Callable[..., None]) -> None:
        if target == third and not source.name.startswith(".previous"):
            raise OSError(errno.ENOSPC, "No space left on device")
        if source.name.startswith(".previous"):
            os.kill(os.getpid(), signum)
        replace(source, target)

    _patch_replace(monkeypatch, act)
    with pytest.raises(KeyboardInterrupt) as caught:
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert interrupts.signal_number(caught.value) == signum
    assert state(out) == before
    assert _no_staging_left(out)


def test_an_undo_cut_short_is_finished_by_the_next_build(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception no handler can hold back, in the middle of the undo: the journal stays
    and the next build's sweep puts back what the undo had not."""
    out, third = built
    before = state(out)
    restores: list[Path] = []

    def act(source: Path, target: Path, replace: Callable[..., None]) -> None:
        if target == third and not source.name.startswith(".previous"):
            raise OSError(errno.ENOSPC, "No space left on device")
        if source.name.startswith(".previous"):
            restores.append(target)
            if len(restores) == 1:
                raise KeyboardInterrupt
        replace(source, target)

    _patch_replace(monkeypatch, act)
    with pytest.raises(KeyboardInterrupt):
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    monkeypatch.undo()
    left = [p for p in out.iterdir() if p.name.startswith(".kit-build-")]
    assert len(left) == 1 and (left[0] / staging.JOURNAL).exists()
    assert state(out) != before  # two files new, the third old
    assert staging.sweep(out) == 1
    assert state(out) == before
    assert _no_staging_left(out)


def _symlinks(out: Path, third: Path) -> dict[str, str]:
    """Targets that are a dangling symlink and a symlink to a folder."""
    outputs = sorted(p for p in out.iterdir() if p.suffix == ".pdf")
    (out / "elsewhere").mkdir()
    links = {outputs[0].name: "missing.pdf", outputs[1].name: "elsewhere"}
    for name, target in links.items():
        (out / name).unlink()
        (out / name).symlink_to(target)
    return links


def test_a_failed_build_puts_back_symlinks_exactly(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, third = built
    _symlinks(out, third)
    os.chmod(third, 0o600)
    os.chown(third, 65534, 65534)
    before = state(out)

    def act(source: Path, target: Path, replace: Callable[..., None]) -> None:
        replace(source, target)
        if target == third and not source.name.startswith(".previous"):
            raise OSError(errno.ENOSPC, "No space left on device")

    _patch_replace(monkeypatch, act)
    with pytest.raises(EnvironmentFault):
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert state(out) == before


def test_a_rebuild_keeps_each_file_s_mode_and_owner(built: tuple[Path, Path]) -> None:
    out, third = built
    os.chmod(third, 0o600)  # a facilitator guide made private
    os.chown(third, 65534, 65534)
    build(WORKSHOP, out, only=["handouts"], paper="letter")
    status = third.lstat()
    assert (stat.S_IMODE(status.st_mode), status.st_uid, status.st_gid) == (0o600, 65534, 65534)
    assert stat.S_IMODE((out / "handout.pdf").stat().st_mode) == 0o644


def test_the_sweep_touches_only_folders_kit_made(tmp_path: Path) -> None:
    """Named as kit names staging and marked, or empty: swept. Named so but holding
    someone's files without the marker, or a file of that name: left as it is."""
    out = tmp_path / "out"
    theirs, empty, marked = (
        out / f".kit-slides-{name}" for name in ("theirs01", "empty001", "killed01")
    )
    for folder in (theirs, empty, marked):
        folder.mkdir(parents=True)
    (theirs / "notes.txt").write_text("mine", encoding="utf-8")
    (marked / staging.MARKER).touch()
    (out / ".kit-slides-a_file_1").write_text("mine", encoding="utf-8")
    build(WORKSHOP, out, only=["exercises"])
    assert not empty.exists() and not marked.exists()
    assert (theirs / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / ".kit-slides-a_file_1").read_text(encoding="utf-8") == "mine"


def test_the_folder_is_fsynced_after_the_files_move_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = (tmp_path / "out").resolve()
    events: list[tuple[str, str]] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(source: str | Path, target: str | Path, **options: object) -> None:
        real_replace(source, target, **options)  # type: ignore[arg-type]
        events.append(("replace", str(Path(target).parent)))

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        events.append(("fsync", os.readlink(f"/proc/self/fd/{descriptor}")))

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    build(WORKSHOP, out, only=["exercises"])
    into_out = [event for event in events if event[1] == str(out)]
    assert ("replace", str(out)) in into_out
    assert into_out[-1] == ("fsync", str(out))
