"""The architecture holds: layers point one way and no package imports itself round in a
circle (import-linter), and the types check (mypy).

Both read their settings from pyproject.toml; these tests only run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

BIN = Path(sys.executable).parent


PACKAGES = ("kit", "slides", "handouts", "exercises")


def _run(*command: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=600, env={**os.environ, **env}
    )


def test_the_layers_point_one_way_and_no_package_has_a_cycle() -> None:
    """kit.app over the renderers (never importing each other) over kit.pdf | kit.lint ...;
    inside each package, no module imports one that imports it back (directly or not)."""
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_cycle_made_on_purpose_is_found(tmp_path: Path) -> None:
    """A copy of the code in which the YAML reader imports the loader, which imports it."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.ttf"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    reader = tmp_path / "kit" / "source" / "yamlsource.py"
    reader.write_text(reader.read_text() + "\nfrom kit.source import loader  # noqa\n")
    result = _run(str(BIN / "lint-imports"), "--no-cache", cwd=tmp_path, PYTHONPATH=str(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 kept, 1 broken" in result.stdout
    assert "No cycles are allowed in kit.source." in result.stdout
    assert ".yamlsource -> .loader" in result.stdout


def test_kit_and_the_renderers_type_check() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")
