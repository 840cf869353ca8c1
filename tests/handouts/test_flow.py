"""Long content flows over pages without a table row or a definition split between them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from ..readers import body_rows, word_pages
from .conftest import (
    GUIDE,
    HANDOUT,
    LARGE_PRINT,
    Built,
    load_yaml,
    normal,
    raw_pages,
    render_into,
)

ROWS = 200
DEFINITIONS = 30


def _workshop(blocks: list[dict]) -> str:
    return yaml.safe_dump(
        {
            "title": "Long workshop",
            "organisation": "Test Collective",
            "sections": [{"title": "Everything", "duration": 60, "blocks": blocks}],
        },
        allow_unicode=True,
    )


def _row(number: int) -> list[str]:
    # Rows of different heights: some cells wrap over several lines.
    words = " ".join(f"w{number}x{i}" for i in range(number % 7 * 6))
    return [f"Left {number} {words}".strip(), f"Right {number} says something {number % 3}"]


def test_a_long_comparison_flows_with_whole_rows(tmp_path: Path) -> None:
    rows = [_row(n) for n in range(1, ROWS + 1)]
    comparison = {"comparison": {"title": "Long table", "columns": ["This", "That"], "rows": rows}}
    outputs = render_into(load_yaml(_workshop([comparison]), tmp_path / "in"), tmp_path / "out")
    for name in (HANDOUT, LARGE_PRINT):
        pages = [" ".join(page.split()) for page in raw_pages(outputs[name].path)]
        spanned = [page for page in pages if "This That" in page]  # the repeated header row
        assert len(spanned) > 3, name
        for left, right in rows:
            holding = [page for page in pages if normal(left) in page and normal(right) in page]
            assert holding, f"{name}: row {left[:12]!r} is split between pages"


def test_definitions_are_never_split_between_pages(tmp_path: Path) -> None:
    meaning = "A meaning long enough to wrap over a good few lines of the handout. " * 4
    definitions = [
        {"definition": {"term": f"Term {n}", "meaning": f"{meaning}End {n}.", "source": "Src"}}
        for n in range(1, DEFINITIONS + 1)
    ]
    outputs = render_into(load_yaml(_workshop(definitions), tmp_path / "in"), tmp_path / "out")
    for name in (HANDOUT, LARGE_PRINT):
        pages = [" ".join(page.split()) for page in raw_pages(outputs[name].path)]
        assert len(pages) > 3, name
        for n in range(1, DEFINITIONS + 1):
            whole = normal(f"Term {n} {meaning}End {n}. — Src")
            assert any(whole in page for page in pages), f"{name}: definition {n} is split"


def test_a_long_drill_answer_key_flows(tmp_path: Path) -> None:
    """Forty challenges make a long guide; each challenge's key stays on one page."""
    challenges = [
        {
            "statement": f"Statement {n} that someone might say in the room.",
            "responses": [f"Response {n}.{r} with a few words." for r in range(1, 5)],
            "technique": f"Technique {n}.",
        }
        for n in range(1, 41)
    ]
    outputs = render_into(
        load_yaml(_workshop([{"drill": {"challenges": challenges}}]), tmp_path / "in"),
        tmp_path / "out",
    )
    pages = [" ".join(page.split()) for page in raw_pages(outputs[GUIDE].path)]
    for n in range(1, 41):
        assert any(f"Statement {n} " in page and f"Technique {n}." in page for page in pages), (
            f"challenge {n} is split"
        )


@pytest.mark.parametrize("name", [HANDOUT, LARGE_PRINT, GUIDE])
@pytest.mark.parametrize("workshop", ["sample", "all-blocks"])
def test_a_short_last_section_is_folded_back(
    built: Callable[..., Built], workshop: str, name: str
) -> None:
    """The sources never stand alone on a last page: the sample's handout once ended with
    a page holding only them."""
    done = built(workshop)
    sources = done.workshop.interface_words()("sources")
    first_row = body_rows(word_pages(done.path(name)))[-1][0]
    opening = " ".join(word.text for word in first_row)
    assert opening != sources, f"{name}: the last page opens with '{sources}'"
