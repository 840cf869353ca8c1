"""The ``kit`` program: the command line (``kit.app.cli``) run as a process of its own.

A short-lived Python process pays for two things kit does not need, and this is where they
are skipped, not in ``kit.app.cli``, so that a program or a test that imports kit keeps
Python's defaults:

- the garbage collector while kit and its libraries are imported: some hundreds of
  thousands of objects and no garbage, yet about a tenth of a deck's build. The imported
  objects are then frozen out of every later collection, and the build's own collections
  come every 50,000 new objects, not 700 (it makes objects by the hundred thousand and few
  cycles);
- the interpreter's teardown at exit, which frees every module one by one (about 0.1 s):
  once the command has finished, its files closed and its output flushed, the process ends.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

BATCH = 50_000  # new objects between two collections, while the command runs


def run(args: Sequence[str] | None = None) -> NoReturn:
    """``kit ARGS`` (``args``, else the process's own): run the command, then end the
    process with its exit status."""
    gc.disable()
    from kit.app.cli import main

    gc.freeze()
    gc.set_threshold(BATCH, 10, 10)
    gc.enable()
    code = 0
    try:
        main(args, prog_name="kit")
    except SystemExit as exit:
        if not isinstance(exit.code, (int, type(None))):
            raise  # a message to print: Python's exit does it
        code = exit.code or 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe (kit schema | head): Python's own exit reports it
        sys.exit(code)
    os._exit(code)
