"""Staging folders: where a build writes, how its files move into place, and recovery.

A build writes into one folder ``.kit-build-XXXXXXXX`` inside the output folder, marked by
a ``.kit-staging`` file so that kit never mistakes someone else's folder for its own; each
renderer writes into a folder of its own inside it. Only when every renderer has finished
are all their files placed, together, all or nothing:

1. every file already at a target is kept in the staging folder (a hard link, or a copy
   with its mode and owner), and each new file takes the old one's mode and owner;
2. a journal listing every move is written, then the files move with ``os.replace``, with
   Ctrl-C, SIGTERM and SIGHUP held back until the moves or their undo are over;
3. the folders are fsynced and the journal removed: the new files are in place.

``kit build --watch`` places the deck first, while the other renderers still draw: its
moves open the journal, the others' are added to it, and only then is it removed; a
renderer that fails puts the deck back with everything else (``Placing``).

A journal still present means the moves did not finish: undoing it puts back, for every
file that moved, what was there before (a file, a symlink, nothing). The undo runs at once
when a move fails, and otherwise in the next build, which sweeps the staging folders that
a killed build left behind.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.app import interrupts
from kit.outputs import Output

MARKER = ".kit-staging"
JOURNAL = ".kit-journal"
_STAGING_NAME = re.compile(r"\.kit-[a-z]+-[a-z0-9_]{8}")


def create(out: Path, name: str) -> Path:
    """A new, marked staging folder ``.kit-<name>-XXXXXXXX`` inside ``out``.

    A signal is held back until the folder is marked, so that it can be removed again.
    """
    folder = None
    try:
        with interrupts.deferred():
            folder = Path(tempfile.mkdtemp(prefix=f".kit-{name}-", dir=out))
            (folder / MARKER).write_text(
                "a kit build's staging folder; the next build removes it\n"
            )
    except BaseException:
        if folder is not None:
            remove(folder)
        raise
    return folder


def remove(folder: Path) -> None:
    """Delete a staging folder, marker last, unless its moves still need undoing.

    Interrupted halfway, the folder keeps its marker and the next build finishes the job.
    """
    if (folder / JOURNAL).exists():
        return  # the undo failed; the next build's sweep tries again
    with interrupts.deferred():
        for entry in folder.iterdir():
            if entry.name == MARKER:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        (folder / MARKER).unlink(missing_ok=True)
        folder.rmdir()


def sweep(out: Path) -> int:
    """Undo and remove the staging folders killed builds left in ``out``; how many.

    Run while holding the output folder's lock, so none of them belongs to a live build.
    Only folders named as kit names them are touched: those holding the marker, and empty
    ones (a build killed between creating the folder and marking it).
    """
    swept = 0
    for folder in sorted(out.iterdir()):
        if not _STAGING_NAME.fullmatch(folder.name) or not stat.S_ISDIR(folder.lstat().st_mode):
            continue
        if (folder / MARKER).exists():
            _undo(folder, out)
            remove(folder)
        elif not any(folder.iterdir()):
            folder.rmdir()
        else:
            continue
        swept += 1
    return swept


@dataclass(frozen=True)
class _Move:
    source: str  # name inside the staging folder
    target: str  # path relative to the output folder
    previous: str | None  # name inside the staging folder of what was at the target

    def as_list(self) -> list[str | None]:
        return [self.source, self.target, self.previous]


class Placing:
    """Finished files moved from ``staging`` into ``out`` under one journal, in one step or
    more: ``add`` places some at once (a watch's deck, while the rest still draw),
    ``finish`` the rest, then drops the journal. Until it is dropped, ``undo`` (or, after a
    kill, the next build's sweep) puts back what every step placed: all old or all new.

    Each part is a folder (``staging`` or one inside it) and the files written into it, each
    placed at its path relative to that folder. A step raises IsADirectoryError, before its
    files move, for a target that is a folder.
    """

    def __init__(self, staging: Path, out: Path) -> None:
        self._staging = staging
        self._out = out
        self._moves: list[_Move] = []
        self._open = False  # a step has placed files and the journal is still open

    def add(self, parts: Sequence[tuple[Path, Sequence[Output]]]) -> list[Output]:
        """Place these files now, the journal left open; the files where they now are."""
        return self._placed(parts, last=False)

    def finish(self, parts: Sequence[tuple[Path, Sequence[Output]]]) -> list[Output]:
        """Place the last files and drop the journal: everything placed stays."""
        return self._placed(parts, last=True)

    def undo(self) -> None:
        """Put back what was at every target that ``add`` placed, if ``finish`` has not
        closed the journal. (A step that fails undoes every step itself.)"""
        if self._open:
            _undo(self._staging, self._out)
            self._open = False

    def _placed(self, parts: Sequence[tuple[Path, Sequence[Output]]], last: bool) -> list[Output]:
        staged = [(folder, output) for folder, outputs in parts for output in outputs]
        done = len(self._moves)
        moves = [
            _prepare(done + index, output.path, folder, self._staging, self._out)
            for index, (folder, output) in enumerate(staged)
        ]
        with interrupts.deferred():
            self._moves += moves
            _write_journal(self._staging, self._moves)  # the earlier steps' moves, and these
            try:
                for move in moves:
                    os.replace(self._staging / move.source, self._out / move.target)
                _fsync_folders(self._out / move.target for move in moves)
            except BaseException:
                _undo(self._staging, self._out)
                raise
            if last:
                (self._staging / JOURNAL).unlink()
            self._open = not last
        return [Output(self._out / m.target, o.count, o.kind) for m, (_, o) in zip(moves, staged)]


def _prepare(index: int, source: Path, folder: Path, staging: Path, out: Path) -> _Move:
    """Keep what is at the target in staging and give the new file its mode and owner."""
    relative = source.relative_to(folder)
    target = out / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        status = target.lstat()
    except FileNotFoundError:
        return _Move(str(source.relative_to(staging)), str(relative), None)
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if stat.S_ISREG(status.st_mode):
        _copy_mode_and_owner(status, source)
    previous = f".previous-{index}"
    try:
        os.link(target, staging / previous, follow_symlinks=False)
    except OSError:  # a file system without hard links
        if stat.S_ISLNK(status.st_mode):
            os.symlink(os.readlink(target), staging / previous)
        else:
            shutil.copy2(target, staging / previous, follow_symlinks=False)
            _copy_mode_and_owner(status, staging / previous)
    return _Move(str(source.relative_to(staging)), str(relative), previous)


def _copy_mode_and_owner(status: os.stat_result, path: Path) -> None:
    os.chmod(path, stat.S_IMODE(status.st_mode))
    if (status.st_uid, status.st_gid) != (path.stat().st_uid, path.stat().st_gid):
        # Only root may give a file away; elsewhere the mode is still kept.
        with contextlib.suppress(PermissionError):
            os.chown(path, status.st_uid, status.st_gid)


def _write_journal(staging: Path, moves: list[_Move]) -> None:
    """Write the list of moves durably, under its final name in one step."""
    draft = staging / f"{JOURNAL}.draft"
    with draft.open("w", encoding="utf-8") as handle:
        json.dump([move.as_list() for move in moves], handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(draft, staging / JOURNAL)
    _fsync_folders([staging / JOURNAL])


def _undo(staging: Path, out: Path) -> None:
    """Put back what was at every target whose new file had moved; then drop the journal.

    A move happened if its source is gone from staging (``os.replace`` is atomic), so this
    is right wherever the moves stopped, and running it twice does no harm. An undo that
    fails keeps the journal, for the next build to try again.
    """
    journal = staging / JOURNAL
    if not journal.exists():
        return
    moves = [_Move(*entry) for entry in json.loads(journal.read_text(encoding="utf-8"))]
    with interrupts.deferred():
        for move in reversed(moves):
            if os.path.lexists(staging / move.source):
                continue  # never moved
            target = out / move.target
            if move.previous is None:
                target.unlink(missing_ok=True)
            elif os.path.lexists(staging / move.previous):
                os.replace(staging / move.previous, target)
        _fsync_folders(out / move.target for move in moves)
        journal.unlink()


def _fsync_folders(files: Iterable[Path]) -> None:
    """Make the renames of ``files`` durable: fsync each folder holding one."""
    for folder in dict.fromkeys(file.parent for file in files):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
