"""The evaluation form: each objective rated, what helped, what to change, and a QR code
to the online form when the workshop gives one."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from handouts.participant import QrCode
from handouts.story import Look, bullet_list
from kit.pdf import para, table_style
from kit.pdf.draw import RuledLines, TickBoxes

SCALE = 5  # 1 = not at all ... 5 = completely
QR_SIZE = 32 * mm
WRITING_LINES = 4


def evaluation_story(look: Look) -> list[Flowable]:
    """The whole form, in the order people fill it in."""
    workshop, s, w = look.workshop, look.styles, look.words
    story: list[Flowable] = [para(w("evaluation"), s.title), para(workshop.title, s.h2)]
    story.append(para(w("evaluation_intro"), s.body))
    objectives = [o for section in workshop.sections for o in section.objectives]
    if objectives:
        story += [para(w("objectives_met"), s.h2), para(w("scale"), s.small)]
        story += [_rated(text, look) for text in objectives]
    story.append(_rated_heading(w("overall"), look))
    for question in ("most_useful", "what_to_change", "anything_else"):
        story.append(KeepTogether([para(w(question), s.h3), RuledLines(WRITING_LINES)]))
    if workshop.feedback_url:
        story.append(_online(workshop.feedback_url, look))
    return story


def _rated(objective: str, look: Look) -> Flowable:
    """An objective as a bullet point with a row of boxes 1 to 5 under it."""
    boxes = TickBoxes(look.words("rating"), SCALE, look.theme, look.body_size)
    return KeepTogether([*bullet_list([objective], look), _indented(boxes, look)])


def _rated_heading(question: str, look: Look) -> Flowable:
    boxes = TickBoxes(look.words("rating"), SCALE, look.theme, look.body_size)
    return KeepTogether([para(question, look.styles.h3), boxes])


def _indented(flowable: Flowable, look: Look) -> Flowable:
    indent = look.styles.bullet.leftIndent
    table = Table([["", flowable]], colWidths=[indent, look.width - indent], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), look.body_size * 0.5),
            ],
            look.body_size,
        )
    )
    return table


def _online(url: str, look: Look) -> Flowable:
    """The QR code beside the invitation to answer online, with the address written out."""
    text = para(look.words("online_form", url=url), look.styles.body)
    gap = look.body_size
    table = Table(
        [[QrCode(url, QR_SIZE), text]],
        colWidths=[QR_SIZE + gap, look.width - QR_SIZE - gap],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
            look.body_size,
        )
    )
    return KeepTogether([table])
