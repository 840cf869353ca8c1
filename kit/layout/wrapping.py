"""Styled text wrapped into lines with real font metrics, greedily, as Office suites wrap it.

Each wrapping is remembered for the fonts it was measured with (``fonts.per_fonts``): the
deck is planned twice, and fitting sets the same paragraph at the same sizes again. A
paragraph's words are found and measured in font units once, whatever sizes and widths it
is wrapped at; each size scales them exactly as ``FaceMetrics.width`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from kit.layout.fonts import metrics, per_fonts
from kit.model.markup import Run


@dataclass(frozen=True)
class Line:
    """One wrapped line; ``end`` is what separated it from the next: " ", "\n" or ""."""

    runs: tuple[Run, ...]
    width: float
    end: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


# A piece is a word and the spaces after it; no-break spaces (French "« oui »") join words.
_BREAKABLE = r"[^\S\u00a0\u202f\u2007]"
_PIECE = re.compile(rf"(?:(?!{_BREAKABLE}).)+{_BREAKABLE}*|{_BREAKABLE}+")
SPACE = re.compile(_BREAKABLE)


def _width(run: Run, size: float) -> float:
    return metrics(run.bold, run.italic).width(run.text, size)


@per_fonts
def wrap(runs: tuple[Run, ...], width: float, size: float) -> tuple[Line, ...]:
    """Greedy word wrap of styled runs; hard newlines break, over-long words are split."""
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0

    def flush(hard: bool = False) -> None:
        nonlocal current, used
        spaced = False
        while current and not current[-1].text.strip():
            current.pop()
            spaced = True
        if current:
            last = current[-1]
            spaced = spaced or last.text != last.text.rstrip()
            current[-1] = Run(last.text.rstrip(), last.bold, last.italic)
        end = "\n" if hard else (" " if spaced else "")
        lines.append(Line(tuple(current), sum(_width(r, size) for r in current), end))
        current, used = [], 0.0

    for word in _measured(runs):
        # each piece's width as FaceMetrics.width gives it: the same sums, the same lines
        visible = sum(units * size / em for units, em in word.visible)
        if word.hard:
            flush(hard=True)
            continue
        if current and used + visible > width:
            flush()
            if word.blank:
                continue
        if not current and visible > width:
            for piece in _split_word(list(word.pieces), width, size):
                if current:
                    flush()
                for part in piece:
                    used = _add(current, part, used, _width(part, size))
            continue
        for part, (units, em) in zip(word.pieces, word.full):
            used = _add(current, part, used, units * size / em)
    flush()
    return tuple(lines)


def _add(current: list[Run], piece: Run, used: float, width: float) -> float:
    """``piece`` added to the line (joined to its last run if styled alike); the line's
    width so far."""
    if current and (current[-1].bold, current[-1].italic) == (piece.bold, piece.italic):
        current[-1] = Run(current[-1].text + piece.text, piece.bold, piece.italic)
    else:
        current.append(piece)
    return used + width


class _Word(NamedTuple):  # a tuple: made for every word of every paragraph wrapped
    """A word with its trailing space, as runs, and each run's advance in font units with
    its face's units per em: in full, and without the trailing space."""

    pieces: tuple[Run, ...]
    full: tuple[tuple[int, int], ...]
    visible: tuple[tuple[int, int], ...]
    hard: bool  # a line break
    blank: bool  # spaces only


@per_fonts  # a paragraph is wrapped at size after size and width after width while fitting
def _measured(runs: tuple[Run, ...]) -> tuple[_Word, ...]:
    measured = []
    for pieces in _words(runs):
        faces = [metrics(piece.bold, piece.italic) for piece in pieces]
        measured.append(
            _Word(
                tuple(pieces),
                tuple((f.units(p.text), f.units_per_em) for f, p in zip(faces, pieces)),
                tuple((f.units(p.text.rstrip()), f.units_per_em) for f, p in zip(faces, pieces)),
                pieces[0].text == "\n",
                not pieces[0].text.strip(),
            )
        )
    return tuple(measured)


def _words(runs: tuple[Run, ...]) -> list[list[Run]]:
    """Words with their trailing space, as lists of runs (a word may change style)."""
    words: list[list[Run]] = []
    joined = False  # the previous piece ended without a space: this one continues its word
    for run in runs:
        for line_index, line in enumerate(run.text.split("\n")):
            if line_index:
                words.append([Run("\n", run.bold, run.italic)])
                joined = False
            for match in _PIECE.finditer(line):
                piece = Run(match.group(), run.bold, run.italic)
                if joined and words and match.start() == 0:
                    words[-1].append(piece)
                else:
                    words.append([piece])
                joined = not match.group()[-1].isspace()
    return words


def _split_word(words: list[Run], width: float, size: float) -> list[list[Run]]:
    """Break a word wider than the line into line-sized pieces, character by character.

    The spaces after the word stay with its last piece, as they do with any word: they
    never start a line of their own.
    """
    pieces: list[list[Run]] = [[]]
    used = 0.0
    for run in words:
        for char in run.text:
            char_width = metrics(run.bold, run.italic).width(char, size)
            if used + char_width > width and pieces[-1] and not SPACE.match(char):
                pieces.append([])
                used = 0.0
            pieces[-1].append(Run(char, run.bold, run.italic))
            used += char_width
    return pieces
