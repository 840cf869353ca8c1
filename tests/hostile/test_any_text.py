"""Any Unicode text in any text field: it builds and comes out as typed, or it is refused
with a located error. Never a traceback.

"As typed" means kit's cleaning (NFC, control characters removed) and emphasis markers
taken out, compared without whitespace (lines wrap). The deck stores every character; a
PDF can only show characters its font has (Liberation Sans: Latin, Greek, Cyrillic), so
the others (emoji, Arabic, CJK) are left out of the PDF comparison: reportlab draws them
as empty boxes, a known limit.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kit.app.build import build
from kit.errors import ContentError
from kit.layout.fonts import metrics
from kit.model import markup
from kit.source.loader import clean_text, load
from kit.source.templating import has_template

from ..conftest import raw_pages
from .outputs import deck_text


def _workshop() -> dict[str, Any]:
    """A small workshop with every kind of text field the property puts text into."""
    stages = [{"name": f"Stage {n}", "description": "A stage."} for n in (1, 2, 3)]
    blocks: list[dict[str, Any]] = [
        {"bullets": {"title": "Points", "items": ["A point"]}},
        {"definition": {"term": "Term", "meaning": "A meaning."}},
        {"quote": {"text": "A quote.", "attribution": "Someone"}},
        {"drill": {"challenges": [{"statement": "A statement.", "responses": ["A reply."]}]}},
        {
            "continuum": {
                "title": "Continuum",
                "stages": stages,
                "axis": {"start": "Start", "end": "End"},
                "scenarios": ["A scenario."],
            }
        },
    ]
    sections = [{"title": "Section", "duration": "10", "blocks": blocks}]
    return {"title": "Workshop", "organisation": "Org", "sections": sections}


@dataclass(frozen=True)
class Field:
    """Where a text goes in the workshop, and which renderer and PDF show it."""

    name: str
    path: tuple[str | int, ...]
    renderer: str
    pdf: str


FIELDS = [
    Field("workshop title", ("title",), "handouts", "handout.pdf"),
    Field("section title", ("sections", 0, "title"), "handouts", "handout.pdf"),
    Field(
        "bullet item",
        ("sections", 0, "blocks", 0, "bullets", "items", 0),
        "handouts",
        "handout.pdf",
    ),
    Field(
        "definition meaning",
        ("sections", 0, "blocks", 1, "definition", "meaning"),
        "handouts",
        "handout.pdf",
    ),
    Field("quote text", ("sections", 0, "blocks", 2, "quote", "text"), "handouts", "handout.pdf"),
    Field(
        "drill statement",
        ("sections", 0, "blocks", 3, "drill", "challenges", 0, "statement"),
        "exercises",
        "drill-worksheet.pdf",
    ),
    Field(
        "continuum stage",
        ("sections", 0, "blocks", 4, "continuum", "stages", 0, "name"),
        "exercises",
        "continuum-worksheet.pdf",
    ),
    Field(
        "continuum scenario",
        ("sections", 0, "blocks", 4, "continuum", "scenarios", 0),
        "exercises",
        "continuum-worksheet.pdf",
    ),
]

# Anything, weighted towards what breaks things: markup, YAML and template syntax,
# controls, invisible and bidi characters, noncharacters, surrogates, emoji, other scripts.
_NASTY = "<>&;*\\\"'{}%#:-!|\t\n\r\x00\x07\x1b\x7f\x85\x9b\xa0\xad\u200b\u202e\ufeff\ufffe😀"
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(_NASTY),
        st.characters(categories=["Cs"]),
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF),  # Cyrillic
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),  # Arabic
        st.sampled_from(string.ascii_letters + " "),
    ),
    min_size=1,
    max_size=60,
)
# Small counts keep the suite fast; loading alone takes milliseconds, a build a few tenths.
LOADS = settings(max_examples=100)
BUILDS = settings(max_examples=25)


def _write(folder: Path, field: Field, text: str) -> Path:
    data = _workshop()
    parent: Any = data
    for part in field.path[:-1]:
        parent = parent[part]
    parent[field.path[-1]] = text
    # Every scalar double-quoted: escapes carry controls, noncharacters and surrogates.
    dumped = yaml.safe_dump(data, allow_unicode=True, default_style='"', width=10**9)
    file = folder / "workshop.yaml"
    file.write_text(dumped, encoding="utf-8")
    return file


def _assert_located(error: ContentError, file: Path) -> None:
    lines = file.read_bytes().count(b"\n") + 1
    assert error.problems
    for problem in error.problems:
        assert problem.file == str(file)
        assert 1 <= problem.line <= lines and problem.column >= 1


def _squeezed(text: str, keep: Callable[[str], bool] = lambda char: True) -> str:
    return "".join(char for char in text if keep(char) and not char.isspace())


def _drawable(char: str) -> bool:
    """A character the PDF font can draw; format characters (soft hyphen, zero-width
    joiners, bidi marks) are invisible by design and extractors drop them."""
    visible = unicodedata.category(char) != "Cf"
    return visible and metrics().covers(char) and metrics(bold=True).covers(char)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    return lambda: tmp_path_factory.mktemp("text")


@LOADS
@given(field=st.sampled_from(FIELDS), text=TEXT)
def test_any_text_loads_clean_or_is_refused_with_a_located_error(
    scratch: Callable[[], Path], field: Field, text: str
) -> None:
    file = _write(scratch(), field, text)
    try:
        loaded = load(file)
    except ContentError as error:
        _assert_located(error, file)
        return
    value: Any = loaded.document.data  # the file carries the text exactly (a test check)
    for part in field.path:
        value = value[part]
    assert value == text
    for loaded_text in _strings(loaded.workshop.model_dump()):
        assert unicodedata.is_normalized("NFC", loaded_text)
        assert not _UNCLEAN & set(loaded_text)


_UNCLEAN = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)} - {"\t", "\n"}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


@BUILDS
@given(field=st.sampled_from(FIELDS), text=TEXT)
def test_any_text_builds_and_comes_out_as_typed(
    scratch: Callable[[], Path], field: Field, text: str
) -> None:
    folder = scratch()
    file = _write(folder, field, text)
    try:
        build(file, folder / "out", only=["slides", field.renderer])
    except ContentError as error:
        event("refused")
        _assert_located(error, file)
        return
    event("built")
    typed = markup.plain(clean_text(text))
    if has_template(text):
        return  # rendered by jinja2: what comes out is the template's output, not the text
    assert _squeezed(typed) in _squeezed(deck_text(folder / "out" / "deck.pptx"))
    pdf = "".join(raw_pages(folder / "out" / field.pdf))  # drawing order: "-" stays put
    assert _squeezed(typed, _drawable) in _squeezed(pdf, _drawable)
