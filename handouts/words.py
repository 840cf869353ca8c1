"""The interface words the handouts add around the content, per language.

Words the deck and the sheets share ("Agenda", "Page 3 of 8") come from ``kit.i18n``;
this table holds only the handouts' own. As there, a language without its own table
falls back to English word by word, and every language covers every word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kit.i18n import words as kit_words

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # documents
        "handout": "Participant handout",
        "handout_large": "Participant handout (large print)",
        "notes_handout": "Notes handout",
        "guide": "Facilitator guide",
        "slide_deck": "Slide deck",
        # title blocks
        "organisation": "Organisation:",
        "date": "Date:",
        "when": "When:",
        "venue": "Venue:",
        "facilitators": "Facilitators:",
        "audience": "Audience:",
        "planned_for": "Planned for:",
        "participants": "{count} participants",
        # participant handout
        "programme": "Programme",
        "time": "Time",
        "section": "Section",
        "sources_line": "Sources: {sources}",
        "sources": "Sources",
        "axis_from_to": "From *{start}* (1) to *{end}* ({count}):",
        "reflect_on": "Questions to reflect on",
        "glossary": "Words we use",
        "glossary_intro": "The terms we prefer, the words they replace, and why.",
        "say": "Say",
        "instead_of": "Instead of",
        "why": "Why",
        # facilitator guide
        "minutes_column": "Minutes",
        "total": "Total",
        "timing_warning": "Warning: the sections add up to {planned} minutes, but the workshop "
        "is planned to last {duration} minutes. Adjust the section durations.",
        "support_protocol": "Content note and support protocol",
        "read_aloud": "Read aloud: {title}",
        "how_to_handle": "How to handle it:",
        "support_contacts": "Support contacts to have ready",
        "materials": "Materials to print",
        "item": "Item",
        "file": "File",
        "copies": "Copies",
        "why_this_many": "Why this many",
        "materials_intro": "For {count} participants. Project the slides from the deck, or "
        "from {file}.",
        "speaker_notes": "Speaker notes:",
        "facilitator_notes": "Facilitator notes:",
        "title_slide": "Title slide: {title}",
        "definition_of": "Definition: {term}",
        "quote": "Quote",
        "continuum_of": "Continuum reflection: {title}",
        "drill_of": "Drill: {title}",
        "guidance_first": "Guidance to go through first",
        "challenge": "Challenge {number}",
        "stages": "Stages",
        "scenarios": "Scenarios",
        "draw_out": "Draw out:",
        "reflection_prompts": "Reflection prompts",
        "fluidity_point": "The fluidity point: people move along it",
        # print list
        "large_print_handout": "Large-print handout",
        "drill_worksheet_of": "Drill worksheet: {title}",
        "challenge_cards": "Challenge card set",
        "continuum_worksheet_of": "Continuum worksheet: {title}",
        "scenario_cards": "Scenario card set",
        "wall_signs": "Continuum wall signs",
        "notes_optional": "Notes handout (optional)",
        "one_each_spares": "one each, plus spares",
        "offer_everyone": "offer it to everyone",
        "per_facilitator": "one per facilitator",
        "one_each": "one each",
        "per_group": "one set per group of 4–5 ({count} groups)",
        "facilitators_only": "facilitators only",
        "one_set_wall": "one set, for the wall",
        "notes_why": "slides with lines for notes; drill answers left out",
    },
    "ru": {
        "handout": "Раздаточный материал",
        "handout_large": "Раздаточный материал (крупный шрифт)",
        "notes_handout": "Слайды для заметок",
        "guide": "Руководство ведущего",
        "slide_deck": "Слайды",
        "organisation": "Организация:",
        "date": "Дата:",
        "when": "Когда:",
        "venue": "Место:",
        "facilitators": "Ведущие:",
        "audience": "Для кого:",
        "planned_for": "Рассчитано на:",
        "participants": "участников: {count}",
        "programme": "Программа",
        "time": "Время",
        "section": "Раздел",
        "sources_line": "Источники: {sources}",
        "sources": "Источники",
        "axis_from_to": "От *{start}* (1) до *{end}* ({count}):",
        "reflect_on": "Вопросы для размышления",
        "glossary": "Слова, которые мы используем",
        "glossary_intro": "Термины, которые мы предпочитаем, слова, которые они заменяют, "
        "и почему.",
        "say": "Говорите",
        "instead_of": "Вместо",
        "why": "Почему",
        "minutes_column": "Минуты",
        "total": "Итого",
        "timing_warning": "Внимание: разделы в сумме длятся {planned} мин, а семинар "
        "запланирован на {duration} мин. Исправьте продолжительность разделов.",
        "support_protocol": "Предупреждение о содержании и порядок поддержки",
        "read_aloud": "Прочитайте вслух: {title}",
        "how_to_handle": "Как действовать:",
        "support_contacts": "Контакты поддержки, которые нужно иметь под рукой",
        "materials": "Что напечатать",
        "item": "Материал",
        "file": "Файл",
        "copies": "Копий",
        "why_this_many": "Почему столько",
        "materials_intro": "Для участников: {count}. Показывайте слайды из презентации или из "
        "файла {file}.",
        "speaker_notes": "Заметки докладчика:",
        "facilitator_notes": "Заметки ведущего:",
        "title_slide": "Титульный слайд: {title}",
        "definition_of": "Определение: {term}",
        "quote": "Цитата",
        "continuum_of": "Упражнение «континуум»: {title}",
        "drill_of": "Упражнение: {title}",
        "guidance_first": "Сначала разберите советы",
        "challenge": "Вызов {number}",
        "stages": "Этапы",
        "scenarios": "Ситуации",
        "draw_out": "Что обсудить:",
        "reflection_prompts": "Вопросы для размышления",
        "fluidity_point": "Главное: люди перемещаются по континууму",
        "large_print_handout": "Раздаточный материал крупным шрифтом",
        "drill_worksheet_of": "Рабочий лист упражнения: {title}",
        "challenge_cards": "Набор карточек с вызовами",
        "continuum_worksheet_of": "Рабочий лист «континуум»: {title}",
        "scenario_cards": "Набор карточек с ситуациями",
        "wall_signs": "Таблички континуума для стены",
        "notes_optional": "Слайды для заметок (по желанию)",
        "one_each_spares": "по одному каждому и запасные",
        "offer_everyone": "предложите всем",
        "per_facilitator": "по одному каждому ведущему",
        "one_each": "по одному каждому",
        "per_group": "один набор на группу из 4–5 человек (групп: {count})",
        "facilitators_only": "только для ведущих",
        "one_set_wall": "один набор, для стены",
        "notes_why": "слайды с линиями для заметок, без ответов к упражнению",
    },
}


@dataclass(frozen=True)
class HandoutWords:
    """The words of one language: ``words("programme")``, ``words.date(day)``.

    Keys this table lacks are looked up in ``kit.i18n`` ("agenda", "objectives", ...).
    """

    language: str

    def __call__(self, key: str, **values: object) -> str:
        """The word ``key`` in this language, ``values`` filled in."""
        if key not in WORDS["en"]:
            return kit_words(self.language)(key, **values)
        table = WORDS.get(self.language.split("-")[0].lower(), {})
        return table.get(key, WORDS["en"][key]).format(**values)

    def date(self, day: dt.date) -> str:
        """``day`` written out as the language writes dates."""
        return kit_words(self.language).date(day)
