"""No paragraph ends on a word alone (#15): where a text's last two words are short
("comment on the / talks."), they end it together in kit's handouts, guide and exercise
sheets, for the sample and workshops of other organisations, in English and German.

A fault is a line of one word under a line of the same block, the two words being the
last two of one of the workshop's texts (of three words or more, the two 16 characters or
fewer and no address). A stage's name is left out: the layout parts it in its narrow box.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation

from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE
from ..promises.viewer import shape_text_frames
from ..readers import Page
from . import DECK
from . import printed as print_all

CASES = {
    "sample": SAMPLE,
    "bargaining": FIXTURES / "bargaining",
    "first-aid": FIXTURES / "first-aid",
    "de-begleiten": FIXTURES / "de-begleiten",
}
PRINTED = (
    "handout.pdf",
    "handout-large-print.pdf",
    "facilitator-guide.pdf",
    "drill-cards.pdf",
    "continuum-worksheet.pdf",
)
_AROUND = "*_\"'“”‘’«»„‚()[]{}.,;:!?"  # a word's emphasis, quotes and punctuation


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("last-words")


@pytest.fixture(scope="module")
def printed(root: Path) -> dict[tuple[str, str], list[Page]]:
    return print_all(CASES, root, ["slides", "handouts", "exercises"], PRINTED)


def _texts(value: object, path: tuple[object, ...] = ()) -> Iterator[tuple[bool, str]]:
    """Every text of a model's dump, and whether it is a stage's name."""
    if isinstance(value, str):
        yield path[-3::2] == ("stages", "name"), value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _last_pairs(folder: Path) -> frozenset[tuple[str, str]]:
    """The last two words of each line of the workshop's texts that should end it together
    (not those that end a stage's name too: the name is printed on its own)."""
    pairs: dict[bool, set[tuple[str, str]]] = {True: set(), False: set()}
    for name, text in _texts(load(folder).workshop.model_dump()):
        for line in text.split("\n"):
            words = line.split()  # at no-break spaces too
            pair = " ".join(words[-2:]).replace("*", "")
            if len(words) >= 3 and len(pair) <= 16 and not any(c in pair for c in "/@"):
                pairs[name].add((_core(words[-2]), _core(words[-1])))
    return frozenset(pairs[False] - pairs[True])


def _core(word: str) -> str:
    return word.strip(_AROUND)


def _alone(page: Page, pairs: frozenset[tuple[str, str]]) -> list[str]:
    lines = page.lines()
    return [
        f"p{page.number}: '{' '.join(w.text for w in above)}' / '{below[0].text}'"
        for above, below in itertools.pairwise(lines)
        if len(below) == 1
        and len(above) > 1
        and above[-1].block == below[0].block
        and (_core(above[-1].text), _core(below[0].text)) in pairs
    ]


@pytest.mark.parametrize("document", PRINTED)
@pytest.mark.parametrize("name", CASES)
def test_no_text_ends_on_a_short_word_alone(
    printed: dict[tuple[str, str], list[Page]], name: str, document: str
) -> None:
    pairs = _last_pairs(CASES[name])
    assert pairs
    alone = [fault for page in printed[name, document] for fault in _alone(page, pairs)]
    assert not alone, f"{name}, {document}: a last word alone: {alone}"


def _parted_ends(deck: Path) -> frozenset[tuple[str, str]]:
    """The last two words of the deck's paragraphs kit parts (a line break read as a space,
    as a reader does): body paragraphs, a bold lead's too, table cells, stages' descriptions;
    not two words found inside a paragraph too ("can refuse, at"), which the print cannot
    tell from an end."""
    ends, inside = set(), set()
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            parted = shape.name == "Body" or shape.name.endswith(" description") or shape.has_table
            for frame in shape_text_frames(shape):
                for para in frame.paragraphs:
                    pairs = list(
                        itertools.pairwise(map(_core, para.text.replace("\v", " ").split()))
                    )
                    inside.update(pairs[:-1])
                    ends.update(pairs[-1:] if parted else ())
    return frozenset(ends - inside)


@pytest.mark.parametrize("name", CASES)
def test_no_deck_paragraph_ends_on_a_word_alone(
    printed: dict[tuple[str, str], list[Page]], root: Path, name: str
) -> None:
    """LibreOffice's print of the deck: bullets, short paragraphs, table cells and stages'
    descriptions end on two words ("comment on the / talks." was bargaining's slide 14, "on
    the / premises" its table, "Ohne jede / Unterkunft." a stage of de-begleiten), their
    lines parted by kit."""
    pairs = _last_pairs(CASES[name]) & _parted_ends(root / "decks" / f"{name}.pptx")
    assert pairs
    alone = [fault for page in printed[name, DECK] for fault in _alone(page, pairs)]
    assert not alone, f"{name}, deck: a last word alone: {alone}"


@pytest.mark.parametrize("document", PRINTED)
@pytest.mark.parametrize("name", CASES)
def test_no_straight_quote_is_printed(
    printed: dict[tuple[str, str], list[Page]], name: str, document: str
) -> None:
    """Kit's own words as well as the workshop's in typographic quotes and apostrophes (the
    guide's run sheet said "a section's" with a straight one); web addresses aside."""
    straight = [
        f"p{page.number}: {word.text}"
        for page in printed[name, document]
        for word in page.words
        if ("'" in word.text or '"' in word.text) and "/" not in word.text
    ]
    assert not straight, f"{name}, {document}: {straight}"
