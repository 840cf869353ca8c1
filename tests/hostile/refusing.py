"""Run ``kit`` on a machine that refuses to make folders inside the output folder.

``python -m tests.hostile.refusing ERRNO OUT kit-arguments...``: every ``os.mkdir`` under
OUT fails with ERRNO, as it would for a user without write permission there (root, which
runs the tests, is never refused by the permission bits themselves).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    number, out, *arguments = sys.argv[1:]
    real = os.mkdir

    def mkdir(path: str | Path, *args: object, **kwargs: object) -> None:
        if Path(path).is_relative_to(out):
            raise OSError(int(number), os.strerror(int(number)), str(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    os.mkdir = mkdir  # type: ignore[assignment]
    from kit.app.cli import main as kit

    sys.argv = ["kit", *arguments]
    kit()


if __name__ == "__main__":
    main()
