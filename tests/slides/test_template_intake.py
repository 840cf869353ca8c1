"""Templates as organisations hand them over: kit takes what it can use and nothing else.

Each template is made here from python-pptx's default with the one feature under test, and
an example slide with notes that must never reach the deck. A template kit can build on gives
a clean deck (Office's checks pass, no template slide, notes, show or outside link in it) and
one warning naming what was dropped; one it cannot is a located error from ``kit check``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.shapes.picture import CT_Picture
from pptx.util import Inches

from kit.app.build import build
from kit.source.loader import load

from ..conftest import FIXTURES, ROOT
from ..packages import audit, package_faults

EXAMPLE = "Example slide of the template"
EXAMPLE_NOTES = "Notes of the template's example slide"
DROPPED = "theme.template: dropped from the template, as no deck can use it: "
PRESENTATION = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
TEMPLATE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
MACROS = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def _with_example(prs=None):
    """python-pptx's default template with an example slide and its notes."""
    prs = prs or Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = EXAMPLE
    slide.notes_slide.notes_text_frame.text = EXAMPLE_NOTES
    return prs


def _first_shape(holder) -> etree._Element:
    return holder.shapes._spTree.find(qn("p:sp")).find(f".//{qn('p:cNvPr')}")


def custom_show(prs) -> None:
    """A custom show of the example slide."""
    slide_rel = prs.slides._sldIdLst[0].rId
    shows = etree.SubElement(prs.part._element, qn("p:custShowLst"))
    prs.part._element.find(qn("p:notesSz")).addnext(shows)
    show = etree.SubElement(shows, qn("p:custShow"), name="Short", id="0")
    etree.SubElement(etree.SubElement(show, qn("p:sldLst")), qn("p:sld"), {qn("r:id"): slide_rel})


def slide_jump(prs) -> None:
    """A master button that jumps to the example slide, and a layout's link to a show."""
    master = prs.slide_master
    r_id = master.part.relate_to(prs.slides[0].part, RT.SLIDE)
    action = {qn("r:id"): r_id, "action": "ppaction://hlinksldjump"}
    etree.SubElement(_first_shape(master), qn("a:hlinkClick"), action)
    action = {qn("r:id"): "", "action": "ppaction://customshow?id=0&return=true"}
    etree.SubElement(_first_shape(prs.slide_layouts[0]), qn("a:hlinkClick"), action)


def section_list(prs) -> None:
    """PowerPoint's section list naming the example slide's section."""
    extensions = etree.SubElement(prs.part._element, qn("p:extLst"))
    ext = etree.SubElement(extensions, qn("p:ext"), uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}")
    sections = etree.SubElement(ext, f"{{{_P14}}}sectionLst", nsmap={"p14": _P14})
    section = etree.SubElement(
        sections,
        f"{{{_P14}}}section",
        name="Template section",
        id="{" + "1" * 8 + "-1111-1111-1111-" + "1" * 12 + "}",
    )
    etree.SubElement(etree.SubElement(section, f"{{{_P14}}}sldIdLst"), f"{{{_P14}}}sldId", id="256")


def external_links(prs) -> None:
    """A web link on the master's title and a logo linked from a network share."""
    master = prs.slide_master
    web = master.part.relate_to("https://example.org/brand", RT.HYPERLINK, is_external=True)
    etree.SubElement(_first_shape(master), qn("a:hlinkClick"), {qn("r:id"): web})
    share = master.part.relate_to("file://fileserver/brand/logo.png", RT.IMAGE, is_external=True)
    picture = CT_Picture.new_pic(90, "Linked logo", "", "", 0, 0, Inches(1), Inches(1))
    blip = picture.find(f".//{qn('a:blip')}")
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), share)
    master.shapes._spTree.append(picture)


def notes_without_body(prs) -> None:
    """A notes master whose body placeholder was deleted."""
    master = prs.notes_master
    for placeholder in master.placeholders:
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.BODY:
            placeholder.element.getparent().remove(placeholder.element)


def no_layouts(prs) -> None:
    master = prs.slide_master
    layouts = master._element.find(qn("p:sldLayoutIdLst"))
    for layout in list(layouts):
        master.part.drop_rel(layout.get(qn("r:id")))
        layouts.remove(layout)


def _retyped(saved: Path, content_type: str) -> None:
    """The package saved under another main content type (template, macro-enabled)."""
    _rewrite(
        saved, "[Content_Types].xml", lambda data: data.replace(PRESENTATION, content_type.encode())
    )


def _rewrite(saved: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(saved) as archive:
        entries = [(entry, archive.read(entry)) for entry in archive.infolist()]
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries:
            archive.writestr(entry, change(data) if entry.filename == member else data)


def _workshop(folder: Path, template: Path) -> Path:
    """A copy of the all-blocks fixture whose theme names ``template``."""
    shutil.copytree(FIXTURES / "all-blocks", folder)
    shutil.copyfile(template, folder / template.name)
    file = folder / "workshop.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("theme:\n", f"theme:\n  template: {template.name}\n"), "utf-8")
    return folder


def _template_line(folder: Path) -> int:
    """Where the workshop names its template, read from the file (see _workshop)."""
    lines = (folder / "workshop.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("  template: "))


def _template(folder: Path, change: Callable, suffix: str = ".pptx") -> Path:
    """The default template with an example slide, changed by ``change``, saved in ``folder``."""
    prs = _with_example()
    change(prs)
    path = folder / f"brand{suffix}"
    prs.save(str(path))
    if suffix == ".potx":
        _retyped(path, TEMPLATE)
    return path


def _as_is(prs) -> None:
    """Nothing added: the template's example slide and notes are what it holds."""


BUILDS = {
    "potx": (_as_is, ".potx", None),
    "custom-show": (custom_show, ".pptx", "custom show 'Short'"),
    "slide-jump": (slide_jump, ".pptx", "link to one of its slides; link to a custom show"),
    "section-list": (section_list, ".pptx", "section list"),
    "external-links": (
        external_links,
        ".pptx",
        "link to https://example.org/brand; picture linked to file://fileserver/brand/logo.png",
    ),
    "notes-without-body": (notes_without_body, ".pptx", None),
}


@pytest.mark.parametrize("case", list(BUILDS))
def test_a_template_kit_can_use_gives_a_clean_deck(case: str, tmp_path: Path) -> None:
    change, suffix, dropped = BUILDS[case]
    folder = _workshop(tmp_path / "workshop", _template(tmp_path, change, suffix))
    warnings: list[str] = []
    build(folder, tmp_path / "out", only=["slides"], warn=warnings.append)
    file = folder / "workshop.yaml"
    expected = [f"{file}:{_template_line(folder)}:13: {DROPPED}{dropped}"] if dropped else []
    assert [warning for warning in warnings if "theme.template" in warning] == expected
    deck = tmp_path / "out" / "deck.pptx"
    assert package_faults(deck) == []
    assert audit(deck) == ""
    workshop = load(folder).workshop
    prs = Presentation(str(deck))
    texts = [
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    notes = [
        slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide
    ]
    assert not [text for text in texts + notes if EXAMPLE in text or EXAMPLE_NOTES in text]
    assert texts[0] == workshop.title
    assert len(notes) >= len(workshop.sections) and all(notes)  # the master's body holds them
    root = prs.part._element
    sections = root.iter(f"{{{_P14}}}section")
    assert [section.get("name") for section in sections] == [s.title for s in workshop.sections]


REFUSED = {
    "no-layouts": (
        no_layouts,
        None,
        "'brand.pptx' has no slide layouts; kit needs one to build slides on",
    ),
    "macros": (
        _as_is,
        MACROS,
        "'brand.pptx' holds macros; save it as a .pptx or .potx without them",
    ),
    "damaged": (_as_is, "damaged", "'brand.pptx' is a damaged .pptx or .potx file: "),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_template_kit_cannot_use_is_a_located_error(case: str, tmp_path: Path) -> None:
    change, content_type, message = REFUSED[case]
    template = _template(tmp_path, change)
    if content_type == "damaged":  # a layout cut off half way
        _rewrite(template, "ppt/slideLayouts/slideLayout2.xml", lambda data: data[: len(data) // 2])
    elif content_type:
        _retyped(template, content_type)
    folder = _workshop(tmp_path / "workshop", template)
    result = subprocess.run(
        [sys.executable, "-m", "kit", "check", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    where = f"{folder / 'workshop.yaml'}:{_template_line(folder)}:13: theme.template: "
    first, *rest = result.stderr.splitlines()
    assert first.startswith(where + message), first
    assert rest == ["1 problem(s) found; nothing was written."]
