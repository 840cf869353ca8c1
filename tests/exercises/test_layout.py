"""Any drill or continuum lays out: from 1 to 13 challenges, 3 to 9 stages, long text,
several blocks or none; a card that cannot fit stops the build with a clear message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from exercises import render
from kit.errors import KitError
from kit.outputs import BuildOptions

from ..conftest import pdf_pages, pdf_text
from .conftest import continuum, drill, normal, render_into, workshop_with


def _text(path: Path) -> str:
    return normal(pdf_text(path))


@pytest.mark.parametrize("count", [1, 8, 9, 13])
def test_any_number_of_challenges(tmp_path: Path, count: int) -> None:
    workshop = workshop_with(drill(count))
    outputs = render_into(workshop, tmp_path)
    assert outputs["drill-cards.pdf"].count == 2 * -(-count // 8)
    for name in ("drill-worksheet.pdf", "drill-cards.pdf", "drill-answer-key.pdf"):
        text = _text(outputs[name].path)
        for number in range(1, count + 1):
            assert f"Statement {number} word{number}x0" in text
            assert f"word{number}x11" in text


def test_long_statements_wrap_and_shrink_on_cards(tmp_path: Path) -> None:
    outputs = render_into(workshop_with(drill(3, words=40)), tmp_path)
    text = _text(outputs["drill-cards.pdf"].path)
    for number in range(1, 4):
        assert " ".join(f"word{number}x{i}" for i in range(40)) in text
    assert outputs["drill-cards.pdf"].count == 2


@pytest.mark.parametrize("stages", [3, 9])
def test_any_number_of_stages(tmp_path: Path, stages: int) -> None:
    outputs = render_into(workshop_with(continuum(stages, scenarios=9, prompts=5)), tmp_path)
    signs = pdf_pages(outputs["continuum-signs.pdf"].path)
    assert len(signs) == stages
    for number, page in enumerate(signs, start=1):
        assert f"Stage {number} of {stages}" in page
        assert f"Stage name {number}" in page
    worksheet = _text(outputs["continuum-worksheet.pdf"].path)
    assert "Stage: " + " ".join(str(n) for n in range(1, stages + 1)) in worksheet
    for number in range(1, stages + 1):
        assert f"{number} Stage name {number} Description of stage {number}." in worksheet
    cards = _text(outputs["continuum-scenario-cards.pdf"].path)
    assert all(f"Scenario text {n}." in cards for n in range(1, 10))
    assert outputs["continuum-scenario-cards.pdf"].count == 2


def test_sign_names_share_one_size(tmp_path: Path) -> None:
    block = continuum(4)
    block["continuum"]["stages"][2]["name"] = "A much longer stage name that needs several lines"
    outputs = render_into(workshop_with(block), tmp_path)
    sizes = set()
    for page in PdfReader(outputs["continuum-signs.pdf"].path).pages:
        page.extract_text(
            visitor_text=lambda text, cm, tm, font, size: (
                sizes.add(round(size * tm[0], 1)) if "name" in text else None
            )
        )
    assert len(sizes) == 1


def test_no_drill_and_no_continuum_means_no_sheets(tmp_path: Path) -> None:
    workshop = workshop_with({"bullets": {"title": "Just bullets", "items": ["one"]}})
    assert render_into(workshop, tmp_path) == {}
    assert list(tmp_path.iterdir()) == []


def test_optional_parts_are_left_out(tmp_path: Path) -> None:
    outputs = render_into(workshop_with(continuum(3, scenarios=0, prompts=0)), tmp_path)
    assert sorted(outputs) == ["continuum-signs.pdf", "continuum-worksheet.pdf"]
    worksheet = _text(outputs["continuum-worksheet.pdf"].path)
    assert "Scenarios" not in worksheet
    assert "Reflection" not in worksheet


def test_second_drill_and_continuum_get_numbered_files(tmp_path: Path) -> None:
    workshop = workshop_with(drill(2), continuum(3), drill(3, title="Second drill"), continuum(5))
    outputs = render_into(workshop, tmp_path)
    sheets = [
        "drill-worksheet",
        "drill-cards",
        "drill-answer-key",
        "continuum-worksheet",
        "continuum-signs",
        "continuum-scenario-cards",
    ]
    numbered = [name.replace("-", "-2-", 1) for name in sheets]
    assert sorted(outputs) == sorted(f"{name}.pdf" for name in sheets + numbered)
    assert "Second drill" in _text(outputs["drill-2-worksheet.pdf"].path)
    assert outputs["continuum-2-signs.pdf"].count == 5


def test_text_too_long_for_a_card_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    block = drill(3)
    challenges = block["drill"]["challenges"]
    challenges[1]["statement"] = "Far too long. " + "blah " * 600
    challenges[2]["technique"] = "Much too long. " + "hint " * 600
    with pytest.raises(KitError) as caught:
        render_into(workshop_with(block), tmp_path)
    assert str(caught.value).splitlines() == [
        "drill-cards.pdf: card 2: the text does not fit even at 9 pt; shorten it"
        ' ("Far too long. blah blah blah blah blah…")',
        "drill-cards.pdf: card 3 (back): the text does not fit even at 9 pt; shorten it"
        ' ("Much too long. hint hint hint hint hint…")',
    ]
    assert list(tmp_path.iterdir()) == []


def test_same_input_same_bytes(tmp_path: Path) -> None:
    workshop = workshop_with(drill(9), continuum(5))

    def digests(folder: Path) -> dict[str, str]:
        outputs = render(workshop, workshop.theme, folder, BuildOptions(paper="letter"))
        return {o.path.name: hashlib.sha256(o.path.read_bytes()).hexdigest() for o in outputs}

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert digests(tmp_path / "one") == digests(tmp_path / "two")
