"""What every exercise sheet shares: the plan of a sheet, its styles and how it is written.

Sheets are planned first (stories built, every card fitted) and written only once every
sheet of the workshop is planned, so a card that cannot fit stops the build before any
file is written, together with every other such card.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer

from kit.layout.fonts import face_name
from kit.model import Theme, Workshop, markup
from kit.outputs import Output, OutputKind, Unfit
from kit.pdf import MARGIN, Styles, build_pdf, meta_for, para, styles
from kit.pdf.brand import Brand, brand_for
from kit.pdf.cards import CardGrid, CardPage
from kit.pdf.draw import (
    Slots,
    clip,
    fit_size,
    frame_size,
    print_theme,
    running_header,
)
from kit.words.i18n import Words

CARD_MAX_SIZE = 18.0  # card text starts here and shrinks to fit
CARD_MIN_SIZE = 9.0  # the smallest size still easy to read at arm's length on a table
CARD_COLUMNS, CARD_ROWS = 2, 4  # about 80 x 60 mm cards: one statement, held in one hand
INSTRUCTION = 16.0  # points above a card grid for how to print and cut it
PAGE_LABEL = 80.0  # room kept at the footer's right for "Page 10 of 12"
EXCERPT_WORDS = 8  # of a text that does not fit, quoted so the user can find it


@dataclass(frozen=True)
class Sheet:
    """One PDF to write: its kind and number, what it is (metadata, header, footer), its story."""

    kind: OutputKind
    number: int  # of the exercise among its kind: the second drill's files are numbered
    what: str
    story: Sequence[Flowable]
    turned: bool = False

    @property
    def name(self) -> str:
        return self.kind.file_name(self.number)

    @property
    def facilitator(self) -> bool:
        return self.kind.facilitator

    @property
    def flows(self) -> bool:
        """Whether it flows from page to page: sheets on paper do; cards and signs, on card,
        are set a page at a time."""
        return self.kind.printing is None or self.kind.printing.stock == "paper"


FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Card:
    """One card to fit: ``make(size)`` draws it; ``about`` says where it comes from, for a
    problem (``where``, ``text``, ``source`` as ``Plan.fit`` takes them)."""

    make: Callable[[float], Sequence[Flowable]]
    about: tuple[str, str, FieldPath]


@dataclass
class Plan:
    """What the sheets of one workshop are drawn with, and the problems found planning them."""

    workshop: Workshop
    theme: Theme
    paper: str
    styles: Styles
    words: Words
    brand: Brand
    problems: list[Unfit] = field(default_factory=list)
    # Every size ``fit`` chose, in order; with ``known``, the sizes an earlier plan of the
    # same sheets chose, taken in the same order instead of searching again.
    fitted: list[float] = field(default_factory=list)
    known: Iterator[float] | None = None

    @classmethod
    def for_workshop(
        cls, workshop: Workshop, theme: Theme, paper: str, known: Iterable[float] | None = None
    ) -> Plan:
        """A plan in ``theme``'s colours, made safe for printing on white paper."""
        printable = print_theme(theme)
        words = workshop.interface_words()
        sizes = None if known is None else iter(known)
        return cls(
            workshop, printable, paper, styles(printable), words, brand_for(theme), known=sizes
        )

    def field_of(self, block: object, *inside: str | int) -> FieldPath:
        """Where ``block``'s field ``inside`` is in the workshop file, to locate a problem."""
        for s, section in enumerate(self.workshop.sections):
            for b, candidate in enumerate(section.blocks):
                if candidate is block:
                    return ("sections", s, "blocks", b, candidate.kind, *inside)
        raise ValueError("the block is not in this plan's workshop")

    def frame(self, *, turned: bool = False) -> tuple[float, float]:
        """Width and height of the writing area of a page (``turned``: landscape)."""
        return frame_size(self.paper, turned=turned, top=self.brand.top_margin(MARGIN))

    def card_grid(self) -> CardGrid:
        """The grid every card sheet uses, filling a portrait page under its instruction."""
        width, height = self.frame()
        return CardGrid.filling(width, height - INSTRUCTION, CARD_COLUMNS, CARD_ROWS)

    def fit(
        self,
        make: Callable[[float], Sequence[Flowable]],
        box: tuple[float, float],
        sizes: tuple[float, float],
        where: str,
        text: str,
        source: FieldPath,
    ) -> float:
        """The largest of ``sizes`` (largest, smallest) at which ``make(size)`` fits ``box``.

        Text that cannot fit even at the smallest size is noted as a problem at ``source``
        (the field it comes from) naming ``where`` (e.g. "drill-cards.pdf: card 3") and
        quoting the start of ``text``.
        """
        if self.known is not None:
            self.fitted.append(next(self.known))
            return self.fitted[-1]
        size = fit_size(make, *box, *sizes)
        self.fitted.append(sizes[1] if size is None else size)
        if size is None:
            words = markup.plain(text).split()
            excerpt = " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")
            self.problems.append(
                Unfit(
                    source,
                    f"{where}: the text does not fit even at {sizes[1]:g} pt; "
                    f'shorten it ("{excerpt}")',
                )
            )
            return sizes[1]
        return size

    def fit_cards(self, cards: Sequence[Card]) -> list[Sequence[Flowable]]:
        """Every card of a set drawn at one size: the largest at which each fits a card of
        ``card_grid()``, so no card's text is smaller than its neighbours'. A card that
        cannot fit even at the smallest size is a problem (see ``fit``)."""
        grid = self.card_grid()
        box = (grid.inner_width, grid.inner_height)
        sizes = [
            self.fit(card.make, box, (CARD_MAX_SIZE, CARD_MIN_SIZE), *card.about) for card in cards
        ]
        size = min(sizes, default=CARD_MAX_SIZE)
        return [card.make(size) for card in cards]

    def write(self, sheet: Sheet, out_dir: Path) -> Output:
        """Lay ``sheet`` out into ``out_dir``; returns the file and its page count."""
        workshop, words = self.workshop, self.words
        mark = words("facilitator_copy")
        what = f"{mark}: {sheet.what}" if sheet.facilitator else sheet.what
        label = f"{mark} · {words('not_for_participants')}" if sheet.facilitator else sheet.what
        parts = (what, workshop.organisation, workshop.licence)
        footer = " · ".join(part for part in parts if part)
        path = out_dir / sheet.name
        pages = build_pdf(
            path,
            sheet.story,
            paper=self.paper,
            meta=meta_for(workshop, sheet.what),
            footer=clip(footer, face_name(), 8.5, self.frame(turned=sheet.turned)[0] - PAGE_LABEL),
            theme=self.theme,
            turned=sheet.turned,
            top_margin=self.brand.top_margin(MARGIN),
            page_label=lambda page, total: words("page_of", page=page, total=total),
            on_page=running_header(
                markup.plain(workshop.title),
                label,
                self.theme,
                self.brand,
                facilitator=sheet.facilitator,
            ),
            even=sheet.flows,
        )
        return Output(path, pages, sheet.kind)


def card_style(
    plan: Plan,
    name: str,
    size: float,
    *,
    bold: bool = False,
    centred: bool = False,
    muted: bool = False,
) -> ParagraphStyle:
    """Card text at ``size`` points, from the body style."""
    body = plan.styles.body
    return ParagraphStyle(
        name,
        parent=body,
        fontSize=size,
        leading=size * 1.25,
        fontName=face_name(bold=bold),
        spaceAfter=size * 0.5,
        alignment=TA_CENTER if centred else body.alignment,
        textColor=plan.styles.small.textColor if muted else body.textColor,
    )


def card_pages(
    plan: Plan,
    fronts: Sequence[Sequence[Flowable]],
    backs: Sequence[Sequence[Flowable]] = (),
) -> list[Flowable]:
    """Card pages for ``fronts``; with ``backs``, each front page is followed by its back.

    Each front page says how to print and cut above the grid; a back page leaves that
    strip blank, so its grid falls behind the front's. Backs are mirrored for duplex
    printing flipped on the long edge, their text at the top of the card like the front's.
    """
    grid = plan.card_grid()
    how = plan.words("cards_two_sided" if backs else "cards_one_sided")
    style = ParagraphStyle("instruction", parent=plan.styles.small, fontName=face_name(bold=True))
    story: list[Flowable] = []
    for start in range(0, len(fronts), grid.per_page):
        chunk = slice(start, start + grid.per_page)
        story += [
            PageBreak(),
            Slots([(0.0, [para(how, style)])], INSTRUCTION),
            CardPage(grid, fronts[chunk]),
        ]
        if backs:
            story += [
                PageBreak(),
                Spacer(0, INSTRUCTION),
                CardPage(grid, backs[chunk], mirrored=True),
            ]
    return story[1:]
