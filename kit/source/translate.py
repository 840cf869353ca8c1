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
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.errors import ContentError, KitError
from kit.source.editions import (
    TRANSLATIONS_DIR,
    check_language_code,
    text_paths,
    translatable,
    translation_file,
)
from kit.source.pofiles import read_catalog, value_at
from kit.source.yamlsource import Document, Mark, format_path

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# PO files carry no time of their own: the same workshop exports the same bytes.
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_NO_WRAP = 1 << 20  # wider than any text field (20,000 characters)


def export_catalog(document: Document, language: str, previous: Catalog | None) -> Catalog:
    """A catalog of every translatable text in ``document`` for ``language``.

    ``previous`` (the edition as it is) gives the translations to keep; one made from a
    source text that has since changed is kept but marked fuzzy.
    """
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        locale=_babel_locale(language),
        project=str(value_at(document.data, ("title",)) or "workshop"),
        creation_date=_EPOCH,
        revision_date=_EPOCH,
        fuzzy=False,
    )
    old = {m.context: m for m in previous if m.id} if previous is not None else {}
    name = Path(document.file).name
    for path in text_paths(document.data):
        source = value_at(document.data, path)
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
        text = value_at(edition.document.data, path)
        origin = value_at(source.data, path)
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
