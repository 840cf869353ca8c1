"""Loading workshops: every block kind, and located errors for every kind of bad input."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kit.errors import ContentError
from kit.model import BLOCK_KINDS
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE

MINIMAL = """\
title: T
organisation: O
sections:
  - title: S
    duration: 10
    blocks:
"""
VALID = MINIMAL + "      - title: {title: Hi}\n"


def write(tmp_path: Path, text: str, name: str = "workshop.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(path)
    return [str(p) for p in caught.value.problems]


def test_every_block_kind_loads_from_the_fixture() -> None:
    loaded = load(FIXTURES / "all-blocks")
    kinds = {block.kind for _, block in loaded.workshop.blocks()}
    assert kinds == set(BLOCK_KINDS)
    workshop = loaded.workshop
    assert workshop.start_time == dt.time(13, 30)
    assert workshop.date == dt.date(2026, 3, 1)
    assert workshop.subtitle == "A fixture for Test Collective"  # template variable filled
    image = workshop.blocks_of(type(workshop.sections[1].blocks[4]))[0]
    assert Path(image.path).is_absolute() and Path(image.path).is_file()
    assert loaded.warnings == ()


def test_sample_workshop_loads_without_warnings() -> None:
    loaded = load(SAMPLE)
    assert loaded.warnings == ()
    kinds = [block.kind for _, block in loaded.workshop.blocks()]
    assert "drill" in kinds and "continuum" in kinds
    (drill,) = [b for _, b in loaded.workshop.blocks() if b.kind == "drill"]
    assert len(drill.challenges) == 5
    (continuum,) = [b for _, b in loaded.workshop.blocks() if b.kind == "continuum"]
    assert len(continuum.stages) == 6


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\norganisation: [unclosed\nsections: []\n")
    (problem,) = problems_of(path)
    # Located where the bracket opened, naming where the parser gave up.
    assert problem == (
        f"{path}:2:15: the '[' opened here is never closed (YAML gave up at line 3, column 9): "
        "add ']' at the end of line 2, or write one item per line"
    )


def test_missing_field_points_at_the_parent_item(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MINIMAL
        + """\
      - drill:
          challenges:
            - responses: [an answer]
""",
    )
    assert problems_of(path) == [
        f"{path}:9:15: sections[0].blocks[0].drill.challenges[0]: field 'statement' is required"
    ]


def test_wrong_type_names_the_field_and_value(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("duration: 10", "duration: ten"))
    assert problems_of(path) == [
        f"{path}:5:15: sections[0].duration: expected a whole number, got 'ten'"
    ]


def test_unknown_key_suggests_the_closest_field(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("title: T\n", "title: T\nsubtitel: x\n", 1))
    assert problems_of(path) == [
        f"{path}:2:1: subtitel: unknown field 'subtitel'; did you mean 'subtitle'?"
    ]


def test_unknown_block_kind_suggests_the_closest_kind(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "      - bulets: {title: x, items: [a]}\n")
    assert problems_of(path) == [
        f"{path}:7:9: sections[0].blocks[0]: unknown block kind 'bulets'; did you mean 'bullets'?"
    ]


def test_all_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        title: T
        sections:
          - title: S
            duration: -5
        """,
    )
    problems = problems_of(path)
    assert len(problems) == 2
    assert problems[0] == f"{path}:1:1: field 'organisation' is required"
    assert problems[1].startswith(f"{path}:4:15: sections[0].duration: ")


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + "title: again\n")
    assert problems_of(path) == [
        f"{path}:8:1: title: duplicate key 'title' (first defined on line 1): keep one of the two"
    ]


@pytest.mark.parametrize("image", ["../outside.png", "/etc/passwd", "missing.png"])
def test_image_outside_the_folder_or_missing_is_refused(tmp_path: Path, image: str) -> None:
    (tmp_path / "outside.png").write_bytes((FIXTURES / "all-blocks/images/logo.png").read_bytes())
    folder = tmp_path / "w"
    folder.mkdir()
    path = write(
        folder, MINIMAL + f"      - image: {{title: x, path: '{image}', alt: a picture}}\n"
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:7:33: sections[0].blocks[0].image.path: '{image}' ")


def test_template_error_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("title: S", "title: '{{ organisaton }}'"))
    (problem,) = problems_of(path)
    assert problem.startswith(
        f"{path}:4:12: sections[0].title: template: 'organisaton' is undefined"
    )


def test_yaml_11_words_and_times_stay_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        MINIMAL.replace("title: T", "title: NO").replace("organisation: O", "organisation: on")
        + "      - bullets: {title: 12:30, items: [yes, off]}\n",
    )
    workshop = load(path).workshop
    assert (workshop.title, workshop.organisation) == ("NO", "on")
    bullets = workshop.sections[0].blocks[0]
    assert bullets.title == "12:30"
    assert [item.text for item in bullets.items] == ["yes", "off"]


def test_a_question_mark_inside_a_flow_list_item_is_text(tmp_path: Path) -> None:
    # PyYAML's pure-Python parser refuses this; kit reads every file with libyaml.
    path = write(tmp_path, MINIMAL + "      - bullets: {title: B, items: [Why not?, a?b]}\n")
    bullets = load(path).workshop.sections[0].blocks[0]
    assert [item.text for item in bullets.items] == ["Why not?", "a?b"]


def test_durations_that_do_not_add_up_are_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "duration: 90\n" + VALID)
    (warning,) = load(path).warnings
    assert (
        str(warning)
        == f"{path}:1:11: duration: sections add up to 10 minutes, but the workshop lasts 90"
    )


def test_unknown_source_in_cite_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "      - title: {title: Hi, cite: [nowhere]}\n")
    assert problems_of(path) == [
        f"{path}:7:35: sections[0].blocks[0].title.cite[0]: no source with id 'nowhere'"
    ]


def test_a_folder_without_workshop_yaml_is_a_clear_error(tmp_path: Path) -> None:
    from kit.errors import KitError

    with pytest.raises(KitError, match="no such workshop file"):
        load(tmp_path)
