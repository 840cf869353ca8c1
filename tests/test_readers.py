"""The reader's-eye checks catch what they promise, on small PDFs made to break them."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .readers import (
    Box,
    Decorations,
    below,
    broken_words,
    contrast_ratio,
    decoration_masks,
    low_contrast,
    off_page,
    on_decorations,
    overlaps,
    page_images,
    require_tool,
    unembedded_fonts,
    vocabulary,
    with_fonts,
    word_pages,
)

WIDTH, HEIGHT = 400.0, 300.0
BLACK, WHITE, NAVY, CREAM = "#000000", "#FFFFFF", "#1B2A4A", "#F6F0E1"


@pytest.fixture(scope="module")
def font() -> str:
    """Liberation Sans, embedded by reportlab (CI installs it for LibreOffice anyway)."""
    path = subprocess.run(
        [require_tool("fc-match"), "-f", "%{file}", "Liberation Sans"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Liberation" not in path:
        pytest.fail("Liberation Sans is not installed; run .ci/run (fonts-liberation2)")
    pdfmetrics.registerFont(TTFont("Liberation", path))
    return "Liberation"


Draw = Callable[[Canvas], None]


def _page(tmp_path: Path, draw: Draw, name: str = "page", font: str = "Liberation"):
    """A one-page PDF drawn by ``draw``, read back as words (with fonts) and pixels."""
    path = tmp_path / f"{name}.pdf"
    # Its own font from the start: reportlab's initial Helvetica would be listed unembedded.
    canvas = Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1, initialFontName=font)
    draw(canvas)
    canvas.save()
    (page,) = with_fonts(word_pages(path), path)
    (image,) = page_images(path)
    return page, image, path


def _text(
    font: str,
    *lines: str,
    x: float = 40,
    y: float = 250,
    size: float = 14,
    colour: str = BLACK,
    leading: float = 18,
) -> Draw:
    def draw(canvas: Canvas) -> None:
        canvas.setFillColor(HexColor(colour))
        canvas.setFont(font, size)
        for number, line in enumerate(lines):
            canvas.drawString(x, y - number * leading, line)

    return draw


def _both(*draws: Draw) -> Draw:
    def draw(canvas: Canvas) -> None:
        for one in draws:
            one(canvas)

    return draw


def _band(colour: str, y: float, height: float) -> Draw:
    def draw(canvas: Canvas) -> None:
        canvas.setFillColor(HexColor(colour))
        canvas.rect(0, y, WIDTH, height, stroke=0, fill=1)

    return draw


# --- off the page -----------------------------------------------------------------------


def test_text_running_off_the_page_is_flagged(tmp_path: Path, font: str) -> None:
    draw = _both(
        _text(font, "A line that runs past the right edge", x=250),
        _text(font, "Leftward words", x=-20, y=200),
        _text(font, "Below", y=-5),
    )
    page, _, _ = _page(tmp_path, draw)
    # pdftotext keeps what lies on the page ('tward' of 'Leftward'); pdfplumber finds the rest.
    found = [p.split(" at ")[0] for p in off_page(page)]
    assert found == ["p1: 'tward'", "p1: 'right'", "p1: 'edge'", "p1: 'Below'"]


def test_text_inside_the_page_passes_but_not_a_printers_margin(tmp_path: Path, font: str) -> None:
    page, _, _ = _page(tmp_path, _text(font, "Close to the left edge", x=6))
    assert off_page(page) == []
    assert off_page(page, inset=12)[0].startswith("p1: 'Close' at (6, ")


# --- overlap ----------------------------------------------------------------------------


def test_text_drawn_over_other_text_is_flagged(tmp_path: Path, font: str) -> None:
    draw = _both(
        _text(font, "First sentence of the slide"),
        _text(font, "Second sentence overlapping it", x=60, y=244),
    )
    page, _, _ = _page(tmp_path, draw)
    assert overlaps(page), page.words


def test_lines_set_tight_but_apart_pass(tmp_path: Path, font: str) -> None:
    draw = _both(
        _text(font, "A heading", size=20, y=260),
        _text(
            font, "Body text under it, set at a leading of 15 points", "and on", y=238, leading=15
        ),
    )
    page, _, _ = _page(tmp_path, draw)
    assert overlaps(page) == []


# --- broken words -----------------------------------------------------------------------

SOURCE = vocabulary(["The results were experimental in nature, and well-known to all."])


def test_a_word_split_over_two_lines_is_flagged(tmp_path: Path, font: str) -> None:
    page, _, _ = _page(tmp_path, _text(font, "The results were experiment", "al in nature"))
    (problem,) = broken_words(page, SOURCE)
    assert "'experiment' / 'al' breaks the word 'experimental'" in problem


def test_whole_words_and_breaks_after_hyphens_pass(tmp_path: Path, font: str) -> None:
    page, _, _ = _page(
        tmp_path,
        _text(font, "The results were", "experimental in nature,", "and well-", "known to all."),
    )
    assert broken_words(page, SOURCE) == []


# --- contrast ---------------------------------------------------------------------------


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_light_grey_on_white_is_flagged(tmp_path: Path, font: str) -> None:
    page, image, _ = _page(tmp_path, _text(font, "Barely there", colour="#BBBBBB"))
    problems = low_contrast(page, image)
    assert len(problems) == 2 and "contrast 1.92:1, under 4.5:1" in problems[0]


def test_text_in_the_colour_of_its_background_is_flagged(tmp_path: Path, font: str) -> None:
    draw = _both(_band(CREAM, 0, HEIGHT), _text(font, "White on cream", colour=WHITE, size=30))
    page, image, _ = _page(tmp_path, draw)
    assert len(low_contrast(page, image)) == 3


def test_a_title_half_under_a_band_of_its_own_colour_is_flagged(tmp_path: Path, font: str) -> None:
    draw = _both(
        _band(CREAM, 0, HEIGHT),
        _band(NAVY, 258, 42),
        _text(font, "Navy title", colour=NAVY, size=28),
    )
    page, image, _ = _page(tmp_path, draw)
    assert len(low_contrast(page, image)) == 2, page.words


def test_readable_text_passes_on_white_on_bands_and_beside_rules(tmp_path: Path, font: str) -> None:
    draw = _both(
        _band(NAVY, 200, 60),
        _text(font, "White on navy", colour=WHITE, y=222),
        _text(font, "Navy title over a rule", colour=NAVY, size=24, y=160),
        _band("#E88A1A", 152, 3),  # an orange rule touching the title's box
        _text(font, "Dark grey body text", colour="#5F5F5F", size=9, y=120),
    )
    page, image, _ = _page(tmp_path, draw)
    assert low_contrast(page, image) == []


def test_a_miniatures_tiny_words_are_read_again_at_a_finer_resolution(
    tmp_path: Path, font: str
) -> None:
    """Dark 4.8 pt words a pixel apart: at 100 dpi the neighbours' ink fills the strips
    read around some words, which then seem unreadable; drawn finer, they read as they are.
    (The lines' pitch and offset put glyphs on the pixel grid as a notes handout's did.)"""
    line = "the person's whole life and the choice over it"
    draw = _both(*(_text(font, line, x=40.4, size=4.8, y=250 - 5.2 * n) for n in range(3)))
    page, image, path = _page(tmp_path, draw)
    assert low_contrast(page, image) != []  # what the coarse reading alone says
    assert low_contrast(page, image, finer=lambda: page_images(path, 300)[0]) == []
    grey = _text(font, "the person's whole life", size=4.8, colour="#BBBBBB")
    page, image, grey_path = _page(tmp_path, grey, name="grey")
    finer_grey = page_images(grey_path, 300)[0]
    assert len(low_contrast(page, image, finer=lambda: finer_grey)) == 4  # unreadable still


def test_large_text_needs_three_to_one_and_small_text_four_and_a_half(
    tmp_path: Path, font: str
) -> None:
    grey = "#8C8C8C"  # 3.36:1 on white
    draw = _both(
        _text(font, "Large", colour=grey, size=24, y=250),
        _text(font, "Small", colour=grey, size=12, y=200),
    )
    page, image, _ = _page(tmp_path, draw)
    (problem,) = low_contrast(page, image)
    assert "'Small'" in problem and "3.36:1, under 4.5:1" in problem


# --- fonts ------------------------------------------------------------------------------


def test_sizes_are_read_back_and_small_text_is_flagged(tmp_path: Path, font: str) -> None:
    draw = _both(_text(font, "Readable", size=12, y=250), _text(font, "Tiny", size=6, y=200))
    page, _, _ = _page(tmp_path, draw)
    assert [(w.text, w.size) for w in page.words] == [("Readable", 12), ("Tiny", 6)]
    assert below(page, 8) == ["p1: 'Tiny' at (40, 96) is 6 pt, under 8 pt"]
    assert below(page, 6) == []


def test_fonts_not_embedded_are_flagged(tmp_path: Path, font: str) -> None:
    _, _, embedded = _page(tmp_path, _text(font, "Embedded"), "embedded")
    _, _, standard = _page(tmp_path, _text("Helvetica", "Not embedded"), "standard", "Helvetica")
    assert unembedded_fonts(embedded) == []
    assert unembedded_fonts(standard) == ["font Helvetica is not embedded"]


# --- on the template's decoration ----------------------------------------------------------


def test_words_on_a_templates_picture_are_flagged_but_not_inside_its_text_area(
    tmp_path: Path, font: str
) -> None:
    """The text area starts between two pixels at 50 dpi (42.52 pt): a bullet set at its
    edge is inside it, a word left of it lies on the picture."""
    top = HEIGHT - 60  # reportlab's y of a baseline 60 pt down
    page, _, _ = _page(
        tmp_path, _both(_text(font, "\u2022", x=42.5, y=top), _text(font, "Out", x=4, y=top - 40))
    )
    _, _, decorated = _page(tmp_path, _band(NAVY, 0, HEIGHT), "decorated")
    _, _, bare = _page(tmp_path, _band(WHITE, 0, HEIGHT), "bare")
    area = Box(42.52, 40.0, WIDTH - 20, HEIGHT - 20)
    (mask,) = decoration_masks(Decorations(decorated, bare, [0], [[area]]), 50)
    assert [p.split(" at ")[0] for p in on_decorations(page, mask)] == ["p1: 'Out'"]
