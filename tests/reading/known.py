"""Reader problems that kit's outputs have today, each tied to the open issue that covers it.

Keys are (workshop, paper, output, check); ``*`` matches both papers. Templated decks are
``template:NAME``. Each reason says what fails, with the figures measured when it was
written, so that whoever fixes it knows what changed; the cases are strict xfails.
"""

from __future__ import annotations

from ..corpus import DECK

KNOWN: dict[tuple[str, str, str, str], str] = {
    ("branded", "a4", DECK, "contrast"): (
        "issue #14: the template is ignored: titles and dividers white on the template's cream"
        " (1.0:1), titles navy on its navy band (161 words)"
    ),
    # kit's own print of the deck draws the template's band too (#14): the same titles.
    ("branded", "a4", "deck.pdf", "contrast"): (
        "issue #14: content slides' titles navy on the template's navy band (1.0:1, 54 words)"
    ),
    ("branded", "*", "notes-handout.pdf", "contrast"): (
        "issue #14: in the miniatures, titles navy on the template's navy band (1.0:1)"
    ),
}


# The sample on each template: kit ignores the template's colours and layout (issue #14).
_TEMPLATE_CONTRAST = (
    "issue #14: text kit draws is unreadable on the template's backgrounds (e.g. the title"
    " slide's title at 1.0:1)"
)
_TEMPLATE_OVERLAP = "issue #14: body text runs into the template's own slide-number field"
KNOWN.update(
    {
        (f"template:{name}", "a4", DECK, "contrast"): _TEMPLATE_CONTRAST
        for name in (
            "branded",
            "Beehive",
            "Blue_Curve",
            "Blueprint_Plans",
            "Candy",
            "DNA",
            "Focus",
            "Forestbird",
            "Freshes",
            "Grey_Elegant",
            "Inspiration",
            "Lights",
            "Metropolis",
            "Midnightblue",
            "Nature_Illustration",
            "Piano",
            "Portfolio",
            "Progress",
            "Sunset",
            "Vintage",
            "Vivid",
            "Yellow_Idea",
        )
    }
    | {(f"template:{name}", "a4", DECK, "overlap"): _TEMPLATE_OVERLAP for name in ("Midnightblue",)}
)


# Words on the template's own pictures and shapes, read with tests/readers.on_decorations
# (figures from the run on this check's first day): kit's text keeps to its own places, not to
# the layout's title and body areas, and the template's shapes do not move with the slide size.
_ON_DECORATION = (
    "issue #14: kit's text runs over the template's own bands, pictures and shapes"
    " (e.g. Focus: 419 words, Vivid: 92, Midnightblue: 223, the branded band: 142)"
)
KNOWN.update(
    {
        (f"template:{name}", "a4", DECK, "on-decoration"): _ON_DECORATION
        for name in (
            "branded",
            "Beehive",
            "Blue_Curve",
            "DNA",
            "Focus",
            "Forestbird",
            "Growing_Liberty",
            "Inspiration",
            "Lights",
            "Metropolis",
            "Midnightblue",
            "Pencil",
            "Piano",
            "Progress",
            "Sunset",
            "Vintage",
            "Vivid",
            "Yellow_Idea",
        )
    }
    | {("branded", "a4", DECK, "on-decoration"): _ON_DECORATION + ", on the branded fixture's deck"}
)


def known(workshop: str, paper: str, output: str, check: str) -> str | None:
    """Why this case fails today, or None when it must pass."""
    return KNOWN.get((workshop, paper, output, check)) or KNOWN.get((workshop, "*", output, check))
