"""Text continued over several boxes as a reader sees it: every box inside its height and
never below the floor, as few boxes as needed, no text lost, repeated or reordered, line
breaks and emphasis kept, and a continuation at its paragraph's level without its bullet."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kit.layout.paging import TIGHTEST, paginate
from kit.layout.textfit import INDENT, PARA_SPACING, Anchor, ParaSpec, Text, set_text
from kit.model.markup import Run

WIDTH, MAX, FLOOR = 300.0, 24.0, 14.0
POINTS = [
    ParaSpec(f"Point {n}: a tenant may ask for repairs in writing and keep a copy.", bullet="•")
    for n in range(1, 9)
]
LONG = ParaSpec(
    " ".join(f"Sentence {n} of a long facilitator note that goes on." for n in range(1, 19)),
    level=1,
    bullet="–",
)


def boxes_of(specs: list[ParaSpec], height: float, anchor: Anchor = "top") -> list[Text]:
    boxes = paginate(specs, WIDTH, height, MAX, FLOOR, anchor)
    for box in boxes:
        assert box.paragraphs, "an empty box"
        assert FLOOR <= box.size <= MAX
        assert box.height <= height
        assert box.anchor == anchor
    return boxes


def test_text_that_fits_one_box_is_one_box_at_its_largest_size() -> None:
    height = set_text(POINTS[:2], WIDTH, 20.0).height
    (box,) = boxes_of(POINTS[:2], height, "middle")
    assert box.size == 20.0
    assert [p.bullet for p in box.paragraphs] == ["•", "•"]


@pytest.mark.parametrize("anchor", ["top", "middle", "bottom"])
def test_paragraphs_fill_each_box_in_order_with_nothing_lost(anchor: Anchor) -> None:
    height = set_text(POINTS[:3], WIDTH, FLOOR).height
    boxes = boxes_of(POINTS, height, anchor)
    assert [p.text for box in boxes for p in box.paragraphs] == [s.text for s in POINTS]
    assert [len(box.paragraphs) for box in boxes] == [3, 3, 2]  # a box exactly full is full
    assert boxes[-1].size > FLOOR  # the last box, less full, is set larger


def test_a_paragraph_taller_than_a_box_continues_at_its_level_without_its_bullet() -> None:
    """LONG is a sub-bullet of the first point: its bullet is repeated above each piece."""
    height = 5 * FLOOR * 1.2 + 0.1
    boxes = boxes_of([POINTS[0], LONG, POINTS[1]], height)
    assert [box.paragraphs[0].text for box in boxes[:-1]] == [POINTS[0].text] * (len(boxes) - 1)
    pieces = [p for box in boxes[:-1] for p in box.paragraphs[1:]]
    assert boxes[-1].paragraphs[-1].text == POINTS[1].text
    continued = [*pieces, *boxes[-1].paragraphs[:-1]]
    assert len(continued) >= 3
    assert " ".join(p.text for p in continued) == LONG.text
    assert [p.bullet for p in continued] == ["–"] + [""] * (len(continued) - 1)
    assert {p.level for p in continued} == {1}
    assert all(p.indent == INDENT * p.size * 2 for p in continued)  # under its text


SUBS = [ParaSpec(f"Sub-point {n}: ask in writing.", level=1, bullet="–") for n in (1, 2)]


def test_a_bullet_and_its_sub_bullets_move_to_the_next_box_as_one() -> None:
    """No box opens on a sub-bullet: its bullet goes with it, and the boxes share evenly."""
    specs = [POINTS[0], POINTS[1], *SUBS, POINTS[2], POINTS[3]]
    height = set_text(specs[:5], WIDTH, FLOOR).height  # room for the group, not the last
    boxes = boxes_of(specs, height)
    assert [[p.text for p in box.paragraphs] for box in boxes] == [
        [s.text for s in specs[:4]],
        [s.text for s in specs[4:]],
    ]


def test_a_bullet_is_repeated_marked_above_the_rest_of_its_sub_bullets() -> None:
    subs = [replace(SUBS[0], text=f"Sub-point {n}: ask in writing.") for n in range(1, 9)]
    height = set_text([POINTS[0], *subs[:4]], WIDTH, FLOOR).height
    boxes = paginate([POINTS[0], *subs], WIDTH, height, MAX, FLOOR, again="(cont.)")
    heads = [box.paragraphs[0].text for box in boxes]
    assert heads == [POINTS[0].text] + [f"{POINTS[0].text} (cont.)"] * (len(boxes) - 1)
    assert [p.text for box in boxes for p in box.paragraphs[1:]] == [s.text for s in subs]


def test_no_box_holds_one_bullet_alone_where_an_even_split_exists() -> None:
    """Five points for boxes of four: three and two, not four and one; three short points
    and a long one for boxes of three lines: two and two, not three and one."""
    height = set_text(POINTS[:4], WIDTH, FLOOR).height
    assert [len(box.paragraphs) for box in boxes_of(POINTS[:5], height)] == [3, 2]
    short = [ParaSpec(f"Point {n}: ask.", bullet="•") for n in range(1, 4)]
    specs = [*short, replace(short[0], text=f"A long point: {POINTS[0].text} {POINTS[1].text}")]
    height = set_text(specs[2:], WIDTH, FLOOR).height
    assert height > set_text(short, WIDTH, FLOOR).height  # three short points fit too
    assert [len(box.paragraphs) for box in boxes_of(specs, height)] == [2, 2]


def test_line_breaks_and_broken_words_are_kept_across_boxes() -> None:
    address = [f"Line {n} of the **landlord's** address" for n in range(1, 13)]
    word = "Rechtsschutzversicherungsgesellschaften"
    boxes = boxes_of([ParaSpec("\n".join(address)), ParaSpec(word * 8)], FLOOR * 1.2 * 5 + 0.1)
    texts = [p.text for box in boxes for p in box.paragraphs]
    assert texts[:3] == ["\n".join(address[i : i + 5]).replace("**", "") for i in (0, 5, 10)]
    assert len(texts) > 4 and "".join(texts[3:]) == word * 8  # no space added inside
    bold = {r.text for box in boxes for p in box.paragraphs for ln in p.lines for r in ln.runs}
    assert "landlord's" in bold


def test_emphasis_is_kept_in_every_piece_of_a_continued_paragraph() -> None:
    italic_all = ParaSpec(LONG.text, italic=True)
    spanning = ParaSpec(f"Start **{LONG.text}** end")
    for spec in (italic_all, spanning):
        boxes = boxes_of([spec], FLOOR * 1.2 * 4)
        runs = [r for box in boxes for p in box.paragraphs for ln in p.lines for r in ln.runs]
        assert len(boxes) >= 3
        if spec.italic:
            assert {r.italic for r in runs} == {True} and {r.bold for r in runs} == {False}
        else:
            assert runs[0] == Run("Start ") and runs[-1] == Run(" end")
            assert {r.bold for r in runs[1:-1]} == {True}


def test_a_box_holding_one_line_takes_one_line_each() -> None:
    height = FLOOR * 1.2 * 1.5
    boxes = boxes_of([POINTS[0]], height)
    assert len(boxes) == len(set_text([POINTS[0]], WIDTH, FLOOR).paragraphs[0].lines)
    assert " ".join(box.plain for box in boxes) == POINTS[0].text


def test_a_box_lower_than_one_line_still_shows_every_line_at_the_floor() -> None:
    boxes = paginate([POINTS[0]], WIDTH, 5.0, MAX, FLOOR, "bottom")
    assert {box.size for box in boxes} == {FLOOR}
    assert {box.anchor for box in boxes} == {"bottom"}
    assert [len(box.paragraphs[0].lines) for box in boxes] == [1] * len(boxes)
    assert " ".join(box.plain for box in boxes) == POINTS[0].text
    assert [box.paragraphs[0].bullet for box in boxes] == ["•"] + [""] * (len(boxes) - 1)
    assert paginate([POINTS[0]], WIDTH, 1000.0, MAX, FLOOR)[0].anchor == "top"


def test_a_first_box_lower_than_the_others_holds_less() -> None:
    """Under a definition's term on its first slide only: the others take what it leaves."""
    height = set_text(POINTS[:4], WIDTH, FLOOR).height
    first = set_text(POINTS[:2], WIDTH, FLOOR).height
    boxes = paginate(POINTS[:6], WIDTH, height, MAX, FLOOR, first=first)
    assert [len(box.paragraphs) for box in boxes] == [2, 4]
    assert boxes[0].height <= first
    assert [p.text for box in boxes for p in box.paragraphs] == [s.text for s in POINTS[:6]]


MEANING = ParaSpec(f"{POINTS[0].text} {POINTS[1].text} {POINTS[2].text}", keep_with_next=True)
SOURCE = ParaSpec("— The tenants' handbook", italic=True, scale=0.75, align="right")


def test_a_paragraph_kept_with_the_next_gives_it_its_last_lines() -> None:
    """A definition's source line is never alone on a box: where the meaning fills one box,
    its last line(s) go on with the source."""
    height = set_text([MEANING], WIDTH, FLOOR).height + 1.0  # the meaning, not the source
    boxes = boxes_of([MEANING, SOURCE], height)
    assert len(boxes) == 2
    assert [len(box.paragraphs) for box in boxes] == [1, 2]
    assert boxes[1].paragraphs[1].text == SOURCE.text
    assert f"{boxes[0].plain} {boxes[1].paragraphs[0].text}" == MEANING.text


def test_a_first_box_that_cannot_keep_a_line_of_what_is_kept_together_is_left_empty() -> None:
    """Under a definition's term, room for one line only: the term shows alone, and its
    one-line meaning goes on with the source."""
    meaning = replace(MEANING, text="Rent paid late.")
    first = set_text([meaning], WIDTH, FLOOR).height + 1.0
    boxes = paginate([meaning, SOURCE], WIDTH, 200.0, MAX, FLOOR, first=first)
    assert [[p.text for p in box.paragraphs] for box in boxes] == [[], [meaning.text, SOURCE.text]]


@pytest.mark.parametrize("over", [1, 2, 3])
def test_a_remainder_of_a_line_or_two_is_kept_on_the_box_spaced_tighter(over: int) -> None:
    """A bullet with its sub-bullets, then a point of ``over`` lines, in a box 2 pt too low
    for both: the point's one or two lines stay in the box, spaced tighter (never under a
    third less) at the one size; three lines continue."""
    specs = [POINTS[0], *SUBS * 3, ParaSpec("\n".join(["Last point"] * over), bullet="•")]
    height = set_text(specs, WIDTH, FLOOR).height - 2.0
    boxes = paginate(specs, WIDTH, height, FLOOR, FLOOR)
    if over == 3:
        assert [len(box.paragraphs) for box in boxes] == [7, 1]
        assert {box.spacing for box in boxes} == {PARA_SPACING}
        return
    (box,) = boxes
    assert box.height <= height and box.size == FLOOR
    assert TIGHTEST <= box.spacing < PARA_SPACING
