"""A build that fails while placing its files leaves the folder as it found it, however full.

tests/hostile/test_atomic.py starts from a folder holding every file; here the folder is
empty, or holds only some of the renderer's files and a file of the user's.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kit.app.build import build
from kit.app.outlock import LOCK_FILE
from kit.errors import EnvironmentFault

from ..conftest import FIXTURES
from ..hostile.runner import snapshot

WORKSHOP = FIXTURES / "all-blocks"
FAILING_AT = 3  # the third file placed; two are in place by then


def _fail_placing(monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.replace`` fails on the third staged file moved into place."""
    replace = os.replace
    placed: list[str] = []

    def failing(source: str | Path, target: str | Path) -> None:
        if not Path(source).name.startswith("."):  # not kit's own (.previous-N, journal)
            placed.append(Path(target).name)
            if len(placed) == FAILING_AT:
                raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing)


def test_a_failed_build_into_an_empty_folder_leaves_it_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _fail_placing(monkeypatch)
    with pytest.raises(EnvironmentFault):  # a full disk stops the build
        build(WORKSHOP, out, only=["handouts"])
    assert sorted(path.name for path in out.iterdir()) == [LOCK_FILE]


def test_a_failed_build_into_a_partly_filled_folder_leaves_exactly_what_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    written = [output.path for output in build(WORKSHOP, out, only=["handouts"]).written]
    for path in written[::2]:  # the first, third and fifth go; the others stay
        path.unlink()
    (out / "my-notes.txt").write_text("the user's own file\n", encoding="utf-8")
    before = snapshot(out)
    _fail_placing(monkeypatch)
    with pytest.raises(EnvironmentFault):  # a full disk stops the build
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert snapshot(out) == before


def test_a_build_cut_short_while_undoing_then_tidied_by_hand_builds_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Placing fails, the undo is cut short (a second Ctrl-C, a kill): new files stay behind
    with kit's note of them. The user deletes those files; the next build still succeeds."""
    out = tmp_path / "out"
    out.mkdir()
    _fail_placing(monkeypatch)
    unlink = os.unlink

    def cut_short(path: str | Path, *args: object, **kwargs: object) -> None:
        if Path(path).parent == out and not Path(path).name.startswith("."):  # an output
            raise KeyboardInterrupt
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", cut_short)
    with pytest.raises(KeyboardInterrupt):
        build(WORKSHOP, out, only=["handouts"])
    monkeypatch.undo()
    left = [path for path in out.iterdir() if not path.name.startswith(".kit-")]
    assert len(left) == FAILING_AT - 1
    for path in left:
        path.unlink()
    written = build(WORKSHOP, out, only=["handouts"]).written
    assert sorted(path.name for path in out.iterdir() if not path.name.startswith(".")) == sorted(
        output.path.name for output in written
    )


def test_a_rebuild_by_someone_who_may_not_give_files_away_keeps_the_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A colleague's file in a shared folder: only root may give the new one to its owner,
    so for anyone else the build goes on, keeping the file's mode."""
    out = tmp_path / "out"
    first = build(WORKSHOP, out, only=["handouts"]).written[0].path
    os.chown(first, first.stat().st_uid + 1, first.stat().st_gid)  # the colleague's
    first.chmod(0o640)

    def not_root(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", not_root)
    build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert first.stat().st_mode & 0o777 == 0o640
