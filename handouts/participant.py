"""The participant handout, in normal or large print: the take-home summary.

Title block, content note, programme, then each section's key content in agenda order,
the glossary and the sources. Never printed here: speaker notes, facilitator notes, the
drill's suggested responses and the scenario notes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, Spacer, Table

from handouts.story import (
    Item,
    Look,
    bold,
    boxed,
    bullet_items,
    bullet_list,
    cite_line,
    grid,
    headed,
    item_cell,
    labelled,
    laid_out,
    sources_section,
    stage_list,
    when,
)
from kit.layout.blocks.activity import timing
from kit.layout.fonts import face_name
from kit.layout.planner import quoted
from kit.model import (
    ActivityBlock,
    BulletsBlock,
    ComparisonBlock,
    ContentNoteBlock,
    ContinuumBlock,
    DefinitionBlock,
    DrillBlock,
    ImageBlock,
    QuoteBlock,
    Resource,
    ResourcesBlock,
    Section,
)
from kit.model.kinds import BlockTable
from kit.model.schedule import timetable
from kit.outputs import Unfit
from kit.pdf import colour, para, table_style
from kit.pdf.continuum import LABEL_SIZE, ContinuumDrawing
from kit.pdf.draw import GUIDE
from kit.pdf.tagging import Figure

QR_SIZE = 6.0  # QR code side, as a multiple of the body size (about 23 mm at 11 pt)
IMAGE_SHARE = 0.45  # the most of a page's height an image may take


def participant_story(look: Look) -> list[Flowable]:
    """Everything in the participant handout, in reading order."""
    story = _title_block(look) + _content_notes(look) + _programme(look)
    for section in look.workshop.sections:
        story += _section(section, look)
    story += _glossary(look)
    story += sources_section(look)
    return story


def _title_block(look: Look) -> list[Flowable]:
    """The workshop's title, subtitle, organisation, date and time, venue and facilitators."""
    workshop, s = look.workshop, look.styles
    story = [para(workshop.title, s.title)]
    if workshop.subtitle:
        story.append(para(workshop.subtitle, s.h3))
    w = look.words
    details = [
        (w("organisation"), workshop.organisation),
        (w("date"), when(look)),
        (w("venue"), workshop.venue),
        (w("facilitators"), ", ".join(workshop.presenters)),
    ]
    story += [labelled(label, value, s.body) for label, value in details if value]
    if workshop.web is not None:
        url = workshop.web.url
        story.append(_beside_qr([para(w("read_online"), look.cell), para(url, s.small)], url, look))
    return story


def _content_notes(look: Look) -> list[Flowable]:
    """Every content note, first, before any of the material it warns about."""
    story: list[Flowable] = []
    for note in look.workshop.blocks_of(ContentNoteBlock):
        parts = [bold(note.title, look.cell), para(note.text, look.styles.body)]
        parts += bullet_list(note.support, look)
        story += laid_out([[boxed(parts, look)]])
    return story


def _programme(look: Look) -> list[Flowable]:
    """The agenda with clock times, so participants know what comes when."""
    items = timetable(look.workshop)
    header = (look.words("time"), look.words("section"))
    rows = [
        header,
        *((look.words.span(item.start, item.end), item_cell(item, look)) for item in items),
    ]
    time_width = look.body_size * 8
    table = grid(rows, [time_width, look.width - time_width], look)
    return laid_out([table], headings=[para(look.words("programme"), look.styles.h2)])


def _section(section: Section, look: Look) -> list[Flowable]:
    """The section's key content; nothing at all if none of its blocks print here."""
    story: list[Flowable] = []
    headings = [para(section.title, look.styles.h1)]
    for block in section.blocks:
        draw = _BLOCKS[block.kind]
        if draw is None:
            continue
        heading = _heading(block, look)
        if heading and heading != section.title:  # a section of one block needs one heading
            headings.append(para(heading, look.styles.h2))
        story += laid_out(draw(block, look), headings, cite_line(block.cite, look))
        headings = []
    return story


def _heading(block: Any, look: Look) -> str:
    """The block's heading in the handout; a quote without a title gets a default one."""
    if isinstance(block, QuoteBlock):
        return block.title or look.words("in_their_words")
    return block.title


# --- one function per block kind ------------------------------------------------------


def _bullets_flowables(block: BulletsBlock, look: Look) -> list[Item]:
    """The key points, each kept with its sub-points."""
    return bullet_items(block.items, look)


def _definition_flowables(block: DefinitionBlock, look: Look) -> list[Item]:
    """The term, its meaning and its source in a box, kept on one page if it fits one."""
    parts = [bold(block.term, look.cell), para(block.meaning, look.styles.body)]
    if block.source:
        parts.append(para(f"— {block.source}", _right(look.styles.small)))
    return [[boxed(parts, look)]]


def _quote_flowables(block: QuoteBlock, look: Look) -> list[Item]:
    """The quote in quotation marks, kept with its attribution."""
    return [
        [
            para(quoted(block.text, look.words), look.styles.quote),
            para(f"— {block.attribution}", _right(look.styles.small)),
        ]
    ]


def _comparison_flowables(block: ComparisonBlock, look: Look) -> list[Item]:
    """The comparison as a table whose rows never split and whose header repeats."""
    half = look.width / 2
    return [grid([block.columns, *block.rows], [half, half], look)]


def _image_flowables(block: ImageBlock, look: Look) -> list[Item]:
    """The picture, at most about half a page high, kept with its caption."""
    picture = look.picture(block.path)  # upright, and no larger than it can be seen
    scale = min(look.width / picture.width, look.height * IMAGE_SHARE / picture.height)
    w, h = picture.width * scale, picture.height * scale
    parts: list[Flowable] = [Figure(Image(picture.source(), w, h, hAlign="LEFT"), block.alt)]
    if block.caption:
        caption = ParagraphStyle(
            "caption", parent=look.styles.small, fontName=face_name(italic=True)
        )
        parts.append(para(block.caption, caption))
    return [parts]


def _continuum_flowables(block: ContinuumBlock, look: Look) -> list[Item]:
    """The continuum drawn as on the slide, then its stages, the fluidity point and prompts."""
    s, w = look.styles, look.words
    intro = [para(block.intro, s.body)] if block.intro else []
    items: list[Item] = [
        [*intro, _continuum_drawing(block, look), Spacer(0, look.body_size * 0.5)],
        *stage_list(block, look),
    ]
    if block.fluidity:
        items.append([para(w("fluidity_title"), s.h3), para(block.fluidity, s.body)])
    items += headed(para(w("reflect_on"), s.h3), bullet_list(block.prompts, look))
    return items


def _continuum_drawing(block: ContinuumBlock, look: Look) -> Flowable:
    """The drawing as on the slide; in large print, numbers and poles only.

    At large-print sizes the stage names would not fit under their markers; the
    numbered list of stages that follows the drawing names them instead.
    """
    if look.large:
        return ContinuumDrawing(
            block, look.theme, look.width, text_size=look.body_size, names=False
        )
    return ContinuumDrawing(block, look.theme, look.width, text_size=LABEL_SIZE)


def _resources_flowables(block: ResourcesBlock, look: Look) -> list[Item]:
    """Each resource beside a QR code of its web address, so paper leads to the page."""
    return [_resource_row(item, look) for item in block.items]


def unfit_resources(look: Look, file_name: str) -> list[Unfit]:
    """Resources whose row, which never splits, is taller than a page of ``look``."""
    found = []
    for s, section in enumerate(look.workshop.sections):
        for b, block in enumerate(section.blocks):
            if not isinstance(block, ResourcesBlock):
                continue
            for i, item in enumerate(block.items):
                if _resource_row(item, look).wrap(look.width, look.height)[1] > look.height:
                    found.append(
                        Unfit(
                            ("sections", s, "blocks", b, "resources", "items", i),
                            f"{file_name}: resource {i + 1} is too long for one page; "
                            "shorten its description",
                        )
                    )
    return found


def _resource_row(item: Resource, look: Look) -> Flowable:
    """One resource: its name, description, contact and address, beside its QR code."""
    s = look.styles
    text: list[Flowable] = [bold(item.name, look.cell)]
    text += [para(part, look.cell) for part in (item.description, item.contact) if part]
    if item.url:
        text.append(para(item.url, s.small))
    return _beside_qr(text, item.url, look)


def _beside_qr(text: list[Flowable], url: str | None, look: Look) -> Flowable:
    """``text`` with the QR code of ``url`` (if any) to its right, ruled off below."""
    size = look.body_size * QR_SIZE
    code: Flowable | str = QrCode(url, size) if url else ""
    row = Table([[text, code]], colWidths=[look.width - size - 8, size + 8], hAlign="LEFT")
    row.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), look.body_size * 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), look.body_size * 0.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, GUIDE),
            ],
            look.body_size,
        )
    )
    return row


class QrCode(Flowable):
    """A QR code of ``url``, ``size`` points square, quiet zone included.

    Error correction level M survives a smudge or a crease on a printed page. Each row's
    dark modules are drawn as runs in one filled path: a rectangle per module, as
    reportlab's widget draws them, took a quarter of the whole handout's build time.
    """

    QUIET_ZONE = 4  # modules of white around the code, as the standard asks

    def __init__(self, url: str, size: float) -> None:
        super().__init__()
        self.url = url
        self.size = size
        self._rows = _qr_rows(url)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count = len(self._rows)
        cell = self.size / (count + 2 * self.QUIET_ZONE)
        path = self.canv.beginPath()
        for r, row in enumerate(self._rows):
            y = self.size - (self.QUIET_ZONE + r + 1) * cell
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((self.QUIET_ZONE + column) * cell, y, length * cell, cell)
                column += length
        self.canv.setFillColor(colour("#000000"))
        self.canv.drawPath(path, stroke=0, fill=1)


@cache
def _qr_rows(url: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``url``'s code, encoded once per process: the plan phase, the
    handout and its large print all show the same codes, and choosing a mask is slow."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def _drill_flowables(block: DrillBlock, look: Look) -> list[Item]:
    """The drill's guidance and techniques: hints, never the suggested responses."""
    items: list[Item] = list(bullet_list(block.guidance, look))
    techniques = bullet_list([c.technique for c in block.challenges if c.technique], look)
    return items + headed(para(look.words("techniques_title"), look.styles.h3), techniques)


def _activity_flowables(block: ActivityBlock, look: Look) -> list[Item]:
    """Time and groups, the participants' steps and what to bring: not the facilitator's notes."""
    s = look.styles
    items: list[Item] = [
        para(timing(block, look.words), s.h3),
        *bullet_list(block.instructions, look),
    ]
    if block.materials:
        items.append(
            labelled(look.words.colon(look.words("you_need")), ", ".join(block.materials), s.body)
        )
    return items


def _right(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` aligned right, for attributions."""
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def _glossary(look: Look) -> list[Flowable]:
    """Preferred terms, the words they replace, and why."""
    terms = look.workshop.glossary
    if not terms:
        return []
    w, width = look.words, look.width
    rows: list[tuple[str, ...]] = [(w("say"), w("instead_of"), w("why"))]
    rows += [(t.term, "; ".join(t.instead_of), t.why) for t in terms]
    headings = [para(w("glossary"), look.styles.h1), para(w("glossary_intro"), look.styles.body)]
    return laid_out([grid(rows, [width * 0.27, width * 0.25, width * 0.48], look)], headings)


# None: not among the section's content (the handout shows it elsewhere).
_BLOCKS: BlockTable[Callable[[Any, Look], list[Item]] | None] = BlockTable(
    "participant handout",
    {
        "title": None,  # the handout's title block
        "bullets": _bullets_flowables,
        "definition": _definition_flowables,
        "quote": _quote_flowables,
        "comparison": _comparison_flowables,
        "image": _image_flowables,
        "content_note": None,  # content notes open the handout
        "resources": _resources_flowables,
        "continuum": _continuum_flowables,
        "drill": _drill_flowables,
        "activity": _activity_flowables,
    },
)
