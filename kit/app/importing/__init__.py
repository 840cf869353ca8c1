"""``kit import``: an existing deck (PowerPoint or Markdown) as a starting workshop.yaml.

A reader turns the deck into plain ``Deck`` data (titles, paragraphs, tables, notes,
pictures with their alt text); ``writer`` turns that into a workshop with one block per
slide. What kit cannot know (durations, objectives, alt text a deck lacks) gets a value
that builds, and the import lists each one to check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import KitError


@dataclass
class Picture:
    """An image on a slide: its bytes, format (png, jpeg, gif) and alt text, if any."""

    data: bytes
    format: str
    alt: str = ""


@dataclass
class Slide:
    """One slide: paragraphs as (level, text) with **bold**/*italic* kept, a table, notes."""

    title: str
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    notes: str = ""
    subtitle: str | None = None  # set on title slides
    # Shapes kit's own decks name: a definition's term, a continuum's stages and ends.
    term: str = ""
    stages: list[list[str]] = field(default_factory=list)  # [name, description]
    axis: list[str] = field(default_factory=list)
    intro: str = ""
    sources: list[str] = field(default_factory=list)  # "Source: A; B" lines, by name


@dataclass
class Section:
    """Slides under one heading; ``minutes`` and ``objectives`` when the deck says them."""

    title: str
    slides: list[Slide] = field(default_factory=list)
    minutes: int | None = None
    objectives: list[str] = field(default_factory=list)
    divider: bool = False
    break_after: tuple[int, str] | None = None  # minutes and label, from kit's agenda


@dataclass
class Deck:
    title: str
    sections: list[Section]
    subtitle: str = ""
    organisation: str = ""
    presenters: list[str] = field(default_factory=list)
    start_time: str | None = None
    date: str | None = None  # year-month-day
    venue: str = ""
    made_by_kit: bool = False  # kit adds a line to title slides, and makes the agenda
    notices: list[str] = field(default_factory=list)  # what the author should check


def read_deck(path: Path) -> Deck:
    """The deck at ``path``: .pptx, or .md / .markdown (pandoc or Marp)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise KitError(f"{path}: no such file")
    if suffix == ".pptx":
        from kit.app.importing.pptx_reader import read_pptx

        return read_pptx(path)
    if suffix in (".md", ".markdown"):
        from kit.app.importing.markdown_reader import read_markdown

        return read_markdown(path)
    raise KitError(f"{path}: kit imports .pptx and .md decks, not '{suffix or path.name}'")


def import_deck(path: Path, folder: Path) -> tuple[Path, list[str]]:
    """Write ``folder/workshop.yaml`` (and images) from the deck at ``path``.

    Returns the workshop file and the notices the author should check. Never overwrites
    an existing workshop file.
    """
    from kit.app.importing.writer import write_workshop

    deck = read_deck(path)
    return write_workshop(deck, folder, path.name), deck.notices
