"""A document whose last page would hold a few lines only, folded back onto the page before.

A short trailing section (the sources, a last challenge) left alone on a page reads as a
mistake; a little less space between paragraphs throughout usually brings it back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from handouts.document import lay_document
from handouts.story import Look
from kit.outputs import OutputKind
from kit.pdf.document import EVEN
from kit.pdf.flow import FULL_ENOUGH


def write_folded(
    path: Path, make: Callable[[Look], Sequence[Flowable]], look: Look, what: str, kind: OutputKind
) -> int:
    """``lay_document`` of the story ``make(look)``, written, folding a short last page back.

    When the last page would hold less than a quarter page, the story is laid out again
    with less space between paragraphs, and that layout is kept if it takes fewer pages.
    Else a last page under half full is evened out with the page before.
    """
    first = lay_document(path, make(look), look, what, kind)
    if first.pages < 2 or first.last_fill >= EVEN:
        return first.write()
    if first.last_fill < FULL_ENOUGH:
        tight = look.tightened()
        folded = lay_document(path, make(tight), tight, what, kind)
        if folded.pages < first.pages:
            return folded.write()
    return first.evened().write()  # lay_evenly lays the story out again only with a break
