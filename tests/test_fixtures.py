"""Every fixture workshop of another organisation is valid, as ``kit check`` sees it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("name", sorted(p.parent.name for p in FIXTURES.glob("*/workshop.yaml")))
def test_fixture_checks_clean(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kit", "check", str(FIXTURES / name)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{FIXTURES / name / 'workshop.yaml'}: ok")
