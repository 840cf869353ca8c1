"""Write a ``DeckLayout`` as a native, editable ``.pptx``: one shape per laid-out element.

Nothing is decided here about what goes where; ``kit.layout.deckplan`` did that. Text is written
as real paragraphs (PowerPoint wraps it the way it was measured), with explicit sizes,
line spacing and insets so every viewer sets it as it was fitted.

python-pptx opens the template (cleared of its own slides and links by
``kit.source.pptxtemplate``) or its default, supplies the layout, masters and notes master,
and saves the package; the slides and notes pages themselves are written as XML
text by ``slides.drawingml``. Going through python-pptx's shape objects costs tens of
milliseconds a slide, and its notes pages scan every part of the package for a free name,
so a deck got slower with every slide: here each slide costs the same, whatever the
deck's length (see ``_DeckPackage``).
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
import zipfile
from pathlib import Path
from typing import Any, cast

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.image import ImagePart
from pptx.presentation import Presentation as PresentationDoc
from pptx.slide import NotesSlide, SlideLayout
from pptx.util import Pt

from kit.layout.slidelayout import DeckLayout, Picture, Slide, layout_role
from kit.layout.templatelook import ROLES
from kit.source.pptxtemplate import open_template
from kit.words.langtag import language_tag
from slides.drawingml import NOTES_MARK, notes_paragraphs, slide_xml


def write_deck(deck: DeckLayout, path: Path, timestamp: dt.datetime) -> None:
    """Write ``deck`` to ``path`` as a .pptx whose bytes depend only on the input."""
    prs = open_template(deck.template).presentation if deck.template else Presentation()
    prs.slide_width = Pt(deck.width)
    prs.slide_height = Pt(deck.height)
    package = _DeckPackage(prs, deck)
    for number, slide in enumerate(deck.slides, start=1):
        package.add_slide(number, slide)
    _add_sections(prs, deck)
    _set_core_properties(prs, deck, timestamp)
    _set_app_properties(prs, deck)
    path.write_bytes(_zipped(prs, timestamp))


class _DeckPackage:
    """Adds slides and notes pages to an open presentation at a constant cost each.

    python-pptx names a new notes page by scanning every part in the package
    (``OpcPackage.next_partname``) and finds an image by walking every relationship, so
    each slide cost more than the one before: 8.9 s for 1000 slides with notes, against
    2.4 s without. Here slide ``n`` and its notes page are simply ``slideN.xml`` and
    ``notesSlideN.xml`` (the template's own slides were removed, so the names are free),
    the notes page is cloned from the notes master once per deck, and each image file is
    looked up once per deck.
    """

    def __init__(self, prs: PresentationDoc, deck: DeckLayout) -> None:
        self._prs = prs
        self._package = prs.part.package
        self._slide_ids = prs.slides._sldIdLst
        self._deck = deck
        # Without a template, every slide is built on python-pptx's "Title Only".
        look = deck.look
        chosen = (
            dict.fromkeys(ROLES, _title_only_layout(prs))
            if look is None
            else {role: _layout_at(prs, *look.layout(role).index) for role in ROLES}
        )
        self._layouts = {
            role: (layout, _title_placeholder(layout)) for role, layout in chosen.items()
        }
        for layout in chosen.values():
            _uncentre_title(layout)
        self._images: dict[str, ImagePart] = {}
        self._notes_page: tuple[str, str] | None = None

    def add_slide(self, number: int, slide: Slide) -> None:
        """Add ``slide`` as slide ``number`` (from 1), with a notes page if it has notes."""
        part = Part(PackURI(f"/ppt/slides/slide{number}.xml"), CT.PML_SLIDE, self._package)
        layout, title = self._layouts[layout_role(slide.kind)]
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        pictures = {
            element.path: part.relate_to(self._image(element), RT.IMAGE)
            for element in slide.elements
            if isinstance(element, Picture)
        }
        part.blob = slide_xml(self._deck, title, slide, pictures).encode("utf-8")
        # Not relate_to() and add_sldId(): the first looks through every relationship of
        # the presentation for a duplicate, the second through every slide id for the
        # largest. A new slide has no duplicate, and ids count up from 256.
        rel_id = self._prs.part.rels._add_relationship(RT.SLIDE, part)
        slide_id = etree.SubElement(self._slide_ids, qn("p:sldId"), id=str(255 + number))
        slide_id.set(qn("r:id"), rel_id)
        if slide.notes:
            self._add_notes(number, part, slide.notes)

    def _add_notes(self, number: int, slide_part: Part, notes: str) -> None:
        head, tail = self._notes_template()
        partname = PackURI(f"/ppt/notesSlides/notesSlide{number}.xml")
        xml = head + notes_paragraphs(notes, language_tag(self._deck.language)) + tail
        part = Part(partname, CT.PML_NOTES_SLIDE, self._package, xml.encode("utf-8"))
        part.relate_to(self._prs.notes_master.part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)

    def _notes_template(self) -> tuple[str, str]:
        """A notes page's XML before and after its text, cloned from the notes master.

        Made at the first slide with notes, as python-pptx would, so that a deck without
        notes gets no notes master.
        """
        if self._notes_page is None:
            # A page of no part: only its XML is wanted, and cloning needs no part.
            page = NotesSlide(CT_NotesSlide.new(), cast(Any, None))
            page.clone_master_placeholders(self._prs.notes_master)
            placeholder = page.notes_placeholder
            assert placeholder is not None  # the notes master always has a body
            placeholder.text_frame.text = NOTES_MARK
            xml = serialize_part_xml(page.element).decode("utf-8")
            head, tail = xml.split(notes_paragraphs(NOTES_MARK))
            self._notes_page = head, tail
        return self._notes_page

    def _image(self, picture: Picture) -> ImagePart:
        """The picture's image part: the file, or its upright copy (``picture.data``)."""
        if picture.path not in self._images:
            image = picture.path if picture.data is None else io.BytesIO(picture.data)
            self._images[picture.path] = self._package.get_or_add_image_part(image)
        return self._images[picture.path]


_SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # PowerPoint 2010's sections
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def _add_sections(prs: PresentationDoc, deck: DeckLayout) -> None:
    """One PowerPoint section per workshop section, named after it, holding its slides.

    The presenter can collapse them and jump between them. Every slide is in a section,
    as PowerPoint requires once there are any; a template's own sections are replaced.
    Section ids are derived from the deck, so the same deck gives the same bytes.
    """
    root = prs.part._element
    for old in root.findall(f"{qn('p:extLst')}/{qn('p:ext')}[@uri='{_SECTIONS_EXT}']"):
        old.getparent().remove(old)
    ext_list = root.find(qn("p:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(root, qn("p:extLst"))
    ext = etree.SubElement(ext_list, qn("p:ext"), uri=_SECTIONS_EXT)
    sections = etree.SubElement(ext, f"{{{_P14}}}sectionLst", nsmap={"p14": _P14})
    for index, title in enumerate(deck.section_titles):
        numbers = [n for n, s in enumerate(deck.slides, start=1) if s.section == index]
        guid = uuid.uuid5(uuid.NAMESPACE_URL, f"kit-section:{index}:{title}")
        section = etree.SubElement(
            sections, f"{{{_P14}}}section", name=title, id=f"{{{str(guid).upper()}}}"
        )
        slide_ids = etree.SubElement(section, f"{{{_P14}}}sldIdLst")
        for number in numbers:
            etree.SubElement(slide_ids, f"{{{_P14}}}sldId", id=str(255 + number))


def _title_only_layout(prs: PresentationDoc) -> SlideLayout:
    """The layout with a title placeholder and the fewest other placeholders (for a deck
    without a template; a template's layouts are picked by ``kit.layout.templatelook``)."""
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]

    def has_title(layout: SlideLayout) -> bool:
        placeholders = layout.iter_cloneable_placeholders()  # titles are always cloneable
        return any(ph.placeholder_format.type in (1, 3) for ph in placeholders)

    titled = [layout for layout in layouts if has_title(layout)]
    named = [layout for layout in titled if layout.name.lower() == "title only"]
    if named:
        return named[0]
    if titled:
        return min(titled, key=lambda layout: len(list(layout.iter_cloneable_placeholders())))
    return layouts[-1]


def _layout_at(prs: PresentationDoc, master: int, index: int) -> SlideLayout:
    return prs.slide_masters[master].slide_layouts[index]


def _uncentre_title(layout: SlideLayout) -> None:
    """Drop ``anchorCtr`` from the title placeholders of ``layout`` and its master.

    LibreOffice centres a title's lines as one block wherever the layout's placeholder
    says so, even over a slide's own ``anchorCtr="0"``; kit's titles are set and aligned
    as fitted, and the template's centred titles stay centred by their paragraphs.
    """
    path = "p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='title' or @type='ctrTitle']]"
    for owner in (layout, layout.slide_master):
        for body in owner._element.xpath(f"{path}/p:txBody/a:bodyPr"):
            body.attrib.pop("anchorCtr", None)


def _title_placeholder(layout: SlideLayout) -> dict[str, str] | None:
    """The ``p:ph`` attributes a slide's title placeholder takes from ``layout``, if any.

    That is the first placeholder a new slide would clone with index 0 (the title).
    """
    for placeholder in layout.iter_cloneable_placeholders():
        if placeholder.placeholder_format.idx == 0:
            ph = placeholder.element.ph
            assert ph is not None  # a placeholder's shape always has its p:ph
            return {key: ph.get(key) for key in ("type", "orient", "sz", "idx") if ph.get(key)}
    return None


def _set_core_properties(prs: PresentationDoc, deck: DeckLayout, timestamp: dt.datetime) -> None:
    props = prs.core_properties
    naive = timestamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.title = deck.title
    props.author = deck.author
    props.last_modified_by = deck.author
    props.subject = deck.subject
    props.language = deck.language
    props.keywords = ""
    props.comments = ""
    props.category = deck.category
    props.created = naive
    props.modified = naive
    props.last_printed = naive
    props.revision = 1


_APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><TotalTime>0</TotalTime><Application>kit</Application>'
    "<PresentationFormat>On-screen Show ({ratio})</PresentationFormat>"
    "<Slides>{slides}</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides>"
    "<Company>{company}</Company><AppVersion>1.0000</AppVersion></Properties>"
)


def _set_app_properties(prs: PresentationDoc, deck: DeckLayout) -> None:
    """Say what made the deck and what it holds; the template's copy describes an empty
    4:3 deck saved by "Microsoft Macintosh PowerPoint"."""
    app = next(
        (part for part in prs.part.package.iter_parts() if part.partname == "/docProps/app.xml"),
        None,
    )
    if app is None:
        return
    ratio = "16:9" if deck.width / deck.height > 1.5 else "4:3"
    notes = sum(1 for slide in deck.slides if slide.notes)
    company = deck.author.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    xml = _APP_PROPERTIES.format(ratio=ratio, slides=len(deck.slides), notes=notes, company=company)
    app._blob = xml.encode("utf-8")


def _zipped(prs: PresentationDoc, timestamp: dt.datetime) -> bytes:
    """The package as python-pptx would save it, but with one fixed date on every entry.

    python-pptx stamps each entry with the time of saving; rewriting its zip afterwards
    would compress the whole deck twice, so its package writer is handed a zip of our own.
    """
    stamp = max(
        timestamp.astimezone(dt.timezone.utc), dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
    )
    package = prs.part.package
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # Duck-typed: python-pptx's writer only calls ``write`` on its zip writer.
        entries = cast(Any, _FixedDateEntries(archive, stamp))
        writer = PackageWriter(out, package._rels, tuple(package.iter_parts()))
        writer._write_content_types_stream(entries)
        writer._write_pkg_rels(entries)
        writer._write_parts(entries)
    return out.getvalue()


class _FixedDateEntries:
    """Where python-pptx's package writer puts each part: a zip entry with a fixed date."""

    def __init__(self, archive: zipfile.ZipFile, stamp: dt.datetime) -> None:
        self._archive = archive
        self._date_time = (
            stamp.year,
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            stamp.second,
        )

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """Add ``blob`` as the entry for ``pack_uri``."""
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self._date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self._archive.writestr(entry, blob)
