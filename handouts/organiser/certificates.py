"""Certificates of attendance: one landscape page per person, or one blank to fill in."""

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
from kit.model.participants import Participant
from kit.model.schedule import total_minutes
from kit.pdf import colour, para
from kit.pdf.draw import draw_stack, fit_size, stack_height

NAME_SIZES = (40.0, 16.0)  # largest and smallest size for the name
LOGO_HEIGHT = 18 * mm
BORDER = 6 * mm  # the frame inside the page's margin


def write_certificates(path: Path, look: Look, people: Sequence[Participant]) -> int:
    """One certificate per person in ``people``, or a single blank one; the page count."""
    names: list[str | None] = [person.name for person in people] or [None]
    story = [_Certificate(look, name) for name in names]
    return write_bare(path, story, look, look.words("certificates"))


def _centred(
    look: Look, size: float, *, bold: bool = False, heading: bool = False, muted: bool = False
) -> ParagraphStyle:
    colours = look.theme.colours
    ink = colours.primary if heading else colours.muted if muted else colours.text
    name = f"certificate-{size}-{bold}-{heading}-{muted}"
    return centred(name, size, ink, bold=bold, leading=1.25, space=0.5)


class _Certificate(WholePage):
    """A framed page: logo, heading, the name (or a line for it), the workshop's details."""

    def __init__(self, look: Look, name: str | None) -> None:
        super().__init__(look)
        self._name = name

    def draw(self) -> None:
        look, canvas = self._look, self.canv
        canvas.setStrokeColor(colour(look.theme.colours.primary))
        canvas.setLineWidth(2.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.setLineWidth(0.8)
        canvas.rect(
            BORDER / 2, BORDER / 2, self.width - BORDER, self.height - BORDER, stroke=1, fill=0
        )
        inner = self.width - 4 * BORDER
        flowables = self._content(inner, self.height - 4 * BORDER)
        used = stack_height(flowables, inner)
        draw_stack(canvas, flowables, 2 * BORDER, (self.height + used) / 2, inner)

    def _content(self, width: float, height: float) -> list[Flowable]:
        look, w = self._look, self._look.words
        workshop = look.workshop
        top: list[Flowable] = []
        logo = centred_logo(look, width, LOGO_HEIGHT)
        if logo is not None:
            logo.spaceAfter = 4 * mm
            top.append(logo)
        top += [
            para(w("certificate"), _centred(look, 30, bold=True, heading=True)),
            para(w("certifies"), _centred(look, 14, muted=True)),
        ]
        details = [w("minutes", count=total_minutes(workshop))]
        if workshop.date:
            details.insert(0, w.date(workshop.date))
        if workshop.venue:
            details.append(workshop.venue)
        bottom = [
            para(w("attended"), _centred(look, 14, muted=True)),
            para(workshop.title, _centred(look, 20, bold=True)),
            para(" · ".join(details), _centred(look, 13)),
            para(w("given_by", organisation=workshop.organisation), _centred(look, 13)),
        ]
        if workshop.presenters:
            names = ", ".join(workshop.presenters)
            bottom.append(para(w("presented_by", names=names), _centred(look, 13)))
        room = height - stack_height([*top, *bottom], width)
        return [*top, *self._name_flowables(width, room), *bottom]

    def _name_flowables(self, width: float, room: float) -> list[Flowable]:
        if self._name is None:
            return [NameLine(NAME_SIZES[0] * 1.4)]

        def make(size: float) -> list[Flowable]:
            return [para(self._name or "", _centred(self._look, size, bold=True))]

        largest = unbroken_size(self._name, width, NAME_SIZES[0])
        size = fit_size(make, width, max(room, 0), largest, NAME_SIZES[1]) or largest
        return make(size)
