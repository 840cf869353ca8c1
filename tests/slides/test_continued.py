"""Bullets continued on "(cont.)" slides (#15), read on LibreOffice's render of each deck.

A run is a slide and the "(cont.)" slides after it (known by the titles the .pptx gives
them); its bullets are read off the render: a row opening on "•" starts a bullet, one on
"–" a sub-bullet. No continuation opens on a sub-bullet cut off from its bullet, and no
slide of a run holds one bullet alone: each of these runs splits evenly without one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from kit.app.build import build

from ..conftest import FIXTURES
from ..readers import Page, rows, soffice_convert, word_pages
from .test_type_scale import _edition

CASES = {
    "branded-4x3": (FIXTURES / "branded", None),  # its template is 4:3
    "bargaining-16x9": (FIXTURES / "bargaining", "16:9"),
    "bargaining-4x3": (FIXTURES / "bargaining", "4:3"),
    "first-aid-16x9": (FIXTURES / "first-aid", "16:9"),
    "cycle-coop-4x3": (FIXTURES / "cycle-coop", "4:3"),
}
BULLETS = ("•", "–")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[list[str]]]]:
    """Per deck, its continued runs: per slide, the bullets' glyphs in reading order."""
    root = tmp_path_factory.mktemp("continued")
    pptxs = {}
    for name, (folder, size) in CASES.items():
        into = root / "src" / name
        source = _edition(folder, size, into) if size else shutil.copytree(folder, into)
        build(source, root / name, only=["slides"])
        pptxs[name] = root / "decks" / f"{name}.pptx"
        pptxs[name].parent.mkdir(exist_ok=True)
        shutil.copyfile(root / name / "deck.pptx", pptxs[name])
    pdfs = soffice_convert(list(pptxs.values()), root / "pdf")
    return {
        name: _runs(_titles(pptx), word_pages(pdf))
        for (name, pptx), pdf in zip(pptxs.items(), pdfs, strict=True)
    }


def _titles(pptx: Path) -> list[str]:
    slides = Presentation(str(pptx)).slides
    return [slide.shapes.title.text_frame.text.replace("\v", " ") for slide in slides]


def _runs(titles: list[str], pages: list[Page]) -> list[list[list[str]]]:
    found: list[list[list[str]]] = []
    for index, (title, page) in enumerate(zip(titles, pages, strict=True)):
        glyphs = [row[0].text for row in rows(page.words) if row[0].text in BULLETS]
        if " (cont." in title and found:
            found[-1].append(glyphs)
        elif index + 1 < len(titles) and titles[index + 1].startswith(f"{title} (cont."):
            found.append([glyphs])
    return found


@pytest.mark.parametrize("name", CASES)
def test_no_continuation_opens_on_a_sub_bullet(
    runs: dict[str, list[list[list[str]]]], name: str
) -> None:
    bulleted = [run for run in runs[name] if any(run)]
    assert bulleted, f"{name}: no continued bullets to read"
    opening = [slide[0] for run in bulleted for slide in run[1:] if slide]
    assert set(opening) == {"•"}, f"{name}: {bulleted}"


@pytest.mark.parametrize("name", CASES)
def test_no_slide_of_a_run_holds_one_bullet_alone(
    runs: dict[str, list[list[list[str]]]], name: str
) -> None:
    bulleted = [run for run in runs[name] if any(run)]
    alone = [run for run in bulleted if any(len(slide) == 1 for slide in run)]
    assert alone == [], name
