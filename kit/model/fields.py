"""Facts about fields, declared on the model's fields and read wherever they matter.

A marker goes in a field's annotation (``Annotated[str, FACILITATOR_ONLY]``) and covers
everything inside that field: a marked list, each of its items; a marked sub-model, each
of its fields. Editions, lint, the loader, the schema and the renderers ask the model
which markers a value carries instead of keeping lists of field names in step by hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel


@dataclass(frozen=True)
class Marker:
    """A fact about a field; ``name`` is what messages and docs call it."""

    name: str


# Never on participant material: only in the facilitator guide, answer keys, the deck's notes.
FACILITATOR_ONLY = Marker("facilitator-only")
# Identifiers, paths, numbers and settings: the same in every edition.
NEVER_TRANSLATED = Marker("never translated")
# Names and contacts: translating them is allowed, not expected (no warning when missing).
TRANSLATION_OPTIONAL = Marker("translation optional")
# Someone else's words, or text there to be answered: naming a term there is not using it.
LINT_EXEMPT = Marker("lint-exempt")
# A web address: printed as a QR code and in tables, so its length is limited.
WEB_ADDRESS = Marker("web address")
# Items that may be written as plain text, standing for ``{text: ...}``.
TEXT_OR_OBJECT = Marker("text or object")


@dataclass(frozen=True)
class DefaultTitle(Marker):
    """The title a block gets when it has none, as a word of ``kit.words``."""

    word: str = ""


Part = str | int


def markers_of(model: type[BaseModel], field: str) -> frozenset[Marker]:
    """The markers declared on ``model``'s ``field``."""
    return _field(model, field)[0]


def markers_at(root: type[BaseModel], path: Sequence[Part]) -> frozenset[Marker]:
    """Every marker on the fields along ``path`` in a file's data, ``root`` at the top.

    Paths are written as in files: a block is ``(..., "blocks", 3, "drill", ...)``. A part
    the model does not know ends the walk with what was found so far.
    """
    return _markers_along(root, tuple(part for part in path if not isinstance(part, int)))


@cache  # asked for every text of every workshop loaded, along a few hundred distinct paths
def _markers_along(root: type[BaseModel], names: tuple[str, ...]) -> frozenset[Marker]:
    """``markers_at`` of a path without its list indices, which name no field."""
    found: set[Marker] = set()
    models: tuple[type[BaseModel], ...] = (root,)
    for part in names:
        chosen = tuple(m for m in models if _kind(m) == part)
        if chosen:  # a block's kind first: "title" names a kind and a field
            models = chosen
            continue
        owner = next((m for m in models if part in m.model_fields), None)
        if owner is None:
            break
        markers, models = _field(owner, part)
        found |= markers
    return frozenset(found)


def marked_texts(
    model: BaseModel, marker: Marker, path: tuple[Part, ...] = ()
) -> Iterator[tuple[tuple[Part, ...], str]]:
    """Every non-empty text under a field carrying ``marker``, with its path in the file."""
    for name in type(model).model_fields:
        inside = (*path, name)
        value = getattr(model, name)
        if marker in markers_of(type(model), name):
            yield from _texts(value, inside)
        else:
            yield from _marked_inside(value, marker, inside)


def marked_data(
    models: tuple[type[BaseModel], ...], data: Any, marker: Marker, path: tuple[Part, ...] = ()
) -> Iterator[tuple[tuple[Part, ...], Any]]:
    """Every value under a field carrying ``marker`` in a file's data before validation
    (``models`` at the top), so a check can be reported beside validation's problems."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from marked_data(models, item, marker, (*path, index))
        return
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        inside = (*path, key)
        chosen = tuple(m for m in models if _kind(m) == key)
        owner = next((m for m in models if key in m.model_fields), None)
        if chosen:
            yield from marked_data(chosen, value, marker, inside)
        elif owner is not None:
            markers, inner = _field(owner, key)
            if marker in markers:
                yield from _data_values(value, inside)
            else:
                yield from marked_data(inner, value, marker, inside)


def _data_values(value: Any, path: tuple[Part, ...]) -> Iterator[tuple[tuple[Part, ...], Any]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _data_values(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _data_values(item, (*path, key))
    else:
        yield path, value


def fields_marked(
    root: type[BaseModel], marker: Marker
) -> Iterator[tuple[type[BaseModel], str, tuple[type[BaseModel], ...]]]:
    """Each field in ``root``'s tree carrying ``marker``: (model, field, item models)."""
    for model in _reachable(root):
        for name in model.model_fields:
            markers, models = _field(model, name)
            if marker in markers:
                yield model, name, models


def _marked_inside(value: Any, marker: Marker, path: tuple[Part, ...]) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        kind = getattr(value, "kind", None)
        yield from marked_texts(value, marker, (*path, kind) if isinstance(kind, str) else path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _marked_inside(item, marker, (*path, index))


def _texts(value: Any, path: tuple[Part, ...]) -> Iterator[tuple[tuple[Part, ...], str]]:
    if isinstance(value, str):
        if value:
            yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))


def _kind(model: type[BaseModel]) -> Any:
    field = model.model_fields.get("kind")
    return field.default if field is not None else None


@cache  # lint asks for every text's path; a class's fields never change
def _field(
    model: type[BaseModel], name: str
) -> tuple[frozenset[Marker], tuple[type[BaseModel], ...]]:
    """The markers on a field and the models its values (or their items) are."""
    info = model.model_fields[name]
    markers: set[Marker] = {m for m in info.metadata if isinstance(m, Marker)}
    models: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if get_origin(annotation) is Annotated:
            base, *metadata = get_args(annotation)
            markers.update(m for m in metadata if isinstance(m, Marker))
            visit(base)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            models.append(annotation)
        else:
            for argument in get_args(annotation):
                visit(argument)

    visit(info.annotation)
    return frozenset(markers), tuple(models)


def _reachable(root: type[BaseModel]) -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = [root]
    for model in seen:
        for name in model.model_fields:
            seen += [m for m in _field(model, name)[1] if m not in seen]
    return seen
