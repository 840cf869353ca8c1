"""The shared drawing primitives in ``kit.pdf.draw``, used as the handouts renderer would."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from kit.model import ContinuumBlock, Theme
from kit.pdf import build_pdf, meta_for, styles
from kit.pdf.cards import CardGrid
from kit.pdf.continuum import ContinuumDrawing
from kit.pdf.draw import RuledLines, print_theme

from ..conftest import pdf_text
from ..readers import word_pages
from .conftest import continuum, workshop_with


def _continuum(stages: int) -> ContinuumBlock:
    return ContinuumBlock.model_validate({"kind": "continuum", **continuum(stages)["continuum"]})


@pytest.mark.parametrize("stages", [3, 6, 9])
def test_continuum_drawing_measures_itself_and_draws_in_a_story(tmp_path: Path, stages) -> None:
    block = _continuum(stages)
    theme = Theme()
    drawing = ContinuumDrawing(block, theme, 400)
    width, height = drawing.wrap(300, 800)  # less room than asked for: it shrinks to fit
    assert width == 300
    assert 40 < height < 200
    workshop = workshop_with({"continuum": continuum(stages)["continuum"]})
    path = tmp_path / "drawing.pdf"
    story = [Paragraph("Before", styles(theme).body), drawing]
    build_pdf(path, story, paper="a4", meta=meta_for(workshop, "Test"), footer="f", theme=theme)
    text = " ".join(pdf_text(path).split())
    assert "← Left pole" in text and "Right pole →" in text
    assert all(f"Stage name {n}" in text for n in range(1, stages + 1))


def test_ruled_lines_split_at_a_page_break() -> None:
    lines = RuledLines(6, spacing=10)
    assert lines.wrap(200, 1000) == (200, 60)
    first, rest = lines.split(200, 35)
    assert (first.count, rest.count) == (3, 3)
    assert lines.split(200, 15) == []  # one line alone is not worth a break


def test_card_grid_mirrors_columns_and_keeps_rows() -> None:
    grid = CardGrid(columns=3, rows=2, card_width=100, card_height=50)
    assert grid.origin(0) == (0, 50)
    assert grid.origin(0, mirrored=True) == (200, 50)
    assert grid.origin(4, mirrored=True) == (100, 0)
    assert grid.origin(5, mirrored=True) == (0, 0)


def test_print_theme_darkens_colours_too_pale_for_paper() -> None:
    pale = Theme.model_validate(
        {
            "colours": {
                "text": "#FFFFFF",
                "primary": "#FFD700",
                "muted": "#DDDDDD",
                "background": "#101010",
            }
        }
    )
    printed = print_theme(pale).colours
    assert (printed.text, printed.primary, printed.muted, printed.background) == (
        "#000000",
        "#000000",
        "#505050",
        "#FFFFFF",
    )
    assert print_theme(Theme()).colours.primary == Theme().colours.primary


def test_continuum_drawing_text_size_scales_labels_and_markers() -> None:
    block = _continuum(4)
    small = ContinuumDrawing(block, Theme(), 400).wrap(400, 800)[1]
    large = ContinuumDrawing(block, Theme(), 400, names=False, text_size=16).wrap(400, 800)[1]
    bare = ContinuumDrawing(block, Theme(), 400, names=False, axis=False, marker=26)
    assert large > small
    assert bare.wrap(400, 800) == (400, 26)


@pytest.mark.parametrize("stages", [4, 9])
def test_stage_names_never_break_inside_a_word(tmp_path: Path, stages: int) -> None:
    """Long one-word names (first-aid's 'Unresponsive' broke as 'Unresponsiv' / 'e'): on the
    printed page every word of every name is whole, inside the drawing and clear of the
    others; nine long names go on two tiers."""
    block = ContinuumBlock.model_validate(
        {
            "kind": "continuum",
            **continuum(stages)["continuum"],
            "stages": [
                {"name": f"Unresponsiveness{n} check", "description": "d"}
                for n in range(1, stages + 1)
            ],
        }
    )
    theme = Theme()
    path = tmp_path / "stages.pdf"
    width = 480.0
    build_pdf(
        path,
        [ContinuumDrawing(block, theme, width)],
        paper="a4",
        meta=meta_for(workshop_with(), "Test"),
        footer="f",
        theme=theme,
    )
    (page,) = word_pages(path)
    names = [w for w in page.words if w.text.startswith("Unresponsiveness")]
    assert sorted(w.text for w in names) == sorted(
        f"Unresponsiveness{n}" for n in range(1, stages + 1)
    )
    left = min(w.box.x0 for w in page.words)
    assert all(left - 0.5 <= w.box.x0 and w.box.x1 <= left + width + 0.5 for w in names)
    boxes = [w.box for w in names]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    tiers = {round(w.box.y0) for w in names}
    assert len(tiers) == (2 if stages == 9 else 1)
