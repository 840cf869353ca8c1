"""The words the exercise sheets add around the workshop's content, in its language.

``kit.i18n`` holds the interface words every output shares ("Page 3 of 8", "Technique").
Words only the exercise sheets use are listed here in English until ``kit.i18n`` carries
them with their translations; like ``kit.i18n``, a missing word falls back to English.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.i18n import Words, words

ENGLISH: dict[str, str] = {
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
}


@dataclass(frozen=True)
class SheetWords:
    """Interface words for one language: ``sheet_words("card_number", number=3)``."""

    shared: Words

    def __call__(self, key: str, **values: object) -> str:
        try:
            return self.shared(key, **values)
        except KeyError:  # not (yet) in kit.i18n: the exercise sheets' own English word
            return ENGLISH[key].format(**values)


def sheet_words(language: str) -> SheetWords:
    return SheetWords(words(language))
