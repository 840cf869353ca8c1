"""Settings in the file: the ``build:`` section, overridden by the command line, and every
metadata field as a template variable."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation
from pypdf import PdfReader

from kit.app.cli import main
from kit.source.loader import load

from ..conftest import FIXTURES, pdf_text

LETTER_WIDTH, A4_WIDTH = 612, 595


def _first_aid(tmp_path: Path, settings: str) -> Path:
    """The first-aid fixture (4:3, another organisation) with a ``build:`` section."""
    folder = tmp_path / "first-aid"
    shutil.copytree(FIXTURES / "first-aid", folder)
    file = folder / "workshop.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("\ntheme:\n", f"\n{settings}\ntheme:\n", 1), encoding="utf-8")
    return folder


def _build(*args: str) -> None:
    result = CliRunner().invoke(main, ["build", *args])
    assert result.exit_code == 0, result.output


def _width(pdf: Path) -> int:
    return round(float(PdfReader(pdf).pages[0].mediabox.width))


def test_the_build_section_sets_paper_participants_and_clock(tmp_path: Path) -> None:
    settings = "build:\n  paper: letter\n  participants: 37\n  time_format: 12h\n"
    folder = _first_aid(tmp_path, settings)
    out = tmp_path / "out"
    _build(str(folder), "--out", str(out), "--only", "handouts", "--only", "slides")
    guide = out / "facilitator-guide.pdf"
    assert _width(guide) == LETTER_WIDTH
    text = pdf_text(guide)
    assert "37 participants" in text
    assert "6:00 pm" in text and "18:00" not in text  # the course starts at 18:00
    deck = Presentation(str(out / "deck.pptx"))
    agenda = " ".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "6:00 pm–" in agenda


def test_the_command_line_wins_over_the_build_section(tmp_path: Path) -> None:
    folder = _first_aid(tmp_path, "build:\n  paper: letter\n  participants: 37\n")
    out = tmp_path / "out"
    _build(
        str(folder),
        "--out",
        str(out),
        "--only",
        "handouts",
        "--paper",
        "a4",
        "--participants",
        "12",
    )
    guide = out / "facilitator-guide.pdf"
    assert _width(guide) == A4_WIDTH
    assert "12 participants" in pdf_text(guide)


def test_build_languages_builds_each_edition_into_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    (folder / "translations").mkdir(parents=True)
    (folder / "workshop.yaml").write_text(
        "title: Listening well\norganisation: Riverside Tenants Union\n"
        "build:\n  languages: [fr]\n"
        "sections:\n  - title: Welcome\n    duration: 10\n    blocks:\n"
        "      - title: {title: Hello}\n",
        encoding="utf-8",
    )
    (folder / "translations" / "fr.yaml").write_text(
        "title: Bien écouter\nsections:\n  - title: Bienvenue\n    blocks:\n"
        "      - title: {title: Bonjour}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    _build(str(folder), "--out", str(out), "--only", "slides")
    assert (out / "deck.pptx").is_file()
    french = Presentation(str(out / "fr" / "deck.pptx"))
    texts = [s.text_frame.text for sl in french.slides for s in sl.shapes if s.has_text_frame]
    assert "Bonjour" in texts and "Hello" not in texts


def test_every_metadata_field_is_a_template_variable(tmp_path: Path) -> None:
    file = tmp_path / "workshop.yaml"
    file.write_text(
        "title: Listening well\norganisation: Riverside Tenants Union\n"
        "presenters: [Ana Lima, Bo Chen]\nstart_time: '13:30'\nduration: 10\n"
        "venue: Hall\nlicence: CC BY 4.0\nlanguage: en-GB\n"
        "subtitle: '{{ presenters }} at {{ start_time }}, {{ duration }} minutes, "
        "{{ language }}, {{ licence }}'\n"
        "sections:\n  - title: Welcome\n    duration: 10\n",
        encoding="utf-8",
    )
    subtitle = load(file).workshop.subtitle
    # "10 minutes" held on one line by a no-break space (#15)
    assert subtitle == "Ana Lima, Bo Chen at 13:30, 10\u00a0minutes, en-GB, CC BY 4.0"
