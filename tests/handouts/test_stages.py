"""A continuum's stages in the handout and the guide: a numbered list, tagged as one (#15)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

import handouts
from kit.model import ContinuumBlock
from kit.outputs import GUIDE, HANDOUT
from kit.source.loader import load

from ..conftest import FIXTURES, options_for
from ..readers import word_pages


def _lists(node: pikepdf.Object) -> list[int]:
    """How many items each list (L) under ``node`` has, depth first."""
    found = []
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            if kid.get("/S") == "/L":
                found.append(sum(1 for item in kid.K if item.get("/S") == "/LI"))
            found += _lists(kid)
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_stages_are_one_numbered_list(tmp_path: Path, paper: str) -> None:
    """first-aid's nine stages: one list of nine items, numbered 1. to 9. in the margin,
    its last two on one page."""
    loaded = load(FIXTURES / "first-aid")
    stages = loaded.workshop.blocks_of(ContinuumBlock)[0].stages
    files = (HANDOUT, GUIDE)
    outputs = handouts.render(
        loaded.workshop, loaded.workshop.theme, tmp_path, options_for(loaded, paper), files=files
    )
    for output in outputs:
        with pikepdf.open(output.path) as pdf:
            assert len(stages) in _lists(pdf.Root.StructTreeRoot), output.path.name
        pages = [" ".join(word.text for word in page.words) for page in word_pages(output.path)]
        for number, stage in enumerate(stages, start=1):
            assert any(f"{number}. {stage.name}:" in page for page in pages), stage.name
        last_two = [f"{len(stages) - 1}. {stages[-2].name}", f"{len(stages)}. {stages[-1].name}"]
        assert any(all(text in page for text in last_two) for page in pages), output.path.name
