"""One set of deck drawing decisions (#12): the .pptx writer and the deck-PDF painter both
read kit.layout.drawing, and where a reader can compare them, their drawings agree.

Built from the first-aid fixture (4:3, another organisation), never the sample.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import get_args

import pdfplumber
import pytest
from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.autoshape import AutoShapeType
from pptx.util import Pt
from reportlab.pdfgen.canvas import Canvas

from handouts.slidedraw import draw_slide
from kit.app.build import build
from kit.layout.drawing import ROUND_CORNER, SHAPES, TABLE_RULE
from kit.layout.slidelayout import Box, DeckLayout, ShapeKind, Slide
from kit.layout.templatepaint import Rect
from kit.layout.textfit import ParaSpec, set_text
from slides import drawingml

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("drawing")
    # A workshop with a comparison table: the agenda is no longer drawn as one.
    build(FIXTURES / "bargaining", out, only=["slides", "handouts"])
    return out


def test_every_shape_a_box_can_take_is_drawn_by_both() -> None:
    assert set(get_args(ShapeKind)) == set(SHAPES)
    assert set(drawingml._SHAPES) == set(SHAPES)


def test_the_painters_corner_is_powerpoints() -> None:
    (adjustment,) = AutoShapeType.default_adjustment_values(MSO_SHAPE.ROUNDED_RECTANGLE)
    assert adjustment == ("adj", round(ROUND_CORNER * 100000))


def test_table_rules_are_as_thick_in_the_deck_as_in_its_pdf(built: Path) -> None:
    with zipfile.ZipFile(built / "deck.pptx") as deck:
        slides = [n for n in deck.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        xml = "".join(deck.read(name).decode("utf-8") for name in slides)
    borders = set(re.findall(r'<a:ln[LRTB] w="(\d+)"', xml))
    assert borders == {str(Pt(TABLE_RULE))}
    with pdfplumber.open(built / "deck.pdf") as pdf:
        widths = {round(line["linewidth"], 2) for page in pdf.pages for line in page.lines}
    assert TABLE_RULE in widths


def test_a_title_laid_out_last_is_still_drawn_first(tmp_path: Path) -> None:
    body = Box(40, 120, 400, 60, text=set_text([ParaSpec("Body words")], 380, 18), name="Body")
    heading = set_text([ParaSpec("Heading words", bold=True)], 380, 28)
    title = Box(40, 20, 400, 70, text=heading, role="title", name="Title")
    slide = Slide("Heading words", "bullets", (body, title), "", "#FFFFFF")
    deck = DeckLayout(720, 540, (slide,), "Arial", "Arial", "T", "O", "S", "en", "Slides")
    xml = drawingml.slide_xml(deck, None, slide, {})  # no placeholder: a text box
    assert xml.index('name="Title"') < xml.index('name="Body"')
    canvas = Canvas(str(tmp_path / "slide.pdf"), pagesize=(720, 540))
    draw_slide(canvas, slide, (720, 540), 1.0)
    canvas.save()
    with pdfplumber.open(tmp_path / "slide.pdf") as pdf:
        drawn = "".join(c["text"] for c in pdf.pages[0].chars if not c["text"].isspace())
    assert drawn == "HeadingwordsBodywords"


def test_the_title_comes_first_in_the_deck_and_in_its_pdf(built: Path) -> None:
    from pptx import Presentation

    deck = Presentation(str(built / "deck.pptx"))
    with pdfplumber.open(built / "deck.pdf") as pdf:
        pages = pdf.pages
        for slide, page in zip(deck.slides, pages):
            title = slide.shapes.title
            assert slide.shapes[0].shape_id == title.shape_id
            title_text = "".join(title.text_frame.text.split())
            drawn = "".join(char["text"] for char in page.chars if not char["text"].isspace())
            assert drawn.startswith(title_text), (title_text, drawn[:40])


def test_small_text_on_a_template_s_band_keeps_the_colour_set_for_the_band(
    tmp_path: Path,
) -> None:
    """A footer in white 11 pt on the template's black band, on a white slide (Piano): the
    painter reads its small text against the colours the template paints behind it, not
    the slide's background, so deck.pdf keeps it white as the deck does (it turned it
    #6E6E6E, 3.9:1 on the band)."""
    footer = set_text([ParaSpec("PRESENTER COPY", bold=True, color="#FFFFFF")], 200, 11)
    box = Box(40, 500, 200, 20, text=footer, role="mark", name="Presenter copy")
    slide = Slide("Agenda", "bullets", (box,), "", "#FFFFFF")

    def band(rect: Rect) -> tuple[str, ...]:
        return ("#000000",) if rect.y >= 480 else ("#FFFFFF",)

    canvas = Canvas(str(tmp_path / "slide.pdf"), pagesize=(720, 540))
    draw_slide(canvas, slide, (720, 540), 1.0, behind=band)
    canvas.save()
    with pdfplumber.open(tmp_path / "slide.pdf") as pdf:
        colours = {tuple(c["non_stroking_color"]) for c in pdf.pages[0].chars}
    assert colours == {(1, 1, 1)}, colours
