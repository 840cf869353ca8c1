"""Tagged PDF (PDF/UA-1) with reportlab, which has no tagging API of its own.

Everything drawn on a page is an artifact (rules, boxes, running headers, footers, cut
marks, writing lines) unless a flowable says it is content: a ``TaggedParagraph`` is a
heading, list item or paragraph, a ``Figure`` a picture with its alternative text, a
``DataTable`` a table with header cells. Each piece of content is one marked-content
sequence (``BDC``/``EMC`` with an MCID, written with ``canvas.addLiteral``) and one
structure element, in the order it is drawn, which in a platypus story is reading order.
At the end ``write_structure`` adds the structure tree, the parent tree, the page entries,
the outline (from the headings), the language, ``DisplayDocTitle`` and the XMP packet
that claims PDF/UA-1.

A canvas without a ``tagger`` attribute (a slide drawn for the deck PDF, say) draws the
same flowables untagged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFPage,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

# Paragraph styles (``kit.pdf.Styles``) whose paragraphs are headings, by level.
HEADING_LEVELS = {"title": 1, "h1": 2, "h2": 3, "h3": 4}
_ARTIFACT = "/Artifact BMC"


@dataclass
class _Element:
    """One structure element: a role, its kids (elements) or its marked content."""

    role: str
    kids: list[_Element] = field(default_factory=list)
    mcid: int | None = None
    page: int = 0
    alt: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class _Heading:
    text: str
    level: int
    page: int
    top: float | None


class Tagger:
    """The structure of one document as it is drawn, page by page."""

    def __init__(self) -> None:
        self.root = _Element("Document")
        self._parents = [self.root]
        self._content: list[list[_Element]] = [[]]  # per page, by MCID
        self._inside = False
        self._level = 0
        self.headings: list[_Heading] = []

    @property
    def page(self) -> int:
        return len(self._content) - 1

    def start_page(self, canvas: Canvas) -> None:
        """Called as a page begins: until content says otherwise, all is artifact."""
        canvas.addLiteral(_ARTIFACT)

    def end_page(self, canvas: Canvas) -> None:
        canvas.addLiteral("EMC")
        self._content.append([])

    @contextmanager
    def group(self, role: str, **attributes: str) -> Iterator[None]:
        """A structure element that holds others (a table, a row, a cell)."""
        element = _Element(role, attributes=attributes)
        self._parents[-1].kids.append(element)
        self._parents.append(element)
        try:
            yield
        finally:
            self._parents.pop()

    @contextmanager
    def content(
        self,
        canvas: Canvas,
        role: str,
        *,
        alt: str | None = None,
        heading: str = "",
        top: float | None = None,
    ) -> Iterator[None]:
        """What is drawn inside is ``role``'s content; a heading's text is ``heading``, and
        ``top`` is where its bookmark lands (None: the whole page).

        Content inside content (the labels of a figure) belongs to the outer element.
        """
        if self._inside:
            yield
            return
        if role.startswith("H") and role[1:].isdigit():
            # Headings never skip a level: a reader's list of headings would show a gap.
            self._level = min(int(role[1:]), self._level + 1)
            role = f"H{self._level}"
            self.headings.append(_Heading(heading, self._level, self.page, top))
        element = _Element(role, alt=alt, page=self.page)
        parent = self._parents[-1]
        if role == "LI":
            # Consecutive list items make one list; the item's text is its body.
            if not parent.kids or parent.kids[-1].role != "L" or parent.kids[-1] is not self._last:
                parent.kids.append(_Element("L"))
            item = _Element("LI", kids=[element])
            parent.kids[-1].kids.append(item)
            element.role = "LBody"
            self._last = parent.kids[-1]
        else:
            parent.kids.append(element)
            self._last = element
        page = self._content[-1]
        element.mcid = len(page)
        page.append(element)
        canvas.addLiteral(f"EMC /{element.role} <</MCID {element.mcid}>> BDC")
        self._inside = True
        try:
            yield
        finally:
            self._inside = False
            canvas.addLiteral("EMC " + _ARTIFACT)

    _last: _Element | None = None

    def bookmark(self, canvas: Canvas, page: int) -> None:
        """Outline entries for the headings on ``page`` (from 0), as the page is shown."""
        for index, heading in enumerate(self.headings):
            if heading.page == page:
                key = f"h{index}"
                if heading.top is None:
                    canvas.bookmarkPage(key)
                else:
                    canvas.bookmarkPage(key, fit="XYZ", top=heading.top)
                canvas.addOutlineEntry(heading.text, key, heading.level - 1)


def tagger_of(canvas: Canvas) -> Tagger | None:
    return getattr(canvas, "tagger", None)


def tagged(canvas: Canvas, role: str | None, **details: Any) -> AbstractContextManager[None]:
    """``Tagger.content`` on a tagged canvas; elsewhere (or with no role) nothing."""
    tagger = tagger_of(canvas)
    if tagger is None or role is None:
        return nullcontext()
    return tagger.content(canvas, role, **details)


class TaggedParagraph(Paragraph):
    """A paragraph that is a heading, a list item or a paragraph, by its style."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """reportlab's wrap, once per width: a frame, a kept group and a page's split each
        wrap the same paragraph again at the same width (6 wraps in 10 of the sample's
        handouts), and its lines depend on the width and style alone."""
        last = getattr(self, "_wrapped", None)
        lines = getattr(self, "blPara", None)
        if last and last[0] == availWidth and last[1] is self.style and last[2] is lines:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        lines, before = getattr(self, "blPara", None), lines
        # Too narrow to hold anything, reportlab sets no lines: nothing to keep
        self._wrapped = (availWidth, self.style, lines) if lines is not before else None
        return size

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        if tagger is None:
            super().drawOn(canvas, x, y, _sW)
            return
        level = HEADING_LEVELS.get(self.style.name)
        if level is not None:
            role = f"H{level}"
        elif self.bulletText is not None:
            role = "LI"
        else:
            role = "P"
        top = y + self.height
        with tagger.content(canvas, role, heading=self.getPlainText(), top=top):
            super().drawOn(canvas, x, y, _sW)


class Figure(Flowable):
    """``content`` (a picture, a drawing) as a figure, read out as ``alt``."""

    def __init__(self, content: Flowable, alt: str) -> None:
        super().__init__()
        self.content = content
        self.alt = alt
        self.hAlign = getattr(content, "hAlign", "LEFT")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.content.wrap(available_width, available_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.content.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.content.getSpaceAfter()

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None:
            self.content.drawOn(self.canv, 0, 0)
            return
        with tagger.content(self.canv, "Figure", alt=self.alt):
            self.content.drawOn(self.canv, 0, 0)


class DataTable(Table):
    """A table whose first ``repeatRows`` rows are header cells for the columns below."""

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None:
            super().draw()
            return
        self._cells_drawn = 0
        with tagger.group("Table"):
            super().draw()
            if self._row is not None:
                self._row.__exit__(None, None, None)
                self._row = None

    _row: Any = None
    _cells_drawn = 0

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        row, column = divmod(self._cells_drawn, self._ncols)
        self._cells_drawn += 1
        if column == 0:
            if self._row is not None:
                self._row.__exit__(None, None, None)
            self._row = tagger.group("TR")
            self._row.__enter__()
        header = row < (self.repeatRows if isinstance(self.repeatRows, int) else 0)
        cell = tagger.group("TH", Scope="Column") if header else tagger.group("TD")
        with cell:
            if isinstance(cellval, str):
                with tagger.content(self.canv, "P"):
                    super()._drawCell(cellval, cellstyle, pos, size)
            else:
                super()._drawCell(cellval, cellstyle, pos, size)


def _xmp(title: str, language: str) -> bytes:
    """The XMP packet: title, language, and the PDF/UA-1 identification."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt>'
        f"</dc:title><dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag>"
        "</dc:language><pdfuaid:part>1</pdfuaid:part></rdf:Description></rdf:RDF>"
        '</x:xmpmeta><?xpacket end="w"?>'
    ).encode()


class _Dictionary(PDFDictionary):
    """A dictionary of the structure tree: the bytes reportlab writes for a dictionary,
    made without its general formatter, which took a tenth of a handout's drawing to
    format a document's thousands of elements."""

    def format(self, document: Any) -> bytes:
        entries = self.dict
        return (
            b"<<\n"
            + _joined([_name(k) + b" " + _bytes(entries[k], document) for k in sorted(entries)], 6)
            + b"\n>>"
        )


class _Array(PDFArray):
    """An array of the structure tree (elements, marked content, the parent tree), as
    reportlab writes it (see ``_Dictionary``)."""

    def format(self, document: Any) -> bytes:
        return b"[ " + _joined([_bytes(item, document) for item in self.sequence], 10) + b" ]"


def _joined(items: list[bytes], per_line: int) -> bytes:
    """``items`` joined as reportlab joins a dictionary's or an array's entries."""
    for index in reversed(range(per_line, len(items), per_line)):
        items.insert(index, b"\n ")
    return b" ".join(items)


def _bytes(value: Any, document: Any) -> bytes:
    """A reference, a number or a name the way reportlab writes it; anything else by it."""
    kind = type(value)
    if kind is PDFObjectReference:
        return b"%d %d R" % document.idToObjectNumberAndVersion[value.name]
    if kind is int:
        return b"%d" % value
    if kind is bytes:
        return value
    return pdfdoc.format(value, document)


@functools.cache
def _name(key: str) -> bytes:
    """A name as written in the file (``/StructElem``)."""
    return PDFName(key).encode()


_STRUCT_ELEM = _name("StructElem")


def write_structure(canvas: Canvas, tagger: Tagger, title: str, language: str) -> None:
    """Add the structure tree and the document entries PDF/UA asks for.

    Called after the last page is shown and before the canvas is saved.
    """
    doc = canvas._doc
    pages = doc.Pages.pages

    def page_ref(index: int) -> PDFObjectReference:
        return doc.Reference(pages[index])

    parent_tree: list[list[Any]] = [[] for _ in pages]

    def element(node: _Element, parent: PDFObjectReference) -> PDFObjectReference:
        dictionary = _Dictionary({"Type": _STRUCT_ELEM, "S": _name(node.role), "P": parent})
        entries = dictionary.dict
        ref = doc.Reference(dictionary)
        if node.mcid is not None:
            entries["Pg"] = page_ref(node.page)
            entries["K"] = node.mcid
            mcids = parent_tree[node.page]
            mcids.extend([None] * (node.mcid + 1 - len(mcids)))
            mcids[node.mcid] = ref
        else:
            entries["K"] = _Array([element(kid, ref) for kid in node.kids])
        if node.alt is not None:
            entries["Alt"] = PDFString(node.alt)
        if node.attributes:
            entries["A"] = PDFDictionary(
                {"O": PDFName("Table"), **{k: PDFName(v) for k, v in node.attributes.items()}}
            )
        return ref

    if tagger.headings:
        canvas.showOutline()
    tree = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    tree_ref = doc.Reference(tree)
    tree.dict["K"] = PDFArray([element(tagger.root, tree_ref)])
    numbers: list[Any] = []
    for index, mcids in enumerate(parent_tree):
        numbers += [index, _Array(mcids)]
    tree.dict["ParentTree"] = doc.Reference(PDFDictionary({"Nums": _Array(numbers)}))
    tree.dict["ParentTreeNextKey"] = len(pages)
    for index, page in enumerate(pages):
        page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
        page.StructParents = index
        page.Tabs = PDFName("S")
    catalog = doc.Catalog
    catalog.StructTreeRoot = tree_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Lang = PDFString(language)
    canvas.setViewerPreference("DisplayDocTitle", "true")
    metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        _xmp(title, language),
    )
    metadata.__Comment__ = "XMP"
    catalog.Metadata = doc.Reference(metadata)
