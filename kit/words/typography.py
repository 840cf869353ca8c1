"""A language's typographic spacing: French puts a narrow no-break space before ``; : ! ?``
and inside ``« »``.

Writers type an ordinary space there (or none); an ordinary space lets a line start with
``»`` or ``!``. Only existing spaces are replaced: none is added, so ``https://`` and
``10:30`` stay as they are.
"""

from __future__ import annotations

import re
from functools import cache

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


NBSP = "\u00a0"
_GAP = re.compile(r"(\S+) (?=(\S+))")  # a word, one ordinary space, and the word after
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")  # 10, 2.5, 1,000, 10:30
_YEAR = re.compile(r"(?:1\d|20)\d\d")
_NOUN = re.compile(r"[^\W\d_]+\.?|[%‰°€£$]\S*")  # "am", "min.", "жовтня", "%", "°C"
_INITIAL = re.compile(r"[^\W\d_]\.")
_SIGNS = frozenset("§¶№#")
# Emphasis, quotes and brackets around a word, and punctuation after it: not the word.
_OPENERS, _CLOSERS = "*_\"'“”‘’«»„‚([{", "*_\"'“”‘’«».,;:!?)]}"


def short_words(listed: str) -> frozenset[str]:
    """The catalog's ``short_words`` entry (words apart by spaces) as a set, lower case."""
    return frozenset(listed.lower().split())


def bound(text: str, language: str, short: frozenset[str]) -> str:
    """``text`` with a no-break space where a line break would part what is read as one:
    a day and its month ("3 October", "October 3", "3. Oktober"), a number and its unit or
    noun ("10 am", "15 min", "3 жовтня"), a sign or capitalised word and its number ("§ 4",
    "Room 2"), an initial and the name after it. Not next to a year ("in 2026 members",
    "April 2027") nor to one of the language's ``short`` words ("55 per hour")."""
    months = _months(language)

    def gap(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        held = _held(before.lstrip(_OPENERS).rstrip("*_"), after.strip(_OPENERS + _CLOSERS))
        return before + (NBSP if held else " ")

    def _held(before: str, after: str) -> bool:
        if before.lower() in short or after.lower() in short:
            return False
        if _INITIAL.fullmatch(before) and before.isupper() and after[:1].isupper():
            return True
        if before.endswith(".") and _NUMBER.fullmatch(before[:-1]):  # German "3. Oktober"
            return after.lower() in months
        if _NUMBER.fullmatch(before):
            return not _YEAR.fullmatch(before) and bool(_NOUN.fullmatch(after))
        if _NUMBER.fullmatch(after) and not _YEAR.fullmatch(after):
            return before in _SIGNS or before.lower() in months or before[:1].isupper()
        return False

    return _GAP.sub(gap, text)


_TIED_MAX = 16  # characters: two words that still fit a narrow column's line
_ADDRESS = re.compile(r"[/@]|www\.")


def tied(text: str) -> str:
    """``text`` with each line's last two words held by a no-break space, so that no
    paragraph ends on a word alone ("comment on the / talks.") in any viewer: where the
    line has three words or more and the two are short and no address."""
    return "\n".join(map(_tied_line, text.split("\n")))


def _tied_line(line: str) -> str:
    head, _, last = line.rpartition(" ")
    rest, _, before = head.rpartition(" ")
    pair = f"{before} {last}"
    if not (rest.strip() and before and last) or _ADDRESS.search(pair):
        return line
    return f"{head}{NBSP}{last}" if len(pair.replace("*", "")) <= _TIED_MAX else line


@cache
def _months(language: str) -> frozenset[str]:
    """The language's month names, wide and abbreviated, as written and on their own
    (Babel's: "october", "oct", "жовтня", "жовтень"), lower case; English's for a language
    Babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.split("-")[0])
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return frozenset(
        name.lower().rstrip(".")
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for name in locale.months[context][width].values()
    )
