"""Placing a renderer's files, all or nothing, on tiny files (fast enough to judge mutants).

What the user sees in the output folder: the new files, each with the mode and owner of the
file it replaced; or, when placing fails or a build was killed, exactly what was there
before (files, symlinks, nothing), and no staging folder left behind. Whole builds of the
same promises: tests/hostile/test_atomic.py and tests/promises/test_placing.py.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kit.app import staging
from kit.outputs import GUIDE, HANDOUT, Output

from ..hostile.test_atomic import state

NAMES = ["guide.pdf", "handout.pdf", "sub/deeper/cards.pdf", "notes.pdf"]


def stage(out: Path, contents: str = "new") -> tuple[Path, list[Output]]:
    """A staging folder holding one file per name, as a renderer leaves it."""
    folder = staging.create(out, "handouts")
    staged = []
    for index, name in enumerate(NAMES):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{contents} {name}")
        staged.append(Output(path, index + 1, GUIDE if index == 0 else HANDOUT))
    return folder, staged


def filled(tmp_path: Path) -> Path:
    """An output folder holding an old handout (mode 640, someone else's), a symlink where
    the guide goes, a file of the user's, and no cards yet."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "handout.pdf").write_text("old handout")
    os.chmod(out / "handout.pdf", 0o640)
    os.chown(out / "handout.pdf", 4321, 4322)
    (out / "mine.txt").write_text("the user's")
    os.symlink("mine.txt", out / "guide.pdf")
    return out


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """``os.replace`` fails when it moves ``name`` into place."""
    replace = os.replace

    def failing(source: str | Path, target: str | Path) -> None:
        if Path(target).name == name and not Path(source).name.startswith("."):
            raise OSError(errno.ENOSPC, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing)


def test_a_staging_folder_is_marked_and_named_as_kit_names_it(tmp_path: Path) -> None:
    folder = staging.create(tmp_path, "handouts")
    assert folder.parent == tmp_path
    assert (
        folder.name.startswith(".kit-handouts-") and len(folder.name) == len(".kit-handouts-") + 8
    )
    assert [p.name for p in folder.iterdir()] == [staging.MARKER]
    marker = (folder / staging.MARKER).read_text()
    assert marker == "a kit build's staging folder; the next build removes it\n"
    assert staging.sweep(tmp_path) == 1 and list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_marked_is_not_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(OSError, match="No space"):
        staging.create(tmp_path, "slides")
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_that_is_gone_is_the_error_raised(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        staging.create(tmp_path / "gone", "slides")


def test_files_placed_into_an_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    folder, staged = stage(out)
    placed = staging.Placing(folder, out).finish([(folder, staged)])
    assert [(o.path, o.count, o.kind) for o in placed] == [
        (out / name, o.count, o.kind) for name, o in zip(NAMES, staged)
    ]
    assert [(out / name).read_text() for name in NAMES] == [f"new {name}" for name in NAMES]
    staging.remove(folder)
    assert sorted(p.name for p in out.iterdir()) == ["guide.pdf", "handout.pdf", "notes.pdf", "sub"]
    assert [p.name for p in folder.parent.iterdir() if p.name.startswith(".kit-")] == []


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_new_file_keeps_the_mode_and_owner_of_the_one_it_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    if not hard_links:
        monkeypatch.setattr(os, "link", _refuse)
    out = filled(tmp_path)
    folder, staged = stage(out)
    staging.Placing(folder, out).finish([(folder, staged)])
    assert (out / "sub" / "deeper" / "cards.pdf").read_text() == "new sub/deeper/cards.pdf"
    handout = (out / "handout.pdf").stat()
    assert (handout.st_mode & 0o777, handout.st_uid, handout.st_gid) == (0o640, 4321, 4322)
    assert (out / "handout.pdf").read_text() == "new handout.pdf"
    assert not (out / "guide.pdf").is_symlink() and (out / "mine.txt").read_text() == "the user's"
    staging.remove(folder)
    assert staging.sweep(out) == 0


def _refuse(*args: object, **options: object) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
@pytest.mark.parametrize("failing", NAMES[1:])
def test_a_move_that_fails_puts_back_exactly_what_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool, failing: str
) -> None:
    out = filled(tmp_path)
    before = state(out)
    if not hard_links:
        monkeypatch.setattr(os, "link", _refuse)
    folder, staged = stage(out)
    _fail_on(monkeypatch, Path(failing).name)
    with pytest.raises(OSError, match="No space"):
        staging.Placing(folder, out).finish([(folder, staged)])
    staging.remove(folder)
    after = state(out)
    assert {
        k: v for k, v in after.items() if not k.startswith("sub")
    } == before  # the empty folder made
    assert os.readlink(out / "guide.pdf") == "mine.txt"


def _two_renderers(out: Path) -> tuple[Path, list[tuple[Path, list[Output]]]]:
    """One build's staging folder, a deck in one renderer's folder and a handout in another's."""
    folder = staging.create(out, "build")
    parts = []
    for renderer, name, kind in (
        ("slides", "deck.pptx", HANDOUT),
        ("handouts", "handout.pdf", GUIDE),
    ):
        (folder / renderer).mkdir()
        (folder / renderer / name).write_text(f"new {name}")
        parts.append((folder / renderer, [Output(folder / renderer / name, 1, kind)]))
    return folder, parts


def test_every_renderer_s_files_are_placed_in_one_journal(tmp_path: Path) -> None:
    out = filled(tmp_path)
    folder, parts = _two_renderers(out)
    placed = staging.Placing(folder, out).finish(parts)
    assert [o.path for o in placed] == [out / "deck.pptx", out / "handout.pdf"]
    assert [(out / n).read_text() for n in ("deck.pptx", "handout.pdf")] == [
        "new deck.pptx",
        "new handout.pdf",
    ]
    staging.remove(folder)
    assert [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == []


def test_a_later_renderer_s_move_failing_puts_back_an_earlier_renderer_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = filled(tmp_path)
    before = state(out)
    folder, parts = _two_renderers(out)
    _fail_on(monkeypatch, "handout.pdf")
    with pytest.raises(OSError, match="No space"):
        staging.Placing(folder, out).finish(parts)
    staging.remove(folder)
    assert state(out) == before  # the deck moved first, and is gone again


def test_the_deck_placed_first_stays_once_the_rest_is_placed(tmp_path: Path) -> None:
    """A watch's deck is placed while the rest still draw, under the journal the rest's
    moves join; finishing closes it."""
    out = filled(tmp_path)
    folder, (deck, rest) = _two_renderers(out)
    placing = staging.Placing(folder, out)
    assert [o.path for o in placing.add([deck])] == [out / "deck.pptx"]
    assert (out / "deck.pptx").read_text() == "new deck.pptx"
    assert (out / "handout.pdf").read_text() == "old handout"
    assert (folder / staging.JOURNAL).exists()
    assert [o.path for o in placing.finish([rest])] == [out / "handout.pdf"]
    placing.undo()  # too late: the journal is closed
    assert [(out / n).read_text() for n in ("deck.pptx", "handout.pdf")] == [
        "new deck.pptx",
        "new handout.pdf",
    ]
    staging.remove(folder)
    assert [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == []


@pytest.mark.parametrize("how", ["undone", "failed", "killed"])
def test_the_deck_placed_first_goes_back_with_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """When the rest is not placed (a renderer failed, a move of the rest failed, the build
    was killed and the next one sweeps), the deck placed first is put back too."""
    out = filled(tmp_path)
    before = state(out)
    folder, (deck, rest) = _two_renderers(out)
    placing = staging.Placing(folder, out)
    placing.add([deck])
    assert state(out) != before
    if how == "undone":
        placing.undo()
    elif how == "failed":
        _fail_on(monkeypatch, "handout.pdf")
        with pytest.raises(OSError, match="No space"):
            placing.finish([rest])
    if how == "killed":
        assert staging.sweep(out) == 1  # the next build's, under the lock
    else:
        staging.remove(folder)
    assert state(out) == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".kit-")] == []


def test_a_target_that_is_a_folder_moves_nothing(tmp_path: Path) -> None:
    out = filled(tmp_path)
    (out / "handout.pdf").unlink()
    (out / "handout.pdf").mkdir()
    before = state(out)
    folder, staged = stage(out)
    with pytest.raises(IsADirectoryError) as caught:
        staging.Placing(folder, out).finish([(folder, staged)])
    assert str(caught.value) == f"[Errno {errno.EISDIR}] Is a directory: '{out / 'handout.pdf'}'"
    staging.remove(folder)
    assert {k: v for k, v in state(out).items() if not k.startswith("sub")} == before


def killed_while_moving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict]:
    """An output folder where a build died after three moves, journal and all."""
    out = filled(tmp_path)
    before = state(out)
    folder, staged = stage(out)
    replace = os.replace
    moved: list[str] = []

    def dying(source: str | Path, target: str | Path) -> None:
        if not Path(source).name.startswith("."):
            moved.append(str(target))
            if len(moved) == 4:
                raise SystemExit("killed")  # as if the process died here: no undo after it
        replace(source, target)

    monkeypatch.setattr(os, "replace", dying)
    monkeypatch.setattr(staging, "_undo", lambda *_: None)
    with pytest.raises(SystemExit):
        staging.Placing(folder, out).finish([(folder, staged)])
    monkeypatch.undo()
    assert (out / "guide.pdf").read_text() == "new guide.pdf"
    return out, before


def test_the_next_build_undoes_what_a_killed_build_half_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = killed_while_moving(tmp_path, monkeypatch)
    (leftover,) = [p for p in out.iterdir() if p.name.startswith(".kit-handouts-")]
    staging.remove(leftover)  # a journal still there: the folder is kept for the undo
    assert leftover.exists()
    assert staging.sweep(out) == 1
    assert {k: v for k, v in state(out).items() if not k.startswith("sub")} == before
    assert staging.sweep(out) == 0


def test_only_kit_s_own_staging_folders_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    kept = [".kit-handouts-x", ".kit-handouts-1234567", "kit-handouts-12345678", ".kit-2-12345678"]
    for name in kept:
        (out / name).mkdir()
        (out / name / staging.MARKER).write_text("")
    (out / ".kit-aaa-unmarked").mkdir()  # kit's name but someone's files in it
    (out / ".kit-aaa-unmarked" / "notes.txt").write_text("mine")
    (out / ".kit-slides-abcdefgh").write_text("a file, not a folder")
    os.symlink(out / kept[0], out / ".kit-guide-linked01")
    (out / ".kit-guide-emptyabc").mkdir()  # killed before it was marked
    marked = staging.create(out, "exercises")
    (marked / "deep" / "er").mkdir(parents=True)
    (marked / "deep" / "er" / "file.pdf").write_text("half written")
    (marked / "loose.pdf").write_text("half written")
    os.symlink(out / kept[0], marked / "link")
    assert staging.sweep(out) == 2
    left = sorted(p.name for p in out.iterdir())
    assert left == sorted(
        [*kept, ".kit-aaa-unmarked", ".kit-slides-abcdefgh", ".kit-guide-linked01"]
    )
    assert (out / kept[0] / staging.MARKER).exists()


def test_placed_files_are_made_durable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each folder a file moved into is fsynced, so a power cut cannot undo the moves."""
    out = tmp_path / "out"
    out.mkdir()
    folder, staged = stage(out)
    synced: list[str] = []
    fsync = os.fsync

    def recording(descriptor: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        fsync(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    staging.Placing(folder, out).finish([(folder, staged)])
    assert {str(out), str(out / "sub" / "deeper")} <= set(synced)
    assert synced.count(str(out)) == 1  # once per folder, not once per file
    assert str(folder) in synced  # the journal, before any move


def test_files_the_user_may_not_give_away_still_get_their_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only root may give a file to another owner; anyone else's rebuild keeps the mode."""

    def refused(*args: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    out = filled(tmp_path)
    folder, staged = stage(out)
    monkeypatch.setattr(os, "chown", refused)
    staging.Placing(folder, out).finish([(folder, staged)])
    assert (out / "handout.pdf").stat().st_mode & 0o777 == 0o640
    assert (out / "handout.pdf").read_text() == "new handout.pdf"


def test_a_new_file_the_user_removed_before_the_next_build_is_no_obstacle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = killed_while_moving(tmp_path, monkeypatch)
    (out / "sub" / "deeper" / "cards.pdf").unlink()
    assert staging.sweep(out) == 1
    assert {k: v for k, v in state(out).items() if not k.startswith("sub")} == before
