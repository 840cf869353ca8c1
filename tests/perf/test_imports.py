"""Commands load only what they need: checking never loads a renderer's library.

Importing python-pptx and reportlab costs about 0.2 s, more than checking a workshop. Each
command runs in a fresh interpreter, which then lists the top-level modules it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import SAMPLE

_PROBE = """
import json, sys
from kit.app.cli import main
try:
    main(sys.argv[1:], prog_name="kit")
except SystemExit as exit:
    assert not exit.code, exit.code
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _imported(*args: str) -> set[str]:
    """The top-level modules loaded by ``kit ARGS``, run in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("command", ["check", "lint"])
def test_checking_loads_no_renderer_library(command: str) -> None:
    assert not _imported(command, str(SAMPLE)) & {"pptx", "reportlab"}


def test_building_the_deck_alone_loads_no_pdf_library(tmp_path: Path) -> None:
    imported = _imported("build", str(SAMPLE), "--out", str(tmp_path), "--only", "slides")
    assert "pptx" in imported  # the probe sees what a build loads
    assert "reportlab" not in imported
