"""A language's typographic spacing: French puts a narrow no-break space before ``; : ! ?``
and inside ``« »``.

Writers type an ordinary space there (or none); an ordinary space lets a line start with
``»`` or ``!``. Only existing spaces are replaced: none is added, so ``https://`` and
``10:30`` stay as they are.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
_FRENCH_BEFORE = re.compile(r"[ \u00a0]+(?=[;:!?»])")
_FRENCH_AFTER = re.compile(r"(?<=«)[ \u00a0]+")


def spaced(text: str, language: str) -> str:
    """``text`` with the language's spacing around punctuation (only French has any)."""
    if language.split("-")[0].lower() != "fr":
        return text
    return _FRENCH_AFTER.sub(NARROW_NBSP, _FRENCH_BEFORE.sub(NARROW_NBSP, text))
