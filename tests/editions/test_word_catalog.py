"""A workshop's own catalog of kit's words (locale/<lang>.po) is untrusted: checked at load.

kit fills its words with ``str.format``; a placeholder that reaches into an object, an
index, a format that fills the memory, a name kit does not give or a plural rule that picks
no form must be a located problem, one line each, with nothing written: never a traceback,
never kit's internals in a handout.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.app.cli import main
from kit.errors import ContentError
from kit.source import wordcatalog
from kit.source.loader import load
from kit.words.i18n import LOCALE_DIR, languages

from ..conftest import FIXTURES

HEADER = """msgid ""
msgstr ""
"Language: {language}\\n"
"Plural-Forms: {plural}\\n"
"Content-Type: text/plain; charset=utf-8\\n"

"""
TWO_FORMS = "nplurals=2; plural=(n != 1);"
DEFINITION = 'msgctxt "definition_of"\nmsgid "Definition: {{term}}"\nmsgstr "{text}"\n'
MINUTES = 'msgctxt "minutes"\nmsgid "{{count}} minute"\nmsgid_plural "{{count}} minutes"\n{forms}'


def _workshop(tmp_path: Path, catalog: str, language: str = "fr") -> Path:
    """The French fixture with ``catalog`` as its own locale/<language>.po."""
    folder = tmp_path / "workshop"
    shutil.copytree(FIXTURES / "fr-accueil", folder)
    (folder / "locale").mkdir()
    (folder / "locale" / f"{language}.po").write_text(catalog, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(folder)
    return [str(problem) for problem in caught.value.problems]


def _line_of(catalog: str, text: str) -> int:
    return catalog.splitlines().index(text) + 1


BAD_ENTRIES = {
    "attribute": ("{term.__class__}", "has {term.__class__}: a placeholder is a plain name"),
    "index": ("{0[0]}", "has {0[0]}: a placeholder is a plain name"),
    "key": ("{term[x]}", "has {term[x]}: a placeholder is a plain name"),
    "huge width": ("{term:>999999999}", "has {term:>999999999}: a placeholder is a plain name"),
    "nested format": ("{term:{term}}", "has {term:{term}}: a placeholder is a plain name"),
    "conversion": ("{term!r}", "has {term!r}: a placeholder is a plain name"),
    "positional": ("{}", "has {}: a placeholder is a plain name"),
    "new name": ("Définition : {term} {secret}", "msgstr has {secret}, which kit does not fill"),
    "name left out": ("Définition", "msgstr leaves out {term}"),
    "lone brace": ("Définition : {term", "msgstr is not a format string"),
}


@pytest.mark.parametrize("text, message", BAD_ENTRIES.values(), ids=list(BAD_ENTRIES))
def test_a_bad_placeholder_is_a_located_problem(tmp_path: Path, text: str, message: str) -> None:
    catalog = HEADER.format(language="fr", plural=TWO_FORMS) + DEFINITION.format(text=text)
    folder = _workshop(tmp_path, catalog)
    line = _line_of(catalog, 'msgid "Definition: {term}"')
    assert len(_problems(folder)) == 1
    (problem,) = _problems(folder)
    assert problem.startswith(f"{folder / 'locale' / 'fr.po'}:{line}:1: definition_of: ")
    assert message in problem


def test_a_bad_catalog_builds_nothing_and_prints_no_traceback(tmp_path: Path) -> None:
    bad = DEFINITION.format(text="{term.__init__.__globals__}")
    folder = _workshop(tmp_path, HEADER.format(language="fr", plural=TWO_FORMS) + bad)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "__globals__}: a placeholder" in result.output
    assert len(result.output.strip().splitlines()) == 2  # the problem, and "nothing written"
    assert not out.exists()


PLURAL_PROBLEMS = {
    "a form left out": (
        TWO_FORMS,
        'msgstr[0] "{count} minute"\n',
        'msgid "{count} minute"',
        "minutes: msgstr[1] is empty; translate every form",
    ),
    "a rule past the forms": (
        "nplurals=2; plural=n;",
        'msgstr[0] "{count} minute"\nmsgstr[1] "{count} minutes"\n',
        '"Plural-Forms: nplurals=2; plural=n;\\n"',
        "Plural-Forms: plural=n gives form 2 for 2, but nplurals=2",
    ),
    "code in the rule": (
        "nplurals=2; plural=n.__class__;",
        'msgstr[0] "{count} minute"\nmsgstr[1] "{count} minutes"\n',
        '"Plural-Forms: nplurals=2; plural=n.__class__;\\n"',
        "Plural-Forms: plural=n.__class__: invalid token in plural form",
    ),
    "too many forms": (
        "nplurals=7000; plural=0;",
        'msgstr[0] "{count} minute"\n',
        '"Plural-Forms: nplurals=7000; plural=0;\\n"',
        "Plural-Forms: nplurals=7000: a language has 1 to 6 forms",
    ),
    "not a number": (
        "nplurals=x; plural=0;",
        'msgstr[0] "{count} minute"\n',
        'msgid ""',
        "not a PO file",
    ),
}


@pytest.mark.parametrize(
    "plural, forms, at, message", PLURAL_PROBLEMS.values(), ids=list(PLURAL_PROBLEMS)
)
def test_plural_forms_must_be_sane(
    tmp_path: Path, plural: str, forms: str, at: str, message: str
) -> None:
    catalog = HEADER.format(language="fr", plural=plural) + MINUTES.format(forms=forms)
    folder = _workshop(tmp_path, catalog)
    (problem,) = _problems(folder)
    file = folder / "locale" / "fr.po"
    line = _line_of(catalog, at) if at.startswith("msgid") else 1
    assert problem.startswith(f"{file}:{line}:1: ")
    assert message in problem


def test_each_entry_is_one_of_kits_words_in_its_shape(tmp_path: Path) -> None:
    entries = (
        'msgctxt "agendaa"\nmsgid "Agenda"\nmsgstr "Ordre du jour"\n\n'
        'msgctxt "minutes"\nmsgid "{count} minutes"\nmsgstr "{count} min"\n'
    )
    catalog = HEADER.format(language="fr", plural=TWO_FORMS) + entries
    problems = _problems(_workshop(tmp_path, catalog))
    assert len(problems) == 2
    assert "agendaa: msgctxt 'agendaa' is no word of kit's" in problems[0]
    assert "did you mean 'agenda'?" in problems[0]
    assert "minutes: kit's 'minutes' is a plural entry" in problems[1]


def test_a_good_catalog_is_used(tmp_path: Path) -> None:
    entries = (
        DEFINITION.format(text="Ce que veut dire : {term}")
        + "\n"
        + MINUTES.format(
            forms='msgstr[0] "{count} petite minute"\nmsgstr[1] "{count} petites minutes"\n'
        )
    )
    folder = _workshop(tmp_path, HEADER.format(language="fr", plural=TWO_FORMS) + entries)
    words = load(folder).workshop.interface_words()
    assert words("definition_of", term="RdR") == "Ce que veut dire : RdR"
    assert words("minutes", count=1) == "1 petite minute"
    assert words("agenda") == "Programme"  # kit's own French for the rest


def test_each_load_reads_the_catalog_as_it_is_then(tmp_path: Path) -> None:
    """Nothing of one build's catalog outlives it in the process (``--watch`` rebuilds in
    one): a catalog rewritten with its old modification time, as ``cp -p`` or a coarse
    clock leaves it, is read again."""
    catalog = HEADER.format(language="fr", plural=TWO_FORMS) + DEFINITION
    folder = _workshop(tmp_path, catalog.format(text="Avant : {term}"))
    file = folder / "locale" / "fr.po"
    stamp = file.stat()
    assert load(folder).workshop.interface_words()("definition_of", term="X") == "Avant : X"
    file.write_text(catalog.format(text="Après : {term}"), encoding="utf-8")
    os.utime(file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert load(folder).workshop.interface_words()("definition_of", term="X") == "Après : X"


@pytest.mark.parametrize("language", languages())
def test_kits_own_catalogs_pass_the_same_check(tmp_path: Path, language: str) -> None:
    """The check refuses what is dangerous, not what a translator rightly writes."""
    catalog = (LOCALE_DIR / language / "LC_MESSAGES" / "kit.po").read_text(encoding="utf-8")
    folder = _workshop(tmp_path, catalog, language)
    assert wordcatalog.check(folder, language) == []


def test_translate_import_touches_no_file_named_by_a_language_that_is_no_code(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "workshop"
    shutil.copytree(FIXTURES / "fr-accueil", folder)
    po_file = tmp_path / "fr-accueil.uk.po"
    runner = CliRunner()
    exported = runner.invoke(
        main, ["translate", "export", str(folder), "--lang", "uk", "--out", str(po_file)]
    )
    assert exported.exit_code == 0, exported.output
    bystander = tmp_path / "x.po"  # where translations/../../x.po leads
    bystander.write_text("mine", encoding="utf-8")
    stamp = bystander.stat().st_mtime_ns
    result = runner.invoke(
        main, ["translate", "import", str(po_file), str(folder), "--lang", "../../x"]
    )
    assert result.exit_code == 1
    assert "'../../x' is not a language code" in result.output and "Traceback" not in result.output
    assert bystander.stat().st_mtime_ns == stamp  # not even written and put back
