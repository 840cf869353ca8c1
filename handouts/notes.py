"""The notes handout: three slides a page, each beside ruled lines for notes.

The classic handout presentation software prints. Slides participants must not see in
print before the session (``Slide.for_participants`` is False: the drill's suggested
responses) are left out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from handouts.document import write_document
from handouts.slidedraw import SlideDrawing
from handouts.story import look_for
from kit.layout.slidelayout import DeckLayout
from kit.model import Theme, Workshop
from kit.model.colour import mix
from kit.outputs import NOTES_HANDOUT
from kit.pdf import colour

SLIDES_PER_PAGE = 3
THUMB_SHARE = 0.55  # of the text width; the rest is for writing
GAP = 14.0  # between the thumbnail and the lines, and between rows
LINE_PITCH = 22.0  # about 8 mm: comfortable handwriting


class NotesRow(Flowable):
    """One slide thumbnail with ruled lines beside it, filling a third of the page."""

    def __init__(self, thumbnail: SlideDrawing, width: float, height: float, rule: str) -> None:
        super().__init__()
        self.thumbnail = thumbnail
        self.width = width
        self.height = height
        self.rule = rule

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        thumb = self.thumbnail
        thumb.drawOn(canvas, 0, top - thumb.height)
        canvas.saveState()
        canvas.setStrokeColor(colour(self.rule))
        canvas.setLineWidth(0.5)
        left = thumb.width + GAP
        y = top - LINE_PITCH
        while y >= GAP:
            canvas.line(left, y, self.width, y)
            y -= LINE_PITCH
        canvas.restoreState()


def write_notes_handout(
    path: Path,
    workshop: Workshop,
    theme: Theme,
    deck: DeckLayout,
    paper: str,
) -> int:
    """Write the notes handout to ``path``, each slide on what its layout of the template
    draws; returns the page count."""
    look = look_for(workshop, theme, paper, body_size=11, pictures=deck.pictures)
    width, height = look.width, look.height
    # A hair under a third, so rounding never pushes the third row onto the next page.
    row_h = height / SLIDES_PER_PAGE - 1
    aspect = deck.width / deck.height
    thumb_w = min(width * THUMB_SHARE, (row_h - GAP) * aspect)
    muted = look.theme.colours.muted
    rule = mix(muted, "#FFFFFF", 0.35)
    shown = deck.for_participants()
    story = [
        NotesRow(SlideDrawing(shown, slide, thumb_w, outline=muted), width, row_h, rule)
        for slide in shown.slides
    ]
    return write_document(path, story, look, look.words("notes_handout"), NOTES_HANDOUT)
