"""The words kit itself adds to every output ("Agenda", "Page 3 of 8"), per language.

Content comes from the workshop (and its translations); these are the interface words
around it. They are gettext catalogs, ``kit/words/locale/<lang>/LC_MESSAGES/kit.po``, read
when first asked for (no compile step; English, which every process reads for the model's
default titles, by kit's own reader, the others with Babel): each entry's msgctxt
is the key the code asks for, its msgid the English, and plural entries follow the
catalog's ``Plural-Forms`` (``1 минута``, ``2 минуты``, ``5 минут``). A workshop can bring
its own catalog, ``locale/<lang>.po`` in its folder, for a language kit lacks or to change
a word; its entries win. A language with neither is English word for word, and the loader
warns, naming it (see ``missing_catalog``).

Dates, times and numbers follow CLDR through Babel: ``en-US`` has a 12-hour clock,
``fr`` writes ``1 000``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kit.words.typography import bound, short_words

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "kit"
ENGLISH_CATALOG = LOCALE_DIR / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
WORKSHOP_LOCALE_DIR = "locale"  # a workshop's own catalogs: locale/<lang>.po
# Plain "en" writes dates the way most of the English-speaking world outside the US does.
_BABEL_LOCALE = {"en": "en_GB"}
# A workshop's build: time_format, in CLDR patterns; the locale still names am and pm.
_CLOCK_PATTERNS = {"24h": "HH:mm", "12h": "h:mm a"}
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")  # as the model's LanguageCode


@dataclass(frozen=True)
class Words:
    """The interface words of one language: ``words("page_of", page=3, total=8)``.

    ``folder`` is the workshop's folder, whose ``locale/<lang>.po`` (if any) comes first;
    ``clock`` is the workshop's ``build: time_format`` (``24h``/``12h``), else the locale's.
    Whole numbers among the values are written the locale's way; ``count`` picks the
    plural form of a plural entry.
    """

    language: str
    folder: Path | None = None
    clock: str | None = None

    def __call__(self, key: str, **values: object) -> str:
        english = english_catalog()[key]
        translations = self._translations
        if isinstance(english, tuple):
            count = values.get("count")
            assert isinstance(count, int), f"'{key}' needs a whole-number count"
            text = str(translations.npgettext(key, english[0], english[1], count))
        else:
            text = str(translations.pgettext(key, english))
        return text.format(**{name: self._value(value) for name, value in values.items()})

    def colon(self, label: str) -> str:
        """``label`` followed by the language's colon (``Technique :`` in French)."""
        return self("colon", label=label)

    def date(self, day: dt.date) -> str:
        """``5 December 2026`` / ``December 5, 2026`` (en-US) / ``5 декабря 2026 г.``."""
        from babel.dates import format_date

        said = format_date(day, format="long", locale=self.locale())
        return bound(said, self.language, short_words(self("short_words")))  # day and month

    def time(self, moment: dt.time) -> str:
        """``14:30``, or ``2:30 PM`` where the locale (or ``clock``) uses a 12-hour clock."""
        return _time(moment, _CLOCK_PATTERNS.get(self.clock or "", "short"), self.locale())

    def span(self, start: dt.time, end: dt.time) -> str:
        """``10:00–10:15`` / ``9:00 AM–9:15 AM``."""
        return f"{self.time(start)}–{self.time(end)}"

    def locale(self) -> str:
        """The Babel locale for the language tag: ``en-US`` -> ``en_US``; unknown -> en_GB."""
        return _babel_locale(self.language)

    def _value(self, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return _number(value, self.locale())
        return value

    @cached_property
    def _translations(self) -> gettext.NullTranslations:
        """The workshop's own catalog, read once for these words (a build's, not the
        process's: a rebuild reads the file as it is then), over kit's, then English."""
        own = workshop_catalog(self.folder, self.language)
        shipped = kit_catalog(self.language)
        if shipped == ENGLISH_CATALOG:
            below: gettext.NullTranslations = _english_words()
        else:
            below = _kit_translations(shipped) if shipped is not None else _english()
        if own is None or not own.is_file():
            return below
        layer = _compiled(read_catalog(own))
        layer.add_fallback(below)
        return layer


def primary(language: str) -> str:
    """``pt-BR`` -> ``pt``."""
    return language.split("-")[0].lower()


def kit_catalog(language: str) -> Path | None:
    """The catalog kit ships for ``language`` (or its primary language), if any."""
    for code in dict.fromkeys((language.replace("-", "_"), primary(language))):
        path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            return path
    return None


def workshop_catalog(folder: Path | None, language: str) -> Path | None:
    """Where a workshop in ``folder`` keeps its own catalog for ``language``.

    None for a language that is no code (``../x``): it must not lead out of the folder.
    """
    if folder is None or not _LANGUAGE_CODE.fullmatch(language):
        return None
    return folder / WORKSHOP_LOCALE_DIR / f"{language}.po"


def missing_catalog(language: str, folder: Path | None) -> str | None:
    """A warning if kit has no words in ``language``: neither its own nor the workshop's."""
    own = workshop_catalog(folder, language)
    if kit_catalog(language) or (own is not None and own.is_file()):
        return None
    where = f"{WORKSHOP_LOCALE_DIR}/{language}.po"
    return (
        f"kit has no words in '{language}' (it has {', '.join(languages())}); the words kit "
        f"adds (Agenda, Page 1 of 2, ...) stay English unless the workshop brings {where}"
    )


def languages() -> list[str]:
    """Languages kit ships words for."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path) -> Catalog:
    """A PO file read with Babel."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


@cache
def english_catalog() -> dict[str, str | tuple[str, str]]:
    """Every key kit asks for, with its English text (singular and plural for plurals)."""
    return {
        key: ids[0] if len(ids) == 1 else (ids[0], ids[1]) for key, ids, _ in _english_entries()
    }


@cache
def _english_entries() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """kit's English catalog as (key, msgids, msgstrs), read by ``shipped_entries``: every
    process reads it, for the model's default titles, and Babel's reader and its import
    took a tenth of a short build's start."""
    return list(shipped_entries(ENGLISH_CATALOG.read_text(encoding="utf-8")))


# A line of a PO file as kit writes its catalogs: a keyword and a string, or a string
# continuing the one before.
_PO_LINE = re.compile(r'(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) )?"(.*)"')
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def shipped_entries(text: str) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """The entries of a catalog kit ships, PO ``text``: (msgctxt, its msgid and
    msgid_plural, its msgstr or msgstr[n]) of each entry with both; comments skipped.
    kit's own files only (``test_words`` reads every one as Babel does): a workshop's
    catalog is read with Babel, which checks it."""
    entry: dict[str, str] = {}
    field = ""

    def done() -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        ids = tuple(entry[k] for k in ("msgid", "msgid_plural") if k in entry)
        strings = tuple(v for k, v in entry.items() if k.startswith("msgstr"))
        if entry.get("msgctxt") and entry.get("msgid"):
            yield entry["msgctxt"], ids, strings

    for line in text.splitlines():
        found = _PO_LINE.fullmatch(line.strip())
        if found is None:  # a comment, or the blank line between entries
            continue
        keyword, value = found[1], re.sub(r"\\(.)", lambda m: _PO_ESCAPES[m[1]], found[2])
        if keyword == "msgctxt" or (keyword == "msgid" and "msgid" in entry):  # the next entry
            yield from done()
            entry = {}
        if keyword:
            field = keyword
            entry[field] = value
        else:
            entry[field] += value
    yield from done()


@cache
def _english_words() -> _EnglishWords:
    return _EnglishWords()


class _EnglishWords(gettext.NullTranslations):
    """kit's English catalog as translations (its msgstr; a plural's second form for any
    count but one), without Babel's reading and compiling."""

    def __init__(self) -> None:
        super().__init__()
        self._strings = {key: strings for key, _, strings in _english_entries() if all(strings)}

    def pgettext(self, context: str, message: str) -> str:
        strings = self._strings.get(context)
        return strings[0] if strings else message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        strings = self._strings.get(context)
        if strings is None:
            return msgid1 if n == 1 else msgid2
        return strings[0] if n == 1 else strings[1]


@cache
def _shipped(path: Path) -> Catalog:
    """A catalog kit ships, read once: package data."""
    return read_catalog(path)


@cache
def _kit_translations(path: Path) -> gettext.NullTranslations:
    """A catalog kit ships, over English: package data, the same for every build."""
    layer = _compiled(_shipped(path))
    layer.add_fallback(_english())
    return layer


def _english() -> gettext.NullTranslations:
    return gettext.NullTranslations()


def _compiled(catalog: Catalog) -> gettext.NullTranslations:
    """gettext translations from a catalog read from its PO file."""
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache  # page numbers: every page of every PDF asks again
def _number(value: int, locale: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale)


@cache
@cache  # the agenda, the dividers and the guide say the same few times again and again
def _time(moment: dt.time, pattern: str, locale: str) -> str:
    from babel.dates import format_time

    return str(format_time(moment, format=pattern, locale=locale))


def _babel_locale(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    if language in _BABEL_LOCALE:
        return _BABEL_LOCALE[language]
    for tag in (language, primary(language)):
        try:
            return str(Locale.parse(tag, sep="-"))
        except (UnknownLocaleError, ValueError):
            continue
    return _BABEL_LOCALE["en"]


def words(language: str, folder: Path | None = None) -> Words:
    return Words(language, folder)
