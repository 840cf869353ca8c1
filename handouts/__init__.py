"""Printed handouts: participant handout (normal and large print), notes handout, deck PDF
and facilitator guide.

``render`` is the only public function; it decides which files to write and in what
order, and each module lays out one document.
"""

from __future__ import annotations

from pathlib import Path

from handouts.deckpdf import write_deck_pdf
from handouts.notes import write_notes_handout
from handouts.participant import participant_story
from handouts.story import look_for, write_document
from kit.build import BuildOptions, Output
from kit.deckplan import plan_deck
from kit.model import Theme, Workshop
from kit.pdf import meta_for


def render(workshop: Workshop, theme: Theme, out_dir: Path, options: BuildOptions) -> list[Output]:
    """Write every handout PDF into ``out_dir``; one ``Output`` per file, in pages."""
    deck = plan_deck(workshop)
    outputs = []
    for name, size in (("handout.pdf", 11.0), ("handout-large-print.pdf", 16.0)):
        look = look_for(workshop, theme, options.paper, size)
        path = out_dir / name
        what = "Participant handout" + (" (large print)" if look.large else "")
        outputs.append(Output(path, write_document(path, participant_story(look), look, what)))
    notes = out_dir / "notes-handout.pdf"
    outputs.append(Output(notes, write_notes_handout(notes, workshop, theme, deck, options.paper)))
    slides = out_dir / "deck.pdf"
    outputs.append(Output(slides, write_deck_pdf(slides, deck, meta_for(workshop, "Slide deck"))))
    return outputs
