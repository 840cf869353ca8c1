"""Text too long for one box, continued over as few boxes as it needs (issue #15).

A bullet and its sub-bullets move to the next box as one; a group taller than a box splits
between its sub-bullets and the bullet is repeated above the rest, so no box opens on a
sub-bullet cut off from what it belongs to. The boxes are filled evenly, and no box holds
one paragraph alone where a split of as many boxes exists without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from kit.layout.textfit import PARA_SPACING, Anchor, ParaSpec, Text, fit_text, set_text
from kit.layout.wrapping import Line
from kit.model import markup

# A sentence's end: its stop (and a closing quote or bracket), then a space.
_SENTENCE = re.compile(r"[.!?…][”’\"'»)\]]*\s+")
STEP = 1.0  # points: how much lower each box is tried, to share the paragraphs evenly
ROUNDING = 1e-9  # points: heights summed here in another order than set_text sums them
# A continuation of this many lines or fewer is a remainder: the paragraphs' spacing is
# tightened, down to a third less, to keep them on one slide at the deck's size. Even a
# third less (0.27 em) leaves the gap between paragraphs over twice the 0.2 em between
# a paragraph's own lines, so the bullets still read apart.
REMAINDER = 2
TIGHTEST = PARA_SPACING * 2 / 3
TIGHTER = PARA_SPACING / 12  # each step tighter, the least that fits taken


def paginate(
    specs: list[ParaSpec],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    anchor: Anchor = "top",
    again: str = "",
    first: float | None = None,
) -> list[Text]:
    """Fit ``specs`` into as few boxes as needed, never below ``min_size``.

    A paragraph that does not fit a whole box by itself is split between lines; the
    continuation keeps the paragraph's level and its text's indent but loses its bullet. A
    paragraph kept with the next (a resource's name before its address) moves to the next
    box with it, as a bullet does with its sub-bullets, and where the two must part it gives
    the next its last line(s), all of it if it is one line; a bullet repeated above the rest
    of its sub-bullets is followed by ``again`` ("(cont.)"). ``first`` is the first box's height
    when it is lower than the others (under something on the first slide only): it is left
    empty when it cannot keep a line of what is kept together. Where the last box would
    hold a remainder of ``REMAINDER`` lines or fewer, the paragraphs are spaced tighter
    (``TIGHTEST`` at most) to fit the first box instead, their size as it was.
    """
    boxes = (height if first is None else first, height)
    whole = fit_text(specs, width, boxes[0], max_size, min_size, anchor)
    if whole is not None:
        return [whole]
    pages = _even(_Pieces(specs, width, boxes[0], min_size, again), boxes)
    texts = []
    for index, page in enumerate(pages):
        tall = boxes[index > 0]
        fitted = fit_text(page, width, tall, max_size, min_size, anchor)
        texts.append(fitted if fitted is not None else set_text(page, width, min_size, anchor))
    if len(texts) == 2 and sum(len(para.lines) for para in texts[1].paragraphs) <= REMAINDER:
        spacing = PARA_SPACING - TIGHTER
        while spacing >= TIGHTEST - ROUNDING:
            tight = fit_text(specs, width, boxes[0], max_size, min_size, anchor, spacing)
            if tight is not None:
                return [tight]
            spacing -= TIGHTER
    return texts


def _even(pieces: _Pieces, boxes: tuple[float, float]) -> list[list[ParaSpec]]:
    """The fewest boxes (the first of ``boxes[0]``, the others ``boxes[1]`` high), filled
    as evenly as they can be: first among the splits with no box of one paragraph, if any
    has none."""
    first, later = (height + ROUNDING for height in boxes)
    fewest = pieces.filled(first, later)
    if all(pieces.height(group.members) <= later for group in pieces.groups):
        shared = pieces.shared(first, later, len(fewest))
        if shared is not None:
            return shared
    best, lower = fewest, STEP  # a group split over boxes: lower boxes, filled
    while lower < first:
        pages = pieces.filled(first - lower, later - lower)
        if len(pages) > len(fewest) or _parted(pages) > _parted(fewest):
            break
        if _lone(best) or not _lone(pages):
            best = pages
        lower += STEP
    return best


def _rank(split: tuple[int, float, tuple[int, ...]]) -> tuple:
    lone, fullest, starts = split
    return lone, fullest, tuple(-start for start in starts)


def _parted(pages: list[list[ParaSpec]]) -> int:
    """How many boxes are empty or part a paragraph from the next it is kept with."""
    return sum(not page or page[-1].keep_with_next for page in pages[:-1])


def _lone(pages: list[list[ParaSpec]]) -> bool:
    """Whether a box holds one paragraph alone beside others holding more."""
    return len(pages) > 1 and any(len(page) == 1 for page in pages)


class _Item(NamedTuple):
    """A paragraph (an index into the pieces, or a piece made here) in a box."""

    item: int | ParaSpec
    body: float
    space: float  # before it, where it is not the first in its box


def _used(page: list[_Item]) -> float:
    """How high ``page``'s paragraphs stand, summed in the order they were put."""
    used = 0.0
    for index, item in enumerate(page):
        used += item.body + (item.space if index else 0.0)
    return used


@dataclass(frozen=True)
class _Group:
    """Pieces kept in one box when they fit: a bullet, its sub-bullets, what it is kept with."""

    members: tuple[int, ...]
    repeat: bool  # a bullet heading sub-bullets: repeated when the group splits


class _Pieces:
    """The paragraphs at the floor, tall ones split between lines, with their heights."""

    def __init__(
        self, specs: list[ParaSpec], width: float, height: float, size: float, again: str
    ) -> None:
        self.specs = _split_tall(specs, width, height, size, again)
        self.width, self.size = width, size
        laid = set_text(self.specs, width, size).paragraphs
        self.body = [para.height - para.space_before for para in laid]
        self.space = [para.space_before for para in laid]
        self.groups = _groups(self.specs)
        self.again = {
            group.members[0]: _repeated(self.specs[group.members[0]], again, width, size)
            for group in self.groups
            if group.repeat
        }

    def filled(self, first: float, later: float) -> list[list[ParaSpec]]:
        """Each box filled up to its height (``first``, then ``later``) before the next is
        started, a group whole in one box when it fits one, else split between its members,
        a paragraph kept with the next giving it its last line(s) where they part."""
        pages: list[list[_Item]] = [[]]

        def limit() -> float:
            return first if len(pages) == 1 else later

        def over(tall: float) -> bool:
            return _used(pages[-1]) + tall > limit()

        def put(item: int | ParaSpec, tall: float, space: float, new: bool = False) -> None:
            if new:
                carried = self._carried(pages[-1], item, limit(), later)
                pages.append(carried)
            pages[-1].append(_Item(item, tall, space))

        for group in self.groups:
            head, *rest = group.members
            tall = self.height(group.members)
            new = bool(pages[-1]) and over(self.space[head] + tall)
            if tall <= later or not group.repeat:
                for index in group.members:
                    space, body = self.space[index], self.body[index]
                    put(index, body, space, new or (bool(pages[-1]) and over(space + body)))
                    new = False
                continue
            put(head, self.body[head], self.space[head], new)
            spec, tall_again = self.again[head]
            for index in rest:
                if over(self.space[index] + self.body[index]):
                    put(spec, tall_again, 0.0, new=True)
                put(index, self.body[index], self.space[index])
        return [[self.specs[i] if isinstance(i, int) else i for i, _, _ in page] for page in pages]

    def _carried(
        self, page: list[_Item], item: int | ParaSpec, room: float, later: float
    ) -> list[_Item]:
        """What leaves the full ``page`` for the next box with ``item``: the last line(s)
        of the paragraph before it, when that is kept with it and the two fit a box; all of
        it when it is one line or none fits here (``room`` high)."""
        if not page or not isinstance(item, int) or item == 0 or page[-1].item != item - 1:
            return []
        spec = self.specs[item - 1]
        if not spec.keep_with_next:
            return []
        laid = set_text([spec], self.width, self.size).paragraphs[0]
        last = page.pop()
        stays = int((room - _used(page) - (last.space if page else 0.0)) // laid.line_height)
        stays = min(max(stays, 0), len(laid.lines) - 1)
        tail = laid.lines[stays:]
        if len(tail) * laid.line_height + self.space[item] + self.body[item] > later:
            page.append(last)  # kept or not, the two would not fit one box
            return []
        if stays == 0:
            return [last]
        lines = laid.line_height
        page.append(_Item(_piece(spec, laid.lines[:stays], True, False), stays * lines, last.space))
        return [_Item(_piece(spec, tail, False, True), len(tail) * lines, 0.0)]

    def shared(self, first: float, later: float, count: int) -> list[list[ParaSpec]] | None:
        """The groups, none split, over ``count`` boxes (the first ``first`` high, the others
        ``later``): the fewest boxes of one paragraph among others, then the least room
        left in the fullest box; None when they do not fit so."""
        groups = [group.members for group in self.groups]
        # best[j][i]: (lone boxes, fullest box, where each box starts) for i groups in j boxes
        best: list[dict[int, tuple[int, float, tuple[int, ...]]]] = [{0: (0, 0.0, ())}]
        for box in range(count):
            limit = first if box == 0 else later
            step: dict[int, tuple[int, float, tuple[int, ...]]] = {}
            for start, (lone, fullest, starts) in best[-1].items():
                for end in range(start + 1, len(groups) + 1):
                    members = tuple(i for group in groups[start:end] for i in group)
                    tall = self.height(members)
                    if tall > limit:
                        break
                    alone = count > 1 and len(members) == 1
                    seen = (lone + alone, max(fullest, tall / limit), (*starts, start))
                    # on a tie, the earlier boxes fuller, as a reader fills them
                    if end not in step or _rank(seen) < _rank(step[end]):
                        step[end] = seen
            best.append(step)
        if len(groups) not in best[-1]:
            return None
        starts = (*best[-1][len(groups)][2], len(groups))
        return [
            [self.specs[i] for group in groups[a:b] for i in group] for a, b in pairwise(starts)
        ]

    def height(self, members: tuple[int, ...]) -> float:
        """The height of ``members`` in one box, the first at its top."""
        return sum(self.body[i] for i in members) + sum(self.space[i] for i in members[1:])


def _repeated(spec: ParaSpec, again: str, width: float, size: float) -> tuple[ParaSpec, float]:
    """The bullet ``spec`` as repeated above the rest of its sub-bullets, and its height."""
    shown = replace(spec, text=f"{spec.text} {again}" if again else spec.text, keep_with_next=True)
    return shown, set_text([shown], width, size).height


def _groups(specs: list[ParaSpec]) -> list[_Group]:
    """``specs`` by group: a paragraph with those indented under it, and with the next
    when it is kept with it."""
    groups: list[list[int]] = []
    for index, spec in enumerate(specs):
        head = specs[groups[-1][0]] if groups else None
        kept = index > 0 and specs[index - 1].keep_with_next
        if head is not None and (kept or spec.level > head.level):
            groups[-1].append(index)
        else:
            groups.append([index])
    return [
        _Group(tuple(group), len(group) > 1 and specs[group[1]].level > specs[group[0]].level)
        for group in groups
    ]


def _split_tall(
    specs: list[ParaSpec], width: float, height: float, size: float, again: str
) -> list[ParaSpec]:
    """``specs`` with each paragraph taller than a box split between lines: a sub-bullet
    into pieces that fit under its bullet, repeated."""
    out: list[ParaSpec] = []
    head: ParaSpec | None = None
    for spec in specs:
        head = head if head is not None and spec.level > head.level else spec
        laid = set_text([spec], width, size).paragraphs[0]
        room = height
        if head is not spec:
            shown, tall = _repeated(head, again, width, size)
            room = height - tall - set_text([shown, spec], width, size).paragraphs[1].space_before
        per_box = max(1, int((room if room >= laid.line_height else height) // laid.line_height))
        if len(laid.lines) <= per_box:
            out.append(spec)
            continue
        parts = _sentences(spec, len(laid.lines), per_box, width, size)
        for start in range(0, len(laid.lines), per_box) if parts is None else ():
            chunk = laid.lines[start : start + per_box]
            out.append(_piece(spec, chunk, start == 0, start + per_box >= len(laid.lines)))
        out.extend(parts or ())
    return out


def _sentences(
    spec: ParaSpec, lines: int, per_box: int, width: float, size: float
) -> list[ParaSpec] | None:
    """``spec`` (``lines`` long) parted between sentences into as few pieces as its lines
    need boxes of ``per_box`` lines, the pieces as even as the sentences let them be: a
    reader stops at a sentence's end; None when no such parting exists."""
    runs = markup.parse(spec.text)
    text = "".join(run.text for run in runs)
    starts = [m.end() for m in _SENTENCE.finditer(text) if not text[m.end() :][:1].islower()]
    count = -(-lines // per_box)

    def piece(start: int, end: int) -> ParaSpec:
        return replace(spec, text=_slice(runs, start, start + len(text[start:end].rstrip())))

    @cache  # the packing below asks again for the same pieces
    def tall(start: int, end: int) -> int:
        return len(set_text([piece(start, end)], width, size).paragraphs[0].lines)

    for most in range(-(-lines // count), per_box + 1):
        pieces = [0]  # where each piece starts: sentences packed up to ``most`` lines
        for start, end in pairwise([*starts, len(text)]):
            if tall(pieces[-1], end) > most:
                pieces.append(start)
        bounds = list(pairwise([*pieces, len(text)]))
        if len(bounds) <= count and all(tall(a, b) <= most for a, b in bounds):
            return [
                replace(
                    piece(a, b),
                    bullet=spec.bullet if a == 0 else "",
                    continued=spec.continued or (a > 0 and bool(spec.bullet)),
                    keep_with_next=spec.keep_with_next and b == len(text),
                )
                for a, b in bounds
            ]
    return None


def _slice(runs: tuple[markup.Run, ...], start: int, end: int) -> str:
    """The markup of the characters ``start`` to ``end`` of ``runs``' text."""
    out, at = [], 0
    for run in runs:
        part = run.text[max(start - at, 0) : max(end - at, 0)]
        out.append(markup.Run(part, run.bold, run.italic))
        at += len(run.text)
    return markup.unparse(tuple(out))


def _piece(spec: ParaSpec, lines: tuple[Line, ...], opens: bool, ends: bool) -> ParaSpec:
    """The ``lines`` of ``spec`` as a paragraph of their own: with its bullet where it
    ``opens`` it, kept with the next paragraph as it is where it ``ends`` it."""
    # each line joined to the next as wrapping parted them: a space, a hard line break, or
    # nothing inside a word broken between letters
    breaks = [line.end for line in lines[:-1]] + [""]
    text = "".join(markup.unparse(line.runs) + end for line, end in zip(lines, breaks))
    return replace(
        spec,
        text=text,
        bullet=spec.bullet if opens else "",
        continued=spec.continued or (not opens and bool(spec.bullet)),
        bold=False,
        italic=False,
        keep_with_next=spec.keep_with_next and ends,
    )
