"""The reader of words on a template's own pictures and shapes (``on-decoration``), on a
small deck printed by LibreOffice: a band the template draws is decoration, a card that
holds the layout's title and body is where its text goes, and a word at a text box's very
edge is in the box.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from .readers import Reading, bare_layouts, soffice_convert


def _deck(path: Path) -> Path:
    """python-pptx's default (720 × 540 pt) whose content layout draws a light blue card
    (85 % of the slide) under its title and body boxes and a teal band on the card below
    them; one slide with a word on the card and one on the band, both below the body box."""
    prs = Presentation()
    layout = prs.slide_layouts[1]  # title and content: its boxes span 36-684 × 21-482 pt
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    card = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(30), Pt(15), Pt(665), Pt(500))
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(300), Pt(484), Pt(390), Pt(30))
    for at, (shape, colour) in enumerate(((card, "B4D2F0"), (band, "0E6E6E")), start=2):
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(colour)
        shape.line.fill.background()
        layout.shapes._spTree.insert(at, shape._element)  # under the placeholders
    prs.part.drop_rel(prs.slides._sldIdLst[0].rId)
    prs.slides._sldIdLst.remove(prs.slides._sldIdLst[0])
    slide = prs.slides.add_slide(layout)
    for shape in list(slide.placeholders):
        shape.element.getparent().remove(shape.element)
    for name, x in (("Card", 40), ("Band", 400)):
        box = slide.shapes.add_textbox(Pt(x), Pt(484), Pt(120), Pt(30))
        box.text_frame.text = name
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(18)
        box.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0, 0, 0)
    prs.save(str(path))
    return path


def test_words_on_a_band_are_flagged_and_on_a_card_under_the_text_boxes_pass(
    tmp_path: Path,
) -> None:
    deck = _deck(tmp_path / "deck.pptx")
    layouts = bare_layouts(deck, tmp_path)
    printed = soffice_convert([deck, layouts.decorated, layouts.bare], tmp_path / "pdf")
    decorations = replace(layouts, decorated=printed[1], bare=printed[2])
    reading = Reading(printed[0], frozenset(), fonts=False, dpi=50, decorations=decorations)
    problems = reading.problems("on-decoration")
    assert len(problems) == 1 and "'Band'" in problems[0], problems
