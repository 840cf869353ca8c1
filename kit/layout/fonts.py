"""The font families kit measures text with and embeds in PDFs, chosen by the theme.

A theme font is a name, or a TrueType file in the workshop folder. kit ships open families
whose advance widths match, glyph for glyph, the fonts templates name most: Liberation Sans
for Arial, Liberation Serif for Times New Roman, Liberation Mono for Courier New, Carlito for
Calibri and Caladea for Cambria (all under the SIL Open Font License, beside this module).
Text in those names is measured exactly, and a deck keeps the name, which presenters'
machines have; a name kit has no metrics for is measured with Liberation Sans (the loader
warns). A font file is measured and embedded as it is, all four faces drawn from it.

The build sets a workshop's fonts (``using``) around its plan and each renderer; outside,
text is measured and drawn in Liberation Sans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from kit.layout.fontfile import read_face
from kit.model.basics import is_font_file, other_faces

R = TypeVar("R")
DEFAULT = "Liberation Sans"
# Shipped families by name, and the names they stand in for (metric twins).
_SHIPPED = {
    "Liberation Sans": "LiberationSans",
    "Liberation Serif": "LiberationSerif",
    "Liberation Mono": "LiberationMono",
    "Carlito": "Carlito",
    "Caladea": "Caladea",
}
_TWINS = {
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "arimo": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "tinos": "Liberation Serif",
    "courier new": "Liberation Mono",
    "courier": "Liberation Mono",
    "cousine": "Liberation Mono",
    "calibri": "Carlito",
    "cambria": "Caladea",
    **{name.lower(): name for name in _SHIPPED},
}
_FACES = ("Regular", "Bold", "Italic", "BoldItalic")


def font_dir() -> Path:
    return Path(str(resources.files("kit").joinpath("fonts")))


def measured_with(choice: str) -> str | None:
    """The shipped family whose metrics a font name is measured with; None if kit has none."""
    return _TWINS.get(choice.strip().lower())


@dataclass(frozen=True)
class Family:
    """A family's four faces (regular, bold, italic, bold italic) as files; one file may
    stand for several. ``version`` tells a font file changed in place from what it was."""

    name: str
    files: tuple[Path, Path, Path, Path]
    version: tuple[int, ...] = ()

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        return self.files[int(bold) + 2 * int(italic)]

    @property
    def key(self) -> str:
        """A name for this family and no other (a font file changed in place gets another)."""
        stem = self.files[0].stem.removesuffix("-Regular")
        if not self.version:
            return stem
        digest = hashlib.sha256(repr((self.files, self.version)).encode()).hexdigest()
        return f"{stem}-{digest[:12]}"


def family(choice: str = DEFAULT) -> Family:
    """The family a theme font (a name, or the absolute path of a checked font file) is in.

    A font file's missing faces are drawn with the nearest it has: bold italic with bold,
    then italic; any face with the regular one. Font files are read afresh each build.
    """
    if not is_font_file(choice):
        return _shipped(measured_with(choice) or DEFAULT)
    regular = Path(choice)
    bold, italic, both = (
        next((Path(name) for name in names if Path(name).is_file()), None)
        for names in other_faces(choice)
    )
    both = both or bold or italic or regular
    files = (regular, bold or regular, italic or regular, both)
    version = tuple(n for path in files for n in (path.stat().st_mtime_ns, path.stat().st_size))
    return Family(_family_name(regular), files, version)


@cache
def _shipped(name: str) -> Family:
    files = tuple(font_dir() / f"{_SHIPPED[name]}-{face}.ttf" for face in _FACES)
    return Family(name, (files[0], files[1], files[2], files[3]))


def deck_name(choice: str) -> str:
    """The name a deck gives a theme font: a font file's family name, or the name as given."""
    return family(choice).name if is_font_file(choice) else choice


def _family_name(path: Path) -> str:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        names = font["name"]
        found = names.getDebugName(16) or names.getDebugName(1)
    return found or path.stem


@dataclass(frozen=True, eq=False)
class _InUse:
    """Families in use, and their combined faces and memos once asked for: text is measured
    word by word, and hashing the families' paths at every word cost a sixth of the deck's
    plan."""

    families: tuple[Family, ...]
    faces: dict[tuple[bool, bool], FaceMetrics] = field(default_factory=dict)
    memos: dict[Callable[..., Any], dict[Hashable, Any]] = field(default_factory=dict)


# The families text is measured and drawn with: a context variable, so each thread and
# each ``using`` block has its own, and nothing outlives the build that set it.
_in_use: ContextVar[_InUse | None] = ContextVar("fonts in use", default=None)
_SHIPPED_IN_USE = _InUse((family(),))  # outside any ``using``


@contextmanager
def using(heading: str, body: str) -> Iterator[None]:
    """Measure and draw with a workshop's fonts inside the block.

    Text is measured as the wider of the two families, so a line fits in the heading font
    and the body font alike; PDFs draw in the body font.
    """
    token = _in_use.set(_InUse(tuple(dict.fromkeys(family(c) for c in (body, heading)))))
    try:
        yield
    finally:
        _in_use.reset(token)


# Each remembered function's memo, with the families it was measured with: the last build's.
_MEMOS: dict[Callable[..., Any], tuple[tuple[Family, ...], dict[Hashable, Any]]] = {}


def per_fonts(function: Callable[..., R]) -> Callable[..., R]:
    """``function`` (of hashable positional arguments, measuring with the fonts in use)
    remembered for the fonts in use: the deck is planned twice, and the drawing reuses the
    probe's work. A font file changed in place is another family, measured anew."""

    @wraps(function)
    def remembered(*args: Hashable) -> R:
        in_use = _in_use.get() or _SHIPPED_IN_USE
        memo = in_use.memos.get(function)
        if memo is None:
            memo = in_use.memos[function] = _memo(in_use.families, function)
        if args not in memo:
            memo[args] = function(*args)
        result: R = memo[args]
        return result

    return remembered


def _memo(families: tuple[Family, ...], function: Callable[..., Any]) -> dict[Hashable, Any]:
    """``function``'s memo for ``families``: a new one once the fonts change."""
    kept = _MEMOS.get(function)
    if kept is None or kept[0] != families:
        kept = _MEMOS[function] = (families, {})
    return kept[1]


def current() -> Family:
    """The family PDFs draw in here: the body font of the workshop being built."""
    return (_in_use.get() or _SHIPPED_IN_USE).families[0]


def face_name(bold: bool = False, italic: bool = False) -> str:
    """The name a PDF renderer registers a face of the family in use under, e.g.
    ``LiberationSans-Bold``; each family has names of its own, as reportlab keeps the
    first font registered under a name."""
    return f"{current().key}-{_FACES[int(bold) + 2 * int(italic)]}"


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
        return self.units(text) * size / self.units_per_em

    def units(self, text: str) -> int:
        """Width of ``text`` in font units."""
        units = self._units.get(text)
        if units is None:
            get = self.advances.get
            units = self._units[text] = sum(get(ord(c), self.missing_advance) for c in text)
        return units

    def covers(self, char: str) -> bool:
        return ord(char) in self.advances

    def widest(self, other: FaceMetrics) -> FaceMetrics:
        """Each character as wide as the wider of the two faces makes it, in these units."""
        scale = self.units_per_em / other.units_per_em
        theirs = {code: round(units * scale) for code, units in other.advances.items()}
        advances = {
            code: max(self.advances.get(code, 0), theirs.get(code, 0))
            for code in self.advances.keys() | theirs.keys()
        }
        missing = max(self.missing_advance, round(other.missing_advance * scale))
        return FaceMetrics(self.units_per_em, advances, missing, self.ascent, self.descent)


def metrics(bold: bool = False, italic: bool = False) -> FaceMetrics:
    """The metrics text is measured with: the wider of the families in use."""
    in_use = _in_use.get() or _SHIPPED_IN_USE
    face = in_use.faces.get((bold, italic))
    if face is None:
        face = in_use.faces[bold, italic] = _combined(in_use.families, bold, italic)
    return face


@cache  # a font file changed in place is another Family (its version), so it is read again
def _combined(families: tuple[Family, ...], bold: bool, italic: bool) -> FaceMetrics:
    first, *others = (_face(f.file(bold, italic)) for f in families)
    for other in others:
        first = first.widest(other)
    return first


def _face(path: Path) -> FaceMetrics:
    shipped = read_face(path) if path.parent == font_dir() else None
    if shipped is not None:
        return FaceMetrics(*shipped)
    from fontTools.ttLib import TTFont

    with TTFont(path) as font:
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
