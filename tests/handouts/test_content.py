"""What each handout says: the right content in each, and nothing facilitators keep back."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from kit.model import (
    ComparisonBlock,
    ContinuumBlock,
    DefinitionBlock,
    DrillBlock,
    GlossaryTerm,
    ResourcesBlock,
)
from kit.model.schedule import agenda, total_minutes

from .conftest import (
    GUIDE,
    HANDOUT,
    LARGE_PRINT,
    PARTICIPANT_HANDOUTS,
    ROOM_LIST,
    Built,
    normal,
    raw_text,
    render_into,
    secrets,
)

WORKSHOPS = ("sample", "all-blocks")


@pytest.mark.parametrize("name", WORKSHOPS)
@pytest.mark.parametrize("handout", [HANDOUT, LARGE_PRINT])
def test_participant_handout_has_the_key_content(
    built: Callable[..., Built], name: str, handout: str
) -> None:
    done = built(name)
    workshop, text = done.workshop, done.text(handout)
    expected = [workshop.title, workshop.organisation, workshop.venue]
    expected += [section.title for section in workshop.sections]
    for block in workshop.blocks_of(DefinitionBlock):
        expected += [block.term, block.meaning]
    for block in workshop.blocks_of(ComparisonBlock):
        expected += [cell for row in (block.columns, *block.rows) for cell in row]
    for block in workshop.blocks_of(ResourcesBlock):
        expected += [item.name for item in block.items]
        expected += [item.url for item in block.items if item.url]
    for block in workshop.blocks_of(ContinuumBlock):
        expected += [stage.name for stage in block.stages]
        expected += [block.axis.start, block.axis.end, *block.prompts]
    expected += [term.term for term in workshop.glossary]
    expected += [source.title for source in workshop.sources]
    missing = [item for item in expected if item and normal(item) not in text]
    assert not missing


@pytest.mark.parametrize("name", WORKSHOPS)
def test_glossary_says_what_to_use_instead_and_why(built: Callable[..., Built], name: str) -> None:
    done = built(name)
    text = done.text(HANDOUT)
    term: GlossaryTerm
    for term in done.workshop.glossary:
        assert normal(term.why) in text
        assert all(normal(word) in text for word in term.instead_of)


def test_content_note_comes_first(built: Callable[..., Built]) -> None:
    """Before the first section's material: on page one, after the title block."""
    done = built("sample")
    first = done.pages(HANDOUT)[0]
    assert first.index("Content note") < first.index("Programme")
    assert normal("Step out at any time; you don’t need to explain why") in first


@pytest.mark.parametrize("name", WORKSHOPS)
@pytest.mark.parametrize("handout", PARTICIPANT_HANDOUTS)
def test_participant_material_keeps_facilitator_text_back(
    built: Callable[..., Built], name: str, handout: str
) -> None:
    done = built(name)
    text = done.text(handout)
    for secret in secrets(done.workshop):
        start = " ".join(normal(secret).split()[:6])  # a line break cannot hide it
        assert start not in text, f"{handout} shows facilitator text: {secret!r}"


def test_secret_check_can_fail(built: Callable[..., Built]) -> None:
    """The guide prints what the handouts keep back, so the check above has teeth."""
    done = built("sample")
    text = done.text(GUIDE)
    for secret in secrets(done.workshop):
        assert " ".join(normal(secret).split()[:6]) in text


@pytest.mark.parametrize("name", WORKSHOPS)
def test_guide_has_agenda_notes_and_answer_key(built: Callable[..., Built], name: str) -> None:
    done = built(name)
    workshop, text = done.workshop, done.text(GUIDE)
    span = workshop.interface_words().span
    expected = [span(item.start, item.end) for item in agenda(workshop)]
    expected += [section.title for section in workshop.sections]
    expected += [objective for section in workshop.sections for objective in section.objectives]
    for drill in workshop.blocks_of(DrillBlock):
        for challenge in drill.challenges:
            expected += [challenge.statement, *challenge.responses, challenge.technique]
    for continuum in workshop.blocks_of(ContinuumBlock):
        expected += [stage.name for stage in continuum.stages]
        expected += [scenario.text for scenario in continuum.scenarios]
        expected += [scenario.note for scenario in continuum.scenarios]
        expected += list(continuum.prompts)
        expected.append(continuum.fluidity)
    missing = [item for item in expected if item and normal(item) not in text]
    assert not missing
    assert f"Total {total_minutes(workshop)}" in text
    assert "Warning:" not in text  # both workshops add up


def test_guide_is_marked_on_every_page(built: Callable[..., Built]) -> None:
    pages = built("sample").pages(GUIDE)
    assert len(pages) > 3
    assert all("FACILITATOR COPY" in page for page in pages)


def test_guide_warns_when_sections_do_not_add_up(
    built: Callable[..., Built], tmp_path_factory: pytest.TempPathFactory
) -> None:
    workshop = built("all-blocks").workshop
    longer = workshop.model_copy(update={"duration": workshop.duration + 15})
    outputs = render_into(longer, tmp_path_factory.mktemp("warn"))
    text = raw_text(outputs[GUIDE].path)
    assert (
        f"Warning: the sections add up to {total_minutes(workshop)} minutes, but the workshop "
        f"is planned to last {workshop.duration + 15} minutes." in text
    )


@pytest.mark.parametrize("participants", [20, 7, 33])
def test_room_list_counts_for_the_participants(
    built: Callable[..., Built], tmp_path_factory: pytest.TempPathFactory, participants: int
) -> None:
    """Handouts for everyone plus spares, ~10% large print, a card set per 4-5 people,
    a pen each; the guide points to the print list and the room list."""
    workshop = built("sample").workshop
    outputs = render_into(workshop, tmp_path_factory.mktemp("count"), participants=participants)
    assert outputs[ROOM_LIST].count == 1  # one page to tick off
    text = raw_text(outputs[ROOM_LIST].path)
    groups = math.ceil(participants / 5)
    spare = max(2, math.ceil(participants / 10))
    assert f"Participant handout {participants + spare} {HANDOUT}" in text
    assert f"Large-print handout {math.ceil(participants / 10)} {LARGE_PRINT}" in text
    assert f"{participants} drill-worksheet.pdf" in text
    assert f"Challenge card set {groups} drill-cards.pdf" in text
    assert f"{participants} continuum-worksheet.pdf" in text
    assert f"Scenario card set {groups} continuum-scenario-cards.pdf" in text
    assert "Continuum wall signs 1 continuum-signs.pdf" in text
    assert f"Pen {participants} Welcome and content note" in text
    assert f"For {participants} participants." in text
    guide = raw_text(outputs[GUIDE].path)
    assert "print-list.pdf tells the print shop what to print" in guide
