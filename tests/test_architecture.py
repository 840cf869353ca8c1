"""The architecture holds: layers point one way (import-linter), and the types check (mypy).

Both read their settings from pyproject.toml; these tests only run them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_the_layers_point_one_way() -> None:
    """kit.app over the renderers (never importing each other) over kit.pdf | kit.lint ..."""
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_kit_and_the_renderers_type_check() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")
