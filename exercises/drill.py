"""The "How would you respond?" drill: worksheet, challenge cards and answer key.

Response points are the facilitator's: they appear only in the answer key, never on the
worksheet or the cards. The technique is a hint and may go on participant material.
"""

from __future__ import annotations

from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from exercises.sheets import Card, Plan, Sheet, card_pages, card_style
from kit.model import Challenge, DrillBlock
from kit.outputs import DRILL_ANSWER_KEY, DRILL_CARDS, DRILL_WORKSHEET
from kit.pdf import para
from kit.pdf.draw import RuledLines, note_box

ANSWER_LINES = 5  # two or three handwritten sentences


def drill_sheets(plan: Plan, drill: DrillBlock, number: int) -> list[Sheet]:
    """The worksheet, the challenge cards and the answer key of the ``number``-th drill."""
    words = plan.words
    cards = DRILL_CARDS.file_name(number)
    return [
        Sheet(DRILL_WORKSHEET, number, words("drill_worksheet"), _worksheet_story(plan, drill)),
        Sheet(DRILL_CARDS, number, words("drill_cards"), _card_story(plan, drill, cards)),
        Sheet(DRILL_ANSWER_KEY, number, words("drill_answer_key"), _answer_key_story(plan, drill)),
    ]


def _challenge_heading(plan: Plan, drill: DrillBlock, number: int) -> list[Flowable]:
    """ "Challenge 3 of 5" and the statement, as both the worksheet and the key show them."""
    words = plan.words("challenge_of", number=number, total=len(drill.challenges))
    return [
        para(words, plan.styles.h3),
        para(drill.challenges[number - 1].statement, plan.styles.quote),
    ]


def _worksheet_story(plan: Plan, drill: DrillBlock) -> list[Flowable]:
    s = plan.styles
    width, _ = plan.frame()
    hint = ParagraphStyle("hint", parent=s.small, textColor=s.body.textColor)
    words = plan.words
    story: list[Flowable] = [para(drill.title, s.title), para(words("drill_instructions"), s.body)]
    if drill.guidance:
        story.append(para(words("before_you_start"), s.h2))
        story += [para(point, s.bullet, bullet="•") for point in drill.guidance]
    for number, challenge in enumerate(drill.challenges, start=1):
        block = _challenge_heading(plan, drill, number)
        if challenge.technique:
            block += [note_box(words("technique_to_try"), challenge.technique, hint, width)]
        block += [Spacer(0, 2 * mm), para(words("your_answer"), s.small), RuledLines(ANSWER_LINES)]
        story.append(KeepTogether(block))
    return story


def _card_story(plan: Plan, drill: DrillBlock, file_name: str) -> list[Flowable]:
    """Challenge cards: statements on the fronts, number and technique on the backs, every
    front and back at one size."""
    fronts, backs = [], []
    for number, challenge in enumerate(drill.challenges, start=1):
        where = f"{file_name}: card {number}"
        field = partial(plan.field_of, drill, "challenges", number - 1)
        fronts.append(
            Card(
                partial(_card_front, plan, drill.title, number, challenge),
                (where, challenge.statement, field("statement")),
            )
        )
        backs.append(
            Card(
                partial(_card_back, plan, number, challenge),
                (f"{where} (back)", challenge.technique, field("technique")),
            )
        )
    cards = plan.fit_cards([*fronts, *backs])
    return card_pages(plan, cards[: len(fronts)], cards[len(fronts) :])


def _card_front(
    plan: Plan, title: str, number: int, challenge: Challenge, size: float
) -> list[Flowable]:
    """The card number and drill title in small print, then the statement at ``size``."""
    return [
        para(f"**{number}** · {title}", card_style(plan, "card-label", 9, muted=True)),
        para(challenge.statement, card_style(plan, "card-text", size)),
    ]


def _card_back(plan: Plan, number: int, challenge: Challenge, size: float) -> list[Flowable]:
    """The card number, then the technique hint at ``size`` (never the answer)."""
    flowables: list[Flowable] = [
        para(
            plan.words("card_number", number=number),
            card_style(plan, "card-number", 22, bold=True, centred=True),
        )
    ]
    if challenge.technique:
        flowables += [
            para(
                plan.words("technique_to_try"),
                card_style(plan, "card-hint-label", size, bold=True, centred=True),
            ),
            para(challenge.technique, card_style(plan, "card-hint", size, centred=True)),
        ]
    return flowables


def _answer_key_story(plan: Plan, drill: DrillBlock) -> list[Flowable]:
    s = plan.styles
    width, _ = plan.frame()
    words = plan.words
    story: list[Flowable] = [
        para(words("answer_key_title", title=drill.title), s.title),
        para(f"**{words.colon(words('facilitator_copy'))}** {words('answer_key_keep')}", s.body),
    ]
    if drill.facilitator_notes:
        story.append(note_box(words("running_the_drill"), drill.facilitator_notes, s.body, width))
    for number, challenge in enumerate(drill.challenges, start=1):
        block = _challenge_heading(plan, drill, number)
        block.append(para(words("suggested_responses"), s.h3))
        block += [para(point, s.bullet, bullet="•") for point in challenge.responses]
        if challenge.technique:
            label = words.colon(words("technique"))
            block.append(para(f"**{label}** {challenge.technique}", s.body))
        story.append(KeepTogether(block))
    return story
