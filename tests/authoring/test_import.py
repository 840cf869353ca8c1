"""``kit import``: PowerPoint and Markdown decks become workshops that check and build."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from kit.app.cli import main

from ..conftest import FIXTURES, SAMPLE

IMPORT = FIXTURES / "import"
PYTHON_PPTX_DECKS = sorted((IMPORT / "python-pptx").glob("*.pptx"))
_FURNITURE = re.compile(r"^(Footer|Presenter copy|Slide number|Accent .*)$")


def _kit(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _import(deck: Path, folder: Path) -> dict:
    _kit("import", str(deck), "-o", str(folder))
    return yaml.safe_load((folder / "workshop.yaml").read_text(encoding="utf-8"))


def _slides(deck: Path) -> list[tuple[str, list[str]]]:
    """Each slide's title and the sorted texts of its other shapes (not footers), a
    "(cont.)" slide joined to the slide it continues: the deck's type scale is chosen from
    the whole deck, so a rebuilt deck of other block kinds may continue other slides."""
    out: list[tuple[str, list[str]]] = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title
        texts = []
        for shape in slide.shapes:
            if _FURNITURE.match(shape.name) or (title and shape.shape_id == title.shape_id):
                continue
            if shape.has_text_frame:
                # A line break (kit's chosen parting) parts lines, not words.
                texts += [
                    p.text.replace("\v", " ") for p in shape.text_frame.paragraphs if p.text.strip()
                ]
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        heading = title.text_frame.text if title else ""
        if out and re.sub(r" \(cont\.(?: \d+)?\)$", "", heading) == out[-1][0]:
            out[-1] = (out[-1][0], sorted({*out[-1][1], *texts}))  # one source line
        else:
            out.append((heading, sorted(set(texts))))
    return out


def test_kits_own_sample_deck_round_trips(tmp_path: Path) -> None:
    _kit("build", str(SAMPLE), "--out", str(tmp_path / "first"), "--only", "slides")
    first = tmp_path / "first" / "deck.pptx"
    _import(first, tmp_path / "imported")
    _kit("build", str(tmp_path / "imported"), "--out", str(tmp_path / "again"), "--only", "slides")
    before, after = _slides(first), _slides(tmp_path / "again" / "deck.pptx")
    assert len(before) > 40
    assert [title for title, _ in after] == [title for title, _ in before]
    assert after == before
    # All but the closing slide's: it comes back as an authored block, with its section's timing.
    assert _notes(tmp_path / "again" / "deck.pptx")[:-1] == _notes(first)[:-1]
    # The notes' PRESENTER COPY line and timings are the deck's furniture, not the author's.
    imported = (tmp_path / "imported" / "workshop.yaml").read_text("utf-8")
    assert "PRESENTER COPY" not in imported
    assert "Section 2 of 9" not in imported


def _notes(deck: Path) -> list[tuple[str, str]]:
    """Each title's speaker notes, in order (a "(cont.)" slide repeats the notes it continues)."""
    notes: dict[str, str] = {}
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        notes[re.sub(r" \(cont\.(?: \d+)?\)$", "", title)] = slide.notes_slide.notes_text_frame.text
    return list(notes.items())


@pytest.mark.parametrize("deck", PYTHON_PPTX_DECKS, ids=lambda deck: deck.stem)
def test_python_pptx_test_decks_import_check_and_build(deck: Path, tmp_path: Path) -> None:
    _import(deck, tmp_path / "w")
    assert "ok (" in _kit("check", str(tmp_path / "w"))
    _kit("build", str(tmp_path / "w"), "--out", str(tmp_path / "out"), "--strict")
    assert (tmp_path / "out" / "deck.pptx").is_file()


def _picture() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (64, 48), "#336699").save(data, format="PNG")
    data.seek(0)
    return data


def _varied_deck(path: Path) -> None:
    """A 4:3 deck with a title slide, section header, nested bullets, runs, tables, notes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Tenant Organising 101"
    title.placeholders[1].text = "Eastside Renters' Network"
    header = prs.slides.add_slide(prs.slide_layouts[2])
    header.shapes.title.text = "Knowing your rights"
    bullets = prs.slides.add_slide(prs.slide_layouts[1])
    bullets.shapes.title.text = "Repairs"
    body = bullets.placeholders[1].text_frame
    body.text = "Report every repair "
    run = body.paragraphs[0].add_run()
    run.text = "in writing"
    run.font.bold = True
    for text, level in (("Keep a copy", 1), ("Date it", 1), ("Follow up after 14 days", 0)):
        paragraph = body.add_paragraph()
        paragraph.text, paragraph.level = text, level
    bullets.notes_slide.notes_text_frame.text = "Share the letter template."
    table_slide = prs.slides.add_slide(prs.slide_layouts[5])
    table_slide.shapes.title.text = "Landlord versus tenant"
    table = table_slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(8), Inches(2)).table
    for r, row in enumerate([["Landlord", "Tenant"], ["Repairs", "Report"], ["Deposit", "Ask"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    wide = prs.slides.add_slide(prs.slide_layouts[5])
    wide.shapes.title.text = "Meeting plan"
    grid = wide.shapes.add_table(2, 3, Inches(1), Inches(2), Inches(8), Inches(1)).table
    for c, text in enumerate(["6 pm", "Welcome", "Chair"]):
        grid.cell(0, c).text = text
    for c, text in enumerate(["6:15 pm", "Stories", "All"]):
        grid.cell(1, c).text = text
    photo = prs.slides.add_slide(prs.slide_layouts[5])
    photo.shapes.title.text = "Our last action"
    picture = photo.shapes.add_picture(_picture(), Inches(1), Inches(2))
    picture._element.nvPicPr.cNvPr.set("descr", "Tenants holding a banner outside the office")
    photo.shapes.add_picture(_picture(), Inches(5), Inches(2))  # no alt text
    prs.save(str(path))


def test_a_varied_powerpoint_deck_keeps_its_structure(tmp_path: Path) -> None:
    _varied_deck(tmp_path / "deck.pptx")
    result = CliRunner().invoke(
        main, ["import", str(tmp_path / "deck.pptx"), "-o", str(tmp_path / "w")]
    )
    assert result.exit_code == 0, result.output
    assert "has no alt text (or only a file name)" in result.stderr
    data = yaml.safe_load((tmp_path / "w" / "workshop.yaml").read_text(encoding="utf-8"))
    assert data["title"] == "Tenant Organising 101"
    first, second = data["sections"]
    assert first["blocks"] == [
        {"title": {"title": "Tenant Organising 101", "subtitle": "Eastside Renters' Network"}}
    ]
    assert second["title"] == "Knowing your rights"
    blocks = second["blocks"]
    assert blocks[0] == {
        "bullets": {
            "title": "Repairs",
            "items": [
                {"text": "Report every repair **in writing**", "sub": ["Keep a copy", "Date it"]},
                "Follow up after 14 days",
            ],
            "notes": "Share the letter template.",
        }
    }
    assert blocks[1]["comparison"]["columns"] == ["Landlord", "Tenant"]
    assert blocks[1]["comparison"]["rows"] == [["Repairs", "Report"], ["Deposit", "Ask"]]
    assert blocks[2]["bullets"]["items"] == ["6 pm · Welcome · Chair", "6:15 pm · Stories · All"]
    pictures = [b["image"] for b in blocks[3:]]
    assert pictures[0]["alt"] == "Tenants holding a banner outside the office"
    assert pictures[1]["alt"].startswith("describe:")
    assert all((tmp_path / "w" / p["path"]).is_file() for p in pictures)
    _kit("build", str(tmp_path / "w"), "--out", str(tmp_path / "out"), "--only", "slides")


def test_a_forty_slide_markdown_deck_imports_checks_and_builds(tmp_path: Path) -> None:
    deck = IMPORT / "community-kitchen" / "deck.md"
    assert deck.read_text(encoding="utf-8").count("\n## ") == 40
    data = _import(deck, tmp_path / "w")
    assert data["presenters"] == ["Mariam Okafor", "Tomás Lindqvist"]
    assert len(data["sections"]) == 6
    blocks = [b for s in data["sections"] for b in s["blocks"]]
    assert len(blocks) == 41  # the title slide pandoc makes, then one block per slide
    kinds = {next(iter(b)) for b in blocks}
    assert kinds == {"title", "bullets", "comparison", "image"}
    assert "ok (6 sections, 41 blocks)" in _kit("check", str(tmp_path / "w"))
    output = _kit("build", str(tmp_path / "w"), "--out", str(tmp_path / "out"), "--strict")
    assert "deck.pptx (48 slides)" in output  # title, agenda, 6 dividers, 40 slides
    titles = [title for title, _ in _slides(tmp_path / "out" / "deck.pptx")]
    assert "Handwashing, step by step" in titles and titles[-1] == "Thank you"


def test_a_marp_deck(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text(
        "---\nmarp: true\ntitle: Bike Repair Basics\n---\n\n# Bike Repair Basics\n\n"
        "Saturday workshop\n\n---\n\n## Fixing a puncture\n\n1. Remove the wheel\n"
        "2. Find the hole\n   - Pump and listen\n3. Patch it\n\n<!-- Hand out patch kits. -->\n\n"
        "---\n\n## Tools\n\n| Tool | Use |\n|---|---|\n| Levers | Tyre off |\n"
        "| Pump | Air in |\n",
        encoding="utf-8",
    )
    data = _import(deck, tmp_path / "w")
    blocks = data["sections"][0]["blocks"]
    assert blocks[0] == {"bullets": {"title": "Bike Repair Basics", "items": ["Saturday workshop"]}}
    assert blocks[1]["bullets"]["items"] == [
        "1. Remove the wheel",
        {"text": "2. Find the hole", "sub": ["Pump and listen"]},
        "3. Patch it",
    ]
    assert blocks[1]["bullets"]["notes"] == "Hand out patch kits."
    assert blocks[2]["comparison"]["rows"] == [["Levers", "Tyre off"], ["Pump", "Air in"]]
    _kit("build", str(tmp_path / "w"), "--out", str(tmp_path / "out"), "--only", "slides")


def test_import_refuses_what_it_cannot_read_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "broken.pptx").write_bytes(b"PK not really")
    for name, message in (
        ("notes.txt", "kit imports .pptx and .md decks, not '.txt'"),
        ("broken.pptx", "not a PowerPoint deck kit can read"),
    ):
        result = CliRunner().invoke(
            main, ["import", str(tmp_path / name), "-o", str(tmp_path / "w")]
        )
        assert result.exit_code == 1
        assert message in result.stderr and len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.stderr
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "workshop.yaml").write_text("keep me", encoding="utf-8")
    deck = IMPORT / "community-kitchen" / "deck.md"
    result = CliRunner().invoke(main, ["import", str(deck), "-o", str(tmp_path / "w")])
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert (tmp_path / "w" / "workshop.yaml").read_text(encoding="utf-8") == "keep me"
