"""One type scale for the whole deck: each kind of text at one size on every slide.

A slide that shrank its own text would set the body at 28 pt on one slide and 25 on the
next. Instead the deck is planned twice: the first pass (``Scale()``, probing) fits each
run of text of a role in the role's range and notes the largest size at which it fits its
slide; the second (``probe.settled()``) sets every run of the role at the largest size
that most of those runs fit (``MOST``), never under the role's floor. One crowded slide
does not shrink the deck: its text is set at the deck's size too and continues on another
slide or changes shape, quietly when it would have fitted at the floor (the deck's choice,
not the author's), with a warning when it fits nowhere even at the floor. Such a run counts
as one at the floor, where it takes the fewest slides.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from kit.layout.paging import paginate
from kit.layout.slidelayout import Box
from kit.layout.textfit import (
    Anchor,
    ParaSpec,
    Text,
    fit_text,
    set_text,
    size_steps,
    unwidowed,
)

# Each role's largest and smallest size, in points. The floors are what a room reads from
# the back: 18 pt for any text a participant reads, 14 for tables and captions.
ROLES: dict[str, tuple[float, float]] = {
    "body": (28.0, 18.0),  # bullets, paragraphs, responses, scenarios
    "display": (36.0, 18.0),  # a statement, prompt or quote alone on its slide
    "term": (36.0, 24.0),  # a definition's term
    "table": (20.0, 14.0),  # comparisons
    "agenda": (24.0, 14.0),  # the agenda's rows (kit.layout.agenda)
    "label": (20.0, 18.0),  # exercise furniture: a statement's reminder, a technique, poles
    "stage": (20.0, 18.0),  # a continuum's stage names
    "stage_text": (20.0, 18.0),  # a continuum's stage descriptions
}
BODY_FLOOR = ROLES["body"][1]
# A run too long for its slide at its role's size steps down to this role's size before
# it continues: a statement alone on its slide reads better whole at the body's size.
STEP_DOWN = {"display": "body"}
CAPTION = 14.0  # source lines, picture captions, addresses, a resource's link
# The share of a role's runs that fit their slides at the deck's size: a quarter of them
# may continue or change shape rather than shrink every slide.
MOST = 0.75


@dataclass
class Scale:
    """The deck's sizes by role; without ``fixed``, a probe noting what each run allows."""

    fixed: dict[str, float] | None = None
    seen: dict[str, list[float]] = field(default_factory=dict)

    def sizes(self, role: str) -> tuple[float, float]:
        """The sizes a run of ``role`` may take, largest first: one size once settled."""
        if self.fixed is None:
            return ROLES[role]
        return self.fixed[role], self.fixed[role]

    def size(self, role: str) -> float:
        """The size of ``role`` (probing: its largest, so the deck's is never larger)."""
        return self.sizes(role)[0]

    def steps(self, role: str) -> Iterator[float]:
        """The sizes to try for a run of ``role``, largest first."""
        return size_steps(*self.sizes(role))

    def least(self, role: str) -> tuple[float, float]:
        """The floor of ``role``, as a range of one size."""
        return ROLES[role][1], ROLES[role][1]

    def saw(self, role: str, size: float) -> None:
        """A run of ``role`` fits its slide at ``size`` (and no larger)."""
        if self.fixed is None:
            self.seen.setdefault(role, []).append(size)

    def settled(self) -> Scale:
        """The deck's scale: each role at the largest size ``MOST`` of its runs fit (a
        role no run fitted at any size takes its largest)."""
        return Scale(
            {role: _most(self.seen.get(role, []), high) for role, (high, _) in ROLES.items()}
        )

    def fit(
        self,
        role: str,
        spec_lists: list[list[ParaSpec]],
        width: float,
        height: float,
        anchor: Anchor = "top",
    ) -> list[Text] | None:
        """The boxes' texts at one size of ``role``, each within ``width`` × ``height``
        with every word whole; None when they do not fit at the deck's size (probing: at
        the floor)."""
        for size in self.steps(role):
            texts = [set_text(specs, width, size, anchor) for specs in spec_lists]
            if all(text.height <= height and text.whole_words for text in texts):
                self.saw(role, size)
                return texts
        return None

    def pages(
        self,
        role: str,
        specs: list[ParaSpec],
        width: float,
        height: float,
        anchor: Anchor,
        again: str = "",
        first: float | None = None,
    ) -> list[Text]:
        """``specs`` at the size of ``role`` in as few boxes of ``width`` × ``height`` as
        they need (the first ``first`` high, if given; probing: at the largest size that
        needs one, noted); ``again`` marks a bullet repeated above its sub-bullets."""
        pages = paginate(specs, width, height, *self.sizes(role), anchor, again, first)
        if len(pages) > 1 and role in STEP_DOWN:
            lower = self.sizes(STEP_DOWN[role])
            smaller = paginate(specs, width, height, *lower, anchor, again, first)
            pages = smaller if len(smaller) == 1 else pages
        if len(pages) == 1:
            self.saw(role, pages[0].base)
        elif self.fixed is None and self.too_long(role, specs, width, first or height, anchor):
            self.saw(role, ROLES[role][1])  # it continues anyway: fewest slides at the floor
        return pages

    def too_long(
        self, role: str, specs: list[ParaSpec], width: float, height: float, anchor: Anchor
    ) -> bool:
        """Whether ``specs`` overflow ``width`` × ``height`` even at the floor of ``role``:
        the author's to fix, where text continued only to keep the deck's size is not."""
        return fit_text(specs, width, height, *self.least(role), anchor) is None

    def set(self, role: str, specs: list[ParaSpec], width: float, anchor: Anchor = "top") -> Text:
        """``specs`` at the size of ``role``, as tall as they need (probing: the floor)."""
        return set_text(specs, width, self.size(role), anchor)


def _most(sizes: list[float], high: float) -> float:
    """The largest of ``sizes`` that at least ``MOST`` of them are at or above."""
    if not sizes:
        return high
    return sorted(sizes, reverse=True)[math.ceil(MOST * len(sizes)) - 1]


def unwidow(box: Box) -> Box:
    """``box``, narrowed where that keeps its one paragraph's lines as many with more than
    one word on the last (from the right; from both sides when the text is centred)."""
    if box.text is None or len(box.text.paragraphs) != 1:
        return box
    width = box.w - 2 * box.inset
    text, narrow = unwidowed(box.text, width)
    cut = width - narrow
    shift = {"left": 0.0, "center": cut / 2, "right": cut}[text.paragraphs[0].align]
    return replace(box, x=box.x + shift, w=box.w - cut, text=text)
