"""Bullets continued on "(cont.)" slides (#15), read on LibreOffice's render of each deck.

A run is a slide and the "(cont.)" slides after it (known by the titles the .pptx gives
them); its bullets are read off the render: a row opening on "•" starts a bullet, one on
"–" a sub-bullet. No continuation opens on a sub-bullet cut off from its bullet, and no
slide of a run holds one bullet alone: each of these runs splits evenly without one, and
none holds a remainder of a line or two. A bullet's text continued on the next slide
stands where its text stood, not at its mark.
"""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from pptx import Presentation

from kit.app.build import build
from kit.layout.paging import REMAINDER

from ..conftest import FIXTURES
from ..readers import Page, Word, rows, soffice_convert, word_pages
from .test_type_scale import _edition

CASES = {
    "branded-4x3": (FIXTURES / "branded", None),  # its template is 4:3; a run a line over
    "bargaining-16x9": (FIXTURES / "bargaining", "16:9"),
    "bargaining-4x3": (FIXTURES / "bargaining", "4:3"),
    "first-aid-16x9": (FIXTURES / "first-aid", "16:9"),
    "cycle-coop-4x3": (FIXTURES / "cycle-coop", "4:3"),
}
# the decks that continue bullets (branded's one run now fits its slide, spaced tighter)
BULLETED = [name for name in CASES if name != "branded-4x3"]
BULLETS = ("•", "–")
Rendered = dict[str, tuple[list[str], list[Page]]]


def _render(root: Path, cases: dict[str, tuple[Path, str | None]]) -> Rendered:
    """Per deck, its slides' titles and LibreOffice's render of it."""
    pptxs = {}
    for name, (folder, size) in cases.items():
        into = root / "src" / name
        source = _edition(folder, size, into) if size else shutil.copytree(folder, into)
        build(source, root / name, only=["slides"])
        pptxs[name] = root / "decks" / f"{name}.pptx"
        pptxs[name].parent.mkdir(exist_ok=True)
        shutil.copyfile(root / name / "deck.pptx", pptxs[name])
    pdfs = soffice_convert(list(pptxs.values()), root / "pdf")
    return {
        name: (_titles(pptx), word_pages(pdf))
        for (name, pptx), pdf in zip(pptxs.items(), pdfs, strict=True)
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return _render(tmp_path_factory.mktemp("continued"), CASES)


@pytest.fixture(scope="module")
def runs(rendered: Rendered) -> dict[str, list[list[list[str]]]]:
    """Per deck, its continued runs: per slide, the bullets' glyphs in reading order."""
    return {name: _runs(titles, pages) for name, (titles, pages) in rendered.items()}


def _titles(pptx: Path) -> list[str]:
    slides = Presentation(str(pptx)).slides
    return [slide.shapes.title.text_frame.text.replace("\v", " ") for slide in slides]


def _runs(titles: list[str], pages: list[Page]) -> list[list[list[str]]]:
    return [
        [[row[0].text for row in rows(pages[i].words) if row[0].text in BULLETS] for i in run]
        for run in _continued(titles)
    ]


def _continued(titles: list[str]) -> list[list[int]]:
    """The slides of each continued run, by index: a slide and its "(cont.)" slides."""
    found: list[list[int]] = []
    for index, title in enumerate(titles):
        if " (cont." in title and found:
            found[-1].append(index)
        elif index + 1 < len(titles) and titles[index + 1].startswith(f"{title} (cont."):
            found.append([index])
    return found


@pytest.mark.parametrize("name", BULLETED)
def test_no_continuation_opens_on_a_sub_bullet(
    runs: dict[str, list[list[list[str]]]], name: str
) -> None:
    bulleted = [run for run in runs[name] if any(run)]
    assert bulleted, f"{name}: no continued bullets to read"
    opening = [slide[0] for run in bulleted for slide in run[1:] if slide]
    assert set(opening) == {"•"}, f"{name}: {bulleted}"


@pytest.mark.parametrize("name", BULLETED)
def test_no_slide_of_a_run_holds_one_bullet_alone(
    runs: dict[str, list[list[list[str]]]], name: str
) -> None:
    bulleted = [run for run in runs[name] if any(run)]
    alone = [run for run in bulleted if any(len(slide) == 1 for slide in run)]
    assert alone == [], name


@pytest.mark.parametrize("name", CASES)
def test_no_continuation_holds_a_remainder(rendered: Rendered, name: str) -> None:
    """A run over its slide by a line or two is spaced tighter to stay on one slide: no
    "(cont.)" slide holds only one or two lines (the rows between its title and footer)."""
    titles, pages = rendered[name]
    held = {  # a bullet's mark sits a little higher than its text: a row of its own
        titles[index]: sum(
            any(word.text not in BULLETS for word in row) for row in rows(pages[index].words)[1:-1]
        )
        for run in _continued(titles)
        for index in run[1:]
    }
    assert all(count > REMAINDER for count in held.values()), held


def test_a_continued_bullet_hangs_at_its_texts_indent(tmp_path: Path) -> None:
    """The tenants' union's drill answer, one bullet too long for a slide: the rest of it on
    the "(cont.)" slide starts under the bullet's text, with no second mark."""
    cases = {"tenants-union": (FIXTURES / "tenants-union", None)}
    titles, pages = _render(tmp_path, cases)["tenants-union"]
    read = []
    for run in _continued(titles):
        for before, after in pairwise(run):
            marked = [row for row in rows(pages[before].words) if row[0].text == "•"]
            seen = {_said(row) for row in rows(pages[before].words)}
            rest = []  # the new rows under the title, down to the next bullet or the footer
            for row in rows(pages[after].words)[1:-1]:
                if row[0].text in BULLETS:
                    break
                if _said(row) not in seen:
                    rest.append(row)
            if marked and rest:
                mark, text = marked[-1][0].box.x0, marked[-1][1].box.x0
                read.append((titles[after], mark, text, {round(row[0].box.x0, 1) for row in rest}))
    assert read, "no bullet continued on a (cont.) slide"
    for title, mark, text, lefts in read:
        assert all(abs(left - text) <= 1 for left in lefts), (title, mark, text, lefts)


def _said(row: list[Word]) -> str:
    return " ".join(word.text for word in row)
