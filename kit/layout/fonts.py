"""The shipped font family and text measurement with its real metrics.

Decks name Arial, which presenters' machines have; text is measured with Liberation Sans,
whose advance widths match Arial's glyph for glyph, so what fits here fits there. PDFs
embed Liberation Sans itself. Both cover Latin, Greek and Cyrillic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

_FILES = {
    (False, False): "LiberationSans-Regular.ttf",
    (True, False): "LiberationSans-Bold.ttf",
    (False, True): "LiberationSans-Italic.ttf",
    (True, True): "LiberationSans-BoldItalic.ttf",
}


def font_dir() -> Path:
    return Path(str(resources.files("kit").joinpath("fonts")))


def font_file(bold: bool = False, italic: bool = False) -> Path:
    return font_dir() / _FILES[(bold, italic)]


def face_name(bold: bool = False, italic: bool = False) -> str:
    """The name a PDF renderer registers this face under, e.g. ``LiberationSans-Bold``."""
    return _FILES[(bold, italic)].removesuffix(".ttf")


@dataclass(frozen=True)
class FaceMetrics:
    """Advance widths and vertical metrics of one face, in font units."""

    units_per_em: int
    advances: dict[int, int]
    missing_advance: int
    ascent: int
    descent: int
    # Each text's width in font units: fitting tries the same words at size after size.
    _units: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` at ``size`` points, without kerning (PowerPoint's default)."""
        units = self._units.get(text)
        if units is None:
            get = self.advances.get
            units = self._units[text] = sum(get(ord(c), self.missing_advance) for c in text)
        return units * size / self.units_per_em

    def covers(self, char: str) -> bool:
        return ord(char) in self.advances


@cache
def metrics(bold: bool = False, italic: bool = False) -> FaceMetrics:
    from fontTools.ttLib import TTFont

    with TTFont(font_file(bold, italic)) as font:
        hmtx = font["hmtx"]
        advances = {code: hmtx[name][0] for code, name in font.getBestCmap().items()}
        hhea = font["hhea"]
        return FaceMetrics(
            units_per_em=font["head"].unitsPerEm,
            advances=advances,
            missing_advance=hmtx[".notdef"][0],
            ascent=hhea.ascent,
            descent=-hhea.descent,
        )
