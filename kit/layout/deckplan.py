"""Lay the workshop out as slides: what goes on each slide and where, as plain data.

``plan_deck`` is the only entry point. One small function per block kind decides that
block's slides; text is fitted with real metrics and never overflows its box: it shrinks
down to a floor, then continues on a "(cont.)" slide with a warning naming the block.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field, replace
from typing import Any

from kit.layout.slidelayout import (
    Arrow,
    Box,
    Cell,
    DeckLayout,
    Element,
    Picture,
    QrCode,
    Slide,
    Table,
)
from kit.layout.textfit import Anchor, ParaSpec, Text, fit_text, paginate, set_text
from kit.model import (
    BulletsBlock,
    ComparisonBlock,
    ContentNoteBlock,
    DefinitionBlock,
    ImageBlock,
    QuoteBlock,
    ResourcesBlock,
    Section,
    TitleBlock,
    Workshop,
    markup,
)
from kit.model.colour import WHITE, contrast, mix, readable_on, softened
from kit.model.schedule import AgendaItem, agenda, item_title, timetable, total_minutes
from kit.words.i18n import Words, words

log = logging.getLogger("kit")

SLIDE_SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}
MARGIN = 40.0
TITLE_TOP, TITLE_HEIGHT = 22.0, 68.0
RULE_TOP = 94.0
BODY_TOP = 112.0
FOOTER_BAND = 36.0
CITE_BAND = 24.0
BODY_MAX, BODY_MIN = 28.0, 18.0
TABLE_MAX, TABLE_MIN = 20.0, 16.0
LABEL_MAX, LABEL_MIN = 18.0, 12.0


@dataclass(frozen=True)
class _BlockContext:
    """Where a block sits: its section and agenda slot, for notes and warnings."""

    section: Section
    number: int
    slot: AgendaItem
    label: str
    total_sections: int
    words: Words


@dataclass
class _Draft:
    title: str
    kind: str
    elements: list[Element]
    notes: str
    background: str
    for_participants: bool = True
    section: int = 0
    block: int | None = None


@dataclass
class _Planner:
    workshop: Workshop
    width: float = 0.0
    height: float = 0.0
    drafts: list[_Draft] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.width, self.height = SLIDE_SIZES[self.workshop.theme.slide_size]
        self.colours = self.workshop.theme.colours
        self.words = words(self.workshop.language)

    # --- geometry and shared pieces --------------------------------------------------

    @property
    def content_width(self) -> float:
        return self.width - 2 * MARGIN

    def body_height(self, cited: bool) -> float:
        return self.height - FOOTER_BAND - BODY_TOP - (CITE_BAND + 6 if cited else 0.0)

    def spec(self, text: str, **kw: Any) -> ParaSpec:
        kw.setdefault("color", self.colours.text)
        return ParaSpec(text, **kw)

    def title_box(self, title: str, colour: str | None = None, logo_room: bool = True) -> Box:
        width = self.content_width - (self.logo_width() + 12 if logo_room else 0.0)
        text = self._fit_title(title, width, colour or self.colours.primary)
        return Box(MARGIN, TITLE_TOP, width, TITLE_HEIGHT, text=text, role="title", name="Title")

    def _fit_title(self, title: str, width: float, colour: str) -> Text:
        words = title.split()
        while True:
            shown = " ".join(words) + ("…" if len(words) < len(title.split()) else "")
            spec = ParaSpec(shown, bold=True, color=colour)
            text = fit_text([spec], width, TITLE_HEIGHT, 34, 22, anchor="bottom")
            if text is not None or len(words) <= 1:
                return text or set_text([spec], width, 22, anchor="bottom")
            words = words[:-1]

    def unique(self, title: str) -> str:
        """``title``, or ``title (2)`` when an earlier slide has it: a screen reader's list
        of slides names each by its title."""
        candidate, number = title, 2
        while candidate in self.titles:
            candidate, number = f"{title} ({number})", number + 1
        self.titles.add(candidate)
        return candidate

    def continued(self, title: str, index: int) -> str:
        """The title of the ``index``-th slide of a run: "Title (cont.)" after the first,
        then "Title (cont. 2)": every slide's title is its own."""
        if index < 2:
            return f"{title} {self.words('continued')}" if index else title
        return f"{title} {self.words('continued_again', number=index)}"

    def section_number(self, ctx: _BlockContext) -> str:
        return self.words("section_of", number=ctx.number, total=ctx.total_sections)

    def logo_width(self) -> float:
        return 0.0 if self.workshop.theme.logo is None else 120.0

    def logo(self) -> list[Element]:
        path = self.workshop.theme.logo
        if path is None:
            return []
        box = (self.width - MARGIN - self.logo_width(), TITLE_TOP + 10, self.logo_width(), 48.0)
        return [_fit_picture(path, f"{self.workshop.organisation} logo", box)]

    def citation(self, cite: tuple[str, ...]) -> list[Element]:
        if not cite:
            return []
        # Organisations only: full titles are too small to read projected, and the
        # handout lists every source in full.
        names = []
        for source_id in cite:
            source = self.workshop.source(source_id)
            names.append(source.organisation + (f" ({source.year})" if source.year else ""))
        label = f"{self.words('source')}: " + "; ".join(names)
        spec = self.spec(label, italic=True, color=self.colours.muted)
        top = self.height - FOOTER_BAND - CITE_BAND
        text = fit_text([spec], self.content_width, CITE_BAND, 14, 10, anchor="bottom")
        text = text or set_text([spec], self.content_width, 10, anchor="bottom")
        return [Box(MARGIN, top, self.content_width, CITE_BAND, text=text, name="Source")]

    def add(
        self,
        title: str,
        kind: str,
        body: list[Element],
        notes: str,
        *,
        cite: tuple[str, ...] = (),
        for_participants: bool = True,
    ) -> None:
        """A standard content slide: title, accent rule, body, source line."""
        title = self.unique(title)
        rule = Box(
            MARGIN, RULE_TOP, 72, 4, fill=self.colours.accent, role="decoration", name="Accent rule"
        )
        elements: list[Element] = [
            self.title_box(title),
            rule,
            *self.logo(),
            *body,
            *self.citation(cite),
        ]
        self.drafts.append(
            _Draft(title, kind, elements, notes, self.colours.background, for_participants)
        )

    def paged_text(
        self,
        title: str,
        kind: str,
        specs: list[ParaSpec],
        notes: str,
        ctx: _BlockContext,
        *,
        cite: tuple[str, ...] = (),
        top: float = BODY_TOP,
        above: list[Element] | None = None,
        sizes: tuple[float, float] = (BODY_MAX, BODY_MIN),
        anchor: Anchor = "top",
        for_participants: bool = True,
        reserve: float = 0.0,
        build: bool = False,
    ) -> None:
        """Slides for a run of paragraphs, continued on further slides if they must be.

        ``above`` elements go on the first slide only; ``reserve`` keeps room at the bottom;
        ``build`` shows the paragraphs one click at a time in the slideshow.
        """
        height = self.body_height(bool(cite)) - (top - BODY_TOP) - reserve
        pages = paginate(specs, self.content_width, height, *sizes, anchor=anchor)
        if len(pages) > 1:
            log.warning(
                "%s: text does not fit one slide; continued over %d slides", ctx.label, len(pages)
            )
        for index, text in enumerate(pages):
            box = Box(MARGIN, top, self.content_width, height, text=text, name="Body", build=build)
            self.add(
                self.continued(title, index),
                kind,
                [*((above or []) if index == 0 else []), box],
                notes,
                cite=cite,
                for_participants=for_participants,
            )

    # --- whole-deck slides ------------------------------------------------------------

    def title_slide(self, title: str, subtitle: str, ctx: _BlockContext | None, notes: str) -> None:
        title = self.unique(title)
        background = self.colours.primary
        ink = readable_on(background)
        w = self.content_width
        meta = " · ".join(
            part
            for part in (
                self.workshop.organisation,
                self.words.date(self.workshop.date) if self.workshop.date else "",
                self.workshop.venue,
            )
            if part and part not in subtitle
        )
        title_text = fit_text(
            [ParaSpec(title, bold=True, color=ink)], w, 150, 48, 28, anchor="bottom"
        )
        title_text = title_text or set_text(
            [ParaSpec(title, bold=True, color=ink)], w, 28, anchor="bottom"
        )
        specs = [ParaSpec(subtitle, color=ink)] if subtitle else []
        specs.append(ParaSpec(meta, color=mix(ink, background, 0.2), scale=0.8))
        lower = fit_text(specs, w, 150, 26, 16) or set_text(specs, w, 16)
        band = Box(
            0,
            self.height * 0.62,
            self.width,
            6,
            fill=self.colours.accent,
            role="decoration",
            name="Accent band",
        )
        elements: list[Element] = [
            Box(MARGIN, 120, w, 150, text=title_text, role="title", name="Title"),
            band,
            Box(MARGIN, self.height * 0.62 + 24, w, 150, text=lower, name="Subtitle"),
        ]
        self.drafts.append(_Draft(title, "title", elements, notes, background))

    def agenda_slide(self) -> None:
        rows = [(item.span, item_title(item, self.words)) for item in timetable(self.workshop)]
        total = total_minutes(self.workshop)
        start = self.words.time(self.workshop.start_time)
        notes = self.words("runs_for", minutes=total, start=start)
        time_width = 150.0
        self.table_slides(
            self.words("agenda"),
            "agenda",
            (self.words("time"), self.words("section")),
            rows,
            (time_width, self.content_width - time_width),
            notes,
            "agenda",
        )

    def feedback_slide(self, url: str) -> None:
        """The closing slide: a QR code to the online evaluation, and its address."""
        from kit.layout.qr import qr_modules

        modules = qr_modules(url)
        quiet = 4 / (len(modules) + 8)  # of the whole square: four modules each side
        size = min(self.height - BODY_TOP - FOOTER_BAND - 60, 320.0)
        x = (self.width - size) / 2
        inner = size * (1 - 2 * quiet)
        address = set_text([self.spec(url, align="center")], self.content_width, 20)
        body: list[Element] = [
            Box(x, BODY_TOP, size, size, fill="#FFFFFF", role="decoration", name="Quiet zone"),
            QrCode(x + size * quiet, BODY_TOP + size * quiet, inner, modules, url, "QR code"),
            Box(MARGIN, BODY_TOP + size + 8, self.content_width, 40, text=address, name="Address"),
        ]
        notes = self.words("feedback_notes", url=url)
        self.add(self.words("feedback_title"), "feedback", body, notes)

    def divider(self, ctx: _BlockContext) -> None:
        section, slot = ctx.section, ctx.slot
        background = self.colours.secondary
        ink = readable_on(background)
        w = self.content_width
        # The section number opens the title, so the divider's title differs from its next
        # slide's and is read before it, as it is seen.
        head = [
            ParaSpec(self.section_number(ctx), color=ink, scale=0.5),
            ParaSpec(section.title, bold=True, color=ink),
        ]
        head_text = fit_text(head, w, 150, 44, 26, anchor="bottom") or set_text(head, w, 26)
        timing = f"{self.words('minutes', count=section.duration)} · {slot.span}"
        specs = [ParaSpec(timing, color=ink, bold=True)]
        specs += [ParaSpec(o, bullet="•", color=ink) for o in section.objectives]
        lower_h = self.height - 250 - FOOTER_BAND
        lower = fit_text(specs, w, lower_h, 24, 16) or set_text(specs, w, 16)
        elements: list[Element] = [
            Box(MARGIN, 70, w, 150, text=head_text, role="title", name="Title"),
            Box(
                MARGIN, 232, 72, 4, fill=self.colours.accent, role="decoration", name="Accent rule"
            ),
            Box(MARGIN, 250, w, lower_h, text=lower, name="Timing and objectives"),
        ]
        notes = _join(
            f"{self.section_number(ctx)}: {section.title} ({timing}).",
            f"{self.words('objectives')}: " + "; ".join(section.objectives)
            if section.objectives
            else "",
        )
        title = self.unique(f"{self.section_number(ctx)}\n{section.title}")
        self.drafts.append(_Draft(title, "divider", elements, notes, background))

    def table_slides(
        self,
        title: str,
        kind: str,
        header: tuple[str, str] | None,
        rows: list[tuple[str, str]],
        widths: tuple[float, float],
        notes: str,
        label: str,
        cite: tuple[str, ...] = (),
    ) -> None:
        """A two-column table, its rows spread over as many slides as they need."""
        height = self.body_height(bool(cite))

        def pages_at(size: float, limit: float = height) -> list[Table]:
            return _table_pages(self, header, rows, widths, limit, size)

        size = TABLE_MAX
        pages = pages_at(size)
        while len(pages) > 1 and size > TABLE_MIN:
            size -= 1
            pages = pages_at(size)
        if len(pages) > 1:
            log.warning(
                "%s: table does not fit one slide; continued over %d slides", label, len(pages)
            )
            # It needs that many slides anyway: use the largest size that needs no more.
            size = next(
                s
                for s in range(int(TABLE_MAX), int(size) - 1, -1)
                if len(pages_at(s)) == len(pages)
            )
            pages = _balanced(pages_at(size), lambda limit: pages_at(size, limit))
        for index, table in enumerate(pages):
            self.add(self.continued(title, index), kind, [table], notes, cite=cite)

    # --- finishing -----------------------------------------------------------------

    def belong(self, start: int, section: int, block: int | None) -> None:
        """Mark the slides drawn since ``start`` as the section's (and block's), for cues."""
        for draft in self.drafts[start:]:
            draft.section, draft.block = section, block

    def layout(self) -> DeckLayout:
        total = len(self.drafts)
        slides = []
        for number, draft in enumerate(self.drafts, start=1):
            slides.append(
                Slide(
                    title=markup.plain(draft.title),
                    kind=draft.kind,
                    elements=reading_order(
                        [*draft.elements, *self.footer(number, total, draft.background)]
                    ),
                    notes=draft.notes,
                    background=draft.background,
                    for_participants=draft.for_participants,
                    section=draft.section,
                    block=draft.block,
                )
            )
        workshop = self.workshop
        return DeckLayout(
            width=self.width,
            height=self.height,
            slides=tuple(slides),
            heading_font=workshop.theme.fonts.heading,
            body_font=workshop.theme.fonts.body,
            title=markup.plain(workshop.title),
            author=workshop.organisation,
            subject=markup.plain(workshop.subtitle) or markup.plain(workshop.title),
            language=workshop.language,
            template=workshop.theme.template,
            section_titles=tuple(markup.plain(s.title) for s in workshop.sections),
        )

    def footer(self, number: int, total: int, background: str) -> list[Element]:
        ink = softened(readable_on(background), background, 0.25)
        top = self.height - FOOTER_BAND + 8
        label = f"{self.workshop.organisation} · {markup.plain(self.workshop.title)}"
        number_width = 60.0
        left_w = self.content_width - number_width
        left = fit_text([ParaSpec(label, color=ink)], left_w, 20, 11, 8)
        left = left or set_text([ParaSpec(label, color=ink)], left_w, 8)
        right = set_text([ParaSpec(str(number), color=ink, align="right")], number_width, 11)
        return [
            Box(MARGIN, top, left_w, 20, text=left, role="footer", name="Footer"),
            Box(
                self.width - MARGIN - number_width,
                top,
                number_width,
                20,
                text=right,
                role="footer",
                name="Slide number",
            ),
        ]


def reading_order(elements: list[Element]) -> tuple[Element, ...]:
    """The title first, then every other element top to bottom, left to right.

    Screen readers follow the order shapes are drawn in, so the order is the reading order
    as well as the stacking order (no two shapes of a slide overlap).
    """

    def top_left(element: Element) -> tuple[float, float]:
        if isinstance(element, Arrow):
            return min(element.y1, element.y2), min(element.x1, element.x2)
        return element.y, element.x

    def is_title(element: Element) -> bool:
        return isinstance(element, Box) and element.role == "title"

    titles = [e for e in elements if is_title(e)]
    return (*titles, *sorted((e for e in elements if not is_title(e)), key=top_left))


def quoted(text: str, language_words: Words) -> str:
    """``text`` in the language's quotation marks, unless the author already quoted it."""
    return text if text[:1] in "\"“'‘«„" else language_words("quoted", text=text)


def _join(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _fit_picture(path: str, alt: str, box: tuple[float, float, float, float]) -> Picture:
    """The picture scaled to fit ``box`` with its aspect ratio kept, centred."""
    from PIL import Image

    x, y, w, h = box
    with Image.open(path) as image:  # the header only: the loader already checked it
        pixel_w, pixel_h = image.size
    scale = min(w / pixel_w, h / pixel_h)
    pw, ph = pixel_w * scale, pixel_h * scale
    return Picture(x + (w - pw) / 2, y + (h - ph) / 2, pw, ph, path, alt, name=alt[:60])


def _table_pages(
    planner: _Planner,
    header: tuple[str, str] | None,
    rows: list[tuple[str, str]],
    widths: tuple[float, float],
    height: float,
    size: float,
) -> list[Table]:
    colours = planner.colours
    inset = 6.0
    head_fill = colours.primary
    head_ink = readable_on(head_fill)
    stripe = mix(colours.secondary, WHITE, 0.9)

    def cell(text: str, width: float, ink: str, fill: str | None, bold: bool = False) -> Cell:
        laid = set_text([ParaSpec(text, color=ink, bold=bold)], width - 2 * inset, size)
        return Cell(laid, fill)

    def row_height(cells: tuple[Cell, ...]) -> float:
        return max(c.text.height for c in cells) + 2 * inset

    head_cells = (
        tuple(cell(t, w, head_ink, head_fill, bold=True) for t, w in zip(header, widths))
        if header
        else None
    )
    pages: list[Table] = []
    current: list[tuple[Cell, ...]] = [head_cells] if head_cells else []
    used = row_height(head_cells) if head_cells else 0.0
    for index, row in enumerate(rows):
        fill = stripe if index % 2 == 0 else None
        cells = tuple(cell(t, w, colours.text, fill) for t, w in zip(row, widths))
        h = row_height(cells)
        if used + h > height and len(current) > (1 if head_cells else 0):
            pages.append(_table(current, widths, inset, colours.muted, bool(header)))
            current = [head_cells] if head_cells else []
            used = row_height(head_cells) if head_cells else 0.0
        current.append(cells)
        used += h
    pages.append(_table(current, widths, inset, colours.muted, bool(header)))
    return pages


def _balanced(pages: list[Table], paginate_at: Any) -> list[Table]:
    """The same number of pages, with rows spread evenly instead of a near-empty last page."""
    share = sum(table.h for table in pages) / len(pages)
    limit = share
    while limit < pages[0].h:
        even = paginate_at(limit)
        if len(even) == len(pages):
            return even
        limit += 10
    return pages


def _table(
    rows: list[tuple[Cell, ...]],
    widths: tuple[float, float],
    inset: float,
    border: str,
    header: bool,
) -> Table:
    heights = tuple(max(c.text.height for c in row) + 2 * inset for row in rows)
    return Table(
        MARGIN, BODY_TOP, widths, heights, tuple(rows), border, inset, header, name="Table"
    )


# --- one function per block kind ------------------------------------------------------


def _notes(ctx: _BlockContext, block: Any, *extra: str) -> str:
    slot = ctx.slot
    section_number = ctx.words("section_of", number=ctx.number, total=ctx.total_sections)
    minutes = ctx.words("minutes", count=ctx.section.duration)
    timing = f"{section_number}: {ctx.section.title} · {slot.span} ({minutes})"
    facilitator = (
        f"{ctx.words('facilitator')}: {block.facilitator_notes}" if block.facilitator_notes else ""
    )
    return _join(timing, block.notes, *extra, facilitator)


def _title(p: _Planner, block: TitleBlock, ctx: _BlockContext) -> None:
    p.title_slide(block.title, block.subtitle, ctx, _notes(ctx, block))


def _bullets(p: _Planner, block: BulletsBlock, ctx: _BlockContext) -> None:
    specs = []
    for item in block.items:
        specs.append(p.spec(item.text, bullet="•"))
        specs += [p.spec(sub, bullet="–", level=1, scale=0.9) for sub in item.sub]
    p.paged_text(
        block.title, "bullets", specs, _notes(ctx, block), ctx, cite=block.cite, build=block.build
    )


def _definition(p: _Planner, block: DefinitionBlock, ctx: _BlockContext) -> None:
    c = p.colours
    # The accent, where it reads as large text (3:1) on the slide; else the primary.
    ink = c.accent if contrast(c.accent, c.background) >= 3.0 else c.primary
    term = fit_text([p.spec(block.term, bold=True, color=ink)], p.content_width, 56, 36, 24)
    term = term or set_text([p.spec(block.term, bold=True, color=ink)], p.content_width, 24)
    specs = [p.spec(block.meaning)]
    if block.source:
        specs.append(
            p.spec(f"— {block.source}", italic=True, color=c.muted, scale=0.75, align="right")
        )
    above: list[Element] = [Box(MARGIN, BODY_TOP, p.content_width, 56, text=term, name="Term")]
    p.paged_text(
        block.title or ctx.words("definition"),
        "definition",
        specs,
        _notes(ctx, block),
        ctx,
        cite=block.cite,
        top=BODY_TOP + 68,
        above=above,
        sizes=(30, BODY_MIN),
    )


def _quote(p: _Planner, block: QuoteBlock, ctx: _BlockContext) -> None:
    c = p.colours
    specs = [
        p.spec(quoted(block.text, p.words), italic=True),
        p.spec(f"— {block.attribution}", color=c.muted, scale=0.75, align="right"),
    ]
    p.paged_text(
        block.title or ctx.words("in_their_words"),
        "quote",
        specs,
        _notes(ctx, block),
        ctx,
        cite=block.cite,
        sizes=(32, BODY_MIN),
        anchor="middle",
    )


def _comparison(p: _Planner, block: ComparisonBlock, ctx: _BlockContext) -> None:
    half = p.content_width / 2
    p.table_slides(
        block.title,
        "comparison",
        block.columns,
        list(block.rows),
        (half, half),
        _notes(ctx, block),
        ctx.label,
        cite=block.cite,
    )


def _image(p: _Planner, block: ImageBlock, ctx: _BlockContext) -> None:
    height = p.body_height(bool(block.cite))
    caption: list[Element] = []
    if block.caption:
        spec = p.spec(block.caption, italic=True, color=p.colours.muted, align="center")
        text = fit_text([spec], p.content_width, 40, 18, 12) or set_text(
            [spec], p.content_width, 12
        )
        caption = [
            Box(MARGIN, BODY_TOP + height - 40, p.content_width, 40, text=text, name="Caption")
        ]
        height -= 46
    picture = _fit_picture(block.path, block.alt, (MARGIN, BODY_TOP, p.content_width, height))
    p.add(block.title, "image", [picture, *caption], _notes(ctx, block), cite=block.cite)


def _content_note(p: _Planner, block: ContentNoteBlock, ctx: _BlockContext) -> None:
    specs = [p.spec(block.text)]
    specs += [p.spec(item, bullet="•", scale=0.9) for item in block.support]
    p.paged_text(block.title, "content_note", specs, _notes(ctx, block), ctx, cite=block.cite)


def _resources(p: _Planner, block: ResourcesBlock, ctx: _BlockContext) -> None:
    specs = []
    for item in block.items:
        head = f"**{item.name}**" + (f" — {item.description}" if item.description else "")
        specs.append(p.spec(head, bullet="•"))
        details = " · ".join(part for part in (item.url, item.contact) if part)
        if details:
            specs.append(p.spec(details, level=1, scale=0.85, color=p.colours.secondary))
    p.paged_text(
        block.title,
        "resources",
        specs,
        _notes(ctx, block),
        ctx,
        cite=block.cite,
        sizes=(24, BODY_MIN),
    )


@functools.lru_cache(maxsize=4)
def plan_deck(workshop: Workshop) -> DeckLayout:
    """Lay out every slide of the workshop's deck.

    Overflowing text is logged as a warning naming the block. The layout is kept for the
    same workshop (equal content), so the deck and its PDF copies share one layout and
    its warnings are logged once; ``kit.app.build`` clears it at the start of every build.
    """
    from kit.layout.deckexercises import continuum_slides, drill_slides

    planner = _Planner(workshop)
    draw = {
        "title": _title,
        "bullets": _bullets,
        "definition": _definition,
        "quote": _quote,
        "comparison": _comparison,
        "image": _image,
        "content_note": _content_note,
        "resources": _resources,
        "continuum": continuum_slides,
        "drill": drill_slides,
    }
    slots = agenda(workshop)
    for number, (section, slot) in enumerate(zip(workshop.sections, slots), start=1):
        ctx = _BlockContext(
            section, number, slot, f"sections[{number - 1}]", len(slots), planner.words
        )
        blocks = list(enumerate(section.blocks))
        if number == 1:
            # The deck opens with the first title slide, if any, then the agenda.
            if blocks and blocks[0][1].kind == "title":
                start = len(planner.drafts)
                _draw_block(planner, draw, ctx, *blocks.pop(0))
                planner.belong(start, number - 1, 0)
            start = len(planner.drafts)
            planner.agenda_slide()
            planner.belong(start, number - 1, None)
        if section.divider:
            start = len(planner.drafts)
            planner.divider(ctx)
            planner.belong(start, number - 1, None)
        for index, block in blocks:
            start = len(planner.drafts)
            _draw_block(planner, draw, ctx, index, block)
            planner.belong(start, number - 1, index)
    if workshop.feedback_url:
        start = len(planner.drafts)
        planner.feedback_slide(workshop.feedback_url)
        planner.belong(start, len(workshop.sections) - 1, None)
    return planner.layout()


def _draw_block(
    planner: _Planner, draw: dict[str, Any], ctx: _BlockContext, index: int, block: Any
) -> None:
    label = f"{ctx.label}.blocks[{index}] ({block.kind})"
    draw[block.kind](planner, block, replace(ctx, label=label))
