"""How every printed story flows from page to page, whatever document it is.

- A heading never ends a page: its paragraph style keeps it with what follows, and a kept
  group that ends with a heading takes the next item in too (reportlab places the first
  piece of a split group without looking at its keep-with-next). When what it keeps under
  the heading is a single line, the heading starts a new page unless the first two lines
  of what follows fit on this one too: a heading over one line at a page's foot reads as
  cut off.
- A list never leaves one item alone at the top or foot of a page: its first two items,
  and its last two, stay together (a paragraph's own lines are kept by its style).
- No page is left under a quarter full by a group that moved on to the next page: a
  group that would leave its page that empty is split instead.
- A document whose last page would be nearly empty can be laid out again a little
  tighter (``Layout.last_fill`` says how full that page is), so a short trailing section
  folds back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.doctemplate import (
    FrameActionFlowable,
    FrameBreak,
    NullActionFlowable,
    _FrameBreak,
)

FULL_ENOUGH = 0.25  # no page but the last may hold less than this share of its frame


class Together(KeepTogether):
    """Flowables kept on one page, unless moving them would leave this page under a
    quarter full, or they need more than a page anyway and a quarter of this one is
    left: then they start here and split where they must.

    Split, its pieces are put back one by one, so each heading among them is still kept
    with what follows it. One flowable alone is kept as reportlab keeps it.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        parts = list(super().split(aW, aH))
        if len(self._content) > 1 and isinstance(parts[0], _FrameBreak) and self._starts_here(aH):
            parts[0] = NullActionFlowable()
        if isinstance(parts[0], (_FrameBreak, NullActionFlowable)):
            # Placed piece by piece, perhaps over pages: its lists keep their ends together,
            # unless that would make one group again (which would split the same way).
            grouped = flowing(parts[1:])
            if len(grouped) > 1:
                return [parts[0], *grouped]
        return parts

    def _starts_here(self, available: float) -> bool:
        frame: Any = getattr(self, "_frame", None)
        if frame is None:
            return False
        too_tall = frame._height < self._H and available >= FULL_ENOUGH * frame._height
        return too_tall or _used(self) < FULL_ENOUGH


def _used(flowable: Flowable) -> float:
    """How much of the frame ``flowable`` is being placed in is already used, 0 to 1."""
    frame: Any = getattr(flowable, "_frame", None)
    if frame is None or not frame._height:
        return 1.0
    return (frame._y1 + frame._height - frame._y) / frame._height


def _content(flowable: Flowable) -> list[Flowable]:
    return list(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]


def _is_item(flowable: Flowable) -> bool:
    """A list item: a paragraph with a bullet or number."""
    return isinstance(flowable, Paragraph) and bool(getattr(flowable, "bulletText", None))


def continues_list(before: Flowable, after: Flowable) -> bool:
    """Whether ``after`` goes on with the list ``before`` ends in (each may be a group:
    an item with its sub-points, a heading with the first item, the last item with its
    citation)."""
    return _is_item(_content(before)[-1]) and _is_item(_content(after)[0])


def _kept_with_next(flowable: Flowable) -> bool:
    return bool(_content(flowable)[-1].getKeepWithNext())


def _merged(units: Sequence[Flowable]) -> Flowable:
    flowables = [part for unit in units for part in _content(unit)]
    return flowables[0] if len(flowables) == 1 else Together(flowables)


def flowing(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` grouped so that it flows as the module says; groups are never nested."""
    units = [Together(_content(f)) if isinstance(f, KeepTogether) else f for f in story]
    out: list[Flowable] = []
    index = 0
    while index < len(units):
        end = index + 1
        while end < len(units) and continues_list(units[end - 1], units[end]):
            end += 1
        out += _list_groups(units[index:end])
        index = end
    return _headings_kept(out)


def _list_groups(run: Sequence[Flowable]) -> list[Flowable]:
    """A run of list units with its first two and last two units each kept together."""
    if len(run) < 2:
        return list(run)
    if len(run) <= 3:
        return [_merged(run)]
    return [_merged(run[:2]), *run[2:-2], _merged(run[-2:])]


def _headings_kept(units: list[Flowable]) -> list[Flowable]:
    """``units`` with each that ends in a heading joined to the unit after it, and room
    asked for under a heading over one line (``RoomUnderHeading``).

    reportlab keeps a heading with a paragraph, but not with a kept group.
    """
    joined: list[Flowable] = []
    for unit in units:
        if joined and _kept_with_next(joined[-1]):
            joined[-1] = _merged([joined[-1], unit])
        else:
            joined.append(unit)
    out: list[Flowable] = []
    for unit, after in zip(joined, [*joined[1:], None]):
        content = _content(unit)
        headed = len(content) > 1 and _kept_with_next(content[-2]) and not _kept_with_next(unit)
        if headed and isinstance(content[-1], Paragraph) and after is not None:
            out.append(RoomUnderHeading(unit, after))
        out.append(unit)
    return out


class RoomUnderHeading(FrameActionFlowable):
    """Placed before a heading kept with one paragraph: a new page unless, when that
    paragraph is a single line, what follows begins on this page too (its first two lines,
    or the whole of a kept group). Never breaks a page less than a quarter full. It acts
    on the frame without being drawn, so spacing and the page's content are untouched."""

    def __init__(self, group: Flowable, after: Flowable) -> None:
        Flowable.__init__(self)  # FrameActionFlowable's own refuses: reportlab's are made otherwise
        self._group, self._after = group, after

    def frameAction(self, frame: Any) -> None:
        room = frame._y - frame._y1p
        if _used(self) >= FULL_ENOUGH and self._needed(frame, room) > room:
            frame.add_generated_content(FrameBreak)

    def _needed(self, frame: Any, room: float) -> float:
        width = frame._getAvailableWidth()
        content = _content(self._group)
        under = content[-1]
        under.wrap(width, room)
        if len(under.blPara.lines) != 1:
            return 0
        self._group.wrapOn(self.canv, width, room)  # a kept group notes its height, and says more
        following = _content(self._after)[0]
        extra = 0.0
        if isinstance(self._after, KeepTogether):
            self._after.wrapOn(self.canv, width, room)
            extra = float(self._after._H)  # placed whole, unless taller than a page
        if isinstance(following, Paragraph) and not 0 < extra <= frame._height:
            following.wrap(width, room)
            extra = min(2, len(following.blPara.lines)) * following.style.leading
        if not extra:
            return 0
        gap = max(under.getSpaceAfter(), following.getSpaceBefore())  # reportlab joins them
        return content[0].getSpaceBefore() + float(self._group._H) + gap + extra
