"""kit's own words: gettext catalogs per language, plural forms, CLDR dates, times, numbers."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kit.source.loader import load
from kit.words import i18n
from kit.words.i18n import english_catalog, kit_catalog, languages, read_catalog, words
from kit.words.typography import spaced

SHIPPED = ["de", "en", "es", "fr", "pt", "ru", "uk"]


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"{(\w+)}", text))


def test_kit_ships_its_words_in_seven_languages() -> None:
    assert languages() == SHIPPED


@pytest.mark.parametrize("language", SHIPPED)
def test_every_key_is_in_every_catalog_with_the_same_placeholders(language: str) -> None:
    english = english_catalog()
    path = kit_catalog(language)
    assert path is not None
    catalog = read_catalog(path)
    entries = {str(m.context): m for m in catalog if m.id}
    assert set(entries) == set(english), set(entries) ^ set(english)
    for key, message in entries.items():
        assert message.id == english[key], key  # the msgid is the English, as gettext expects
        assert not message.fuzzy, key
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"{language}: '{key}' is not translated"
        if isinstance(english[key], tuple):
            assert len(forms) == catalog.num_plurals, key
        source = english[key][0] if isinstance(english[key], tuple) else english[key]
        for form in forms:
            # The same placeholders, so no format() call can fail in one language only.
            assert _placeholders(form) == _placeholders(source), (language, key, form)


@pytest.mark.parametrize("language", SHIPPED)
def test_kits_own_reader_reads_every_shipped_catalog_as_babel_does(language: str) -> None:
    path = kit_catalog(language)
    assert path is not None
    babel = {}
    for message in read_catalog(path):
        if message.id and message.context:
            ids, strings = message.id, message.string
            babel[str(message.context)] = (
                (ids,) if isinstance(ids, str) else tuple(ids),
                (strings,) if isinstance(strings, str) else tuple(strings),
            )
    read = i18n.shipped_entries(path.read_text(encoding="utf-8"))
    assert {key: (ids, strings) for key, ids, strings in read} == babel


def test_kits_own_reader_reads_long_lines_and_escapes_as_babel_does(tmp_path: Path) -> None:
    """What kit's catalogs may come to hold: a text wrapped over lines, quotes, a backslash,
    a tab and a line break, plural forms, a comment."""
    catalog = Catalog(locale="de")
    long = "A sentence long enough to be wrapped over several lines of the catalog, " * 3
    catalog.add(long, long.upper(), context="long", auto_comments=["a comment"])
    catalog.add('say "hi"\\n\tthere\nback', 'sag "hallo"\\\t', context="escapes")
    catalog.add(("{count} card", "{count} cards"), ("{count} Karte", "{count} Karten"), context="n")
    path = tmp_path / "de.po"
    with path.open("wb") as handle:
        write_po(handle, catalog)
    assert len(path.read_text(encoding="utf-8").splitlines()) > 20  # wrapped
    read = {key: (ids, strings) for key, ids, strings in i18n.shipped_entries(path.read_text())}
    assert read == {
        "long": ((long,), (long.upper(),)),
        "escapes": (('say "hi"\\n\tthere\nback',), ('sag "hallo"\\\t',)),
        "n": (("{count} card", "{count} cards"), ("{count} Karte", "{count} Karten")),
    }
    babel = {str(m.context): m.id for m in read_catalog(path) if m.id}
    assert {key: ids[0] if len(ids) == 1 else ids for key, (ids, _) in read.items()} == babel


def test_kits_english_words_are_its_english_catalog_compiled() -> None:
    """English, read without Babel, says what the catalog compiled with Babel says, for
    every key and count (one key's msgstr differs from its msgid: its apostrophes)."""
    compiled = i18n._compiled(read_catalog(i18n.ENGLISH_CATALOG))
    english = words("en")._translations
    assert isinstance(english, i18n._EnglishWords)
    for key, source in english_catalog().items():
        if isinstance(source, tuple):
            for n in (0, 1, 2, 5, 21):
                said = english.npgettext(key, source[0], source[1], n)
                assert said == compiled.npgettext(key, source[0], source[1], n), (key, n)
        else:
            assert english.pgettext(key, source) == compiled.pgettext(key, source), key


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", ["1 minute", "2 minutes", "5 minutes", "21 minutes"]),
        ("ru", ["1 минута", "2 минуты", "5 минут", "21 минута"]),
        ("uk", ["1 хвилина", "2 хвилини", "5 хвилин", "21 хвилина"]),
        ("fr", ["1 minute", "2 minutes", "5 minutes", "21 minutes"]),
        ("de", ["1 Minute", "2 Minuten", "5 Minuten", "21 Minuten"]),
    ],
)
def test_plural_forms_follow_the_language(language: str, counts: list[str]) -> None:
    w = words(language)
    assert [w("minutes", count=n) for n in (1, 2, 5, 21)] == counts
    assert w("minutes", count=11) != w("minutes", count=1) or language == "fr"


def test_dates_times_and_numbers_follow_cldr() -> None:
    day, start, end = dt.date(2026, 3, 14), dt.time(9, 0), dt.time(14, 30)
    # a day and its month held on one line (#15)
    assert words("en").date(day) == "14\u00a0March 2026"
    assert words("en-US").date(day) == "March\u00a014, 2026"
    assert words("en-US").span(start, end) == "9:00\u202fAM–2:30\u202fPM"  # 12-hour
    assert words("en").span(start, end) == "09:00–14:30"
    assert words("fr").date(day) == "14\u00a0mars 2026"
    assert words("de").date(day) == "14.\u00a0März 2026"
    assert words("es").date(day) == "14 de marzo de 2026"
    assert words("uk").date(day) == "14\u00a0березня 2026\u202fр."
    assert words("fr")("participants", count=1200) == "1\u202f200 participants"
    assert words("de")("participants", count=1200) == "1.200 Teilnehmende"


def test_quotation_marks_and_french_spacing() -> None:
    assert words("fr")("quoted", text="oui") == "«\u202foui\u202f»"
    assert words("de")("quoted", text="ja") == "„ja“"
    assert words("uk")("quoted", text="так") == "«так»"
    assert words("fr").colon("Technique") == "Technique\u202f:"
    assert spaced("« Vraiment ? » Oui ! Voir : https://a.fr ; 10:30", "fr") == (
        "«\u202fVraiment\u202f?\u202f» Oui\u202f! Voir\u202f: https://a.fr\u202f; 10:30"
    )
    assert spaced("Really ? Yes !", "en") == "Really ? Yes !"


WORKSHOP = """\
title: Ascoltare bene
organisation: Associazione
language: {language}
sections:
  - title: Benvenuti
    duration: 10
    blocks:
      - drill:
          challenges:
            - statement: Perché ascoltare?
              responses: [Perché sì.]
"""


def _italian_catalog(folder: Path) -> None:
    catalog = Catalog(locale="it")
    catalog.add("How would you respond?", "Come risponderesti?", context="drill_title")
    catalog.add(
        ("{count} minute", "{count} minutes"),
        ("{count} minuto", "{count} di minuti", "{count} minuti"),
        context="minutes",
    )
    (folder / "locale").mkdir()
    with (folder / "locale" / "it.po").open("wb") as handle:
        write_po(handle, catalog)


def test_a_workshop_brings_its_own_catalog_for_another_language(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP.format(language="it"), encoding="utf-8")
    _italian_catalog(tmp_path)
    loaded = load(tmp_path)
    assert loaded.warnings == ()
    assert loaded.workshop.sections[0].blocks[0].title == "Come risponderesti?"
    w = loaded.workshop.interface_words()
    assert (w("minutes", count=1), w("minutes", count=3)) == ("1 minuto", "3 minuti")
    assert w("agenda") == "Agenda"  # what it leaves out is kit's English


def test_a_language_without_a_catalog_is_a_warning_naming_it(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP.format(language="it"), encoding="utf-8")
    loaded = load(tmp_path)
    file = tmp_path / "workshop.yaml"
    assert [str(w) for w in loaded.warnings] == [
        f"{file}:3:11: language: kit has no words in 'it' (it has "
        + ", ".join(SHIPPED)
        + "); the words kit adds (Agenda, Page 1 of 2, ...) stay English unless the "
        "workshop brings locale/it.po"
    ]


def test_a_language_without_a_catalog_fails_a_strict_check(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kit.app.cli import main

    (tmp_path / "workshop.yaml").write_text(WORKSHOP.format(language="it"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--strict"])
    assert result.exit_code == 1
    assert "kit has no words in 'it'" in result.output
    assert CliRunner().invoke(main, ["check", str(tmp_path)]).exit_code == 0


def test_french_text_gets_narrow_no_break_spaces_but_urls_do_not(tmp_path: Path) -> None:
    text = textwrap.dedent("""\
        title: Écouter ? Oui !
        organisation: Collectif
        language: fr
        sections:
          - title: « Bienvenue »
            duration: 10
            blocks:
              - resources:
                  items:
                    - name: "Ligne d'écoute : 24 h/24"
                      url: https://exemple.fr/a?b=1
        """)
    (tmp_path / "workshop.yaml").write_text(text, encoding="utf-8")
    workshop = load(tmp_path).workshop
    assert workshop.title == "Écouter\u202f? Oui\u202f!"
    assert workshop.sections[0].title == "«\u202fBienvenue\u202f»"
    resources = workshop.sections[0].blocks[0]
    assert resources.title == "Ressources et soutien"  # the default title, in French
    assert resources.items[0].name == "Ligne d’écoute\u202f: 24 h/24"  # the apostrophe curled
    assert resources.items[0].url == "https://exemple.fr/a?b=1"
