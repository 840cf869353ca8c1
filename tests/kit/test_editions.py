"""Language editions: translation overlays, fallback warnings, interface words and dates."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from kit.errors import ContentError
from kit.layout.deckplan import plan_deck
from kit.source.loader import load
from kit.words.i18n import words

BASE = """\
title: Listening well
organisation: Org
date: 2026-12-05
language: en
sections:
  - title: Welcome
    duration: 10
    objectives: [Arrive]
    blocks:
      - bullets:
          title: Points
          items: [One, Two]
          notes: Say hello.
      - drill:
          challenges:
            - statement: Why listen?
              responses: [Because.]
"""


def workshop(tmp_path: Path, translation: str | None) -> Path:
    (tmp_path / "workshop.yaml").write_text(BASE, encoding="utf-8")
    if translation is not None:
        (tmp_path / "translations").mkdir()
        (tmp_path / "translations" / "ru.yaml").write_text(
            textwrap.dedent(translation), encoding="utf-8"
        )
    return tmp_path


FULL = """\
title: Слушать внимательно
sections:
  - title: Добро пожаловать
    objectives: [Прийти]
    blocks:
      - bullets:
          title: Пункты
          items: [Один, Два]
          notes: Поздоровайтесь.
      - drill:
          challenges:
            - statement: Зачем слушать?
              responses: [Потому что.]
"""


def test_a_full_translation_replaces_every_text_and_warns_of_nothing(tmp_path: Path) -> None:
    loaded = load(workshop(tmp_path, FULL), "ru")
    assert loaded.warnings == ()
    w = loaded.workshop
    assert (w.title, w.language, w.sections[0].title) == (
        "Слушать внимательно",
        "ru",
        "Добро пожаловать",
    )
    assert w.sections[0].duration == 10  # numbers come from the workshop file
    assert [i.text for i in w.sections[0].blocks[0].items] == ["Один", "Два"]


def test_untranslated_fields_fall_back_with_a_warning_naming_each(tmp_path: Path) -> None:
    partial = FULL.replace("          notes: Поздоровайтесь.\n", "").replace(
        "    objectives: [Прийти]\n", ""
    )
    loaded = load(workshop(tmp_path, partial), "ru")
    file = tmp_path / "workshop.yaml"
    assert [str(p) for p in loaded.warnings] == [
        f"{file}:8:18: sections[0].objectives[0]: not translated into 'ru'; using the default text",
        f"{file}:13:18: sections[0].blocks[0].bullets.notes: not translated into 'ru'; "
        "using the default text",
    ]
    assert loaded.workshop.sections[0].objectives == ("Arrive",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("title: Слушать", "titel: Слушать"),
            "1:1: titel: 'titel' is not in the workshop file; did you mean 'title'?",
        ),
        (
            ("items: [Один, Два]", "items: [Один]"),
            "8:11: sections[0].blocks[0].bullets.items: has 1 "
            "items; the workshop file has 2 (translate every item, in order)",
        ),
        (
            ("title: Слушать внимательно\n", "title: Слушать внимательно\ndate: 2027-01-01\n"),
            "2:7: date: date is the same in every edition; remove it from the translation",
        ),
    ],
)
def test_a_translation_that_does_not_mirror_the_workshop_is_refused(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    folder = workshop(tmp_path, FULL.replace(*change))
    with pytest.raises(ContentError) as caught:
        load(folder, "ru")
    assert [str(p) for p in caught.value.problems] == [
        f"{folder / 'translations' / 'ru.yaml'}:{message}"
    ]


def test_a_missing_language_names_the_expected_file(tmp_path: Path) -> None:
    folder = workshop(tmp_path, FULL)
    with pytest.raises(
        ContentError,
        match=r"no translation for 'de': expected .*de\.yaml "
        r"\(available: ru\)",
    ):
        load(folder, "de")


def test_the_deck_speaks_the_edition_language(tmp_path: Path) -> None:
    deck = plan_deck(load(workshop(tmp_path, FULL), "ru").workshop)
    titles = [slide.title for slide in deck.slides]
    assert titles[0] == "Программа"
    assert "Вызов 1 из 1" in titles and "Вызов 1: варианты ответа" in titles
    divider = next(s for s in deck.slides if s.kind == "divider")
    assert divider.title.startswith("Раздел 1 из 1\n")


def test_dates_follow_the_language() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 5)
    # the day held to its month, Babel's narrow no-break space before "г."
    assert words("en").date(day) == "5\u00a0December 2026"
    assert words("ru").date(day) == "5\u00a0декабря 2026\u202fг."
    assert words("xx").date(day) == "5\u00a0December 2026"
    assert words("xx")("agenda") == "Agenda"  # unknown languages fall back word by word
    assert words("ru-RU")("programme") == "Программа"  # regional variants use the language


def test_the_russian_sample_builds_every_output_in_russian(tmp_path: Path) -> None:
    from pptx import Presentation

    from kit.app.build import build
    from kit.layout.fonts import metrics
    from kit.outputs import OUTPUTS, kind_of

    from ..conftest import SAMPLE, pdf_pages

    result = build(SAMPLE, tmp_path, language="ru")
    names = {output.path.name for output in result.written}
    assert sorted(kind_of(name).name for name in names) == sorted(kind.name for kind in OUTPUTS)
    deck = Presentation(str(tmp_path / "deck.pptx"))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert "Программа" in titles and "Вызов 1 из 5" in titles
    assert deck.core_properties.language == "ru"
    covered = metrics().covers
    marks = {
        "handout.pdf": "Страница 1 из",
        "facilitator-guide.pdf": "КОПИЯ ВЕДУЩЕГО",
        "drill-answer-key.pdf": "КОПИЯ ВЕДУЩЕГО",
        "drill-worksheet.pdf": "Попробуйте приём",
        "continuum-signs.pdf": "Этап 1 из 6",
        "sign-in-sheet.pdf": "Лист регистрации",
        "evaluation-form.pdf": "Анкета обратной связи",
        "certificates.pdf": "Сертификат участника",
        "room-and-materials.pdf": "Помещение и материалы",
        "print-list.pdf": "Что напечатать",
    }
    for name in sorted(names - {"deck.pptx"}):
        pages = pdf_pages(tmp_path / name)
        text = " ".join(pages)
        assert re.search("[а-яё]{4}", text), name  # Russian words, not just the frame
        assert not [c for c in set(text) if not c.isspace() and not covered(c)], name
        if name in marks:
            assert all(marks[name] in page for page in pages[:1]), name
    assert re.search(r"5 декабря 2026", " ".join(pdf_pages(tmp_path / "handout.pdf")))
