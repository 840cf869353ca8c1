"""Shared fixtures: the bundled sample workshop, fixture workshops and output readers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kit.build import BuildOptions, fixed_timestamp
from kit.loader import LoadedWorkshop, load

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sex-work-and-trafficking"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_tool(name: str) -> str:
    """The path of a system tool the test needs; CI installs them, so absence fails."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed; run .ci/run or install it (see README)")
    return path


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext extracts it (reading order, one page after another)."""
    tool = require_tool("pdftotext")
    return subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path: Path) -> list[str]:
    """Extracted text per page."""
    return pdf_text(path).split("\f")[:-1]


@pytest.fixture(scope="session")
def sample() -> LoadedWorkshop:
    return load(SAMPLE)


def options_for(loaded: LoadedWorkshop, paper: str = "a4", participants: int = 20) -> BuildOptions:
    return BuildOptions(
        paper=paper,  # type: ignore[arg-type]
        participants=participants,
        timestamp=fixed_timestamp(loaded),
        base_dir=loaded.base_dir,
    )
