"""A template read once a process (issue #20): kept while its file stays as it is, read again
once it changes, and never shared between decks.

Builds here run in this process one after another, as ``--watch`` and its warm workers run
them; the template is python-pptx's default with one example slide, its master's
background the colour under test.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor

from kit import templatefile
from kit.app.build import build
from kit.app.workers import Workers
from kit.source.pptxtemplate import open_template

from ..conftest import FIXTURES

WHITE, NAVY = "FFFFFF", "1B2A4A"


def _save_template(path: Path, ground: str) -> None:
    """The default template with an example slide, on a ``ground`` master, saved at ``path``
    (over what is there: the same file, changed in place), uncompressed: one colour for
    another leaves its size as it was."""
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6])
    fill = prs.slide_masters[0].background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(ground)
    saved = io.BytesIO()
    prs.save(saved)
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w") as stored:
        for entry in source.infolist():
            stored.writestr(entry.filename, source.read(entry))


def _workshop(tmp_path: Path, ground: str) -> tuple[Path, Path]:
    """The branded fixture on a ``ground`` template: the workshop's folder and the template."""
    folder = tmp_path / "workshop"
    shutil.copytree(FIXTURES / "branded", folder)
    template = folder / "templates" / "branded-4x3.pptx"
    _save_template(template, ground)
    return folder, template


def _deck(tmp_path: Path, folder: Path, name: str) -> Presentation:
    build(folder, tmp_path / name, only=["slides"], workers=Workers(1))
    return Presentation(str(tmp_path / name / "deck.pptx"))


def _ground(deck: Presentation) -> str:
    return str(deck.slide_masters[0].background.fill.fore_color.rgb)


def _title_colour(deck: Presentation) -> str:
    """The colour kit set the opening title in, chosen for the template's background."""
    run = deck.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    return str(run.font.color.rgb)


def test_a_template_changed_in_place_is_read_again(tmp_path: Path) -> None:
    """Saved over with another background and the same size: the next deck is built on the
    new master, and its text coloured for the new background."""
    folder, template = _workshop(tmp_path, WHITE)
    before = _deck(tmp_path, folder, "before")
    size = template.stat().st_size
    _save_template(template, NAVY)
    assert template.stat().st_size == size  # only the time it was written tells them apart
    after = _deck(tmp_path, folder, "after")
    assert (_ground(before), _ground(after)) == (WHITE, NAVY)
    assert _title_colour(before) != _title_colour(after)


def test_each_deck_gets_a_template_of_its_own(tmp_path: Path) -> None:
    """A second deck on the same template holds its own slides, not the first's as well; the
    template as read stays for the planner, its example slide in it."""
    folder, template = _workshop(tmp_path, WHITE)
    first = _deck(tmp_path, folder, "first")
    second = _deck(tmp_path, folder, "second")
    assert len(first.slides) > 0
    assert len(second.slides) == len(first.slides)
    opened = open_template(str(template)).presentation
    opened.slides.add_slide(opened.slide_layouts[0])
    assert len(open_template(str(template)).presentation.slides) == 0
    assert len(templatefile.package(str(template)).main_document_part.presentation.slides) == 1


def test_the_templates_own_slides_are_not_read(tmp_path: Path) -> None:
    """An example slide's shapes, its notes and a picture only it shows are never loaded (an
    organisation's template often holds dozens); the layouts' and master's parts are."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Example slide"
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "#336699").save(picture, "PNG")
    slide.shapes.add_picture(picture, 0, 0)
    slide.notes_slide.notes_text_frame.text = "Example notes"
    path = tmp_path / "example.pptx"
    prs.save(path)
    kept = list(templatefile.package(str(path)).iter_parts())
    names = {str(part.partname) for part in kept}
    (example,) = [part for part in kept if part.partname == "/ppt/slides/slide1.xml"]
    assert not example._element.cSld.spTree.xpath("./p:sp | ./p:pic")
    assert not any(name.startswith(("/ppt/notesSlides/", "/ppt/media/")) for name in names)
    assert {"/ppt/slideLayouts/slideLayout2.xml", "/ppt/slideMasters/slideMaster1.xml"} <= names
