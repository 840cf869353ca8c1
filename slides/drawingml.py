"""One laid-out slide as PresentationML text: the XML python-pptx would write, made directly.

One small function per element kind (box, table, arrow, picture) and one for text. The
markup is what python-pptx's shape API produces for the same calls (the same elements,
attributes and default names), written as strings because building it through python-pptx's
element objects costs far more than the rest of the build. Every user string goes through
``_text`` or ``_attr``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import nsdecls
from pptx.shapes.autoshape import AutoShapeType
from pptx.util import Pt

from kit.layout.drawing import TABLE_RULE, own_background, stacking_order, title_of
from kit.layout.qr import dark_runs
from kit.layout.slidelayout import (
    Arrow,
    Box,
    Cell,
    DeckLayout,
    Element,
    Picture,
    QrCode,
    Slide,
    Table,
)
from kit.layout.textfit import Para, Text
from kit.words.langtag import language_tag
from slides.builds import timing_xml

# Stands for the text when a notes page is cloned from the notes master.
NOTES_MARK = "kit-notes-text"

# PowerPoint's preset for each of kit.layout.drawing.SHAPES.
_SHAPES = {
    "rect": AutoShapeType(MSO_SHAPE.RECTANGLE),
    "roundrect": AutoShapeType(MSO_SHAPE.ROUNDED_RECTANGLE),
}
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's default table style
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_AUTOSHAPE_STYLE = (
    '<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
    '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef>'
    '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
    '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>'
)
_CONNECTOR_STYLE = (
    '<p:style><a:lnRef idx="2"><a:schemeClr val="accent1"/></a:lnRef>'
    '<a:fillRef idx="0"><a:schemeClr val="accent1"/></a:fillRef>'
    '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
    '<a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></p:style>'
)
# What a new shape of each kind holds before any text is set.
_PLAIN_BODY = "<a:bodyPr/><a:lstStyle/><a:p/>"
_TEXTBOX_BODY = '<a:bodyPr wrap="none"><a:spAutoFit/></a:bodyPr><a:lstStyle/><a:p/>'
_SHAPE_BODY = '<a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>'
_SHAPE_BODY_ATTRS = ' rtlCol="0"'  # kept when the text sets the rest
# PowerPoint's "Mark as decorative": screen readers skip the shape (Office 2019 and later).
_DECORATIVE = (
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"'
    ' val="1"/></a:ext></a:extLst>'
)
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
# Control characters cannot stand in XML; python-pptx writes them as _xHHHH_, and so do we.
_CONTROLS: dict[int | str, str] = {
    code: f"_x{code:04X}_" for code in range(0x20) if code not in (0x09, 0x0A)
}
_TEXT_ESCAPES = str.maketrans({**_CONTROLS, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans(
    {
        **_CONTROLS,
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)


@dataclass(frozen=True)
class _Font:
    """What every run of a text body names: its typeface and its language tag."""

    face: str
    lang: str


def _text(value: str) -> str:
    return value.translate(_TEXT_ESCAPES)


def _attr(value: str) -> str:
    return value.translate(_ATTR_ESCAPES)


def _colour(colour: str) -> str:
    return colour.lstrip("#").upper()


def _solid(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{_colour(colour)}"/></a:solidFill>'


def _xfrm(x: float, y: float, w: float, h: float, tag: str = "a:xfrm") -> str:
    # A negative extent is invalid Open XML (PowerPoint repairs or refuses the file): a box
    # squeezed below nothing by a tiny template body is written empty, never negative.
    w, h = max(w, 0.0), max(h, 0.0)
    return f'<{tag}><a:off x="{Pt(x)}" y="{Pt(y)}"/><a:ext cx="{Pt(w)}" cy="{Pt(h)}"/></{tag}>'


def slide_xml(
    deck: DeckLayout,
    title_placeholder: Mapping[str, str] | None,
    slide: Slide,
    pictures: Mapping[str, str],
) -> str:
    """The ``p:sld`` part for ``slide``.

    ``title_placeholder`` holds the layout's title ``p:ph`` attributes (None: the layout
    has no title, and the title box becomes a text box); ``pictures`` maps each picture's
    path to the relationship id of its image.
    """
    background = ""
    if own_background(deck, slide):
        background = f"<p:bg><p:bgPr>{_solid(slide.background)}<a:effectLst/></p:bgPr></p:bg>"
    placed = _placed(slide, title_placeholder)
    lang = language_tag(deck.language)
    shapes = "".join(_shapes(deck, title_placeholder, placed, pictures, lang))
    built = [
        (shape_id, element.text)
        for element, shape_id in placed
        if isinstance(element, Box) and element.build and element.text is not None
    ]
    return (
        f"{_DECLARATION}<p:sld {nsdecls('a', 'p', 'r')}><p:cSld>{background}<p:spTree>"
        '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        f"<p:grpSpPr/>{shapes}</p:spTree></p:cSld>"
        f"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>{timing_xml(built)}</p:sld>"
    )


def _placed(
    slide: Slide, title_placeholder: Mapping[str, str] | None
) -> list[tuple[Element | None, int]]:
    """Each shape's element and id in z-order; the layout's title placeholder comes first,
    as a new slide has it (its element None when the slide has no title box)."""
    order = stacking_order(slide)
    placed: list[tuple[Element | None, int]] = []
    if title_placeholder is not None:
        title = title_of(slide)
        placed.append((title, 2))
        order = [element for element in order if element is not title]
    for element in order:
        placed.append((element, len(placed) + 2))
    return placed


def _shapes(
    deck: DeckLayout,
    title_placeholder: Mapping[str, str] | None,
    placed: list[tuple[Element | None, int]],
    pictures: Mapping[str, str],
    lang: str,
) -> Iterator[str]:
    """Each shape's XML, in the order and with the ids ``_placed`` gave."""
    for index, (element, shape_id) in enumerate(placed):
        if index == 0 and title_placeholder is not None:
            assert element is None or isinstance(element, Box)
            yield _placeholder(shape_id, title_placeholder, element, _Font(deck.heading_font, lang))
        elif isinstance(element, Box):
            font = deck.heading_font if element.role == "title" else deck.body_font
            yield _box(shape_id, element, _Font(font, lang))
        elif isinstance(element, Table):
            yield _table(shape_id, element, _Font(deck.body_font, lang))
        elif isinstance(element, Arrow):
            yield _arrow(shape_id, element)
        elif isinstance(element, Picture):
            yield _picture(shape_id, element, pictures[element.path])
        elif isinstance(element, QrCode):
            yield _qr_code(shape_id, element)


def _qr_code(shape_id: int, code: QrCode) -> str:
    """One freeform shape: the dark modules as a rectangle per run, filled black."""
    count = len(code.modules)
    rects = "".join(
        f'<a:moveTo><a:pt x="{column}" y="{row}"/></a:moveTo>'
        f'<a:lnTo><a:pt x="{column + length}" y="{row}"/></a:lnTo>'
        f'<a:lnTo><a:pt x="{column + length}" y="{row + 1}"/></a:lnTo>'
        f'<a:lnTo><a:pt x="{column}" y="{row + 1}"/></a:lnTo><a:close/>'
        for row, column, length in dark_runs(code.modules)
    )
    name = code.name or f"Freeform {shape_id - 1}"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{_attr(name)}" '
        f'descr="{_attr(code.data)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
        f"{_xfrm(code.x, code.y, code.size, code.size)}<a:custGeom><a:avLst/><a:gdLst/>"
        '<a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
        f'<a:path w="{count}" h="{count}">{rects}</a:path></a:pathLst></a:custGeom>'
        f"{_solid('#000000')}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def _placeholder(shape_id: int, ph: Mapping[str, str], box: Box | None, font: _Font) -> str:
    """The title placeholder, holding the title box's text (or empty if there is none)."""
    attrs = "".join(f' {key}="{_attr(value)}"' for key, value in ph.items())
    name = box.name if box is not None and box.name else f"Title {shape_id - 1}"
    if box is None:
        geometry, body = "<p:spPr/>", f"<p:txBody>{_PLAIN_BODY}</p:txBody>"
    else:
        # A plate under a title no ink reads on over the template's art.
        plate = "" if box.fill is None else f"{_RECT}{_solid(box.fill)}"
        geometry = f"<p:spPr>{_xfrm(box.x, box.y, box.w, box.h)}{plate}</p:spPr>"
        body = _text_body(box.text, box.inset, font, _PLAIN_BODY)
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{_attr(name)}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{attrs}/></p:nvPr>'
        f"</p:nvSpPr>{geometry}{body}</p:sp>"
    )


def _box(shape_id: int, box: Box, font: _Font) -> str:
    """A text box when the box has neither fill nor outline, else a preset shape."""
    xfrm = _xfrm(box.x, box.y, box.w, box.h)
    if box.fill is None and box.outline is None:
        name = box.name or f"TextBox {shape_id - 1}"
        return (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{_attr(name)}"/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm}'
            f"{_RECT}<a:noFill/></p:spPr>"
            f"{_text_body(box.text, box.inset, font, _TEXTBOX_BODY)}</p:sp>"
        )
    kind = _SHAPES[box.shape]
    decorative = _DECORATIVE if box.role == "decoration" else ""
    fill = "<a:noFill/>" if box.fill is None else _solid(box.fill)
    line = (
        "<a:ln><a:noFill/></a:ln>"
        if box.outline is None
        else f'<a:ln w="{Pt(box.outline_width)}">{_solid(box.outline)}</a:ln>'
    )
    name = box.name or f"{kind.basename} {shape_id - 1}"
    # No shadow: an empty effect list for PowerPoint, effect style 0 for LibreOffice (which
    # ignores the empty list and draws the theme's shadow of effect style 1 or 2).
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{_attr(name)}">{decorative}'
        f"</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm}"
        f'<a:prstGeom prst="{kind.prst}"><a:avLst/>'
        f"</a:prstGeom>{fill}{line}<a:effectLst/></p:spPr>{_AUTOSHAPE_STYLE}"
        f"{_text_body(box.text, box.inset, font, _SHAPE_BODY, _SHAPE_BODY_ATTRS)}</p:sp>"
    )


def _text_body(
    text: Text | None, inset: float, font: _Font, empty: str, extra: str = "", tag: str = "p:txBody"
) -> str:
    """A text body set exactly as fitted: wrapping on, no autofit, fixed insets.

    ``empty`` is the body a shape of its kind has before any text is set; ``extra``
    body attributes its kind of shape carries anyway.
    """
    if text is None:
        return f"<{tag}>{empty}</{tag}>"
    margin = Pt(inset)
    paragraphs = "".join(_paragraph(para, font) for para in text.paragraphs) or "<a:p/>"
    # Said outright, not left to a placeholder to inherit: a template's title centred as a
    # block (anchorCtr), in columns or turned would move text from where it was fitted.
    return (
        f'<{tag}><a:bodyPr{extra} rot="0" vert="horz" numCol="1" anchorCtr="0" '
        f'wrap="square" lIns="{margin}" rIns="{margin}" '
        f'tIns="{margin}" bIns="{margin}" anchor="{_ANCHOR[text.anchor]}"><a:noAutofit/>'
        f"</a:bodyPr><a:lstStyle/>{paragraphs}</{tag}>"
    )


def _paragraph(para: Para, font: _Font) -> str:
    """One paragraph; each wrapped line's runs, with the wrap's space given back.

    Every run names its language, so it is spell-checked and read aloud in it.
    """
    bullet = (
        f'<a:buFont typeface="{_attr(font.face)}"/><a:buChar char="{_attr(para.bullet)}"/>'
        if para.bullet
        else "<a:buNone/>"
    )
    properties = (
        f'<a:pPr algn="{_ALIGN[para.align]}" marL="{Pt(para.indent)}" indent="{-Pt(para.hang)}">'
        f'<a:lnSpc><a:spcPts val="{Pt(para.line_height).centipoints}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{Pt(para.space_before).centipoints}"/></a:spcBef>'
        f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>'
    )
    colour = _solid(para.color) if para.color else ""
    size = Pt(para.size).centipoints
    latin = f'<a:latin typeface="{_attr(font.face)}"/>'
    runs = []
    for line in para.lines:
        for index, styled in enumerate(line.runs):
            # PowerPoint wraps by itself; give back the space the wrap consumed. Capitals
            # only as measured, whatever a template's title style says (cap="all").
            last = index == len(line.runs) - 1
            words = styled.text + (line.end if last and line.end == " " else "")
            runs.append(
                f'<a:r><a:rPr lang="{font.lang}" sz="{size}" b="{int(styled.bold)}" '
                f'i="{int(styled.italic)}" cap="none">'
                f"{colour}{latin}</a:rPr><a:t>{_text(words)}</a:t></a:r>"
            )
        if line.end == "\n":
            runs.append("<a:br/>")
    return f"<a:p>{properties}{''.join(runs)}</a:p>"


def _table(shape_id: int, table: Table, font: _Font) -> str:
    """A table with measured column widths and row heights, thin borders, solid fills."""
    grid = "".join(f'<a:gridCol w="{Pt(width)}"/>' for width in table.col_widths)
    rows = "".join(
        f'<a:tr h="{Pt(height)}">' + "".join(_cell(cell, table, font) for cell in row) + "</a:tr>"
        for height, row in zip(table.row_heights, table.rows)
    )
    first_row = ' firstRow="1"' if table.header else ""
    return (
        f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" '
        f'name="{_attr(table.name or "Table")}"/><p:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f"{_xfrm(table.x, table.y, table.w, table.h, 'p:xfrm')}<a:graphic>"
        f'<a:graphicData uri="{_TABLE_URI}"><a:tbl><a:tblPr{first_row}>'
        f"<a:tableStyleId>{_TABLE_STYLE}</a:tableStyleId></a:tblPr><a:tblGrid>{grid}"
        f"</a:tblGrid>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    )


def _cell(cell: Cell, table: Table, font: _Font) -> str:
    """One cell: its text at the table's inset, borders on every side, then its fill."""
    margin = Pt(table.inset)
    border = _solid(table.border)
    lines = "".join(
        f'<a:{side} w="{Pt(TABLE_RULE)}">{border}</a:{side}>'
        for side in ("lnL", "lnR", "lnT", "lnB")
    )
    fill = "<a:noFill/>" if cell.fill is None else _solid(cell.fill)
    return (
        f"<a:tc>{_text_body(cell.text, 0.0, font, _PLAIN_BODY, tag='a:txBody')}"
        f'<a:tcPr anchor="t" marL="{margin}" marR="{margin}" marT="{margin}" marB="{margin}">'
        f"{lines}{fill}</a:tcPr></a:tc>"
    )


def _arrow(shape_id: int, arrow: Arrow) -> str:
    """A straight connector; a negative extent is a flip, as PowerPoint stores it."""
    x1, y1, x2, y2 = Pt(arrow.x1), Pt(arrow.y1), Pt(arrow.x2), Pt(arrow.y2)
    flip = (' flipH="1"' if x1 > x2 else "") + (' flipV="1"' if y1 > y2 else "")
    heads = (
        '<a:headEnd type="triangle" w="med" len="med"/>'
        '<a:tailEnd type="triangle" w="med" len="med"/>'
    )
    name = arrow.name or f"Connector {shape_id - 1}"
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="{_attr(name)}">'
        f"{_DECORATIVE}</p:cNvPr><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm{flip}>"
        f'<a:off x="{min(x1, x2)}" y="{min(y1, y2)}"/>'
        f'<a:ext cx="{abs(x2 - x1)}" cy="{abs(y2 - y1)}"/></a:xfrm>'
        f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{Pt(arrow.width)}">'
        f"{_solid(arrow.colour)}{heads}</a:ln></p:spPr>{_CONNECTOR_STYLE}</p:cxnSp>"
    )


def _picture(shape_id: int, picture: Picture, rel_id: str) -> str:
    """A picture; screen readers read ``descr``, which PowerPoint shows as alt text."""
    return (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{_attr(picture.name or "Picture")}" '
        f'descr="{_attr(picture.alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/>'
        f'</p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rel_id}"/>'
        f"<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>"
        f"{_xfrm(picture.x, picture.y, picture.w, picture.h)}"
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )


def notes_paragraphs(notes: str, lang: str = "") -> str:
    """Speaker notes as paragraphs, one a line, as python-pptx's ``text_frame.text`` sets them,
    each run in ``lang`` if given."""
    properties = f'<a:rPr lang="{lang}"/>' if lang else ""
    return "".join(
        f"<a:p><a:r>{properties}<a:t>{_text(line)}</a:t></a:r></a:p>" if line else "<a:p/>"
        for line in notes.split("\n")
    )
