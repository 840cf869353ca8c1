"""Typographic quotation marks and apostrophes in each edition's style (#15)."""

from __future__ import annotations

import pytest

from kit.source.loader import load
from kit.words.typography import NARROW_NBSP, curled

from ..conftest import ROOT

TEXT = """Why "sex worker"? You can't say 'no' here."""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Why “sex worker”? You can’t say ‘no’ here."),
        ("en-US", "Why “sex worker”? You can’t say ‘no’ here."),
        ("fr", f"Why «{NARROW_NBSP}sex worker{NARROW_NBSP}»? You can’t say “no” here."),
        ("de", "Why „sex worker“? You can’t say ‚no‘ here."),
        ("ru", "Why «sex worker»? You can’t say „no“ here."),
    ],
)
def test_quotes_and_apostrophes_in_the_language_style(language: str, expected: str) -> None:
    assert curled(TEXT, language) == expected


def test_the_sample_has_no_straight_quote_left() -> None:
    workshop = load(ROOT / "examples" / "sex-work-and-trafficking").workshop
    titles = [block.title for _, block in workshop.blocks() if getattr(block, "title", "")]
    assert "Why “sex worker”?" in titles
    texts = [text for _, block in workshop.blocks() for text in _strings(block.model_dump())]
    assert len(texts) > 100
    assert [text for text in texts if '"' in text or "'" in text] == []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    return []
