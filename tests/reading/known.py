"""Reader problems that kit's outputs have today, each tied to the open issue that covers it.

Keys are (workshop, paper, output, check); ``*`` matches both papers. Templated decks are
``template:NAME``. Each reason says what fails, with the figures measured when it was
written, so that whoever fixes it knows what changed; the cases are strict xfails.
"""

from __future__ import annotations

from ..corpus import DECK

KNOWN: dict[tuple[str, str, str, str], str] = {}


# The sample on each template of the corpus, printed by LibreOffice: what a reader still finds
# there, with the words counted on 2026-12-02 (a template not named passes).
_ON_TEMPLATES: dict[str, tuple[str, dict[str, int]]] = {}
KNOWN.update(
    {
        (f"template:{name}", "a4", DECK, check): f"{reason} ({count} words)"
        for check, (reason, counts) in _ON_TEMPLATES.items()
        for name, count in counts.items()
    }
)


def known(workshop: str, paper: str, output: str, check: str) -> str | None:
    """Why this case fails today, or None when it must pass."""
    return KNOWN.get((workshop, paper, output, check)) or KNOWN.get((workshop, "*", output, check))
