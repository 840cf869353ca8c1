"""The code itself: ruff's lint rules and layout, and the direction of imports between packages."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

RENDERERS = ("slides", "handouts", "exercises")


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_ruff_finds_nothing(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "kit", *RENDERERS, "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", RENDERERS)
def test_renderers_never_import_each_other(package: str) -> None:
    for path in (ROOT / package).rglob("*.py"):
        others = _imports(path) & (set(RENDERERS) - {package})
        assert not others, f"{path.relative_to(ROOT)} imports {others}"


def test_the_model_knows_nothing_of_rendering_or_files() -> None:
    for path in (ROOT / "kit" / "model").rglob("*.py"):
        imported = _imports(path)
        assert not imported & {"pptx", "reportlab", "yaml", "PIL", *RENDERERS}, path
