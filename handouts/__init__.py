"""Handouts: the participant handout (normal and large print, and its web edition), the
notes handout, the deck as a PDF (the presenter's, and the copy to share with participants)
and the facilitator guide.

``render`` is the only public function; it decides which files to write and in what
order (``FILES``; a build draws each in a process of its own), and one module lays out each
kind of document. The deck is planned once
(``kit.layout.deckplan``) and drawn here with reportlab, so no office suite is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from handouts.deckpdf import write_deck_pdf
from handouts.folding import write_folded
from handouts.guide import guide_story
from handouts.notes import write_notes_handout
from handouts.organiser import FILES as ORGANISER_FILES
from handouts.organiser import write_organiser
from handouts.participant import participant_story, unfit_resources
from handouts.story import Look, look_for
from kit.layout.deckplan import plan_deck
from kit.layout.pictures import Prepared
from kit.layout.slidelayout import DeckLayout
from kit.model import Theme, Workshop
from kit.outputs import (
    DECK_PDF,
    GUIDE,
    HANDOUT,
    LARGE_PRINT,
    NOTES_HANDOUT,
    SHARED_SLIDES,
    WEB,
    BuildOptions,
    Checked,
    Output,
    OutputKind,
    Paper,
    Unfit,
    files_of,
)
from kit.pdf import meta_for

__all__ = ["FILES", "WITHOUT_DECK", "check", "render"]

BODY_SIZE = 11.0


def check(workshop: Workshop, theme: Theme, paper: Paper) -> Checked:
    """Text the handouts could not hold on ``paper``; writes nothing.

    Everything flows onto as many pages as it needs but a resource, which stays beside
    its QR code: one too long for a page of either edition is refused.
    """
    found: dict[tuple[str | int, ...], Unfit] = {}
    for kind, size in ((LARGE_PRINT, float(workshop.build.large_print)), (HANDOUT, BODY_SIZE)):
        for problem in unfit_resources(look_for(workshop, theme, paper, size), kind.file):
            found.setdefault(problem.field, problem)
    return Checked(list(found.values()))


# The files ``render`` writes, in the order it writes them.
FILES: tuple[OutputKind, ...] = files_of("handouts")
# The files drawn without the deck's layout, its pictures prepared again (to the same
# bytes) where they show any: a build draws them while it lays the deck out.
WITHOUT_DECK: frozenset[OutputKind] = frozenset({HANDOUT, LARGE_PRINT, WEB, *ORGANISER_FILES})


def render(
    workshop: Workshop,
    theme: Theme,
    out_dir: Path,
    options: BuildOptions,
    deck: DeckLayout | None = None,
    files: Collection[OutputKind] = FILES,
) -> list[Output]:
    """Write the handout PDFs among ``files`` into ``out_dir``; one ``Output`` per file, in
    pages, in the order of ``FILES``. A build may hand each file to a process of its own.

    ``deck`` is the build's layout of the deck; without it the deck is laid out here, unless
    every file chosen is drawn without it (``WITHOUT_DECK``).
    """
    if deck is None and not WITHOUT_DECK.issuperset(files):
        deck = plan_deck(workshop)
    drawing = _Drawing(workshop, theme, options, deck)
    outputs = []
    for kind in FILES:
        if kind in files:
            path = out_dir / kind.file
            outputs.append(Output(path, _WRITERS[kind](drawing, path), kind))
    return outputs


@dataclass(frozen=True)
class _Drawing:
    """What every handout is drawn from."""

    workshop: Workshop
    theme: Theme
    options: BuildOptions
    deck: DeckLayout | None  # None: only files drawn without it (WITHOUT_DECK)

    @property
    def layout(self) -> DeckLayout:
        """The deck's layout, for the files drawn from it."""
        assert self.deck is not None, "render lays the deck out for these files"
        return self.deck

    @property
    def pictures(self) -> Mapping[str, Prepared]:
        """The pictures the deck's layout prepared; without it, each is prepared as drawn."""
        return self.deck.pictures if self.deck else {}

    def look(self, size: float = BODY_SIZE) -> Look:
        return look_for(self.workshop, self.theme, self.options.paper, size, pictures=self.pictures)


def _participant(kind: OutputKind, drawing: _Drawing, path: Path) -> int:
    if kind is LARGE_PRINT:
        look, what = drawing.look(float(drawing.workshop.build.large_print)), "handout_large"
    else:
        look, what = drawing.look(), "handout"
    return write_folded(path, participant_story, look, look.words(what), kind)


def _guide(drawing: _Drawing, path: Path) -> int:
    look = drawing.look()
    story = partial(guide_story, participants=drawing.options.participants, deck=drawing.layout)
    return write_folded(path, story, look, look.words("guide"), GUIDE)


def _notes(drawing: _Drawing, path: Path) -> int:
    workshop, paper = drawing.workshop, drawing.options.paper
    return write_notes_handout(path, workshop, drawing.theme, drawing.layout, paper)


def _deck_pdf(drawing: _Drawing, path: Path) -> int:
    meta = meta_for(drawing.workshop, drawing.look().words("slide_deck"))
    return write_deck_pdf(path, drawing.layout, meta)


def _shared_slides(drawing: _Drawing, path: Path) -> int:
    meta = meta_for(drawing.workshop, drawing.look().words("slides_for_participants"))
    return write_deck_pdf(path, drawing.layout.to_share(), meta)


def _web(drawing: _Drawing, path: Path) -> int:
    from handouts.web import write_web_edition  # jinja2: only where the page is written

    return write_web_edition(path, drawing.workshop, drawing.theme, drawing.pictures)


def _organiser(kind: OutputKind, drawing: _Drawing, path: Path) -> int:
    workshop, options = drawing.workshop, drawing.options
    return write_organiser(kind, workshop, drawing.theme, path, options, drawing.pictures)


_WRITERS: dict[OutputKind, Callable[[_Drawing, Path], int]] = {
    HANDOUT: partial(_participant, HANDOUT),
    LARGE_PRINT: partial(_participant, LARGE_PRINT),
    GUIDE: _guide,
    NOTES_HANDOUT: _notes,
    DECK_PDF: _deck_pdf,
    SHARED_SLIDES: _shared_slides,
    WEB: _web,
    **{kind: partial(_organiser, kind) for kind in ORGANISER_FILES},
}
