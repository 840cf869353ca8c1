"""No dead code (#12): vulture finds nothing unused in kit, the renderers, the tests and the
scripts, at 60% confidence and above.

What a framework calls by name (reportlab's ``wrap`` arguments, click callbacks, jinja2's
code generator, python-pptx's property setters, pytest fixtures) is listed in
tests/dead_code_whitelist.py, which vulture reads as one more file using those names.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

SCANNED = ("kit", "slides", "handouts", "exercises", "tests", "scripts")


def _vulture(*paths: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "vulture", *paths, "--min-confidence", "60"]
    command += ["--ignore-decorators", "@pytest.fixture"]  # pytest calls them by name
    return subprocess.run(
        [*command, "--exclude", "tests/fixtures"], cwd=ROOT, capture_output=True, text=True
    )


def test_vulture_finds_no_dead_code() -> None:
    result = _vulture(*SCANNED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_the_check_can_fail(tmp_path: Path) -> None:
    """A function nothing calls is found: the check is not blind."""
    orphan = tmp_path / "orphan.py"
    orphan.write_text("def never_called() -> int:\n    return 1\n", encoding="utf-8")
    result = _vulture(*SCANNED, str(orphan))
    assert "unused function 'never_called'" in result.stdout
