"""A template's theme, and its DrawingML colours as a slide shows them.

``read_theme(master)`` reads the theme a slide master uses: its colour scheme, heading
and body fonts and background fill styles. ``Colours`` resolves a colour element (scheme
colours through the master's colour map, or a layout's override, then tints, shades and
luminance changes) to ``#RRGGBB``.
"""

from __future__ import annotations

import colorsys
import copy
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from pptx.slide import SlideLayout, SlideMaster

EMU_PER_POINT = 12700
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": _A, "p": _P, "r": _R}
EMBED = f"{{{_R}}}embed"
_SCHEME = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")
_PRESET_COLOURS = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF"}


@dataclass(frozen=True)
class Theme:
    """A theme's colours by scheme name (dk1, lt1, accent1, ...), fonts and background
    fill styles (``backgrounds[0]`` is ``idx`` 1001)."""

    colours: dict[str, str]
    heading: str | None
    body: str | None
    backgrounds: tuple[etree._Element, ...]


def read_theme(master: SlideMaster) -> Theme:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    return _theme(master.part.part_related_by(RT.THEME).blob)


# Read for each layout kit looks at; a template's masters often carry the same theme.
@lru_cache(maxsize=8)
def _theme(blob: bytes) -> Theme:
    root = etree.fromstring(blob)
    scheme = root.find("a:themeElements/a:clrScheme", NS)
    colours: dict[str, str] = {}
    for name in _SCHEME:
        element = scheme.find(f"a:{name}", NS) if scheme is not None else None
        if element is not None and len(element):
            value = _plain_colour(element[0])
            if value:
                colours[name] = value
    fonts = root.find("a:themeElements/a:fontScheme", NS)

    def typeface(which: str) -> str | None:
        latin = fonts.find(f"a:{which}/a:latin", NS) if fonts is not None else None
        face = latin.get("typeface") if latin is not None else None
        return face or None

    backgrounds = tuple(root.iterfind("a:themeElements/a:fmtScheme/a:bgFillStyleLst/*", NS))
    return Theme(colours, typeface("majorFont"), typeface("minorFont"), backgrounds)


class Colours:
    """Resolves DrawingML colours as a slide on one layout (or on the master) shows them.

    ``placeholder`` is what ``phClr`` stands for inside a theme style.
    """

    def __init__(
        self, theme: Theme, mapping: Mapping[str, str], placeholder: str | None = None
    ) -> None:
        self.theme = theme
        self._mapping = mapping
        self._placeholder = placeholder

    @classmethod
    def on(cls, master: SlideMaster, theme: Theme, layout: SlideLayout | None = None) -> Colours:
        """The colours of a slide on ``layout`` (its colour map override, if any), or of
        the master itself."""
        found = master._element.find("p:clrMap", NS)
        mapping = dict(found.attrib) if found is not None else {}
        override = (
            layout._element.find("p:clrMapOvr/a:overrideClrMapping", NS)
            if layout is not None
            else None
        )
        return cls(theme, dict(override.attrib) if override is not None else mapping)

    def standing_for(self, colour: str | None) -> Colours:
        """These colours, with ``phClr`` in a theme style standing for ``colour``."""
        return Colours(self.theme, self._mapping, colour)

    def background_style(self, index: int) -> etree._Element | None:
        """The theme's background fill style ``index`` (1001 on), wrapped as a fill holder."""
        styles = self.theme.backgrounds
        if not 1001 <= index < 1001 + len(styles):
            return None
        holder = etree.Element("holder")
        holder.append(copy.deepcopy(styles[index - 1001]))
        return holder

    def of(self, holder: etree._Element | None) -> str | None:
        """The colour of the first colour element in ``holder`` (a fill, a ``gs``, ...)."""
        if holder is None:
            return None
        for element in holder:
            name = etree.QName(element).localname
            base: str | None
            if name == "schemeClr":
                value = element.get("val", "")
                if value == "phClr":
                    base = self._placeholder
                else:
                    base = self.theme.colours.get(self._mapping.get(value, value))
            elif name == "prstClr":
                base = _PRESET_COLOURS.get(element.get("val", ""), "#808080")
            elif name == "scrgbClr":
                channels = (int(element.get(c, "0")) / 100000 for c in "rgb")
                base = "#" + "".join(f"{round(_gamma(v) * 255):02X}" for v in channels)
            elif name == "hslClr":
                hue = int(element.get("hue", "0")) / 21600000
                sat = int(element.get("sat", "0")) / 100000
                lum = int(element.get("lum", "0")) / 100000
                base = _hex(colorsys.hls_to_rgb(hue, lum, sat))
            else:
                base = _plain_colour(element)
                if base is None:
                    continue
            return _changed(base, element) if base else None
        return None


def _plain_colour(element: etree._Element) -> str | None:
    """An ``a:srgbClr`` or ``a:sysClr`` as ``#RRGGBB`` (None for other kinds)."""
    name = etree.QName(element).localname
    if name == "srgbClr":
        return "#" + element.get("val", "000000").upper()
    if name == "sysClr":
        return "#" + element.get("lastClr", "000000").upper()
    return None


def _gamma(linear: float) -> float:
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def _hex(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in channels)


def _changed(colour: str, element: etree._Element) -> str:
    """``colour`` with the element's tint, shade and luminance changes applied, in order."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for change in element:
        name = etree.QName(change).localname
        amount = int(change.get("val", "0")) / 100000
        if name == "tint":
            r, g, b = (c + (1 - c) * (1 - amount) for c in (r, g, b))
        elif name == "shade":
            r, g, b = (c * amount for c in (r, g, b))
        elif name in ("lumMod", "lumOff"):
            hue, lum, sat = colorsys.rgb_to_hls(r, g, b)
            lum = lum * amount if name == "lumMod" else lum + amount
            r, g, b = colorsys.hls_to_rgb(hue, min(max(lum, 0.0), 1.0), sat)
    return _hex((r, g, b))
