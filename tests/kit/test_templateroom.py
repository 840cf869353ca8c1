"""Room for content on a template's slide: the area its art leaves clear, the template's
own footer fields as one row, and turned shapes taking the room they cover."""

from __future__ import annotations

import pytest

from kit.layout.templateart import Art
from kit.layout.templatepaint import Rect, paint_of
from kit.layout.templateroom import FIELD_HEIGHT, field_row, room

BODY = Rect(0, 0, 100, 100)


def test_room_counts_art_that_overlaps_once() -> None:
    # Two squares of 40 × 40 sharing a 20 × 40 strip cover 2 × 1600 - 800; one sticks out.
    assert room(BODY, [Rect(0, 0, 40, 40), Rect(20, 0, 40, 40)]) == 10000 - 2400
    assert room(BODY, [Rect(90, 90, 40, 40)]) == 10000 - 100
    assert room(BODY, []) == 10000


def test_the_templates_fields_make_one_row_only_side_by_side_at_the_foot() -> None:
    date, footer, number = Rect(20, 400, 180, 30), Rect(260, 400, 250, 30), Rect(570, 400, 180, 30)
    row = field_row([date, footer, number], 446.0)
    assert [(box.x, box.w) for box in row] == [(20, 180), (260, 250), (570, 180)]
    assert {(box.y, box.h) for box in row} == {(415 - FIELD_HEIGHT / 2, FIELD_HEIGHT)}
    assert field_row([date, footer, None], 446.0) == ()  # a field missing
    assert field_row([date, Rect(150, 400, 250, 30), number], 446.0) == ()  # overlapping
    assert field_row([date, Rect(260, 380, 250, 30), number], 446.0) == ()  # not in one row
    high = [Rect(box.x, 100, box.w, box.h) for box in (date, footer, number)]
    assert field_row(high, 446.0) == ()  # not at the slide's foot


@pytest.mark.parametrize(("degrees", "box"), [(0, (0, 40, 100, 20)), (90, (40, 0, 20, 100))])
def test_a_turned_shape_covers_its_turned_box(degrees: float, box: tuple[float, ...]) -> None:
    paint = paint_of(Art("rect", 0, 40, 100, 20, ("#000000",), rotation=degrees))
    assert paint is not None
    assert (
        tuple(round(v, 6) for v in (paint.rect.x, paint.rect.y, paint.rect.w, paint.rect.h)) == box
    )
