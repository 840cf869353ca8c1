"""Challenge cards printed duplex (flipped on the long edge): each back lines up with its front."""

from __future__ import annotations

import pytest

from exercises.sheets import CARD_COLUMNS, CARD_ROWS

from ..readers import word_pages
from .conftest import normal

CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("workshop", ["sample", "other"])
def test_card_backs_sit_behind_their_fronts(built, workshop: str, paper: str) -> None:
    sheets = built(workshop, paper)
    pages = word_pages(sheets.path("drill-cards.pdf"))
    challenges = sheets.drill.challenges
    assert len(pages) == 2 * -(-len(challenges) // CARDS_PER_PAGE)  # front, back, front, back
    card_width = pages[0].width / (CARD_COLUMNS + 1)  # a little less than a card's width
    card_height = pages[0].height / (CARD_ROWS + 1)
    for index, challenge in enumerate(challenges):
        front, back = pages[2 * (index // CARDS_PER_PAGE) : 2 * (index // CARDS_PER_PAGE) + 2]
        statement = front.find(normal(challenge.statement))
        number = back.find(f"Card {index + 1}")
        assert statement is not None and number is not None, index + 1
        front_x, front_y = statement.centre
        back_x, back_y = number.centre
        # Flipped on the long edge, x mirrors and y stays: same row, mirrored column.
        assert abs(back_x - (front.width - front_x)) < card_width / 4, index + 1
        assert abs(back_y - front_y) < card_height / 2, index + 1
        assert back.find(normal(challenge.technique)) is not None
