"""Inline emphasis: parsing, escaping for reportlab, and the round trip through wrapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kit.model.markup import Run, parse, plain, to_reportlab, unparse


def test_bold_italic_and_literal_stars() -> None:
    assert parse("a **b** *c* 2\\*3") == (
        Run("a "),
        Run("b", bold=True),
        Run(" "),
        Run("c", italic=True),
        Run(" 2*3"),
    )
    assert parse("2*3 = 6") == (Run("2*3 = 6"),)  # an unmatched star is text
    assert plain("***both*** done") == "both done"


def test_reportlab_markup_escapes_everything_but_emphasis() -> None:
    assert to_reportlab('<img src="/etc/passwd"/> & **</para>**') == (
        '&lt;img src="/etc/passwd"/&gt; &amp; <b>&lt;/para&gt;</b>'
    )


@given(st.lists(st.tuples(st.text(min_size=1), st.booleans(), st.booleans()), max_size=6))
def test_unparse_then_parse_gives_the_same_text_and_styles(pieces: list) -> None:
    runs = tuple(Run(text, bold, italic) for text, bold, italic in pieces)
    again = parse(unparse(runs))
    styled = [(c, r.bold, r.italic) for r in runs for c in r.text]
    assert [(c, r.bold, r.italic) for r in again for c in r.text] == styled
