"""Laying one story out more than once, and evening out a nearly empty last page (#15).

reportlab edits what it lays out: a flowable moved on to the next page is marked
"postponed" (met again at a page foot, it is then too large), and each heading of a kept
chain loses its keep-with-next. Only ``multiBuild`` undoes those edits; ``Document.lay``
undoes them after every pass, so a story laid out again is laid out as before. A layout's
PDF is written only if it is the one kept (``Laid.pdf``): formatting and compressing a PDF
costs about a third of laying it out.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageBreak, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from kit.errors import KitError
from kit.pdf.flow import FULL_ENOUGH, continues_list

EVEN = 0.5  # a last page under half full is evened out with the page before
TRIES = 3  # breaks tried, best first
WORDS = 8  # words of a flowable that will not fit, to find it by


@dataclass(frozen=True)
class Laid:
    """A story laid out on a canvas, its PDF not yet written; how full each page ends and
    where each unit starts (``Document``)."""

    canvas: Any
    out: io.BytesIO
    fills: list[float]
    starts: dict[int, tuple[int, float]]

    def pdf(self) -> bytes:
        """The PDF: written once, for the layout kept."""
        self.canvas.save()
        return self.out.getvalue()


class Document(BaseDocTemplate):
    """A document that notes, as it lays a story out, where each of the story's units starts
    (page, and how much of that page is used above it) and how full each page ends."""

    def lay(self, units: Sequence[Flowable], canvasmaker: Any) -> Laid:
        """``units`` laid out, not yet written; reportlab's edits to them undone afterwards."""
        self._index = {id(unit): index for index, unit in enumerate(units)}
        self.starts: dict[int, tuple[int, float]] = {}
        self.fills: list[float] = []
        self.current: Flowable | None = None
        edits: list[tuple[Any, ...]] = []
        self._multiBuildEdits = edits.append
        self._doSave = 0  # reportlab's own switch, as its multiBuild uses it
        out = io.BytesIO()
        try:
            self.build(list(units), filename=out, canvasmaker=canvasmaker)
        finally:
            del self._multiBuildEdits
            for undo, *args in reversed(edits):
                undo(*args)
        return Laid(self.canv, out, self.fills, self.starts)

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


@dataclass(frozen=True)
class Layout:
    """A document's story laid out for ``path``, to be evened out or written."""

    path: Path
    doc: Document
    units: Sequence[Flowable]
    canvasmaker: Any
    laid: Laid

    @property
    def pages(self) -> int:
        return len(self.laid.fills)

    @property
    def last_fill(self) -> float:
        """How full the last page ends, 0 to 1."""
        return self.laid.fills[-1]

    def evened(self) -> Layout:
        """This layout with a nearly empty last page evened out (``lay_evenly``)."""
        with _located(self.path, self.doc):
            laid = lay_evenly(self.doc, self.units, self.canvasmaker, self.laid)
        return Layout(self.path, self.doc, self.units, self.canvasmaker, laid)

    def write(self) -> int:
        """Write the PDF into ``path``; returns the page count."""
        self.path.write_bytes(self.laid.pdf())
        return self.pages


def lay_out(path: Path, doc: Document, units: Sequence[Flowable], canvasmaker: Any) -> Layout:
    """``units`` laid out for ``path``. Text that cannot fit is one line naming the file,
    page and text."""
    with _located(path, doc):
        return Layout(path, doc, units, canvasmaker, doc.lay(units, canvasmaker))


@contextmanager
def _located(path: Path, doc: Document) -> Iterator[None]:
    try:
        yield
    except LayoutError:
        # Only text that cannot be broken (one enormous word, say) gets here.
        raise KitError(
            f'{path.name}: page {doc.page}: the text "{doc.first_words()}" is too long to fit '
            "on one page even when wrapped; look for a very long word or web address"
        ) from None


def lay_evenly(
    doc: Document, units: Sequence[Flowable], canvasmaker: Any, laid: Laid | None = None
) -> Laid:
    """``units`` laid out (``laid``, if they are already) with a last page under half full
    evened out with the page before.

    A page break is tried before one unit then another of the page before the last (up to
    ``TRIES``, the most even first, never inside a list); the first that moves text over
    without adding a page is kept.
    """
    laid = laid or doc.lay(units, canvasmaker)
    fills, starts = laid.fills, laid.starts
    if len(fills) < 2 or fills[-1] >= EVEN:
        return laid
    breaks = [i for i in _breaks(starts, fills) if not continues_list(units[i - 1], units[i])]
    for index in breaks[:TRIES]:
        tried = doc.lay([*units[:index], PageBreak(), *units[index:]], canvasmaker)
        if len(tried.fills) == len(fills) and tried.fills[-1] > fills[-1]:
            return tried
    return laid


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
