"""A renderer whose process dies halfway, as one the kernel's out-of-memory killer ends.

Named in the build's table of renderers by tests/kit/test_workers.py, so that it runs in a
real worker process (see tests/kit/failing_renderer.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kit.outputs import Output


def render(workshop: Any, theme: Any, out_dir: Path, options: Any, **plans: Any) -> list[Output]:
    (out_dir / "handout.pdf").write_bytes(b"%PDF- half a handout")
    os._exit(9)
