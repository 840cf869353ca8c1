"""Faults of the machine, not of kit or the workshop: one line naming the path and the fix."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kit.errors import EnvironmentFault

_ADVICE = {
    errno.ENOSPC: "no space left on the disk; free some space or choose another --out",
    errno.EDQUOT: "the disk quota is used up; free some space or choose another --out",
    errno.EFBIG: "the file is too large for this file system; choose another --out",
    errno.EROFS: "the file system is read-only; choose another --out",
    errno.EACCES: "permission denied; make it writable or choose another --out",
    errno.EPERM: "permission denied; make it writable or choose another --out",
    errno.EIO: "the disk reported an input/output error; check it or choose another --out",
    errno.ENOTDIR: "part of this path is a file, not a folder; choose another --out",
    errno.EEXIST: "this is a file, not a folder; choose another --out",
    errno.EISDIR: "a folder is where kit writes this file; move it away or choose another --out",
}


def environment_fault(exc: OSError, out: Path) -> EnvironmentFault:
    """``exc`` as one line naming its path; any other OSError is raised again.

    Only the errors a machine causes are turned into a line; any other OSError is a bug in
    kit and keeps its traceback. Kit's own files in ``out`` (its lock, its staging folders)
    mean nothing to a user, so a fault in one names ``out`` itself.
    """
    advice = _ADVICE.get(exc.errno or 0)
    if advice is None:
        raise exc
    path = Path(os.fsdecode(exc.filename)) if exc.filename else out
    if path.is_relative_to(out) and any(
        part.startswith(".kit-") for part in path.relative_to(out).parts
    ):
        path = out
    return EnvironmentFault(f"{path}: {advice}")
