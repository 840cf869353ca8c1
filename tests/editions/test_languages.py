"""Editions in French, Spanish, German and Ukrainian, read back as a reader sees them.

Workshops of other organisations, each language written both as the main one and as an
edition: a French one (``language: fr``) with a Spanish edition and its Spanish twin with a
French edition; a German one with a Ukrainian edition and its Ukrainian twin with a German
edition. Every output of each is read back
(PDFs with pdftotext, the deck with python-pptx and as LibreOffice renders it) and searched
for every English string of kit's catalog.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kit.app.build import build
from kit.words.i18n import words

from ..conftest import FIXTURES, raw_pages
from .reading import english_patterns, output_texts, rendered_deck

EDITIONS = {
    "fr": ("fr-accueil", None),
    "es": ("fr-accueil", "es"),
    "de": ("de-begleiten", None),
    "uk": ("de-begleiten", "uk"),
    "es-main": ("es-acoger", None),
    "fr-edition": ("es-acoger", "fr"),
    "uk-main": ("uk-suprovid", None),
    "de-edition": ("uk-suprovid", "de"),
}
# The workshop's date, as each language writes it, and its opening quotation mark.
DATES = {
    "fr": "12 juin 2026",
    "es": "12 de junio de 2026",
    "de": "3. Oktober 2026",
    "uk": "3 жовтня 2026 р.",
}
QUOTES = {"fr": ("« ", " »"), "es": ("«", "»"), "de": ("„", "“"), "uk": ("«", "»")}
# Where the English scan must find something to read: a word of kit's in each output of the
# organiser's pack, the run sheet, the closing QR slide and an activity.
KIT_WORDS = {
    "sign-in-sheet.pdf": "sign_in",
    "evaluation-form.pdf": "evaluation",
    "certificates.pdf": "certifies",
    "name-tents.pdf": "fold_here",
    "room-and-materials.pdf": "room_list",
    "print-list.pdf": "print_list",
    "facilitator-guide.pdf": "run_sheet",
    "deck.pptx": "feedback_title",
    "deck.pptx (LibreOffice)": "feedback_title",
    "handout.pdf": "you_need",
}
# The break between sections: kit's word where the workshop gives no label, else the label.
BREAKS = {
    "fr": None,
    "es": None,
    "de": "Kaffeepause",
    "uk": "Перерва на каву",
    "es-main": None,
    "fr-edition": None,
    "uk-main": "Перерва на каву",
    "de-edition": "Kaffeepause",
}


def _language(name: str) -> str:
    """The language of the edition called ``name``: ``fr-edition`` is in French."""
    return name.split("-")[0]


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, str]]:
    """``edition(lang)``: the text of every output of that edition, built once."""
    cache: dict[str, dict[str, str]] = {}

    def get(language: str) -> dict[str, str]:
        if language not in cache:
            fixture, edition_language = EDITIONS[language]
            out = tmp_path_factory.mktemp(f"edition-{language}")
            build(FIXTURES / fixture, out, language=edition_language)
            cache[language] = output_texts(out, tmp_path_factory.mktemp(f"lo-{language}"))
            cache[language]["_folder"] = str(out)
        return cache[language]

    return get


@pytest.mark.parametrize("language", list(EDITIONS))
def test_no_english_interface_word_in_any_output(
    edition: Callable[[str], dict[str, str]], language: str
) -> None:
    texts = {name: text for name, text in edition(language).items() if name != "_folder"}
    pdfs = len(list(Path(edition(language)["_folder"]).glob("*.pdf")))
    # the PDFs, the web edition, the deck, and the deck as LibreOffice renders it
    assert len(texts) == pdfs + 3 > 13
    patterns = english_patterns(_language(language))
    assert len(patterns) > 100
    found = [
        f"{name}: {key}: {match.group()!r}"
        for name, text in texts.items()
        for key, pattern in patterns.items()
        for match in [pattern.search(text)]
        if match
    ]
    assert found == []


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_scan_reads_the_organisers_pack_breaks_and_the_closing_slide(
    edition: Callable[[str], dict[str, str]], language: str
) -> None:
    texts = {name: _flat(text) for name, text in edition(language).items()}
    w = words(_language(language))
    for name, key in KIT_WORDS.items():
        assert _flat(w(key)).casefold() in texts[name].casefold(), (name, key)
    pause = BREAKS[language] or w("break")
    for name in ("facilitator-guide.pdf", "handout.pdf", "deck.pptx"):
        assert pause in texts[name], name


def _flat(text: str) -> str:
    """Words as pdftotext gives them: no-break spaces as spaces, lines joined."""
    return " ".join(re.sub("[\u00a0\u202f]", " ", text).split())


@pytest.mark.parametrize("language", list(EDITIONS))
def test_dates_and_quotation_marks_follow_the_language(
    edition: Callable[[str], dict[str, str]], language: str
) -> None:
    texts = edition(language)
    handout = " ".join(texts["handout.pdf"].split())
    assert DATES[_language(language)] in handout.replace("\u00a0", " ").replace("\u202f", " ")
    opening, closing = QUOTES[_language(language)]
    # The deck quotes the quote block in the language's marks; the guide, the drill.
    for name in ("deck.pptx", "facilitator-guide.pdf"):
        text = re.sub("[\u00a0\u202f]", " ", texts[name])  # pdftotext gives spaces
        assert re.search(re.escape(opening) + r"\w[^\n]*?[.!?]" + re.escape(closing), text), name
    english = {"“", "”"} - {opening, closing}  # German closes with English's opening mark
    assert not english & set(texts["deck.pptx"])


@pytest.mark.parametrize("name", ["fr", "fr-edition"])
def test_a_french_line_never_starts_with_closing_punctuation(
    edition: Callable[[str], dict[str, str]], tmp_path: Path, name: str
) -> None:
    folder = Path(edition(name)["_folder"])
    pdfs = sorted(folder.glob("*.pdf"))
    pdfs.append(rendered_deck(folder / "deck.pptx", tmp_path))
    assert len(pdfs) > 12
    spaced = 0
    for pdf in pdfs:
        for page in raw_pages(pdf):
            for line in page.splitlines():
                assert not re.match(r"\s*[»!?:;]", line), f"{pdf.name}: {line!r}"
                spaced += len(re.findall(r"[\u00a0\u202f ][»!?:;]", line))
    assert spaced > 100  # the text is full of them: the check has something to check


@pytest.mark.parametrize("name", ["fr", "fr-edition"])
def test_the_french_web_edition_never_lets_a_browser_break_before_closing_punctuation(
    edition: Callable[[str], dict[str, str]], name: str
) -> None:
    """A browser may break at any plain space; before » ! ? : ; only a no-break space stands."""
    page = Path(edition(name)["_folder"]) / "handout.html"
    markup = re.sub(r"<style.*?</style>", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = html.unescape(re.sub(r"<[^>]*>", "", markup))
    breakable = re.findall(r"\S*[ \t\n][»!?:;]", text)
    assert breakable == []
    assert len(re.findall(r"[\u00a0\u202f][»!?:;]", text)) > 10


def test_an_en_us_workshop_shows_12_hour_times(tmp_path: Path) -> None:
    from ..conftest import pdf_text
    from .reading import deck_text

    folder = tmp_path / "us"
    shutil.copytree(FIXTURES / "all-blocks", folder)
    file = folder / "workshop.yaml"
    file.write_text(file.read_text().replace("language: en", "language: en-US"))
    build(folder, tmp_path / "out", only=["slides", "handouts"])
    deck = deck_text(tmp_path / "out" / "deck.pptx").replace("\u202f", " ")
    guide = pdf_text(tmp_path / "out" / "facilitator-guide.pdf").replace("\u00a0", " ")
    assert "1:30 PM–1:40 PM" in deck  # the agenda, from 13:30
    assert "1:30 PM" in guide and "13:30" not in guide and "13:30" not in deck
    assert "March 1, 2026" in pdf_text(tmp_path / "out" / "handout.pdf")


@pytest.mark.parametrize("language", list(EDITIONS))
def test_table_headings_are_never_broken_inside_a_word(
    edition: Callable[[str], dict[str, str]], language: str
) -> None:
    w = words(_language(language))
    tables = {
        "facilitator-guide.pdf": ("time", "section", "minutes_column", "total"),
        "print-list.pdf": ("file", "pages", "copies", "sides", "ink", "stock", "sheets"),
    }
    for name, keys in tables.items():
        text = " ".join(edition(language)[name].split())
        for key in keys:  # "Exempl aires" in a narrow column was a broken word
            assert w(key) in text, (name, key)
