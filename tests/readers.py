"""What a reader sees in kit's outputs, and checks that list what would trip a reader up.

A deck is read through LibreOffice's PDF of it, every PDF through poppler (words, lines and
blocks from ``pdftotext -bbox-layout``, pixels from ``pdftoppm``, fonts from ``pdffonts``) and
pdfplumber (the size and font of each character). Nothing here imports kit: the checks judge
the files as a reader gets them, not the numbers kit planned.

Each check returns a list of problems, one readable line each; an empty list means the page
reads well. ``problems`` runs them all on one PDF.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image, ImageChops

_NS = {"x": "http://www.w3.org/1999/xhtml"}
BODY_CONTRAST = 4.5  # WCAG 2 AA
LARGE_CONTRAST = 3.0  # WCAG 2 AA for large text: 18 pt, or 14 pt bold


def require_tool(name: str) -> str:
    """The path of a system tool the test needs; CI installs them, so absence fails."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed; run .ci/run or install it (see README)")
    return path


def tool_output(name: str, *args: str | Path) -> str:
    """What a system tool prints for ``args``; the tool must be installed and succeed."""
    return subprocess.run(
        [require_tool(name), *map(str, args)], check=True, capture_output=True, text=True
    ).stdout


def require_font(family: str, expected: str) -> None:
    """Fail unless fontconfig draws ``family`` with ``expected``, as a normal install does.

    Decks name Arial; LibreOffice installs bring Liberation Sans, its metric twin. Without
    it LibreOffice falls back to a wider font and every check would judge that machine.
    """
    found = tool_output("fc-match", "-f", "%{family}", family)
    if expected not in found.split(","):
        pytest.fail(
            f"'{family}' is drawn with '{found}', not '{expected}'; run .ci/run "
            "(it installs fonts-liberation2)"
        )


def soffice_convert(
    files: Sequence[Path], out_dir: Path, to: str = "pdf", export: str = ""
) -> list[Path]:
    """Convert ``files`` with LibreOffice in one run; the converted files, in order.

    LibreOffice gets a profile of its own in ``out_dir``: two runs sharing one hand their
    work to each other. Names must differ by stem, since the outputs share ``out_dir``.
    ``export`` names an export filter and its options (``impress_pdf_Export:{...}``).
    """
    soffice = require_tool("soffice")
    require_font("Arial", "Liberation Sans")
    stems = [path.stem for path in files]
    assert len(set(stems)) == len(stems), f"two files share a name: {stems}"
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            f"{to}:{export}" if export else to,
            "--outdir",
            str(out_dir),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    shutil.rmtree(profile, ignore_errors=True)
    converted = [out_dir / f"{stem}.{to}" for stem in stems]
    missing = [path.name for path in converted if not path.is_file()]
    if missing:
        pytest.fail(f"LibreOffice did not convert: {', '.join(missing)}")
    return converted


# --- words ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rectangle in points, from the page's top-left corner (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def inset(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 - dx, self.y1 - dy)

    def holds(self, other: Box, tolerance: float = 0.0) -> bool:
        """Whether ``other`` lies inside this box, give or take ``tolerance`` points."""
        return (
            self.x0 - tolerance <= other.x0
            and other.x1 <= self.x1 + tolerance
            and self.y0 - tolerance <= other.y0
            and other.y1 <= self.y1 + tolerance
        )

    def intersects(self, other: Box) -> bool:
        return min(self.x1, other.x1) > max(self.x0, other.x0) and min(self.y1, other.y1) > max(
            self.y0, other.y0
        )


@dataclass(frozen=True)
class Word:
    """A word as pdftotext sees it, with its line and block (numbered per page)."""

    text: str
    box: Box
    line: int
    block: int
    size: float | None = None  # points, from pdfplumber (``with_fonts``)
    font: str = ""

    @property
    def large(self) -> bool:
        """Large text in WCAG's sense; without a read size, judged by the box height."""
        size = self.size if self.size is not None else self.box.height / 1.15
        return size >= 17.95 or ("Bold" in self.font and size >= 13.95)

    def at(self) -> str:
        return f"'{self.text}' at ({self.box.x0:.0f}, {self.box.y0:.0f})"


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    words: tuple[Word, ...]  # in reading order, block by block
    # Text crossing the page's edge, which pdftotext drops (read by ``with_fonts``).
    outside: tuple[Word, ...] = ()

    def find(self, phrase: str) -> Box | None:
        """The box around the first run of words spelling ``phrase``, if any."""
        tokens = phrase.split()
        texts = [word.text for word in self.words]
        for start in range(len(texts) - len(tokens) + 1):
            if texts[start : start + len(tokens)] == tokens:
                box = self.words[start].box
                for word in self.words[start + 1 : start + len(tokens)]:
                    box = box.union(word.box)
                return box
        return None

    def lines(self) -> list[list[Word]]:
        """The words of each line, lines in reading order."""
        lines: dict[int, list[Word]] = {}
        for word in self.words:
            lines.setdefault(word.line, []).append(word)
        return list(lines.values())


def word_pages(path: Path) -> list[Page]:
    """Every page of the PDF at ``path`` with its words, lines and blocks."""
    xhtml = tool_output("pdftotext", "-bbox-layout", path, "-")
    pages = []
    for number, page in enumerate(ET.fromstring(xhtml).iterfind(".//x:page", _NS), 1):
        words, line_number = [], 0
        for block_number, block in enumerate(page.iterfind(".//x:block", _NS)):
            for line in block.iterfind("x:line", _NS):
                line_number += 1
                words.extend(
                    Word(
                        word.text or "",
                        Box(*(float(word.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))),
                        line_number,
                        block_number,
                    )
                    for word in line.iterfind("x:word", _NS)
                )
        pages.append(
            Page(number, float(page.get("width", 0)), float(page.get("height", 0)), tuple(words))
        )
    return pages


def with_fonts(pages: list[Page], path: Path) -> list[Page]:
    """``pages`` with each word's font size and name, read by pdfplumber from ``path``.

    A word takes the largest size among the characters whose centres lie in its box.
    """
    import pdfplumber  # heavy; only the font checks need it

    sized = []
    with pdfplumber.open(str(path)) as pdf:
        for page, plumbed in zip(pages, pdf.pages, strict=True):
            chars = sorted(
                ((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2, c["size"], c["fontname"])
                for c in plumbed.chars
            )
            ys = [char[0] for char in chars]
            words = []
            for word in page.words:
                box = word.box
                inside = [
                    c
                    for c in chars[bisect_left(ys, box.y0) : bisect_right(ys, box.y1)]
                    if box.x0 <= c[1] <= box.x1
                ]
                if inside:
                    fonts = Counter(c[3] for c in inside)
                    word = replace(
                        word,
                        size=round(max(c[2] for c in inside), 2),
                        font=fonts.most_common(1)[0][0],
                    )
                words.append(word)
            sized.append(replace(page, words=tuple(words), outside=_outside(page, plumbed.chars)))
    return sized


def _outside(page: Page, chars: list[dict]) -> tuple[Word, ...]:
    """Runs of characters that cross the page's edge, as words (pdftotext drops them)."""
    runs: list[list[dict]] = [[]]
    for char in chars:
        inside = (
            char["x0"] >= 0
            and char["x1"] <= page.width
            and char["top"] >= 0
            and char["bottom"] <= page.height
        )
        if inside or char["text"].isspace():
            runs.append([])
            continue
        last = runs[-1][-1] if runs[-1] else None
        if last and (abs(char["x0"] - last["x1"]) > 1 or abs(char["top"] - last["top"]) > 1):
            runs.append([])  # another word that merely follows in the file
        runs[-1].append(char)
    return tuple(
        Word(
            "".join(c["text"] for c in run),
            Box(
                min(c["x0"] for c in run),
                min(c["top"] for c in run),
                max(c["x1"] for c in run),
                max(c["bottom"] for c in run),
            ),
            0,
            -1,
        )
        for run in runs
        if run
    )


# --- checks on words --------------------------------------------------------------------


def off_page(page: Page, inset: float = 0.0, tolerance: float = 0.5) -> list[str]:
    """Words not inside the page, or closer than ``inset`` points to its edge.

    Text drawn across the edge is found by ``with_fonts``: pdftotext leaves it out.
    """
    area = Box(inset, inset, page.width - inset, page.height - inset)
    return [
        f"p{page.number}: {word.at()} is off the page"
        + (f" or within {inset:g} pt of its edge" if inset else "")
        for word in (*page.words, *_unseen(page))
        if not area.holds(word.box, tolerance)
    ]


def _unseen(page: Page) -> list[Word]:
    """The words across the page's edge that pdftotext left out."""
    return [
        word for word in page.outside if not any(word.box.intersects(w.box) for w in page.words)
    ]


def core(box: Box) -> Box:
    """The body of a word's glyphs: its box less the ascender and descender room.

    Word boxes span the font's whole ascent and descent, so lines set tightly touch without
    any ink meeting; their cores meet only when glyphs really sit on one another.
    """
    return box.inset(0.5, box.height * 0.2)


def overlaps(page: Page) -> list[str]:
    """Text that sits on other text: two blocks, or two lines of one block, whose words meet.

    Reported once per pair of lines, with the first pair of words that meet.
    """
    words = sorted(page.words, key=lambda word: core(word.box).y0)
    cores = [core(word.box) for word in words]
    seen: set[tuple[int, int]] = set()
    problems = []
    for i, (word, ink) in enumerate(zip(words, cores)):
        for other, other_core in zip(words[i + 1 :], cores[i + 1 :]):
            if other_core.y0 >= ink.y1:
                break
            pair = (min(word.line, other.line), max(word.line, other.line))
            if word.line == other.line or pair in seen or not ink.intersects(other_core):
                continue
            seen.add(pair)
            where = "another block" if word.block != other.block else "another line"
            problems.append(f"p{page.number}: {word.at()} overlaps {other.at()} of {where}")
    return problems


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words of ``texts``, in lower case: what a renderer must keep whole."""
    return frozenset(word.lower() for text in texts for word in re.findall(r"\w+", text))


def workshop_vocabulary(path: Path) -> frozenset[str]:
    """The words of every text in a workshop file (or folder) and its translations."""
    folder = path if path.is_dir() else path.parent
    files = [folder / "workshop.yaml", *sorted(folder.glob("translations/*.yaml"))]
    return vocabulary(
        text for file in files for text in strings(yaml.safe_load(file.read_text(encoding="utf-8")))
    )


def strings(value: object) -> Iterator[str]:
    """Every text in ``value`` (read YAML, or a model's dump), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


def broken_words(page: Page, words: frozenset[str]) -> list[str]:
    """Words of the source the renderer split over two lines ("Experiment" / "al").

    A line's last fragment and the next line's first, joined, make a word of ``words`` that
    at least one fragment alone is not. A break after a hyphen is a proper break.
    """
    problems = []
    lines = page.lines()
    for line, following in itertools.pairwise(lines):
        if line[-1].block != following[0].block:
            continue
        end = re.sub(r"^\W+", "", line[-1].text)
        start = re.sub(r"\W+$", "", following[0].text)
        joined = (end + start).lower()
        if (
            end
            and start
            and len(joined) >= 4
            and joined in words
            and not (end.lower() in words and start.lower() in words)
        ):
            problems.append(
                f"p{page.number}: '{end}' / '{start}' breaks the word '{end + start}'"
                f" at ({line[-1].box.x1:.0f}, {line[-1].box.y0:.0f})"
            )
    return problems


def below(page: Page, floor: float) -> list[str]:
    """Words set smaller than ``floor`` points (needs ``with_fonts``)."""
    return [
        f"p{page.number}: {word.at()} is {word.size:g} pt, under {floor:g} pt"
        for word in page.words
        if word.size is not None and word.size < floor - 0.05
    ]


# --- checks on how a document flows from page to page -----------------------------------


def rows(words: Iterable[Word], tolerance: float = 2.0) -> list[list[Word]]:
    """Words in visual rows, top to bottom: the cells of a table row share one row."""
    found: list[list[Word]] = []
    for word in sorted(words, key=lambda word: (word.box.y0, word.box.x0)):
        if found and abs(found[-1][0].box.y0 - word.box.y0) <= tolerance:
            found[-1].append(word)
        else:
            found.append([word])
    return found


def body_rows(pages: Sequence[Page]) -> list[list[list[Word]]]:
    """Each page's rows without its running header and footer.

    The furniture is what a reader finds at the same height on every page: the top row
    and the bottom row, when each sits at one height throughout (two pages at least).
    """
    paged = [rows(page.words) for page in pages]
    if len(pages) < 2 or not all(paged):
        return paged
    for end in (0, -1):
        heights = [page_rows[end][0].box.y0 for page_rows in paged]
        if max(heights) - min(heights) <= 1:
            paged = [page_rows[1:] if end == 0 else page_rows[:-1] for page_rows in paged]
    return paged


def fullness(pages: Sequence[Page]) -> list[float]:
    """How far down its text area each page's text reaches, 0 to 1.

    The text area is judged from the document itself: from the highest text on any page
    to the lowest (some page of a flowing document comes near its foot).
    """
    paged = [[word for row in page_rows for word in row] for page_rows in body_rows(pages)]
    words = [word for page_words in paged for word in page_words]
    if not words:
        return [0.0 for _ in pages]
    top = min(word.box.y0 for word in words)
    bottom = max(word.box.y1 for word in words)
    return [
        (max(word.box.y1 for word in page_words) - top) / (bottom - top) if page_words else 0.0
        for page_words in paged
    ]


def sparse_pages(pages: Sequence[Page], share: float = 0.25) -> list[str]:
    """Pages, but the last, whose text stops short of ``share`` of the text area."""
    return [
        f"p{page.number}: text reaches {fill:.0%} of the page, under {share:.0%}"
        for page, fill in zip(pages[:-1], fullness(pages)[:-1])
        if fill < share
    ]


def body_size(pages: Sequence[Page]) -> float:
    """The size most words are set in (needs ``with_fonts``)."""
    sizes = Counter(word.size for page in pages for word in page.words if word.size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading(row: Sequence[Word], body: float) -> bool:
    """A row of words all in bold, larger than the body text (not a row of numbers)."""
    return any(word.text[0].isalpha() for word in row) and all(
        "Bold" in word.font and (word.size or 0) >= body * 1.05 for word in row
    )


def stranded_headings(pages: Sequence[Page], follow: int = 2) -> list[str]:
    """Headings at the foot of a page: nothing under them, or fewer than ``follow`` rows
    when what they head goes on over the page (needs ``with_fonts``).

    A heading whose content ends on its page (the next page opens with a heading) may
    have a single row under it: a one-line list, say.
    """
    body = body_size(pages)
    paged = body_rows(pages)
    problems = []
    for page, page_rows, next_rows in zip(pages, paged, paged[1:]):
        goes_on = bool(next_rows) and not is_heading(next_rows[0], body)
        for index, row in enumerate(page_rows):
            after = [r for r in page_rows[index + 1 :] if not is_heading(r, body)]
            if is_heading(row, body) and (not after or (goes_on and len(after) < follow)):
                text = " ".join(word.text for word in row)
                problems.append(
                    f"p{page.number}: heading '{text}' has {len(after)} row(s) under it"
                    f" before the page ends, {row[0].box.y1:.0f} pt from the top"
                )
    return problems


# --- checks on pixels -------------------------------------------------------------------


def page_images(path: Path, dpi: int = 100, only: int | None = None) -> list[Image.Image]:
    """Every page of the PDF (or page ``only``, from 1) as poppler draws it, in RGB,
    without anti-aliasing.

    Unsmoothed, every pixel of a glyph has the text's own colour: small text measures as
    what it is, not as the grey that smoothing mixes from it and its background.
    """
    pages = ["-f", str(only), "-l", str(only)] if only else []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                require_tool("pdftoppm"),
                *pages,
                "-r",
                str(dpi),
                "-aa",
                "no",
                "-aaVector",
                "no",
                str(path),
                f"{folder}/page",
            ],  # PPM: a third of PNG's time
            check=True,
            capture_output=True,
        )
        files = sorted(Path(folder).glob("page-*.ppm"), key=lambda f: int(f.stem.split("-")[1]))
        images = []
        for file in files:
            with Image.open(file) as image:
                images.append(image.convert("RGB"))
    return images


def _luminance(colour: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    channels = [c / 255 for c in colour]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _distance(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    return sum((a - b) ** 2 for a, b in zip(one, other)) ** 0.5


_SAME = 60  # RGB distance under which two pixels count as one colour (anti-aliasing, noise)


def _clusters(colours: Counter[tuple[int, int, int]]) -> list[tuple[tuple[int, int, int], int]]:
    """Colours grouped around the commonest ones, with their pixel counts, commonest first."""
    clusters: list[tuple[tuple[int, int, int], int]] = []
    for colour, count in colours.most_common():
        for k, (centre, total) in enumerate(clusters):
            if _distance(colour, centre) < _SAME:
                clusters[k] = (centre, total + count)
                break
        else:
            clusters.append((colour, count))
    return sorted(clusters, key=lambda cluster: -cluster[1])


def _colours(image: Image.Image) -> Counter[tuple[int, int, int]]:
    """How many pixels of each colour."""
    return Counter({colour: count for count, colour in image.getcolors(image.width * image.height)})


def _backgrounds(image: Image.Image, box: tuple[int, int, int, int]) -> list[tuple[int, int, int]]:
    """The colours around ``box`` on three of its four sides (strips two pixels wide).

    Behind a word is what surrounds it on most sides: a band the word half overlaps shows
    left, right and above it, while a rule just under a title, or the page beyond a header
    band, shows on one side only.
    """
    x0, y0, x1, y1 = box
    strips = [
        (x0, y0 - 2, x1, y0),
        (x0, y1, x1, y1 + 2),
        (x0 - 2, y0, x0, y1),
        (x1, y0, x1 + 2, y1),
    ]
    sides = [
        _colours(image.crop(strip))
        for strip in strips
        if strip[0] >= 0 and strip[1] >= 0 and strip[2] <= image.width and strip[3] <= image.height
    ]
    clusters = _clusters(sum(sides, Counter()))
    if not clusters:
        return []
    needed = max(len(sides) - 1, 1)
    chosen = [
        centre
        for centre, _ in clusters
        if sum(_share(side, centre) >= 0.15 for side in sides) >= needed
    ]
    return chosen or [clusters[0][0]]


def _share(colours: Counter[tuple[int, int, int]], centre: tuple[int, int, int]) -> float:
    near = sum(count for colour, count in colours.items() if _distance(colour, centre) < _SAME)
    return near / max(sum(colours.values()), 1)


def word_contrast(word: Word, image: Image.Image, scale: float) -> float:
    """The contrast a reader gets for ``word``, measured on the page's pixels.

    The backgrounds are what surrounds the word's box (``_backgrounds``); the text's colour
    is the pixel of the box that stands out most from every one of them. Pages are drawn
    unsmoothed, so that pixel has the text's own colour. No such pixel means the word
    cannot be seen: ratio 1.
    """
    box = word.box
    x0, y0 = max(int(box.x0 * scale), 0), max(int(box.y0 * scale), 0)
    x1 = min(int(box.x1 * scale + 0.999), image.width)
    y1 = min(int(box.y1 * scale + 0.999), image.height)
    if x1 <= x0 or y1 <= y0:
        return 21.0  # nothing of it on the page: off_page says so
    inner = _colours(image.crop((x0, y0, x1, y1)))
    backgrounds = _backgrounds(image, (x0, y0, x1, y1)) or [inner.most_common(1)[0][0]]
    ink = [
        min(contrast_ratio(colour, back) for back in backgrounds)
        for colour in inner
        if all(_distance(colour, back) >= _SAME for back in backgrounds)
    ]
    return max(ink, default=1.0)


# Under this many pixels tall, the gap between two words is narrower than the strips
# ``_backgrounds`` reads around each: the neighbours' ink counts as background.
_LEGIBLE_PIXELS = 10


def low_contrast(
    page: Page,
    image: Image.Image,
    body: float = BODY_CONTRAST,
    large: float = LARGE_CONTRAST,
    finer: Callable[[], Image.Image] | None = None,
) -> list[str]:
    """Words below WCAG AA contrast against what is really behind them on the page.

    A word too small for ``image``'s resolution (a miniature's text) that seems unreadable
    is read again on ``finer``, the page drawn at a higher resolution, if given.
    """
    scale = image.width / page.width
    problems = []
    for word in page.words:
        if not re.search(r"\w", word.text):
            continue  # bullets and dashes carry no reading
        needed = large if word.large else body
        ratio = word_contrast(word, image, scale)
        if ratio < needed and finer and word.box.height * scale < _LEGIBLE_PIXELS:
            closer = finer()
            ratio = word_contrast(word, closer, closer.width / page.width)
        if ratio < needed:
            problems.append(
                f"p{page.number}: {word.at()} has contrast {ratio:.2f}:1, under {needed:g}:1"
            )
    return problems


# --- words on the template's own pictures and shapes -----------------------------------


# Placeholders a template lays out for text (PP_PLACEHOLDER: title, body, centre title,
# subtitle, object, and its slide number, footer and date fields): what the template draws
# under them is meant to have text on it.
_TEXT_PLACEHOLDERS = frozenset({1, 2, 3, 4, 7, 13, 15, 16})
_TITLE_AND_BODY = frozenset({1, 2, 3, 4, 7})
_EMU = 12700  # per point


@dataclass(frozen=True)
class Decorations:
    """The template alone under a deck's slides, printed (``bare_layouts``)."""

    decorated: Path  # one empty slide per layout used, with the template's own shapes
    bare: Path  # the same with them hidden: the background alone
    layouts: list[int]  # each slide of the deck: its layout's page in those two
    text_areas: list[list[Box]]  # each layout's and its master's text placeholders, in points


def bare_layouts(deck: Path, folder: Path) -> Decorations:
    """What the template alone draws under ``deck``'s slides, to tell its decoration apart.

    Two decks, each with one empty slide per layout ``deck`` uses: one shows the master's
    and layout's own pictures and shapes, the other hides them (``showMasterSp="0"``), so
    both keep the background.
    """
    from pptx import Presentation  # only the template checks need it

    made = []
    for shown in (True, False):
        prs = Presentation(str(deck))
        names = [slide.slide_layout.part.partname for slide in prs.slides]
        used = list(dict.fromkeys(names))
        layouts = {slide.slide_layout.part.partname: slide.slide_layout for slide in prs.slides}
        listing = prs.slides._sldIdLst
        for entry in list(listing):
            prs.part.drop_rel(entry.rId)
            listing.remove(entry)
        for name in used:
            slide = prs.slides.add_slide(layouts[name])
            for shape in list(slide.shapes):  # the placeholders a new slide gets
                shape.element.getparent().remove(shape.element)
            if not shown:
                slide.element.set("showMasterSp", "0")
                _keep_backdrops(slide, layouts[name], prs.slide_width * prs.slide_height)
        made.append(folder / f"{deck.stem}-{'decorated' if shown else 'bare'}.pptx")
        prs.save(str(made[-1]))
    # The master's own text placeholders count too: LibreOffice writes every layout with
    # the same made-up boxes, and its titles go where the master's title is.
    areas = [
        [
            Box(p.left / _EMU, p.top / _EMU, (p.left + p.width) / _EMU, (p.top + p.height) / _EMU)
            for p in (*layouts[name].placeholders, *layouts[name].slide_master.placeholders)
            if p.placeholder_format.type in _TEXT_PLACEHOLDERS and p.width and p.height
        ]
        for name in used
    ]
    return Decorations(made[0], made[1], [used.index(name) for name in names], areas)


def _keep_backdrops(slide: Any, layout: Any, area: int) -> None:
    """Put back on ``slide`` the pictures and shapes of its master and layout that cover
    nine tenths of it or more, or hold all of the layout's title and body boxes (a card
    the template sets its text on): a backdrop, as a background is, not a decoration to
    keep text off (the contrast check judges text on it)."""
    import copy

    from pptx.shapes.picture import Picture

    owners = (
        [layout, layout.slide_master]
        if layout.element.get("showMasterSp", "1")
        in (
            "1",
            "true",
        )
        else [layout]
    )
    texts = [
        p
        for p in (*layout.placeholders, *layout.slide_master.placeholders)
        if p.placeholder_format.type in _TITLE_AND_BODY and p.width and p.height
    ]
    texts = [p for p in texts if p in layout.placeholders] or texts
    for owner in reversed(owners):
        for shape in owner.shapes:
            if shape.is_placeholder or not shape.width or not shape.height:
                continue
            if shape.width * shape.height < 0.9 * area and not _holds(shape, texts):
                continue
            if isinstance(shape, Picture):
                blob = io.BytesIO(shape.image.blob)
                slide.shapes.add_picture(blob, shape.left, shape.top, shape.width, shape.height)
            else:
                slide.shapes._spTree.append(copy.deepcopy(shape.element))


def _holds(shape: Any, boxes: list[Any]) -> bool:
    """Whether ``shape``'s box holds every one of ``boxes`` (there being one or more)."""
    return bool(boxes) and all(
        shape.left <= b.left
        and shape.top <= b.top
        and b.left + b.width <= shape.left + shape.width
        and b.top + b.height <= shape.top + shape.height
        for b in boxes
    )


def decoration_masks(decorations: Decorations, dpi: int) -> list[Image.Image]:
    """Per layout, the pixels where the template's own pictures and shapes show (white),
    less its text placeholders. ``decorations`` names the two decks as printed PDFs."""
    masks = []
    for one, other, areas in zip(
        page_images(decorations.decorated, dpi),
        page_images(decorations.bare, dpi),
        decorations.text_areas,
        strict=True,
    ):
        drawn = ImageChops.difference(one, other).convert("L")
        mask = drawn.point(lambda v: 255 if v > _INK else 0)
        scale = dpi / 72
        for area in areas:
            # Every pixel the area touches: LibreOffice sets text at a box's edge a few
            # hundredths of a point outside it, a pixel's column at coarse resolutions.
            x0, y0 = math.floor(area.x0 * scale), math.floor(area.y0 * scale)
            mask.paste(0, (x0, y0, math.ceil(area.x1 * scale), math.ceil(area.y1 * scale)))
        masks.append(mask)
    return masks


_INK = 30  # grey-level difference that is a drawn pixel, not rendering noise
_ON_DECORATION = 0.1  # share of a word's core on the template's pictures that a reader notices


def on_decorations(page: Page, mask: Image.Image) -> list[str]:
    """Words that sit on the template's own pictures and shapes (``decoration_masks``).

    Text on a background picture is the contrast check's to judge; these are the pictures,
    bands and shapes a template places for decoration, which kit must leave clear.
    """
    scale = mask.width / page.width
    problems = []
    for word in page.words:
        box = core(word.box)
        x0, y0 = max(int(box.x0 * scale), 0), max(int(box.y0 * scale), 0)
        x1 = min(int(box.x1 * scale + 0.999), mask.width)
        y1 = min(int(box.y1 * scale + 0.999), mask.height)
        if x1 <= x0 or y1 <= y0:
            continue
        covered = mask.crop((x0, y0, x1, y1)).histogram()[255] / ((x1 - x0) * (y1 - y0))
        if covered > _ON_DECORATION:
            problems.append(f"p{page.number}: {word.at()} lies on the template's picture")
    return problems


# --- fonts ------------------------------------------------------------------------------


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """Each font ``pdffonts`` lists: its name (subset tag kept) and whether it is embedded.

    Columns are cut where the dashed rule under the header marks them out, since a font's
    type may hold spaces.
    """
    lines = tool_output("pdffonts", path).splitlines()
    columns = [match.span() for match in re.finditer(r"-+", lines[1])]
    name, emb = columns[0], columns[3]
    return [(line[: name[1]].strip(), line[emb[0] : emb[1]].strip() == "yes") for line in lines[2:]]


def unembedded_fonts(path: Path) -> list[str]:
    """Fonts the PDF uses without embedding them."""
    return [f"font {name} is not embedded" for name, embedded in pdf_fonts(path) if not embedded]


# --- everything at once -----------------------------------------------------------------


CHECKS = ("off-page", "overlap", "broken-word", "contrast", "font-size", "fonts")
# A deck printed by LibreOffice, read with its template's decoration (``bare_layouts``).
DECK_CHECKS = ("on-decoration",)
# How a document that flows from page to page (not cards, signs or slides) reads.
FLOW_CHECKS = ("sparse-page", "stranded-heading")


@dataclass
class Reading:
    """One PDF read once, as a reader gets it; each check's problems on demand."""

    path: Path
    words: frozenset[str]  # the source's vocabulary, for broken words
    inset: float = 0.0  # how close to the edge a word may come (a printer's margin)
    floor: float = 0.0  # the smallest font size allowed
    dpi: int = 100
    fonts: bool = True  # read sizes and text off the page with pdfplumber (seconds per deck)
    decorations: Decorations | None = None  # a deck's template alone, printed

    def __post_init__(self) -> None:
        self.pages = word_pages(self.path)
        if self.fonts:
            self.pages = with_fonts(self.pages, self.path)
        self._found: dict[str, list[str]] = {}

    def problems(self, check: str) -> list[str]:
        """The problems ``check`` (one of ``CHECKS``) finds, prefixed with the file name."""
        if check not in self._found:
            self._found[check] = [f"{self.path.name} {p}" for p in self._run(check)]
        return self._found[check]

    def _drawn(self) -> list[Page]:
        """The pages without the words the template prints itself (a slide number in its
        own shape, a text on its master): those are the template's, not the deck's."""
        if self.decorations is None:
            return self.pages
        own = [page.words for page in word_pages(self.decorations.decorated)]
        return [
            replace(
                page,
                words=tuple(
                    w for w in page.words if not any(w.box.intersects(o.box) for o in own[layout])
                ),
            )
            for page, layout in zip(self.pages, self.decorations.layouts, strict=True)
        ]

    def _finer(self, number: int) -> Callable[[], Image.Image]:
        """Page ``number`` at three times the reading's resolution, drawn when first asked."""
        drawn: list[Image.Image] = []

        def image() -> Image.Image:
            if not drawn:
                drawn.extend(page_images(self.path, 3 * self.dpi, only=number))
            return drawn[0]

        return image

    def _run(self, check: str) -> list[str]:
        if check == "fonts":
            return unembedded_fonts(self.path)
        if check == "sparse-page":
            return sparse_pages(self.pages)
        if check == "stranded-heading":
            return stranded_headings(self.pages)
        if check == "on-decoration":
            assert self.decorations is not None, "read without its template's decoration"
            masks = decoration_masks(self.decorations, self.dpi)
            return [
                p
                for page, layout in zip(self._drawn(), self.decorations.layouts, strict=True)
                for p in on_decorations(page, masks[layout])
            ]
        if check == "contrast":
            images = page_images(self.path, self.dpi)
            return [
                p
                for page, image in zip(self._drawn(), images, strict=True)
                for p in low_contrast(page, image, finer=self._finer(page.number))
            ]
        per_page = {
            "off-page": lambda page: off_page(page, self.inset),
            "overlap": overlaps,
            "broken-word": lambda page: broken_words(page, self.words),
            "font-size": lambda page: below(page, self.floor),
        }[check]
        return [p for page in self.pages for p in per_page(page)]
