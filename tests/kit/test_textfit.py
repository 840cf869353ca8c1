"""The fitting search: which sizes it tries, and that the floor is always among them."""

from __future__ import annotations

import pytest

from kit.layout.paging import paginate
from kit.layout.textfit import ParaSpec, fit_all, fit_text, respec, set_text

TEXT = [ParaSpec("A tenant may ask for repairs in writing and keep a copy of every letter sent.")]
WIDTH = 300.0


@pytest.mark.parametrize("max_size", [28.0, 21.3, 18.7])
def test_text_that_fits_only_at_the_floor_is_set_at_the_floor(max_size: float) -> None:
    floor = 18.0
    height = set_text(TEXT, WIDTH, floor).height
    assert set_text(TEXT, WIDTH, floor + 0.5).height > height  # the floor is the only fit
    fitted = fit_text(TEXT, WIDTH, height, max_size, floor)
    assert fitted is not None and fitted.size == floor
    assert [t.size for t in fit_all([TEXT, TEXT], WIDTH, height, max_size, floor)] == [floor] * 2


def test_below_the_floor_nothing_fits() -> None:
    height = set_text(TEXT, WIDTH, 18.0).height
    assert fit_text(TEXT, WIDTH, height - 1, 28.0, 18.0) is None


@pytest.mark.parametrize(("room_at", "chosen"), [(24.4, 24.0), (20.9, 20.0), (19.7, 19.5)])
def test_whole_points_down_to_20_then_half_points(room_at: float, chosen: float) -> None:
    """The largest size on the grid whose text fits a box sized for ``room_at``."""
    height = set_text(TEXT, WIDTH, room_at).height
    fitted = fit_text(TEXT, WIDTH, height, 28.0, 14.0)
    assert fitted is not None and fitted.size == chosen


def test_whole_points_above_20_are_each_tried() -> None:
    height = set_text(TEXT, WIDTH, 25.6).height
    fitted = fit_text(TEXT, WIDTH, height, 28.0, 14.0)
    assert fitted is not None and fitted.size == 25.0


def test_a_floor_equal_to_the_largest_size_is_the_one_size_tried() -> None:
    fitted = fit_text(TEXT, WIDTH, 1000.0, 18.0, 18.0)
    assert fitted is not None and fitted.size == 18.0
    assert fit_text(TEXT, WIDTH, 1.0, 18.0, 18.0) is None


LONG_WORD = [ParaSpec("Die Rechtsschutzversicherungsgesellschaften zahlen")]


def test_a_smaller_size_that_keeps_every_word_whole_is_preferred() -> None:
    """At 28 pt the long word must break between letters; the search goes on down."""
    assert not set_text(LONG_WORD, WIDTH, 28.0).whole_words
    fitted = fit_text(LONG_WORD, WIDTH, 1000.0, 28.0, 12.0)
    assert fitted is not None and fitted.whole_words
    whole = [s for s in _grid(28.0, 12.0) if set_text(LONG_WORD, WIDTH, s).whole_words]
    assert fitted.size == max(whole)


def test_when_no_size_keeps_words_whole_the_largest_that_fits_is_used() -> None:
    narrow = 60.0
    assert not set_text(LONG_WORD, narrow, 12.0).whole_words
    height = set_text(LONG_WORD, narrow, 20.0).height
    fitted = fit_text(LONG_WORD, narrow, height, 28.0, 12.0)
    assert fitted is not None and fitted.size == 20.0
    assert fitted.plain.replace("\n", "") == set_text(LONG_WORD, narrow, 20.0).plain


def _grid(max_size: float, min_size: float) -> list[float]:
    sizes = [float(s) for s in range(int(max_size), 20, -1)]
    return sizes + [s / 2 for s in range(40, int(min_size * 2) - 1, -1)]


def test_boxes_fitted_together_take_the_largest_size_all_fit_exactly() -> None:
    height = set_text(TEXT, WIDTH, 24.0).height
    texts = fit_all([TEXT, [ParaSpec("Short.")]], WIDTH, height, 28.0, 14.0)
    assert [t.size for t in texts] == [24.0, 24.0]
    assert [t.plain for t in texts] == [set_text(TEXT, WIDTH, 24.0).plain, "Short."]


def test_boxes_that_fit_at_no_size_are_set_at_the_floor() -> None:
    texts = fit_all([TEXT, [ParaSpec("Short.")]], WIDTH, 5.0, 28.0, 14.0)
    assert [t.size for t in texts] == [14.0, 14.0]
    assert [t.plain for t in texts] == [set_text(TEXT, WIDTH, 14.0).plain, "Short."]
    assert max(line.width for line in texts[0].paragraphs[0].lines) <= WIDTH


def test_the_text_sits_where_it_is_anchored() -> None:
    assert set_text(TEXT, WIDTH, 18.0).anchor == "top"
    assert set_text(TEXT, WIDTH, 18.0, "bottom").anchor == "bottom"
    for anchor in ("middle", "bottom"):
        fitted = fit_text(TEXT, WIDTH, 1000.0, 28.0, 14.0, anchor)
        assert fitted is not None and fitted.anchor == anchor
    fitted = fit_text(TEXT, WIDTH, 1000.0, 28.0, 14.0)
    assert fitted is not None and fitted.anchor == "top"


@pytest.mark.parametrize("kept", [True, False])
def test_a_paragraph_kept_with_the_next_moves_with_it(kept: bool) -> None:
    """A resource's name and its address: the break falls before the name, not between."""
    name = ParaSpec("**Kelmore Listening Line**", keep_with_next=kept)
    specs = [ParaSpec("An opening paragraph."), name, ParaSpec("https://kelmore.example/listen")]
    height = set_text(specs[:2], WIDTH, 18.0).height  # room for two paragraphs, not three
    pages = paginate(specs, WIDTH, height, 18.0, 18.0)
    firsts = [page.paragraphs[0].text for page in pages]
    expected = "Kelmore Listening Line" if kept else "https://kelmore.example/listen"
    assert firsts == ["An opening paragraph.", expected]


def test_the_rest_of_a_bullet_keeps_its_indent_when_set_again() -> None:
    """A continued piece re-set (its lines parted anew) stays under its bullet's text."""
    text = set_text([ParaSpec("the rest of a bullet", continued=True)], WIDTH, 18.0)
    para = text.paragraphs[0]
    again = set_text([respec(para, text.base)], WIDTH, 18.0).paragraphs[0]
    assert again.indent == para.indent > 0
    assert again.bullet == para.bullet == ""
