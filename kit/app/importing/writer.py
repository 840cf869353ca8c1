"""Write an imported ``Deck`` as a workshop folder: workshop.yaml, its schema, images/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kit.app.importing import Deck, Section, Slide
from kit.app.starter import write_schema
from kit.errors import KitError
from kit.model import markup
from kit.source.loader import WORKSHOP_FILE, names_a_file

MINUTES_PER_SLIDE = 2  # a guess the author corrects; kit needs a duration per section
_HEADER = """\
# Imported by `kit import` from {source}: one block per slide.
# Check the durations (a guess of {minutes} minutes a slide), add objectives, and describe
# every picture whose alt text says "describe". Then: kit check, kit build.
# yaml-language-server: $schema=workshop.schema.json

"""


class _Dumper(yaml.SafeDumper):
    """Block style throughout; text with line breaks as a ``|`` block."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def write_workshop(deck: Deck, folder: Path, source_name: str) -> Path:
    target = folder / WORKSHOP_FILE
    if target.exists():
        raise KitError(f"{target} already exists; choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    sources: dict[str, str] = {}  # name -> id
    sections = [_section(section, folder, sources, deck) for section in deck.sections]
    data: dict[str, Any] = {"title": deck.title}
    first = next((s for sec in deck.sections for s in sec.slides), None)
    subtitle = deck.subtitle or (first.subtitle if first is not None else None)
    if subtitle:
        data["subtitle"] = subtitle
    data["organisation"] = deck.organisation or "Your organisation"
    if deck.presenters:
        data["presenters"] = deck.presenters
    if deck.date:
        data["date"] = deck.date
    if deck.venue:
        data["venue"] = deck.venue
    if deck.start_time:
        data["start_time"] = deck.start_time
    if sources:
        data["sources"] = [
            {"id": source_id, "title": name, "organisation": name}
            for name, source_id in sources.items()
        ]
    data["sections"] = sections or [{"title": deck.title, "duration": MINUTES_PER_SLIDE}]
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)
    header = _HEADER.format(source=source_name, minutes=MINUTES_PER_SLIDE)
    target.write_text(header + body, encoding="utf-8")
    write_schema(folder)
    return target


def _section(section: Section, folder: Path, sources: dict[str, str], deck: Deck) -> Any:
    minutes = section.minutes or max(1, MINUTES_PER_SLIDE * len(section.slides))
    out: dict[str, Any] = {"title": section.title, "duration": min(minutes, 24 * 60)}
    if section.objectives:
        out["objectives"] = section.objectives
    out["divider"] = section.divider
    if section.break_after:
        minutes, label = section.break_after
        out["break_after"] = {"duration": minutes, "label": label}
    blocks = []
    for slide in section.slides:
        blocks += _blocks(slide, folder, sources, deck)
    out["blocks"] = blocks
    return out


def _blocks(slide: Slide, folder: Path, sources: dict[str, str], deck: Deck) -> list[Any]:
    """The block (or, for several pictures, blocks) that stand for one slide."""
    extra: dict[str, Any] = {}
    if slide.notes:
        extra["notes"] = slide.notes
    if slide.sources:
        extra["cite"] = [_source_id(name, sources) for name in slide.sources]
    texts = [text for _, text in slide.paragraphs]
    if slide.subtitle is not None:
        body = {"title": slide.title, **({"subtitle": slide.subtitle} if slide.subtitle else {})}
        return [{"title": {**body, **extra}}]
    if slide.pictures:
        return [
            {"image": {**_picture(slide, index, folder, deck), **(extra if index == 0 else {})}}
            for index in range(len(slide.pictures))
        ]
    if slide.term and texts:
        said = [markup.plain(t).removeprefix("— ") for t in texts if _attribution(t)]
        meaning = "\n".join(text for text in texts if not _attribution(text))
        body = {"title": slide.title, "term": slide.term, "meaning": meaning or slide.term}
        return [{"definition": {**body, **({"source": said[0]} if said else {}), **extra}}]
    if len(slide.stages) >= 3 and len(slide.axis) == 2:
        stages = [{"name": name, "description": text or name} for name, text in slide.stages]
        body = (
            {"title": slide.title, "intro": slide.intro} if slide.intro else {"title": slide.title}
        )
        axis = {"start": slide.axis[0], "end": slide.axis[1]}
        return [{"continuum": {**body, "stages": stages[:9], "axis": axis, **extra}}]
    rows = [row for row in slide.table[1:] if any(row)]
    if rows and all(len(row) == 2 for row in slide.table):
        columns = [cell or "-" for cell in slide.table[0]]
        comparison = {"title": slide.title, "columns": columns, "rows": rows}
        return [{"comparison": {**comparison, **extra}}]
    table = [" · ".join(cell for cell in row if cell) for row in slide.table if any(row)]
    items = _items(slide) + table
    if not items:
        return [{"title": {"title": slide.title, **extra}}]
    return [{"bullets": {"title": slide.title, "items": items, **extra}}]


def _attribution(text: str) -> bool:
    """``— UNAIDS (2014)``: who a definition is from, as kit's decks print it."""
    return markup.plain(text).startswith("— ")


def _items(slide: Slide) -> list[Any]:
    """Paragraphs as bullet items: level 0 an item, deeper levels its ``sub`` points."""
    items: list[Any] = []
    for level, text in slide.paragraphs:
        if level == 0 or not items:
            items.append(text)
            continue
        last = items[-1]
        if isinstance(last, str):
            items[-1] = last = {"text": last, "sub": []}
        last["sub"].append(text)
    return items


def _picture(slide: Slide, index: int, folder: Path, deck: Deck) -> dict[str, Any]:
    picture = slide.pictures[index]
    extension = picture.format.replace("jpeg", "jpg")
    name = f"{_slug(slide.title)[:40] or 'picture'}-{index + 1}.{extension}"
    images = folder / "images"
    images.mkdir(exist_ok=True)
    number = 1
    while (images / name).exists():  # two slides with the same title
        number += 1
        name = re.sub(r"(-\d+)?(\.\w+)$", rf"-{index + 1}-{number}\2", name)
    (images / name).write_bytes(picture.data)
    alt = picture.alt
    if len(alt) < 3 or names_a_file(alt, name):  # decks often carry the file name as alt text
        alt = f"describe: a picture on the slide '{slide.title}'"
        deck.notices.append(
            f"images/{name} has no alt text (or only a file name): describe it in workshop.yaml"
        )
    body: dict[str, Any] = {"title": slide.title, "path": f"images/{name}", "alt": alt}
    texts = [text for _, text in slide.paragraphs]
    if texts and index == 0:
        body["caption"] = " ".join(texts)
    return body


def _source_id(name: str, sources: dict[str, str]) -> str:
    if name not in sources:
        base = _slug(name)[:30] or "source"
        candidate, number = base, 1
        while candidate in sources.values():
            number += 1
            candidate = f"{base}-{number}"
        sources[name] = candidate
    return sources[name]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
