"""How the printed documents end their pages (issue #15), read on kit's PDFs as a reader
reads them: no page under a quarter full, not even the last of several (a nearly empty
last page is evened out with the one before), no heading alone at a page's foot.

The handouts (large print included), the facilitator guide and the exercise sheets that
flow from page to page, of seven workshops in five languages, on A4 and Letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import exercises
import handouts
from kit.model import Theme, Workshop
from kit.outputs import GUIDE, HANDOUT, LARGE_PRINT, BuildOptions, Output
from kit.pdf import styles

from .conftest import FIXTURES, SAMPLE, Built, builder
from .corpus import FLOWING
from .readers import (
    Page,
    Word,
    body_rows,
    fullness,
    sparse_pages,
    stranded_headings,
    with_fonts,
    word_pages,
)

WORKSHOPS = {
    "sample": SAMPLE,
    **{
        name: FIXTURES / name
        for name in (
            "first-aid",
            "bargaining",
            "other-workshop",
            "fr-accueil",
            "de-begleiten",
            "uk-suprovid",
        )
    },
}
FULL_ENOUGH = 0.25


def _render(workshop: Workshop, theme: Theme, out: Path, options: BuildOptions) -> list[Output]:
    files = (HANDOUT, LARGE_PRINT, GUIDE)
    return [
        *handouts.render(workshop, theme, out, options, files=files),
        *exercises.render(workshop, theme, out, options),
    ]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Built]:
    return builder(tmp_path_factory, _render, WORKSHOPS)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("workshop", list(WORKSHOPS))
def test_page_finish(documents: Callable[..., Built], workshop: str, paper: str) -> None:
    built = documents(workshop, paper)  # every document builds
    problems = []
    for name in FLOWING:
        if name in built.outputs:
            path = built.path(name)
            pages = with_fonts(word_pages(path), path)
            found = sparse_pages(pages, FULL_ENOUGH) + _short_end(pages) + stranded_headings(pages)
            problems += [f"{name} {line}" for line in found]
    assert not problems, "\n".join(problems)


def _short_end(pages: list[Page]) -> list[str]:
    """The last of several pages, when its text stops short of a quarter of the page."""
    fill = fullness(pages)[-1]
    if len(pages) < 2 or fill >= FULL_ENOUGH:
        return []
    return [f"p{pages[-1].number} (the last): text reaches {fill:.0%} of the page"]


def _section_ends_alone(page_rows: list[list[Word]], h1: float, h2: float) -> str | None:
    """A numbered section heading ("3. Terms") on this page with no block heading under it."""
    opened = None
    for row in page_rows:
        size = row[0].size or 0
        if abs(size - h1) < 0.2 and re.match(r"\d+\.$", row[0].text):
            opened = " ".join(word.text for word in row)
        elif abs(size - h2) < 0.2 and "Bold" in row[0].font:
            opened = None
    return opened


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("workshop", list(WORKSHOPS))
def test_a_guide_section_starts_on_the_page_of_its_first_block(
    documents: Callable[..., Built], workshop: str, paper: str
) -> None:
    """Its heading, timing and objectives are not left at a page's foot."""
    path = documents(workshop, paper).path("facilitator-guide.pdf")
    pages = with_fonts(word_pages(path), path)
    s = styles(Theme())
    problems = []
    for page, page_rows in zip(pages[:-1], body_rows(pages)[:-1]):
        alone = _section_ends_alone(page_rows, s.h1.fontSize, s.h2.fontSize)
        if alone:
            problems.append(f"p{page.number}: '{alone}' ends the page without its first block")
    assert not problems, "\n".join(problems)
