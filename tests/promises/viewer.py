"""The deck's shapes as written into the .pptx, against the words of a render of it.

Nothing here asks kit's layout planner anything: shapes are read back from the .pptx,
words from the PDFs with ``pdftotext -bbox-layout`` (``tests/readers.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.shapes.base import BaseShape
from pptx.text.text import TextFrame
from pptx.util import Emu

from ..readers import Box, core, word_pages

TOLERANCE = 1.5  # points: glyph boxes and rounding between two renderers


def tokens(text: str) -> set[str]:
    """The words of ``text`` as compared between a source and a render."""
    return {token.casefold() for token in re.findall(r"\w+", text)}


@dataclass(frozen=True)
class Frame:
    """A shape of the deck that holds text: where it is and the words it holds."""

    name: str
    box: Box
    words: frozenset[str]


def shape_text_frames(shape: BaseShape) -> list[TextFrame]:
    """A shape's python-pptx text frames: each cell's of a table, its own, or none."""
    if shape.has_table:
        return [cell.text_frame for row in shape.table.rows for cell in row.cells]
    return [shape.text_frame] if shape.has_text_frame else []


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
            box = Box(x, y, x + Emu(shape.width).pt, y + Emu(shape.height).pt)
            frames.append(Frame(shape.name, box, frozenset(tokens(text))))
        slides.append(frames)
    return slides


def words_outside_their_shapes(pdf: Path, pptx: Path) -> list[str]:
    """Words of ``pdf`` (a render of ``pptx``) that no shape holding that word contains.

    A word no shape holds (a bullet, a slide number) is judged against the slide only.
    """
    problems = []
    for page, frames in zip(word_pages(pdf), text_frames(pptx), strict=True):
        slide = Box(0, 0, page.width, page.height)
        for word in page.words:
            owners = [f for f in frames if tokens(word.text) & f.words]
            allowed = [f.box for f in owners] or [slide]
            if not any(box.holds(core(word.box), TOLERANCE) for box in allowed):
                where = ", ".join(f.name for f in owners) or "the slide"
                box = word.box
                problems.append(
                    f"slide {page.number}: '{word.text}' at ({box.x0:.0f}, {box.y0:.0f}, "
                    f"{box.x1:.0f}, {box.y1:.0f}) is outside {where}"
                )
    return problems
