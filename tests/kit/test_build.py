"""The build: deterministic bytes, atomic outputs, the CLI's exits and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import jsonschema
import pytest
import yaml

from kit.app import build as kit_build
from kit.app.build import RENDERERS, Output, build
from kit.errors import BuildError

from ..conftest import FIXTURES, ROOT, SAMPLE


def run_kit(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_two_builds_in_separate_processes_and_time_zones_are_byte_identical(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out, zone in ((first, "UTC"), (second, "Pacific/Kiritimati")):
        result = run_kit("build", str(SAMPLE), "--out", str(out), env={"TZ": zone})
        assert result.returncode == 0, result.stderr
    files = snapshot(first)
    assert set(files) >= {"deck.pptx"}
    assert files == snapshot(second)


def test_source_date_epoch_sets_the_deck_dates(tmp_path: Path) -> None:
    from pptx import Presentation

    result = run_kit(
        "build",
        str(SAMPLE),
        "--only",
        "slides",
        "--out",
        str(tmp_path),
        env={"SOURCE_DATE_EPOCH": "1700000000"},
    )
    assert result.returncode == 0, result.stderr
    props = Presentation(str(tmp_path / "deck.pptx")).core_properties
    assert props.created.isoformat() == "2023-11-14T22:13:20"
    assert props.author == "Community Rights Workshop Collective"
    assert props.last_modified_by == "Community Rights Workshop Collective"


def _broken_renderer(exception: BaseException) -> types.ModuleType:
    def render(workshop, theme, out_dir: Path, options, deck=None) -> list[Output]:
        (out_dir / "deck.pptx").write_bytes(b"half a deck")
        raise exception

    module = types.ModuleType("broken_renderer")
    module.render = render  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("exception", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_a_renderer_failing_midway_leaves_the_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exception: BaseException
) -> None:
    out = tmp_path / "out"
    build(FIXTURES / "all-blocks", out, only=["slides"])
    before = snapshot(out)
    monkeypatch.setitem(sys.modules, "broken_renderer", _broken_renderer(exception))
    monkeypatch.setitem(RENDERERS, "slides", "broken_renderer")
    with pytest.raises(BuildError if isinstance(exception, Exception) else KeyboardInterrupt):
        build(FIXTURES / "all-blocks", out, only=["slides"])
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == [".kit-lock", "deck.pptx"]  # no staging


def test_the_build_error_says_what_failed_and_the_deck_drawn_is_not_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "broken_renderer", _broken_renderer(RuntimeError("boom")))
    monkeypatch.setitem(RENDERERS, "broken", "broken_renderer")
    with pytest.raises(BuildError) as caught:
        build(FIXTURES / "all-blocks", tmp_path, only=["slides", "broken"])
    result = caught.value.result
    assert result.written == []
    assert list(result.failed) == ["broken"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kit-lock"]


def test_invalid_content_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "workshop.yaml"
    bad.write_text("title: T\nsections: []\nsubtitle: [x]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_kit("build", str(bad), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bad}:1:1: field 'organisation' is required",
        f"{bad}:2:1: sections: needs at least 1 item(s)",
        f"{bad}:3:1: subtitle: expected text, got a list",
        "3 problem(s) found; nothing was written.",
    ]
    assert not out.exists()


def test_check_prints_ok_and_exits_0() -> None:
    result = run_kit("check", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok (9 sections, 19 blocks)")


def test_kit_new_output_builds_without_edits(tmp_path: Path) -> None:
    folder = tmp_path / "my-workshop"
    assert run_kit("new", str(folder)).returncode == 0
    text = (folder / "workshop.yaml").read_text(encoding="utf-8")
    assert text.startswith("# A starter workshop for kit.")
    result = run_kit("build", str(folder), "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "deck.pptx").is_file()
    again = run_kit("new", str(folder))
    assert again.returncode == 1 and "already exists" in again.stderr


def _as_editors_read_it(data: object) -> object:
    """Dates as text, the way YAML 1.2 editors (and JSON) see them."""
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("workshop", [SAMPLE, FIXTURES / "all-blocks"])
def test_schema_validates_real_workshops(workshop: Path) -> None:
    result = run_kit("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((workshop / "workshop.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(_as_editors_read_it(data))


def test_schema_rejects_an_unknown_block_kind() -> None:
    from kit.source.schema import workshop_schema

    data = yaml.safe_load((SAMPLE / "workshop.yaml").read_text(encoding="utf-8"))
    data["sections"][0]["blocks"].append({"bulets": {"title": "x", "items": ["a"]}})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_as_editors_read_it(data), workshop_schema())


def test_python_dash_m_kit_and_the_console_script_agree() -> None:
    assert run_kit("--help").returncode == 0
    assert "build" in run_kit("--help").stdout
    assert kit_build.RENDERERS.keys() == {"slides", "handouts", "exercises", "printlist"}
    assert (ROOT / "pyproject.toml").read_text().count('kit = "kit.app.program:run"') == 1


def test_build_prints_a_line_per_file_and_a_summary(tmp_path: Path) -> None:
    result = run_kit("build", str(SAMPLE), "--only", "exercises", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"wrote {tmp_path / 'continuum-scenario-cards.pdf'} (1 page)" in lines
    assert f"wrote {tmp_path / 'drill-cards.pdf'} (2 pages)" in lines
    assert lines[-1] == f"built 6 file(s) into {tmp_path}"


def test_a_layout_warning_is_given_once_per_build_and_again_on_the_next(tmp_path: Path) -> None:
    items = "".join(f"            - Point {i} {'with a lot to say ' * 6}\n" for i in range(20))
    (tmp_path / "workshop.yaml").write_text(
        "title: T\norganisation: O\nsections:\n  - title: S\n    duration: 5\n    blocks:\n"
        "      - bullets:\n          title: Long\n          items:\n" + items,
        encoding="utf-8",
    )
    # Located like a check error, with 1-based names.
    file = tmp_path / "workshop.yaml"
    warning = f"{file}:7:9: section 1, block 1, bullets: text does not fit one slide"
    result = run_kit(
        "build",
        str(tmp_path),
        "--out",
        str(tmp_path / "cli"),
        "--only",
        "slides",
        "--only",
        "handouts",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(warning) == 1  # the deck and its PDF copy share one layout
    for _ in range(2):
        heard: list[str] = []
        result = build(tmp_path, tmp_path / "out", only=["slides", "handouts"], warn=heard.append)
        assert heard == result.warnings
        assert sum(warning in message for message in result.warnings) == 1
