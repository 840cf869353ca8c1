"""Every resource's web address is a QR code that a phone can read off the printed page."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kit.app.build import build
from kit.model import ResourcesBlock
from kit.source.loader import load

from ..conftest import FIXTURES, pdf_pages
from ..readers import require_tool
from .conftest import HANDOUT, LARGE_PRINT, Built


def decoded(pdf: Path, pages: list[int], out: Path) -> list[str]:
    """What zbarimg reads from ``pages`` rendered at 200 dpi, as a phone camera might."""
    pdftoppm, zbarimg = require_tool("pdftoppm"), require_tool("zbarimg")
    out.mkdir()
    for page in pages:
        number = ["-f", str(page), "-l", str(page)]
        subprocess.run(
            [pdftoppm, "-r", "200", "-png", *number, str(pdf), str(out / "page")], check=True
        )
    found: list[str] = []
    for image in sorted(out.glob("page-*.png")):
        # Exit status 4 means "no symbol on this page"; stderr carries D-Bus chatter.
        result = subprocess.run(
            [zbarimg, "--raw", "-q", str(image)], capture_output=True, text=True
        )
        assert result.returncode in (0, 4), result.stderr
        found += result.stdout.split()
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("handout", [HANDOUT, LARGE_PRINT])
def test_qr_codes_decode_to_the_resource_urls(
    built: Callable[..., Built], handout: str, paper: str, tmp_path: Path
) -> None:
    done = built("sample", paper)
    urls = [
        item.url
        for block in done.workshop.blocks_of(ResourcesBlock)
        for item in block.items
        if item.url
    ]
    assert len(urls) == 4
    # Rendering only the pages that print a web address keeps the test quick.
    pages = [n for n, text in enumerate(done.pages(handout), start=1) if "https://" in text]
    assert Counter(decoded(done.path(handout), pages, tmp_path / "pages")) == Counter(urls)


@pytest.mark.parametrize("edition", [("all-blocks", None), ("other-workshop", "ru")])
@pytest.mark.parametrize("handout", [HANDOUT, LARGE_PRINT])
def test_the_first_page_points_to_the_web_edition(
    edition: tuple[str, str | None], handout: str, tmp_path: Path
) -> None:
    folder, language = FIXTURES / edition[0], edition[1]
    build(folder, tmp_path / "out", only=["handouts"], language=language)
    web = load(folder, language).workshop.web
    assert web is not None
    pdf = tmp_path / "out" / handout
    assert web.url in "".join(pdf_pages(pdf)[0].split())  # large print may wrap it
    assert decoded(pdf, [1], tmp_path / "pages") == [web.url]
