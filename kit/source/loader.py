"""Load a workshop file: read, clean, fill in variables, validate, cross-check.

Every problem is collected and reported at once, each with its file, line, column and
field path. Nothing is rendered here and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path, PurePath
from typing import Any

import pydantic

from kit.errors import ContentError, KitError, Problem
from kit.model import (
    DEFAULT_TITLES,
    Workshop,
)
from kit.model.fields import WEB_ADDRESS, marked_data
from kit.model.schedule import total_minutes
from kit.source import assets, editions, wordcatalog
from kit.source.messages import cite_message, problems_from_errors, split_items
from kit.source.templating import TemplateProblem, Templates, has_template
from kit.source.themefonts import theme_fonts
from kit.source.yamlsource import Document, Path_, read_yaml_file
from kit.words.i18n import missing_catalog, words
from kit.words.typography import bound, curled, short_words, spaced

WORKSHOP_FILE = "workshop.yaml"
# Every metadata field is a template variable; these hold structure, not words.
_NOT_VARIABLES = frozenset({"sources", "glossary", "lint", "theme", "build", "sections"})
# Where a problem is: the workshop file, or the edition that gave the text.
Locator = Document | editions.Located
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
    language = data.get("language", "en")
    # kit's words from the workshop's own catalog are used from here on: checked first.
    bad_words = wordcatalog.check(file.parent, language) if isinstance(language, str) else []
    if bad_words:
        raise ContentError([*problems, *bad_words])
    _default_titles(data, file.parent)
    # One time budget for the whole file: many slow fields must not add up to hours.
    render = partial(Templates().render, variables=_template_variables(data))
    data = _fill_templates(data, (), render, located, problems)
    language = data.get("language")
    if isinstance(language, str):
        short = short_words(words(language, file.parent)("short_words"))
        data = _typeset(data, (), language, short)

    base_dir = file.parent.resolve()
    dropped: dict[str, tuple[str, ...]] = {}  # from templates, by path
    context = {
        "resolve_asset": lambda value, kinds: assets.resolve(base_dir, value, kinds, dropped)
    }
    workshop = None
    try:
        workshop = Workshop.model_validate(data, context=context)
    except pydantic.ValidationError as exc:
        problems.extend(_validation_problems(exc.errors(), located))
    if isinstance(data, dict):
        problems.extend(_check_references(data, located))
        problems.extend(_check_links(data, located))
    if workshop is not None:
        problems.extend(_check_breaks(workshop, located))
    if problems:
        raise ContentError(problems)
    assert workshop is not None
    workshop = _with_template_fonts(workshop).with_folder(base_dir)
    language_warnings = _language_warnings(workshop, document, base_dir)
    warnings = (
        *fallbacks,
        *language_warnings,
        *_warnings(workshop, document, dropped),
        *split_items(document),
    )
    return LoadedWorkshop(workshop, file, document, warnings, edition)


def read_source(path: Path) -> tuple[Path, Document, Any, list[Problem]]:
    """The workshop file at ``path``, read and its text cleaned; problems with the text."""
    file = find_workshop_file(path)
    problems: list[Problem] = []  # a duplicate key is reported with everything else
    document = read_yaml_file(file, str(file), problems)
    if not isinstance(document.data, dict):
        raise ContentError(
            [*problems, document.problem((), "a workshop file is a mapping of fields")]
        )
    return file, document, _clean(document.data, (), document, problems), problems


def _validation_problems(errors: list[Any], located: editions.Located) -> list[Problem]:
    """Validation errors in plain words, each in the file (edition or workshop) it came from."""
    groups: dict[int, tuple[Document, list[Any]]] = {}
    for error in errors:
        document = located.document_for(tuple(error["loc"]))
        groups.setdefault(id(document), (document, []))[1].append(error)
    return [
        problem
        for document, group in groups.values()
        for problem in problems_from_errors(group, document)
    ]


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
        # Embeddings, overrides and isolates show text in another order than it is stored
        # (a web address, a phone number); right-to-left text needs none of them.
        if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            return f"U+{code:04X} (a bidirectional control, which can disguise text)"
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


def _typeset(value: Any, path: Path_, language: str, short: frozenset[str]) -> Any:
    """Every text in the language's quotation marks and spacing around punctuation, its
    units held on one line (``short``: the language's short words); ids, paths and URLs
    as they are."""
    if isinstance(value, str):
        if not editions.translatable(path):
            return value
        return _typeset_text(value, language, short)
    if isinstance(value, list):
        return [_typeset(item, (*path, i), language, short) for i, item in enumerate(value)]
    if isinstance(value, dict):
        return {k: _typeset(v, (*path, k), language, short) for k, v in value.items()}
    return value


@lru_cache(maxsize=1 << 14)  # a watch loads the workshop after each edit: most texts as they were
def _typeset_text(text: str, language: str, short: frozenset[str]) -> str:
    return bound(spaced(curled(text, language), language), language, short)


def _template_variables(data: dict[str, Any]) -> dict[str, str]:
    """``{{ presenters }}`` and the rest, as written (a list joined with commas)."""
    return {
        name: _as_text(data.get(name, field.default))
        for name, field in Workshop.model_fields.items()
        if name not in _NOT_VARIABLES
    }


def _as_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(item for item in value if isinstance(item, str))
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return "" if value is None or isinstance(value, dict) else str(value)


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


# --- cross-references and warnings ---------------------------------------------------------


def _raw_blocks(data: dict[str, Any]) -> Iterator[tuple[Path_, str, dict[str, Any]]]:
    """Every well-formed block of the unvalidated data, so checks run beside validation."""
    for s, section in _items(data.get("sections")):
        for b, block in _items(section.get("blocks") if isinstance(section, dict) else None):
            if isinstance(block, dict) and len(block) == 1:
                ((kind, body),) = block.items()
                if isinstance(body, dict):
                    yield ("sections", s, "blocks", b, kind), kind, body


def _items(value: Any) -> Iterator[tuple[int, Any]]:
    return enumerate(value) if isinstance(value, list) else iter(())


def _check_breaks(workshop: Workshop, document: Locator) -> Iterator[Problem]:
    last = len(workshop.sections) - 1
    if workshop.sections[last].break_after is not None:
        message = "the last section cannot have a break after it: the workshop ends there"
        yield document.problem(("sections", last, "break_after"), message, at_key=True)


def _check_references(data: dict[str, Any], document: Locator) -> Iterator[Problem]:
    """Source ids, citations and alt text, on the raw data: reported with validation errors."""
    seen: set[str] = set()
    for index, source in _items(data.get("sources")):
        source_id = source.get("id") if isinstance(source, dict) else None
        if not isinstance(source_id, str):
            continue
        if source_id in seen:
            yield document.problem(("sources", index, "id"), f"duplicate source id '{source_id}'")
        seen.add(source_id)
    for path, kind, body in _raw_blocks(data):
        for index, source_id in _items(body.get("cite")):
            if isinstance(source_id, str) and source_id not in seen:
                message = cite_message(source_id, seen, kind)
                yield document.problem((*path, "cite", index), message)
        alt, picture = body.get("alt"), body.get("path")
        if kind == "image" and isinstance(alt, str) and names_a_file(alt, str(picture or "")):
            message = "alt text looks like a file name or path; say what the picture shows"
            yield document.problem((*path, "alt"), message)


def _check_links(data: dict[str, Any], document: Locator) -> Iterator[Problem]:
    """Web addresses short enough for the handouts' QR codes and tables (reportlab fails beyond)."""
    for path, url in marked_data((Workshop,), data, WEB_ADDRESS):
        if isinstance(url, str) and len(url.encode("utf-8")) > MAX_URL_BYTES:
            message = f"web address is longer than {MAX_URL_BYTES:,} bytes, too long to print"
            yield document.problem(path, message)


def names_a_file(alt: str, path: str) -> bool:
    """Whether ``alt`` is a file name or path (the picture's own, or any) and not a description."""
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


def _with_template_fonts(workshop: Workshop) -> Workshop:
    """The workshop set in its template's theme fonts wherever it names no font itself."""
    theme = workshop.theme
    if theme.template is None:
        return workshop
    named = theme.fonts.model_fields_set if "fonts" in theme.model_fields_set else set()
    heading, body = theme_fonts(theme.template)
    taken = {k: v for k, v in (("heading", heading), ("body", body)) if v and k not in named}
    if not taken:
        return workshop
    fonts = theme.fonts.model_copy(update=taken)
    return workshop.model_copy(update={"theme": theme.model_copy(update={"fonts": fonts})})


def _warnings(
    workshop: Workshop, document: Document, dropped: dict[str, tuple[str, ...]]
) -> Iterator[Problem]:
    planned = total_minutes(workshop)
    breaks = " and breaks" if any(s.break_after for s in workshop.sections) else ""
    if workshop.duration is not None and planned != workshop.duration:
        yield document.problem(
            ("duration",),
            f"sections{breaks} add up to {planned} minutes, "
            f"but the workshop lasts {workshop.duration}",
        )
    left_out = dropped.get(workshop.theme.template or "")
    if left_out:
        message = "dropped from the template, as no deck can use it: " + "; ".join(left_out)
        yield document.problem(("theme", "template"), message)
