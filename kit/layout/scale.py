"""One type scale for the whole deck: each kind of text at one size on every slide.

A slide that shrank its own text would set the body at 28 pt on one slide and 25 on the
next. Instead the deck is planned twice: the first pass (``Scale()``, probing) fits each
run of text of a role in the role's range and notes the largest size at which it fits its
slide; the second (``probe.settled()``) sets every run of the role at the smallest of
those sizes, the size the deck's longest content allows, never under the role's floor.
Text that does not fit its slide even at the floor does not pull the deck down: it is set
at the deck's size and continues on another slide (or changes shape), with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit.layout.textfit import Anchor, ParaSpec, Text, set_text, size_steps

# Each role's largest and smallest size, in points. The floors are what a room reads from
# the back: 18 pt for any text a participant reads, 14 for tables and captions.
ROLES: dict[str, tuple[float, float]] = {
    "body": (28.0, 18.0),  # bullets, paragraphs, responses, scenarios
    "display": (36.0, 18.0),  # a statement, prompt or quote alone on its slide
    "term": (36.0, 24.0),  # a definition's term
    "table": (20.0, 14.0),  # comparisons and the agenda
    "label": (20.0, 18.0),  # exercise furniture: a statement's reminder, a technique, poles
    "stage": (20.0, 18.0),  # a continuum's stage names
    "stage_text": (20.0, 18.0),  # a continuum's stage descriptions
}
BODY_FLOOR = ROLES["body"][1]
CAPTION = 14.0  # source lines, picture captions, addresses, a resource's link


@dataclass
class Scale:
    """The deck's sizes by role; without ``fixed``, a probe noting what each run allows."""

    fixed: dict[str, float] | None = None
    best: dict[str, float] = field(default_factory=dict)

    def sizes(self, role: str) -> tuple[float, float]:
        """The sizes a run of ``role`` may take, largest first: one size once settled."""
        if self.fixed is None:
            return ROLES[role]
        return self.fixed[role], self.fixed[role]

    def size(self, role: str) -> float:
        """The size of ``role`` (probing: its largest, so the deck's is never larger)."""
        return self.sizes(role)[0]

    def saw(self, role: str, size: float) -> None:
        """A run of ``role`` fits its slide at ``size`` (and no larger)."""
        if self.fixed is None:
            self.best[role] = min(self.best.get(role, size), size)

    def settled(self) -> Scale:
        """The deck's scale: each role at the size its longest content allows."""
        return Scale({role: self.best.get(role, high) for role, (high, _) in ROLES.items()})

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
        for size in size_steps(*self.sizes(role)):
            texts = [set_text(specs, width, size, anchor) for specs in spec_lists]
            if all(text.height <= height and text.whole_words for text in texts):
                self.saw(role, size)
                return texts
        return None

    def set(self, role: str, specs: list[ParaSpec], width: float, anchor: Anchor = "top") -> Text:
        """``specs`` at the size of ``role``, as tall as they need (probing: the floor)."""
        return set_text(specs, width, self.size(role), anchor)
