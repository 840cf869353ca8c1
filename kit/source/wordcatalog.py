"""A workshop's own catalog of kit's words, ``locale/<lang>.po``, checked before it is used.

kit fills each of its words with ``str.format``, so a catalog the workshop brings is
untrusted input: ``{title.__class__}`` would print kit's internals, ``{0[0]}`` would fail
mid-build and ``{count:>999999999}`` would fill the memory. Every entry is checked at load,
before anything is drawn: its key is one kit asks for, in its shape (plural or not), its
placeholders are plain names and exactly those of kit's English (a plural form may leave
out ``{count}``), every plural form is filled in, and the header's ``Plural-Forms`` is an
expression gettext accepts that picks one of its forms for every count. A bad entry is a
located problem; nothing is built.
"""

from __future__ import annotations

import difflib
import gettext
import re
import string
from pathlib import Path
from typing import TYPE_CHECKING

from kit.errors import ContentError, Problem
from kit.source.pofiles import read_catalog
from kit.words.i18n import english_catalog, workshop_catalog

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_PLURALS = 6  # CLDR's most: Arabic's zero, one, two, few, many, other
# The counts a plural rule is tried on: every rule of CLDR tells these apart.
_COUNTS = (*range(0, 200), 1000, 1_000_000, 10**9)


def check(folder: Path, language: str) -> list[Problem]:
    """Every problem of the workshop's catalog for ``language`` (none if it has none)."""
    path = workshop_catalog(folder, language)
    if path is None or not path.is_file():
        return []
    try:
        catalog = read_catalog(path)
    except ContentError as exc:
        return list(exc.problems)
    file = str(path)
    problems = _plural_problems(catalog, file)
    for message in catalog:
        # With a broken header, each plural entry would only repeat its problem.
        if message.id and not (problems and message.pluralizable):
            problems += _entry_problems(message, file)
    return problems


def _plural_problems(catalog: Catalog, file: str) -> list[Problem]:
    """The header's ``Plural-Forms``: a count of forms, and a rule that picks one of them."""
    where = (file, 1, 1, "Plural-Forms")
    count = catalog.num_plurals
    if not 1 <= count <= MAX_PLURALS:
        return [Problem(*where, f"nplurals={count}: a language has 1 to {MAX_PLURALS} forms")]
    try:
        rule = gettext.c2py(catalog.plural_expr)
    except ValueError as exc:
        return [Problem(*where, f"plural={catalog.plural_expr}: {exc}")]
    wrong = next((n for n in _COUNTS if not 0 <= rule(n) < count), None)
    if wrong is not None:
        return [
            Problem(
                *where,
                f"plural={catalog.plural_expr} gives form {rule(wrong)} for "
                f"{wrong}, but nplurals={count}",
            )
        ]
    return []


def _entry_problems(message: Message, file: str) -> list[Problem]:
    key = str(message.context or "")
    english = english_catalog().get(key)

    def problem(text: str) -> list[Problem]:
        return [Problem(file, message.lineno or 1, 1, key, text)]

    if english is None:
        known = list(english_catalog())
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        what = f"msgctxt '{key}' is no word of kit's" if key else "no msgctxt"
        return problem(f"{what}: the msgctxt is the key kit asks for{hint}")
    plural = isinstance(english, tuple)
    if plural != message.pluralizable:
        kind = "a plural entry (msgid_plural, msgstr[0], ...)" if plural else "a single msgstr"
        return problem(f"kit's '{key}' is {kind}")
    string = message.string
    forms = tuple(string) if isinstance(string, (tuple, list)) else (string,)
    if not any(forms):
        return []  # untranslated: kit's own word stands
    found: list[Problem] = []
    wanted = _names(english[0]) | _names(english[-1]) if plural else _names(str(english))
    for index, form in enumerate(forms):
        label = f"msgstr[{index}]" if plural else "msgstr"
        if not form:
            found += problem(f"{label} is empty; translate every form")
            continue
        try:
            names = _placeholders(form)
        except ValueError as exc:
            found += problem(f"{label} {exc}")
            continue
        extra, missing = names - wanted, wanted - names - ({"count"} if plural else set())
        if extra:
            found += problem(
                f"{label} has {_listed(extra)}, which kit does not fill; "
                f"kit's English has {_listed(wanted) or 'no placeholder'}"
            )
        if missing:
            found += problem(f"{label} leaves out {_listed(missing)}")
    return found


def _placeholders(text: str) -> set[str]:
    """The names in ``text``'s ``{name}`` fields; ValueError for anything but a plain name."""
    names = set()
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise ValueError(
            f"is not a format string: {exc} (write {{{{ and }}}} for braces)"
        ) from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        shown = (
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
        if not _NAME.fullmatch(name) or spec or conversion:
            raise ValueError(
                f"has {shown}: a placeholder is a plain name like {{title}}, "
                "with no attribute, index, conversion or format"
            )
        names.add(name)
    return names


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _listed(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names))
