"""Building blocks the printed documents share: styles, lists, tables, citations.

A ``Look`` carries what every block needs to lay itself out (the workshop, print-safe
styles at one body size, the text width), so the same code sets the normal and the
large-print handout and the facilitator guide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeAlias, Union

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from kit.layout.fonts import face_name
from kit.layout.pictures import Prepared, prepare
from kit.model import BulletItem, ContinuumBlock, Theme, Workshop, markup
from kit.model.colour import WHITE, mix, readable_on
from kit.model.schedule import AgendaItem, BreakItem, agenda, item_title
from kit.pdf import (
    MARGIN,
    Styles,
    colour,
    para,
    styles,
    table_style,
)
from kit.pdf.brand import Brand, brand_for
from kit.pdf.draw import TINT, frame_size, print_theme
from kit.pdf.tagging import DataTable, TaggedParagraph
from kit.words.i18n import Words
from kit.words.typography import tied

LARGE_PRINT = 16.0  # the smallest text in the large-print edition, in points
LARGE_MARGIN = MARGIN + 4 * mm  # room for that furniture, 12 mm clear of the paper's edge
TIGHT_SPACING = 0.6  # of the usual space between paragraphs, when a last page folds back
CELL_PADDING = 0.4  # table cell padding, as a multiple of the body size


@dataclass(frozen=True)
class Look:
    """Everything a block needs to lay itself out in one document."""

    workshop: Workshop
    theme: Theme  # made safe for white paper
    styles: Styles
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    sub_bullet: ParagraphStyle
    words: Words
    width: float  # of the text frame
    height: float
    paper: str
    margin: float  # around the text frame, on every side but the top
    brand: Brand
    top: float  # the top margin: the running header's logo may need more than ``margin``
    turned: bool = False  # landscape
    # The pictures the deck's plan prepared, by path: every output draws the same copy.
    pictures: Mapping[str, Prepared] = field(default_factory=dict, compare=False)

    def picture(self, path: str) -> Prepared:
        """The picture at ``path``, upright and reduced (prepared here if the plan did not)."""
        return self.pictures.get(path) or prepare(path)

    @property
    def body_size(self) -> float:
        """The body text size in points."""
        return self.styles.body.fontSize

    def tightened(self) -> Look:
        """This look with less space between paragraphs, to fold a short last page back."""
        return look_for(
            self.workshop,
            self.theme,
            self.paper,
            self.body_size,
            turned=self.turned,
            pictures=self.pictures,
            spacing=TIGHT_SPACING,
            header=self.top != self.margin,
        )

    @property
    def large(self) -> bool:
        """Whether this is the large-print edition."""
        return self.body_size >= LARGE_PRINT


def look_for(
    workshop: Workshop,
    theme: Theme,
    paper: str,
    body_size: float,
    *,
    turned: bool = False,
    pictures: Mapping[str, Prepared] | None = None,
    spacing: float = 1.0,
    header: bool = True,
) -> Look:
    """The look of a document on ``paper`` (``turned`` landscape), body ``body_size`` pt high,
    drawing ``pictures`` (the deck plan's) where it has them; ``spacing`` scales the space
    between paragraphs; without ``header`` (a certificate), no room for the header's logo."""
    printable = print_theme(theme)
    brand = brand_for(theme, pictures)
    base = styles(printable, body_size, spacing)
    small = base.small
    if body_size >= LARGE_PRINT:  # large print: nothing smaller than the body text
        small = _derived(small, fontSize=body_size, leading=base.body.leading)
    bullet = base.bullet
    tuned = replace(base, small=small)
    margin = LARGE_MARGIN if body_size >= LARGE_PRINT else MARGIN
    top = brand.top_margin(margin) if header else margin
    width, height = frame_size(paper, turned=turned, margin=margin, top=top)
    return Look(
        workshop=workshop,
        theme=printable,
        styles=tuned,
        words=workshop.interface_words(),
        cell=_derived(base.body, spaceAfter=0),
        head_cell=_derived(
            base.body,
            spaceAfter=0,
            fontName=face_name(bold=True),
            textColor=colour(readable_on(printable.colours.primary)),
        ),
        sub_bullet=_derived(
            bullet,
            leftIndent=bullet.leftIndent * 2,
            bulletIndent=bullet.leftIndent + bullet.bulletIndent,
        ),
        width=width,
        height=height,
        paper=paper,
        margin=margin,
        brand=brand,
        top=top,
        turned=turned,
        pictures=pictures or {},
    )


def _derived(style: ParagraphStyle, **changes: Any) -> ParagraphStyle:
    """A child of ``style`` with ``changes``."""
    return ParagraphStyle(f"{style.name}+", parent=style, **changes)


# --- text -----------------------------------------------------------------------------


# A story item: one flowable, or a list of flowables kept on one page if they fit one.
Item: TypeAlias = Union[Flowable, list[Flowable]]  # noqa: UP007 (reportlab is untyped)


def laid_out(
    items: Sequence[Item], headings: Sequence[Flowable] = (), tail: Sequence[Flowable] = ()
) -> list[Flowable]:
    """``items`` as flowables, with ``headings`` kept with the first and ``tail`` the last.

    Never nests KeepTogether: reportlab breaks the page before a KeepTogether inside
    another even where both would fit.
    """
    groups: list[tuple[list[Flowable], bool]] = [
        (list(i), True) if isinstance(i, list) else ([i], False) for i in items
    ]
    if not groups:
        return [*headings, *tail]
    first, keep = groups[0]
    groups[0] = ([*headings, *first], keep or bool(headings))
    last, keep = groups[-1]
    groups[-1] = ([*last, *tail], keep or bool(tail))
    return [KeepTogether(group) if keep else group[0] for group, keep in groups]


def headed(heading: Flowable, flowables: Sequence[Flowable]) -> list[Item]:
    """``flowables`` with ``heading`` kept on the page of the first."""
    if not flowables:
        return []
    return [[heading, flowables[0]], *flowables[1:]]


def stage_list(block: ContinuumBlock, look: Look) -> list[Flowable]:
    """The continuum's poles, then its stages numbered as on the slide, with descriptions."""
    s = look.styles
    poles = look.words(
        "axis_from_to", start=block.axis.start, end=block.axis.end, count=len(block.stages)
    )
    # Numbered list items: tagged LI, and a list's last two kept together (kit.pdf.flow).
    stages = [
        labelled(look.words.colon(stage.name), stage.description, s.bullet, f"{number}.")
        for number, stage in enumerate(block.stages, start=1)
    ]
    # It introduces the stages: never the last line of a page.
    return [para(poles, _derived(s.body, keepWithNext=1)), *stages]


def bullet_list(texts: Iterable[str], look: Look) -> list[Flowable]:
    """A bullet point per user text."""
    return [para(text, look.styles.bullet, bullet="•") for text in texts]


def bullet_items(items: Iterable[BulletItem], look: Look) -> list[Item]:
    """Bullets with their sub-points, each point kept with its sub-points."""
    out: list[Item] = []
    for item in items:
        point = para(item.text, look.styles.bullet, bullet="•")
        subs = [para(sub, look.sub_bullet, bullet="–") for sub in item.sub]
        out.append([point, *subs] if subs else point)
    return out


def labelled(label: str, text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """``label`` in bold, then user ``text`` (both escaped, emphasis kept; its last two
    words held together)."""
    return TaggedParagraph(
        f"<b>{markup.to_reportlab(label)}</b> {markup.to_reportlab(tied(text))}",
        style,
        bulletText=bullet,
    )


def bold(text: str, style: ParagraphStyle) -> Paragraph:
    """User ``text`` all in bold: safer than wrapping it in ``**``, which its own would undo."""
    return TaggedParagraph(f"<b>{markup.to_reportlab(tied(text))}</b>", style)


def source_number(workshop: Workshop, source_id: str) -> int:
    """The 1-based number a source has in the list at the end of each document."""
    return next(i for i, s in enumerate(workshop.sources, start=1) if s.id == source_id)


def cite_line(cite: Sequence[str], look: Look) -> list[Flowable]:
    """The line "Sources: [1] SafeLink Alberta; [2] SWAN", or nothing if uncited."""
    if not cite:
        return []
    workshop = look.workshop
    names = "; ".join(
        f"[{source_number(workshop, source_id)}] {workshop.source(source_id).organisation}"
        for source_id in cite
    )
    return [para(look.words("sources_line", sources=names), look.styles.small)]


def sources_section(look: Look) -> list[Flowable]:
    """The numbered list of sources the citations point to."""
    workshop = look.workshop
    if not workshop.sources:
        return []
    story: list[Flowable] = [para(look.words("sources"), look.styles.h1)]
    for number, source in enumerate(workshop.sources, start=1):
        title = look.words("quoted", text=source.title)
        details = [source.organisation, title, source.year, source.url or ""]
        text = ", ".join(part for part in details if part)
        story.append(para(text, look.styles.bullet, bullet=f"[{number}]"))
    return story


def when(look: Look) -> str:
    """The workshop's date (in its language) and clock times: ``5 December 2026, 10:00–11:55``."""
    return workshop_when(look.workshop, look.words)


def workshop_when(workshop: Workshop, words: Words) -> str:
    """``when`` for a workshop in the language of ``words`` (the web edition has no Look)."""
    slots = agenda(workshop)
    times = words.span(slots[0].start, slots[-1].end)
    return f"{words.date(workshop.date)}, {times}" if workshop.date else times


def item_cell(item: AgendaItem | BreakItem, look: Look) -> Flowable | str:
    """An agenda item's title for a table: a section's as it is, a break's in italics."""
    title = item_title(item, look.words)
    if isinstance(item, BreakItem):
        return TaggedParagraph(f"<i>{markup.to_reportlab(title)}</i>", look.cell)
    return title


# --- tables ---------------------------------------------------------------------------


def grid(
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    look: Look,
    *,
    header: bool = True,
) -> Table:
    """A striped table; rows never split across pages, the header row repeats.

    Plain strings are user text and are set in the cell style (the header row's in bold).
    """
    cells = [
        [
            para(cell, look.head_cell if header and r == 0 else look.cell)
            if isinstance(cell, str)
            else cell
            for cell in row
        ]
        for r, row in enumerate(rows)
    ]
    colours = look.theme.colours
    pad = look.body_size * CELL_PADDING
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.6, colour(colours.muted)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.75),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    first = 1 if header else 0
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colour(colours.primary)))
    stripe = colour(mix(colours.secondary, WHITE, 0.88))
    commands += [("BACKGROUND", (0, r), (-1, r), stripe) for r in range(first, len(cells), 2)]
    table = DataTable(cells, colWidths=list(widths), repeatRows=first, splitInRow=0, hAlign="LEFT")
    table.setStyle(table_style(commands, look.body_size))
    return table


def boxed(parts: list[Flowable], look: Look) -> Table:
    """``parts`` in a framed, tinted box the width of the page, like ``pdfdraw.note_box``.

    Keep it on one page by giving it as a one-item list to ``laid_out``.
    """
    pad = look.body_size * 0.7
    # Split between lines if it must: only a box taller than a page ever does.
    box = Table(
        [[parts]],
        colWidths=[look.width],
        hAlign="LEFT",
        splitInRow=1,
        spaceBefore=look.body_size * 0.5,
        spaceAfter=look.body_size * 0.3,
    )
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, look.styles.body.textColor),
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 0.75),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.5),
            ],
            look.body_size,
        )
    )
    return box
