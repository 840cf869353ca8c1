"""What each sheet says: every statement, stage, scenario and prompt on the right sheet,
and nothing meant for facilitators on anything a participant holds."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from exercises.sheets import CARD_COLUMNS, CARD_ROWS
from kit.model import markup
from kit.words.langtag import language_tag

from ..readers import Page, word_pages
from .conftest import ALL_SHEETS, PARTICIPANT_SHEETS, normal, secrets

WORKSHOPS = ["sample", "other"]
CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS


def test_every_sheet_is_written_with_its_page_count(built) -> None:
    sheets = built("sample")
    assert sorted(sheets.outputs) == sorted(ALL_SHEETS)
    for name, output in sheets.outputs.items():
        assert output.unit == "pages"
        assert output.count == len(PdfReader(output.path).pages) > 0, name


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_statements_are_on_the_worksheet_the_cards_and_the_key(built, workshop: str) -> None:
    sheets = built(workshop)
    for name in ("drill-worksheet.pdf", "drill-cards.pdf", "drill-answer-key.pdf"):
        text = sheets.text(name)
        for challenge in sheets.drill.challenges:
            assert normal(challenge.statement) in text, name
            assert normal(challenge.technique) in text, name


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_worksheet_carries_the_guidance(built, workshop: str) -> None:
    sheets = built(workshop)
    text = sheets.text("drill-worksheet.pdf")
    assert normal(sheets.drill.title) in text
    for point in sheets.drill.guidance:
        assert normal(point) in text


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_answer_key_has_every_response_and_is_marked_on_every_page(built, workshop) -> None:
    sheets = built(workshop)
    pages = sheets.pages("drill-answer-key.pdf")
    assert all("FACILITATOR COPY" in page for page in pages)
    text = " ".join(pages)
    for challenge in sheets.drill.challenges:
        for point in challenge.responses:
            assert normal(point) in text


@pytest.mark.parametrize("workshop", WORKSHOPS)
@pytest.mark.parametrize("sheet", PARTICIPANT_SHEETS)
def test_no_facilitator_text_on_participant_sheets(built, workshop: str, sheet: str) -> None:
    sheets = built(workshop)
    text = sheets.text(sheet)
    assert "FACILITATOR" not in text
    leaked = [secret for secret in secrets(sheets.workshop) if normal(secret) in text]
    assert leaked == []


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_continuum_worksheet_has_stages_scenarios_prompts_and_axis(built, workshop) -> None:
    sheets = built(workshop)
    continuum = sheets.continuum
    text = sheets.text("continuum-worksheet.pdf")
    for number, stage in enumerate(continuum.stages, start=1):
        assert f"{number} {normal(stage.name)} {normal(stage.description)}" in text
    for scenario in continuum.scenarios:
        assert normal(scenario.text) in text
    for prompt in continuum.prompts:
        assert normal(prompt) in text
    assert normal(continuum.axis.start) in text
    assert normal(continuum.axis.end) in text
    count = len(continuum.stages)
    assert text.count("Stage: " + " ".join(str(n) for n in range(1, count + 1))) == len(
        continuum.scenarios
    )


def test_fluidity_text_or_the_default_note(built) -> None:
    sample = built("sample")
    assert normal(sample.continuum.fluidity) in sample.text("continuum-worksheet.pdf")
    other = built("other")
    assert not other.continuum.fluidity
    assert "Where a situation sits is not fixed" in other.text("continuum-worksheet.pdf")


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_one_sign_per_stage_numbered_with_axis_on_the_ends(built, workshop: str) -> None:
    sheets = built(workshop)
    stages = sheets.continuum.stages
    axis = sheets.continuum.axis
    pages = sheets.pages("continuum-signs.pdf")
    assert len(pages) == len(stages)
    for number, (page, stage) in enumerate(zip(pages, stages, strict=True), start=1):
        assert f"Stage {number} of {len(stages)}" in page
        assert normal(stage.name) in page
        assert normal(stage.description) in page
        assert (normal(axis.start) in page) == (number == 1)
        assert (normal(axis.end) in page) == (number == len(stages))


def _label_above(page: Page, label: str, text: str) -> bool:
    """Whether ``label`` sits just above the start of ``text``, aligned left with it."""
    head, start = page.find(label), page.find(" ".join(normal(text).split()[:6]))
    return bool(head and start and abs(head.x0 - start.x0) < 1 and 0 < start.y0 - head.y1 < 20)


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_one_scenario_per_card_numbered_as_on_the_worksheet(built, workshop: str) -> None:
    sheets = built(workshop)
    text = sheets.text("continuum-scenario-cards.pdf")
    (page,) = word_pages(sheets.path("continuum-scenario-cards.pdf"))
    for number, scenario in enumerate(sheets.continuum.scenarios, start=1):
        assert normal(scenario.text) in text
        assert _label_above(page, f"Scenario {number}", scenario.text)


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_challenge_cards_are_numbered_in_order(built, workshop: str) -> None:
    sheets = built(workshop)
    fronts = word_pages(sheets.path("drill-cards.pdf"))[::2]
    for index, challenge in enumerate(sheets.drill.challenges):
        page = fronts[index // CARDS_PER_PAGE]
        label = f"{index + 1} · {normal(sheets.drill.title)}"
        assert _label_above(page, label, challenge.statement)


@pytest.mark.parametrize("workshop", WORKSHOPS)
@pytest.mark.parametrize("sheet", ALL_SHEETS)
def test_each_sheet_names_the_workshop_and_has_metadata(built, workshop: str, sheet: str) -> None:
    sheets = built(workshop)
    title = markup.plain(sheets.workshop.title)
    assert all(title in page for page in sheets.pages(sheet))
    reader = PdfReader(sheets.path(sheet))
    meta = reader.metadata
    assert meta is not None
    assert meta.title.startswith(f"{title}: ")
    assert meta.author == sheets.workshop.organisation
    assert meta.subject == meta.title.removeprefix(f"{title}: ")
    assert reader.trailer["/Root"]["/Lang"] == language_tag(sheets.workshop.language)
