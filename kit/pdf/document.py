"""Laying one story out more than once, and evening out a nearly empty last page (#15).

reportlab edits what it lays out: a flowable moved on to the next page is marked
"postponed" (met again at a page foot, it is then too large), and each heading of a kept
chain loses its keep-with-next. Only ``multiBuild`` undoes those edits; ``Document.lay``
undoes them after every pass, so a story laid out again is laid out as before.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageBreak, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from kit.errors import KitError
from kit.pdf.flow import FULL_ENOUGH, continues_list

EVEN = 0.5  # a last page under half full is evened out with the page before
TRIES = 3  # breaks tried, best first
WORDS = 8  # words of a flowable that will not fit, to find it by


class Document(BaseDocTemplate):
    """A document that notes, as it lays a story out, where each of the story's units starts
    (page, and how much of that page is used above it) and how full each page ends."""

    def lay(self, units: Sequence[Flowable], canvasmaker: Any) -> bytes:
        """The PDF of ``units``; reportlab's edits to them undone afterwards."""
        self._index = {id(unit): index for index, unit in enumerate(units)}
        self.starts: dict[int, tuple[int, float]] = {}
        self.fills: list[float] = []
        self.current: Flowable | None = None
        edits: list[tuple[Any, ...]] = []
        self._multiBuildEdits = edits.append
        out = io.BytesIO()
        try:
            self.build(list(units), filename=out, canvasmaker=canvasmaker)
        finally:
            del self._multiBuildEdits
            for undo, *args in reversed(edits):
                undo(*args)
        return out.getvalue()

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        self.current = flowables[0]
        index = self._index.get(id(self.current))
        if index is not None:  # noted again if it moves on: the last note is where it went
            self.starts[index] = (self.page, self._used())
        super().handle_flowable(flowables)

    def handle_pageEnd(self) -> None:
        self.fills.append(self._used())
        super().handle_pageEnd()

    def _used(self) -> float:
        frame = self.frame
        return (frame._y1 + frame._height - frame._y) / frame._height

    def first_words(self) -> str:
        """The first words of the flowable being laid out, to find it by."""
        words = _text(self.current).split()
        return " ".join(words[:WORDS]) + (" ..." if len(words) > WORDS else "")


def _text(flowable: object) -> str:
    if isinstance(flowable, Paragraph):
        return flowable.getPlainText()
    if isinstance(flowable, KeepTogether):
        return _text(flowable._content)
    if isinstance(flowable, (list, tuple)):  # a table's rows and cells, a group's parts
        return " ".join(_text(part) for part in flowable)
    return _text(getattr(flowable, "_cellvalues", ()))


def write_laid(
    path: Path, doc: Document, units: Sequence[Flowable], canvasmaker: Any, *, even: bool
) -> int:
    """Write ``units`` laid out (``even``: evenly, see ``lay_evenly``) into ``path``; returns
    the page count. Text that cannot fit is one line naming the file, page and text."""
    try:
        laid, pages = (
            lay_evenly(doc, units, canvasmaker)
            if even
            else (doc.lay(units, canvasmaker), len(doc.fills))
        )
    except LayoutError:
        # Only text that cannot be broken (one enormous word, say) gets here.
        raise KitError(
            f'{path.name}: page {doc.page}: the text "{doc.first_words()}" is too long to fit '
            "on one page even when wrapped; look for a very long word or web address"
        ) from None
    path.write_bytes(laid)
    return pages


def lay_evenly(doc: Document, units: Sequence[Flowable], canvasmaker: Any) -> tuple[bytes, int]:
    """The PDF of ``units`` and its page count; a last page under half full evened out with
    the page before.

    A page break is tried before one unit then another of the page before the last (up to
    ``TRIES``, the most even first, never inside a list); the first that moves text over
    without adding a page is kept.
    """
    laid = doc.lay(units, canvasmaker)
    fills, starts = doc.fills, doc.starts
    if len(fills) < 2 or fills[-1] >= EVEN:
        return laid, len(fills)
    breaks = [i for i in _breaks(starts, fills) if not continues_list(units[i - 1], units[i])]
    for index in breaks[:TRIES]:
        tried = doc.lay([*units[:index], PageBreak(), *units[index:]], canvasmaker)
        if len(doc.fills) == len(fills) and doc.fills[-1] > fills[-1]:
            return tried, len(fills)
    return laid, len(fills)


def _breaks(starts: dict[int, tuple[int, float]], fills: list[float]) -> list[int]:
    """Units starting on the page before the last, where a break would leave that page a
    quarter full at least, the break that evens the two pages best first."""
    before, last = fills[-2], fills[-1]
    even = (before + last) / 2
    found = [
        (abs(used - even), index)
        for index, (page, used) in starts.items()
        if page == len(fills) - 1 and FULL_ENOUGH <= used < before
    ]
    return [index for _, index in sorted(found)]
