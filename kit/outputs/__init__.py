"""What renderers hand the build: the registry of kit's files, and the options asked for.

``OUTPUTS`` is the one table of every file kit writes: its name, its file name (or, for
exercise sheets, the pattern of numbered files), the renderer that writes it, its audience
and the unit it is counted in. The CLI's ``--only`` choices, the guide's print list, the
FACILITATOR COPY marks and the tests' scans for facilitator text all read it, so a file
missing from it cannot be written (``Output`` needs its kind) and is never left unscanned.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kit.model.participants import Participant

Audience = Literal["participant", "presenter", "facilitator", "organiser"]
Renderer = Literal["slides", "handouts", "exercises", "printlist"]
Unit = Literal["slides", "pages"]
Sides = Literal["single", "long-edge", "short-edge"]


@dataclass(frozen=True)
class Printing:
    """How a print shop should print a file: sides (and the edge to flip on), colour,
    paper or card, orientation, and what to do with the copies afterwards."""

    sides: Sides = "long-edge"
    colour: bool = False
    stock: Literal["paper", "card"] = "paper"
    landscape: bool = False
    finish: Literal["", "staple", "cut", "fold"] = ""


STAPLED = Printing(finish="staple")  # stapled when a copy is more than one sheet
CARDS = Printing(stock="card", finish="cut")
ONE_SIDED = Printing(sides="single")


@dataclass(frozen=True)
class OutputKind:
    """One kind of file kit writes, and who may read it.

    ``participant`` files go to everyone in the room and never hold facilitator text;
    ``organiser`` files are for whoever prepares the room (lists to tick off);
    ``facilitator`` files are marked FACILITATOR COPY on every page; ``presenter`` files
    (the deck and its PDF, with notes and the drill's responses) are projected, not
    printed, and marked PRESENTER COPY on every slide. ``numbered`` names the exercise
    whose second and later instances number their files: ``drill-worksheet.pdf``,
    ``drill-2-worksheet.pdf``.
    """

    name: str
    file: str
    renderer: Renderer
    audience: Audience
    unit: Unit = "pages"
    numbered: str = ""
    printing: Printing | None = Printing()  # None: not printed (projected, or for the shop)

    def file_name(self, number: int = 1) -> str:
        """The file of the ``number``-th exercise of its kind (1 for unnumbered outputs)."""
        if number == 1:
            return self.file
        if not self.numbered:
            raise ValueError(f"{self.name} is written once per workshop")
        return self.file.replace(f"{self.numbered}-", f"{self.numbered}-{number}-", 1)

    def matches(self, file_name: str) -> bool:
        """Whether ``file_name`` is a file of this kind (any number, for numbered kinds)."""
        if not self.numbered:
            return file_name == self.file
        rest = re.escape(self.file.removeprefix(f"{self.numbered}-"))
        pattern = rf"{re.escape(self.numbered)}(-[2-9]|-[1-9]\d+)?-{rest}"
        return re.fullmatch(pattern, file_name) is not None

    @property
    def facilitator(self) -> bool:
        """Marked FACILITATOR COPY on every page."""
        return self.audience == "facilitator"

    @property
    def printed(self) -> bool:
        """On the print list: everything with printing instructions."""
        return self.printing is not None


DECK = OutputKind("deck", "deck.pptx", "slides", "presenter", "slides", printing=None)
HANDOUT = OutputKind("handout", "handout.pdf", "handouts", "participant", printing=STAPLED)
LARGE_PRINT = OutputKind(
    "large-print", "handout-large-print.pdf", "handouts", "participant", printing=STAPLED
)
GUIDE = OutputKind("guide", "facilitator-guide.pdf", "handouts", "facilitator", printing=STAPLED)
NOTES_HANDOUT = OutputKind(
    "notes-handout", "notes-handout.pdf", "handouts", "participant", printing=STAPLED
)
DECK_PDF = OutputKind("deck-pdf", "deck.pdf", "handouts", "presenter", printing=None)
# The slides to share after the session: no response slides, no notes, no presenter mark.
SHARED_SLIDES = OutputKind(
    "shared-slides", "slides-for-participants.pdf", "handouts", "participant", printing=None
)
# Read on a phone or a computer, never printed (the handout is its printed form).
WEB = OutputKind("web", "handout.html", "handouts", "participant", printing=None)
DRILL_WORKSHEET = OutputKind(
    "drill-worksheet", "drill-worksheet.pdf", "exercises", "participant", numbered="drill"
)
DRILL_CARDS = OutputKind(
    # Each back page is mirrored to line up with its front when flipped on the long edge.
    "drill-cards",
    "drill-cards.pdf",
    "exercises",
    "participant",
    numbered="drill",
    printing=CARDS,
)
DRILL_ANSWER_KEY = OutputKind(
    "drill-answer-key",
    "drill-answer-key.pdf",
    "exercises",
    "facilitator",
    numbered="drill",
    printing=ONE_SIDED,
)
CONTINUUM_WORKSHEET = OutputKind(
    "continuum-worksheet",
    "continuum-worksheet.pdf",
    "exercises",
    "participant",
    numbered="continuum",
)
CONTINUUM_SIGNS = OutputKind(
    "continuum-signs",
    "continuum-signs.pdf",
    "exercises",
    "participant",
    numbered="continuum",
    printing=Printing(sides="single", colour=True, stock="card", landscape=True),
)
CONTINUUM_SCENARIO_CARDS = OutputKind(
    "continuum-scenario-cards",
    "continuum-scenario-cards.pdf",
    "exercises",
    "participant",
    numbered="continuum",
    printing=Printing(sides="single", stock="card", finish="cut"),
)
SIGN_IN = OutputKind(
    "sign-in",
    "sign-in-sheet.pdf",
    "handouts",
    "participant",
    printing=Printing(sides="single", landscape=True),
)
EVALUATION = OutputKind("evaluation", "evaluation-form.pdf", "handouts", "participant")
CERTIFICATES = OutputKind(
    "certificates",
    "certificates.pdf",
    "handouts",
    "participant",
    printing=Printing(sides="single", colour=True, stock="card", landscape=True),
)
NAME_TENTS = OutputKind(
    "name-tents",
    "name-tents.pdf",
    "handouts",
    "participant",
    printing=Printing(sides="single", stock="card", finish="fold"),
)
ROOM_LIST = OutputKind(
    "room-list", "room-and-materials.pdf", "handouts", "organiser", printing=ONE_SIDED
)
PRINT_LIST = OutputKind("print-list", "print-list.pdf", "printlist", "organiser", printing=None)

OUTPUTS: tuple[OutputKind, ...] = (
    DECK,
    HANDOUT,
    LARGE_PRINT,
    GUIDE,
    NOTES_HANDOUT,
    DECK_PDF,
    SHARED_SLIDES,
    WEB,
    DRILL_WORKSHEET,
    DRILL_CARDS,
    DRILL_ANSWER_KEY,
    CONTINUUM_WORKSHEET,
    CONTINUUM_SIGNS,
    CONTINUUM_SCENARIO_CARDS,
    SIGN_IN,
    ROOM_LIST,
    EVALUATION,
    CERTIFICATES,
    NAME_TENTS,
    PRINT_LIST,
)
# The organiser's pack: what the room needs, drawn from the workshop's details (the handouts
# draw it; a --watch redraws it only when those change, kit.app.redraw).
ORGANISER_PACK: tuple[OutputKind, ...] = (SIGN_IN, ROOM_LIST, EVALUATION, CERTIFICATES, NAME_TENTS)
# The renderers, in the order a build runs them.
RENDERERS: tuple[Renderer, ...] = tuple(dict.fromkeys(kind.renderer for kind in OUTPUTS))


def kind_of(file_name: str) -> OutputKind:
    """The registered kind of ``file_name``; ValueError for a file kit does not write."""
    for kind in OUTPUTS:
        if kind.matches(file_name):
            return kind
    raise ValueError(f"'{file_name}' is not in kit's outputs registry (kit/outputs)")


def files_of(renderer: Renderer) -> tuple[OutputKind, ...]:
    """The files ``renderer`` writes, in the order it writes them (``OUTPUTS``' order)."""
    return tuple(kind for kind in OUTPUTS if kind.renderer == renderer)


def of_audience(audience: Audience) -> tuple[OutputKind, ...]:
    return tuple(kind for kind in OUTPUTS if kind.audience == audience)


Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class Unfit:
    """Text a renderer could not hold, found while planning, before anything is written.

    ``field`` is where the text is in the workshop file (``("sections", 1, "blocks", 0,
    "drill", "challenges", 2, "statement")``); the build's plan phase locates it.
    """

    field: tuple[str | int, ...]
    message: str


@dataclass(frozen=True)
class Checked:
    """What a renderer's plan found: the text it could not hold, and what its drawing
    reuses of the plan (handed to its ``render`` as keywords, so nothing is planned twice).
    """

    problems: list[Unfit]
    plans: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked for, plus the fixed timestamp every output carries."""

    paper: Paper = "a4"
    participants: int = 20
    # From a participants list: one certificate and name tent each; none gives blank ones.
    people: tuple[Participant, ...] = ()
    # What the renderers before this one wrote in the same build (for the print list).
    written: tuple[Output, ...] = ()
    timestamp: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Output:
    """A file a renderer wrote, its kind, and how long it is (in its kind's unit)."""

    path: Path
    count: int
    kind: OutputKind

    @property
    def unit(self) -> str:
        return self.kind.unit

    def describe(self) -> str:
        unit = self.unit.removesuffix("s") if self.count == 1 else self.unit
        return f"{self.path} ({self.count} {unit})"
