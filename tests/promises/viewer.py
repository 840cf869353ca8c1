"""The deck and PDFs as a reader gets them: LibreOffice's render, word boxes, shape frames.

Nothing here asks kit's layout planner anything: shapes are read back from the .pptx,
words from the PDFs with ``pdftotext -bbox-layout``.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from ..conftest import require_tool

_NS = {"x": "http://www.w3.org/1999/xhtml"}
TOLERANCE = 1.5  # points: glyph boxes and rounding between two renderers


def libreoffice_pdf(pptx: Path, out_dir: Path) -> Path:
    """``pptx`` converted to PDF by LibreOffice, with a profile of its own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    subprocess.run(
        [
            require_tool("soffice"),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=1800,  # a hang guard: a conversion takes seconds
    )
    return out_dir / f"{pptx.stem}.pdf"


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def core(self) -> Rect:
        """A word box less the font's ascender and descender room, where the ink is.

        Renderers give a word the whole ascent and descent of its font, more than the line
        it sits on; lines set tightly in their box overlap its edges by that much.
        """
        room = (self.y1 - self.y0) * 0.2
        return Rect(self.x0, self.y0 + room, self.x1, self.y1 - room)

    def holds(self, other: Rect, tolerance: float = TOLERANCE) -> bool:
        return (
            self.x0 - tolerance <= other.x0
            and other.x1 <= self.x1 + tolerance
            and self.y0 - tolerance <= other.y0
            and other.y1 <= self.y1 + tolerance
        )


@dataclass(frozen=True)
class Word:
    text: str
    rect: Rect


@dataclass(frozen=True)
class Page:
    number: int
    rect: Rect
    words: tuple[Word, ...]


def word_pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its words' boxes, in points from the top-left corner."""
    xhtml = subprocess.run(
        [require_tool("pdftotext"), "-bbox-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = []
    for number, page in enumerate(ET.fromstring(xhtml).iterfind(".//x:page", _NS), 1):
        words = tuple(
            Word(word.text or "", Rect(*(float(word.get(k, 0)) for k in _CORNERS)))
            for word in page.iterfind(".//x:word", _NS)
        )
        size = Rect(0, 0, float(page.get("width", 0)), float(page.get("height", 0)))
        pages.append(Page(number, size, words))
    return pages


_CORNERS = ("xMin", "yMin", "xMax", "yMax")


def tokens(text: str) -> set[str]:
    """The words of ``text`` as compared between a source and a render."""
    return {token.casefold() for token in re.findall(r"\w+", text)}


@dataclass(frozen=True)
class Frame:
    """A shape of the deck that holds text: where it is and the words it holds."""

    name: str
    rect: Rect
    words: frozenset[str]


def text_frames(pptx: Path) -> list[list[Frame]]:
    """Per slide, every shape with text (a table as one frame), as written into ``pptx``."""
    slides = []
    for slide in Presentation(str(pptx)).slides:
        frames = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                text = shape.text_frame.text
            elif shape.has_table:
                text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
            else:
                continue
            x, y = Emu(shape.left).pt, Emu(shape.top).pt
            rect = Rect(x, y, x + Emu(shape.width).pt, y + Emu(shape.height).pt)
            frames.append(Frame(shape.name, rect, frozenset(tokens(text))))
        slides.append(frames)
    return slides


def words_outside_their_shapes(pdf: Path, pptx: Path) -> list[str]:
    """Words of ``pdf`` (a render of ``pptx``) that no shape holding that word contains.

    A word no shape holds (a bullet, a slide number) is judged against the slide only.
    """
    problems = []
    for page, frames in zip(word_pages(pdf), text_frames(pptx), strict=True):
        for word in page.words:
            owners = [f for f in frames if tokens(word.text) & f.words]
            allowed = [f.rect for f in owners] or [page.rect]
            if not any(rect.holds(word.rect.core) for rect in allowed):
                where = ", ".join(f.name for f in owners) or "the slide"
                box = word.rect
                problems.append(
                    f"slide {page.number}: '{word.text}' at ({box.x0:.0f}, {box.y0:.0f}, "
                    f"{box.x1:.0f}, {box.y1:.0f}) is outside {where}"
                )
    return problems


def words_off_page(pdf: Path) -> list[str]:
    """Words of ``pdf`` not wholly on their page."""
    return [
        f"page {page.number}: '{word.text}'"
        for page in word_pages(pdf)
        for word in page.words
        if not page.rect.holds(word.rect, tolerance=0.5)
    ]
