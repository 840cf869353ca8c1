"""Draw a ``DeckLayout`` with python-pptx: one native shape per laid-out element.

Nothing is decided here about what goes where; ``kit.deckplan`` did that. Text is
written as real paragraphs (PowerPoint wraps it the way it was measured), with explicit
sizes, line spacing and insets so every viewer sets it as it was fitted.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from kit.slidelayout import Arrow, Box, DeckLayout, Picture, Slide, Table
from kit.textfit import Para, Text

_SHAPES = {
    "rect": MSO_SHAPE.RECTANGLE,
    "roundrect": MSO_SHAPE.ROUNDED_RECTANGLE,
    "chevron": MSO_SHAPE.CHEVRON,
    "homeplate": MSO_SHAPE.PENTAGON,
    "ellipse": MSO_SHAPE.OVAL,
}
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def write_deck(deck: DeckLayout, path: Path, timestamp: dt.datetime) -> None:
    """Write ``deck`` to ``path`` as a .pptx whose bytes depend only on the input."""
    prs = Presentation(deck.template) if deck.template else Presentation()
    _remove_existing_slides(prs)
    prs.slide_width = Pt(deck.width)
    prs.slide_height = Pt(deck.height)
    layout = _title_only_layout(prs)
    for slide in deck.slides:
        _add_slide(prs, layout, slide, deck)
    _set_core_properties(prs, deck, timestamp)
    buffer = io.BytesIO()
    prs.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue(), timestamp))


def _remove_existing_slides(prs: Presentation) -> None:
    """An organisation's template may carry example slides; the deck starts empty."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def _title_only_layout(prs: Presentation):
    """The layout with a title placeholder and the fewest other placeholders."""
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]

    def has_title(layout) -> bool:
        return any(ph.placeholder_format.type in (1, 3) for ph in layout.placeholders)

    titled = [layout for layout in layouts if has_title(layout)]
    named = [layout for layout in titled if layout.name.lower() == "title only"]
    if named:
        return named[0]
    if titled:
        return min(titled, key=lambda layout: len(list(layout.iter_cloneable_placeholders())))
    return layouts[-1]


def _add_slide(prs: Presentation, layout, slide: Slide, deck: DeckLayout) -> None:
    pptx_slide = prs.slides.add_slide(layout)
    title_placeholder = pptx_slide.shapes.title
    keep = title_placeholder.shape_id if title_placeholder is not None else None
    for placeholder in list(pptx_slide.placeholders):
        if placeholder.shape_id != keep:  # an empty placeholder shows "Click to add text"
            placeholder._element.getparent().remove(placeholder._element)
    if not deck.template:
        fill = pptx_slide.background.fill
        fill.solid()
        fill.fore_color.rgb = _rgb(slide.background)
    for element in slide.elements:
        if isinstance(element, Box):
            _draw_box(pptx_slide, element, deck, title_placeholder)
        elif isinstance(element, Table):
            _draw_table(pptx_slide, element, deck)
        elif isinstance(element, Arrow):
            _draw_arrow(pptx_slide, element)
        elif isinstance(element, Picture):
            _draw_picture(pptx_slide, element)
    if slide.notes:
        pptx_slide.notes_slide.notes_text_frame.text = slide.notes


def _draw_box(pptx_slide, box: Box, deck: DeckLayout, title_placeholder) -> None:
    geometry = (Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
    if box.role == "title" and title_placeholder is not None:
        shape = title_placeholder
        shape.left, shape.top, shape.width, shape.height = geometry
    elif box.fill is None and box.outline is None:
        shape = pptx_slide.shapes.add_textbox(*geometry)
    else:
        shape = pptx_slide.shapes.add_shape(_SHAPES[box.shape], *geometry)
        shape.shadow.inherit = False
        if box.fill is None:
            shape.fill.background()
        else:
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb(box.fill)
        if box.outline is None:
            shape.line.fill.background()
        else:
            shape.line.color.rgb = _rgb(box.outline)
            shape.line.width = Pt(box.outline_width)
    if box.name:
        shape.name = box.name
    if box.text is not None:
        font = deck.heading_font if box.role == "title" else deck.body_font
        _write_text(shape.text_frame, box.text, box.inset, font)


def _write_text(frame, text: Text, inset: float, font: str) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(inset)
    frame.margin_top = frame.margin_bottom = Pt(inset)
    frame.vertical_anchor = _ANCHOR[text.anchor]
    for index, para in enumerate(text.paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _write_paragraph(paragraph, para, font)


def _write_paragraph(paragraph, para: Para, font: str) -> None:
    paragraph.alignment = _ALIGN[para.align]
    paragraph.line_spacing = Pt(para.line_height)
    paragraph.space_before = Pt(para.space_before)
    paragraph.space_after = Pt(0)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("marL", str(Emu(Pt(para.indent))))
    p_pr.set("indent", str(-Emu(Pt(para.hang))))
    if para.bullet:
        etree.SubElement(p_pr, qn("a:buFont"), typeface=font)
        etree.SubElement(p_pr, qn("a:buChar"), char=para.bullet)
    else:
        etree.SubElement(p_pr, qn("a:buNone"))
    colour = _rgb(para.color) if para.color else None
    for line in para.lines:
        for index, styled in enumerate(line.runs):
            run = paragraph.add_run()
            # PowerPoint wraps by itself; give back the space the wrap consumed.
            last = index == len(line.runs) - 1
            run.text = styled.text + (line.end if last and line.end == " " else "")
            run.font.name = font
            run.font.size = Pt(para.size)
            run.font.bold = styled.bold
            run.font.italic = styled.italic
            if colour is not None:
                run.font.color.rgb = colour
        if line.end == "\n":
            paragraph.add_line_break()


def _draw_table(pptx_slide, table: Table, deck: DeckLayout) -> None:
    rows, cols = len(table.rows), len(table.col_widths)
    frame = pptx_slide.shapes.add_table(
        rows, cols, Pt(table.x), Pt(table.y), Pt(table.w), Pt(table.h)
    )
    frame.name = table.name or "Table"
    grid = frame.table
    grid.first_row = table.header
    grid.horz_banding = False
    for index, width in enumerate(table.col_widths):
        grid.columns[index].width = Pt(width)
    for index, height in enumerate(table.row_heights):
        grid.rows[index].height = Pt(height)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            target = grid.cell(r, c)
            _style_cell(target, cell.fill, table.border)
            target.vertical_anchor = MSO_ANCHOR.TOP
            frame_text = target.text_frame
            _write_text(frame_text, cell.text, 0.0, deck.body_font)
            target.margin_left = target.margin_right = Pt(table.inset)
            target.margin_top = target.margin_bottom = Pt(table.inset)


def _style_cell(cell, fill: str | None, border: str) -> None:
    """Solid fill and thin borders, written in the order the schema requires."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for child in list(tc_pr):
        tc_pr.remove(child)
    for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
        line = etree.SubElement(tc_pr, qn(side), w=str(Emu(Pt(0.75))))
        solid = etree.SubElement(line, qn("a:solidFill"))
        etree.SubElement(solid, qn("a:srgbClr"), val=border.lstrip("#"))
    if fill is None:
        etree.SubElement(tc_pr, qn("a:noFill"))
    else:
        solid = etree.SubElement(tc_pr, qn("a:solidFill"))
        etree.SubElement(solid, qn("a:srgbClr"), val=fill.lstrip("#"))


def _draw_arrow(pptx_slide, arrow: Arrow) -> None:
    line = pptx_slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT, Pt(arrow.x1), Pt(arrow.y1), Pt(arrow.x2), Pt(arrow.y2)
    )
    if arrow.name:
        line.name = arrow.name
    line.line.color.rgb = _rgb(arrow.colour)
    line.line.width = Pt(arrow.width)
    if arrow.heads:
        ln = line.line._get_or_add_ln()
        etree.SubElement(ln, qn("a:headEnd"), type="triangle", w="med", len="med")
        etree.SubElement(ln, qn("a:tailEnd"), type="triangle", w="med", len="med")


def _draw_picture(pptx_slide, picture: Picture) -> None:
    shape = pptx_slide.shapes.add_picture(
        picture.path, Pt(picture.x), Pt(picture.y), Pt(picture.w), Pt(picture.h)
    )
    shape.name = picture.name or "Picture"
    # Screen readers read descr; PowerPoint shows it as the picture's alt text.
    shape._element.nvPicPr.cNvPr.set("descr", picture.alt)


def _set_core_properties(prs: Presentation, deck: DeckLayout, timestamp: dt.datetime) -> None:
    props = prs.core_properties
    naive = timestamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.title = deck.title
    props.author = deck.author
    props.last_modified_by = deck.author
    props.subject = deck.subject
    props.language = deck.language
    props.keywords = ""
    props.comments = ""
    props.category = "Workshop"
    props.created = naive
    props.modified = naive
    props.last_printed = naive
    props.revision = 1


def _fixed_zip(data: bytes, timestamp: dt.datetime) -> bytes:
    """Rewrite the package with one fixed date on every entry (python-pptx uses now)."""
    stamp = max(
        timestamp.astimezone(dt.timezone.utc), dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
    )
    date_time = stamp.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
