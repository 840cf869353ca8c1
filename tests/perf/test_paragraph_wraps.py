"""A paragraph's lines are broken once per width (kit.pdf.tagging.TaggedParagraph.wrap).

reportlab wraps a paragraph again at the same width as a frame places it, as a kept group
measures it and as a page splits it: 6 wraps in 10 of the sample's handouts were repeats.
"""

from __future__ import annotations

import pytest
from reportlab.platypus.paragraph import Paragraph

from kit.model import Theme
from kit.pdf import para, styles

S = styles(Theme())
TEXT = "Harm reduction meets people where they are, " * 6


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Paragraph, float]]:
    """Each paragraph whose lines reportlab breaks, and at what width."""
    widths: list[tuple[Paragraph, float]] = []
    break_lines = Paragraph.breakLines

    def counted(self: Paragraph, width: list[float]) -> object:
        widths.append((self, width[-1]))
        return break_lines(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return widths


def test_a_paragraph_wrapped_again_at_its_width_is_not_broken_again(
    broken: list[tuple[Paragraph, float]],
) -> None:
    paragraph = para(TEXT, S.body)
    first = paragraph.wrap(200, 1000)
    assert paragraph.wrap(200, 500) == first
    assert broken == [(paragraph, 200)]


def test_another_width_or_style_is_broken_anew_as_reportlab_breaks_it(
    broken: list[tuple[Paragraph, float]],
) -> None:
    paragraph = para(TEXT, S.body)
    paragraph.wrap(200, 1000)
    narrow = paragraph.wrap(120, 1000)
    assert narrow == Paragraph(paragraph.text, S.body).wrap(120, 1000)
    assert paragraph.wrap(200, 1000) == Paragraph(paragraph.text, S.body).wrap(200, 1000)
    paragraph.style = S.h2
    paragraph.wrap(200, 1000)
    assert [width for broke, width in broken if broke is paragraph] == [200, 120, 200, 200]
