"""The organisation's brand on printed pages: its logo and its accent colour.

The logo (``theme.logo``) sits at the left end of the running header of every page of every
printed document, at the same place and size on each, its proportions kept, with the
header's text beside it. Like the rest of the running header it is a pagination artifact in
the tagged PDF: the organisation is named in the text, and a logo read out on every page
would only be noise.

Text keeps its contrast on white paper (``kit.pdf.draw.print_theme``); the accent, often
too light for text on paper, colours rules only.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kit.layout.pictures import Prepared, prepare
from kit.model import Theme
from kit.model.colour import WHITE, contrast

LOGO_HEIGHT = 9 * mm  # tall enough to recognise, short enough for a header
LOGO_WIDTH = 45 * mm  # at most: a wide wordmark is scaled down to this
LOGO_GAP = 3 * mm  # between the logo and the header's text
EDGE = 12 * mm  # from the paper's edge, which printers never clip
HEADER_RULE = 2 * mm  # the header's rule (and the logo's foot) above the body
VISIBLE_RULE = 1.5  # against white: a paler rule (a light yellow) barely prints
QUIET_RULE = "#8C8C8C"  # when no brand colour shows on paper


@dataclass(frozen=True)
class Brand:
    """What marks a printed page as the organisation's: the colour of its rules, its logo."""

    rule: str  # #RRGGBB, for rules and bands only: it may be too light for text
    logo: Prepared | None = None

    @property
    def logo_size(self) -> tuple[float, float]:
        """The logo's width and height on the page, its proportions kept; (0, 0) if none."""
        if self.logo is None:
            return 0.0, 0.0
        scale = min(LOGO_WIDTH / self.logo.width, LOGO_HEIGHT / self.logo.height)
        return self.logo.width * scale, self.logo.height * scale

    def top_margin(self, margin: float) -> float:
        """The top margin a page needs, at least ``margin``, for the logo to stay ``EDGE``
        clear of the paper's edge."""
        return max(margin, EDGE + HEADER_RULE + self.logo_size[1])

    def draw_logo(self, canvas: Canvas, x: float, y: float) -> float:
        """The logo with its bottom-left corner at (x, y); returns the width it took."""
        if self.logo is None:
            return 0.0
        width, height = self.logo_size
        image = image_source(canvas, self.logo.path, self.logo.data)
        canvas.drawImage(image, x, y, width, height, mask="auto")
        return width


def brand_for(theme: Theme, pictures: Mapping[str, Prepared] | None = None) -> Brand:
    """The brand of ``theme`` (as the workshop gives it, before ``print_theme``), drawing
    the logo from ``pictures`` (the deck plan's prepared copies) when they hold it.

    The rule is the accent, or the first brand colour that shows on white paper.
    """
    colours = theme.colours
    candidates = (colours.accent, colours.primary, colours.secondary)
    rule = next((c for c in candidates if contrast(c, WHITE) >= VISIBLE_RULE), QUIET_RULE)
    path = theme.logo
    logo = None if path is None else (pictures or {}).get(path) or prepare(path)
    return Brand(rule, logo)


def image_source(canvas: Canvas, path: str, data: bytes | None) -> ImageReader:
    """What ``canvas.drawImage`` draws a picture from: the bytes of its file at ``path``,
    or ``data``, its prepared copy (``kit.layout.pictures``).

    Never the path: reportlab names a file's image after its path, so the same workshop in
    another folder would give other bytes. One reader per picture and document: reportlab
    keeps what each new reader decodes, so a logo read afresh on every slide took tens of
    megabytes a slide.
    """
    if data is None:
        data = Path(path).read_bytes()
    readers: dict[bytes, ImageReader] = canvas.__dict__.setdefault("_kit_image_readers", {})
    if data not in readers:
        readers[data] = ImageReader(io.BytesIO(data))
    return readers[data]
