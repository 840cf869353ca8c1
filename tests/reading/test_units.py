"""Units held on one line (#15), read on the renders: a day and its month, a number and
its unit or noun, a sign or name and its number ("3 October", "48 hours", "Room 2",
"3 жовтня") never part at a line's end in LibreOffice's print of the deck, nor in kit's
handout, large print and facilitator guide.

The units are what ``bound`` marks in the workshop's texts (as the loader gives them) and
its date; each is found as two words in a row of the print, on one line.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest

from kit.source.loader import load
from kit.words.typography import NBSP, bound, short_words

from ..conftest import FIXTURES
from ..readers import Page, strings
from ..slides.test_type_scale import _edition as in_slide_size
from . import DECK
from . import printed as print_all

CASES = {
    "bargaining-4x3": FIXTURES / "bargaining",
    "fr-accueil-4x3": FIXTURES / "fr-accueil",
    "uk-suprovid-4x3": FIXTURES / "uk-suprovid",
}
PRINTED = ("handout.pdf", "handout-large-print.pdf", "facilitator-guide.pdf")
_AROUND = "*_\"'“”‘’«»„‚()[]{}.,;:!?"  # a word's emphasis, quotes and punctuation


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[Page]]:
    root = tmp_path_factory.mktemp("units")
    sources = {name: _in_4x3(folder, root / "src" / name) for name, folder in CASES.items()}
    return print_all(sources, root, ["slides", "handouts"], PRINTED)


def _in_4x3(folder: Path, into: Path) -> Path:
    """A copy of the workshop at ``folder`` in 4:3: its theme added as text where it has
    none (PyYAML cannot rewrite fr-accueil's French quotes)."""
    path = into / "workshop.yaml"
    if "\ntheme:" in (folder / "workshop.yaml").read_text(encoding="utf-8"):
        return in_slide_size(folder, "4:3", into)
    shutil.copytree(folder, into)
    path.write_text(path.read_text(encoding="utf-8") + '\ntheme: {slide_size: "4:3"}\n', "utf-8")
    return into


def _units(folder: Path) -> frozenset[tuple[str, str]]:
    """Each pair of words ``bound`` holds together in the workshop's texts and its date."""
    workshop = load(folder).workshop
    language = workshop.language
    said = workshop.interface_words()
    short = short_words(said("short_words"))
    texts = [*strings(workshop.model_dump()), said.date(workshop.date) if workshop.date else ""]
    pairs = set()
    for text in texts:
        for phrase in re.split(r"[ \t\n]+", bound(text, language, short)):  # not at NBSP
            parts = [_core(part) for part in phrase.split(NBSP)]
            pairs |= {(a, b) for a, b in itertools.pairwise(parts) if a and b}
    return frozenset(pairs)


def _core(word: str) -> str:
    return word.strip(_AROUND)


@pytest.mark.parametrize("document", [DECK, *PRINTED])
@pytest.mark.parametrize("name", CASES)
def test_no_unit_is_parted_at_a_line_end(
    printed: dict[tuple[str, str], list[Page]], name: str, document: str
) -> None:
    units = _units(CASES[name])
    held, parted = [], []
    for page in printed[name, document]:
        for one, other in zip(page.words, page.words[1:]):
            if (_core(one.text), _core(other.text)) in units:
                same_line = abs(one.box.y0 - other.box.y0) <= 2 and other.box.x0 > one.box.x0
                (held if same_line else parted).append(f"p{page.number}: {one.at()} / {other.text}")
    assert held, f"{name} {document}: no unit found (of {sorted(units)[:8]} ...)"
    assert not parted, "\n".join(parted)
