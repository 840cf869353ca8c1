"""Setting paragraphs in a box as a reader sees them: sizes, indents and bullets, the space
between paragraphs, styles, and lines that stay inside the box with a safety margin."""

from __future__ import annotations

import pytest

from kit.layout.fonts import metrics
from kit.layout.textfit import LINE_SPACING, PARA_SPACING, Para, ParaSpec, set_text
from kit.model.markup import Run

WIDTH = 320.0
TEXT = (
    "Tenants may ask for repairs in writing, keep a copy of every letter they send, and "
    "write again after fourteen days when nothing has happened."
)


def widest(para: Para) -> float:
    """The widest line, measured again from the font, run by run."""
    return max(
        sum(metrics(r.bold, r.italic).width(r.text, para.size) for r in line.runs)
        for line in para.lines
    )


@pytest.mark.parametrize(("scale", "size"), [(1.0, 17.0), (0.5, 8.5), (1.25, 21.2)])
def test_a_paragraph_is_set_at_its_scale_rounded_to_a_tenth(scale: float, size: float) -> None:
    (para,) = set_text([ParaSpec(TEXT, scale=scale)], WIDTH, 17.0).paragraphs
    assert para.size == size
    assert widest(para) <= WIDTH * 0.97
    assert widest(para) > WIDTH * 0.8  # and the lines are full at that size


@pytest.mark.parametrize(("level", "bullet", "steps"), [(0, "", 0), (0, "•", 1), (2, "–", 3)])
def test_levels_and_bullets_indent_the_text(level: int, bullet: str, steps: int) -> None:
    """Each level and a bullet move the text one step (1.1 em) right; lines stay inside."""
    (para,) = set_text([ParaSpec(TEXT, level=level, bullet=bullet)], WIDTH, 16.0).paragraphs
    assert para.indent == pytest.approx(1.1 * 16.0 * steps)
    assert (para.bullet, para.level) == (bullet, level)
    assert para.hang == (1.1 * 16.0 if bullet else 0.0)
    assert WIDTH * 0.8 - para.indent < widest(para) <= (WIDTH - para.indent) * 0.97


def test_lines_stay_a_hair_short_of_the_edge() -> None:
    """Office suites kern and round a little differently: a line 98% of the box wraps."""
    text = "keep this line just short of the edge"
    width = metrics().width(text, 16.0)
    assert len(set_text([ParaSpec(text)], width / 0.98, 16.0).paragraphs[0].lines) == 2
    assert len(set_text([ParaSpec(text)], width / 0.97 + 0.01, 16.0).paragraphs[0].lines) == 1


def test_paragraphs_are_spaced_by_their_own_size_the_first_not_at_all() -> None:
    specs = [ParaSpec("One."), ParaSpec("Two."), ParaSpec("Three.", scale=0.5)]
    text = set_text(specs, WIDTH, 20.0)
    assert [p.space_before for p in text.paragraphs] == [0.0, PARA_SPACING * 20, PARA_SPACING * 10]
    assert text.height == pytest.approx((0.4 * 20 + 0.4 * 10) + LINE_SPACING * (20 + 20 + 10))


def test_a_paragraph_set_bold_or_italic_keeps_its_inline_emphasis() -> None:
    bold, italic = set_text(
        [ParaSpec("all *some* **more**", bold=True), ParaSpec("all *some* **more**", italic=True)],
        WIDTH,
        14.0,
    ).paragraphs
    assert bold.lines[0].runs == (
        Run("all ", bold=True),
        Run("some", bold=True, italic=True),
        Run(" more", bold=True),
    )
    assert italic.lines[0].runs == (
        Run("all some ", italic=True),
        Run("more", bold=True, italic=True),
    )


def test_colour_and_alignment_are_kept() -> None:
    (para,) = set_text([ParaSpec("Note.", color="C0504D", align="center")], WIDTH, 14.0).paragraphs
    assert (para.color, para.align) == ("C0504D", "center")
