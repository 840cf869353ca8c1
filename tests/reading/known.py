"""Reader problems that kit's outputs have today, each tied to the open issue that covers it.

Keys are (workshop, paper, output, check); ``*`` matches both papers. Templated decks are
``WORKSHOP on NAME``. Each reason says what fails, with the figures measured when it was
written, so that whoever fixes it knows what changed; the cases are strict xfails.
"""

from __future__ import annotations

from ..corpus import DECK

KNOWN: dict[tuple[str, str, str, str], str] = {}


# Each workshop of the template corpus (the sample; first-aid, 4:3, on 16:9 templates too;
# tenants-union, 16:9) on each template, printed by LibreOffice: what a reader still finds
# there, as {workshop: {check: (reason, {template: words})}}, the words counted when written
# (a template not named passes). None is left since 2026-12-02.
_ON_TEMPLATES: dict[str, dict[str, tuple[str, dict[str, int]]]] = {}
KNOWN.update(
    {
        (f"{workshop} on {name}", "a4", DECK, check): f"{reason} ({count} words)"
        for workshop, faults in _ON_TEMPLATES.items()
        for check, (reason, counts) in faults.items()
        for name, count in counts.items()
    }
)


def known(workshop: str, paper: str, output: str, check: str) -> str | None:
    """Why this case fails today, or None when it must pass."""
    return KNOWN.get((workshop, paper, output, check)) or KNOWN.get((workshop, "*", output, check))
