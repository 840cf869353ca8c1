"""The deck writer does the same work for every slide, however long the deck (counted, not timed).

python-pptx names each new notes page by scanning every part in the package and looks up
each picture by walking every relationship; written that way, a deck with notes grew
quadratically. These tests count those scans and what they visit, for a short and a long
deck, and reopen the long one to check that the pages it names itself are right.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.opc.package import OpcPackage, _Relationships

from kit.layout.slidelayout import Box, DeckLayout, Picture, Slide
from kit.layout.textfit import ParaSpec, set_text
from slides.pptx_writer import write_deck

from ..conftest import FIXTURES

LOGO = FIXTURES / "all-blocks" / "images" / "logo.png"
SHORT, LONG = 10, 60
STAMP = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)


def _deck(slides: int, notes: bool = True) -> DeckLayout:
    """``slides`` slides, each with a title, bullets, the same logo and (if asked) notes."""
    body = set_text(
        [ParaSpec("A first point", bullet="•"), ParaSpec("A **second** point", bullet="•")],
        800,
        24,
    )
    return DeckLayout(
        width=960,
        height=540,
        slides=tuple(
            Slide(
                title=f"Slide {number}",
                kind="bullets",
                elements=(
                    Box(
                        40,
                        22,
                        700,
                        68,
                        text=set_text([ParaSpec(f"Slide {number}")], 700, 34),
                        role="title",
                        name="Title",
                    ),
                    Box(40, 112, 880, 300, text=body, name="Body"),
                    Picture(800, 30, 120, 48, str(LOGO), "Logo", name="Logo"),
                ),
                notes=f"Notes for slide {number}.\n\nA second paragraph." if notes else "",
                background="#FFFFFF",
            )
            for number in range(1, slides + 1)
        ),
        heading_font="Arial",
        body_font="Arial",
        title="Scaling",
        author="kit",
        subject="Scaling",
        language="en",
        category="Workshop",
    )


class _Scans:
    """Counts, per scanning function, how often it ran and how many items it visited."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: Counter[str] = Counter()
        self.visited: Counter[str] = Counter()
        self._wrap_generator(monkeypatch, OpcPackage, "iter_parts")
        self._wrap_generator(monkeypatch, OpcPackage, "iter_rels")
        self._wrap_searching(monkeypatch, _Relationships, "get_or_add", len)
        # It visits through iter_parts, counted there.
        self._wrap_searching(monkeypatch, OpcPackage, "next_partname", lambda package: 0)

    def _wrap_generator(self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
        original = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Iterator[Any]:
            self.calls[name] += 1
            for item in original(*args, **kwargs):
                self.visited[name] += 1
                yield item

        monkeypatch.setattr(owner, name, counted)

    def _wrap_searching(
        self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str, size: Callable[[Any], int]
    ) -> None:
        """Count calls of a method that searches its object; each visits ``size(object)``."""
        original = getattr(owner, name)

        def counted(this: Any, *args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            self.visited[name] += size(this)
            return original(this, *args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


def _count(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, slides: int) -> _Scans:
    with monkeypatch.context() as patch:
        scans = _Scans(patch)
        write_deck(_deck(slides), tmp_path / f"deck-{slides}.pptx", STAMP)
    return scans


def test_part_name_scans_do_not_grow_with_the_deck(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    short, long = _count(monkeypatch, tmp_path, SHORT), _count(monkeypatch, tmp_path, LONG)
    for name in ("next_partname", "iter_parts", "iter_rels"):
        assert long.calls[name] == short.calls[name], name
    assert long.calls["next_partname"] <= 1  # the notes master's theme, once per deck


def test_the_work_per_slide_does_not_grow_with_the_deck(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Parts and relationships visited, per slide: a constant, plus set-up spread thinner."""
    short, long = _count(monkeypatch, tmp_path, SHORT), _count(monkeypatch, tmp_path, LONG)
    for name in ("iter_parts", "iter_rels", "get_or_add"):
        assert long.visited[name] / LONG <= short.visited[name] / SHORT, name


def test_the_long_deck_reopens_with_each_notes_page_on_its_own_slide(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    write_deck(_deck(LONG), path, STAMP)
    prs = Presentation(str(path))
    assert len(prs.slides) == LONG
    for number, slide in enumerate(prs.slides, start=1):
        assert slide.part.partname == f"/ppt/slides/slide{number}.xml"
        assert slide.shapes.title.text_frame.text == f"Slide {number}"
        notes = slide.notes_slide
        assert notes.part.partname == f"/ppt/notesSlides/notesSlide{number}.xml"
        assert notes.notes_text_frame.text == f"Notes for slide {number}.\n\nA second paragraph."
        assert notes.part.related_part(_rel_of(notes.part, "slide")) is slide.part
    with zipfile.ZipFile(path) as archive:
        media = [name for name in archive.namelist() if name.startswith("ppt/media/")]
    assert len(media) == 1  # one logo, shared by every slide


def _rel_of(part: Any, kind: str) -> str:
    return next(rel.rId for rel in part.rels.values() if rel.reltype.endswith("/" + kind))


def test_a_deck_without_notes_has_no_notes_pages(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    write_deck(_deck(SHORT, notes=False), path, STAMP)
    with zipfile.ZipFile(path) as archive:
        assert not [name for name in archive.namelist() if "notes" in name.lower()]
    assert not any(slide.has_notes_slide for slide in Presentation(str(path)).slides)


def test_a_template_with_slides_and_notes_gives_way_to_the_deck(tmp_path: Path) -> None:
    """The template's own slides and notes pages are dropped; their names are reused."""
    template = Presentation()
    for index in range(3):
        example = template.slides.add_slide(template.slide_layouts[5])
        example.notes_slide.notes_text_frame.text = f"Template notes {index}"
    template.save(str(tmp_path / "brand.pptx"))
    deck = replace(_deck(SHORT), template=str(tmp_path / "brand.pptx"))
    path = tmp_path / "deck.pptx"
    write_deck(deck, path, STAMP)  # a repeated zip entry would warn, failing the test
    prs = Presentation(str(path))
    assert len(prs.slides) == SHORT
    texts = [slide.notes_slide.notes_text_frame.text for slide in prs.slides]
    assert texts == [f"Notes for slide {n}.\n\nA second paragraph." for n in range(1, SHORT + 1)]
