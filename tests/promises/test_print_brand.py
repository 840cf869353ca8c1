"""One brand on every printed page: the logo, the brand's colours and its font, read back
from the PDFs as a reader gets them (pdfplumber's images, lines and characters; pdffonts).

Two organisations: the food bank of the branded fixture (A4, a square logo, an orange accent
too light for text on white paper) and the cycling co-op (US Letter, DejaVu Sans from a file
in its folder, a green accent dark enough for text) given a wide wordmark here.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
import yaml
from PIL import Image, ImageDraw

from kit import outputs
from kit.model.colour import WHITE, contrast, rgb

from ..conftest import FIXTURES
from ..corpus import kit
from ..readers import pdf_fonts

MM = 72 / 25.4
# Documents without a running header: slide pages, and the bare certificate and name tent.
BARE = {
    kind.file
    for kind in (outputs.DECK_PDF, outputs.SHARED_SLIDES, outputs.CERTIFICATES, outputs.NAME_TENTS)
}
FACILITATOR = {kind.file for kind in outputs.OUTPUTS if kind.facilitator}
WORDMARK = (480, 120)  # pixels: a logo four times as wide as it is tall


@dataclass(frozen=True)
class Branded:
    """One workshop's printed documents and the brand they should carry."""

    out: Path
    logo: tuple[int, int]  # the logo's size in pixels
    accent: str
    primary: str
    font: str  # the name pdffonts gives the brand font, without its subset tag

    @property
    def pdfs(self) -> list[Path]:
        return sorted(self.out.glob("*.pdf"))

    @property
    def headed(self) -> list[Path]:
        return [path for path in self.pdfs if path.name not in BARE]


def _wordmark(path: Path) -> None:
    """A wide logo: a green bar with a white wheel and three white letters' worth of blocks."""
    width, height = WORDMARK
    image = Image.new("RGBA", WORDMARK, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=20, fill="#14532D")
    draw.ellipse((14, 14, height - 14, height - 14), outline="white", width=10)
    for index in range(3):
        left = height + 20 + index * 110
        draw.rectangle((left, 35, left + 80, height - 35), fill="white")
    image.save(path)


def _build(folder: Path, out: Path) -> Path:
    people = out.parent / f"{out.name}-people.csv"
    people.write_text("name,organisation\nAna Núñez,Cocina\nBo Lind,\n", "utf-8")
    only = ("--only", "handouts", "--only", "exercises", "--only", "printlist")
    result = kit("build", folder, "--out", out, *only, "--participants-file", people)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def food_bank(tmp_path_factory: pytest.TempPathFactory) -> Branded:
    out = _build(FIXTURES / "branded", tmp_path_factory.mktemp("brand") / "food-bank")
    with Image.open(FIXTURES / "branded" / "images" / "logo.png") as logo:
        size = logo.size
    # The workshop names no font: its template's theme fonts (Calibri, drawn as Carlito).
    return Branded(out, size, "#E88A1A", "#1B2A4A", "Carlito")


@pytest.fixture(scope="module")
def cycle_coop(tmp_path_factory: pytest.TempPathFactory) -> Branded:
    folder = tmp_path_factory.mktemp("brand") / "cycle-coop"
    shutil.copytree(FIXTURES / "cycle-coop", folder)
    (folder / "images").mkdir()
    _wordmark(folder / "images" / "wordmark.png")
    source = yaml.safe_load((folder / "workshop.yaml").read_text(encoding="utf-8"))
    source["theme"]["logo"] = "images/wordmark.png"
    (folder / "workshop.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), "utf-8")
    out = _build(folder, folder.parent / "cycle-coop-out")
    return Branded(out, WORDMARK, "#B45309", "#14532D", "DejaVuSans")


@pytest.fixture(params=["food_bank", "cycle_coop"])
def branded(request: pytest.FixtureRequest) -> Branded:
    return request.getfixturevalue(request.param)


def _logos(page: pdfplumber.page.Page, size: tuple[int, int]) -> list[dict]:
    return [image for image in page.images if tuple(image["srcsize"]) == size]


def _colour(value: tuple[float, ...] | None) -> str | None:
    """pdfplumber's colour (RGB from 0 to 1) as ``#RRGGBB``."""
    if value is None or len(value) != 3:
        return None
    return "#" + "".join(f"{round(channel * 255):02X}" for channel in value)


def _same(a: str | None, b: str) -> bool:
    """Two colours the same within rounding."""
    return a is not None and all(abs(x - y) <= 1 for x, y in zip(rgb(a), rgb(b)))


def test_the_logo_heads_every_page_at_one_place_its_proportions_kept(branded: Branded) -> None:
    """Every page of every document with a running header shows the logo once, at the top
    left of the text, 12 mm or more from the paper's edge, as wide for its height as the
    picture, with no text over it; on every page of a document at the same place."""
    assert len(branded.headed) >= 11
    aspect = branded.logo[0] / branded.logo[1]
    for path in branded.headed:
        with pdfplumber.open(path) as pdf:
            places = set()
            for page in pdf.pages:
                where = f"{path.name} page {page.page_number}"
                # Above the body, which starts 25 mm down at the most: the notes handout's
                # slides show the logo again below.
                logos = [i for i in _logos(page, branded.logo) if i["bottom"] < 25 * MM]
                assert len(logos) == 1, where
                logo = logos[0]
                places.add((round(logo["x0"], 1), round(logo["top"], 1), round(logo["width"], 1)))
                assert logo["width"] / logo["height"] == pytest.approx(aspect, rel=0.01), where
                assert logo["top"] >= 12 * MM - 0.1, where
                assert 8 * MM <= logo["height"] <= 10 * MM, where
                over = page.crop((logo["x0"], logo["top"], logo["x1"], logo["bottom"])).chars
                assert not over, f"{where}: {''.join(c['text'] for c in over)!r} on the logo"
                # At the text's left edge, where the footer and the headings start.
                left = min(word["x0"] for word in page.extract_words())
                assert logo["x0"] == pytest.approx(left, abs=0.5), where
            assert len(places) == 1, f"{path.name}: the logo moves: {sorted(places)}"


def test_each_certificate_shows_the_logo_at_the_same_place(branded: Branded) -> None:
    with pdfplumber.open(branded.out / outputs.CERTIFICATES.file) as pdf:
        assert len(pdf.pages) == 2
        places = {
            tuple(round(logo[key], 1) for key in ("x0", "top", "width", "height"))
            for page in pdf.pages
            for logo in _logos(page, branded.logo)
        }
    assert len(places) == 1


def test_each_name_tent_shows_the_logo_on_both_faces(branded: Branded) -> None:
    """A tent stands folded: each face has the logo, centred, proportions kept, on its own
    side of the fold at the same distance from the table, the same on every tent, clear of
    any text."""
    aspect = branded.logo[0] / branded.logo[1]
    with pdfplumber.open(branded.out / outputs.NAME_TENTS.file) as pdf:
        places = set()
        for page in pdf.pages:
            where = f"tent page {page.page_number}"
            logos = sorted(_logos(page, branded.logo), key=lambda image: image["top"])
            assert len(logos) == 2, where
            upper, lower = logos
            assert upper["bottom"] < page.height / 2 < lower["top"], where
            # Turned half a circle, the upper face is the lower one: the same edge distance.
            assert upper["top"] == pytest.approx(page.height - lower["bottom"], abs=1), where
            for logo in logos:
                assert logo["width"] / logo["height"] == pytest.approx(aspect, rel=0.01), where
                middle = (logo["x0"] + logo["x1"]) / 2
                assert middle == pytest.approx(page.width / 2, abs=1), where
                over = page.crop((logo["x0"], logo["top"], logo["x1"], logo["bottom"])).chars
                assert not over, where
            places.add(tuple(round(logo["top"], 1) for logo in logos))
        assert len(places) == 1 or len(pdf.pages) == 1, places


def test_the_header_rule_is_the_accent_and_text_never_is_when_it_is_too_light(
    branded: Branded,
) -> None:
    """Under the header of every page but a facilitator's (a black band), a rule in the
    brand's accent; text in the accent only where it reads on white paper (4.5:1), and
    every text colour but white (on a band) does. Slides in the notes handout have
    backgrounds of their own."""
    readable = contrast(branded.accent, WHITE) >= 4.5
    for path in branded.headed:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                where = f"{path.name} page {page.page_number}"
                top = min(page.chars, key=lambda char: char["top"])["top"]
                if path.name not in FACILITATOR:
                    rule = min(page.lines, key=lambda line: line["top"])
                    assert rule["top"] < top + 20, where
                    assert _same(_colour(rule["stroking_color"]), branded.accent), where
                if path.name == outputs.NOTES_HANDOUT.file:
                    continue
                inks = {_colour(char["non_stroking_color"]) for char in page.chars} - {None, WHITE}
                if not readable:
                    assert not any(_same(ink, branded.accent) for ink in inks), where
                assert all(contrast(ink, WHITE) >= 4.5 for ink in inks), (where, inks)


def test_headings_are_in_the_primary_colour(branded: Branded) -> None:
    """The largest text of each participant handout's first page, its title, is in the
    brand's primary colour (dark enough for text on paper in both fixtures)."""
    for name in (outputs.HANDOUT.file, outputs.LARGE_PRINT.file, outputs.GUIDE.file):
        with pdfplumber.open(branded.out / name) as pdf:
            page = pdf.pages[0]
            largest = max(char["size"] for char in page.chars)
            title = [char for char in page.chars if char["size"] == largest]
            assert all(_same(_colour(c["non_stroking_color"]), branded.primary) for c in title)


def test_every_pdf_is_set_in_the_brand_font_embedded(branded: Branded) -> None:
    for path in branded.pdfs:
        fonts = {(name.split("+")[-1], embedded) for name, embedded in pdf_fonts(path)}
        assert fonts, path.name
        assert all(name.startswith(branded.font) and embedded for name, embedded in fonts), (
            path.name,
            fonts,
        )
