"""One build at a time per output folder: an advisory lock on a file inside it.

Two builds writing into one folder at once (``--watch`` and a build by hand, say) would
leave a mix of both. Each build holds ``fcntl.flock`` on ``<out>/.kit-lock`` while it
sweeps and writes; a second build says it is waiting, waits up to ``wait`` seconds, and
then gives up with one line. The kernel drops the lock when its holder exits, however it
exits, so a killed build never leaves the folder locked. The file stays, empty.
"""

from __future__ import annotations

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
) -> Iterator[None]:
    """Hold the lock on ``out`` for the block; EnvironmentFault if another build keeps it."""
    # Read-only is enough for flock, and lets a read-only folder fail where kit writes.
    descriptor = os.open(out / LOCK_FILE, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        if not _try_lock(descriptor):
            waiting(f"waiting: another kit build is writing into {out}")
            deadline = time.monotonic() + wait
            while not _try_lock(descriptor):
                if time.monotonic() >= deadline:
                    raise EnvironmentFault(
                        f"{out}: another kit build has been writing into this folder for "
                        f"{wait:.0f} s; let it finish or stop it, or choose another --out"
                    )
                time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
