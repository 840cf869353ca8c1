"""A template's theme fonts: the deck and every PDF set in them unless the workshop names its
own, measured with the metric twins kit ships.

The branded fixture's template names Calibri for headings and body and the workshop names no
font: LibreOffice prints the deck in Carlito (Calibri's twin, which kit measures with), kit's
PDFs embed Carlito. Read back with ``pdffonts``; the words' breaks are the reading corpus's
(tests/reading).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from kit.source.loader import load

from ..conftest import FIXTURES
from ..corpus import DECK, Rendered
from ..readers import require_tool


def _families(pdf: Path) -> set[str]:
    """The font families a PDF uses, without subset prefixes and faces."""
    listing = subprocess.run(
        [require_tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    return {line.split()[0].split("+")[-1].split("-")[0] for line in listing}


def test_the_branded_deck_and_its_pdfs_are_set_in_the_templates_fonts(
    rendered: Rendered,
) -> None:
    build = rendered.builds["branded", "a4"]
    for output in (DECK, "deck.pdf", "handout.pdf", "facilitator-guide.pdf"):
        assert _families(build.files[output]) == {"Carlito"}, output


def _named(tmp_path: Path, fonts: dict[str, str] | None) -> Path:
    """A copy of the branded fixture whose theme names ``fonts`` (None: no fonts)."""
    copy = tmp_path / "branded"
    shutil.copytree(FIXTURES / "branded", copy)
    data = yaml.safe_load((copy / "workshop.yaml").read_text(encoding="utf-8"))
    if fonts is not None:
        data["theme"]["fonts"] = fonts
    (copy / "workshop.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return copy


def test_fonts_the_workshop_names_win_over_the_templates(tmp_path: Path) -> None:
    assert load(_named(tmp_path, None)).workshop.theme.fonts.body == "Calibri"
    shutil.rmtree(tmp_path / "branded")
    fonts = load(_named(tmp_path, {"heading": "Cambria"})).workshop.theme.fonts
    assert (fonts.heading, fonts.body) == ("Cambria", "Calibri")  # body from the template
    shutil.rmtree(tmp_path / "branded")
    fonts = load(_named(tmp_path, {"heading": "Arial", "body": "Arial"})).workshop.theme.fonts
    assert (fonts.heading, fonts.body) == ("Arial", "Arial")
