"""Facts declared on the model's fields, as editions, lint, the loader and tests read them."""

from __future__ import annotations

import pytest

from kit.model import Workshop
from kit.model.fields import (
    FACILITATOR_ONLY,
    LINT_EXEMPT,
    NEVER_TRANSLATED,
    TRANSLATION_OPTIONAL,
    WEB_ADDRESS,
    marked_texts,
    markers_at,
)

BLOCK = ("sections", 0, "blocks", 2)


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        ((*BLOCK, "drill", "challenges", 1, "responses", 0), FACILITATOR_ONLY),
        ((*BLOCK, "continuum", "scenarios", 0, "note"), FACILITATOR_ONLY),
        ((*BLOCK, "bullets", "facilitator_notes"), FACILITATOR_ONLY),
        ((*BLOCK, "drill", "challenges", 0, "statement"), LINT_EXEMPT),
        (("theme", "colours", "primary"), NEVER_TRANSLATED),  # the whole theme
        (("sources", 0, "url"), WEB_ADDRESS),
        ((*BLOCK, "resources", "items", 3, "url"), WEB_ADDRESS),
        ((*BLOCK, "resources", "items", 3, "contact"), TRANSLATION_OPTIONAL),
    ],
)
def test_a_marker_covers_its_field_and_everything_inside(path: tuple, marker: object) -> None:
    assert marker in markers_at(Workshop, path)


@pytest.mark.parametrize(
    "path",
    [
        (*BLOCK, "drill", "challenges", 0, "technique"),  # a hint: participants see it
        (*BLOCK, "bullets", "items", 0, "text"),
        (*BLOCK, "resources", "items", 0, "name"),  # lint-exempt, but not secret
        (*BLOCK, "unknown", "responses"),
    ],
)
def test_other_fields_are_not_facilitator_only(path: tuple) -> None:
    assert FACILITATOR_ONLY not in markers_at(Workshop, path)


def test_marked_texts_walk_a_workshop_with_paths_as_written() -> None:
    workshop = Workshop.model_validate(
        {
            "title": "T",
            "organisation": "O",
            "sources": [{"id": "a", "title": "S", "organisation": "O", "url": "https://a.org"}],
            "sections": [
                {
                    "title": "S",
                    "duration": 5,
                    "blocks": [
                        {"drill": {"challenges": [{"statement": "Q", "responses": ["A"]}]}},
                        {"bullets": {"title": "B", "items": ["x"], "notes": "N"}},
                    ],
                }
            ],
        }
    )
    secret = list(marked_texts(workshop, FACILITATOR_ONLY))
    block = ("sections", 0, "blocks")
    assert secret == [
        ((*block, 0, "drill", "challenges", 0, "responses", 0), "A"),
        ((*block, 1, "bullets", "notes"), "N"),
    ]
    assert list(marked_texts(workshop, WEB_ADDRESS)) == [(("sources", 0, "url"), "https://a.org")]
