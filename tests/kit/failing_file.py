"""The handouts, drawn file by file as a build does, but the guide fails halfway.

Named in the build's table of renderers by tests/kit/test_workers.py, so that each file is
a task of its own in a real worker (see tests/kit/failing_renderer.py).
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

import handouts
from kit.outputs import GUIDE, Output, OutputKind

FILES = handouts.FILES


def render(
    workshop: Any,
    theme: Any,
    out_dir: Path,
    options: Any,
    files: Collection[OutputKind] = FILES,
    **plans: Any,
) -> list[Output]:
    if GUIDE in files:
        (out_dir / GUIDE.file).write_bytes(b"%PDF- half a guide")
        raise RuntimeError(f"the guide failed in process {os.getpid()}")
    return handouts.render(workshop, theme, out_dir, options, files=files, **plans)
