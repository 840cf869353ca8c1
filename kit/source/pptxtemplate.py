"""An organisation's PowerPoint template, opened and cleared of what must not reach a deck.

A template (``.pptx``, or PowerPoint's own ``.potx``) may carry example slides with notes,
custom shows and a section list of those slides, master buttons that jump to them, and links
out of the file (a logo on a network share, a web address). None of these belong in a deck
built on it: they show the template's slides, point at nothing, or reach outside the file.
``open_template`` removes them and ``dropped`` says what it removed (``kit check`` warns
with it); a template kit cannot build on (no slide layout, damaged) is a ``TemplateError``.
A notes master without a body placeholder gets one, for the deck's notes. A template is
cleared once a process (``kit.templatefile``) and once more for each further deck: each
deck gets a copy of its own.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

from kit import templatefile

if TYPE_CHECKING:
    from pptx.opc.package import Part, _Relationship
    from pptx.package import Package
    from pptx.presentation import Presentation

_PML = "application/vnd.openxmlformats-officedocument.presentationml"
_PRESENTATION = f"{_PML}.presentation.main+xml"
# A template and a slide show are presentations that open differently; nothing else differs.
_OPENABLE = {_PRESENTATION, f"{_PML}.template.main+xml", f"{_PML}.slideshow.main+xml"}
_SLIDE_PARTS = {f"{_PML}.slide+xml", f"{_PML}.notesSlide+xml"}
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_HYPERLINKS = {f"{{{_A}}}{name}" for name in ("hlinkClick", "hlinkMouseOver", "hlinkHover")}
# Actions that lead into the template's own slides or shows (a jump to the first, next or
# last slide of the show works in any deck and stays).
_TEMPLATE_ACTIONS = ("ppaction://hlinksldjump", "ppaction://customshow")
_ACTING = etree.XPath(".//*[@action]")  # then filtered in Python: a third of starts-with's time
_NS = {"p": _P, "a": _A}
_BODY = etree.XPath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type = 'body']]", namespaces=_NS)
_USING = etree.XPath(".//*[@*[namespace-uri() = $ns and . = $id]]")
_NOTES_SIZE = (6858000, 9144000)  # python-pptx's default notes page, in EMU
_SHAPES = {f"{{{_P}}}{name}" for name in ("sp", "pic", "graphicFrame", "cxnSp", "bg")}


class TemplateError(ValueError):
    """A template kit cannot build a deck on; the message follows the file's name."""


@dataclass(frozen=True)
class OpenedTemplate:
    """A template ready to take a deck's slides, and what was removed from it, described."""

    presentation: Presentation
    dropped: tuple[str, ...]


# Cleared by ``kit check`` and not yet handed to a deck, by parsed package: the first deck
# takes it as it is, spared a copy; a later one (another edition, a rebuild) clears its own.
_UNTAKEN: dict[Package, Presentation] = {}


def open_template(path: str) -> OpenedTemplate:
    """Open the template at ``path`` without its slides, shows, sections and outside links:
    a copy of its own for each caller (a deck adds its slides to it).

    Raises ``TemplateError`` for a macro-enabled file, a package that is no presentation
    and a presentation without slide layouts.
    """
    package = templatefile.package(path)
    untaken = _UNTAKEN.pop(package, None)
    if untaken is not None:
        return OpenedTemplate(untaken, dropped(path))
    return _cleared(package)


def dropped(path: str) -> tuple[str, ...]:
    """What ``open_template`` removes from the template at ``path``, described (``kit
    check``), without a copy to build on. Raises ``TemplateError`` as it does."""
    return _described(templatefile.package(path))


@lru_cache(maxsize=2)  # by the parsed package: a template saved again is parsed and cleared again
def _described(package: Package) -> tuple[str, ...]:
    cleared = _cleared(package)
    _UNTAKEN.clear()  # a template replaced by another: its copy only held memory
    _UNTAKEN[package] = cleared.presentation
    return cleared.dropped


def _cleared(package: Package) -> OpenedTemplate:
    part = copy.deepcopy(package).main_document_part  # the parsed package stays as read
    # Read and set beneath python-pptx's content_type, which keeps the first value it gives.
    content_type = part._content_type
    if content_type not in _OPENABLE:
        macros = "macroEnabled" in content_type
        raise TemplateError(
            "holds macros; save it as a .pptx or .potx without them"
            if macros
            else f"is not a PowerPoint presentation or template ({content_type})"
        )
    part._content_type = _PRESENTATION  # saved as a presentation, not a template
    presentation = part.presentation
    if not any(len(master.slide_layouts) for master in presentation.slide_masters):
        raise TemplateError("has no slide layouts; kit needs one to build slides on")
    removed = [*_drop_slides(presentation), *_drop_links(presentation)]
    _drop_thumbnail(presentation)
    _give_notes_a_body(presentation)
    _give_view_properties(presentation)
    return OpenedTemplate(presentation, _counted(removed))


def _drop_slides(presentation: Presentation) -> Iterator[str]:
    """The template's slides (their notes go with them), custom shows and section list."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = presentation.part
    root = part._element
    for show in root.iterfind("p:custShowLst/p:custShow", _NS):
        yield f"custom show '{show.get('name')}'"
    for element in list(root.iterfind("p:custShowLst", _NS)):
        root.remove(element)
    for element in list(root.iterfind("p:sldIdLst/p:sldId", _NS)):
        element.getparent().remove(element)
    for element in list(root.iter("{*}sectionLst")):
        yield "section list"
        holder = element.getparent()
        if etree.QName(holder).localname == "ext":  # an extension holds nothing else
            element = holder
        element.getparent().remove(element)
    for r_id in [r_id for r_id, rel in part.rels.items() if rel.reltype == RT.SLIDE]:
        part.rels.pop(r_id)
    for rel in part.rels.values():  # which slides a show runs: by number or a custom show
        if rel.reltype == RT.PRES_PROPS and (properties := _root(rel.target_part)) is not None:
            for element in properties.xpath(
                "p:showPr/p:custShow | p:showPr/p:sldRg", namespaces=_NS
            ):
                element.getparent().remove(element)
            _store(rel.target_part, properties)


def _drop_links(presentation: Presentation) -> Iterator[str]:
    """Links out of the package, and links and actions into the template's slides."""
    package = presentation.part.package
    for part in [p for p in package.iter_parts() if p.content_type not in _SLIDE_PARTS]:
        doomed = {
            r_id: rel
            for r_id, rel in part.rels.items()
            if rel.is_external or rel.target_part.content_type in _SLIDE_PARTS
        }
        # Parts python-pptx keeps as bytes (themes, properties) hold no actions: parsed
        # only when they use a doomed link.
        root = _root(part) if doomed or hasattr(part, "_element") else None
        uses = _uses(root, doomed) if root is not None else {}
        for element, r_id in uses.items():
            yield _describe(element, doomed.get(r_id))
            _remove_use(element)
        for r_id, rel in doomed.items():
            if rel.is_external and r_id not in uses.values():
                yield f"link to {rel.target_ref}"
            part.rels.pop(r_id)
        if uses:
            _store(part, root)


def _uses(root: etree._Element, doomed: dict[str, _Relationship]) -> dict[etree._Element, str]:
    """Each element that uses a doomed relationship, with its id, or that acts on the
    template's slides or shows, with an empty id."""
    found = {
        element: ""
        for element in _ACTING(root)
        if element.get("action").startswith(_TEMPLATE_ACTIONS)
    }
    for r_id in doomed:
        found.update((element, r_id) for element in _USING(root, ns=_R, id=r_id))
    return found


def _describe(element: etree._Element, rel: _Relationship | None) -> str:
    if rel is None:
        return "link to a custom show"
    if not rel.is_external:
        return "link to one of its slides"
    if element.tag in _HYPERLINKS:
        return f"link to {rel.target_ref}"
    if etree.QName(element).localname == "blip":
        return f"picture linked to {rel.target_ref}"
    return f"linked {rel.reltype.rsplit('/', 1)[-1]} ({rel.target_ref})"


def _remove_use(element: etree._Element) -> None:
    """Remove a link, or the shape (or background) that showed what a link pointed at.

    A picture both linked and embedded keeps its embedded copy.
    """
    if element.tag in _HYPERLINKS:
        element.getparent().remove(element)
    elif element.get(f"{{{_R}}}embed"):
        del element.attrib[f"{{{_R}}}link"]
    else:
        holder = next((e for e in element.iterancestors() if e.tag in _SHAPES), element)
        holder.getparent().remove(holder)


def _drop_thumbnail(presentation: Presentation) -> None:
    """The package's thumbnail is a picture of the template's first slide."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = presentation.part.package._rels
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(r_id)


def _give_notes_a_body(presentation: Presentation) -> None:
    """A notes master without a body placeholder gets python-pptx's, sized to its page.

    Notes pages are cloned from the master; without a body they could hold no notes.
    """
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml.slide import CT_NotesMaster

    part = presentation.part
    if not any(rel.reltype == RT.NOTES_MASTER for rel in part.rels.values()):
        return  # python-pptx adds its default notes master, which has one
    tree = presentation.notes_master.shapes._spTree
    if _BODY(tree):
        return
    (body,) = _BODY(CT_NotesMaster.new_default())
    size = part._element.find("p:notesSz", _NS)
    across, down = int(size.get("cx")) / _NOTES_SIZE[0], int(size.get("cy")) / _NOTES_SIZE[1]
    for point in body.iterfind(".//a:xfrm/*", _NS):
        for name, scale in (("x", across), ("cx", across), ("y", down), ("cy", down)):
            if point.get(name) is not None:
                point.set(name, str(round(int(point.get(name)) * scale)))
    ids = [int(shape.get("id")) for shape in tree.iterfind(".//p:cNvPr", _NS)]
    body.find(".//p:cNvPr", _NS).set("id", str(max(ids, default=0) + 1))
    tree.append(body)


_VIEW_PROPERTIES = (
    f'<p:viewPr xmlns:p="{_P}"><p:normalViewPr><p:restoredLeft sz="15620"/>'
    '<p:restoredTop sz="94660"/></p:normalViewPr></p:viewPr>'
)


def _give_view_properties(presentation: Presentation) -> None:
    """Saved view settings, which LibreOffice leaves out and PowerPoint repairs a deck for."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    part = presentation.part
    if not any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        name = PackURI("/ppt/viewProps.xml")
        blob = _VIEW_PROPERTIES.encode("utf-8")
        part.relate_to(Part(name, CT.PML_VIEW_PROPS, part.package, blob), RT.VIEW_PROPS)


def _root(part: Part) -> etree._Element | None:
    """The XML of ``part`` to edit: python-pptx's tree, or parsed from a part it keeps as bytes."""
    element = getattr(part, "_element", None)
    if element is not None:
        return element
    if not part.content_type.endswith("xml"):
        return None
    return etree.fromstring(part.blob)


def _store(part: Part, root: etree._Element) -> None:
    """Keep an edited tree: python-pptx serialises its own trees when it saves."""
    if getattr(part, "_element", None) is None:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _counted(descriptions: list[str]) -> tuple[str, ...]:
    """Each description once, in the order found, with how often it was found."""
    counts = Counter(descriptions)
    return tuple(f"{text} ({n} times)" if n > 1 else text for text, n in counts.items())
