"""The presenter's deck: the laid-out slides written as a native, editable ``.pptx``."""

from __future__ import annotations

from pathlib import Path

from kit.layout.slidelayout import DeckLayout
from kit.model import Theme, Workshop
from kit.outputs import DECK, BuildOptions, Output


def render(
    workshop: Workshop,
    theme: Theme,
    out_dir: Path,
    options: BuildOptions,
    deck: DeckLayout | None = None,
) -> list[Output]:
    """Write ``deck.pptx`` into ``out_dir``; returns it with its slide count.

    ``deck`` is the build's layout of the deck, shared with the handouts; without it the
    deck is laid out here.
    """
    from kit.layout.deckplan import plan_deck
    from slides.pptx_writer import write_deck

    deck = deck or plan_deck(workshop)
    path = out_dir / DECK.file
    write_deck(deck, path, options.timestamp)
    return [Output(path, len(deck.slides), DECK)]
