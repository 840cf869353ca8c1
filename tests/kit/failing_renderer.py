"""A renderer that fails halfway, for the build to run in a worker process.

Workers are real processes and import their renderer by name, so a renderer patched into
this process would not reach them; the tests name this module in the build's table instead.
It writes half a file first, as a renderer stopped by a bug would, then raises; with
``KIT_TEST_FAILING=hangs`` (read when the workers start: only in a new kit process) it
waits until its process is stopped.

``main()`` runs ``kit`` with this module drawing the handouts, for a test to run as a whole
command (``python -c "from tests.kit.failing_renderer import main; main()" ARGUMENTS``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from kit.outputs import Output


def render(workshop: Any, theme: Any, out_dir: Path, options: Any, **plans: Any) -> list[Output]:
    (out_dir / "handout.pdf").write_bytes(b"%PDF- half a handout")
    if os.environ.get("KIT_TEST_FAILING") == "hangs":
        time.sleep(600)  # far longer than any test waits: the build must stop it
    raise RuntimeError(f"failed in process {os.getpid()}")


def main() -> None:
    from kit.app import build
    from kit.app.cli import main as kit

    build.RENDERERS["handouts"] = "tests.kit.failing_renderer"
    kit(sys.argv[1:], prog_name="kit")
