"""Chosen line breaks: a short paragraph's lines parted where a designer would part them.

A word wrap fills each line as far as it goes, so a title ends "… talks with / the
employer" or a stage name "exchange and / rape". Here the same words go over the same
number of lines at the same size, each line no wider than the wrap allows, parted so that
no line but the last ends on one of the language's short words ("and", "the", "de", "и";
``short_words`` in kit's catalogs), the last line is not one word alone and no line of
one word stands between lines of several, where such a parting exists; among the partings
equally good, the one closest to the wrap, then with the most even lines. A box is
narrowed to bring its lines there where a narrower box does; otherwise the lines are
parted by line breaks in the text.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

from kit.layout.fonts import metrics, per_fonts
from kit.layout.slidelayout import Box
from kit.layout.textfit import BALANCE, WRAP_SAFETY, Para, ParaSpec, Text, respec, set_text
from kit.layout.wrapping import SPACE
from kit.model import markup
from kit.model.markup import Run

Word = tuple[Run, ...]  # a word's runs
Words = tuple[Word, ...]  # a line's words
FEW = 4  # lines of a body paragraph parted by line breaks


def phrased(box: Box, short: frozenset[str], room: float | None = None) -> Box:
    """``box`` (text of one paragraph) with its lines parted where a designer would, by
    narrowing it (from the right, or both sides when centred) or by line breaks; its
    lines may grow to ``room`` wide (the box's width by default) where that parts them
    better, the box growing to the right."""
    text = box.text
    if text is None or len(text.paragraphs) != 1:
        return box
    width = (room or box.w) - 2 * box.inset
    lines = _chosen(text, 0, width, short)
    spec = _spec(text, 0)
    if lines is None:  # the wrap's lines, held where a viewer's wrap would move a word
        lines = _kept(text, 0)
        if lines is None or _holds(spec, box.w - 2 * box.inset, text, lines):
            return box
    shift = {"left": 0.0, "center": 0.5, "right": 1.0}[spec.align]
    narrow = width
    while narrow > width * BALANCE:  # a box whose wrap gives the chosen lines
        if _holds(spec, narrow, text, lines):
            break
        narrow -= width * 0.01
    else:  # none: the lines parted by line breaks, beside the bullet's indent
        spec = replace(spec, text="\n".join(lines))
        para = set_text([spec], width, text.base).paragraphs[0]
        narrow = min(max(line.width for line in para.lines) / WRAP_SAFETY + para.indent, width)
    grown = narrow + 2 * box.inset - box.w
    laid = set_text([spec], narrow, text.base, text.anchor)
    return replace(box, x=box.x - grown * shift, w=box.w + grown, text=laid)


def rebroken(
    text: Text, index: int, width: float, short: frozenset[str], kept: bool = False
) -> Text:
    """``text`` (set ``width`` wide) with paragraph ``index``'s lines parted by line breaks
    where a designer would part them (as it was when its wrap already does, or with
    ``kept`` where it does: a viewer with more room, as inside a stage's rounded corners,
    would wrap it otherwise)."""
    lines = _chosen(text, index, width, short) or (_kept(text, index) if kept else None)
    if lines is None:
        return text
    specs = [_spec(text, number) for number in range(len(text.paragraphs))]
    specs[index] = replace(specs[index], text="\n".join(lines))
    return set_text(specs, width, text.base, text.anchor, text.spacing)


def parted(text: Text, width: float, short: frozenset[str]) -> Text:
    """``text`` (set ``width`` wide) with each paragraph of a few lines parted by line
    breaks where a designer would part it, or as its wrap parts it where a viewer's wrap
    would move a word (body text: bullets and short paragraphs)."""
    for index, para in enumerate(text.paragraphs):
        if len(para.lines) <= FEW:  # a long paragraph's partings are many, its end not seen
            lines = _kept(text, index)
            moved = lines is not None and not _holds(_spec(text, index), width, text, lines)
            text = rebroken(text, index, width, short, kept=moved)
    return text


def faulty(text: Text, index: int, width: float, short: frozenset[str]) -> bool:
    """Whether paragraph ``index`` (set ``width`` wide) keeps a line ending on a short word,
    or a last word alone, however its lines are parted."""
    parting = _parting(text, index, width, short)
    return parting is not None and _faults(parting[0], short) > 0


def _chosen(text: Text, index: int, width: float, short: frozenset[str]) -> list[str] | None:
    """Paragraph ``index``'s words parted into as many lines, or None when its wrap's parting
    is as good as any (or it breaks lines itself: left to the wrap)."""
    parting = _parting(text, index, width, short)
    if parting is None:
        return None
    best, wrapped = parting
    if _faults(best, short) >= _faults(wrapped, short):
        return None
    cuts = set(itertools.accumulate(len(line) for line in best[:-1]))
    return _parted_runs(markup.parse(_spec(text, index).text), cuts)


def _parting(
    text: Text, index: int, width: float, short: frozenset[str]
) -> tuple[list[Words], list[Words]] | None:
    """Paragraph ``index``'s best parting into as many lines, and its wrap's; None when it
    has one line or breaks lines itself (or inside a word)."""
    return _para_parting(text.paragraphs[index], width, short)


@per_fonts  # a watch plans the deck again after each edit: most paragraphs are as they were
def _para_parting(
    para: Para, width: float, short: frozenset[str]
) -> tuple[list[Words], list[Words]] | None:
    """``para``'s best parting into as many lines, and its wrap's (see ``_parting``)."""
    if len(para.lines) < 2 or any(line.end != " " for line in para.lines[:-1]):
        return None
    wrapped = [_words(line.runs) for line in para.lines]
    words = tuple(word for line in wrapped for word in line)
    room = (width - para.indent) * WRAP_SAFETY
    space = metrics(False, False).width(" ", para.size)
    runs = [[metrics(r.bold, r.italic).width(r.text, para.size) for r in word] for word in words]

    @cache  # words[start:end]'s runs added in order, as one sum over them would
    def inked(start: int, end: int) -> float:
        total = inked(start, end - 1) if end - start > 1 else 0
        for run in runs[end - 1]:
            total += run
        return total

    def measure(start: int, end: int) -> float:
        return inked(start, end) + space * (end - start - 1)

    cuts = list(itertools.accumulate(len(line) for line in wrapped))

    def judged(ends: list[int]) -> tuple[int, int, float]:
        # faults first, then the fewest words moved from the wrap, then the most even
        moved = sum(map(abs, map(operator.sub, ends, cuts)))
        widest = max(map(measure, [0, *ends], ends))
        return _faults(_lines(words, ends), short), moved, widest

    best = min(_partings(len(words), len(wrapped), room, measure), key=judged, default=None)
    return None if best is None else (_lines(words, best), wrapped)


def _lines(words: Words, ends: list[int]) -> list[Words]:
    """``words`` parted into lines, each ending before the word its end counts."""
    return [words[start:end] for start, end in zip([0, *ends], ends)]


def _words(runs: tuple[Run, ...]) -> Words:
    """A line's words, each as its runs (a word may change style: "**Touch:**")."""
    words: list[list[Run]] = [[]]
    for run in runs:
        for number, part in enumerate(SPACE.split(run.text)):
            if number and words[-1]:
                words.append([])
            if part:
                words[-1].append(Run(part, run.bold, run.italic))
    return tuple(tuple(word) for word in words if word)


def _parted_runs(runs: tuple[Run, ...], cuts: set[int]) -> list[str]:
    """``runs`` parted into lines after each word counted in ``cuts``, each line's markup
    whole (its emphasis opened and closed on the line), each line's spaces as they were."""
    lines: list[list[Run]] = [[]]
    ended, inside = 0, False
    for run in runs:
        chars = []
        for char in run.text:
            if not SPACE.match(char):
                inside = True
                chars.append(char)
                continue
            ended += inside
            if ended not in cuts:
                chars.append(char)
            elif inside:  # the first space after a cut word: the break; any more go
                lines[-1].append(Run("".join(chars), run.bold, run.italic))
                lines.append([])
                chars = []
            inside = False
        lines[-1].append(Run("".join(chars), run.bold, run.italic))
    return [markup.unparse(tuple(line)) for line in lines]


def _partings(
    words: int, count: int, room: float, measure: Callable[[int, int], float], start: int = 0
) -> Iterator[list[int]]:
    """Every way to part words ``start`` to ``words`` in order into ``count`` lines each within
    ``room`` (``measure(start, end)`` wide), each as the words its lines end before."""
    if count == 1:
        if measure(start, words) <= room:
            yield [words]
        return
    for end in range(start + 1, words - count + 2):
        if measure(start, end) > room:
            return
        for rest in _partings(words, count - 1, room, measure, end):
            yield [end, *rest]


def _faults(lines: list[Words], short: frozenset[str]) -> int:
    """Lines but the last ending on a short word, a last line of one word alone, and each
    line of one word between lines of several (a hole in a column of text)."""
    ends = sum(_plain(line[-1]).lower() in short for line in lines[:-1])
    alone = len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 1
    holes = sum(
        len(line) == 1 and len(before) > 1 and len(after) > 1
        for before, line, after in zip(lines, lines[1:], lines[2:])
    )
    return ends + alone + holes


def _plain(word: Word) -> str:
    return "".join(run.text for run in word)


def _kept(text: Text, index: int) -> list[str] | None:
    """Paragraph ``index``'s lines as its wrap parts them, or None when it has one line or
    breaks lines itself (or inside a word)."""
    lines = text.paragraphs[index].lines
    if len(lines) < 2 or any(line.end != " " for line in lines[:-1]):
        return None
    return [markup.unparse(line.runs) for line in lines]


def _holds(spec: ParaSpec, width: float, text: Text, lines: list[str]) -> bool:
    """Whether a box ``width`` wide wraps ``spec`` into ``lines`` with 3 % less room than its
    edge (kit's own wrap) and with 3 % more (a viewer whose font runs narrower than kit's)."""
    plain = [markup.plain(line) for line in lines]
    return _wrapped(spec, width, text) == plain == _wrapped(spec, width / WRAP_SAFETY**2, text)


def _wrapped(spec: ParaSpec, width: float, text: Text) -> list[str]:
    return [line.text for line in set_text([spec], width, text.base).paragraphs[0].lines]


def _spec(text: Text, index: int) -> ParaSpec:
    """Paragraph ``index`` of ``text`` as it was asked for, to set again."""
    para = text.paragraphs[index]
    return replace(respec(para, text.base), joined=index > 0 and para.space_before == 0)
