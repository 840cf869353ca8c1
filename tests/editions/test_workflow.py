"""A translator's workflow (PO export, translate, import, build, stale entries), checks and
lint of an edition, lists an edition may replace, and output folders that never collide."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from kit.app.cli import main

from ..conftest import FIXTURES, pdf_text
from .reading import deck_text


def kit(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _copy(tmp_path: Path, fixture: str = "fr-accueil") -> Path:
    folder = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, folder)
    return folder


def _msgid_line(po_file: Path, context: str) -> int:
    """The line of the msgid of the entry for ``context``: where kit locates the entry."""
    lines = po_file.read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgctxt "{context}"') + 2


def test_po_round_trip_and_a_changed_source_marks_exactly_that_entry_stale(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path)
    shutil.rmtree(folder / "translations")
    po_file = tmp_path / "fr-accueil.uk.po"
    exported = kit("translate", "export", str(folder), "--lang", "uk", "--out", str(po_file))
    assert exported.exit_code == 0, exported.output

    catalog = polib.pofile(str(po_file))
    assert catalog.metadata["Language"] == "uk"
    entries = {entry.msgctxt: entry for entry in catalog}
    meaning = entries["sections[1].blocks[1].definition.meaning"]
    assert meaning.msgid.startswith("Une démarche qui part des pratiques réelles")
    line = (
        (folder / "workshop.yaml")
        .read_text()
        .splitlines()
        .index("          meaning: " + meaning.msgid)
    )
    assert meaning.occurrences == [("workshop.yaml", str(line + 1))]
    assert "sections[3].blocks[0].resources.items[0].url" not in entries  # not translatable
    for entry in catalog:  # the translator's tool
        entry.msgstr = f"Переклад {len(entry.msgid)}"
    catalog.save()

    imported = kit("translate", "import", str(po_file), str(folder))
    assert imported.exit_code == 0, imported.output
    edition = folder / "translations" / "uk.po"
    total = len(catalog)
    assert f"{edition}: 'uk' edition: {total} translated, 0 missing, 0 stale" in imported.output

    built = kit("build", str(folder), "--lang", "uk", "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    assert "Переклад" in deck_text(tmp_path / "out" / "deck.pptx")
    assert "Програма" in deck_text(tmp_path / "out" / "deck.pptx")  # kit's words in Ukrainian

    file = folder / "workshop.yaml"
    file.write_text(file.read_text().replace("sans exiger l'abstinence.", "sans condition."))
    checked = kit("check", str(folder), "--lang", "uk")
    assert checked.exit_code == 0
    stale_line = _msgid_line(edition, meaning.msgctxt)
    stale = [line for line in checked.output.splitlines() if "stale" in line]
    assert stale == [
        f"warning: {edition}:{stale_line}:1: sections[1].blocks[1].definition.meaning: "
        "stale translation (its source text has changed); using the default text until it "
        "is updated",
        f"{edition}: 'uk' edition: {total - 1} translated, 0 missing, 1 stale",
    ]
    assert kit("check", str(folder), "--lang", "uk", "--strict").exit_code == 1

    again = kit("translate", "export", str(folder), "--lang", "uk")
    assert again.exit_code == 0
    assert f"{total} entries: {total - 1} translated, 1 fuzzy" in again.output
    fuzzy = [e for e in polib.pofile(str(edition)) if "fuzzy" in e.flags]
    assert [(e.msgctxt, e.previous_msgid) for e in fuzzy] == [(meaning.msgctxt, meaning.msgid)]


def test_a_po_edition_problem_is_located_in_the_po_file(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    shutil.rmtree(folder / "translations")
    assert kit("translate", "export", str(folder), "--lang", "de").exit_code == 0
    edition = folder / "translations" / "de.po"
    catalog = polib.pofile(str(edition))
    entry = next(e for e in catalog if e.msgctxt == "sections[0].title")
    entry.msgstr = "Eröffnung {{ nirgends }}"
    catalog.save()
    result = kit("check", str(folder), "--lang", "de")
    assert result.exit_code == 1
    line = _msgid_line(edition, entry.msgctxt)
    assert f"{edition}:{line}:1: sections[0].title: template: " in result.output


def test_check_and_lint_of_an_edition_name_its_file_and_locate_findings_in_it(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path, "de-begleiten")
    file = folder / "workshop.yaml"
    file.write_text(
        file.read_text()
        + "lint:\n  languages:\n    - language: uk\n      rules:\n        - id: uk-bomzh\n"
        + '          pattern: "бомж\\\\w*"\n'
        + "          message: \"'{match}' принижує людей\"\n"
        + "          suggestion: люди без житла\n"
    )
    edition = folder / "translations" / "uk.yaml"
    text = edition.read_text().replace(
        "notes: Запитайте, який досвід уже має група.",
        "notes: Запитайте, чи чули вони слово бомжі.",
    )
    edition.write_text(text)
    line = text.splitlines().index("          notes: Запитайте, чи чули вони слово бомжі.") + 1
    column = len("          notes: Запитайте, чи чули вони слово ") + 1

    linted = kit("lint", str(folder), "--lang", "uk")
    assert linted.exit_code == 1
    assert linted.output.splitlines() == [
        f"{edition}:{line}:{column}: uk-bomzh: 'бомжі' принижує людей (suggestion: люди без житла)",
        f"{edition}: 1 finding(s)",
    ]
    assert kit("lint", str(folder)).exit_code == 0  # the rule is for the Ukrainian text only
    checked = kit("check", str(folder), "--lang", "uk")
    assert f"{edition}: 'uk' edition: 75 translated, 0 missing, 0 stale" in checked.output


def test_an_edition_replaces_local_lists_and_their_addresses(tmp_path: Path) -> None:
    kit("build", str(FIXTURES / "de-begleiten"), "--lang", "uk", "--out", str(tmp_path))
    handout = pdf_text(tmp_path / "handout.pdf")
    assert "Український дім у Лейпцигу" in handout and "www.leipzig.de/ukraine" in handout
    assert "Телефон довіри українською" in handout and "Kältebus" not in handout
    deck = deck_text(tmp_path / "deck.pptx")
    assert "Екстрена допомога" in deck  # three items where the workshop file has two


def test_a_list_not_local_by_nature_must_still_mirror_the_workshop(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "de-begleiten")
    edition = folder / "translations" / "uk.yaml"
    text = edition.read_text().replace(
        "            - Поважаємо межі\n", "            - Поважаємо межі\n            - Зайве\n"
    )
    edition.write_text(text)
    result = kit("check", str(folder), "--lang", "uk")
    assert result.exit_code == 1
    line = text.splitlines().index("          items:") + 1
    assert (
        f"{edition}:{line}:11: sections[1].blocks[0].bullets.items: has 4 items; the workshop "
        "file has 3 (translate every item, in order)" in result.output
    )


def test_an_edition_may_title_a_block_the_workshop_leaves_to_kit(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    edition = folder / "translations" / "es.yaml"
    edition.write_text(
        edition.read_text().replace("      - drill:\n", "      - drill:\n          title: ¿Y tú?\n")
    )
    from kit.source.loader import load

    spanish = load(folder, "es").workshop
    french = load(folder).workshop
    assert spanish.sections[2].blocks[1].title == "¿Y tú?"
    assert french.sections[2].blocks[1].title == "Que répondriez-vous\u202f?"


@pytest.mark.parametrize("order", [("", "es", "de"), ("de", "", "es")])
def test_editions_and_the_main_language_never_overwrite_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: tuple[str, ...]
) -> None:
    folder = _copy(tmp_path)
    shutil.copy(folder / "translations" / "es.yaml", folder / "translations" / "de.yaml")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for language in order:
        args = ["build", str(folder), "--only", "slides"] + (
            ["--lang", language] if language else []
        )
        result = kit(*args)
        assert result.exit_code == 0, result.output
        target = Path("build", language) if language else Path("build")
        assert f"built 1 file(s) into {target}" in result.output
    decks = {
        language: deck_text(work / "build" / language / "deck.pptx")
        for language in ("", "es", "de")
    }
    assert "Programme" in decks[""] and "Accueillir sans juger" in decks[""]
    assert "Programa" in decks["es"] and "Acoger sin juzgar" in decks["es"]
    assert "Ablauf" in decks["de"]  # kit's words in German around the Spanish text
