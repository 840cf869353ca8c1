"""Brand fonts: a font file in the workshop folder is measured and embedded in every PDF; the
fonts templates name most are measured with their metric twins; any other name is a warning.

The fixture is a cycling co-operative's workshop (4:3, US Letter) set in DejaVu Sans, whose
letters are much wider than Arial's: measured as Arial, LibreOffice's render of its deck
runs text into the footer.
"""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pptx import Presentation

from kit.layout import fonts
from kit.layout.wrapping import wrap
from kit.model.markup import Run

from ..conftest import FIXTURES
from ..corpus import kit
from ..readers import Reading, pdf_fonts, require_font, soffice_convert, workshop_vocabulary

BRANDED = FIXTURES / "cycle-coop"
TEXT = "Roadworthiness, maintenance and troubleshooting: 1234567890"
TWINS = {
    "Arial": "LiberationSans",
    "Calibri": "Carlito",
    "Cambria": "Caladea",
    "Times New Roman": "LiberationSerif",
    "Courier New": "LiberationMono",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cycle-coop")
    result = kit("build", BRANDED, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def test_every_pdf_embeds_the_brand_font_and_no_other(built: Path) -> None:
    pdfs = sorted(built.glob("*.pdf"))
    assert len(pdfs) == 18
    for pdf in pdfs:
        found = pdf_fonts(pdf)
        assert found, pdf.name
        assert all("+DejaVuSans" in name and embedded for name, embedded in found), (
            pdf.name,
            found,
        )


def test_the_deck_names_the_brand_font(built: Path) -> None:
    prs = Presentation(str(built / "deck.pptx"))
    faces = {
        run.font.name
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert faces == {"DejaVu Sans"}


def test_libreoffice_sets_the_deck_as_kit_measured_it(built: Path, tmp_path: Path) -> None:
    require_font("DejaVu Sans", "DejaVu Sans")
    (pdf,) = soffice_convert([built / "deck.pptx"], tmp_path)
    reading = Reading(pdf, workshop_vocabulary(BRANDED), fonts=False)
    for check in ("broken-word", "off-page", "overlap"):
        assert reading.problems(check) == [], check


def _width(file: Path, text: str, size: float) -> float:
    """``text``'s advance width in ``file`` at ``size`` points, read with fontTools."""
    with TTFont(file) as font:
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        units = sum(hmtx[cmap[ord(char)]][0] for char in text)
        return units * size / font["head"].unitsPerEm


@pytest.mark.parametrize("name", list(TWINS))
def test_common_template_fonts_are_measured_with_their_metric_twins(name: str) -> None:
    twin = fonts.font_dir() / f"{TWINS[name]}-Regular.ttf"
    with fonts.using(name, name):
        measured = fonts.metrics().width(TEXT, 12)
    assert measured == pytest.approx(_width(twin, TEXT, 12))
    assert fonts.metrics().width(TEXT, 12) == pytest.approx(
        _width(fonts.font_dir() / "LiberationSans-Regular.ttf", TEXT, 12)
    )  # and Arial's again outside


def test_twins_differ_so_the_choice_matters() -> None:
    widths = {
        name: _width(fonts.font_dir() / f"{twin}-Regular.ttf", TEXT, 12)
        for name, twin in TWINS.items()
    }
    assert len({round(width, 1) for width in widths.values()}) == len(TWINS)


def test_a_heading_and_body_font_are_measured_as_the_wider_of_the_two() -> None:
    """Each letter as wide as the wider face draws it, so a line fits in either."""
    with fonts.using("Courier New", "Calibri"):
        measured = fonts.metrics().width(TEXT, 12)
    files = [fonts.font_dir() / f"{TWINS[n]}-Regular.ttf" for n in ("Courier New", "Calibri")]
    assert measured == pytest.approx(sum(max(_width(f, c, 12) for f in files) for c in TEXT))
    assert measured > max(_width(f, TEXT, 12) for f in files)


def _workshop_with(tmp_path: Path, fonts_yaml: str, files: dict[str, bytes] | None = None) -> Path:
    folder = tmp_path / "workshop"
    shutil.copytree(FIXTURES / "all-blocks", folder)
    for name, data in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    file = folder / "workshop.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("theme:\n", f"theme:\n  fonts: {fonts_yaml}\n"), encoding="utf-8")
    return folder


def _fonts_line(folder: Path) -> int:
    """The line of the workshop file that names its fonts, read from the file."""
    lines = (folder / "workshop.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith("  fonts: "))


def test_a_font_kit_has_no_metrics_for_is_a_warning_and_an_error_under_strict(
    tmp_path: Path,
) -> None:
    folder = _workshop_with(tmp_path, "{heading: Verdana}")
    result = kit("check", folder)
    warning = (
        f"warning: {folder / 'workshop.yaml'}:{_fonts_line(folder)}:20: theme.fonts.heading:"
        " kit has no metrics for"
        " 'Verdana': text is measured with Liberation Sans, so it may not fit in Verdana; name a"
        " font kit measures (Arial, Calibri, Cambria, Times New Roman, Courier New) or a .ttf file"
        " in the workshop folder"
    )
    assert result.returncode == 0 and warning in result.stderr.splitlines(), result.stderr
    assert kit("check", folder, "--strict").returncode == 1
    assert (
        "theme.fonts"
        not in kit("check", _workshop_with(tmp_path / "c", "{heading: Calibri}")).stderr
    )


DEJAVU = (BRANDED / "fonts" / "DejaVuSans.ttf").read_bytes()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (DEJAVU[:4000], "'fonts/brand.ttf' is a damaged TrueType font (.ttf) file: "),
        (
            b"OTTO" + DEJAVU[4:],
            "'fonts/brand.ttf' is an OpenType font with PostScript outlines, which kit cannot embed"
            " in a PDF; use the TrueType (.ttf) version of the font",
        ),
        (
            b"not a font at all",
            "'fonts/brand.ttf' is not a TrueType font (.ttf) file (checked by its content)",
        ),
    ],
    ids=["damaged", "postscript-outlines", "not-a-font"],
)
def test_a_font_file_kit_cannot_use_is_a_located_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    folder = _workshop_with(tmp_path, "{body: fonts/brand.ttf}", {"fonts/brand.ttf": data})
    result = kit("check", folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    first = result.stderr.splitlines()[0]
    where = f"{folder / 'workshop.yaml'}:{_fonts_line(folder)}:17: theme.fonts.body: "
    assert first.startswith(where + message), first


def test_a_font_file_changed_in_place_is_measured_again(tmp_path: Path) -> None:
    """Measurements are kept per build's fonts, so a rebuild (``--watch``) after the brand
    font's file is replaced measures the new file, in every face."""
    brand = tmp_path / "Brand.ttf"
    widths = []
    for source in ("LiberationMono-Regular.ttf", "Carlito-Regular.ttf"):
        shutil.copyfile(fonts.font_dir() / source, brand)
        with fonts.using(str(brand), str(brand)):
            widths.append([fonts.metrics(bold=b).width(TEXT, 12) for b in (False, True)])
        assert widths[-1][0] == pytest.approx(_width(brand, TEXT, 12))
    assert widths[0][0] != widths[1][0] and widths[0][1] != widths[1][1]


def test_text_wrapped_again_after_a_font_file_changed_in_place_is_wrapped_anew(
    tmp_path: Path,
) -> None:
    """Wrapped lines are remembered per build's fonts: after the brand font's file is
    replaced, the same text in the same box is wrapped with the new file's widths, each line
    within the box and the next word not fitting on it."""
    brand = tmp_path / "Brand.ttf"
    text = " ".join([TEXT] * 4)
    box = 200.0
    wrapped = []
    for source in ("LiberationMono-Regular.ttf", "Carlito-Regular.ttf"):
        shutil.copyfile(fonts.font_dir() / source, brand)
        with fonts.using(str(brand), str(brand)):
            lines = [line.text for line in wrap((Run(text),), box, 12)]
        for line, following in pairwise(lines):
            assert _width(brand, line, 12) <= box
            assert _width(brand, f"{line} {following.split()[0]}", 12) > box
        assert " ".join(lines).split() == text.split()
        wrapped.append(lines)
    assert len(wrapped[0]) > len(wrapped[1])
