"""PO files as kit reads them: a catalog, located when malformed, and a PO edition.

A PO edition (``translations/<lang>.po``, made by ``kit translate``) is read here into the
mirror of the workshop a YAML edition would be, so that loading an edition needs nothing
of the translator's workflow (``kit.source.translate``), which itself loads workshops.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.errors import ContentError, Problem
from kit.source.yamlsource import MAX_INPUT_BYTES, Document, Mark, Path_

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> Path_ | None:
    """``sections[2].blocks`` -> ``('sections', 2, 'blocks')``; None if it is no field path."""
    parts: list[str | int] = []
    position = 0
    for match in _PART.finditer(text):
        if match.start() != position + (1 if parts and text[position] == "." else 0):
            return None
        parts.append(int(match[2]) if match[2] is not None else match[1])
        position = match.end()
    return tuple(parts) if parts and position == len(text) else None


def value_at(data: Any, path: Path_) -> Any:
    for part in path:
        inside = (
            part < len(data)
            if isinstance(data, list) and isinstance(part, int)
            else isinstance(data, dict) and part in data
        )
        if not inside:
            return None
        data = data[part]
    return data


def read_catalog(path: Path) -> Catalog:
    """A PO file read with Babel; a malformed one is a located error, not a traceback."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise ContentError([Problem(str(path), 1, 1, "", f"cannot be read: {exc}")]) from None
    if len(raw) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        raise ContentError([Problem(str(path), 1, 1, "", f"is larger than {limit} MiB")])
    try:
        return read_po(io.BytesIO(raw), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        # Babel raises a bare ValueError for a header like "nplurals=x".
        line = re.search(r"line (\d+)", str(exc))
        raise ContentError(
            [Problem(str(path), int(line[1]) if line else 1, 1, "", f"not a PO file: {exc}")]
        ) from None


def read_edition(file: Path, base: Any) -> tuple[Document, frozenset[Path_], list[Problem]]:
    """A PO edition as the mirror of ``base`` a YAML edition would be, and its stale entries.

    Untranslated and stale entries are left out (the default text stands in); entries for
    fields the workshop no longer has are warnings, as ``kit translate export`` drops them.
    """
    catalog = read_catalog(file)
    data: dict[str, Any] = {}
    positions: dict[Path_, Mark] = {}
    stale: set[Path_] = set()
    warnings: list[Problem] = []
    for message in catalog:
        if not message.id:
            continue
        mark = Mark(message.lineno or 1, 1)
        context = str(message.context or "")
        path = parse_path(context)
        source = value_at(base, path) if path else None
        if path is None or not isinstance(source, str):
            warnings.append(
                Problem(
                    str(file),
                    mark.line,
                    1,
                    context,
                    "the workshop file has no such text; kit translate export drops it",
                )
            )
            continue
        string = message.string if isinstance(message.string, str) else ""
        if not string:
            continue
        positions[path] = mark
        if message.fuzzy or message.id != source:
            stale.add(path)
            reason = "marked fuzzy" if message.id == source else "its source text has changed"
            warnings.append(
                Problem(
                    str(file),
                    mark.line,
                    1,
                    context,
                    f"stale translation ({reason}); using the default text until it is updated",
                )
            )
            continue
        _put(data, base, path, string)
    return Document(data, positions, {}, str(file)), frozenset(stale), warnings


def _put(tree: dict[str, Any], base: Any, path: Path_, value: str) -> None:
    """Set ``value`` at ``path``, making mappings and lists as long as the base's on the way."""
    node: Any = tree
    for depth, part in enumerate(path[:-1]):
        below = value_at(base, path[: depth + 1])
        empty: Any = [None] * len(below) if isinstance(below, list) else {}
        if isinstance(node, list):
            node[part] = node[part] if node[part] is not None else empty  # type: ignore[index]
            node = node[part]  # type: ignore[index]
        else:
            node = node.setdefault(part, empty)
    node[path[-1]] = value
