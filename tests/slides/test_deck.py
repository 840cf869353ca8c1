"""The deck: reopened with python-pptx, and rendered by LibreOffice as a viewer would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from kit.app.build import build
from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import Box, text_boxes
from kit.source.loader import LoadedWorkshop, load

from ..conftest import FIXTURES, SAMPLE, pdf_pages
from ..readers import require_tool


@pytest.fixture(scope="module")
def sample_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deck")
    build(SAMPLE, out, only=["slides"])
    return out / "deck.pptx"


@pytest.fixture(scope="module")
def sample_pdf(sample_deck: Path) -> Path:
    soffice = require_tool("soffice")
    subprocess.run(
        [
            soffice,
            # A profile of its own: two LibreOffice runs sharing one hand work to each other.
            f"-env:UserInstallation={(sample_deck.parent / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(sample_deck.parent),
            str(sample_deck),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return sample_deck.with_suffix(".pdf")


def test_deck_matches_the_layout_slide_for_slide(sample_deck: Path, sample: LoadedWorkshop) -> None:
    layout = plan_deck(sample.workshop)
    prs = Presentation(str(sample_deck))
    assert len(prs.slides) == len(layout.slides)
    assert prs.slide_width == Pt(960) and prs.slide_height == Pt(540)
    for planned, slide in zip(layout.slides, prs.slides, strict=True):
        assert slide.shapes.title is not None, planned.title
        assert slide.shapes.title.text_frame.text.replace("\v", " ") == planned.title
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_every_placeholder_is_filled(sample_deck: Path) -> None:
    for slide in Presentation(str(sample_deck)).slides:
        for placeholder in slide.placeholders:
            assert placeholder.text_frame.text.strip(), f"empty placeholder on {slide.shapes.title}"


def test_continuum_has_six_stage_shapes_in_order(sample_deck: Path, sample: LoadedWorkshop) -> None:
    (continuum,) = [b for _, b in sample.workshop.blocks() if b.kind == "continuum"]
    (slide,) = [
        s
        for s in Presentation(str(sample_deck)).slides
        if s.shapes.title.text_frame.text == continuum.title
        and any(shape.name.startswith("Stage 1:") for shape in s.shapes)
    ]
    stages = [
        shape for shape in slide.shapes if shape.name.startswith("Stage ") and ":" in shape.name
    ]
    assert len(stages) == 6
    assert [shape.left for shape in stages] == sorted(shape.left for shape in stages)
    for number, (shape, stage) in enumerate(zip(stages, continuum.stages, strict=True), 1):
        # a line break inside the name's paragraph (\v) parts its lines, not its words
        assert shape.text_frame.text.replace("\v", " ").split("\n") == [str(number), stage.name]
    labels = {shape.text_frame.text for shape in slide.shapes if shape.name.startswith("Axis:")}
    assert labels == {continuum.axis.start, continuum.axis.end}


def test_drill_has_a_statement_and_a_response_slide_per_challenge(
    sample_deck: Path, sample: LoadedWorkshop
) -> None:
    (drill,) = [b for _, b in sample.workshop.blocks() if b.kind == "drill"]
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(sample_deck)).slides]
    total = len(drill.challenges)
    for number in range(1, total + 1):
        statement = titles.index(f"Challenge {number} of {total}")
        assert titles[statement + 1] == f"Challenge {number}: suggested responses"
    assert titles.count("Techniques to remember") == 1


def test_pictures_carry_alt_text(tmp_path: Path) -> None:
    build(FIXTURES / "all-blocks", tmp_path, only=["slides"])
    pictures = [
        shape
        for slide in Presentation(str(tmp_path / "deck.pptx")).slides
        for shape in slide.shapes
        if shape.shape_type == 13  # PICTURE
    ]
    alts = {shape._element.nvPicPr.cNvPr.get("descr") for shape in pictures}
    assert "A yellow rectangle on a teal background" in alts
    assert "Test Collective logo" in alts
    assert all(alt and "/" not in alt for alt in alts)


def test_too_much_text_continues_on_more_slides_and_never_overflows(tmp_path: Path) -> None:
    items = "\n".join(
        f"            - Point {i} " + "with a great deal to say " * 6 for i in range(30)
    )
    (tmp_path / "workshop.yaml").write_text(
        "title: T\norganisation: O\nsections:\n  - title: S\n    duration: 5\n    blocks:\n"
        "      - bullets:\n          title: Long\n          items:\n" + items + "\n",
        encoding="utf-8",
    )
    layout = plan_deck(load(tmp_path).workshop)
    long_slides = [s for s in layout.slides if s.title.startswith("Long")]
    assert len(long_slides) >= 3
    assert [s.title for s in long_slides[1:]] == ["Long (cont.)"] + [
        f"Long (cont. {n})" for n in range(2, len(long_slides))
    ]
    assert [str(w) for w in layout.warnings] == [
        f"section 1, block 1, bullets: text does not fit one slide; "
        f"continued over {len(long_slides)} slides"
    ]
    for slide in layout.slides:
        for box in text_boxes(slide):
            if isinstance(box, Box):
                assert box.text.height <= box.h - 2 * box.inset + 0.01, (slide.title, box.name)
                assert box.text.size >= 8
    body_sizes = {
        p.size
        for s in long_slides
        for b in text_boxes(s)
        if isinstance(b, Box) and b.name == "Body"
        for p in b.text.paragraphs
    }
    assert min(body_sizes) >= 18


def test_sample_layout_keeps_every_text_inside_its_box(sample: LoadedWorkshop) -> None:
    for slide in plan_deck(sample.workshop).slides:
        for box in text_boxes(slide):
            text = box.text
            if isinstance(box, Box):
                assert text.height <= box.h - 2 * box.inset + 0.01, (slide.title, box.name)
            for para in text.paragraphs:
                assert all(line.width <= 960 for line in para.lines)


def all_blocks_with_theme(folder: Path, setting: str) -> Path:
    """A copy of the all-blocks fixture in ``folder`` with one more theme ``setting``."""
    shutil.copytree(FIXTURES / "all-blocks", folder, dirs_exist_ok=True)
    workshop = folder / "workshop.yaml"
    source = workshop.read_text(encoding="utf-8")
    workshop.write_text(source.replace("theme:\n", f"theme:\n  {setting}\n"), encoding="utf-8")
    return folder


def test_four_by_three_decks_are_laid_out_for_that_size(tmp_path: Path) -> None:
    folder = all_blocks_with_theme(tmp_path / "w", "slide_size: '4:3'")
    build(folder, tmp_path / "out", only=["slides"])
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert (prs.slide_width, prs.slide_height) == (Pt(720), Pt(540))
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left + shape.width <= Pt(720) + 1, shape.name


def test_a_pptx_template_brings_its_masters_and_drops_its_slides(tmp_path: Path) -> None:
    template = Presentation()
    example = template.slides.add_slide(template.slide_layouts[0])
    example.shapes.title.text = "Example slide"
    brand = example.shapes.add_textbox(Pt(10), Pt(10), Pt(200), Pt(30))
    brand.text_frame.text = "BRANDED MASTER"
    template.slide_masters[0].shapes._spTree.append(brand._element)  # moves it to the master
    folder = all_blocks_with_theme(tmp_path / "w", "template: brand.pptx")
    template.save(str(folder / "brand.pptx"))
    build(folder, tmp_path / "out", only=["slides"])
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    texts = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "Example slide" not in texts
    for slide in prs.slides:
        master_texts = [
            sh.text_frame.text for sh in slide.slide_layout.slide_master.shapes if sh.has_text_frame
        ]
        assert "BRANDED MASTER" in master_texts


def test_libreoffice_renders_one_page_per_slide_with_its_text(
    sample_pdf: Path, sample: LoadedWorkshop
) -> None:
    layout = plan_deck(sample.workshop)
    pages = pdf_pages(sample_pdf)
    assert len(pages) == len(layout.slides)
    for slide, page in zip(layout.slides, pages, strict=True):
        # Side-by-side boxes interleave in extracted text, so compare words, not phrases.
        # LibreOffice breaks lines after hyphens, which pdftotext then joins: drop hyphens.
        page_words = set(re.findall(r"\w+", page.replace("-", "")))
        for box in text_boxes(slide):
            words = set(re.findall(r"\w+", box.text.plain.replace("-", "")))
            assert words <= page_words, (slide.title, words - page_words)


def test_rendered_slides_are_pictures_of_the_right_size(sample_pdf: Path, tmp_path: Path) -> None:
    pdftoppm = require_tool("pdftoppm")
    subprocess.run(
        [
            pdftoppm,
            "-r",
            "20",
            "-png",
            "-f",
            "1",
            "-l",
            "3",
            str(sample_pdf),
            str(tmp_path / "slide"),
        ],
        check=True,
    )
    from PIL import Image

    images = sorted(tmp_path.glob("slide-*.png"))
    assert len(images) == 3
    for image in images:
        with Image.open(image) as picture:
            width, height = picture.size
            assert abs(width / height - 16 / 9) < 0.02
            low, high = picture.convert("L").getextrema()
            assert high - low > 100  # not a blank page


def test_document_properties_describe_this_deck(sample_deck: Path, sample: LoadedWorkshop) -> None:
    import zipfile

    with zipfile.ZipFile(sample_deck) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
        core = package.read("docProps/core.xml").decode("utf-8")
    slides = len(plan_deck(sample.workshop).slides)
    assert "<Application>kit</Application>" in app
    assert f"<Slides>{slides}</Slides>" in app and "(16:9)" in app
    assert "Steve Canny" not in core + app and "2013" not in core
    assert "<dc:creator>Community Rights Workshop Collective</dc:creator>" in core
    assert "2026-12-05T00:00:00Z" in core  # the workshop's date, no SOURCE_DATE_EPOCH


def test_the_closing_slide_is_a_qr_code_to_the_feedback_form(
    sample_pdf: Path, sample: LoadedWorkshop, tmp_path: Path
) -> None:
    """As LibreOffice shows the deck, a phone reads the address off the last slide."""
    from ..handouts.test_qr import decoded

    url = sample.workshop.feedback_url
    assert url
    pages = pdf_pages(sample_pdf)
    assert url in pages[-1] and "Tell us how it went" in pages[-1]
    assert decoded(sample_pdf, [len(pages)], tmp_path / "qr") == [url]
