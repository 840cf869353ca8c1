"""Write the branded 4:3 template the tests use, and the logo on its master.

A cream master background, a navy band across the top with the organisation's logo in it,
and the title (and body) placeholders moved down below the band: the shape of a real
organisation's template that kit must respect. The output is committed
(``tests/fixtures/branded/``), so tests need not run this; ``test_make_branded.py`` checks that
running it again gives the same masters, layouts and shapes.

    python tests/templates/make_branded.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.oxml.shapes.picture import CT_Picture
from pptx.util import Emu, Inches

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "branded"
TEMPLATE = "templates/branded-4x3.pptx"
LOGO = "images/logo.png"
CREAM = RGBColor(0xF6, 0xF0, 0xE1)
NAVY = RGBColor(0x1B, 0x2A, 0x4A)
BAND = Inches(1.0)
TITLE_TOP = Inches(1.15)  # below the band, with a gap
BODY_TOP = Inches(2.35)


def draw_logo(path: Path) -> None:
    """A small logo: an orange disc with a white loaf shape, on transparent ground."""
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 232, 232), fill=(0xE8, 0x8A, 0x1A, 255))
    draw.rounded_rectangle((58, 92, 182, 170), radius=26, fill=(255, 255, 255, 255))
    draw.ellipse((70, 62, 170, 130), fill=(255, 255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=False)


def _cream_background(master) -> None:
    """A solid master background in place of the default's (``p:bg`` comes first in ``p:cSld``)."""
    c_sld = master._element.find(qn("p:cSld"))
    for old in c_sld.findall(qn("p:bg")):  # the default's theme-colour background
        c_sld.remove(old)
    bg = etree.Element(qn("p:bg"))
    c_sld.insert(0, bg)
    bg_pr = etree.SubElement(bg, qn("p:bgPr"))
    fill = etree.SubElement(bg_pr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=str(CREAM))
    etree.SubElement(bg_pr, qn("a:effectLst"))


def _band_and_logo(prs, logo: Path) -> None:
    """The navy band and the logo, drawn on the master behind every slide's content."""
    master = prs.slide_master
    # Masters have no add_shape: draw the band on a scratch slide and move it over.
    scratch_layout = prs.slide_layouts[6]
    scratch = prs.slides.add_slide(scratch_layout)
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, prs.slide_width, BAND)
    band.name = "Brand band"
    band._element.nvSpPr.cNvPr.id = 91  # clear of the master's placeholder ids
    band.fill.solid()
    band.fill.fore_color.rgb = NAVY
    band.line.fill.background()
    band.shadow.inherit = False
    tree = master.shapes._spTree
    first_placeholder = tree.find(qn("p:sp"))
    first_placeholder.addprevious(band._element)
    _, r_id = master.part.get_or_add_image_part(str(logo))
    size = Inches(0.8)
    pic = CT_Picture.new_pic(
        90,
        "Brand logo",
        "Harbour loaf logo",
        r_id,
        prs.slide_width - size - Inches(0.3),
        Inches(0.1),
        size,
        size,
    )
    first_placeholder.addprevious(pic)
    # Drop the scratch slide again: a template ships no slides.
    slide_ids = prs.slides._sldIdLst
    r_slide = slide_ids[0].rId
    prs.part.drop_rel(r_slide)
    slide_ids.remove(slide_ids[0])


def _move_placeholders(prs) -> None:
    """Titles and bodies start below the band on the master and on every layout."""
    title_types = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    for holder in [prs.slide_master, *prs.slide_layouts]:
        for shape in holder.placeholders:
            kind = shape.placeholder_format.type
            if kind == PP_PLACEHOLDER.TITLE:
                shape.top, shape.height = TITLE_TOP, Inches(1.0)
            elif kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) and shape.top < BODY_TOP:
                bottom = shape.top + shape.height
                shape.top, shape.height = BODY_TOP, Emu(max(bottom - BODY_TOP, Inches(1.0)))
            elif kind in title_types and shape.top < BAND:
                shape.top = TITLE_TOP


def write(out: Path = OUT) -> Path:
    """Write the logo and the template under ``out``; the template's path."""
    logo = out / LOGO
    draw_logo(logo)
    prs = Presentation()  # python-pptx's default is 4:3
    _cream_background(prs.slide_master)
    _band_and_logo(prs, logo)
    _move_placeholders(prs)
    template = out / TEMPLATE
    template.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(template))
    return template


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
