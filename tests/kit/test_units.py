"""Units held on one line (#15): ``bound`` puts a no-break space where a line break would
part what is read as one, and the loader gives every translatable text to it."""

from __future__ import annotations

import pytest

from kit.source.loader import load
from kit.words.i18n import words
from kit.words.typography import NBSP, bound, short_words

from ..conftest import FIXTURES


def _bound(text: str, language: str) -> str:
    """``text`` bound, its no-break spaces shown as ``~``."""
    short = short_words(words(language)("short_words"))
    return bound(text, language, short).replace(NBSP, "~")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "talks on 3 October", "talks on 3~October"),
        ("en", "on October 3, 2026", "on October~3, 2026"),
        ("en", "at 10 am for 15 min", "at 10~am for 15~min"),
        ("en", "in Room 2, see § 4", "in Room~2, see §~4"),
        ("en", "led by J. R. Tolkien", "led by J.~R.~Tolkien"),
        ("en", "on **3** October.", "on **3**~October."),
        ("uk", "3 жовтня о 10 годині", "3~жовтня о 10~годині"),
        ("de", "am 3. Oktober um 10 Uhr", "am 3.~Oktober um 10~Uhr"),
        ("fr", "de 8 h à 20 h, 10 %", "de 8~h à 20~h, 10~%"),
    ],
)
def test_a_unit_is_bound(language: str, text: str, expected: str) -> None:
    assert _bound(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the 2027 pay claim"),  # a year is no number of a noun
        ("en", "In April 2027"),  # nor a month's day
        ("en", "£55 per hour, 10 of them"),  # a short word goes where the line parts
        ("en", "call 0113 555 0192"),  # numbers after numbers: a phone number's own gaps
        ("en", "3. The employer"),  # a list's number, not a date
        ("en", "see https://example.org/a 3 https://example.org/b"),
        ("fr", "7 de plus"),
    ],
)
def test_nothing_else_is_bound(language: str, text: str) -> None:
    assert _bound(text, language) == text


def test_the_loader_binds_translatable_text_and_leaves_ids_and_addresses() -> None:
    workshop = load(FIXTURES / "bargaining").workshop
    texts = [block.model_dump_json() for _, block in workshop.blocks()]
    assert any(f"3{NBSP}October" in text for text in texts)
    assert workshop.venue.endswith(f"Room{NBSP}2")
    assert all(NBSP not in (source.id + (source.url or "")) for source in workshop.sources)


def test_a_date_holds_its_day_and_month() -> None:
    import datetime as dt

    assert words("uk").date(dt.date(2026, 10, 3)).startswith(f"3{NBSP}жовтня")
    assert words("en-US").date(dt.date(2026, 10, 3)).startswith(f"October{NBSP}3")
