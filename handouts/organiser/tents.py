"""Name tents: a sheet folded across its middle stands on a table with the name on both faces.

The fold is the ridge of the tent and the paper's edges rest on the table, so on each face
"up" points to the fold: the lower half is drawn upright and the upper half upside down.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from handouts.organiser.common import (
    NameLine,
    WholePage,
    centred,
    centred_logo,
    unbroken_size,
    write_bare,
)
from handouts.story import Look
from kit.layout.fonts import face_name
from kit.model.participants import Participant
from kit.pdf import para
from kit.pdf.draw import GUIDE, draw_stack, fit_size, stack_height
from kit.pdf.tagging import tagged

NAME_SIZES = (72.0, 20.0)  # largest and smallest size for the name
ORGANISATION_SIZE = 18.0
FOLD_CLEARANCE = 12.0  # points kept clear either side of the fold: folds are never exact
LOGO_HEIGHT = 12 * mm  # by the table's edge: the brand seen across a room, not outshouting it
LOGO_GAP = 5 * mm


def write_name_tents(path: Path, look: Look, people: Sequence[Participant]) -> int:
    """A tent per person in ``people``, or a single blank one; the page count."""
    story = [_Tent(look, person) for person in people] or [_Tent(look, None)]
    return write_bare(path, story, look, look.words("name_tents"))


def _style(look: Look, size: float, *, bold: bool) -> ParagraphStyle:
    colours = look.theme.colours
    ink = colours.text if bold else colours.muted
    return centred(f"tent-{size}-{bold}", size, ink, bold=bold, leading=1.15, space=0.3)


class _Tent(WholePage):
    """One sheet: the fold line across the middle, a face on either side of it."""

    def __init__(self, look: Look, person: Participant | None) -> None:
        super().__init__(look)
        self._person = person

    def draw(self) -> None:
        canvas, look = self.canv, self._look
        # The frame places this 1 pt short of its top: move down half of that, so the
        # fold falls on the paper's middle and both faces are the same distance from it.
        canvas.translate(0, -0.5)
        half = self.height / 2
        canvas.setStrokeColor(GUIDE)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 4)
        canvas.line(0, half, self.width, half)
        canvas.setDash()
        canvas.setFont(face_name(), 8)
        canvas.setFillColor(GUIDE)
        with tagged(canvas, "P"):  # the one instruction on the sheet: read out, not skipped
            canvas.drawRightString(self.width, half + 3, look.words("fold_here"))
        logo = centred_logo(look, self.width, LOGO_HEIGHT)
        # The logo stands at the same place on every tent, by the edge that rests on the
        # table; the name is centred in what is left.
        below = 0.0 if logo is None else LOGO_HEIGHT + LOGO_GAP
        height = half - FOLD_CLEARANCE - below
        face = self._face(height)
        used = stack_height(face, self.width)
        for turned in (False, True):
            canvas.saveState()
            if turned:  # the upper face, turned half a circle
                canvas.translate(self.width, self.height)
                canvas.rotate(180)
            if logo is not None:
                draw_stack(canvas, [logo], 0, LOGO_HEIGHT, self.width)
            draw_stack(canvas, face, 0, below + (height + used) / 2, self.width)
            canvas.restoreState()

    def _face(self, height: float) -> list[Flowable]:
        look, person = self._look, self._person
        if person is None:  # to write on by hand: a line, and whose workshop this is
            title = _style(look, ORGANISATION_SIZE, bold=False)
            return [NameLine(NAME_SIZES[0] * 1.2), para(look.workshop.title, title)]
        rest = []
        if person.organisation:
            rest = [para(person.organisation, _style(look, ORGANISATION_SIZE, bold=False))]

        def make(size: float) -> list[Flowable]:
            return [para(person.name, _style(look, size, bold=True)), *rest]

        largest = unbroken_size(person.name, self.width, NAME_SIZES[0])
        return make(fit_size(make, self.width, height, largest, NAME_SIZES[1]) or largest)
