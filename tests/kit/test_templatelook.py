"""A template's look read into plain data: layouts by placeholders, boxes, backgrounds, theme.

Read from the branded 4:3 fixture (cream master, navy band with a logo, titles moved down),
python-pptx's default changed in small ways (a layout removed, a gradient or a picture
background), and a LibreOffice template of the corpus.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from kit.app.build import build
from kit.layout.templateboxes import layout_room
from kit.layout.templatelook import Rect, read_look, readable_ink
from kit.layout.templatepaint import _picture_cells
from kit.layout.templateroom import room

from ..conftest import FIXTURES
from ..corpus import Template

BRANDED = FIXTURES / "branded" / "templates" / "branded-4x3.pptx"
CREAM, NAVY = "#F6F0E1", "#1B2A4A"


def _rounded(rect: Rect | None) -> tuple[float, ...] | None:
    return None if rect is None else tuple(round(v, 1) for v in (rect.x, rect.y, rect.w, rect.h))


def test_the_branded_templates_layouts_are_picked_by_their_placeholders() -> None:
    look = read_look(str(BRANDED))
    assert (look.width, look.height) == (720.0, 540.0)
    names = {role: layout.name for role, layout in look.layouts.items()}
    assert names == {
        "title": "Title Slide",
        "section": "Section Header",
        "content": "Title and Content",
        "title_only": "Title Only",
        "blank": "Blank",
    }
    content = look.layout("content")
    # The layout moved its title down (its own x and width left at zero: the master's).
    assert _rounded(content.title) == (36.0, 82.8, 648.0, 72.0)
    assert _rounded(content.body) == (36.0, 169.2, 648.0, 313.2)
    assert look.layout("blank").title is None


def test_the_branded_templates_band_logo_and_fields_are_obstacles() -> None:
    content = read_look(str(BRANDED)).layout("content")
    obstacles = {_rounded(rect) for rect in content.obstacles}
    assert (0.0, 0.0, 720.0, 72.0) in obstacles  # the band
    assert (640.8, 7.2, 57.6, 57.6) in obstacles  # the logo
    assert (36.0, 500.5, 168.0, 28.8) in obstacles  # the date field
    assert (516.0, 500.5, 168.0, 28.8) in obstacles  # the slide number
    assert not any(rect.meets(content.body) for rect in content.obstacles)
    assert not any(rect.meets(content.title) for rect in content.obstacles if content.title)


def test_the_colours_behind_a_box_are_what_covers_it() -> None:
    content = read_look(str(BRANDED)).layout("content")
    assert content.background() == CREAM
    assert content.behind(Rect(100, 20, 200, 30)) == (NAVY,)  # inside the band only
    assert content.behind(Rect(100, 60, 200, 30)) == (NAVY, CREAM)  # across its edge
    logo = content.behind(Rect(650, 20, 40, 40))  # its orange (E88A1A), white and the band
    # a picture's colours reach _REENCODED (3) levels past its pixels: E7891A less 3 each
    assert logo[0] == NAVY and logo[1] in ("#E48617", "#E58717") and logo[-1] == "#FFFFFF"


def test_the_theme_gives_colours_and_fonts() -> None:
    look = read_look(str(BRANDED))
    assert look.heading_font == "Calibri" and look.body_font == "Calibri"
    assert look.colours["dk1"] == "#000000" and look.colours["lt1"] == "#FFFFFF"
    assert look.colours["accent1"] == "#4F81BD"
    assert look.inks()[:2] == ("#000000", "#FFFFFF")


def test_an_ink_is_chosen_against_every_colour_behind() -> None:
    inks = ("#000000", "#FFFFFF")
    assert readable_ink(inks, (NAVY,), 4.5) == "#FFFFFF"
    assert readable_ink(inks, (CREAM,), 4.5) == "#000000"
    # Nothing reaches 4.5:1 on both a mid grey and black: the least bad is chosen.
    assert readable_ink(inks, ("#777777", "#000000"), 4.5) == "#FFFFFF"


def _default(tmp_path: Path, change) -> str:
    prs = Presentation()
    change(prs)
    path = tmp_path / "template.pptx"
    prs.save(str(path))
    return str(path)


def _background(prs, xml: str) -> None:
    """The master's background replaced by ``xml`` (a ``p:bgPr``'s fill)."""
    c_sld = prs.slide_masters[0]._element.find(qn("p:cSld"))
    for old in c_sld.findall(qn("p:bg")):
        c_sld.remove(old)
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    ns += 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    ns += 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    c_sld.insert(0, etree.fromstring(f"<p:bg {ns}><p:bgPr>{xml}<a:effectLst/></p:bgPr></p:bg>"))


def test_a_missing_section_header_falls_back_to_the_title_slide(tmp_path: Path) -> None:
    def without_section_header(prs) -> None:
        layouts = prs.slide_layouts
        layouts.remove(next(layout for layout in layouts if layout.name == "Section Header"))

    look = read_look(_default(tmp_path, without_section_header))
    assert look.layout("section").name == "Title Slide"
    assert look.layout("section").index == look.layout("title").index


def test_a_gradient_background_shows_every_stop(tmp_path: Path) -> None:
    stops = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="102030"/></a:gs>'
        '<a:gs pos="100000"><a:schemeClr val="accent2"><a:lumMod val="50000"/></a:schemeClr>'
        "</a:gs></a:gsLst></a:gradFill>"
    )
    look = read_look(_default(tmp_path, lambda prs: _background(prs, stops)))
    # accent2 of the default theme is C0504D; at half its lightness (HSL) it is 632523
    assert look.layout("content").behind(Rect(100, 200, 10, 10)) == ("#102030", "#632523")


def test_a_picture_background_is_sampled(tmp_path: Path) -> None:
    """Left half black, right half white: a box on either half sees only its colour, and
    as far from it as a picture may come out once shown again (_REENCODED levels)."""
    image = Image.new("RGB", (200, 100), (255, 255, 255))
    image.paste((0, 0, 0), (0, 0, 100, 100))
    picture = io.BytesIO()
    image.save(picture, "PNG")

    def pictured(prs) -> None:
        master = prs.slide_masters[0]
        _, r_id = master.part.get_or_add_image_part(picture)
        _background(prs, f'<a:blipFill><a:blip r:embed="{r_id}"/><a:stretch/></a:blipFill>')

    content = read_look(_default(tmp_path, pictured)).layout("content")
    assert content.behind(Rect(50, 200, 100, 40)) == ("#000000", "#030303")
    assert content.behind(Rect(500, 200, 100, 40)) == ("#FCFCFC", "#FFFFFF")
    assert content.behind(Rect(300, 200, 200, 40)) == ("#000000", "#FCFCFC", "#FFFFFF")


def test_a_libreoffice_template_puts_content_where_its_master_does(
    template_corpus: list[Template],
) -> None:
    """LibreOffice writes the same made-up boxes into every layout; its master's title band
    and body are where its slides show them."""
    midnight = next(t for t in template_corpus if t.name == "Midnightblue")
    look = read_look(str(midnight.path))
    assert (look.width, look.height) == (793.75, 446.5)
    assert look.layout("section").name == "Title Slide"  # it has no section header
    content = look.layout("content")
    assert _rounded(content.title) == (28.3, 17.8, 737.0, 56.6)
    assert content.behind(content.title) == ("#2C3E50",)  # the navy band
    assert content.background() == "#FFFFFF"


def test_the_deck_builds_each_kind_of_slide_on_its_layout(tmp_path: Path) -> None:
    build(FIXTURES / "branded", tmp_path, only=["slides"])
    prs = Presentation(str(tmp_path / "deck.pptx"))
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[0] == "Title Slide"
    assert layouts[2] == "Section Header"
    assert set(layouts) == {"Title Slide", "Section Header", "Title and Content"}
    opening, agenda = prs.slides[0].shapes.title, prs.slides[1].shapes.title
    assert opening is not None and opening.placeholder_format.type == 3  # centre title
    assert agenda is not None and agenda.placeholder_format.type == 1


def test_a_layouts_room_is_found_from_where_its_art_lies_without_reading_a_picture(
    tmp_path: Path,
) -> None:
    """How content picks among masters: the room the full description finds (the body
    cleared of a picture on the master over its top-left corner), no picture's pixels read."""
    picture = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 30, 30)).save(picture, "PNG")

    def pictured(prs) -> None:
        master = prs.slide_masters[0]
        _, r_id = master.part.get_or_add_image_part(picture)
        ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        ns += 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        ns += 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        master._element.find(qn("p:cSld")).find(qn("p:spTree")).append(
            etree.fromstring(
                f'<p:pic {ns}><p:nvPicPr><p:cNvPr id="99" name="Mark"/><p:cNvPicPr/><p:nvPr/>'
                f'</p:nvPicPr><p:blipFill><a:blip r:embed="{r_id}"/><a:stretch/></p:blipFill>'
                '<p:spPr><a:xfrm><a:off x="457200" y="1600200"/><a:ext cx="1828800" '
                'cy="1828800"/></a:xfrm><a:prstGeom prst="rect"/></p:spPr></p:pic>'
            )
        )

    path = _default(tmp_path, pictured)
    look = read_look(path)
    content = look.layout("content")
    master, number = content.index
    layout = Presentation(path).slide_masters[master].slide_layouts[number]
    assert _rounded(Rect(36.0, 126.0, 144.0, 144.0)) in map(_rounded, content.obstacles)
    _picture_cells.cache_clear()
    found = layout_room("content", layout, look.width, look.height)
    assert _picture_cells.cache_info().currsize == 0
    assert found == room(content.body, content.obstacles) > 0
