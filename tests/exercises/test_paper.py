"""Every sheet on A4 and US Letter, portrait except the landscape wall signs."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from .conftest import ALL_SHEETS

SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("workshop", ["sample", "other"])
def test_page_sizes_follow_the_paper(built, workshop: str, paper: str) -> None:
    sheets = built(workshop, paper)
    width, height = SIZES[paper]
    for name in ALL_SHEETS:
        expected = (height, width) if name == "continuum-signs.pdf" else (width, height)
        for page in PdfReader(sheets.path(name)).pages:
            box = page.mediabox
            assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01)
