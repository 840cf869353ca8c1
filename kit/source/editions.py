"""Language editions: a translation file laid over the workshop, field by field.

A workshop folder may hold ``translations/<lang>.yaml``, which mirrors the workshop's own
structure but carries only text: the same keys, lists of the same length, blocks written
the same way. Each text it gives replaces the default-language text at that path; every
text it leaves out falls back to the default language with a warning naming the field.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from kit.errors import ContentError, KitError, Problem
from kit.model import LANGUAGE_CODE, Workshop
from kit.model.fields import NEVER_TRANSLATED, TRANSLATION_OPTIONAL, markers_at
from kit.source.yamlsource import Document, Path_, format_path, read_yaml_file

TRANSLATIONS_DIR = "translations"


def check_language_code(language: str) -> None:
    """KitError unless ``language`` is a language code: it becomes part of a file name."""
    if not re.fullmatch(LANGUAGE_CODE, language):
        raise KitError(f"--lang {language!r} is not a language code like ru, pt-BR or zh-Hant")


def translation_file(workshop_file: Path, language: str) -> Path:
    """``translations/<language>.yaml`` beside the workshop; the code is checked first."""
    check_language_code(language)
    return workshop_file.parent / TRANSLATIONS_DIR / f"{language}.yaml"


def available(workshop_file: Path) -> list[str]:
    """The languages the workshop folder has translation files for."""
    folder = workshop_file.parent / TRANSLATIONS_DIR
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def translatable(path: Path_) -> bool:
    """Identifiers, paths, numbers and settings are the same in every edition."""
    return NEVER_TRANSLATED not in markers_at(Workshop, path)


def _expected(path: Path_) -> bool:
    """Translatable, and not a name or contact, which usually stay as they are."""
    markers = markers_at(Workshop, path)
    return NEVER_TRANSLATED not in markers and TRANSLATION_OPTIONAL not in markers


def overlay(
    base: Any, base_doc: Document, workshop_file: Path, language: str, clean: Any
) -> tuple[Any, list[Problem]]:
    """The base data with the ``language`` translation laid over it, and fallback warnings.

    ``clean`` is the loader's text cleaner, applied to the translation as to the base.
    Raises ContentError for a translation that does not mirror the base structure.
    """
    file = translation_file(workshop_file, language)
    if not file.is_file():
        raise ContentError(
            [
                Problem(
                    str(workshop_file),
                    1,
                    1,
                    "",
                    f"no translation for '{language}': expected {file}" + _others(workshop_file),
                )
            ]
        )
    if not file.resolve().is_relative_to(workshop_file.parent.resolve()):
        message = f"{file} leads outside the workshop folder; copy the translation into it"
        raise ContentError([Problem(str(workshop_file), 1, 1, "", message)])
    doc = read_yaml_file(file, str(file))
    problems: list[Problem] = []
    translation = clean(doc.data, (), doc, problems)
    merged = _merge(base, translation, (), doc, problems)
    if problems:
        raise ContentError(problems)
    warnings = [
        base_doc.problem(path, f"not translated into '{language}'; using the default text")
        for path in _text_paths(base, ())
        if _expected(path) and not _given(translation, path)
    ]
    return merged, warnings


def _others(workshop_file: Path) -> str:
    languages = available(workshop_file)
    return f" (available: {', '.join(languages)})" if languages else ""


def _merge(base: Any, over: Any, path: Path_, doc: Document, problems: list[Problem]) -> Any:
    if over is None:
        return base
    if isinstance(base, dict):
        if not isinstance(over, dict):
            problems.append(doc.problem(path, "expected a mapping, as in the workshop file"))
            return base
        merged = dict(base)
        for key, value in over.items():
            if key not in base:
                close = difflib.get_close_matches(key, list(base), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(
                    doc.problem(
                        (*path, key), f"'{key}' is not in the workshop file{hint}", at_key=True
                    )
                )
                continue
            merged[key] = _merge(base[key], value, (*path, key), doc, problems)
        return merged
    if isinstance(base, list):
        if not isinstance(over, list) or len(over) != len(base):
            count = len(over) if isinstance(over, list) else "no"
            problems.append(
                doc.problem(
                    path,
                    f"has {count} items; the workshop file has "
                    f"{len(base)} (translate every item, in order)",
                )
            )
            return base
        return [_merge(b, o, (*path, i), doc, problems) for i, (b, o) in enumerate(zip(base, over))]
    if not translatable(path):
        problems.append(
            doc.problem(
                path,
                f"{format_path(path)} is the same in every edition; remove it from the translation",
            )
        )
        return base
    if not isinstance(over, str) or not over.strip():
        problems.append(doc.problem(path, "a translation must be non-empty text"))
        return base
    return over


def _text_paths(value: Any, path: Path_) -> list[Path_]:
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _text_paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _text_paths(v, (*path, i))]
    return []


def _given(translation: Any, path: Path_) -> bool:
    node = translation
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False
        elif not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return isinstance(node, str)
