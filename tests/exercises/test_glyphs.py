"""Cyrillic and Greek print with real glyphs and extract back unchanged."""

from __future__ import annotations

from pathlib import Path

from kit.source.loader import load

from ..conftest import pdf_text
from .conftest import normal, render_into

STATEMENT_RU = "«Секс-работа — это не работа», говорит сосед. Что вы ответите?"
STATEMENT_EL = "«Η σεξουαλική εργασία δεν είναι εργασία», λέει η γειτόνισσα."
STAGE_RU = "Полный выбор"
STAGE_EL = "Καμία επιλογή"
WORKSHOP = f"""
title: "Семинар · Σεμινάριο"
organisation: Коллектив Ωμέγα
language: ru
sections:
  - title: Упражнения
    duration: 30
    blocks:
      - drill:
          title: Как бы вы ответили?
          challenges:
            - statement: "{STATEMENT_RU}"
              responses: [Тайный ответ.]
              technique: Спросите, что имеется в виду.
            - statement: "{STATEMENT_EL}"
              responses: [Μυστική απάντηση.]
              technique: Ρωτήστε τι εννοεί.
      - continuum:
          title: Континуум · Συνεχές
          axis: {{start: Свобода, end: Καμία ελευθερία}}
          stages:
            - {{name: "{STAGE_RU}", description: Человек решает сам.}}
            - {{name: Давление, description: Πίεση από άλλους.}}
            - {{name: "{STAGE_EL}", description: Όλα αποφασίζουν άλλοι.}}
          scenarios: [Ирина работает по вечерам.]
"""


def test_cyrillic_and_greek_extract_unchanged(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP, encoding="utf-8")
    outputs = render_into(load(tmp_path).workshop, tmp_path / "out")
    texts = {name: normal(pdf_text(output.path)) for name, output in outputs.items()}
    for name in ("drill-worksheet.pdf", "drill-cards.pdf", "drill-answer-key.pdf"):
        assert STATEMENT_RU in texts[name]
        assert STATEMENT_EL in texts[name]
        assert "Семинар · Σεμινάριο" in texts[name]
    for name in ("continuum-worksheet.pdf", "continuum-signs.pdf"):
        assert STAGE_RU in texts[name]
        assert STAGE_EL in texts[name]
    assert "← Свобода" in texts["continuum-signs.pdf"]
    assert "Καμία ελευθερία →" in texts["continuum-signs.pdf"]
    assert "Ирина работает по вечерам." in texts["continuum-scenario-cards.pdf"]
    assert "Тайный ответ." not in texts["drill-worksheet.pdf"]


def test_interface_words_follow_the_workshop_language(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP, encoding="utf-8")
    outputs = render_into(load(tmp_path).workshop, tmp_path / "out")
    key = normal(pdf_text(outputs["drill-answer-key.pdf"].path))
    assert "Страница 1 из 1" in key
    assert "Вызов 1 из 2" in key
    assert "Приём: Спросите, что имеется в виду." in key
    assert "КОПИЯ ВЕДУЩЕГО" in key
