"""Where words sit on a PDF's pages, as ``pdftotext -bbox-layout`` reports them."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..conftest import require_tool

_NS = {"x": "http://www.w3.org/1999/xhtml"}


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

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0),
                   max(self.x1, other.x1), max(self.y1, other.y1))


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[tuple[str, Box], ...]  # in reading order, block by block

    def find(self, phrase: str) -> Box | None:
        """The box around the first run of words spelling ``phrase``, if any."""
        tokens = phrase.split()
        texts = [text for text, _ in self.words]
        for start in range(len(texts) - len(tokens) + 1):
            if texts[start : start + len(tokens)] == tokens:
                box = self.words[start][1]
                for _, other in self.words[start + 1 : start + len(tokens)]:
                    box = box.union(other)
                return box
        return None


def word_pages(path: Path) -> list[Page]:
    """Every page of the PDF at ``path`` with its words and their boxes."""
    tool = require_tool("pdftotext")
    xhtml = subprocess.run([tool, "-bbox-layout", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout
    pages = []
    for page in ET.fromstring(xhtml).iterfind(".//x:page", _NS):
        words = tuple(
            (word.text or "", Box(*(float(word.get(k, 0)) for k in ("xMin", "yMin", "xMax",
                                                                     "yMax"))))
            for word in page.iterfind(".//x:word", _NS)
        )
        pages.append(Page(float(page.get("width", 0)), float(page.get("height", 0)), words))
    return pages
