"""The slides that frame a deck (#15), read on LibreOffice's render: the title slide, the
agenda, the section dividers and every slide's footer.

The sample and other organisations' workshops (first-aid, bargaining, tenants-union,
cycle-coop, the German and Ukrainian editions), 16:9 and 4:3, a workshop of eighteen
sections whose agenda takes two columns and one of forty whose agenda continues. Words,
sizes and pixels are read from the PDF; the workshop's own fields (loaded as kit loads them)
say what a reader must find.
"""

from __future__ import annotations

import shutil
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from kit.app.build import build
from kit.model import Workshop, markup
from kit.model.schedule import BreakItem, item_title, timetable
from kit.source.loader import load
from kit.words.typography import short_words

from ..conftest import FIXTURES, ROOT
from ..corpus import libreoffice_templates, on_template
from ..readers import (
    Page,
    Word,
    page_images,
    rows,
    soffice_convert,
    with_fonts,
    word_contrast,
    word_pages,
)
from .test_type_scale import Shape, _lines_in, _shapes
from .test_type_scale import _edition as in_slide_size

SAMPLE = ROOT / "examples" / "sex-work-and-trafficking"
FOOTER = 36.0  # points at the foot of every slide: the presenter's mark, footer, number
DPI = 100


def _long_agenda(sessions: int) -> str:
    """A day of ``sessions`` sessions of 15 minutes, with a lunch after the ninth."""
    head = textwrap.dedent(
        """\
        title: A long day of short sessions
        organisation: Eastside Tenants' Union
        presenters: [Ana Lima]
        date: 2026-03-07
        start_time: "08:00"
        venue: Union hall
        theme: {slide_size: "4:3"}
        sections:
        """
    )
    return head + "".join(
        f"  - title: Session {n} on the rights of renters in shared houses\n    duration: 15\n"
        + ("    blocks: [title: {title: A long day}]\n" if n == 1 else "")
        + ("    break_after: {duration: 20, label: Lunch}\n" if n == 9 else "")
        for n in range(1, sessions + 1)
    )


# Agendas too long for one column at the floor: in two on one slide, or else continued.
LONG_AGENDAS = {
    "long-agenda-4x3": (_long_agenda(18), 1),
    "longer-agenda-4x3": (_long_agenda(40), 3),
}
CASES: dict[str, tuple[Path | None, str | None]] = {
    "sample-16x9": (SAMPLE, "16:9"),
    "sample-4x3": (SAMPLE, "4:3"),
    "first-aid-4x3": (FIXTURES / "first-aid", "4:3"),
    "bargaining-16x9": (FIXTURES / "bargaining", "16:9"),
    "tenants-union-4x3": (FIXTURES / "tenants-union", "4:3"),
    "cycle-coop-4x3": (FIXTURES / "cycle-coop", "4:3"),
    "de-begleiten": (FIXTURES / "de-begleiten", None),  # as written: PyYAML cannot rewrite it
    "fr-accueil": (FIXTURES / "fr-accueil", None),
    "uk-suprovid-4x3": (FIXTURES / "uk-suprovid", "4:3"),
    **{name: (None, "4:3") for name in LONG_AGENDAS},
}
# On LibreOffice's templates: the title slide and dividers in the layouts' own boxes.
TEMPLATED = {
    "sample-Vivid": (SAMPLE, "Vivid"),
    "sample-Midnightblue": (SAMPLE, "Midnightblue"),
    "sample-Focus": (SAMPLE, "Focus"),
    "first-aid-Vivid": (FIXTURES / "first-aid", "Vivid"),
    "first-aid-Midnightblue": (FIXTURES / "first-aid", "Midnightblue"),
    "first-aid-Focus": (FIXTURES / "first-aid", "Focus"),
}


@dataclass(frozen=True)
class Deck:
    workshop: Workshop
    titles: list[str]  # each slide's title, as its title placeholder holds it
    shapes: list[list[Shape]]  # per slide, those holding text
    pages: list[Page]  # LibreOffice's render, with sizes
    images: list[Image.Image]


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Deck]:
    root = tmp_path_factory.mktemp("framing")
    pptxs, sources = {}, {}
    for name, (folder, size) in CASES.items():
        if folder is None:
            sources[name] = root / "src" / name
            sources[name].mkdir(parents=True)
            agenda = LONG_AGENDAS[name][0]
            (sources[name] / "workshop.yaml").write_text(agenda, encoding="utf-8")
        elif size is None:
            sources[name] = shutil.copytree(folder, root / "src" / name)
        else:
            sources[name] = in_slide_size(folder, size, root / "src" / name)
        build(sources[name], root / name, only=["slides"])
        pptxs[name] = root / "decks" / f"{name}.pptx"
        pptxs[name].parent.mkdir(exist_ok=True)
        shutil.copyfile(root / name / "deck.pptx", pptxs[name])
    wanted = {template for _, template in TEMPLATED.values()}
    otps = [path for path in libreoffice_templates() if path.stem in wanted]
    templates = {path.stem: path for path in soffice_convert(otps, root / "templates", "pptx")}
    for name, (folder, template) in TEMPLATED.items():
        sources[name] = on_template(folder, templates[template], root / "src" / name)
        build(sources[name], root / name, only=["slides"])
        pptxs[name] = root / "decks" / f"{name}.pptx"
        shutil.copyfile(root / name / "deck.pptx", pptxs[name])
    pdfs = soffice_convert(list(pptxs.values()), root / "pdf")
    return {
        name: Deck(
            load(sources[name]).workshop,
            _titles(pptx),
            _shapes(pptx),
            with_fonts(word_pages(pdf), pdf),
            page_images(pdf, DPI),
        )
        for (name, pptx), pdf in zip(pptxs.items(), pdfs, strict=True)
    }


def _titles(pptx: Path) -> list[str]:
    """Each slide's title; a line break inside a paragraph (\v) is no paragraph of its own."""
    slides = Presentation(str(pptx)).slides
    return [slide.shapes.title.text_frame.text.replace("\v", " ") for slide in slides]


def _said(text: str) -> str:
    """``text`` with its spaces as a reader's copy has them (no-break spaces as spaces)."""
    return " ".join(markup.plain(text).replace("\u00a0", " ").replace("\u202f", " ").split())


def _found(page: Page, phrase: str) -> bool:
    return _said(phrase) in _said(" ".join(word.text for word in page.words))


@pytest.mark.parametrize("name", [*CASES, *TEMPLATED])
def test_the_title_slide_says_what_who_when_and_where(decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    workshop, page = deck.workshop, deck.pages[0]
    words = workshop.interface_words()
    items = timetable(workshop)
    wanted = [
        workshop.subtitle,
        *workshop.presenters,
        words.span(items[0].start, items[-1].end),
        words.date(workshop.date) if workshop.date else "",
        workshop.venue,
        workshop.organisation,
    ]
    missing = [phrase for phrase in wanted if phrase and not _found(page, phrase)]
    assert not missing, f"{name}: the title slide leaves out {missing}"
    # the footer too: it leaves out what the slide says (a subtitle may say the organisation)
    said = _said(" ".join(word.text for word in page.words))
    once = [workshop.title, *wanted[-2:]]
    twice = [phrase for phrase in once if phrase and said.count(_said(phrase)) > 1]
    assert not twice, f"{name}: the title slide says {twice} twice"
    lone = _lone_last_words(page)
    assert not lone, f"{name}: a word alone on the last line of its paragraph: {lone}"


@pytest.mark.parametrize("name", [*CASES, *TEMPLATED])
def test_no_divider_leaves_a_short_word_alone_on_a_line(decks: dict[str, Deck], name: str) -> None:
    """Dividers (titled "Section 2 of 5" and the section's title): the title and each
    objective balanced ("look after each" / "other" was the sample's in 4:3)."""
    deck = decks[name]
    dividers = [page for page, title in zip(deck.pages, deck.titles, strict=True) if "\n" in title]
    assert dividers
    lone = [f"p{page.number}: {word}" for page in dividers for word in _lone_last_words(page)]
    assert not lone, f"{name}: {lone}"


# Shapes whose lines a designer parts: titles (of slides, the title slide and dividers),
# stage names, and the title slide's and dividers' lower lines (subtitle, details, objectives).
PHRASED = ("Title", "Stage ", "Subtitle", "Presenters, date and venue", "Timing and objectives")


@pytest.mark.parametrize("name", [*CASES, *TEMPLATED])
def test_no_title_or_name_ends_a_line_on_a_short_word(decks: dict[str, Deck], name: str) -> None:
    """#15: no line but the last of a title or a stage's name ends on
    one of its language's short words (kit's catalog: "and", "the", "du", "für", "і") after
    another word: "Thank you for / staying the distance" is "Thank you for staying / the
    distance",
    "Pression du / groupe" "Pression / du groupe" ("With / the union" has no better way)."""
    deck = decks[name]
    short = short_words(deck.workshop.interface_words()("short_words"))
    problems = []
    for shapes, page in zip(deck.shapes, deck.pages, strict=True):
        for shape in shapes:
            if shape.name.startswith(PHRASED) and "description" not in shape.name:
                lines = _lines_in(page, shape.box)
                problems += [
                    f"p{page.number}: {shape.name}: '{' '.join(w.text for w in line)}' / ..."
                    for line in lines[:-1]
                    if line[-1].text.lower() in short and len(line) > 1  # alone: nowhere to go
                ]
    assert not problems, "\n".join(problems)


def _lone_last_words(page: Page) -> list[str]:
    """A word alone on a row, a line under a row of the same size with more words: the last
    line of a wrapped paragraph ("Room" / "2", "Keep Your Bicycle" / "Roadworthy")."""
    found = []
    above: list[Word] = []
    for row in rows(word for word in page.words if word.box.y0 < page.height - FOOTER):
        size, word = row[0].size or 0, row[0]
        near = above and word.box.y0 - above[0].box.y0 < 1.6 * size
        if len(row) == 1 and near and len(above) > 1 and above[0].size == size:
            found.append(word.at())
        above = row
    return found


def _agenda_pages(deck: Deck) -> list[Page]:
    agenda = deck.workshop.interface_words()("agenda")
    return [
        page
        for page, title in zip(deck.pages, deck.titles, strict=True)
        if title == agenda or title.startswith(f"{agenda} (")
    ]


@pytest.mark.parametrize("name", CASES)
def test_the_agenda_lists_clock_times_and_sections_on_aligned_rows(
    decks: dict[str, Deck], name: str
) -> None:
    """Each item's clock times and name on one row, in each column every time ending at one
    edge and every name starting at another, in one size of at least 14 pt (20 pt for six
    items or fewer). An agenda too long for one column at 14 pt takes two, read down the
    first then the second; a longer one goes on over further slides, in order, rows never
    split."""
    deck = decks[name]
    words = deck.workshop.interface_words()
    items = timetable(deck.workshop)
    spans = [_said(words.span(item.start, item.end)) for item in items]
    pages = _agenda_pages(deck)
    assert len(pages) == LONG_AGENDAS.get(name, ("", 1))[1]
    columns = [(page, column) for page in pages for column in _agenda_columns(page, spans)]
    if name == "long-agenda-4x3":
        assert len(columns) == 2, "eighteen sessions: two columns on the one slide"
    lines = [(page, column, row) for page, column in columns for row in column]
    assert len(lines) == len(items), [" ".join(w.text for w in row) for _, _, row in lines]
    ends, starts = defaultdict(set), defaultdict(set)
    sizes: set[float | None] = set()
    for item, span, (page, column, row) in zip(items, spans, lines, strict=True):
        text = _said(" ".join(word.text for word in row))
        assert text.startswith(span + " ") and text.endswith(_said(item_title(item, words))), text
        cut, at = len(span.split()), (page.number, round(column[0][0].box.x0))
        ends[at].add(round(row[cut - 1].box.x1))
        starts[at].add(round(row[cut].box.x0))
        sizes |= {word.size for word in row}
    for at in ends:
        assert max(ends[at]) - min(ends[at]) <= 1, (at, ends[at])
        assert max(starts[at]) - min(starts[at]) <= 1, (at, starts[at])
    assert len(sizes) == 1, sizes
    (size,) = sizes
    assert size is not None and size >= (20 if len(items) <= 6 else 14), sizes


def _agenda_columns(page: Page, spans: list[str]) -> list[list[list[Word]]]:
    """The agenda's columns on ``page``, left to right, each its rows top to bottom (a
    name's second line joins its row). A column starts where a row's time does: times end
    at one edge, so their starts lie close together, and the next column's far off."""
    body = _body(page)
    firsts = {span.split()[0] for span in spans}
    times = sorted(word.box.x0 for word in body if word.text in firsts)
    lefts = [x for x, before in zip(times, [-1e9, *times]) if x - before > 100]
    columns = []
    for left, right in zip(lefts, [*lefts[1:], 1e9]):
        found: list[list[Word]] = []
        for row in rows([word for word in body if left - 5 <= word.box.x0 < right - 5]):
            if found and row[0].box.x0 > found[0][0].box.x1:  # starts right of the times
                found[-1] += row
            else:
                found.append(row)
        columns.append(found)
    return columns


def _body(page: Page) -> list[Word]:
    """The words between the title's accent rule and the footer."""
    return [word for word in page.words if 100 < word.box.y0 < page.height - FOOTER]


def _has_break(folder: Path | None) -> bool:
    return folder is None or "break_after" in (folder / "workshop.yaml").read_text("utf-8")


@pytest.mark.parametrize("name", [n for n, (folder, _) in CASES.items() if _has_break(folder)])
def test_a_break_is_a_tinted_row_that_reads_at_AA(decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    words = deck.workshop.interface_words()
    pauses = [item_title(i, words) for i in timetable(deck.workshop) if isinstance(i, BreakItem)]
    assert pauses
    for label in pauses:
        spans = [_said(words.span(item.start, item.end)) for item in timetable(deck.workshop)]
        ((page, row),) = [
            (page, row)
            for page in _agenda_pages(deck)
            for column in _agenda_columns(page, spans)
            for row in column
            if _said(" ".join(word.text for word in row)).endswith(_said(label))
        ]
        image = deck.images[page.number - 1]
        scale = image.width / page.width
        x, y = row[-1].box.x1 + 4, row[-1].box.centre[1]  # just right of the label
        behind = image.getpixel((int(x * scale), int(y * scale)))
        assert behind != (255, 255, 255), f"{name}: '{label}' is not on a tinted band"
        low = [w.at() for w in row if word_contrast(w, image, scale) < 4.5]
        assert not low, f"{name}: under 4.5:1 on the break's band: {low}"


@pytest.mark.parametrize("name", CASES)
def test_no_slide_repeats_the_title_of_the_slide_before(decks: dict[str, Deck], name: str) -> None:
    """A divider's section title is not the next slide's title (read from the title
    placeholders) nor the first words of the next slide as printed."""
    deck = decks[name]
    problems = []
    for number, (before, title) in enumerate(zip(deck.titles, deck.titles[1:]), start=2):
        said = before.splitlines()[-1].strip()
        if said.casefold() == title.splitlines()[-1].strip().casefold():
            problems.append(f"slide {number}: '{title}' after '{before}'")
        if "\n" not in before:  # a divider's title, number first; a "(cont.)" may wrap
            continue
        first = rows(w for w in deck.pages[number - 1].words if w.box.y0 < 100)
        if first and " ".join(w.text for w in first[0]).casefold() == said.casefold():
            problems.append(f"p{number}: opens with '{said}', the slide before's title")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", CASES)
def test_every_footer_reads_at_AA_on_what_is_behind_it(decks: dict[str, Deck], name: str) -> None:
    """The presenter's mark, the footer and the slide number, on every slide (the teal
    dividers were at 4.05:1), measured on the pixels around each word."""
    deck = decks[name]
    problems = []
    for page, image in zip(deck.pages, deck.images, strict=True):
        scale = image.width / page.width
        for word in page.words:
            if word.box.y0 >= page.height - FOOTER and any(c.isalnum() for c in word.text):
                ratio = word_contrast(word, image, scale)
                if ratio < 4.5:
                    problems.append(f"p{page.number}: {word.at()} at {ratio:.2f}:1")
    assert not problems, "\n".join(problems[:20])
