"""The sign-in sheet: a row per person, the session named at the top of every page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from handouts.organiser.common import TickBox
from handouts.story import CELL_PADDING, Look, bold, when
from kit.pdf import colour, para, table_style
from kit.pdf.draw import GUIDE

ROW_HEIGHT = 11 * mm  # room to write a name by hand
# Latecomers and people who came with a friend: a tenth more rows, and at least five.
SPARE_PERCENT = 10
MIN_SPARES = 5


def sign_in_rows(participants: int) -> int:
    """How many rows the sheet has for ``participants`` people."""
    return participants + max(MIN_SPARES, -(-participants * SPARE_PERCENT // 100))


def sign_in_story(look: Look, participants: int) -> list[Flowable]:
    """A short request, then one table whose two header rows repeat on every page."""
    workshop, s, w = look.workshop, look.styles, look.words
    details = " · ".join(p for p in (when(look), workshop.venue) if p)
    heading = [bold(workshop.title, look.cell), para(details, look.cell)]
    columns = [
        w("number_column"),
        w("name"),
        w("your_organisation"),
        w("contact_optional"),
        w("consent_column"),
    ]
    rows: list[list] = [[heading, "", "", "", ""], [bold(c, look.head_cell) for c in columns]]
    box = look.body_size * 1.3
    for number in range(1, sign_in_rows(participants) + 1):
        rows.append(
            [para(str(number), look.cell), "", "", "", TickBox(box, look.theme.colours.text)]
        )
    number_w = look.body_size * 3
    consent_w = look.body_size * 9
    rest = look.width - number_w - consent_w
    widths = [number_w, rest * 0.34, rest * 0.3, rest * 0.36, consent_w]
    heights = [None, None] + [ROW_HEIGHT] * (len(rows) - 2)
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=2, hAlign="LEFT")
    pad = look.body_size * CELL_PADDING
    colours = look.theme.colours
    table.setStyle(
        table_style(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("GRID", (0, 1), (-1, -1), 0.6, GUIDE),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colour(colours.primary)),
                ("BACKGROUND", (0, 1), (-1, 1), colour(colours.primary)),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("ALIGN", (-1, 2), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 0.75),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ],
            look.body_size,
        )
    )
    intro = para(w("sign_in_intro", organisation=workshop.organisation), s.body)
    return [para(w("sign_in"), s.h1), intro, table]
