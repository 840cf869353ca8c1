"""Validation errors in plain words: what is wrong, why, and how to fix it.

pydantic says what failed in its own terms ("tuple should have at most 2 items after
validation"); an author needs the cause ("a comma inside an item splits it in two") and the
fix. The YAML document tells what was written: a list in brackets, a ``{...}`` mapping
whose key lost its value to a comma, a comment where a colour was meant.
"""

from __future__ import annotations

import difflib
import itertools
import re
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any

import pydantic

from kit.errors import Problem
from kit.model import BLOCK_KINDS, BLOCK_TYPES, Workshop
from kit.source.yamlsource import Document, Path_

_MESSAGES = {
    "int_parsing": "expected a whole number, got {input!r}",
    "int_from_float": "expected a whole number, got {input!r}",
    "bool_parsing": "expected true or false, got {input!r}",
    "date_from_datetime_parsing": "expected a date like 2026-12-05 (year-month-day), got {input!r}",
    "date_parsing": "expected a date like 2026-12-05 (year-month-day), got {input!r}",
    "model_type": "expected a mapping of fields, got {kind}",
    "model_attributes_type": "expected a mapping of fields, got {kind}",
    "dict_type": "expected a mapping of fields, got {kind}",
}
# Text fields that must follow a pattern, said in words instead of the regular expression.
_PATTERNS = {
    "language": "'{input}' is not a language code: write a code like en, fr or pt-BR",
    "id": "'{input}' is not an id: use lower-case letters, digits, '-' and '_' (like {example})",
}


def problems_from_errors(errors: list[Any], document: Document) -> Iterator[Problem]:
    """One problem per validation error, each in plain words at its place in the file."""
    # A list whose items fail also reports itself too short; the item errors say it better.
    failing = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
    for error in errors:
        if error["type"] == "too_short" and tuple(error["loc"]) in failing:
            continue
        yield _problem_from_error(error, document)


def suggest(message: str, word: str, choices: Iterable[str]) -> str:
    """``message`` with "did you mean ...?" when ``word`` is close to one of ``choices``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"{message}; did you mean '{close[0]}'?" if close else message


def cite_message(source_id: str, known: Iterable[str], kind: str) -> str:
    """An unknown id in ``cite``; prose there means the author wanted to credit in words."""
    message = suggest(f"no source with id '{source_id}'", source_id, known)
    if "did you mean" in message or re.fullmatch(r"[a-z0-9][a-z0-9_-]*", source_id):
        return message
    example = next(iter(sorted(known)), "handbook")
    field = {"definition": "source", "quote": "attribution"}.get(kind)
    instead = (
        f'to credit it in words, write {field}: "{source_id}" instead'
        if field
        else "add it to 'sources' with an id, and cite that id"
    )
    return (
        f"{message}: 'cite' takes ids from the top-level 'sources' (cite: [{example}]); {instead}"
    )


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    names: dict[type, str] = {str: "text", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)


def _problem_from_error(error: Any, document: Document) -> Problem:
    loc: Path_ = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return document.problem(loc[:-1], f"field '{loc[-1]}' is required")
    if kind == "extra_forbidden":
        if loc in document.cut_keys:
            return document.problem(loc, _cut_key_message(loc, document), at_key=True)
        message = _unknown_field_message(str(loc[-1]), _fields_at(loc[:-1]))
        return document.problem(loc, message, at_key=True)
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        return document.problem(loc, suggest(f"unknown block kind '{tag}'", tag, BLOCK_KINDS))
    if kind in ("string_type", "tuple_type", "list_type"):
        return document.problem(loc, _type_message(loc, kind, value, document))
    minutes = _minutes(value) if kind == "int_parsing" and loc[-1] == "duration" else None
    if minutes:
        message = f"{value!r} is not a whole number of minutes: write the number alone"
        return document.problem(loc, f"{message} (duration: {minutes})")
    if kind in _MESSAGES:
        return document.problem(loc, _MESSAGES[kind].format(input=value, kind=_kind_of(value)))
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    field = "language" if field == "languages" else field
    if kind == "string_pattern_mismatch" and field in _PATTERNS:
        example = re.sub(r"[^a-z0-9_-]+", "-", str(value).lower()).strip("-") or "handbook"
        return document.problem(loc, _PATTERNS[field].format(input=value, example=example))
    if kind == "value_error":
        return document.problem(loc, str(ctx.get("error", error["msg"])))
    if kind in ("too_short", "too_long") and isinstance(value, (list, tuple)):
        return document.problem(loc, _length_message(loc, kind, value, ctx, document))
    return document.problem(loc, error["msg"][0].lower() + error["msg"][1:])


def _minutes(value: Any) -> int | None:
    """What a duration written with a unit (``10 min``) or as hours (``1:30``) means."""
    text = str(value).strip().lower()
    if match := re.fullmatch(r"(\d+)\s*(m|mins?|minutes?|')\.?", text):
        return int(match[1])
    if match := re.fullmatch(r"(\d+):([0-5]\d)", text):
        return int(match[1]) * 60 + int(match[2])
    if match := re.fullmatch(r"(\d+)\s*(h|hrs?|hours?)\.?", text):
        return int(match[1]) * 60
    return None


def _type_message(loc: Path_, kind: str, value: Any, document: Document) -> str:
    wanted = "text" if kind == "string_type" else "a list"
    message = f"expected {wanted}, got {_kind_of(value)}"
    if kind == "string_type" and loc[-1] == "source":
        return message + (
            ": 'source' is the text that credits the definition (source: UNAIDS 2014); "
            "to point at entries of the top-level 'sources', use cite: [an-id]"
        )
    if value is None and kind == "string_type":
        if "#" in _line_of(loc, document):
            return message + (
                ": a '#' after a space starts a comment in YAML, so put the value in quotes"
                f' ({loc[-1]}: "#5B2A86")'
            )
        return message + ": write the text after the colon, or leave the field out"
    if wanted == "a list" and isinstance(value, dict) and loc[-1] == "blocks":
        return message + ": start each block with '- ' (- bullets: ...)"
    if wanted == "a list" and isinstance(value, str):
        return message + f": write it as a list ({loc[-1]}: [{value}]) or one '- ' item per line"
    return message


def _line_of(loc: Path_, document: Document) -> str:
    mark = document.key_positions.get(loc) or document.locate(loc)
    lines = document.text.split("\n")
    return lines[mark.line - 1] if 0 < mark.line <= len(lines) else ""


def _length_message(
    loc: Path_, kind: str, value: Any, ctx: dict[str, Any], document: Document
) -> str:
    """Too many or too few items; in a ``[...]`` list, too many is usually a comma's doing."""
    count = len(value)
    limit = ctx.get("max_length") if kind == "too_long" else ctx.get("min_length")
    if kind == "too_short":
        return f"needs at least {limit} item(s)"
    message = f"has {count} items, at most {limit} allowed"
    if loc not in document.flow:
        return message
    return f"{message}: {comma_split(value)}"


def comma_split(items: Any) -> str:
    """Why a ``[...]`` list has an item too many, and the fix."""
    split = _split_item(items)
    quoted = f'"{split}"' if split else '"one, item"'
    return (
        "a comma inside an item splits it in two inside [ ]; "
        f"put that item in quotes ({quoted}) or write one item per line"
    )


def split_items(document: Document) -> Iterator[Problem]:
    """Warnings for ``[...]`` lists that a comma probably split without an error.

    ``objectives: [Shout their name, rub the breastbone]`` is two valid items; a piece that
    starts in lower case after one that starts in capitals is most likely the rest of it.
    """
    for path in sorted(document.flow, key=str):
        items = document.data
        for part in path:
            items = items[part]
        if not isinstance(items, list):
            continue
        texts = [item if isinstance(item, str) else "" for item in items]
        for index, (first, second) in enumerate(itertools.pairwise(texts), start=1):
            if first[:1].isupper() and second[:1].islower():
                message = (
                    f"'{second}' starts in lower case after a comma inside [ ]: if it belongs "
                    f'to the item before, put the whole item in quotes ("{first}, {second}")'
                )
                yield document.problem((*path, index), message)


def _split_item(items: Any) -> str | None:
    """The likeliest item a comma split: one followed by a piece starting in lower case."""
    texts = [item for item in items if isinstance(item, str)]
    for first, second in itertools.pairwise(texts):
        if second[:1].islower():
            return f"{first}, {second}"
    return None


def _cut_key_message(loc: Path_, document: Document) -> str:
    """A ``{...}`` key without a value: a comma ended the value before it."""
    parent = document.data
    for part in loc[:-1]:
        parent = parent[part]
    keys = list(parent)
    name = str(loc[-1])
    before = keys[keys.index(name) - 1] if keys.index(name) > 0 else None
    if before is None or not isinstance(parent[before], str):
        return f"'{name}' is not a field: inside {{ }} each field needs 'name: value'"
    whole = f"{parent[before]}, {name}"
    return (
        f"'{name}' is not a field: a comma inside {{ }} ended {before} early; "
        f'put the value in quotes ({before}: "{whole}") or write the fields one per line'
    )


def _unknown_field_message(name: str, allowed: list[str]) -> str:
    message = suggest(f"unknown field '{name}'", name, allowed)
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
