"""The handouts' own words come in the workshop's language, every language with every word."""

from __future__ import annotations

import re
from pathlib import Path

from handouts.words import WORDS, HandoutWords
from kit.i18n import languages
from kit.loader import load

from ..conftest import SAMPLE
from .conftest import GUIDE, HANDOUT, LARGE_PRINT, NOTES, raw_pages, raw_text, render_into


def test_every_language_has_every_word_with_the_same_placeholders() -> None:
    english = WORDS["en"]
    assert set(WORDS) <= set(languages())  # no handout words without the deck's
    for language, table in WORDS.items():
        assert set(table) == set(english), (language, set(table) ^ set(english))
        for key, text in table.items():
            placeholders = sorted(re.findall(r"{(\w+)}", text))
            assert placeholders == sorted(re.findall(r"{(\w+)}", english[key])), (language, key)


def test_words_fall_back_to_english_and_to_kit() -> None:
    assert HandoutWords("xx")("programme") == "Programme"
    assert HandoutWords("ru-RU")("programme") == "Программа"
    assert HandoutWords("ru")("agenda") == "Программа"  # kit.i18n's word
    assert HandoutWords("en")("page_of", page=2, total=5) == "Page 2 of 5"


def test_the_russian_edition_speaks_russian(tmp_path: Path) -> None:
    workshop = load(SAMPLE, language="ru").workshop
    outputs = render_into(workshop, tmp_path)
    handout = raw_text(outputs[HANDOUT].path)
    for word in ("Программа", "Источники", "Слова, которые мы используем", "5 декабря 2026"):
        assert word in handout
    for english in ("Programme", "Sources", "Words we use", "December", "Page 1 of"):
        assert english not in handout
    for name in (HANDOUT, LARGE_PRINT, GUIDE, NOTES):
        pages = raw_pages(outputs[name].path)
        assert all(f"Страница {n} из {len(pages)}" in page for n, page in enumerate(pages, 1))
    guide_pages = raw_pages(outputs[GUIDE].path)
    assert all("КОПИЯ ВЕДУЩЕГО" in page for page in guide_pages)
    assert "Заметки ведущего:" in raw_text(outputs[GUIDE].path)
