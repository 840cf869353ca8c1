"""The files themselves: paper sizes, embedded fonts, metadata, margins, same bytes twice."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from kit.layout.planner import SLIDE_SIZES
from kit.outputs import WEB
from kit.words.langtag import language_tag

from ..readers import pdf_fonts, tool_output
from .conftest import ALL, LANDSCAPE, PRINTED, SLIDE_SIZED, Built, render_into

PAPERS = {"a4": A4, "letter": LETTER}
EDGE = 12 * mm  # nothing printed closer to the paper's edge
FOOTER_ZONE = 12 * mm  # kit.pdf's page footer sits here; see test_text_keeps_off_the_edges


@pytest.mark.parametrize("paper", PAPERS)
def test_page_sizes(built: Callable[..., Built], paper: str) -> None:
    done = built("sample", paper)
    for name in PRINTED:
        sizes = {_size(page) for page in PdfReader(done.path(name)).pages}
        assert sizes == {tuple(round(side, 2) for side in PAPERS[paper])}, name
    for name in LANDSCAPE:
        sizes = {_size(page) for page in PdfReader(done.path(name)).pages}
        assert sizes == {tuple(round(side, 2) for side in PAPERS[paper][::-1])}, name
    for name in SLIDE_SIZED:
        deck_sizes = {_size(page) for page in PdfReader(done.path(name)).pages}
        assert deck_sizes == {SLIDE_SIZES["16:9"]}, name


def _size(page: object) -> tuple[float, float]:
    box = page.mediabox  # type: ignore[attr-defined]
    return round(float(box.width), 2), round(float(box.height), 2)


@pytest.mark.parametrize("paper", PAPERS)
def test_page_counts_are_reported(built: Callable[..., Built], paper: str) -> None:
    done = built("sample", paper)
    assert set(done.outputs) == {*ALL, WEB.file}
    for name, output in done.pdfs.items():
        assert output.count == len(PdfReader(output.path).pages), name
        assert output.unit == "pages"


@pytest.mark.parametrize("name", ["sample", "all-blocks"])
def test_every_font_is_embedded_and_ours(built: Callable[..., Built], name: str) -> None:
    for output in built(name).pdfs.values():
        fonts = pdf_fonts(output.path)
        assert fonts, output.path.name
        for font, embedded in fonts:
            assert embedded, f"{output.path.name}: {font} is not embedded"
            assert "+LiberationSans" in font, f"{output.path.name}: {font}"


def test_metadata(built: Callable[..., Built]) -> None:
    done = built("sample")
    workshop = done.workshop
    for output in done.pdfs.values():
        reader = PdfReader(output.path)
        info = reader.metadata
        assert info is not None
        assert info.title and info.title.startswith(workshop.title), output.path.name
        assert info.author == workshop.organisation
        assert info.subject
        assert reader.trailer["/Root"]["/Lang"] == language_tag(workshop.language)


@pytest.mark.parametrize("paper", PAPERS)
def test_text_keeps_off_the_edges(built: Callable[..., Built], paper: str) -> None:
    """No word within 12 mm of the paper's edge, but the page footer's.

    kit.pdf draws the page footer with its baseline 10 mm from the bottom edge, for every
    PDF renderer; that line is checked to be the footer and left to kit.
    """
    done = built("sample", paper)
    width, height = PAPERS[paper]
    for name in PRINTED:
        for page, words in enumerate(_words(done.path(name)), start=1):
            for x0, y0, x1, y1, word in words:
                where = f"{name} page {page}: {word!r}"
                assert x0 >= EDGE and x1 <= width - EDGE, where
                assert y0 >= EDGE, where
                assert y1 <= height - EDGE or y0 >= height - FOOTER_ZONE - 2 * mm, where


def test_footer_says_what_and_which_page(built: Callable[..., Built]) -> None:
    pages = built("sample").pages(PRINTED[0])
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of {len(pages)}")
        assert "Participant handout · Community Rights Workshop Collective" in page


def _words(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (points from the top-left), via pdftotext."""
    html = tool_output("pdftotext", "-bbox", path, "-")
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in pattern.findall(page)]
        for page in html.split("<page ")[1:]
    ]


def test_same_input_gives_the_same_bytes(
    built: Callable[..., Built], tmp_path_factory: pytest.TempPathFactory
) -> None:
    done = built("all-blocks")
    again = render_into(done.workshop, tmp_path_factory.mktemp("again"), **_options(done))
    for name, output in done.outputs.items():
        assert again[name].path.read_bytes() == output.path.read_bytes(), name


def _options(done: Built) -> dict[str, object]:
    options = done.options
    return {
        "paper": options.paper,
        "participants": options.participants,
        "timestamp": options.timestamp,
    }
