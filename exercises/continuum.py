"""The continuum reflection: worksheet, wall signs and scenario cards.

Scenario notes are the facilitator's: nothing here prints them.
"""

from __future__ import annotations

from functools import partial

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from exercises.sheets import Card, Plan, Sheet, card_pages, card_style
from kit.layout.fonts import face_name
from kit.model import ContinuumBlock, Scenario
from kit.outputs import CONTINUUM_SCENARIO_CARDS, CONTINUUM_SIGNS, CONTINUUM_WORKSHEET
from kit.pdf import para, table_style, unbreakable
from kit.pdf.continuum import ContinuumDrawing
from kit.pdf.draw import RuledLines, Slots, TickBoxes, note_box, stack_height

WHY_LINES = 3
PROMPT_LINES = 4
SIGN_NAME_SIZES = (110.0, 36.0)  # readable across a room, down to readable from a few steps
SIGN_TOP = 5 * mm  # clear space between the header's rule and a sign's first line


def continuum_sheets(plan: Plan, continuum: ContinuumBlock, number: int) -> list[Sheet]:
    """The worksheet, wall signs and (with scenarios) scenario cards of a continuum."""
    words = plan.words
    signs = CONTINUUM_SIGNS.file_name(number)
    sheets = [
        Sheet(
            CONTINUUM_WORKSHEET,
            number,
            words("continuum_worksheet"),
            _worksheet_story(plan, continuum),
        ),
        Sheet(
            CONTINUUM_SIGNS,
            number,
            words("continuum_signs"),
            _sign_story(plan, continuum, signs),
            turned=True,
        ),
    ]
    if continuum.scenarios:
        name = CONTINUUM_SCENARIO_CARDS.file_name(number)
        sheets.append(
            Sheet(
                CONTINUUM_SCENARIO_CARDS,
                number,
                words("continuum_scenario_cards"),
                _scenario_card_story(plan, continuum, name),
            )
        )
    return sheets


# --- worksheet ------------------------------------------------------------------------


def _worksheet_story(plan: Plan, continuum: ContinuumBlock) -> list[Flowable]:
    s, words = plan.styles, plan.words
    width, _ = plan.frame()
    story: list[Flowable] = [para(continuum.title, s.title)]
    if continuum.intro:
        story.append(para(continuum.intro, s.body))
    story += [
        Spacer(0, 3 * mm),
        ContinuumDrawing(continuum, plan.theme, width),
        Spacer(0, 4 * mm),
        _stage_table(plan, continuum, width),
        Spacer(0, 4 * mm),
        note_box(
            words("fluidity_title"), continuum.fluidity or words("fluidity_default"), s.body, width
        ),
    ]
    story += _scenario_flowables(plan, continuum)
    if continuum.prompts:
        story += _section(
            [para(words("reflection"), s.h2), para(words("reflection_intro"), s.body)],
            [
                [para(prompt, s.bullet, bullet=f"{number}."), RuledLines(PROMPT_LINES)]
                for number, prompt in enumerate(continuum.prompts, start=1)
            ],
        )
    return story


def _section(heading: list[Flowable], items: list[list[Flowable]]) -> list[Flowable]:
    """``items``, each kept on one page, the first on the same page as ``heading``."""
    first, *rest = items
    return [KeepTogether(heading + first), *(KeepTogether(item) for item in rest)]


def _stage_table(plan: Plan, continuum: ContinuumBlock, width: float) -> Table:
    """Each stage's number, name and one-line description, in order."""
    s = plan.styles
    text = ParagraphStyle("stage-text", parent=s.body, spaceAfter=0)
    name = ParagraphStyle("stage-name", parent=text, fontName=face_name(bold=True))
    name_width = width * 0.3
    rows = [
        [para(str(number), name), para(stage.name, name), para(stage.description, text)]
        for number, stage in enumerate(continuum.stages, start=1)
    ]
    table = Table(rows, colWidths=[8 * mm, name_width, width - name_width - 8 * mm])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, s.small.textColor),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ],
            text.fontSize,
        )
    )
    return table


def _scenario_flowables(plan: Plan, continuum: ContinuumBlock) -> list[Flowable]:
    """Each scenario with numbered boxes to mark its stage and lines for why."""
    if not continuum.scenarios:
        return []
    s, words = plan.styles, plan.words
    count = len(continuum.stages)
    return _section(
        [para(words("scenarios_title"), s.h2), para(words("tick_a_stage", count=count), s.body)],
        [
            [
                para(words("scenario_number", number=number), s.h3),
                para(scenario.text, s.body),
                TickBoxes(words("stage_boxes"), count, plan.theme),
                Spacer(0, 3 * mm),
                para(words("why_there"), s.small),
                RuledLines(WHY_LINES),
            ]
            for number, scenario in enumerate(continuum.scenarios, start=1)
        ],
    )


# --- wall signs -----------------------------------------------------------------------


def _sign_story(plan: Plan, continuum: ContinuumBlock, file_name: str) -> list[Flowable]:
    """One landscape sign per stage, each a single page, all laid on one grid.

    One size for every name keeps the wall even; it is the largest at which no word of a
    stage name has to break and every sign's parts fit the grid: the counter, the name,
    the description and the line with its stage marked, each at the same place on every
    sign, so the names line up along the wall.
    """
    width, height = plan.frame(turned=True)
    box = (width, height - SIGN_TOP - 1)
    size = SIGN_NAME_SIZES[0]
    for index, stage in enumerate(continuum.stages):
        words = unbreakable(stage.name)
        longest = max((stringWidth(word, face_name(bold=True), 1) for word in words), default=0)
        largest = min(size, width * 0.95 / longest if longest else size)
        size = plan.fit(
            partial(_sign_flowables, plan, continuum, index, width),
            box,
            (largest, SIGN_NAME_SIZES[1]),
            f"{file_name}: sign {index + 1}",
            stage.name,
            plan.field_of(continuum, "stages", index, "name"),
        )
    tallest = max(range(len(continuum.stages)), key=lambda i: len(continuum.stages[i].name))
    size = plan.fit(
        lambda size: [Spacer(0, sum(_grid(plan, continuum, width, size)))],
        box,
        (size, SIGN_NAME_SIZES[1]),
        f"{file_name}: signs",
        continuum.stages[tallest].name,
        plan.field_of(continuum, "stages", tallest, "name"),
    )
    slots = _grid(plan, continuum, width, size)
    story: list[Flowable] = []
    for index in range(len(continuum.stages)):
        parts = _sign(plan, continuum, index, width, size)
        tops = [SIGN_TOP + sum(slots[:slot]) for slot in range(3)] + [box[1] - slots[3]]
        story += [PageBreak(), Slots(list(zip(tops, parts)), box[1] + SIGN_TOP)]
    return story[1:]


def _grid(plan: Plan, continuum: ContinuumBlock, width: float, size: float) -> list[float]:
    """The height of each part of a sign (counter, name, description, line) on every sign:
    the tallest of each, with the gap under it."""
    signs = [_sign(plan, continuum, i, width, size) for i in range(len(continuum.stages))]
    gaps = (4 * mm, size * 0.3, 8 * mm, 0)
    return [
        max(stack_height(sign[part], width) for sign in signs) + gaps[part] for part in range(4)
    ]


def _sign_flowables(
    plan: Plan, continuum: ContinuumBlock, index: int, width: float, size: float
) -> list[Flowable]:
    """Stage ``index``'s sign as one stack, to fit it alone."""
    return [flowable for part in _sign(plan, continuum, index, width, size) for flowable in part]


def _sign(
    plan: Plan, continuum: ContinuumBlock, index: int, width: float, size: float
) -> list[list[Flowable]]:
    """Stage ``index``'s sign with its name at ``size`` points, the rest scaled to it, in its
    four parts: the counter, the name, the description, the line with the stage marked."""
    stage = continuum.stages[index]
    count = len(continuum.stages)

    def style(
        name: str,
        font_size: float,
        alignment: int = TA_CENTER,
        bold: bool = True,
        parent: ParagraphStyle = plan.styles.body,
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            parent=parent,
            fontName=face_name(bold=bold),
            fontSize=font_size,
            leading=font_size * 1.15,
            alignment=alignment,
            spaceBefore=0,
            spaceAfter=4 if name == "sign-axis" else 0,
        )

    counter = plan.words("stage_of", number=index + 1, total=count)
    line: list[Flowable] = [
        ContinuumDrawing(
            continuum, plan.theme, width, current=index, names=False, axis=False, marker=26
        )
    ]
    axis = continuum.axis
    if index == 0:
        line.append(para("← " + axis.start, style("sign-axis", 20, TA_LEFT)))
    if index == count - 1:
        line.append(para(axis.end + " →", style("sign-axis", 20, TA_RIGHT)))
    text = style("sign-text", min(28.0, max(16.0, size * 0.3)), bold=False)
    return [
        [para(counter, style("sign-counter", 22, parent=plan.styles.small))],
        [_balanced(stage.name, style("sign-name", size), width)],
        [_balanced(stage.description, text, width)],
        line,
    ]


def _balanced(text: str, style: ParagraphStyle, width: float) -> Flowable:
    """``text`` centred in the narrowest width, down to half of ``width``, that keeps its
    lines as many: even lines, no word alone on the last ("... how and with / whom").
    One line is left as set."""
    # Fitting the signs sets each stage at size after size, and a watch checks them again
    # after every edit: each indent is searched once per text, look and width.
    look = tuple((k, repr(v)) for k, v in sorted(vars(style).items()) if k not in _NOT_LOOK)
    key = (text, width, look)
    if key not in _INDENTS:
        _INDENTS[key] = _balanced_indent(text, style, width)
    fits = _INDENTS[key]
    if fits is None:  # one line: nothing to balance
        return para(text, style)
    return para(text, ParagraphStyle(style.name, parent=style, leftIndent=fits, rightIndent=fits))


# A style's name and parent: what it is called and where it came from, not how it sets text.
_NOT_LOOK = frozenset({"name", "parent"})
_INDENTS: dict[tuple[object, ...], float | None] = {}


def _balanced_indent(text: str, style: ParagraphStyle, width: float) -> float | None:
    """The indent on both sides that balances ``text`` (see ``_balanced``); None for one line."""

    trial = para(text, style)  # parsed once, wrapped at each width tried

    def lines(indent: float) -> int:
        # The width reportlab breaks lines to between indents on both sides (no first-line
        # indent in a sign's styles), to the last bit.
        trial.wrap(width - indent - indent, 1e6)
        return len(trial.blPara.lines)

    wanted = lines(0)
    if wanted < 2:
        return None
    # never narrower than the longest word, which reportlab would split to fill a line
    longest = max(stringWidth(w, style.fontName, style.fontSize) for w in unbreakable(text))
    fits, short = 0.0, max(min(width / 4, (width - longest) / 2 - 1), 0.0)
    for _ in range(10):  # to a point or so
        middle = (fits + short) / 2
        fits, short = (middle, short) if lines(middle) == wanted else (fits, middle)
    return fits


# --- scenario cards -------------------------------------------------------------------


def _scenario_card_story(plan: Plan, continuum: ContinuumBlock, file_name: str) -> list[Flowable]:
    """One scenario per card, numbered as on the worksheet, all at one size; single-sided."""
    cards = [
        Card(
            partial(_scenario_card, plan, number, scenario),
            (
                f"{file_name}: card {number}",
                scenario.text,
                plan.field_of(continuum, "scenarios", number - 1),
            ),
        )
        for number, scenario in enumerate(continuum.scenarios, start=1)
    ]
    return card_pages(plan, plan.fit_cards(cards))


def _scenario_card(plan: Plan, number: int, scenario: Scenario, size: float) -> list[Flowable]:
    """The scenario number in small print, then its text at ``size`` (never its note)."""
    return [
        para(
            plan.words("scenario_number", number=number),
            card_style(plan, "card-label", 9, bold=True, muted=True),
        ),
        para(scenario.text, card_style(plan, "card-text", size)),
    ]
