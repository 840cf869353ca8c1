"""One build at a time per output folder: an advisory lock on a file inside it.

Two builds writing into one folder at once (``--watch`` and a build by hand, say) would
leave a mix of both. Each build holds ``fcntl.flock`` on ``<out>/.kit-lock`` while it
sweeps and writes; a second build says it is waiting, waits up to ``wait`` seconds, and
then gives up with one line. The kernel drops the lock when its holder exits, however it
exits, so a killed build never leaves the folder locked. The file stays, empty, but for a
build that made the folder and wrote nothing: it removes both (``discard``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kit.errors import EnvironmentFault

LOCK_FILE = ".kit-lock"
WAIT_SECONDS = 120.0  # longer than any sane build; a hung one is reported, not waited on
_POLL_SECONDS = 0.1


@contextmanager
def locked(
    out: Path, *, wait: float = WAIT_SECONDS, waiting: Callable[[str], None] = print
) -> Iterator[bool]:
    """Hold the lock on ``out`` for the block, making the folder if need be; whether this
    call made it. EnvironmentFault if another build keeps it locked for ``wait`` seconds."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        made = _made(out)
        # Read-only is enough for flock, and lets a read-only folder fail where kit writes.
        descriptor = os.open(out / LOCK_FILE, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            while not _try_lock(descriptor):
                if not told:
                    waiting(f"waiting: another kit build is writing into {out}")
                    told = True
                if time.monotonic() >= deadline:
                    raise EnvironmentFault(
                        f"{out}: another kit build has been writing into this folder for "
                        f"{wait:.0f} s; let it finish or stop it, or choose another --out"
                    )
                time.sleep(_POLL_SECONDS)
        except BaseException:
            os.close(descriptor)
            raise
        if _linked(descriptor, out):
            break
        os.close(descriptor)  # the build before removed the folder it made (``discard``)
    try:
        yield made
    finally:
        os.close(descriptor)  # closing releases the lock


def discard(out: Path) -> None:
    """Remove the folder ``locked`` made, with its lock file, if nothing else is in it: a
    build that wrote nothing leaves no folder behind. Called holding the lock; a build
    waiting for it then finds its lock file gone and locks a new one."""
    with contextlib.suppress(FileNotFoundError):
        (out / LOCK_FILE).unlink()
    with contextlib.suppress(OSError):  # not empty: someone else's files stay
        out.rmdir()


def _made(out: Path) -> bool:
    try:
        out.mkdir(parents=True)
    except FileExistsError:
        if not out.is_dir():
            raise  # a file where the folder should be: said as such
        return False
    return True


def _linked(descriptor: int, out: Path) -> bool:
    """Whether the locked file is still ``out``'s lock file (not removed by ``discard``)."""
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(out / LOCK_FILE))
    except FileNotFoundError:
        return False


def _try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
