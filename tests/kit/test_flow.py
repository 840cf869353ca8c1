"""How a printed story flows (``kit.pdf.flow``), read back from the PDF as a reader sees it.

Each story is set up so that the rule under test decides the page break: filler fills the
page to a measured height, then what follows either fits or must move.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer

from kit.model import Theme
from kit.pdf import build_pdf, lay_pdf, meta_for, para, styles
from kit.pdf.draw import frame_size, stack_height
from kit.source.loader import load

from ..conftest import SAMPLE
from ..readers import word_pages

THEME = Theme()
S = styles(THEME)
WIDTH, FRAME = frame_size("a4")


def _pages(tmp_path: Path, story: list[Flowable]) -> list[str]:
    """Each page's words, joined, of ``story`` laid out on A4."""
    workshop = load(SAMPLE).workshop
    path = tmp_path / "flow.pdf"
    build_pdf(path, story, paper="a4", meta=meta_for(workshop, "Test"), footer="foot", theme=THEME)
    return [" ".join(word.text for word in page.words) for page in word_pages(path)]


def _filler(room: float) -> list[Flowable]:
    """Something that leaves ``room`` points of the first page free."""
    return [Spacer(0, FRAME - room)]


def _on_one_page(pages: list[str], *phrases: str) -> bool:
    return any(all(phrase in page for phrase in phrases) for page in pages)


def test_a_kept_group_ending_in_a_heading_stays_with_what_follows(tmp_path: Path) -> None:
    """reportlab places the first piece of a group without its keep-with-next: the two
    headings fit at the foot of page 1, the bullet under them does not."""
    pair = [para("Section heading", S.h1), para("Block heading", S.h2)]
    room = stack_height(pair, WIDTH) + S.h1.spaceBefore + 4  # the bullet needs more than 4
    headings = KeepTogether(pair)
    story = [*_filler(room), headings, para("First point", S.bullet, bullet="•")]
    pages = _pages(tmp_path, story)
    assert _on_one_page(pages, "Section heading", "Block heading", "First point"), pages


def test_a_list_never_leaves_its_first_item_alone_at_the_foot(tmp_path: Path) -> None:
    items = [para(f"Point number {n}", S.bullet, bullet="•") for n in range(1, 6)]
    story = [*_filler(S.bullet.leading * 1.5), *items]
    pages = _pages(tmp_path, story)
    assert _on_one_page(pages, "Point number 1", "Point number 2"), pages


def test_a_list_never_leaves_its_last_item_alone_at_the_top(tmp_path: Path) -> None:
    items = [para(f"Point number {n}", S.bullet, bullet="•") for n in range(1, 6)]
    lead = S.bullet.leading + S.bullet.spaceAfter
    story = [*_filler(lead * 4.5), *items]
    pages = _pages(tmp_path, story)
    assert _on_one_page(pages, "Point number 4", "Point number 5"), pages


def test_a_group_that_would_leave_a_page_nearly_empty_starts_on_it(tmp_path: Path) -> None:
    """A long kept group after one line: moving it would leave page 1 a line high."""
    lines = [para(f"Kept line {n}", S.body) for n in range(60)]
    story = [para("Opening line", S.body), KeepTogether(lines)]
    pages = _pages(tmp_path, story)
    assert _on_one_page(pages, "Opening line", "Kept line 0"), pages


def test_a_group_that_fits_the_next_page_moves_there(tmp_path: Path) -> None:
    """Past a quarter of the page, a group that fits a page is still kept whole."""
    lines = [para(f"Kept line {n}", S.body) for n in range(20)]
    story = [*_filler(FRAME * 0.4), KeepTogether(lines)]
    pages = _pages(tmp_path, story)
    assert len(pages) == 2 and _on_one_page(pages, "Kept line 0", "Kept line 19"), pages


def test_a_layout_says_how_full_its_last_page_is(tmp_path: Path) -> None:
    workshop = load(SAMPLE).workshop
    story = [Spacer(0, FRAME * 0.9), Spacer(0, FRAME * 0.3)]
    how = {"paper": "a4", "meta": meta_for(workshop, "Test"), "footer": "foot", "theme": THEME}
    layout = lay_pdf(tmp_path / "flow.pdf", story, **how)
    assert layout.pages == 2
    assert abs(layout.last_fill - 0.3) < 0.02
