"""Small pieces (#12): no function over 60 lines and no module over 400, in kit and the
renderers. Lines are counted as written, docstrings and comments too: what a reader reads.

A function counts from its ``def`` line to its last line (decorators apart: a click
command's options are declarations, not logic).
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGES = ("kit", "slides", "handouts", "exercises")
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def _function_lengths(path: Path) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}": node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None
    }


def test_the_packages_are_found() -> None:
    assert len(_modules()) > 80


def test_no_module_is_over_400_lines() -> None:
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in _modules()
    }
    assert {name: n for name, n in lengths.items() if n > MAX_MODULE_LINES} == {}


def test_no_function_is_over_60_lines() -> None:
    lengths = {name: n for path in _modules() for name, n in _function_lengths(path).items()}
    assert {name: n for name, n in lengths.items() if n > MAX_FUNCTION_LINES} == {}
