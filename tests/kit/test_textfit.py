"""The fitting search: which sizes it tries, and that the floor is always among them."""

from __future__ import annotations

import pytest

from kit.layout.textfit import ParaSpec, fit_all, fit_text, set_text

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
