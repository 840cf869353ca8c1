"""Sheets rendered to pictures by a real rasteriser, page for page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from ..readers import require_tool
from .conftest import ALL_SHEETS


@pytest.mark.parametrize(("workshop", "paper"), [("sample", "a4"), ("other", "letter")])
def test_every_page_renders_to_a_picture(built, tmp_path: Path, workshop: str, paper: str) -> None:
    pdftoppm = require_tool("pdftoppm")
    sheets = built(workshop, paper)
    for name in ALL_SHEETS:
        output = sheets.outputs[name]
        prefix = tmp_path / output.path.stem
        subprocess.run([pdftoppm, "-r", "30", "-png", str(output.path), str(prefix)], check=True)
        pictures = sorted(tmp_path.glob(f"{output.path.stem}-*.png"))
        assert len(pictures) == output.count, name
        for picture in pictures:
            with Image.open(picture) as image:
                landscape = image.width > image.height
                assert landscape == (name == "continuum-signs.pdf"), picture.name
                darkest, lightest = image.convert("L").getextrema()
                assert darkest < 150 and lightest > 240, picture.name  # ink on paper, not blank
