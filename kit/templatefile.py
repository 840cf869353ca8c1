"""A template's package, parsed once a process while its file stays as it is.

A build reads its template three times: ``kit check`` clears it, the planner reads its look
and the deck writer builds on it; ``--watch`` and its warm workers read it at every rebuild.
Parsing a large template's parts takes a tenth of a second or more each time, so the
parsed package is kept, keyed by the file's path, modification time and size: a
template saved again, or changed in place, is read again. The package kept is shared:
readers must not change it; whoever changes one changes a copy (``copy.deepcopy``, a small
part of what parsing took).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pptx.package import Package


def package(path: str) -> Package:
    """The parsed package of the template at ``path``, shared: read it, never change it."""
    found = os.stat(path)
    return _parsed(path, found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=2)  # a build uses one template; a few more only hold memory
def _parsed(path: str, _mtime: int, _size: int) -> Package:
    from pptx.package import Package

    return Package.open(path)
