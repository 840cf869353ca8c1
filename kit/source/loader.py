"""Load a workshop file: read, clean, fill in variables, validate, cross-check.

Every problem is collected and reported at once, each with its file, line, column and
field path. Nothing is rendered here and nothing is written.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath
from typing import Any

import pydantic

from kit.errors import ContentError, KitError, Problem
from kit.model import (
    BLOCK_KINDS,
    BLOCK_TYPES,
    DEFAULT_TITLES,
    ImageBlock,
    ResourcesBlock,
    Workshop,
)
from kit.model.schedule import total_minutes
from kit.source import assets, editions
from kit.source.templating import TemplateBudget, TemplateProblem, has_template, render_template
from kit.source.yamlsource import Document, Path_, read_yaml_file
from kit.words.i18n import missing_catalog, words
from kit.words.typography import spaced

WORKSHOP_FILE = "workshop.yaml"
# Where a problem is: the workshop file, or the edition that gave the text.
Locator = Document | editions.Located
_TEMPLATE_VARIABLES = ("title", "subtitle", "organisation", "date", "venue", "audience")
# C0 controls but tab and newline; they print as boxes or as literal "_x0000_". DEL and
# C1 too: U+009B is a terminal's escape (CSI), and error messages echo text.
_STRIP_CONTROLS = {c: None for c in (*range(0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)}
# Longer text takes seconds to lay out per field; nothing in a workshop needs it.
MAX_TEXT_CHARS = 20_000
# A QR code at the handouts' error correction holds 2,331 bytes, but one that full no longer
# prints legibly, and the address itself must fit a handout's table cell.
MAX_URL_BYTES = 1_000
# Alt text that names a file says nothing to someone who cannot see the picture (and
# leaks a path). Slashes alone are prose ("24/7", "and/or"); these are not.
_FILE_LIKE = re.compile(
    r"\.(png|jpe?g|gif|svg|bmp|tiff?|webp)\b"  # a file name
    r"|(^|\s)(~|\.{1,2})?/\S"  # /etc/x, ./x, ../x, ~/x
    r"|\\|\w/[\w.-]+/",  # C:\x, a/b/c
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LoadedWorkshop:
    """A validated workshop with where it came from and the warnings found on the way."""

    workshop: Workshop
    file: Path
    document: Document
    warnings: tuple[Problem, ...]
    edition: editions.Edition | None = None  # the translation laid over it, with --lang

    @property
    def base_dir(self) -> Path:
        return self.file.parent


def find_workshop_file(path: Path) -> Path:
    """A workshop file, or a folder holding ``workshop.yaml``."""
    if path.is_dir():
        path = path / WORKSHOP_FILE
    if not path.is_file():
        raise KitError(f"{path}: no such workshop file")
    return path


def load(path: Path | str, language: str | None = None) -> LoadedWorkshop:
    """Load and validate the workshop at ``path``; raise ContentError listing every problem.

    With ``language``, the workshop's translation into that language is laid over it (see
    ``kit.source.editions``); fields it does not translate fall back, each with a warning.
    """
    file, document, data, problems = read_source(Path(path))
    fallbacks: list[Problem] = []
    edition = None
    if language and language != data.get("language", "en") and not problems:
        data, fallbacks, edition = editions.overlay(data, document, file, language, _clean)
        data["language"] = language
    located = editions.Located(document, edition)
    _default_titles(data, file.parent)
    # One time budget for the whole file: many slow fields must not add up to hours.
    render = partial(render_template, variables=_template_variables(data), budget=TemplateBudget())
    data = _fill_templates(data, (), render, located, problems)
    language = data.get("language")
    if isinstance(language, str):
        data = _typeset(data, (), language)

    base_dir = file.parent.resolve()
    context = {"resolve_asset": lambda value, kinds: assets.resolve(base_dir, value, kinds)}
    workshop = None
    try:
        workshop = Workshop.model_validate(data, context=context)
    except pydantic.ValidationError as exc:
        problems.extend(_problems_from_errors(exc.errors(), located))
    if workshop is not None:
        problems.extend(_check_references(workshop, located))
        problems.extend(_check_links(workshop, located))
    if problems:
        raise ContentError(problems)
    assert workshop is not None
    workshop = workshop.with_folder(base_dir)
    language_warnings = _language_warnings(workshop, document, base_dir)
    warnings = (*fallbacks, *language_warnings, *_warnings(workshop, document))
    return LoadedWorkshop(workshop, file, document, warnings, edition)


def read_source(path: Path) -> tuple[Path, Document, Any, list[Problem]]:
    """The workshop file at ``path``, read and its text cleaned; problems with the text."""
    file = find_workshop_file(path)
    document = read_yaml_file(file, str(file))
    if not isinstance(document.data, dict):
        raise ContentError([document.problem((), "a workshop file is a mapping of fields")])
    problems: list[Problem] = []
    return file, document, _clean(document.data, (), document, problems), problems


# --- text cleaning and templates ---------------------------------------------------------


def clean_text(text: str) -> str:
    """NFC, Unix newlines, no control characters but tab and newline."""
    text = text.replace("\r\n", "\n")
    return unicodedata.normalize("NFC", text.translate(_STRIP_CONTROLS))


def _bad_character(text: str) -> str | None:
    for char in text:
        code = ord(char)
        if code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            return f"U+{code:04X}"
    return None


def _clean(value: Any, path: Path_, document: Document, problems: list[Problem]) -> Any:
    if isinstance(value, str):
        bad = _bad_character(value)
        if bad:
            problems.append(document.problem(path, f"character {bad} is not allowed in text"))
            return value
        if len(value) > MAX_TEXT_CHARS:
            message = f"text is longer than {MAX_TEXT_CHARS:,} characters"
            problems.append(document.problem(path, message))
            return value
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(item, (*path, i), document, problems) for i, item in enumerate(value)]
    if isinstance(value, dict):
        return {k: _clean(v, (*path, k), document, problems) for k, v in value.items()}
    return value


def _default_titles(data: dict[str, Any], folder: Path) -> None:
    """Give blocks whose title may be left out that title in the workshop's language."""
    language = data.get("language")
    table = words(language if isinstance(language, str) else "en", folder)
    for section in data.get("sections") or []:
        blocks = section.get("blocks") if isinstance(section, dict) else None
        for block in blocks if isinstance(blocks, list) else []:
            if not isinstance(block, dict) or len(block) != 1:
                continue  # validation reports the malformed block
            ((kind, body),) = block.items()
            if kind in DEFAULT_TITLES and isinstance(body, dict) and "title" not in body:
                body["title"] = table(DEFAULT_TITLES[kind])


def _typeset(value: Any, path: Path_, language: str) -> Any:
    """Every text the language's spacing around punctuation; ids, paths and URLs as they are."""
    if isinstance(value, str):
        return spaced(value, language) if editions.translatable(path) else value
    if isinstance(value, list):
        return [_typeset(item, (*path, i), language) for i, item in enumerate(value)]
    if isinstance(value, dict):
        return {k: _typeset(v, (*path, k), language) for k, v in value.items()}
    return value


def _template_variables(data: dict[str, Any]) -> dict[str, str]:
    return {
        name: value if isinstance(value, str) else ""
        for name in _TEMPLATE_VARIABLES
        for value in [data.get(name)]
    }


def _fill_templates(
    value: Any,
    path: Path_,
    render: Callable[[str], str],
    document: Locator,
    problems: list[Problem],
) -> Any:
    if isinstance(value, str):
        if not has_template(value):
            return value
        try:
            return clean_text(render(value))
        except TemplateProblem as exc:
            problems.append(document.problem(path, str(exc)))
            return value
    if isinstance(value, list):
        return [
            _fill_templates(item, (*path, i), render, document, problems)
            for i, item in enumerate(value)
        ]
    if isinstance(value, dict):
        return {
            k: _fill_templates(v, (*path, k), render, document, problems) for k, v in value.items()
        }
    return value


# --- validation errors --------------------------------------------------------------------

_MESSAGES = {
    "int_parsing": "expected a whole number, got {input!r}",
    "int_from_float": "expected a whole number, got {input!r}",
    "bool_parsing": "expected true or false, got {input!r}",
    "date_from_datetime_parsing": "expected a date like 2026-12-05, got {input!r}",
    "date_parsing": "expected a date like 2026-12-05, got {input!r}",
    "string_type": "expected text, got {kind}",
    "tuple_type": "expected a list, got {kind}",
    "list_type": "expected a list, got {kind}",
    "model_type": "expected a mapping of fields, got {kind}",
    "model_attributes_type": "expected a mapping of fields, got {kind}",
    "dict_type": "expected a mapping of fields, got {kind}",
}


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    return {str: "text", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _problems_from_errors(errors: list[Any], document: Locator) -> Iterator[Problem]:
    # A list whose items fail also reports itself too short; the item errors say it better.
    failing = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
    for error in errors:
        if error["type"] == "too_short" and tuple(error["loc"]) in failing:
            continue
        yield _problem_from_error(error, document)


def _problem_from_error(error: Any, document: Locator) -> Problem:
    loc: Path_ = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return document.problem(loc[:-1], f"field '{loc[-1]}' is required")
    if kind == "extra_forbidden":
        message = _unknown_field_message(str(loc[-1]), _fields_at(loc[:-1]))
        return document.problem(loc, message, at_key=True)
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        return document.problem(loc, _suggest(f"unknown block kind '{tag}'", tag, BLOCK_KINDS))
    if kind in _MESSAGES:
        text = _MESSAGES[kind].format(input=error.get("input"), kind=_kind_of(error.get("input")))
        return document.problem(loc, text)
    if kind == "value_error":
        return document.problem(loc, str(ctx.get("error", error["msg"])))
    if kind in ("too_short", "too_long") and "min_length" in ctx:
        return document.problem(loc, f"needs at least {ctx['min_length']} item(s)")
    return document.problem(loc, error["msg"][0].lower() + error["msg"][1:])


def _suggest(message: str, word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"{message}; did you mean '{close[0]}'?" if close else message


def _unknown_field_message(name: str, allowed: list[str]) -> str:
    message = _suggest(f"unknown field '{name}'", name, allowed)
    if "did you mean" not in message and allowed:
        message += " (allowed: " + ", ".join(allowed) + ")"
    return message


def _fields_at(loc: Path_) -> list[str]:
    """The field names the model accepts at ``loc``, for 'did you mean' suggestions."""
    current: Any = Workshop
    for part in loc:
        current = _item_type(current) if isinstance(part, int) else _field_type(current, part)
        if current is None:
            return []
    model = next((o for o in _options(current) if _is_model(o)), None)
    return [name for name in model.model_fields if name != "kind"] if model else []


def _options(annotation: Any) -> Iterator[Any]:
    """The alternatives of an annotation, with Annotated and unions taken apart."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _options(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _options(arg)
    else:
        yield annotation


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, pydantic.BaseModel)


def _item_type(annotation: Any) -> Any:
    for option in _options(annotation):
        if typing.get_origin(option) in (tuple, list):
            return typing.get_args(option)[0]
    return None


def _field_type(annotation: Any, name: str) -> Any:
    for option in _options(annotation):
        if option in BLOCK_TYPES and option.model_fields["kind"].default == name:
            return option  # the YAML key naming a block's kind
        if _is_model(option) and name in option.model_fields:
            return option.model_fields[name].annotation
    return None


# --- cross-references and warnings ---------------------------------------------------------


def _block_path(section_index: int, block_index: int, kind: str) -> Path_:
    return ("sections", section_index, "blocks", block_index, kind)


def _each_block(workshop: Workshop) -> Iterator[tuple[Path_, Any]]:
    for s, section in enumerate(workshop.sections):
        for b, block in enumerate(section.blocks):
            yield _block_path(s, b, block.kind), block


def _check_references(workshop: Workshop, document: Locator) -> Iterator[Problem]:
    last = len(workshop.sections) - 1
    if workshop.sections[last].break_after is not None:
        message = "the last section cannot have a break after it: the workshop ends there"
        yield document.problem(("sections", last, "break_after"), message, at_key=True)
    seen: set[str] = set()
    for index, source in enumerate(workshop.sources):
        if source.id in seen:
            yield document.problem(("sources", index, "id"), f"duplicate source id '{source.id}'")
        seen.add(source.id)
    for path, block in _each_block(workshop):
        for index, source_id in enumerate(block.cite):
            if source_id not in seen:
                message = _suggest(f"no source with id '{source_id}'", source_id, seen)
                yield document.problem((*path, "cite", index), message)
        if isinstance(block, ImageBlock) and _names_a_file(block.alt, block.path):
            message = "alt text looks like a file name or path; say what the picture shows"
            yield document.problem((*path, "alt"), message)


def _check_links(workshop: Workshop, document: Locator) -> Iterator[Problem]:
    """Web addresses short enough for the handouts' QR codes and tables (reportlab fails beyond)."""
    links = [(("sources", i, "url"), source.url) for i, source in enumerate(workshop.sources)]
    links.append((("feedback_url",), workshop.feedback_url))
    for path, block in _each_block(workshop):
        if isinstance(block, ResourcesBlock):
            links += [((*path, "items", i, "url"), item.url) for i, item in enumerate(block.items)]
    for path, url in links:
        if url and len(url.encode("utf-8")) > MAX_URL_BYTES:
            message = f"web address is longer than {MAX_URL_BYTES:,} bytes, too long to print"
            yield document.problem(path, message)


def _names_a_file(alt: str, path: str) -> bool:
    name = PurePath(path)
    return bool(_FILE_LIKE.search(alt)) or alt.strip().casefold() in {
        name.name.casefold(),
        name.stem.casefold(),
    }


def _language_warnings(workshop: Workshop, document: Document, folder: Path) -> Iterator[Problem]:
    """A language kit has no words in: they would stay English (an error under --strict)."""
    missing = missing_catalog(workshop.language, folder)
    if missing:
        yield document.problem(("language",), missing)


def _warnings(workshop: Workshop, document: Document) -> Iterator[Problem]:
    planned = total_minutes(workshop)
    breaks = " and breaks" if any(s.break_after for s in workshop.sections) else ""
    if workshop.duration is not None and planned != workshop.duration:
        yield document.problem(
            ("duration",),
            f"sections{breaks} add up to {planned} minutes, "
            f"but the workshop lasts {workshop.duration}",
        )
