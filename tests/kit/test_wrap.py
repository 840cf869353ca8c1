"""Word wrap as a reader sees it: every word kept whole and in its style, no line wider than
the box, each line as full as it can be, hard line breaks kept, nothing lost or added.

Widths are measured here from the font's advance widths, run by run, not taken from the
wrapper's own figures; boxes exactly as wide as a line test the edge itself.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from kit.layout import wrapping
from kit.layout.fonts import metrics
from kit.layout.wrapping import Line, wrap
from kit.model.markup import Run, parse

SIZE = 12.0
TEXTS = [
    "A tenant may ask for repairs in writing and keep a copy of every letter sent.",
    "Plain words, **bold words in a row**, *italic ones* and ***both at once*** here.",
    "A **half**bold word, an *ital*ic one and a **bold** *italic* pair; then **bold** then.",
    "Je dis « oui » et 10\u202f000 € : les espaces insécables tiennent les mots ensemble.",
]


def measure(runs: tuple[Run, ...] | list[Run]) -> float:
    return sum(metrics(r.bold, r.italic).width(r.text, SIZE) for r in runs)


def chars(runs: tuple[Run, ...] | list[Run]) -> list[Run]:
    """Each visible character with its style."""
    return [Run(c, r.bold, r.italic) for r in runs for c in r.text if not c.isspace()]


def first_word(line: Line) -> list[Run]:
    word: list[Run] = []
    for run in line.runs:
        head = run.text.split(" ")[0]
        word.append(Run(head, run.bold, run.italic))
        if head != run.text:
            break
    return word


def _spaced(text: str) -> str:
    """Plain text with runs of spaces as one, none before a line break: what wrapping keeps."""
    return re.sub(" +", " ", "".join(r.text for r in parse(text))).replace(" \n", "\n")


def check(text: str, width: float) -> tuple[Line, ...]:
    """Wrap ``text`` and check every promise a reader relies on; return the lines."""
    runs = parse(text)
    lines = wrap(runs, width, SIZE)
    assert _spaced("".join(line.text + line.end for line in lines)) == _spaced(text)
    assert chars([r for line in lines for r in line.runs]) == chars(runs)
    space = min(metrics(b, i).width(" ", SIZE) for b in (False, True) for i in (False, True))
    for line, after in pairwise(lines):
        assert line.width == pytest.approx(measure(line.runs))
        assert line.width <= width, line.text
        assert not after.text.startswith(" ") and not line.text.endswith(" "), line.text
        if line.end == " ":  # the next word did not fit after this line
            assert line.width + space + measure(first_word(after)) > width, line.text
    assert lines[-1].width <= width
    return lines


@pytest.mark.parametrize("text", TEXTS)
def test_every_width_keeps_words_whole_and_lines_full(text: str) -> None:
    widest = max(measure(w) for w in _styled_words(text))
    for width in range(int(widest) + 1, int(measure(parse(text))) + 20, 3):
        lines = check(text, float(width))
        assert all(line.end == " " for line in lines[:-1]), width  # no word broken
        assert lines[-1].end == ""


def _styled_words(text: str) -> list[list[Run]]:
    words: list[list[Run]] = [[]]
    for run in parse(text):
        for index, part in enumerate(run.text.split(" ")):
            if index:
                words.append([])
            words[-1].append(Run(part, run.bold, run.italic))
    return words


def test_a_line_exactly_as_wide_as_the_box_stays_one_line() -> None:
    for text in ["keep this together", "**keep this** together"]:
        width = measure(parse(text))
        assert [line.text for line in check(text, width)] == [text.replace("*", "")]
        assert len(check(text, width - 0.01)) == 2
        # the second line of a box starts empty as the first did
        assert [line.text for line in check(f"{text}\n{text}", width)] == [
            text.replace("*", "")
        ] * 2


def test_a_word_exactly_as_wide_as_the_box_is_not_broken() -> None:
    width = measure([Run("Gewährleistung")])
    lines = check("Gewährleistung frist", width)
    assert [(line.text, line.end) for line in lines] == [("Gewährleistung", " "), ("frist", "")]


@pytest.mark.parametrize("text", ["alpha beta gamma", "Жилищный кодекс Российской Федерации"])
def test_each_style_is_measured_in_its_own_face(text: str) -> None:
    """Bold and italic faces are wider (italic in Cyrillic): text that fits a box in one
    face wraps in a wider one."""
    widths = {mark: measure(parse(f"{mark}{text}{mark}")) for mark in ["", "*", "**", "***"]}
    for mark, width in widths.items():
        assert len(check(f"{mark}{text}{mark}", width)) == 1
        for narrower in (w for w in widths.values() if w < width):
            assert len(check(f"{mark}{text}{mark}", narrower)) == 2, (mark, text)


def test_styles_are_kept_run_by_run() -> None:
    (line,) = check("plain **bold words** *ital* ***both*** end", 1000.0)
    assert line.runs == (
        Run("plain "),
        Run("bold words", bold=True),
        Run(" "),
        Run("ital", italic=True),
        Run(" "),
        Run("both", bold=True, italic=True),
        Run(" end"),
    )


def test_a_styled_word_ending_a_line_keeps_the_space_after_it() -> None:
    width = measure(parse("one **two**"))
    lines = check("one **two** three", width)
    assert [(line.text, line.end) for line in lines] == [("one two", " "), ("three", "")]
    assert lines[0].runs == (Run("one "), Run("two", bold=True))


def test_spaces_before_a_word_that_moves_down_are_dropped() -> None:
    """Extra spaces typed before a styled word never start the next line."""
    width = measure([Run("aaa ")]) - 0.1  # the first word fits, its space does not
    lines = check("aaa *  bbb*", width)
    assert [line.text for line in lines] == ["aaa", "bbb"]


def test_hard_line_breaks_are_kept() -> None:
    text = "Ms Ada Lovelace\n12 **Analytical** Row\n\nLondon"
    lines = check(text, 1000.0)
    assert [(line.text, line.end) for line in lines] == [
        ("Ms Ada Lovelace", "\n"),
        ("12 Analytical Row", "\n"),
        ("", "\n"),
        ("London", ""),
    ]
    assert lines[1].runs[1] == Run("Analytical", bold=True)
    assert [line.text for line in check("first\n*second*", 1000.0)] == ["first", "second"]


def test_a_word_wider_than_the_box_is_broken_into_full_pieces() -> None:
    word = "Rechtsschutzversicherungsgesellschaften"
    width = measure([Run(word)]) / 3.3
    *pieces, last = check(f"{word} danach", width)
    assert "".join(line.text for line in pieces) == word
    assert [line.end for line in pieces] == [""] * (len(pieces) - 1) + [" "]
    assert last.text == "danach"
    for piece, after in pairwise(pieces):
        assert piece.width + measure([Run(after.text[0])]) > width


@pytest.mark.parametrize("mark", ["", "*", "**", "***"])
def test_a_broken_word_is_measured_letter_by_letter_in_its_own_face(mark: str) -> None:
    """Italic Cyrillic is wider than upright: each piece of a broken word still fits."""
    word = "Достопримечательности" * 3
    for width in range(60, 130, 3):
        lines = check(f"{mark}{word}{mark}", float(width))
        assert "".join(line.text for line in lines) == word


def test_a_broken_word_keeps_its_styles() -> None:
    width = measure([Run("Rechtsschutz")])
    lines = check("Rechtsschutz**versicherungs***gesellschaften*", width)
    assert len(lines) >= 3
    assert {r.bold for line in lines for r in line.runs if "v" in r.text} == {True}


def test_a_box_exactly_as_wide_as_a_piece_takes_the_whole_piece() -> None:
    piece = "Rechtsschutz"
    width = measure([Run(piece)])
    lines = check(piece * 3 + " end", width)
    assert [line.text for line in lines] == [piece] * 3 + ["end"]


@pytest.mark.parametrize("fill", [0.3, 0.6, 0.95])
def test_after_a_broken_word_the_next_line_starts_with_the_next_word(fill: float) -> None:
    """However full the broken word's last piece leaves its line, the space after the word
    never starts a line nor makes one of its own."""
    width = measure([Run("abcdefgh")]) + fill * measure([Run(" ")])
    assert [line.text for line in check("abcdefghabcdefgh next", width)] == [
        "abcdefgh",
        "abcdefgh",
        "next",
    ]
    assert [line.text for line in check("abcdefghabcdefgh \nnext", width)][-2:] == [
        "abcdefgh",
        "next",
    ]


def test_a_paragraph_fitted_at_size_after_size_is_split_and_measured_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fitting wraps one paragraph at many sizes and widths: its words are found and
    measured once (``wrapping._measured``), each size only scales them."""
    split: list[tuple[Run, ...]] = []
    words = wrapping._words

    def counting(runs: tuple[Run, ...]) -> list[list[Run]]:
        split.append(runs)
        return words(runs)

    monkeypatch.setattr(wrapping, "_words", counting)
    runs = parse("A tenants' union **meets on Thursdays**, fitted at size after size.")
    for size in (28.0, 27.0, 26.0, 25.5):
        for width in (300.0, 200.0):
            assert sum(measure(line.runs) for line in wrap(runs, width, size)) > 0
    assert split == [runs]
