"""One type scale per deck (#15), checked on LibreOffice's render of the deck.

Each deck is built, printed by LibreOffice, and read back: the shapes' boxes and run sizes
from the .pptx, the words and their sizes from the PDF. Nothing here asks kit's planner.
The sample and other organisations' workshops, in 16:9 and 4:3: first-aid has a nine-stage
continuum and a 403-character drill statement, bargaining a long continuum and tables.
"""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.util import Emu

from kit.app.build import build

from ..conftest import FIXTURES, ROOT
from ..readers import (
    Box,
    Page,
    Word,
    broken_words,
    rows,
    soffice_convert,
    with_fonts,
    word_pages,
    workshop_vocabulary,
)

SAMPLE = ROOT / "examples" / "sex-work-and-trafficking"
CASES = {
    "sample-16x9": (SAMPLE, "16:9"),
    "sample-4x3": (SAMPLE, "4:3"),
    "first-aid-4x3": (FIXTURES / "first-aid", "4:3"),
    "first-aid-16x9": (FIXTURES / "first-aid", "16:9"),
    "bargaining-16x9": (FIXTURES / "bargaining", "16:9"),
    "bargaining-4x3": (FIXTURES / "bargaining", "4:3"),
    "tenants-union-16x9": (FIXTURES / "tenants-union", "16:9"),
    # a title continued onto a second line ("(cont.)"), Technique boxes a word too long
    "cycle-coop-4x3": (FIXTURES / "cycle-coop", "4:3"),
    "other-workshop-4x3": (FIXTURES / "other-workshop", "4:3"),
}
FOOTER = 36.0  # points at the foot of every slide: the presenter's mark, footer, number
BODY_FLOOR = 18.0
FLOOR = 14.0  # tables, captions, source lines
# Shapes whose every word a participant reads from the back of the room.
AT_BODY_FLOOR = ("Statement", "Technique", "Stage ", "Axis", "Introduction", "Time and groups")
SHORT = ("Title", "Display", "Body", "Technique")  # one-paragraph shapes, balanced


@dataclass(frozen=True)
class Shape:
    name: str
    box: Box
    sizes: frozenset[float]  # the run sizes the .pptx gives its paragraphs
    text: str


@dataclass(frozen=True)
class Deck:
    name: str
    shapes: list[list[Shape]]  # per slide
    pages: list[Page]  # LibreOffice's render, with sizes
    vocabulary: frozenset[str]
    warnings: tuple[str, ...]  # what the build said
    pptx: Path


def _shapes(pptx: Path) -> list[list[Shape]]:
    slides = []
    for slide in Presentation(str(pptx)).slides:
        shapes = []
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            x, y = Emu(shape.left).pt, Emu(shape.top).pt
            box = Box(x, y, x + Emu(shape.width).pt, y + Emu(shape.height).pt)
            sizes = frozenset(
                run.font.size.pt
                for para in shape.text_frame.paragraphs
                for run in para.runs
                if run.font.size and run.text.strip()
            )
            shapes.append(Shape(shape.name, box, sizes, shape.text_frame.text))
        slides.append(shapes)
    return slides


def _edition(folder: Path, slide_size: str, into: Path) -> Path:
    """A copy of the workshop at ``folder`` in ``slide_size``."""
    shutil.copytree(folder, into)
    path = into / "workshop.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("theme", {})["slide_size"] = slide_size
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return into


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Deck]:
    root = tmp_path_factory.mktemp("type-scale")
    pptxs = {}
    warnings = {}
    for name, (folder, size) in CASES.items():
        out = root / name
        warnings[name] = tuple(
            build(_edition(folder, size, root / "src" / name), out, only=["slides"]).warnings
        )
        pptxs[name] = root / "decks" / f"{name}.pptx"
        pptxs[name].parent.mkdir(exist_ok=True)
        shutil.copyfile(out / "deck.pptx", pptxs[name])
    pdfs = soffice_convert(list(pptxs.values()), root / "pdf")
    return {
        name: Deck(
            name,
            _shapes(pptx),
            with_fonts(word_pages(pdf), pdf),
            workshop_vocabulary(CASES[name][0]),
            warnings[name],
            pptx,
        )
        for (name, pptx), pdf in zip(pptxs.items(), pdfs, strict=True)
    }


def _inside(page: Page, box: Box) -> list[Word]:
    return [word for word in page.words if box.inset(-1, -1).holds(word.box, 1.5)]


def _lines_in(page: Page, box: Box) -> list[list[Word]]:
    """The rows of words whose middle lies in ``box``: a box fitted to its text, anchored at
    the bottom, has its last line's descent below it."""
    return rows(w for w in page.words if box.holds(Box(*w.box.centre, *w.box.centre), 0.5))


def _body_sizes(deck: Deck) -> tuple[Counter[float], Counter[float]]:
    """The largest size in each slide's body, as written in the .pptx and as rendered."""
    written: Counter[float] = Counter()
    seen: Counter[float] = Counter()
    for shapes, page in zip(deck.shapes, deck.pages, strict=True):
        for shape in shapes:
            if shape.name == "Body":
                written[max(shape.sizes)] += 1
                seen[round(max(word.size or 0 for word in _inside(page, shape.box)), 1)] += 1
    return written, seen


@pytest.mark.parametrize("name", CASES)
def test_the_body_is_one_size_on_every_slide(decks: dict[str, Deck], name: str) -> None:
    written, seen = _body_sizes(decks[name])
    assert len(written) == 1, f"{name}: body sizes written {dict(written)}"
    assert len(seen) == 1, f"{name}: body sizes rendered {dict(seen)}"
    assert min(seen) >= BODY_FLOOR


@pytest.mark.parametrize("name", CASES)
def test_every_slide_keeps_the_floor(decks: dict[str, Deck], name: str) -> None:
    """No word under 14 pt outside the footer; exercise text at 18 pt or more."""
    deck = decks[name]
    problems = []
    for shapes, page in zip(deck.shapes, deck.pages, strict=True):
        for word in page.words:
            if word.box.y0 < page.height - FOOTER and (word.size or FLOOR) < FLOOR - 0.05:
                problems.append(f"p{page.number}: {word.at()} is {word.size:g} pt")
        for shape in shapes:
            if shape.name.startswith(AT_BODY_FLOOR):
                problems += [
                    f"p{page.number}: {shape.name}: {word.at()} is {word.size:g} pt"
                    for word in _inside(page, shape.box)
                    if (word.size or BODY_FLOOR) < BODY_FLOOR - 0.05
                ]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("name", CASES)
def test_no_word_is_broken(decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    problems = [p for page in deck.pages for p in broken_words(page, deck.vocabulary)]
    assert not problems, "\n".join(problems[:20])


def _resources(folder: Path) -> list[tuple[str, str]]:
    """Each resource's name (its start) and its web address, from the source."""
    data = yaml.safe_load((folder / "workshop.yaml").read_text(encoding="utf-8"))
    # the name's first two words (the rest may wrap at a hyphen), as the deck curls them
    return [
        (" ".join(item["name"].split()[:2]).replace("'", "’"), item["url"])
        for section in data["sections"]
        for block in section.get("blocks", ())
        for item in block.get("resources", {}).get("items", ())
        if item.get("url")
    ]


@pytest.mark.parametrize("name", [name for name in CASES if _resources(CASES[name][0])])
def test_an_address_stays_with_its_resource(decks: dict[str, Deck], name: str) -> None:
    """A resource's address on the slide that names it, never alone on a "(cont.)" slide."""
    deck = decks[name]
    problems = []
    for resource, url in _resources(CASES[name][0]):
        for page in deck.pages:
            shown = url in "".join(word.text for word in page.words)  # wrapped or not
            if shown and page.find(resource) is None:
                problems.append(f"p{page.number}: {url} without '{resource}'")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["sample-4x3", "other-workshop-4x3"])
def test_a_closing_address_breaks_only_where_a_url_may(decks: dict[str, Deck], name: str) -> None:
    """#15: each web address on the closing slide whole (at 14 pt or more: the floor test
    above), its lines parted only after "//" or before a "/" or "."."""
    data = yaml.safe_load((CASES[name][0] / "workshop.yaml").read_text(encoding="utf-8"))
    urls = {url for url in (data.get("feedback_url"), data.get("web", {}).get("url")) if url}
    page, shapes = decks[name].pages[-1], decks[name].shapes[-1]
    shown = {}
    for shape in shapes:
        if shape.name == "Address":
            lines = ["".join(word.text for word in row) for row in rows(_inside(page, shape.box))]
            shown["".join(lines)] = lines
    assert set(shown) == urls, f"{name}: {shown}"
    for lines in shown.values():
        for line, following in itertools.pairwise(lines):
            assert line.endswith("//") or following[0] in "/.", f"{name}: {line} / {following}"


def test_the_sample_builds_every_output_without_a_warning(tmp_path: Path) -> None:
    """#15: the sample's warning count stays at zero, its continuum whole on its slide."""
    assert build(SAMPLE, tmp_path).warnings == []


# Decks with a slide too long for the body size most of their slides take (read on each
# deck: the smallest size its slides would need is 19 to 21 pt).
CONTINUING = ["sample-16x9", "first-aid-4x3", "bargaining-16x9"]


@pytest.mark.parametrize("name", CONTINUING)
def test_a_long_slide_continues_rather_than_shrinking_the_deck(
    decks: dict[str, Deck], name: str
) -> None:
    """The body keeps the size most slides take; a slide too long for it continues on a
    "(cont.)" slide at the same size, with no warning when it would fit one slide at the
    floor (the deck's choice, not the author's)."""
    deck = decks[name]
    _, seen = _body_sizes(deck)
    (size,) = seen
    assert size >= 24, f"{name}: the body shrank to {size:g} pt"
    continued = {
        title.text.split(" (cont.")[0]
        for shapes in deck.shapes
        for title in shapes
        if title.name == "Title"
        and " (cont." in title.text
        and any(shape.name == "Body" for shape in shapes)
    }
    warned = [w for w in deck.warnings if "does not fit one slide" in w]
    # one warning a run too long even at the floor; the others continued unwarned
    assert len(continued) > len(warned), f"{name}: {sorted(continued)}, warned: {warned}"


# Decks with drill techniques: sample, first-aid (4:3, 12 challenges), tenants-union (two
# challenges whose responses continue over several slides).
TECHNIQUES = ["sample-16x9", "sample-4x3", "first-aid-4x3", "tenants-union-16x9"]


@pytest.mark.parametrize("name", TECHNIQUES)
def test_the_technique_box_is_one_gap_under_the_last_response(
    decks: dict[str, Deck], name: str
) -> None:
    """#15: the same distance from the last response's last line to the Technique box on
    every response slide, never touching it, whatever the responses' length."""
    deck = decks[name]
    gaps = []
    for shapes, page in zip(deck.shapes, deck.pages, strict=True):
        named = {shape.name: shape for shape in shapes}
        if "Technique" not in named or "Body" not in named:
            continue
        technique, body = named["Technique"].box, named["Body"].box
        # a word box holds the line's descent, below a box fitted to its text: by its middle
        responses = [
            word
            for word in page.words
            if body.x0 - 1 <= word.box.x0
            and word.box.x1 <= body.x1 + 1
            and body.y0 <= word.box.centre[1] <= min(body.y1, technique.y0)
        ]
        gaps.append(round(technique.y0 - max(word.box.y1 for word in responses), 1))
    assert gaps, f"{name}: no response slide with a Technique box"
    assert min(gaps) >= 12 and max(gaps) - min(gaps) <= 2, f"{name}: gaps {sorted(gaps)}"


def _tables(pptx: Path, title: str) -> list[tuple[int, Box, list[list[str]]]]:
    """The tables on the slides whose title starts with ``title``: slide number, frame and
    each row's cells, as the .pptx holds them (a line break read as a space, as a reader does)."""
    found = []
    for number, slide in enumerate(Presentation(str(pptx)).slides, start=1):
        if not slide.shapes.title.text_frame.text.startswith(title):
            continue
        for shape in slide.shapes:
            if getattr(shape, "has_table", False) and shape.has_table:
                x, y = Emu(shape.left).pt, Emu(shape.top).pt
                box = Box(x, y, x + Emu(shape.width).pt, y + Emu(shape.height).pt)
                rows = [[c.text.replace("\v", " ") for c in row.cells] for row in shape.table.rows]
                found.append((number, box, rows))
    return found


@pytest.mark.parametrize(("name", "size"), [("bargaining-16x9", 14.5), ("bargaining-4x3", 16.5)])
def test_a_fourteen_row_comparison_continues_at_one_size_under_its_header(
    decks: dict[str, Deck], name: str, size: float
) -> None:
    """The union's claim against the employer's offer, 14 rows of long cells: too long for
    one slide even at 14 pt, it continues at the largest size that needs no more slides
    than 14 pt does, with the column headings on each slide and every row once, in order."""
    deck = decks[name]
    data = yaml.safe_load((CASES[name][0] / "workshop.yaml").read_text(encoding="utf-8"))
    (block,) = [b["comparison"] for s in data["sections"] for b in s["blocks"] if "comparison" in b]
    header = [text.replace("'", "’") for text in block["columns"]]
    tables = _tables(deck.pptx, block["title"])
    assert len(tables) >= 2, f"{name}: the comparison is on {len(tables)} slide(s)"
    rows = []
    for number, box, cells in tables:
        page = deck.pages[number - 1]
        said = [cell.replace("\u00a0", " ") for cell in cells[0]]  # "3 October" held (#15)
        assert said == header, f"{name}: slide {number} opens with {cells[0]}"
        heading = page.find(header[0])
        assert heading is not None and box.holds(heading, 1.5), f"{name}: p{number}: no header"
        words = [word for word in page.words if box.holds(word.box, 1.5)]
        sizes = {round(word.size or 0, 1) for word in words}
        assert sizes == {size}, f"{name}: p{number}: the table's sizes are {sizes}"
        assert min(word.box.y0 for word in words) >= heading.y0 - 1  # the header on top
        rows += cells[1:]
    assert [row[0] for row in rows] == [row[0].replace("'", "’") for row in block["rows"]]


@pytest.mark.parametrize("name", ["first-aid-4x3", "first-aid-16x9"])
def test_a_long_statement_and_nine_stages_keep_the_floor(decks: dict[str, Deck], name: str) -> None:
    """First-aid's 403-character statement whole on its slide at 18 pt or more, and its
    nine-stage continuum's names each whole in its stage at 18 pt or more."""
    deck = decks[name]
    data = yaml.safe_load((CASES[name][0] / "workshop.yaml").read_text(encoding="utf-8"))
    blocks = [b for s in data["sections"] for b in s["blocks"]]
    statement = max(
        (c["statement"] for b in blocks if "drill" in b for c in b["drill"]["challenges"]),
        key=len,
    ).replace("'", "’")
    assert len(statement) >= 400
    words = statement.split()
    (page,) = [  # its second to fourth words and its last (the quotation marks aside)
        p
        for p in deck.pages
        if p.find(" ".join(words[1:4])) and any(w.text.startswith(words[-1]) for w in p.words)
    ]
    shown = [w for w in page.words if w.box.y0 < page.height - FOOTER and w.box.y0 > 100]
    assert min(word.size or 0 for word in shown) >= BODY_FLOOR, f"{name}: p{page.number}"
    (stages,) = [b["continuum"]["stages"] for b in blocks if "continuum" in b]
    assert len(stages) == 9
    (slide,) = [
        (shapes, page)
        for shapes, page in zip(deck.shapes, deck.pages, strict=True)
        if any(shape.name.startswith("Stage 9:") for shape in shapes)
    ]
    shapes, page = slide
    for number, stage in enumerate(stages, start=1):
        (box,) = [s.box for s in shapes if s.name.startswith(f"Stage {number}:")]
        found = page.find(stage["name"])
        assert found is not None and box.holds(found, 1.5), f"{name}: {stage['name']}"
        sizes = [word.size or 0 for word in _inside(page, box)]
        assert min(sizes) >= BODY_FLOOR, f"{name}: stage {number} at {min(sizes):g} pt"


@pytest.mark.parametrize("name", CASES)
def test_no_word_is_left_alone_on_a_short_paragraphs_last_line(
    decks: dict[str, Deck], name: str
) -> None:
    """#15: a title, a statement or prompt alone on its slide, a one-paragraph body or a
    drill's Technique box never ends on a line of one word when the line above has words
    to spare."""
    deck = decks[name]
    problems = []
    for shapes, page in zip(deck.shapes, deck.pages, strict=True):
        for shape in shapes:
            if shape.name not in SHORT or "\n" in shape.text.strip():
                continue
            lines = _lines_in(page, shape.box)
            if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 2:
                problems.append(f"p{page.number}: {shape.name}: ... / {lines[-1][0].text}")
    assert not problems, "\n".join(problems)


def test_a_table_long_at_every_size_takes_the_largest_that_needs_no_more_slides(
    decks: dict[str, Deck],
) -> None:
    """Tenants-union's 30 claims need five slides at the floor (14 pt) and five at 16 pt:
    they go over five at 16 pt, every row once, where at 14 pt the lower third of each
    slide stood empty."""
    deck = decks["tenants-union-16x9"]
    tables = _tables(deck.pptx, "Claims and the law")
    assert len(tables) == 5
    for number, box, _ in tables:
        words = [word for word in deck.pages[number - 1].words if box.holds(word.box, 1.5)]
        sizes = {round(word.size or 0, 1) for word in words}
        assert sizes == {16.0}, f"p{number}: the table's sizes are {sizes}"
    claims = [row[0] for _, _, cells in tables for row in cells[1:]]
    assert [claim.split(".")[0] for claim in claims] == [str(n) for n in range(1, 31)]


def test_a_response_longer_than_a_slide_parts_between_sentences_in_halves(
    decks: dict[str, Deck],
) -> None:
    """Challenge 2's one answer, 16 sentences (17 lines at 18 pt), is longer than a slide:
    it goes over two, parted after a sentence into halves (it was cut after "floor 14 has
    the same", 14 lines and 3)."""
    deck = decks["tenants-union-16x9"]
    parts = []
    for number, shapes in enumerate(deck.shapes, 1):
        named = {shape.name: shape for shape in shapes}
        if named["Title"].text.startswith("Challenge 2: suggested responses"):
            parts.append(_lines_in(deck.pages[number - 1], named["Body"].box))
    assert len(parts) == 2
    for lines in parts:
        assert lines[-1][-1].text == "one.", f"a part ends on {lines[-1][-1].text!r}"
    assert [word.text for word in parts[1][0][:4]] == ["Long", "answer", "sentence", "9:"]
    counts = [len(lines) for lines in parts]
    assert max(counts) - min(counts) <= 2, f"lines on each slide: {counts}"
