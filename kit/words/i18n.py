"""The words kit itself adds to every output ("Agenda", "Page 3 of 8"), per language.

Content comes from the workshop (and its translations); these are the interface words
around it. A language without its own table falls back to English, word by word, so a
missing word is never a missing output. Dates and times follow the language's customs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "agenda": "Agenda",
        "content_note_title": "Content note",
        "resources_title": "Resources and support",
        "drill_title": "How would you respond?",
        "quoted": "“{text}”",
        "section_of": "Section {number} of {total}",
        "minutes": "{count} minutes",
        "continued": "(cont.)",
        "source": "Source",
        "definition": "Definition",
        "in_their_words": "In their words",
        "scenarios_title": "Where would you place these?",
        "reflection_of": "Reflection {number} of {total}",
        "fluidity_title": "People move along the continuum",
        "challenge_of": "Challenge {number} of {total}",
        "responses_title": "Challenge {number}: suggested responses",
        "technique": "Technique",
        "techniques_title": "Techniques to remember",
        "challenge_ref": "challenge {number}",
        "drill_default_guidance": "Hear each statement, then answer it as you would in the moment.",
        "room_answers_first": "Let the room answer before showing the responses.",
        "runs_for": "The workshop runs {minutes} minutes, starting at {start}.",
        "objectives": "Objectives",
        "facilitator": "Facilitator",
        "page_of": "Page {page} of {total}",
        # exercise sheets
        "drill_worksheet": "Drill worksheet",
        "drill_cards": "Drill challenge cards",
        "drill_answer_key": "Drill answer key",
        "continuum_worksheet": "Continuum worksheet",
        "continuum_signs": "Continuum wall signs",
        "continuum_scenario_cards": "Continuum scenario cards",
        "facilitator_copy": "FACILITATOR COPY",
        "not_for_participants": "not for participants",
        "drill_instructions": "Read each statement as if someone had just said it to you. Write "
        "how you would answer, in a few calm sentences, then practise saying it out loud.",
        "before_you_start": "Before you start",
        "technique_to_try": "Technique to try",
        "your_answer": "Your answer:",
        "card_number": "Card {number}",
        "answer_key_title": "Answer key: {title}",
        "answer_key_keep": "Keep this sheet; do not hand it out before the debrief.",
        "running_the_drill": "Running the drill",
        "suggested_responses": "Suggested response points",
        "fluidity_default": "Where a situation sits is not fixed: people move along this line in "
        "both directions, within one encounter or over a lifetime, as their circumstances change.",
        "tick_a_stage": "For each scenario, tick the stage (1 to {count}) where you would place "
        "it on the line, then write down why.",
        "scenario_number": "Scenario {number}",
        "stage_boxes": "Stage:",
        "why_there": "Why there?",
        "reflection": "Reflection",
        "reflection_intro": "Take a few minutes on your own. Nobody will collect this sheet.",
        "stage_of": "Stage {number} of {total}",
        # handouts and facilitator guide
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
        # the organiser's pack
        "sign_in": "Sign-in sheet",
        "sign_in_intro": "Please write your name. Contact details are optional: tick the box "
        "only if {organisation} may contact you to follow up on this workshop.",
        "number_column": "No.",
        "name": "Name",
        "your_organisation": "Organisation",
        "contact_optional": "Email or phone (optional)",
        "consent_column": "May we contact you?",
        "evaluation": "Evaluation form",
        "evaluation_intro": "Your answers are anonymous and help us improve this workshop. "
        "Answer as many questions as you like.",
        "objectives_met": "How well did the workshop meet its objectives?",
        "scale": "Tick one box: 1 = not at all, 5 = completely.",
        "rating": "Rating:",
        "overall": "Overall, how useful was the workshop for you?",
        "most_useful": "What was most useful?",
        "what_to_change": "What would you change?",
        "anything_else": "Anything else you would like to tell us?",
        "online_form": "Prefer to answer online? Scan the code or go to {url}",
        "certificates": "Certificates of attendance",
        "certificate": "Certificate of attendance",
        "certifies": "This is to certify that",
        "attended": "attended the workshop",
        "given_by": "given by {organisation}",
        "presented_by": "Facilitators: {names}",
        "signature": "Signature",
        "name_tents": "Name tents",
        "fold_here": "fold here",
        "break": "Break",
        "room_list": "Room and materials",
        "room_list_intro": "For {count} participants. Tick each line as you pack it.",
        "quantity": "How many",
        "for_what": "For",
        "projector": "Projector and screen, and a computer to show the slides",
        "projector_for": "{deck} (or {pdf})",
        "for_packing": "to tick off while packing",
        "slide_one": "slide {number}",
        "feedback_title": "Tell us how it went",
        "feedback_notes": "Ask everyone to fill in the evaluation form, or to scan the code "
        "and answer online at {url}. Thank them for coming.",
        "slides_range": "slides {first}–{last}",
        "slides_column": "Slides",
        "run_sheet": "Run sheet",
        "run_sheet_intro": "Each section's minutes are shared among its parts by their "
        "slides; the times of the parts (≈) are a guide, the sections' are the plan.",
        "materials_pointer": "For {count} participants. {prints} tells the print shop what "
        "to print, how many copies and how; {room} lists what to bring, to tick off while "
        "packing. Project the slides from the deck, or from {file}.",
        "print_list": "Print list",
        "print_list_intro": "For {count} participants. Print at actual size (100%), not "
        "“fit to page”. Two-sided files are laid out for flipping on the edge given.",
        "pages": "Pages",
        "sides": "Sides",
        "ink": "Colour",
        "stock": "Paper",
        "finishing": "Finishing",
        "sheets": "Sheets",
        "single": "one-sided",
        "long-edge": "two-sided, flip on long edge",
        "short-edge": "two-sided, flip on short edge",
        "in_colour": "colour",
        "greyscale": "greyscale",
        "paper_stock": "{size} paper, 80 g/m²",
        "card_stock": "{size} card, 160–200 g/m²",
        "landscape": "landscape",
        "staple": "staple top left",
        "cut": "cut along the marks",
        "fold": "fold along the dashed line",
        "total_sheets": "Total: {sheets}.",
        "sheets_of": "{count} sheets of {stock}",
        "print_list_missing": "Not built this time, so not on this list: {files}.",
        "rows_for_all": "rows for everyone, plus spares",
        "page_per_person": "a page per person on the list",
        "one_each_blank": "one each, names written in",
        # activity
        "activity_of": "Activity: {title}",
        "in_groups_of": "in groups of {size}",
        "on_your_own": "on your own",
        "you_need": "You need",
        "running_the_activity": "How to run it",
        "what_participants_do": "What participants do",
        "materials_per_group": "one per group ({count} groups)",
    },
    "ru": {
        "agenda": "Программа",
        "content_note_title": "Предупреждение о содержании",
        "resources_title": "Ресурсы и поддержка",
        "drill_title": "Как бы вы ответили?",
        "quoted": "«{text}»",
        "section_of": "Раздел {number} из {total}",
        "minutes": "{count} мин",
        "continued": "(продолжение)",
        "source": "Источник",
        "definition": "Определение",
        "in_their_words": "Своими словами",
        "scenarios_title": "Где бы вы разместили эти ситуации?",
        "reflection_of": "Размышление {number} из {total}",
        "fluidity_title": "Люди перемещаются по континууму",
        "challenge_of": "Вызов {number} из {total}",
        "responses_title": "Вызов {number}: варианты ответа",
        "technique": "Приём",
        "techniques_title": "Приёмы, которые стоит запомнить",
        "challenge_ref": "вызов {number}",
        "drill_default_guidance": "Выслушайте каждое высказывание и ответьте, как ответили бы "
        "в реальной ситуации.",
        "room_answers_first": "Дайте группе ответить, прежде чем показывать варианты ответа.",
        "runs_for": "Семинар длится {minutes} мин и начинается в {start}.",
        "objectives": "Цели",
        "facilitator": "Ведущему",
        "page_of": "Страница {page} из {total}",
        # exercise sheets
        "drill_worksheet": "Рабочий лист упражнения",
        "drill_cards": "Карточки с вызовами",
        "drill_answer_key": "Ключ к упражнению",
        "continuum_worksheet": "Рабочий лист: континуум",
        "continuum_signs": "Таблички континуума",
        "continuum_scenario_cards": "Карточки с ситуациями",
        "facilitator_copy": "КОПИЯ ВЕДУЩЕГО",
        "not_for_participants": "не для участников",
        "drill_instructions": "Прочитайте каждое высказывание так, будто его только что сказали "
        "вам. Напишите в нескольких спокойных предложениях, как бы вы ответили, а затем "
        "проговорите ответ вслух.",
        "before_you_start": "Перед началом",
        "technique_to_try": "Попробуйте приём",
        "your_answer": "Ваш ответ:",
        "card_number": "Карточка {number}",
        "answer_key_title": "Ключ: {title}",
        "answer_key_keep": "Оставьте этот лист у себя; не раздавайте его до обсуждения.",
        "running_the_drill": "Как проводить упражнение",
        "suggested_responses": "Варианты ответа",
        "fluidity_default": "Место ситуации на линии не закреплено: люди перемещаются по ней в "
        "обе стороны — в рамках одной встречи или на протяжении жизни, по мере того как "
        "меняются их обстоятельства.",
        "tick_a_stage": "Для каждой ситуации отметьте этап (от 1 до {count}), на который вы бы "
        "её поместили, и напишите почему.",
        "scenario_number": "Ситуация {number}",
        "stage_boxes": "Этап:",
        "why_there": "Почему здесь?",
        "reflection": "Размышление",
        "reflection_intro": "Уделите несколько минут себе. Этот лист никто не будет собирать.",
        "stage_of": "Этап {number} из {total}",
        # handouts and facilitator guide
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
        "sign_in": "Лист регистрации",
        "sign_in_intro": "Пожалуйста, впишите своё имя. Контакты — по желанию: отметьте "
        "квадрат, только если {organisation} может связаться с вами после семинара.",
        "number_column": "№",
        "name": "Имя",
        "your_organisation": "Организация",
        "contact_optional": "Эл. почта или телефон (по желанию)",
        "consent_column": "Можно связаться с вами?",
        "evaluation": "Анкета обратной связи",
        "evaluation_intro": "Анкета анонимна и поможет нам улучшить семинар. Отвечайте на "
        "те вопросы, на которые хотите.",
        "objectives_met": "Насколько семинар достиг своих целей?",
        "scale": "Отметьте один квадрат: 1 — совсем нет, 5 — полностью.",
        "rating": "Оценка:",
        "overall": "В целом, насколько семинар был полезен для вас?",
        "most_useful": "Что было самым полезным?",
        "what_to_change": "Что бы вы изменили?",
        "anything_else": "Хотите сказать что-нибудь ещё?",
        "online_form": "Удобнее ответить онлайн? Отсканируйте код или откройте {url}",
        "certificates": "Сертификаты участника",
        "certificate": "Сертификат участника",
        "certifies": "Настоящим подтверждается, что",
        "attended": "принял(а) участие в семинаре",
        "given_by": "проведённом организацией {organisation}",
        "presented_by": "Ведущие: {names}",
        "signature": "Подпись",
        "name_tents": "Таблички с именами",
        "fold_here": "согните здесь",
        "break": "Перерыв",
        "room_list": "Помещение и материалы",
        "room_list_intro": "Для участников: {count}. Отмечайте каждую строку, когда уложите.",
        "quantity": "Сколько",
        "for_what": "Для чего",
        "projector": "Проектор и экран, компьютер для показа слайдов",
        "projector_for": "{deck} (или {pdf})",
        "for_packing": "чтобы отмечать при сборах",
        "slide_one": "слайд {number}",
        "feedback_title": "Расскажите, как всё прошло",
        "feedback_notes": "Попросите всех заполнить анкету обратной связи или отсканировать "
        "код и ответить онлайн: {url}. Поблагодарите участников.",
        "slides_range": "слайды {first}–{last}",
        "slides_column": "Слайды",
        "run_sheet": "Поминутный план",
        "run_sheet_intro": "Время раздела делится между его частями по числу слайдов; время "
        "частей (≈) — ориентир, время разделов — план.",
        "materials_pointer": "Для участников: {count}. В файле {prints} — что печатать, "
        "сколько копий и как; в файле {room} — что взять с собой, с квадратами для отметок. "
        "Показывайте слайды из презентации или из файла {file}.",
        "print_list": "Что напечатать",
        "print_list_intro": "Для участников: {count}. Печатайте в натуральную величину (100%), "
        "без «подогнать по размеру». Двусторонние файлы рассчитаны на переворот по указанному "
        "краю.",
        "pages": "Страниц",
        "sides": "Стороны",
        "ink": "Цвет",
        "stock": "Бумага",
        "finishing": "Обработка",
        "sheets": "Листов",
        "single": "односторонняя",
        "long-edge": "двусторонняя, переворот по длинному краю",
        "short-edge": "двусторонняя, переворот по короткому краю",
        "in_colour": "цветная",
        "greyscale": "чёрно-белая",
        "paper_stock": "бумага {size}, 80 г/м²",
        "card_stock": "картон {size}, 160–200 г/м²",
        "landscape": "альбомная",
        "staple": "скрепить в левом верхнем углу",
        "cut": "разрезать по меткам",
        "fold": "согнуть по пунктиру",
        "total_sheets": "Итого: {sheets}.",
        "sheets_of": "{stock} — листов: {count}",
        "print_list_missing": "В этот раз не собраны и в список не вошли: {files}.",
        "rows_for_all": "строки для всех и запасные",
        "page_per_person": "по странице на каждого из списка",
        "one_each_blank": "по одному каждому, имя вписать от руки",
        # activity
        "activity_of": "Задание: {title}",
        "in_groups_of": "в группах по {size} чел.",
        "on_your_own": "индивидуально",
        "you_need": "Понадобится",
        "running_the_activity": "Как проводить",
        "what_participants_do": "Что делают участники",
        "materials_per_group": "по одному на группу (групп: {count})",
    },
}
_BABEL_LOCALE = {"en": "en_GB"}


@dataclass(frozen=True)
class Words:
    """The interface words of one language: ``words("page_of", page=3, total=8)``."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        table = _WORDS.get(_primary(self.language), {})
        return table.get(key, _WORDS["en"][key]).format(**values)

    def date(self, day: dt.date) -> str:
        """``5 December 2026`` / ``5 декабря 2026 г.``."""
        from babel.dates import format_date

        return format_date(day, format="long", locale=self._locale())

    def time(self, moment: dt.time) -> str:
        return f"{moment:%H:%M}"

    def _locale(self) -> str:
        primary = _primary(self.language)
        return _BABEL_LOCALE.get(primary, primary if primary in _known_locales() else "en_GB")


def _primary(language: str) -> str:
    return language.split("-")[0].lower()


@cache
def _known_locales() -> frozenset[str]:
    from babel.localedata import locale_identifiers

    return frozenset(locale_identifiers())


def words(language: str) -> Words:
    return Words(language)


def languages() -> list[str]:
    """Languages with their own interface words."""
    return sorted(_WORDS)
