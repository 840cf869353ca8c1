"""The room and materials list: one page to tick off while packing.

What the sections ask for (``materials``), what kit prints (from the print list), and the
projector the deck needs, with quantities for the head count.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from handouts.materials import groups, materials
from handouts.organiser.common import TickBox
from handouts.story import Look, grid, laid_out, when
from kit.model import Material
from kit.outputs import DECK, DECK_PDF
from kit.pdf import para


@dataclass(frozen=True)
class Needed:
    """One line of the list: ``quantity`` of ``item``, and for what."""

    item: str
    quantity: int
    purpose: str


def quantity(material: Material, participants: int) -> int:
    """How many of ``material`` the room needs for ``participants`` people."""
    per = {"room": 1, "participant": participants, "group": groups(participants)}
    return material.count * per[material.per]


def room_needs(look: Look, participants: int, *, listed: bool = False) -> list[Needed]:
    """Every line of the list: the room's things in agenda order, then what to print.

    A thing several sections ask for is packed once, as many as the most any one asks.
    """
    w = look.words
    wanted: dict[str, Needed] = {}
    for section in look.workshop.sections:
        for material in section.materials:
            count = quantity(material, participants)
            held = wanted.get(material.item)
            if held is None:
                wanted[material.item] = Needed(material.item, count, section.title)
            elif count > held.quantity:
                wanted[material.item] = Needed(material.item, count, held.purpose)
    lines = [Needed(w("projector"), 1, w("projector_for", deck=DECK.file, pdf=DECK_PDF.file))]
    lines += wanted.values()
    lines += [
        Needed(m.item, m.copies, m.file or m.note)  # no file: an activity's materials
        for m in materials(look.workshop, participants, listed=listed)
    ]
    return lines


BODY_SIZE = 9.5  # small enough for one page with a dozen printed files


def room_list_story(look: Look, participants: int, *, listed: bool = False) -> list[Flowable]:
    """The heading, the session's details and the ticking table."""
    workshop, s, w = look.workshop, look.styles, look.words
    details = " · ".join(p for p in (when(look), workshop.venue) if p)
    intro = [para(w("room_list"), s.h1), para(workshop.title, s.h3), para(details, s.body)]
    people = w("participants", count=participants)
    intro.append(para(w("room_list_intro", participants=people), s.small))
    box = look.body_size * 1.2
    ink = look.theme.colours.text
    rows: list[list] = [["", w("item"), w("quantity"), w("for_what")]]
    rows += [
        [TickBox(box, ink), line.item, str(line.quantity), line.purpose]
        for line in room_needs(look, participants, listed=listed)
    ]
    tick_w, count_w = look.body_size * 2.6, look.body_size * 5
    rest = look.width - tick_w - count_w
    table = grid(rows, [tick_w, rest * 0.55, count_w, rest * 0.45], look)
    return laid_out([table], intro)
