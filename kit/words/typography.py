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


# Each language's quotation marks: double open and close, single open and close.
_QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "fr": (f"«{NARROW_NBSP}", f"{NARROW_NBSP}»", "“", "”"),
    "es": ("«", "»", "“", "”"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
}
APOSTROPHE = "’"
# A quotation mark after one of these (or at the start) opens a quotation.
_OPENS_AFTER = " \t\n\u00a0\u202f([{—–-/"


def curled(text: str, language: str) -> str:
    """``text`` with straight quotes and apostrophes made typographic, in the language's
    style (English marks for a language kit has no style for): ``"oui"`` is ``« oui »``
    in French, ``„ja“`` in German; ``can't`` has an apostrophe in every language."""
    if "'" not in text and '"' not in text:
        return text
    double_open, double_close, single_open, single_close = _QUOTES.get(
        language.split("-")[0].lower(), _QUOTES["en"]
    )
    out = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opens = before in _OPENS_AFTER
        if char == '"':
            out.append(double_open if opens else double_close)
        elif char == "'":
            if before.isalnum() and after.isalnum():
                out.append(APOSTROPHE)
            else:
                out.append(single_open if opens and after.isalnum() else single_close)
        else:
            out.append(char)
    return "".join(out)
