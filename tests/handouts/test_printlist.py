"""The print list: every printed file with the page count it really has, and the totals."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kit.app.build import build
from kit.outputs import OUTPUTS, kind_of
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, raw_pages

# A row: file, pages, copies, how to print it, sheets; the next row or the total follows.
ROW = re.compile(r"(\S+\.pdf) (\d+) (\d+) (.*?) (\d+)(?= \S+\.pdf \d| Total:)")


def rows(folder: Path) -> dict[str, tuple[int, int, str, int]]:
    """File -> (pages, copies, the middle columns, sheets) as the print list prints them."""
    text = " ".join(" ".join(raw_pages(folder / "print-list.pdf")).split())
    return {f: (int(p), int(c), middle, int(s)) for f, p, c, middle, s in ROW.findall(text)}


@pytest.mark.parametrize(
    ("workshop", "paper"), [(SAMPLE, "a4"), (FIXTURES / "other-workshop", "letter")]
)
def test_page_counts_match_the_files(workshop: Path, paper: str, tmp_path: Path) -> None:
    result = build(workshop, tmp_path, paper=paper, participants=30)  # type: ignore[arg-type]
    listed = rows(tmp_path)
    printed = {o.path.name for o in result.written if o.kind.printed}
    assert set(listed) == printed
    for name, (pages, copies, middle, sheets) in listed.items():
        assert pages == len(PdfReader(tmp_path / name).pages), name
        printing = kind_of(name).printing
        assert printing is not None
        two_sided = printing.sides != "single"
        assert ("two-sided" in middle) == two_sided, name
        assert sheets == copies * (math.ceil(pages / 2) if two_sided else pages), name
    text = " ".join(raw_pages(tmp_path / "print-list.pdf"))
    paper_sheets = sum(
        s for f, (_, _, _, s) in listed.items() if kind_of(f).printing.stock == "paper"
    )
    card_sheets = sum(
        s for f, (_, _, _, s) in listed.items() if kind_of(f).printing.stock == "card"
    )
    size = "A4" if paper == "a4" else "Letter"
    assert f"Total: {paper_sheets} sheets of {size} paper" in text
    assert f"{card_sheets} sheets of {size} card" in text


def test_the_certificates_are_one_copy_each_from_a_list(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("name\n" + "\n".join(f"Person {n}" for n in range(1, 13)) + "\n")
    build(SAMPLE, tmp_path / "out", participants_file=csv)
    listed = rows(tmp_path / "out")
    assert listed["certificates.pdf"][:2] == (12, 1)
    assert listed["name-tents.pdf"][:2] == (12, 1)
    assert listed["evaluation-form.pdf"][1] == 12  # the head count is the list's length


def test_files_not_built_are_named(tmp_path: Path) -> None:
    build(SAMPLE, tmp_path, only=["handouts", "printlist"])
    text = " ".join(" ".join(raw_pages(tmp_path / "print-list.pdf")).split())
    assert "Not built this time, so not on this list: drill-worksheet.pdf," in text
    assert "drill-worksheet.pdf 2" not in text


def test_every_printed_kind_says_how_to_print_it() -> None:
    # Not printed: the deck is projected, the print list goes to the shop, the slides for
    # participants are sent after the session as a file, and the web edition is read on
    # screens (the handout is its printed form).
    unprinted = {"print-list", "shared-slides", "web"}
    assert all(
        kind.printing is not None
        for kind in OUTPUTS
        if kind.audience != "presenter" and kind.name not in unprinted
    )


@pytest.mark.parametrize("workshop", [SAMPLE, FIXTURES / "de-begleiten"])
def test_the_print_list_says_to_cut_as_the_cards_do(workshop: Path, tmp_path: Path) -> None:
    """One wording for the print shop and on the sheet (it said "cut along the marks")."""
    result = build(workshop, tmp_path, only=["exercises", "printlist"])
    cut = " ".join(load(workshop).workshop.interface_words()("cut").split())
    cards = [
        o.path.name for o in result.written if o.kind.printing and o.kind.printing.finish == "cut"
    ]
    assert cards
    listed = rows(tmp_path)
    for name in cards:
        assert listed[name][2].endswith(cut), f"{name}: {listed[name][2]}"
        front = " ".join(raw_pages(tmp_path / name)[0].split())
        assert cut in front, f"{name}: '{cut}' not on its first page"
