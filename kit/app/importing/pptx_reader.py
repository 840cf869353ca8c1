"""Read a PowerPoint deck into plain ``Deck`` data.

Titles, paragraphs (with their level, bold and italic), tables, speaker notes and pictures
with their alt text. Footers, slide numbers and dates are left out. A deck kit wrote is
recognised by its application name: its section slides become sections again (with their
minutes and objectives), its agenda is left to kit to make, and "(cont.)" slides join the
slide they continue.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from kit.app.importing import Deck, Picture, Section, Slide
from kit.errors import KitError
from kit.model import markup
from kit.words.i18n import languages, words

_SKIPPED_PLACEHOLDERS = {"FOOTER", "SLIDE_NUMBER", "DATE"}
_FURNITURE = re.compile(r"^(Footer|Presenter copy|Slide number|Section number|Accent .*)$")
_PICTURE_FORMATS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "gif": "gif"}
_TIMING = re.compile(r"^(\d+)\D.*?·\s*(\d{1,2}:\d{2})")
_SPAN = re.compile(r"^\d{1,2}:\d{2}")
_CONTINUED = re.compile(r" \(cont\.(?: \d+)?\)$")  # "(cont.)", then "(cont. 2)"...
_STAGE = re.compile(r"^Stage \d+: ")
_AGENDA = ("Time", "Section")
_DETAILS = "Presenters, date and venue"  # kit's title slides: the lines under the subtitle
_WHEN = re.compile(r"^(?:(?P<day>.+?)\s·\s)?(?P<start>\d{1,2}:\d{2})\s?–\s?\d{1,2}:\d{2}$")
_P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
_APP_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def read_pptx(path: Path) -> Deck:
    from pptx import Presentation

    try:
        presentation = Presentation(str(path))
    except Exception as exc:  # python-pptx raises many kinds for a damaged file
        raise KitError(f"{path}: not a PowerPoint deck kit can read ({exc})") from None
    application, company = _app_properties(path)
    by_kit = application == "kit"
    deck = Deck(title="", sections=[], organisation=company, made_by_kit=by_kit)
    core = presentation.core_properties
    deck.title = (core.title or "").strip()
    if not deck.organisation and core.author:
        deck.organisation = core.author.strip()
    section: Section | None = None
    agenda: list[list[str]] = []
    openings = _section_openings(presentation) if by_kit else {}
    for number, pptx_slide in enumerate(presentation.slides, start=1):
        slide, divider = _read_slide(pptx_slide, number, deck)
        if divider is not None:
            section = divider
            deck.sections.append(section)
            continue
        if slide is None:
            continue
        if by_kit and _is_agenda(slide):
            start = next(row[0] for row in slide.table if row and _SPAN.match(row[0]))
            deck.start_time = deck.start_time or _SPAN.match(start)[0]  # type: ignore[index]
            agenda += slide.table
            continue
        if (
            _plain(openings.get(pptx_slide.slide_id, ""))
            == slide.title
            != getattr(section, "title", None)
        ):  # a section kit opened on its first slide, which has the section's title
            section = _undivided(slide, deck)
            deck.sections.append(section)
        if section is None:
            section = Section(title=slide.title)
            deck.sections.append(section)
        previous = section.slides[-1] if section.slides else None
        if previous and _CONTINUED.search(slide.title) and not slide.pictures:
            previous.paragraphs += slide.paragraphs
            previous.table += slide.table[1:] if previous.table else slide.table
            continue
        section.slides.append(slide)
    _breaks(agenda, [section for section in deck.sections if section.divider])
    sections = deck.sections
    if by_kit and len(sections) > 1 and not sections[0].divider and sections[1].divider:
        first = deck.sections.pop(0).slides  # kit draws it before the first section
        deck.sections[0].slides[:0] = first
    slides = [slide for section in deck.sections for slide in section.slides]
    opening = next((slide.title for slide in slides if slide.subtitle is not None), "")
    # Core titles are often the application's default ("PowerPoint Presentation").
    if opening and (not deck.title or deck.title.endswith("Presentation")):
        deck.title = opening
    deck.title = deck.title or next((slide.title for slide in slides), path.stem)
    return deck


def _section_openings(presentation: Any) -> dict[int, str]:
    """The id of each PowerPoint section's first slide, and the section's name."""
    openings = {}
    for section in presentation.part._element.iter(f"{_P14}section"):
        first = section.find(f"{_P14}sldIdLst/{_P14}sldId")
        if first is not None:
            openings[int(first.get("id"))] = section.get("name", "")
    return openings


def _undivided(slide: Slide, deck: Deck) -> Section:
    """The section a kit deck opens on ``slide`` with no divider: its timing and objectives
    open the slide's notes (``kit.layout.frame.divider_notes``), and are taken from them."""
    section = Section(slide.title, [], divider=True)
    paragraphs = slide.notes.split("\n\n")
    if paragraphs and paragraphs[0].endswith(")."):
        if minutes := re.search(r"\((\d+)\D", paragraphs[0].rpartition(slide.title)[2]):
            section.minutes = int(minutes[1])
        paragraphs.pop(0)
    said = {words(code)("objectives") for code in languages()}
    head, colon, rest = paragraphs[0].partition(":") if paragraphs else ("", "", "")
    if colon and head.strip() in said:
        section.objectives = [part.strip() for part in rest.split(";") if part.strip()]
        paragraphs.pop(0)
    slide.notes = "\n\n".join(paragraphs)
    return section


def _app_properties(path: Path) -> tuple[str, str]:
    """The deck's application and company from docProps/app.xml (python-pptx skips them)."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("docProps/app.xml"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return "", ""
    return (
        (root.findtext(f"{_APP_NS}Application") or "").strip(),
        (root.findtext(f"{_APP_NS}Company") or "").strip(),
    )


def _breaks(agenda: list[list[str]], sections: list[Section]) -> None:
    """Rows of kit's agenda that are no section are breaks after the section before them."""
    index = 0
    for row in agenda:
        if len(row) < 2:
            continue
        if index < len(sections) and row[1] == sections[index].title:
            index += 1
        elif index > 0 and (minutes := _minutes(row[0])):
            sections[index - 1].break_after = (minutes, row[1])


def _minutes(span: str) -> int | None:
    """``11:05–11:20`` -> 15 (a span past midnight wraps)."""
    times = re.findall(r"(\d{1,2}):(\d{2})", span)
    if len(times) != 2:
        return None
    (h1, m1), (h2, m2) = times
    return (int(h2) * 60 + int(m2) - int(h1) * 60 - int(m1)) % (24 * 60) or None


def _is_agenda(slide: Slide) -> bool:
    """A table of clock times, under a header row or none."""
    cells = [row[0] for row in slide.table if row]
    return len(cells) > 1 and not slide.paragraphs and all(_SPAN.match(c) for c in cells[1:])


def _read_slide(pptx_slide: Any, number: int, deck: Deck) -> tuple[Slide | None, Section | None]:
    title_shape = pptx_slide.shapes.title
    title = _plain(title_shape.text_frame.text) if title_shape is not None else ""
    slide = Slide(title=title or f"Slide {number}")
    title_id = title_shape.shape_id if title_shape is not None else None
    timing: list[str] = []
    title_lines: list[str] = []  # a title slide's lines under its title
    stages: dict[str, list[str]] = {}  # "Stage 2" -> [name, description]
    for shape in _shapes(pptx_slide.shapes):
        if shape.shape_id == title_id or _FURNITURE.match(shape.name) or _skipped(shape):
            continue
        if shape.name == "Timing and objectives":
            timing += [_plain(p.text) for p in shape.text_frame.paragraphs if p.text.strip()]
        elif deck.made_by_kit and shape.name in _AGENDA and shape.has_text_frame:
            # kit's agenda: a row of boxes for each item, its time, then its section
            if shape.name == "Time":
                slide.table.append([])
            slide.table[-1].append(_plain(shape.text_frame.text))
        elif shape.has_text_frame and (_is_subtitle(shape) or shape.name == _DETAILS):
            title_lines += [text for _, text in _paragraphs(shape)]
        elif shape.name == "Term" and shape.has_text_frame:
            slide.term = _plain(shape.text_frame.text)
        elif _STAGE.match(shape.name) and shape.has_text_frame:
            stage, name = shape.name.split(":", 1)
            stages[stage] = [_plain(name), ""]
            slide.stages.append(stages[stage])
        elif shape.name.removesuffix(" description") in stages and shape.has_text_frame:
            # Shapes are in reading order: every stage, then every description.
            stages[shape.name.removesuffix(" description")][1] = _plain(shape.text_frame.text)
        elif shape.name.startswith("Axis: "):
            slide.axis.append(shape.name.removeprefix("Axis: "))
        elif shape.name == "Introduction" and shape.has_text_frame:
            slide.intro = _plain(shape.text_frame.text)
        elif shape.name == "Source" and shape.has_text_frame:
            slide.sources = _source_names(shape.text_frame.text)
        elif getattr(shape, "has_table", False) and shape.has_table:
            slide.table = [[_plain(cell.text) for cell in row.cells] for row in shape.table.rows]
        elif shape.shape_type == 13:  # MSO_SHAPE_TYPE.PICTURE
            _add_picture(shape, slide, number, deck)
        elif shape.has_text_frame:
            slide.paragraphs += _paragraphs(shape)
    if title_lines:
        slide.subtitle = _subtitle(title_lines, deck)
    empty = not (slide.paragraphs or slide.table or slide.pictures or slide.subtitle)
    if empty and title and "Section" in pptx_slide.slide_layout.name:
        return None, Section(title, [], divider=True)  # a "Section Header" slide
    if timing:
        match = _TIMING.match(timing[0])
        if match and deck.start_time is None:
            deck.start_time = match[2]
        minutes = int(match[1]) if match else None
        # kit's divider title opens with its section number, on a line of its own.
        title = _plain(title_shape.text_frame.text.splitlines()[-1])
        return None, Section(title, [], minutes, timing[1:], divider=True)
    if pptx_slide.has_notes_slide:
        slide.notes = _notes(pptx_slide.notes_slide.notes_text_frame.text, deck)
    if not (slide.paragraphs or slide.table or slide.pictures or title or slide.subtitle):
        return None, None
    return slide, None


def _notes(text: str, deck: Deck) -> str:
    """The notes as written: a kit deck's notes open with whose copy it is and then, on a
    block's slides, the section's number and times (``block_notes``), in any language."""
    first, _, rest = text.strip().partition("\n")
    if not deck.made_by_kit or first not in {words(c)("presenter_copy") for c in languages()}:
        return text.strip()
    paragraphs = rest.strip().split("\n\n")
    # After the divider's paragraphs where the section opens on this slide (``_undivided``).
    timing = next((p for p in paragraphs[:4] if _KIT_TIMING.match(p)), None)
    return "\n\n".join(p for p in paragraphs if p is not timing).strip()


def _timing_pattern() -> re.Pattern[str]:
    """'Section 2 of 7: Title · 10:05–10:25 (20 minutes)', in any of kit's languages."""
    leads = []
    for code in languages():
        said = words(code)
        lead = re.escape(said.colon(said("section_of", number=97, total=97)))
        leads.append(lead.replace("97", r"\d+"))
    return re.compile(rf"(?:{'|'.join(leads)}) .+ · .+\)$")


_KIT_TIMING = _timing_pattern()


def _shapes(shapes: Any) -> Iterator[Any]:
    """Every shape, groups opened, in the order they were drawn."""
    for shape in shapes:
        if shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _placeholder_type(shape: Any) -> str:
    if not shape.is_placeholder:
        return ""
    return str(getattr(shape.placeholder_format.type, "name", ""))


def _skipped(shape: Any) -> bool:
    return _placeholder_type(shape) in _SKIPPED_PLACEHOLDERS


def _is_subtitle(shape: Any) -> bool:
    return shape.name == "Subtitle" or _placeholder_type(shape) == "SUBTITLE"


def _subtitle(lines: list[str], deck: Deck) -> str:
    """A title slide's lines under its title. kit adds its own after the author's: the
    presenters (in bold), the date with the session's hours, the venue, the organisation;
    on the deck's first title slide, the workshop's subtitle opens the author's lines."""
    if not deck.made_by_kit:
        return "\n".join(lines)
    own: list[str] = []
    when = next((i for i, line in enumerate(lines) if _WHEN.match(markup.plain(line))), None)
    for index, line in enumerate(lines):
        plain = markup.plain(line)
        if index == when:
            _read_when(plain, deck)
        elif plain == deck.organisation:
            continue
        elif line.startswith("**") and line.endswith("**") and not deck.presenters:
            deck.presenters = [name.strip() for name in plain.split(",") if name.strip()]
        elif plain == ", ".join(deck.presenters):
            continue
        elif when is not None and index > when:
            deck.venue = deck.venue or plain
        else:
            own.append(line)
    if len(own) > 1 and not deck.subtitle:
        deck.subtitle = own.pop(0)
    return "\n".join(own)


def _read_when(line: str, deck: Deck) -> None:
    """``5 December 2026 · 10:00–12:20``: the date and the start time."""
    match = _WHEN.match(line)
    assert match is not None
    if match["day"]:
        with contextlib.suppress(ValueError):  # another language's date: the author adds it
            day = dt.datetime.strptime(match["day"], "%d %B %Y").date()
            deck.date = deck.date or day.isoformat()
    deck.start_time = deck.start_time or match["start"]


def _source_names(text: str) -> list[str]:
    _, _, names = text.partition(":")
    return [name.strip() for name in names.split(";") if name.strip()]


def _paragraphs(shape: Any) -> list[tuple[int, str]]:
    out = []
    for paragraph in shape.text_frame.paragraphs:
        text = "".join(_content_markup(child, paragraph) for child in paragraph._p.content_children)
        if text.strip():
            out.append((paragraph.level, text.strip()))
    return out


def _content_markup(child: Any, paragraph: Any) -> str:
    """A run with its emphasis; a line break parts lines, not words (kit's chosen breaks
    and an author's alike), so it reads as a space; a field as its text."""
    from pptx.text.text import _Run

    kind = child.tag.rpartition("}")[2]
    if kind == "r":
        return _run_markup(_Run(child, paragraph))
    return " " if kind == "br" else str(child.text)


def _run_markup(run: Any) -> str:
    text = run.text.replace("\x0b", " ")
    if not text.strip():
        return text
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if run.font.bold:
        core = f"**{core}**"
    elif run.font.italic:
        core = f"*{core}*"
    return lead + core + trail


def _plain(text: str) -> str:
    return " ".join(text.replace("\x0b", " ").split())


def _add_picture(shape: Any, slide: Slide, number: int, deck: Deck) -> None:
    try:
        image = shape.image
    except (ValueError, KeyError):  # a linked picture: no bytes in the deck
        deck.notices.append(f"slide {number}: a linked picture was left out")
        return
    kind = _PICTURE_FORMATS.get(image.ext.lower())
    if kind is None:
        deck.notices.append(f"slide {number}: a {image.ext.upper()} picture was left out")
        return
    alt = (shape._element.nvPicPr.cNvPr.get("descr") or "").strip()
    slide.pictures.append(Picture(image.blob, kind, alt))
