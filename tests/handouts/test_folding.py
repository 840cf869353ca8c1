"""A handout whose last page is nearly empty is folded back or evened out (handouts.folding)
with no layout made twice: the story is made and laid out once as it is, and evening out
starts from that layout (issue #20: the sample's handouts, large print and guide were each
laid out three times)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak

from handouts.document import lay_document
from handouts.folding import write_folded
from handouts.story import Look, look_for
from kit.outputs import HANDOUT
from kit.pdf import para
from kit.pdf.document import EVEN, Document
from kit.pdf.flow import FULL_ENOUGH
from kit.source.loader import load

from ..conftest import FIXTURES
from ..readers import word_pages

BLOCK = 70.0  # points a block takes with the space after it, tightened or not


class _Made:
    """``make``: a story of ``blocks`` one-line blocks for a look; each call noted."""

    def __init__(self, blocks: int) -> None:
        self.blocks = blocks
        self.looks: list[Look] = []

    def __call__(self, look: Look) -> Sequence[Flowable]:
        self.looks.append(look)
        body = look.styles.body
        style = ParagraphStyle("block", parent=body, spaceAfter=BLOCK - body.leading)
        return [para(f"Block {n} of {self.blocks}", style) for n in range(self.blocks)]


@pytest.fixture(scope="module")
def look() -> Look:
    """A tenants' union's handout look, on Letter."""
    workshop = load(FIXTURES / "tenants-union").workshop
    return look_for(workshop, workshop.theme, "letter", 11.0)


def _lengths(look: Look, tmp_path: Path) -> Iterator[tuple[int, float]]:
    """Story lengths of two pages or more, with how full each one's last page ends."""
    for blocks in range(8, 40):
        laid = lay_document(tmp_path / "try.pdf", _Made(blocks)(look), look, "Handout", HANDOUT)
        if laid.pages >= 2:
            yield blocks, laid.last_fill


def _laid(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The page breaks inserted into each story ``Document.lay`` lays out from now on."""
    breaks: list[int] = []
    lay = Document.lay

    def noting(doc: Document, units: Sequence[Flowable], canvasmaker: object) -> object:
        breaks.append(sum(isinstance(unit, PageBreak) for unit in units))
        return lay(doc, units, canvasmaker)

    monkeypatch.setattr(Document, "lay", noting)
    return breaks


@pytest.mark.parametrize(
    ("fill", "tightened"),
    [((FULL_ENOUGH, EVEN), False), ((0.0, FULL_ENOUGH), True)],
    ids=["evened out", "tightened"],
)
def test_a_short_last_page_is_handled_with_the_story_laid_out_once_as_it_is(
    look: Look,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fill: tuple[float, float],
    tightened: bool,
) -> None:
    blocks = next(n for n, last in _lengths(look, tmp_path) if fill[0] <= last < fill[1])
    make = _Made(blocks)
    breaks = _laid(monkeypatch)
    pages = write_folded(tmp_path / "handout.pdf", make, look, "Handout", HANDOUT)
    assert sum(made is look for made in make.looks) == 1, "the story made again"
    assert len(make.looks) == 1 + tightened
    # Laid out as it is once (and once tightened); every other layout tries a page break.
    assert breaks[: len(make.looks)] == [0] * len(make.looks)
    assert all(count == 1 for count in breaks[len(make.looks) :]), breaks
    # Nothing lost: every block is in the PDF written, on the pages said.
    read = word_pages(tmp_path / "handout.pdf")
    assert len(read) == pages
    text = " ".join(word.text for page in read for word in page.words)
    assert all(f"Block {n} of {blocks}" in text for n in range(blocks))
