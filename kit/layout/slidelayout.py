"""A laid-out deck as plain data: boxes in points with fitted, wrapped text.

The deck is laid out once (``kit.layout.deckplan``) and drawn twice: by ``slides`` into PPTX
and by ``handouts`` into PDF, so the deck, its PDF copy and the notes handout can never
disagree. Coordinates are points from the slide's top-left corner.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from kit.layout.pictures import Prepared
from kit.layout.templatelook import LayoutRole, TemplateLook
from kit.layout.textfit import ParaSpec, Text, set_text
from kit.model.places import Place, describe

ShapeKind = Literal["rect", "roundrect"]  # kit.layout.drawing.SHAPES: both renderers draw each
# "mark": the presenter copy's own label, which the copy for participants leaves out;
# "number": the slide's number, which the slides to share count anew.
Role = Literal["title", "body", "footer", "decoration", "mark", "number"]


@dataclass(frozen=True)
class Box:
    """A rectangle-like shape, optionally filled and outlined, optionally holding text."""

    x: float
    y: float
    w: float
    h: float
    text: Text | None = None
    shape: ShapeKind = "rect"
    fill: str | None = None
    outline: str | None = None
    outline_width: float = 1.0  # points, when outlined
    inset: float = 0.0
    role: Role = "body"
    name: str = ""
    build: bool = False  # in the slideshow, its bullets appear one click at a time

    @property
    def text_top(self) -> float:
        """Where the first line box starts, honouring the vertical anchor."""
        assert self.text is not None
        free = self.h - 2 * self.inset - self.text.height
        offset = {"top": 0.0, "middle": free / 2, "bottom": free}[self.text.anchor]
        return self.y + self.inset + max(offset, 0.0)


@dataclass(frozen=True)
class Arrow:
    """A straight line from (x1, y1) to (x2, y2), with an arrow head at each end."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 2.0
    name: str = ""


@dataclass(frozen=True)
class Picture:
    x: float
    y: float
    w: float
    h: float
    path: str
    alt: str
    name: str = ""
    data: bytes | None = None  # an upright, smaller copy to draw instead of the file


@dataclass(frozen=True)
class QrCode:
    """A QR code ``size`` points square, drawn in black; the quiet zone is the caller's."""

    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...]
    data: str
    name: str = ""


@dataclass(frozen=True)
class Cell:
    text: Text
    fill: str | None = None


@dataclass(frozen=True)
class Table:
    """A grid of text cells; row heights are measured so no cell overflows."""

    x: float
    y: float
    col_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    border: str
    inset: float
    header: bool = True
    name: str = ""

    @property
    def w(self) -> float:
        return sum(self.col_widths)

    @property
    def h(self) -> float:
        return sum(self.row_heights)


Element = Box | Arrow | Picture | Table | QrCode


@dataclass(frozen=True)
class Slide:
    """One slide: a title (for the outline and screen readers), elements and notes.

    ``for_participants`` is False for slides participants must not see in print before
    the session (the drill's suggested responses).
    """

    title: str
    kind: str
    elements: tuple[Element, ...]
    notes: str
    background: str
    for_participants: bool = True
    section: int = 0  # index of the workshop section it belongs to
    block: int | None = None  # index of the block in that section; None: agenda, divider


@dataclass(frozen=True)
class LayoutWarning:
    """Text the planner continued on further slides, and the block it belongs to."""

    place: Place  # the block's path, which the plan phase turns into file:line:col
    message: str

    def __str__(self) -> str:
        return f"{describe(self.place)}: {self.message}"  # "section 3, block 1, comparison: ..."


@dataclass(frozen=True)
class DeckLayout:
    width: float
    height: float
    slides: tuple[Slide, ...]
    heading_font: str
    body_font: str
    title: str
    author: str
    subject: str
    language: str
    category: str  # what the deck is, in its language: the file's "category" property
    template: str | None = None
    warnings: tuple[LayoutWarning, ...] = ()  # text continued on further slides
    section_titles: tuple[str, ...] = ()  # the workshop's sections, for PowerPoint sections
    # Every picture the workshop draws, by path, prepared once: the handouts draw these too.
    pictures: Mapping[str, Prepared] = field(default_factory=dict, compare=False)
    # The template's look, read once when the deck is planned (None: no template).
    look: TemplateLook | None = field(default=None, compare=False)

    def for_participants(self) -> DeckLayout:
        """The slides participants may see (the notes handout prints them beside the
        projected deck): no slide participants must not see (the drill's suggested
        responses), no notes and no presenter mark. Slides keep their numbers, so "slide 12"
        is the same slide on the screen and in the handout."""
        slides = tuple(
            replace(slide, notes="", elements=tuple(e for e in slide.elements if not _mark(e)))
            for slide in self.slides
            if slide.for_participants
        )
        return replace(self, slides=slides)

    def to_share(self) -> DeckLayout:
        """The slides to share after the session (a document of its own, not read beside
        the deck): the copy for participants, numbered from 1 with no gap where a slide
        was left out."""
        shared = self.for_participants()
        slides = tuple(
            replace(slide, elements=tuple(_numbered(e, number) for e in slide.elements))
            for number, slide in enumerate(shared.slides, start=1)
        )
        return replace(shared, slides=slides)

    def slide_range(self, section: int, block: int | None = None) -> tuple[int, int] | None:
        """First and last slide number (1-based) of a section, or of one of its blocks.

        None for a block that made no slide.
        """
        numbers = [
            number
            for number, slide in enumerate(self.slides, start=1)
            if slide.section == section and (block is None or slide.block == block)
        ]
        return (numbers[0], numbers[-1]) if numbers else None


def layout_role(kind: str) -> LayoutRole:
    """The template layout a slide of ``kind`` is built on: the title slide on the title
    layout, a divider on the section header, every other slide on title and content."""
    if kind == "title":
        return "title"
    return "section" if kind == "divider" else "content"


def text_boxes(slide: Slide) -> list[Box | Cell]:
    """The slide's text-bearing elements in drawing order (table cells row by row)."""
    out: list[Box | Cell] = []
    for element in slide.elements:
        if isinstance(element, Box) and element.text is not None:
            out.append(element)
        elif isinstance(element, Table):
            out.extend(cell for row in element.rows for cell in row)
    return out


def _mark(element: Element) -> bool:
    return isinstance(element, Box) and element.role == "mark"


def _numbered(element: Element, number: int) -> Element:
    """``element``, or, if it is the slide's number, ``number`` set as that was."""
    if not (isinstance(element, Box) and element.role == "number" and element.text):
        return element
    [para] = element.text.paragraphs
    spec = ParaSpec(str(number), color=para.color, align=para.align)
    return replace(element, text=set_text([spec], element.w, para.size, element.text.anchor))
