"""Cyrillic and Greek print with real glyphs and extract back unchanged, in every handout."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.layout.fonts import metrics
from kit.outputs import WEB

from ..conftest import SAMPLE
from .conftest import (
    ALL,
    DECK,
    GUIDE,
    HANDOUT,
    LARGE_PRINT,
    NOTES,
    load_yaml,
    raw_text,
    render_into,
)

TERM_RU = "Секс-работа"
MEANING_RU = "Добровольный обмен сексуальных услуг между взрослыми за деньги или товары."
TERM_EL = "Εμπορία ανθρώπων"
MEANING_EL = "Πράξη, μέσο και σκοπός: και τα τρία πρέπει να υπάρχουν μαζί."
ROW = ("Выбор и контроль", "Καμία επιλογή, κανένας έλεγχος")
POINT = "Права работников и борьба с торговлей людьми идут рука об руку"
RESOURCE = "Ένωση Υποστήριξης · Союз поддержки"
RESPONSE = "Тайный ответ для ведущих."
WORKSHOP = f"""
title: "Семинар · Σεμινάριο"
organisation: Коллектив Ωμέγα
language: ru
date: 2026-05-04
venue: Αίθουσα 3
sections:
  - title: Определения · Ορισμοί
    duration: 30
    blocks:
      - definition: {{term: "{TERM_RU}", meaning: "{MEANING_RU}"}}
      - definition: {{term: "{TERM_EL}", meaning: "{MEANING_EL}"}}
      - comparison:
          title: Сравнение · Σύγκριση
          columns: [Секс-работа, Εμπορία]
          rows: [["{ROW[0]}", "{ROW[1]}"]]
      - bullets: {{title: Главное, items: ["{POINT}"]}}
      - drill:
          title: Как бы вы ответили?
          challenges:
            - statement: «Это не работа», говорит сосед.
              responses: ["{RESPONSE}"]
      - resources:
          items:
            - {{name: "{RESOURCE}", url: "https://example.org/ωμέγα"}}
"""
ADDED = "•–—“”‘’←→·…"  # bullets, dashes, quotes, arrows and separators the handouts add
EXPECTED = (TERM_RU, MEANING_RU, TERM_EL, MEANING_EL, *ROW, POINT, RESOURCE)


def test_cyrillic_and_greek_extract_unchanged(tmp_path: Path) -> None:
    outputs = render_into(load_yaml(WORKSHOP, tmp_path / "in"), tmp_path / "out")
    assert set(outputs) == {*ALL, WEB.file}
    texts = {name: raw_text(output.path) for name, output in outputs.items()}
    for name in (HANDOUT, LARGE_PRINT):
        missing = [text for text in EXPECTED if text not in texts[name]]
        assert not missing, name
        assert RESPONSE not in texts[name]
        assert "Семинар · Σεμινάριο" in texts[name]
    assert RESPONSE in texts[GUIDE]
    assert "«Это не работа», говорит сосед." in texts[GUIDE]
    for name in (DECK, NOTES):
        assert TERM_RU in texts[name] and TERM_EL in texts[name]
    assert "https://example.org/ωμέγα" in texts[HANDOUT]


@pytest.mark.parametrize("source", ["sample", "scripts"])
def test_every_character_has_a_glyph(source: str) -> None:
    """No missing-glyph boxes: the shipped faces cover the content and what kit adds."""
    text = (
        (SAMPLE / "workshop.yaml").read_text(encoding="utf-8") if source == "sample" else WORKSHOP
    )
    text += ADDED
    for bold in (False, True):
        for italic in (False, True):
            face = metrics(bold, italic)
            missing = {char for char in text if char.isprintable() and not face.covers(char)}
            assert not missing, (bold, italic, missing)
