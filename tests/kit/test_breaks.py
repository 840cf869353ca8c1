"""Chosen line breaks read as a reader reads them: a paragraph kit parts itself has fewer
faults than its wrap, counting each line of one word between lines of several as a fault
(a hole in a narrow column: the sample's stage description "terms and can / refuse, / at
some cost")."""

from __future__ import annotations

from kit.layout.breaks import phrased
from kit.layout.slidelayout import Box
from kit.layout.textfit import ParaSpec, Text, set_text
from kit.words.i18n import words
from kit.words.typography import short_words

SHORT = short_words(words("en")("short_words"))
DESCRIPTIONS = (
    "Sex for agreed payment; the worker sets terms and can refuse, at some cost",
    "No consent at all; the person is made to provide sex against their will",
    "Pressure to have sex to avoid harm, such as blackmail or threats",
)


def _lines(text: Text) -> list[list[str]]:
    return [line.text.split() for line in text.paragraphs[0].lines]


def _words(lines: list[list[str]]) -> list[str]:
    return [word for line in lines for word in line]


def _faults(lines: list[list[str]]) -> int:
    ends = sum(line[-1].lower() in SHORT for line in lines[:-1])
    alone = len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 1
    holes = sum(
        len(line) == 1 and len(before) > 1 and len(after) > 1
        for before, line, after in zip(lines, lines[1:], lines[2:])
    )
    return ends + alone + holes


def test_a_parted_paragraph_has_fewer_faults_than_its_wrap() -> None:
    changed = 0
    for description in DESCRIPTIONS:
        for width in range(80, 200, 2):
            text = set_text([ParaSpec(description, align="center")], float(width), 16.0)
            wrapped = _lines(text)
            box = phrased(Box(0.0, 0.0, float(width), 400.0, text=text), SHORT)
            assert box.text is not None
            lines = _lines(box.text)
            if lines != wrapped:
                changed += 1
                assert _faults(lines) < _faults(wrapped), (width, wrapped, lines)
            assert _words(lines) == _words(wrapped)  # the same words, in order
    assert changed  # the widths tried include partings kit chooses
