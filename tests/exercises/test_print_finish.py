"""Wall signs and cards as they come off the printer, read from the PDFs (issue #15).

Word boxes come from ``pdftotext -bbox-layout``, sizes and ruled lines from pdfplumber:
every sign puts its stage name at one place, clear of the header's rule; a card set is
set at one size; each back lies behind its front; cut marks stand only by used cards;
card sheets say how to print and cut them, in the edition's language.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest

from exercises import render
from kit.model import markup
from kit.pdf.cards import CUT_GAP, CUT_MARK

from ..conftest import FIXTURES, SAMPLE, Built, builder
from ..readers import Page, Word, body_rows, rows, with_fonts, word_pages

WORKSHOPS = {
    "sample": SAMPLE,
    **{name: FIXTURES / name for name in ("first-aid", "bargaining", "fr-accueil")},
}
PAPERS = ("a4", "letter")
SIGNS = "continuum-signs.pdf"
DRILL_CARDS = "drill-cards.pdf"
SCENARIO_CARDS = "continuum-scenario-cards.pdf"
CLEAR_OF_RULE = 18.0  # points, over 6 mm between the header rule and a sign's first line


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Built]:
    return builder(tmp_path_factory, render, WORKSHOPS)


def _pages(path: Path) -> list[Page]:
    return with_fonts(word_pages(path), path)


def _text(row: list[Word]) -> str:
    return " ".join(word.text for word in row)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", ["sample", "first-aid", "bargaining"])
def test_every_sign_has_its_name_at_one_place(
    sheets: Callable[..., Built], workshop: str, paper: str
) -> None:
    pages = _pages(sheets(workshop, paper).path(SIGNS))
    tops = []
    for page in pages:
        largest = max(word.size or 0 for word in page.words)
        name = [word for word in page.words if word.size == largest]
        tops.append(round(min(word.box.y0 for word in name), 1))
    assert max(tops) - min(tops) <= 0.5, f"the names' tops: {tops}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", ["sample", "first-aid", "bargaining"])
def test_no_sign_touches_the_header_rule(
    sheets: Callable[..., Built], workshop: str, paper: str
) -> None:
    path = sheets(workshop, paper).path(SIGNS)
    with pdfplumber.open(str(path)) as pdf:
        rules = [min(line["top"] for line in page.lines) for page in pdf.pages]
    for page, rule, page_rows in zip(word_pages(path), rules, body_rows(word_pages(path))):
        first = min(word.box.y0 for word in page_rows[0])
        assert first - rule >= CLEAR_OF_RULE, (
            f"p{page.number}: '{_text(page_rows[0])}' {first - rule:.1f} pt under the rule"
        )


def _card_sizes(page: Page, skip: Callable[[list[Word]], bool]) -> set[float]:
    """The sizes of the words on a card page, but its furniture, its printing instruction
    and the rows ``skip`` names (a card's small label, a back's number)."""
    page_rows = body_rows([page, page])[0]  # one page: its own header and footer rows
    return {
        word.size or 0
        for row in page_rows
        if not skip(row) and not row[0].text.startswith("Print")
        for word in row
    }


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", ["sample", "first-aid", "bargaining"])
def test_a_card_set_is_set_at_one_size(
    sheets: Callable[..., Built], workshop: str, paper: str
) -> None:
    """The first-aid drill's 400-character statement once shrank to 11 pt beside 15."""
    pages = _pages(sheets(workshop, paper).path(DRILL_CARDS))
    fronts = set().union(*(_card_sizes(p, lambda row: "·" in _text(row)) for p in pages[::2]))
    backs = set().union(*(_card_sizes(p, _is_card_number) for p in pages[1::2]))
    assert len(fronts) == 1, f"front sizes: {sorted(fronts)}"
    assert backs <= fronts, f"back sizes {sorted(backs)}, front {sorted(fronts)}"


def _is_card_number(row: list[Word]) -> bool:
    return len(row) % 2 == 0 and all(word.text.isdigit() for word in row[1::2])


def _labels(page: Page) -> dict[str, Word]:
    """The word that opens each card's label on a front page, by card number."""
    return {
        row_words[i].text: row_words[i]
        for row_words in rows(page.words)
        for i in range(len(row_words) - 1)
        if row_words[i].text.isdigit() and row_words[i + 1].text == "·"
    }


def _numbers(page: Page) -> dict[str, Word]:
    """The number of each card on a back page ("Card 3"), by card number."""
    return {
        row_words[i + 1].text: row_words[i]
        for row_words in rows(page.words)
        if _is_card_number(row_words)
        for i in range(0, len(row_words), 2)
    }


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", ["sample", "first-aid"])
def test_each_back_lies_behind_its_front(
    sheets: Callable[..., Built], workshop: str, paper: str
) -> None:
    """Flipped on the long edge, a back's column is its front's mirrored; its number
    heads the card where the front's label does, so every back in a row lines up."""
    pages = word_pages(sheets(workshop, paper).path(DRILL_CARDS))
    for front, back in zip(pages[::2], pages[1::2]):
        labels, numbers = _labels(front), _numbers(back)
        assert labels and labels.keys() == numbers.keys()
        for card, label in labels.items():
            number = numbers[card]
            mirrored = front.width - label.box.centre[0]
            assert abs(number.box.centre[0] - mirrored) < front.width / 4, f"card {card}"
            assert abs(number.box.y0 - label.box.y0) < 4, f"card {card}"


def _marks_and_cards(path: Path) -> list[tuple[list[dict], list[dict]]]:
    """Per page, the cut marks (short black lines) and the used cards (dashed frames)."""
    found = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            marks = [
                line
                for line in page.lines
                if abs(max(line["width"], line["height"]) - CUT_MARK) < 0.5
            ]
            found.append((marks, list(page.rects)))
    return found


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", [DRILL_CARDS, SCENARIO_CARDS])
@pytest.mark.parametrize("workshop", ["sample", "first-aid", "bargaining"])
def test_cut_marks_stand_only_by_used_cards(
    sheets: Callable[..., Built], workshop: str, name: str, paper: str
) -> None:
    """The sample's five challenges fill five of eight slots: no mark by an empty one."""
    reach = CUT_GAP + CUT_MARK + 0.5
    for number, (marks, cards) in enumerate(
        _marks_and_cards(sheets(workshop, paper).path(name)), 1
    ):
        if not cards:
            assert not marks, f"p{number}: cut marks on a page of backs"
            continue
        corners = [(x, y) for card in cards for x in (card["x0"], card["x1"]) for y in
                   (card["top"], card["bottom"])]  # fmt: skip
        assert marks, f"p{number}: no cut marks"
        for mark in marks:
            ends = ((mark["x0"], mark["top"]), (mark["x1"], mark["bottom"]))
            assert any(
                abs(x - cx) <= reach and abs(y - cy) <= reach for x, y in ends for cx, cy in corners
            ), f"p{number}: a cut mark at ({mark['x0']:.0f}, {mark['top']:.0f}) by no card"


@pytest.mark.parametrize(
    ("name", "key"), [(DRILL_CARDS, "cards_two_sided"), (SCENARIO_CARDS, "cards_one_sided")]
)
@pytest.mark.parametrize("workshop", ["sample", "fr-accueil"])
def test_card_sheets_say_how_to_print_and_cut_them(
    sheets: Callable[..., Built], workshop: str, name: str, key: str
) -> None:
    done = sheets(workshop)
    how = markup.plain(done.workshop.interface_words()(key))
    fronts = done.pages(name)[:: 2 if key == "cards_two_sided" else 1]
    for number, page in enumerate(fronts, 1):
        assert " ".join(how.split()) in page, f"front page {number} lacks '{how}'"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", ["sample", "first-aid", "bargaining"])
def test_no_sign_leaves_a_word_alone_on_its_last_line(
    sheets: Callable[..., Built], workshop: str, paper: str
) -> None:
    """A sign's name and description end on two words or more when the line above has
    words to spare (the sample's "... how and with" / "whom" on stage 1)."""
    problems = []
    pages = _pages(sheets(workshop, paper).path(SIGNS))
    for page, page_rows in zip(pages, body_rows(pages), strict=True):
        for above, row in pairwise(page_rows):
            size = row[0].size or 0
            near = row[0].box.y0 - above[0].box.y0 < 1.6 * size
            if len(row) == 1 and len(above) > 2 and near and above[0].size == size:
                problems.append(f"p{page.number}: {_text(above)} / {row[0].text}")
    assert not problems, "\n".join(problems)


def _lines_at(widths: list[float], space: float, width: float) -> int:
    """Lines that words of ``widths`` fill at ``width``, each line as full as it goes, the
    last two words held together (as kit sets every text) unless they are wider."""
    tied = sum(widths[-2:]) + space
    units = [*widths[:-2], tied] if len(widths) > 1 and tied <= width else widths
    lines, used = 1, -space
    for unit in units:
        if used + space + unit > width and used > 0:
            lines, used = lines + 1, unit
        else:
            used += space + unit
    return lines


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", ["sample", "first-aid", "bargaining"])
def test_a_sign_s_name_takes_no_more_lines_than_the_sign_s_width_needs(
    sheets: Callable[..., Built], workshop: str, paper: str
) -> None:
    """Names are narrowed to even lines, never to more lines: as many as their words,
    measured on the page, fill across the sign's width (the page less its margins)."""
    margin = 51.0  # kit.pdf.MARGIN, each side of a sign
    problems = []
    for page in _pages(sheets(workshop, paper).path(SIGNS)):
        largest = max(word.size or 0 for word in page.words)
        name_rows = rows([word for word in page.words if word.size == largest])
        words = [word for row in name_rows for word in row]
        gaps = [b.box.x0 - a.box.x1 for row in name_rows for a, b in pairwise(row)]
        space = min(gaps, default=largest * 0.25)
        widths = [word.box.x1 - word.box.x0 for word in words]
        needed = _lines_at(widths, space, page.width - 2 * margin - 1)  # 1 pt to spare
        if len(name_rows) > needed:
            names = " / ".join(_text(row) for row in name_rows)
            problems.append(f"p{page.number}: {names} ({needed} line(s) would do)")
    assert not problems, "\n".join(problems)
