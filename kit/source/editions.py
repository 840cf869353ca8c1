"""Language editions: a translation laid over the workshop, field by field.

A workshop folder may hold one edition per language in ``translations/``: either
``<lang>.yaml``, which mirrors the workshop's own structure but carries only text (the same
keys, lists of the same length, blocks written the same way), or ``<lang>.po``, a gettext
catalog with one entry per field (see ``kit.source.translate``). Each text it gives
replaces the default-language text at that path; every text it leaves out falls back to
the default language with a warning naming the field.

Lists that are local by nature (a block's resources, a content note's support lines, the
sources) may be replaced in a YAML edition instead: a list of another length, or one that
gives a web address or an id, stands as written, addresses included. Everything else must
mirror the workshop file. Problems are located in the file that holds the text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.errors import ContentError, KitError, Problem
from kit.model import DEFAULT_TITLES, LANGUAGE_CODE, Workshop
from kit.model.fields import NEVER_TRANSLATED, TRANSLATION_OPTIONAL, markers_at
from kit.source.messages import comma_split
from kit.source.pofiles import read_edition
from kit.source.yamlsource import Document, Path_, format_path, read_yaml_file

TRANSLATIONS_DIR = "translations"
FORMATS = (".yaml", ".po")
# Lists an edition may replace outright, "*" standing for any key or index.
_LOCAL_LISTS = (
    ("sources",),
    ("sections", "*", "blocks", "*", "resources", "items"),
    ("sections", "*", "blocks", "*", "content_note", "support"),
)
_REPLACING_KEYS = frozenset({"url", "id"})

Clean = Callable[[Any, Path_, Document, list[Problem]], Any]


@dataclass(frozen=True)
class Edition:
    """A translation as laid over the workshop: its file, and which texts it gave.

    ``given`` holds the path of every text it translated and of every list it replaced;
    ``stale`` the paths of translations made from a source text that has since changed.
    """

    language: str
    file: Path
    document: Document
    given: frozenset[Path_]
    stale: frozenset[Path_] = frozenset()
    missing: int = 0

    def holds(self, path: Path_) -> bool:
        """Whether the text at ``path`` (or a list around it) came from this edition."""
        return any(path[:end] in self.given for end in range(len(path), 0, -1))

    def summary(self) -> str:
        return (
            f"{self.document.file}: '{self.language}' edition: {len(self.given)} translated, "
            f"{self.missing} missing, {len(self.stale)} stale"
        )


@dataclass(frozen=True)
class Located:
    """Locates a problem in the file its text came from: the edition's, or the workshop's."""

    base: Document
    edition: Edition | None = None

    def document_for(self, path: Path_) -> Document:
        return self.edition.document if self.edition and self.edition.holds(path) else self.base

    def problem(self, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        return self.document_for(path).problem(path, message, at_key=at_key)


def check_language_code(language: str) -> None:
    """KitError unless ``language`` is a language code: it becomes part of a file name."""
    if not re.fullmatch(LANGUAGE_CODE, language):
        raise KitError(f"--lang {language!r} is not a language code like ru, pt-BR or zh-Hant")


def translation_file(workshop_file: Path, language: str) -> Path:
    """The edition's file: ``translations/<lang>.po`` if there is one, else ``<lang>.yaml``.

    The code is checked first: it becomes part of a file name.
    """
    check_language_code(language)
    folder = workshop_file.parent / TRANSLATIONS_DIR
    po = folder / f"{language}.po"
    return po if po.is_file() else folder / f"{language}.yaml"


def available(workshop_file: Path) -> list[str]:
    """The languages the workshop folder has translation files for."""
    folder = workshop_file.parent / TRANSLATIONS_DIR
    if not folder.is_dir():
        return []
    return sorted({p.stem for p in folder.iterdir() if p.suffix in FORMATS})


def translatable(path: Path_) -> bool:
    """Identifiers, paths, numbers and settings are the same in every edition."""
    return NEVER_TRANSLATED not in markers_at(Workshop, path)


def expected(path: Path_) -> bool:
    """Translatable, and not a name or contact, which usually stay as they are."""
    markers = markers_at(Workshop, path)
    return NEVER_TRANSLATED not in markers and TRANSLATION_OPTIONAL not in markers


def _matches(path: Path_, pattern: Path_) -> bool:
    return len(path) == len(pattern) and all(p in ("*", part) for p, part in zip(pattern, path))


def _local_list(path: Path_) -> bool:
    return any(_matches(path, pattern) for pattern in _LOCAL_LISTS)


def overlay(
    base: Any, base_doc: Document, workshop_file: Path, language: str, clean: Clean
) -> tuple[Any, list[Problem], Edition]:
    """The base data with the ``language`` edition laid over it, its warnings, the edition.

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
    problems: list[Problem] = []
    warnings: list[Problem] = []
    stale: frozenset[Path_] = frozenset()
    if file.suffix == ".po":
        doc, stale, warnings = read_edition(file, base)
    else:
        doc = read_yaml_file(file, str(file))
    translation = clean(doc.data, (), doc, problems)
    given: set[Path_] = set()
    merged = _Merge(doc, problems, given).merge(base, translation, ())
    if problems:
        raise ContentError(problems)
    edition = Edition(language, file, doc, frozenset(given), stale)
    untranslated = [
        path
        for path in text_paths(base, ())
        if expected(path) and not edition.holds(path) and path not in stale
    ]
    warnings += [
        base_doc.problem(path, f"not translated into '{language}'; using the default text")
        for path in untranslated
    ]
    edition = Edition(language, file, doc, frozenset(given), stale, len(untranslated))
    return merged, warnings, edition


def _others(workshop_file: Path) -> str:
    languages = available(workshop_file)
    return f" (available: {', '.join(languages)})" if languages else ""


@dataclass
class _Merge:
    """Lays a translation over the base, noting each problem and each text it gives."""

    doc: Document
    problems: list[Problem]
    given: set[Path_] = field(default_factory=set)

    def merge(self, base: Any, over: Any, path: Path_) -> Any:
        if over is None:
            return base
        if isinstance(base, dict):
            return self._mapping(base, over, path)
        if isinstance(base, list):
            return self._list(base, over, path)
        if not translatable(path):
            message = (
                f"{format_path(path)} is the same in every edition; remove it from the translation"
            )
            self.problems.append(self.doc.problem(path, message))
            return base
        if not isinstance(over, str) or not over.strip():
            self.problems.append(self.doc.problem(path, "a translation must be non-empty text"))
            return base
        self.given.add(path)
        return over

    def _mapping(self, base: dict[str, Any], over: Any, path: Path_) -> Any:
        if not isinstance(over, dict):
            message = "expected a mapping, as in the workshop file"
            self.problems.append(self.doc.problem(path, message))
            return base
        merged = dict(base)
        for key, value in over.items():
            if key in base:
                merged[key] = self.merge(base[key], value, (*path, key))
            elif _default_title(path, key):  # a title the workshop leaves to kit's words
                merged[key] = self.merge("", value, (*path, key))
            else:
                close = difflib.get_close_matches(key, list(base), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                message = f"'{key}' is not in the workshop file{hint}"
                self.problems.append(self.doc.problem((*path, key), message, at_key=True))
        return merged

    def _list(self, base: list[Any], over: Any, path: Path_) -> Any:
        if isinstance(over, list) and _local_list(path) and _replaces(base, over):
            self.given.add(path)
            return over
        if not isinstance(over, list) or len(over) != len(base):
            count = len(over) if isinstance(over, list) else "no"
            message = f"has {count} items; the workshop file has {len(base)}"
            if isinstance(over, list) and len(over) > len(base) and path in self.doc.flow:
                message += ": " + comma_split(over)  # ``[a, b]`` with a comma inside an item
            else:
                local = " or replace the whole list" if _local_list(path) else ""
                message += f" (translate every item, in order{local})"
            self.problems.append(self.doc.problem(path, message))
            return base
        return [self.merge(b, o, (*path, i)) for i, (b, o) in enumerate(zip(base, over))]


def _replaces(base: list[Any], over: list[Any]) -> bool:
    """A local list is replaced when it differs in length or gives addresses or ids."""
    return len(over) != len(base) or any(
        isinstance(item, dict) and _REPLACING_KEYS & set(item) for item in over
    )


def _default_title(path: Path_, key: str) -> bool:
    return key == "title" and len(path) == 5 and path[-1] in DEFAULT_TITLES


def text_paths(value: Any, path: Path_ = ()) -> list[Path_]:
    """The path of every text in ``value``, in file order."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in text_paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in text_paths(v, (*path, i))]
    return []
