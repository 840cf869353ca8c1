"""What every slide of the deck is built with: geometry, the slide kinds, notes, tables.

The per-kind modules in ``kit.layout.blocks`` draw their blocks' slides with a
``Planner``; ``kit.layout.deckplan`` runs them in order. Text is set with real metrics at
the deck's sizes (``kit.layout.scale``) and never overflows its box: what does not fit
continues on a "(cont.)" slide with a warning naming the block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.layout.breaks import parted, phrased
from kit.layout.pictures import Prepared, prepare
from kit.layout.scale import BODY_FLOOR, CAPTION, Scale, unwidow
from kit.layout.slidelayout import (
    Box,
    Element,
    LayoutWarning,
    Picture,
)
from kit.layout.templated import canvas, placed, shifted, shows_pictures, size_warning, title_rect
from kit.layout.templatelook import read_look
from kit.layout.textfit import LINE_SPACING, Anchor, ParaSpec, Text, fit_text, set_text
from kit.model import Block, Section, Workshop
from kit.model.places import Place
from kit.model.schedule import AgendaItem
from kit.words.i18n import Words
from kit.words.typography import short_words

SLIDE_SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}
MARGIN = 40.0
MM = 72 / 25.4  # points
MIN_DRAWN = 3 * MM  # a picture thinner than this on a slide is a line, not a picture
MAX_RATIO = 10  # a picture longer than this many times its width is a strip, whatever its size
TITLE_TOP, TITLE_HEIGHT = 22.0, 68.0
RULE_TOP = 94.0
BODY_TOP = 112.0
FOOTER_BAND = 36.0
CITE_BAND = 24.0
FEW_LINES = 8  # a template's content area holding fewer lines of body text at its floor is small


@dataclass(frozen=True)
class BlockContext:
    """Where a block sits: its section and agenda slot, for notes and warnings."""

    section: Section
    number: int
    slot: AgendaItem
    place: Place  # where the block is, for located warnings
    total_sections: int
    words: Words


@dataclass
class Draft:
    title: str
    kind: str
    elements: list[Element]
    notes: str
    background: str
    for_participants: bool = True
    section: int = 0
    block: int | None = None


@dataclass
class Planner:
    workshop: Workshop
    width: float = 0.0
    height: float = 0.0
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[LayoutWarning] = field(default_factory=list)
    # Each picture read, turned and reduced once; the logo laid out once for every slide.
    pictures: dict[str, Prepared] = field(default_factory=dict)
    logo_elements: list[Element] | None = None
    titles: set[str] = field(default_factory=set)
    scale: Scale = field(default_factory=Scale)  # probing until the deck's sizes are settled
    continuations: int = 0  # "(cont.)" slides drawn

    def __post_init__(self) -> None:
        self.width, self.height = SLIDE_SIZES[self.workshop.theme.slide_size]
        self.colours = self.workshop.theme.colours
        self.words = self.workshop.interface_words()
        self.short = short_words(self.words("short_words"))  # never at a title line's end
        template = self.workshop.theme.template
        self.look = read_look(template) if template else None
        if self.look is not None:
            if (message := size_warning(self.look, self.workshop.theme, SLIDE_SIZES)) is not None:
                self.warn(("theme", "slide_size"), message)
            self.width, self.height = canvas(self.look, MARGIN, BODY_TOP, FOOTER_BAND)

    # --- geometry and shared pieces --------------------------------------------------

    @property
    def content_width(self) -> float:
        return self.width - 2 * MARGIN

    def body_height(self, cite: tuple[str, ...] = ()) -> float:
        """From the top of the body to the source line (or the footer, without one)."""
        return self.height - FOOTER_BAND - BODY_TOP - (self.cite_band(cite) + 6 if cite else 0.0)

    def cite_band(self, cite: tuple[str, ...]) -> float:
        """How tall the source line naming ``cite`` is: one line, or two for many sources."""
        return max(CITE_BAND, self._cite_text(cite).height) if cite else 0.0

    def _cite_text(self, cite: tuple[str, ...]) -> Text:
        # Organisations only: full titles are too small to read projected, and the
        # handout lists every source in full.
        sources = [self.workshop.source(source_id) for source_id in cite]
        names = [s.organisation + (f" ({s.year})" if s.year else "") for s in sources]
        label = f"{self.words.colon(self.words('source'))} " + "; ".join(names)
        spec = self.spec(label, italic=True, color=self.colours.muted)
        return set_text([spec], self.content_width, CAPTION, anchor="bottom")

    def spec(self, text: str, **kw: Any) -> ParaSpec:
        kw.setdefault("color", self.colours.text)
        return ParaSpec(text, **kw)

    def title_box(self, title: str, colour: str | None = None, logo_room: bool = True) -> Box:
        x, y, height = MARGIN, TITLE_TOP, TITLE_HEIGHT
        width = self.content_width
        if self.look is not None:  # the template's title box, on the slide
            x, y, width, height = title_rect(self.look, TITLE_TOP, TITLE_HEIGHT)
        width -= self.logo_width() + 12 if logo_room and self.logo_width() else 0.0
        text = self._fit_title(title, width, colour or self.colours.primary, height)
        return phrased(
            unwidow(Box(x, y, width, height, text=text, role="title", name="Title")), self.short
        )

    def _fit_title(self, title: str, width: float, colour: str, height: float) -> Text:
        words = title.split()
        while True:
            shown = " ".join(words) + ("…" if len(words) < len(title.split()) else "")
            spec = ParaSpec(shown, bold=True, color=colour)
            text = fit_text([spec], width, height, 34, 22, anchor="bottom")
            if text is not None or len(words) <= 1:
                return text or set_text([spec], width, 22, anchor="bottom")
            words = words[:-1]

    def warn(self, place: Place, message: str) -> None:
        """A layout warning about the block at ``place``; the plan phase locates it."""
        self.warnings.append(LayoutWarning(place, message))

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
        self.continuations += index > 0
        if index < 2:
            return f"{title} {self.words('continued')}" if index else title
        return f"{title} {self.words('continued_again', number=index)}"

    def warn_small_area(self) -> None:
        """One warning when the template's content area holds fewer than ``FEW_LINES`` lines
        of body text at its floor and content continued: the template, not the text, to
        change."""
        height = self.body_height()
        lines = int(height // (BODY_FLOOR * LINE_SPACING))
        if self.look is None or not self.continuations or lines >= FEW_LINES:
            return
        layout = self.look.layout("content").name
        template = Path(self.workshop.theme.template or "").name
        self.warn(
            ("theme", "template"),
            f"the content area of {template}'s '{layout}' layout is "
            f"{height:.0f} pt tall, room for {lines} lines of {BODY_FLOOR:g} pt body text: "
            f"{self.continuations} slides continue what did not fit; a template with a "
            "taller content area needs fewer",
        )

    def section_number(self, ctx: BlockContext) -> str:
        return self.words("section_of", number=ctx.number, total=ctx.total_sections)

    def logo_width(self) -> float:
        """Room for the logo beside each title; none when the template shows pictures of
        its own there (its brand)."""
        if self.workshop.theme.logo is None or shows_pictures(self.look):
            return 0.0
        return 120.0

    def logo(self) -> list[Element]:
        path = self.workshop.theme.logo
        if path is None or not self.logo_width():
            return []
        if self.logo_elements is None:
            title = self.title_box("")
            right = title.x + title.w + 12 + self.logo_width()
            box = (right - self.logo_width(), title.y + title.h - 58, self.logo_width(), 48.0)
            alt = self.words("logo_alt", organisation=self.workshop.organisation)
            self.logo_elements = [self.picture(path, alt, box, ("theme", "logo"))]
        return self.logo_elements

    def picture(
        self, path: str, alt: str, box: tuple[float, float, float, float], place: Place
    ) -> Picture:
        """The picture, upright, scaled to fit ``box`` with its aspect ratio kept, centred.

        A picture drawn thinner than ``MIN_DRAWN`` cannot be seen, and one more than
        ``MAX_RATIO`` times as long as it is wide is a strip: a warning names ``place``.
        """
        if path not in self.pictures:
            self.pictures[path] = prepare(path)
        picture = self.pictures[path]
        x, y, w, h = box
        scale = min(w / picture.width, h / picture.height)
        pw, ph = picture.width * scale, picture.height * scale
        if min(pw, ph) < MIN_DRAWN:
            self.warn(
                place,
                f"the picture is {picture.width} × {picture.height} pixels, so it is drawn "
                f"{pw / MM:.2f} × {ph / MM:.2f} mm; crop it closer to a rectangle or it will "
                "not be seen",
            )
        elif max(picture.width, picture.height) > MAX_RATIO * min(picture.width, picture.height):
            self.warn(place, _strip(picture.width, picture.height))
        return Picture(
            x + (w - pw) / 2, y + (h - ph) / 2, pw, ph, path, alt, alt[:60], picture.data
        )

    def citation(self, cite: tuple[str, ...]) -> list[Element]:
        if not cite:
            return []
        band, text = self.cite_band(cite), self._cite_text(cite)
        top = self.height - FOOTER_BAND - band
        return [Box(MARGIN, top, self.content_width, band, text=text, name="Source")]

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
            *([rule] if self.look is None else []),  # a template brings its own look
            *self.logo(),
            *self.on_template([*body, *self.citation(cite)]),
        ]
        self.drafts.append(
            Draft(title, kind, elements, notes, self.colours.background, for_participants)
        )

    def paged_text(
        self,
        title: str,
        kind: str,
        specs: list[ParaSpec],
        notes: str,
        ctx: BlockContext,
        *,
        cite: tuple[str, ...] = (),
        top: float = BODY_TOP,
        above: list[Element] | None = None,
        role: str = "body",
        anchor: Anchor = "top",
        for_participants: bool = True,
        reserve: float = 0.0,
        build: bool = False,
        repeat: bool = False,
        first: int = 0,
        below: list[Element] | None = None,
    ) -> None:
        """Slides for a run of paragraphs, continued on further slides if they must be.

        ``above`` goes on the first slide (``repeat``: on each); ``below`` on each, its y
        counted from the text's last line, in the room ``reserve`` keeps at the bottom;
        ``first`` is 1 when the run continues a slide drawn before; ``build`` shows the
        paragraphs one click at a time; ``role`` is the text's in the deck's type scale.
        """
        full = self.body_height(cite) - reserve
        height = full - (top - BODY_TOP)
        # on the slides after the first, the text takes the room of what is above it there
        later = full if above and not repeat else height
        again = self.words("continued")
        pages = self.scale.pages(role, specs, self.content_width, later, anchor, again, height)
        if len(pages) > 1 and self.scale.too_long(role, specs, self.content_width, height, anchor):
            self.warn(ctx.place, f"text does not fit one slide; continued over {len(pages)} slides")
        for index, page in enumerate(pages):
            text = parted(page, self.content_width, self.short)  # no last word alone
            name = "Body" if role == "body" else role.capitalize()
            at, room = (top, height) if index == 0 else (top + height - later, later)
            # followed: as tall as its text, foot-anchored: the same gap however viewers wrap
            tall = text.height if below else room
            box = Box(MARGIN, at, self.content_width, tall, text=text, name=name, build=build)
            after = [shifted(element, 0, at + tall) for element in below or []]
            # a first box left empty: what is above shows alone, the text all continues
            body = [unwidow(box)] if text.paragraphs else []
            shown = [*((above or []) if index == 0 or repeat else []), *body, *after]
            title_shown = self.continued(title, first + index)
            self.add(title_shown, kind, shown, notes, cite=cite, for_participants=for_participants)

    def text_block(
        self, block: Block, ctx: BlockContext, title: str, specs: list[ParaSpec], **kw: Any
    ) -> None:
        """``block``'s slides as a run of paragraphs (see ``paged_text``, which takes ``kw``):
        the slides' kind is the block's, and so are their notes and source line."""
        notes = block_notes(ctx, block)
        self.paged_text(title, block.kind, specs, notes, ctx, cite=block.cite, **kw)

    def on_template(self, body: list[Element]) -> list[Element]:
        """Body elements planned on the canvas, moved into the template's body area."""
        return body if self.look is None else placed(body, self.look, MARGIN, BODY_TOP)

    # --- finishing -----------------------------------------------------------------

    def belong(self, start: int, section: int, block: int | None) -> None:
        """Mark the slides drawn since ``start`` as the section's (and block's), for cues."""
        for draft in self.drafts[start:]:
            draft.section, draft.block = section, block


def quoted(text: str, language_words: Words) -> str:
    """``text`` in the language's quotation marks, unless the author already quoted it."""
    return text if text[:1] in "\"“'‘«„" else language_words("quoted", text=text)


def join_notes(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def block_notes(ctx: BlockContext, block: Any, *extra: str) -> str:
    slot = ctx.slot
    section_number = ctx.words("section_of", number=ctx.number, total=ctx.total_sections)
    minutes = ctx.words("minutes", count=ctx.section.duration)
    span = ctx.words.span(slot.start, slot.end)
    timing = f"{ctx.words.colon(section_number)} {ctx.section.title} · {span} ({minutes})"
    facilitator = (
        f"{ctx.words.colon(ctx.words('facilitator'))} {block.facilitator_notes}"
        if block.facilitator_notes
        else ""
    )
    return join_notes(timing, block.notes, *extra, facilitator)


def fitted(specs: list[ParaSpec], width: float, height: float, high: float, low: float) -> Text:
    """Text fitted to the box, or set at the floor size if it cannot fit."""
    return fit_text(specs, width, height, high, low) or set_text(specs, width, low)


def _strip(width: int, height: int) -> str:
    """The warning for a picture of ``width`` × ``height`` pixels that is a strip."""
    long, short = ("wide", "tall") if width > height else ("tall", "wide")
    times = f"{max(width, height) / min(width, height):.1f}".removesuffix(".0")
    return (
        f"the picture is {width} × {height} pixels, {times} times as {long} as it is "
        f"{short}; crop it to at most {MAX_RATIO} times as {long} or it shows as a strip"
    )
