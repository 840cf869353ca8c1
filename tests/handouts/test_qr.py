"""Every resource's web address is a QR code that a phone can read off the printed page."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kit.model import ResourcesBlock

from ..conftest import require_tool
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


@pytest.mark.parametrize("handout", [HANDOUT, LARGE_PRINT])
def test_the_first_page_points_to_the_web_edition(
    built: Callable[..., Built], handout: str, tmp_path: Path
) -> None:
    done = built("all-blocks")
    assert done.workshop.web is not None
    url = done.workshop.web.url
    assert url in done.pages(handout)[0]
    assert url in decoded(done.path(handout), [1], tmp_path / "pages")
