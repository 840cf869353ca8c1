"""Input edges: translations stay inside the workshop folder, --lang is a language code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.errors import ContentError, KitError
from kit.source.loader import load

from .test_editions import FULL, workshop


def test_a_translation_that_links_outside_the_workshop_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    folder = workshop(tmp_path / "w", None)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(FULL, encoding="utf-8")
    (folder / "translations").mkdir()
    (folder / "translations" / "ru.yaml").symlink_to(outside)
    with pytest.raises(ContentError) as caught:
        load(folder, "ru")
    assert str(caught.value) == (
        f"{folder / 'workshop.yaml'}:1:1: {folder / 'translations' / 'ru.yaml'} leads outside "
        "the workshop folder; copy the translation into it"
    )


def test_a_translations_folder_that_links_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    folder = workshop(tmp_path / "w", None)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "ru.yaml").write_text(FULL, encoding="utf-8")
    (folder / "translations").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ContentError, match="leads outside the workshop folder"):
        load(folder, "ru")


@pytest.mark.parametrize("language", ["../../x", "ru/../../etc", "RU", "ru_RU", "r\nu"])
def test_a_language_that_is_not_a_code_is_refused_before_any_path(
    tmp_path: Path, language: str
) -> None:
    folder = workshop(tmp_path, FULL)
    with pytest.raises(KitError) as caught:
        load(folder, language)
    assert str(caught.value) == (
        f"--lang {language!r} is not a language code like ru, pt-BR or zh-Hant"
    )


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "OUT"], ["build", "--watch"]])
def test_the_command_refuses_a_bad_lang_in_one_line(tmp_path: Path, command: list[str]) -> None:
    folder = workshop(tmp_path, FULL)
    out = tmp_path / "out"
    arguments = [part.replace("OUT", str(out)) for part in command]
    run = subprocess.run(
        [sys.executable, "-m", "kit", *arguments, str(folder), "--lang", "../../x"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ},
        timeout=60,
    )
    assert (run.returncode, run.stderr.splitlines()) == (
        1,
        ["error: --lang '../../x' is not a language code like ru, pt-BR or zh-Hant"],
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["translations", "workshop.yaml"]
