"""Messages beyond the corpus: every problem in one run, and the comma trap's variants."""

from __future__ import annotations

from pathlib import Path

from ..kit.test_loader import MINIMAL, problems_of, write


def test_an_alt_text_error_and_an_unrelated_picture_error_come_together(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        MINIMAL
        + "      - image: {title: A, path: gone.png, alt: photo.png}\n"
        + "      - quote: {text: Hi, attribution: Me, cite: [nowhere]}\n",
    )
    block = "sections[0].blocks"
    assert problems_of(file) == [
        f"{file}:7:33: {block}[0].image.path: 'gone.png' does not exist in the workshop folder",
        f"{file}:7:48: {block}[0].image.alt: alt text looks like a file name or path; "
        "say what the picture shows",
        f"{file}:8:51: {block}[1].quote.cite[0]: no source with id 'nowhere'",
    ]


def test_a_duplicate_key_comes_with_the_validation_errors(tmp_path: Path) -> None:
    file = write(tmp_path, "title: T\ntitle: U\norganisation: O\nsections: []\n")
    assert problems_of(file) == [
        f"{file}:2:1: title: duplicate key 'title' (first defined on line 1): keep one of the two",
        f"{file}:4:1: sections: needs at least 1 item(s)",
    ]


def test_a_comma_in_a_definition_cite_says_to_use_source(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "sources: [{id: who, title: Report, organisation: WHO}]\n"
        + MINIMAL
        + "      - definition: {term: A, meaning: B, cite: [UNAIDS 2014]}\n",
    )
    (line,) = problems_of(file)
    assert line.endswith(
        "no source with id 'UNAIDS 2014': 'cite' takes ids from the top-level 'sources' "
        '(cite: [who]); to credit it in words, write source: "UNAIDS 2014" instead'
    )


def test_an_unclosed_bracket_is_named_where_it_opened(tmp_path: Path) -> None:
    text = MINIMAL.replace("    blocks:\n", "    objectives: [One,\n      two\n    blocks:\n")
    file = write(tmp_path, text + "      - title: {title: Hi}\n")
    (line,) = problems_of(file)
    assert line.startswith(
        f"{file}:6:17: the '[' opened here is never closed (YAML gave up at line 8"
    )


def test_a_list_item_split_by_a_comma_without_an_error_is_a_warning(tmp_path: Path) -> None:
    from kit.source.loader import load

    text = MINIMAL.replace(
        "    blocks:\n",
        "    objectives: [Shout their name, rub the breastbone, Call 999]\n    blocks:\n",
    )
    file = write(tmp_path, text + "      - title: {title: Hi}\n")
    assert [str(w) for w in load(file).warnings] == [
        f"{file}:6:36: sections[0].objectives[1]: 'rub the breastbone' starts in lower case "
        "after a comma inside [ ]: if it belongs to the item before, put the whole item in "
        'quotes ("Shout their name, rub the breastbone")'
    ]


def test_a_table_that_needs_two_slides_is_located(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kit.app.cli import main

    rows = "".join(
        f"            - [Row {i} on the left, Row {i} on the right]\n" for i in range(40)
    )
    file = write(
        tmp_path,
        MINIMAL
        + "      - bullets: {title: Warm-up, items: [Stretch]}\n"
        + "      - comparison:\n          title: Big table\n          columns: [A, B]\n"
        + "          rows:\n"
        + rows,
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(file), "--out", str(out), "--only", "slides"])
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.stderr.splitlines() if "table" in line]
    assert warning.startswith(
        f"warning: {file}:8:9: section 1, block 2, comparison: table does not fit one slide; "
        "continued over "
    )
