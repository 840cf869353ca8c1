"""Fit styled text to a box, its paragraphs wrapped with real font metrics (``wrapping``).

The result is plain data (``Text``): paragraphs of wrapped lines at a chosen size. The
deck writer gives the same paragraphs to PowerPoint, which wraps them the same way
because the metrics match; PDF writers draw the lines exactly as wrapped here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kit.layout.fonts import per_fonts
from kit.layout.wrapping import SPACE, Line, wrap
from kit.model import markup
from kit.model.markup import Run

LINE_SPACING = 1.2  # line height as a multiple of the font size
PARA_SPACING = 0.4  # space before a paragraph (not the first), as a multiple of the size
INDENT = 1.1  # hanging indent per bullet level, as a multiple of the size
# Office suites kern and round a little differently; wrap a hair short of the edge.
WRAP_SAFETY = 0.97
BALANCE = 0.7  # the narrowest share of its box a paragraph is re-set in to lose a lone word

Align = Literal["left", "center", "right"]
Anchor = Literal["top", "middle", "bottom"]


@dataclass(frozen=True)
class ParaSpec:
    """A paragraph to lay out: inline-markup text and how to set it."""

    text: str
    level: int = 0
    bullet: str = ""
    scale: float = 1.0
    bold: bool = False
    italic: bool = False
    color: str = ""
    align: Align = "left"
    least: float = 0.0  # points: a scaled paragraph (a sub-bullet) never goes under this
    keep_with_next: bool = False  # never the last paragraph of a box when more follow
    joined: bool = False  # no space before: one unit with the paragraph above (a stage's name)
    # the rest of a bullet split between boxes: no mark, its text where the bullet's text
    # stands, so the eye finds the rest of the item under its start
    continued: bool = False


@dataclass(frozen=True)
class Para:
    """A laid-out paragraph: its lines, size and spacing, all in points."""

    lines: tuple[Line, ...]
    size: float
    bullet: str
    level: int
    indent: float
    space_before: float
    color: str
    align: Align
    continued: bool = False  # the rest of a bullet: at its text's indent, no mark

    @property
    def line_height(self) -> float:
        return self.size * LINE_SPACING

    @property
    def height(self) -> float:
        return self.space_before + len(self.lines) * self.line_height

    @property
    def splits_words(self) -> bool:
        """Whether a word too wide for the line had to be broken between letters."""
        return any(line.end == "" for line in self.lines[:-1])

    @property
    def hang(self) -> float:
        """How far the bullet hangs left of the text (0 without a bullet)."""
        return INDENT * self.size if self.bullet else 0.0

    @property
    def text(self) -> str:
        return "".join(line.text + line.end for line in self.lines).rstrip()


@dataclass(frozen=True)
class Text:
    """Laid-out paragraphs and where they sit vertically in their box."""

    paragraphs: tuple[Para, ...]
    anchor: Anchor = "top"
    base: float = 0.0  # the size it was set at, before each paragraph's own scale
    spacing: float = PARA_SPACING  # space before its paragraphs, as a multiple of their size

    @property
    def height(self) -> float:
        return sum(p.height for p in self.paragraphs)

    @property
    def size(self) -> float:
        return max((p.size for p in self.paragraphs), default=0.0)

    @property
    def whole_words(self) -> bool:
        """No word had to be broken between letters to fit the width."""
        return not any(p.splits_words for p in self.paragraphs)

    @property
    def plain(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def _styled_runs(spec: ParaSpec) -> tuple[Run, ...]:
    return tuple(
        Run(run.text, run.bold or spec.bold, run.italic or spec.italic)
        for run in markup.parse(spec.text)
    )


def set_text(
    specs: list[ParaSpec],
    width: float,
    size: float,
    anchor: Anchor = "top",
    spacing: float = PARA_SPACING,
) -> Text:
    """Lay out ``specs`` at ``size`` points in a box ``width`` points wide, ``spacing``
    times their size before each paragraph."""
    return _set(tuple(specs), width, size, anchor, spacing)


@per_fonts  # fitting and parting set the same text at the same size again, and so does a watch
def _set(
    specs: tuple[ParaSpec, ...], width: float, size: float, anchor: Anchor, spacing: float
) -> Text:
    paragraphs = []
    for index, spec in enumerate(specs):
        para_size = max(round(size * spec.scale, 1), spec.least)
        marked = spec.bullet or spec.continued
        indent = INDENT * para_size * (spec.level + (1 if marked else 0))
        lines = wrap(_styled_runs(spec), (width - indent) * WRAP_SAFETY, para_size)
        paragraphs.append(
            Para(
                lines=lines,
                size=para_size,
                bullet=spec.bullet,
                level=spec.level,
                indent=indent,
                space_before=0.0 if index == 0 or spec.joined else spacing * para_size,
                color=spec.color,
                align=spec.align,
                continued=spec.continued,
            )
        )
    return Text(tuple(paragraphs), anchor, size, spacing)


def fit_text(
    specs: list[ParaSpec],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    anchor: Anchor = "top",
    spacing: float = PARA_SPACING,
) -> Text | None:
    """The largest size from ``max_size`` down to ``min_size`` at which the text fits
    (``spacing`` as in ``set_text``).

    A size that fits only by breaking a word between letters is passed over while a
    smaller size keeps every word whole.
    """
    first_fit: Text | None = None
    for size in size_steps(max_size, min_size):
        text = set_text(specs, width, size, anchor, spacing)
        if text.height <= height:
            if text.whole_words:
                return text
            first_fit = first_fit or text
    return first_fit


def fit_all(
    spec_lists: list[list[ParaSpec]], width: float, height: float, max_size: float, min_size: float
) -> list[Text]:
    """Several boxes of the same size set at one common size: the largest at which all fit."""
    for size in size_steps(max_size, min_size):
        texts = [set_text(specs, width, size) for specs in spec_lists]
        if all(t.height <= height and t.whole_words for t in texts):
            return texts
    return [set_text(specs, width, min_size) for specs in spec_lists]


def size_steps(max_size: float, min_size: float) -> Iterator[float]:
    """Candidate sizes, largest first: whole points down to 20, half points below, then
    ``min_size`` itself, which the steps from an off-grid ``max_size`` would skip."""
    if max_size < min_size:
        return
    size = max_size
    while size > min_size:
        yield size
        size -= 1 if size > 20 else 0.5
    yield min_size


def unwidowed(text: Text, width: float) -> tuple[Text, float]:
    """``text`` (one paragraph, set ``width`` wide) re-set narrower so its last line holds
    more than one word, its lines otherwise as many, with the narrower width: as it was
    when its last line already does, or no width down to ``BALANCE`` of it does.

    Viewers wrap at the box's edge, kit a hair short of it (``WRAP_SAFETY``): the width gives
    both the same lines, and where it can, a viewer whose font runs as much narrower (a
    system's oblique where kit has one face). A lone last word reads as left behind."""
    (para,) = text.paragraphs
    spec = respec(para, text.base)
    for slack in (WRAP_SAFETY**2, WRAP_SAFETY):
        narrow = width
        while narrow > width * BALANCE:
            tried = set_text([spec], narrow, text.base, text.anchor)
            lines = [line.text for line in tried.paragraphs[0].lines]
            if len(lines) > len(para.lines) or not tried.whole_words:
                break
            viewer = set_text([spec], narrow / slack, text.base, text.anchor)
            alone = len(lines) > 1 and not SPACE.search(lines[-1])
            if lines == [line.text for line in viewer.paragraphs[0].lines] and not alone:
                return tried, narrow
            narrow -= width * 0.02
    return text, width


def respec(para: Para, base: float) -> ParaSpec:
    """The paragraph ``para`` as it was asked for, to set again."""
    text = "".join(markup.unparse(line.runs) + line.end for line in para.lines).rstrip()
    return ParaSpec(
        text,
        level=para.level,
        bullet=para.bullet,
        scale=para.size / base if base else 1.0,
        color=para.color,
        align=para.align,
        continued=para.continued,
    )
