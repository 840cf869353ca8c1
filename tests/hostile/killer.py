"""Run ``kit`` with a signal sent to itself right after its Nth file-system step.

``python -m tests.hostile.killer N SIGNUM kit-arguments...``: the steps counted are the
calls by which a build changes folders (mkdir, link, replace, fsync, unlink, rmdir), so
N = 1, 2, ... stops a real build at each point where the disk changes, rendering included.
N = 0 sends nothing and prints ``steps: <count>`` last, to stderr.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

STEPS = ("mkdir", "link", "replace", "fsync", "unlink", "rmdir")


def _counting(real: Callable[..., Any], kill_at: int, signum: int, count: list[int]):
    def step(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        count[0] += 1
        if count[0] == kill_at:
            os.kill(os.getpid(), signum)
        return result

    return step


def main() -> None:
    kill_at, signum, *arguments = sys.argv[1:]
    count = [0]
    for name in STEPS:
        setattr(os, name, _counting(getattr(os, name), int(kill_at), int(signum), count))
    from kit.app.cli import main as kit

    sys.argv = ["kit", *arguments]
    try:
        kit()
    finally:
        if kill_at == "0":
            print(f"steps: {count[0]}", file=sys.stderr)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    main()
