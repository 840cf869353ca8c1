"""A translator's workflow in gettext's format: a workshop's text as a PO catalog and back.

``export_catalog`` writes one entry per text field: the field's path as msgctxt
(``sections[1].blocks[0].definition.meaning``), the source text as msgid and
``workshop.yaml:LINE`` as its reference, so a translator works in Poedit or Weblate
without seeing YAML. Exporting again keeps every translation whose source is unchanged and
marks the others fuzzy, with the old source as the previous msgid, as ``msgmerge`` does.

kit builds from the translated catalog itself: ``kit translate import`` checks it against
the workshop and places it at ``translations/<lang>.po``. Each entry remembers the source
text it translated (its msgid); when the workshop's text changes, the entry is stale: it is
not used (the default text stands in) and ``kit check --lang`` warns at its line, as it does
for entries a translator marked fuzzy. PO files are read and written with Babel.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.errors import ContentError, KitError, Problem
from kit.source.editions import (
    TRANSLATIONS_DIR,
    check_language_code,
    text_paths,
    translatable,
    translation_file,
)
from kit.source.yamlsource import MAX_INPUT_BYTES, Document, Mark, Path_, format_path

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
# PO files carry no time of their own: the same workshop exports the same bytes.
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_NO_WRAP = 1 << 20  # wider than any text field (20,000 characters)


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


def _value_at(data: Any, path: Path_) -> Any:
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


def export_catalog(document: Document, language: str, previous: Catalog | None) -> Catalog:
    """A catalog of every translatable text in ``document`` for ``language``.

    ``previous`` (the edition as it is) gives the translations to keep; one made from a
    source text that has since changed is kept but marked fuzzy.
    """
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        locale=_babel_locale(language),
        project=str(_value_at(document.data, ("title",)) or "workshop"),
        creation_date=_EPOCH,
        revision_date=_EPOCH,
        fuzzy=False,
    )
    old = {m.context: m for m in previous if m.id} if previous is not None else {}
    name = Path(document.file).name
    for path in text_paths(document.data):
        source = _value_at(document.data, path)
        if not translatable(path) or not source.strip():
            continue
        context = format_path(path)
        mark = document.positions.get(path, Mark(1, 1))
        before = old.get(context)
        string = before.string if before is not None and not before.fuzzy else ""
        flags: set[str] = set()
        previous_id: list[str] = []
        if before is not None and before.string and before.id != source:
            flags, previous_id, string = {"fuzzy"}, [str(before.id)], before.string
        catalog.add(
            source,
            string,
            locations=[(name, mark.line)],
            flags=flags,
            context=context,
            previous_id=previous_id,
        )
    return catalog


def _babel_locale(language: str) -> str:
    from kit.words.i18n import Words

    # Babel needs a locale it knows for plural forms; unknown tags keep their own name.
    return Words(language).locale() if language != "en" else "en"


def write_catalog(catalog: Catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        # One line per string: with width=0, Babel still wraps "#| msgid" comments at 76
        # columns and leaves the rest of the line unquoted, which no PO reader accepts.
        write_po(handle, catalog, width=_NO_WRAP, include_previous=True, sort_output=False)


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
        source = _value_at(base, path) if path else None
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
        below = _value_at(base, path[: depth + 1])
        empty: Any = [None] * len(below) if isinstance(below, list) else {}
        if isinstance(node, list):
            node[part] = node[part] if node[part] is not None else empty  # type: ignore[index]
            node = node[part]  # type: ignore[index]
        else:
            node = node.setdefault(part, empty)
    node[path[-1]] = value


def export(path: Path, language: str, out_file: Path | None) -> tuple[Path, Catalog]:
    """Write the catalog for ``language`` of the workshop at ``path``; the file and catalog.

    The edition's translations are carried over: a PO edition's entries, or a YAML
    edition's texts (taken as translations of today's source).
    """
    from kit.source.loader import load, read_source

    file, document, data, problems = read_source(path)
    if problems:
        raise ContentError(problems)
    cleaned = Document(data, document.positions, document.key_positions, document.file)
    edition = translation_file(file, language)
    target = out_file or file.parent / TRANSLATIONS_DIR / f"{language}.po"
    previous = None
    if edition.suffix == ".po" and edition.is_file():
        previous = read_catalog(edition)
    elif edition.is_file():
        if out_file is None:
            raise KitError(
                f"{edition} holds the '{language}' edition; give --out FILE for the catalog "
                "(it carries the edition's translations), then remove the YAML file and "
                "kit translate import the translated catalog"
            )
        previous = _yaml_translations(load(file, language), cleaned)
    catalog = export_catalog(cleaned, language, previous)
    write_catalog(catalog, target)
    return target, catalog


def _yaml_translations(loaded: Any, source: Document) -> Catalog:
    """A YAML edition's texts as a catalog whose msgids are today's source texts."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(fuzzy=False)
    edition = loaded.edition
    for path in text_paths(edition.document.data):
        text = _value_at(edition.document.data, path)
        origin = _value_at(source.data, path)
        if isinstance(text, str) and isinstance(origin, str) and path in edition.given:
            catalog.add(origin, text, context=format_path(path))
    return catalog


def import_catalog(path: Path, po_file: Path, language: str | None) -> Any:
    """Check a translated catalog against the workshop at ``path`` and make it its edition.

    The language comes from ``language`` or the catalog's ``Language`` header. The edition
    is loaded as ``kit build --lang`` would; if that fails, the previous edition is put
    back. Returns the loaded workshop. Raises ContentError for a malformed catalog or
    edition, KitError if a YAML edition is in the way.
    """
    from kit.source.loader import find_workshop_file, load

    workshop_file = find_workshop_file(path)
    catalog = read_catalog(po_file)
    language = language or (str(catalog.locale).replace("_", "-") if catalog.locale else None)
    if not language:
        raise KitError(f"{po_file}: no Language header; give the language with --lang")
    check_language_code(language)  # it names the file written
    folder = workshop_file.parent / TRANSLATIONS_DIR
    yaml_edition = folder / f"{language}.yaml"
    if yaml_edition.is_file():
        raise KitError(
            f"{yaml_edition} already holds the '{language}' edition; remove it (kit translate "
            "export carries its translations over) to keep the edition as a PO file"
        )
    target = folder / f"{language}.po"
    before = target.read_bytes() if target.is_file() else None
    folder.mkdir(parents=True, exist_ok=True)
    if po_file.resolve() != target.resolve():
        shutil.copyfile(po_file, target)
    try:
        return load(workshop_file, language)
    except KitError:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
        raise
