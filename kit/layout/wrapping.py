"""Styled text wrapped into lines with real font metrics, greedily, as Office suites wrap it.

Each wrapping is remembered for the fonts it was measured with (``fonts.per_fonts``): the
deck is planned twice, and fitting sets the same paragraph at the same sizes again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

    def add(piece: Run) -> None:
        nonlocal used
        if current and (current[-1].bold, current[-1].italic) == (piece.bold, piece.italic):
            current[-1] = Run(current[-1].text + piece.text, piece.bold, piece.italic)
        else:
            current.append(piece)
        used += _width(piece, size)

    for words in _words(runs):
        visible = sum(metrics(p.bold, p.italic).width(p.text.rstrip(), size) for p in words)
        if words[0].text == "\n":
            flush(hard=True)
            continue
        if current and used + visible > width:
            flush()
            if not words[0].text.strip():
                continue
        if not current and visible > width:
            for piece in _split_word(words, width, size):
                if current:
                    flush()
                for part in piece:
                    add(part)
            continue
        for part in words:
            add(part)
    flush()
    return tuple(lines)


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
