"""The colours behind kit's text on a template, as a reader sees them: a gradient's colours
where they fall, a see-through shape blended with what is under it, a patterned picture's
lines and ground (not their average); kit's own tinted boxes under its text.

Templates are python-pptx's default with one thing changed; the corpus's LibreOffice
templates are read on their rendered pixels by tests/reading/test_templates.py.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from kit.layout.slidelayout import Box
from kit.layout.templated import readable
from kit.layout.templatelook import LayoutLook, Rect, read_look
from kit.layout.templatepaint import Paint
from kit.layout.textfit import ParaSpec, set_text
from kit.model.colour import contrast, luminance, worst_contrast

_NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _template(tmp_path: Path, background: str, shape: str = "", picture: bytes = b"") -> str:
    """python-pptx's default with ``background`` (a fill, ``{rid}`` for ``picture``) on its
    master, and ``shape`` (a ``p:spPr``'s fill) on a shape over the whole slide."""
    prs = Presentation()
    master = prs.slide_masters[0]
    if picture:
        _, r_id = master.part.get_or_add_image_part(io.BytesIO(picture))
        background = background.format(rid=r_id)
    c_sld = master._element.find(qn("p:cSld"))
    for old in c_sld.findall(qn("p:bg")):
        c_sld.remove(old)
    bg = f"<p:bg {_NS}><p:bgPr>{background}<a:effectLst/></p:bgPr></p:bg>"
    c_sld.insert(0, etree.fromstring(bg))
    if shape:
        tree = c_sld.find(qn("p:spTree"))
        tree.append(
            etree.fromstring(
                f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="99" name="veil"/><p:cNvSpPr/><p:nvPr/>'
                '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" '
                f'cy="6858000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{shape}'
                "</p:spPr></p:sp>"
            )
        )
    path = tmp_path / "template.pptx"
    prs.save(str(path))
    return str(path)


def test_a_linear_gradient_shows_its_colours_where_they_fall(tmp_path: Path) -> None:
    """Black at the top to white at the bottom (90°): a box near the top sees dark colours
    only, one near the bottom light ones only, a tall one both."""
    fill = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="000000"/></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="FFFFFF"/></a:gs></a:gsLst>'
        '<a:lin ang="5400000" scaled="0"/></a:gradFill>'
    )
    content = read_look(_template(tmp_path, fill)).layout("content")
    top = content.behind(Rect(100, 10, 500, 40))
    bottom = content.behind(Rect(100, 490, 500, 40))
    assert max(luminance(c) for c in top) < 0.05, top
    assert min(luminance(c) for c in bottom) > 0.6, bottom
    middle = content.behind(Rect(100, 100, 500, 340))
    assert min(map(luminance, middle)) < 0.1 and max(map(luminance, middle)) > 0.5, middle


def test_a_see_through_shape_shows_blended_with_what_is_under_it(tmp_path: Path) -> None:
    black = '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
    veil = '<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="30000"/></a:srgbClr></a:solidFill>'
    content = read_look(_template(tmp_path, black, veil)).layout("content")
    # 30 % white on black: 76.5 of 255
    assert content.behind(Rect(100, 200, 100, 40)) == ("#4C4C4C",)


def test_a_see_through_radial_gradient_shows_blended_where_it_falls(tmp_path: Path) -> None:
    """A glow: white, nine tenths opaque at a focus low in the middle, a fifth at the rim,
    over black (Lights' veil). Near the focus a reader sees light grey, at the corner dark
    grey, and a box across both sees both: no one ink reads on it."""
    black = '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
    glow = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"><a:alpha val="90000"/>'
        '</a:srgbClr></a:gs><a:gs pos="100000"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/>'
        '</a:srgbClr></a:gs></a:gsLst><a:path path="circle"><a:fillToRect l="50000" '
        't="85000" r="50000" b="15000"/></a:path></a:gradFill>'
    )
    content = read_look(_template(tmp_path, black, glow)).layout("content")
    focus = content.behind(Rect(350, 450, 20, 10))  # the slide is 720 × 540 pt
    corner = content.behind(Rect(5, 5, 20, 10))
    assert min(luminance(c) for c in focus) > 0.6, focus
    assert max(luminance(c) for c in corner) < 0.06, corner
    across = content.behind(Rect(100, 100, 520, 340))
    assert max(worst_contrast(ink, across) for ink in ("#000000", "#FFFFFF")) < 4.5, across


def test_a_patterned_picture_shows_its_lines_and_its_ground(tmp_path: Path) -> None:
    """Thin black lines every 8 pixels on white average to a light grey: white ink would
    read on the grey at 3:1 and not at all on the lines."""
    image = Image.new("RGB", (960, 720), (255, 255, 255))
    for x in range(0, 960, 8):
        image.paste((0, 0, 0), (x, 0, x + 2, 720))
    data = io.BytesIO()
    image.save(data, "PNG")
    fill = '<a:blipFill><a:blip r:embed="{rid}"/><a:stretch/></a:blipFill>'
    content = read_look(_template(tmp_path, fill, picture=data.getvalue())).layout("content")
    behind = content.behind(Rect(100, 200, 300, 40))
    assert min(luminance(c) for c in behind) < 0.05, behind
    assert max(luminance(c) for c in behind) > 0.9, behind


def test_a_picture_s_see_through_half_shows_none_of_its_colours(tmp_path: Path) -> None:
    """A background picture, its left half see-through and its right half red: behind a box
    on the left, nothing of the picture (not the black its hidden pixels hold); on the
    right, its red alone."""
    image = Image.new("RGBA", (960, 720), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (480, 0, 960, 720))
    data = io.BytesIO()
    image.save(data, "PNG")
    fill = '<a:blipFill><a:blip r:embed="{rid}"/><a:stretch/></a:blipFill>'
    content = read_look(_template(tmp_path, fill, picture=data.getvalue())).layout("content")
    assert content.behind(Rect(50, 200, 200, 40)) == ()
    # its red, as far either way as a picture may come out once shown (_REENCODED levels)
    assert content.behind(Rect(420, 200, 200, 40)) == ("#C50000", "#CB0303")


def test_text_on_kits_own_tinted_box_is_inked_for_the_tint() -> None:
    """A light row kit tints under its text (an agenda's break) on a navy template: the
    text is inked for the tint it sits on, not for the navy around it."""
    slide = Rect(0, 0, 720, 540)
    navy = Paint(slide, ((("#1B2A4A",),),), True, "background")
    layout = LayoutLook("content", "navy", (0, 0), None, slide, slide, (), (navy,))
    tint = Box(60, 100, 600, 40, fill="#EEF2F7", role="decoration")
    white = [ParaSpec("Tea break", color="#FFFFFF")]
    text = Box(70, 105, 580, 30, text=set_text(white, 580, 18))
    on_navy = Box(70, 300, 580, 30, text=set_text(white, 580, 18))
    _, inked, alone = readable([tint, text, on_navy], layout, ("#FFFFFF", "#000000"))
    assert isinstance(inked, Box) and inked.text is not None and inked.fill is None
    assert contrast(inked.text.paragraphs[0].color, "#EEF2F7") >= 4.5
    assert isinstance(alone, Box) and alone.text is not None
    assert alone.text.paragraphs[0].color == "#FFFFFF"


def test_a_title_box_s_small_line_is_inked_as_body_text() -> None:
    """A divider's title box on a grey bar (Grey_Elegant): the 32 pt title reads at 3:1,
    but its 15 pt "Section 7 of 9" line is not large text and needs 4.5:1 (#1E1E1E gives
    4.2:1 on #808080)."""
    slide = Rect(0, 0, 720, 540)
    grey = Paint(slide, ((("#808080",),),), True, "background")
    layout = LayoutLook("section", "grey", (0, 0), None, slide, slide, (), (grey,))
    specs = [
        ParaSpec("Section 7 of 9", color="#1E1E1E", scale=15 / 32),
        ParaSpec("How rights help", color="#1E1E1E"),
    ]
    title = Box(40, 40, 640, 120, text=set_text(specs, 640, 32), role="title")
    (inked,) = readable([title], layout, ("#1E1E1E", "#000000", "#FFFFFF"))
    assert isinstance(inked, Box) and inked.text is not None
    small, large = inked.text.paragraphs
    assert contrast(small.color, "#808080") >= 4.5, small.color
    assert large.color == "#1E1E1E"  # 4.2:1 is enough for large text


def test_a_picture_whose_file_ends_early_is_read_and_greyed_as_asked(tmp_path: Path) -> None:
    """Piano's music notes: a PNG without its end chunk (LibreOffice draws it; Pillow's
    quick check fails), its fill asking for greys (``a:grayscl``). kit reads its colours
    and gives its PDFs the picture, in greys."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    data = io.BytesIO()
    image.save(data, "PNG")
    truncated = data.getvalue()[:-12]  # the IEND chunk
    fill = '<a:blipFill><a:blip r:embed="{rid}"><a:grayscl/></a:blip><a:stretch/></a:blipFill>'
    content = read_look(_template(tmp_path, fill, picture=truncated)).layout("content")
    assert content.art is not None and content.art.background.image is not None
    with Image.open(io.BytesIO(content.art.background.image)) as drawn:
        red, green, blue, _ = drawn.convert("RGBA").getpixel((10, 10))
    assert red == green == blue, (red, green, blue)
    grey = content.behind(Rect(100, 200, 100, 40))
    assert all(len(set(colour[1:].lower()[i : i + 2] for i in (0, 2, 4))) == 1 for colour in grey)


def test_a_picture_whose_pixels_do_not_decode_is_left_out(tmp_path: Path) -> None:
    """A PNG with a sound header and damaged pixel data: Pillow opens it but cannot draw it,
    so kit's PDFs leave it out (reportlab would fail on it mid-build) and its colours count
    as none."""
    data = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(data, "PNG")
    damaged = bytearray(data.getvalue())
    pixels = damaged.index(b"IDAT") + 4
    damaged[pixels : pixels + 8] = b"\xff" * 8
    fill = '<a:blipFill><a:blip r:embed="{rid}"/><a:stretch/></a:blipFill>'
    content = read_look(_template(tmp_path, fill, picture=bytes(damaged))).layout("content")
    assert content.art is not None and content.art.background.image is None
