"""Handouts: the participant handout (normal and large print, and its web edition), the
notes handout, the deck as a PDF (the presenter's, and the copy to share with participants)
and the facilitator guide.

``render`` is the only public function; it decides which files to write and in what
order, and one module lays out each kind of document. The deck is planned once
(``kit.layout.deckplan``) and drawn here with reportlab, so no office suite is needed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from handouts.deckpdf import write_deck_pdf
from handouts.folding import write_folded
from handouts.guide import guide_story
from handouts.notes import write_notes_handout
from handouts.organiser import organiser_outputs
from handouts.participant import participant_story, unfit_resources
from handouts.story import look_for
from handouts.web import write_web_edition
from kit.layout.deckplan import plan_deck
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
    Paper,
    Unfit,
)
from kit.pdf import meta_for

__all__ = ["check", "render"]

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


def render(
    workshop: Workshop,
    theme: Theme,
    out_dir: Path,
    options: BuildOptions,
    deck: DeckLayout | None = None,
) -> list[Output]:
    """Write every handout PDF into ``out_dir``; one ``Output`` per file, in pages.

    ``deck`` is the build's layout of the deck; without it the deck is laid out here.
    """
    deck = deck or plan_deck(workshop)
    outputs = []
    for kind, size, what in (
        (HANDOUT, BODY_SIZE, "handout"),
        (LARGE_PRINT, float(workshop.build.large_print), "handout_large"),
    ):
        look = look_for(workshop, theme, options.paper, size, pictures=deck.pictures)
        path = out_dir / kind.file
        pages = write_folded(path, participant_story, look, look.words(what), kind)
        outputs.append(Output(path, pages, kind))

    look = look_for(workshop, theme, options.paper, BODY_SIZE, pictures=deck.pictures)
    path = out_dir / GUIDE.file
    pages = write_folded(
        path,
        partial(guide_story, participants=options.participants, deck=deck),
        look,
        look.words("guide"),
        GUIDE,
    )
    outputs.append(Output(path, pages, GUIDE))

    # What the template's master draws behind the slides, read with the deck's plan.
    art = deck.look.art if deck.look is not None else None
    path = out_dir / NOTES_HANDOUT.file
    pages = write_notes_handout(path, workshop, theme, deck, options.paper, art)
    outputs.append(Output(path, pages, NOTES_HANDOUT))
    path = out_dir / DECK_PDF.file
    meta = meta_for(workshop, look.words("slide_deck"))
    outputs.append(Output(path, write_deck_pdf(path, deck, meta, art), DECK_PDF))
    path = out_dir / SHARED_SLIDES.file
    meta = meta_for(workshop, look.words("slides_for_participants"))
    pages = write_deck_pdf(path, deck.to_share(), meta, art)
    outputs.append(Output(path, pages, SHARED_SLIDES))
    path = out_dir / WEB.file
    outputs.append(Output(path, write_web_edition(path, workshop, theme, deck.pictures), WEB))
    return outputs + organiser_outputs(workshop, theme, out_dir, options, deck.pictures)
