"""Pictures as a reader should see them: upright, and no larger than they can be seen.

A phone stores a photo as its sensor saw it, with an EXIF tag saying how to turn it; the
deck's XML and reportlab both ignore that tag, so the photo would be drawn lying on its
side. A picture of tens of megapixels, decoded whole by every PDF that draws it, takes
hundreds of megabytes. So every picture is drawn from ``prepare(path)``: the file as it is
when it is upright and at most ``MAX_SIDE`` pixels long, else the bytes of an upright copy
at most ``MAX_SIDE`` long, decoded at a reduced size where the format allows (JPEG) and
reduced before it is turned, so that only one full-size copy is ever in memory.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from kit.source.assets import MAX_SIDE  # 200 pixels per inch across a 12-inch-wide slide

_ORIENTATION = 0x0112  # the EXIF tag
_TURNED = frozenset({5, 6, 7, 8})  # a quarter turn: width and height change places


@dataclass(frozen=True)
class Prepared:
    """A picture's size as drawn (pixels, upright) and, if the file will not do, its data."""

    width: int
    height: int
    data: bytes | None = None


def prepare(path: str) -> Prepared:
    """The upright size of the picture at ``path``, and an upright, smaller copy if needed.

    The copy keeps the file's format (JPEG stays JPEG, anything else becomes PNG) and is
    the same bytes every time, so builds stay byte-identical.
    """
    from PIL import Image

    with Image.open(path) as image:
        orientation = image.getexif().get(_ORIENTATION, 1)
        width, height = image.size
        if orientation in _TURNED:
            width, height = height, width
        # A thin picture keeps up to 100 pixels across, so its proportions hold to 1 %.
        short, long = sorted((width, height))
        side = max(MAX_SIDE, math.ceil(long * min(short, 100) / short))
        if orientation == 1 and long <= side:
            return Prepared(width, height)
        kind = "JPEG" if image.format == "JPEG" else "PNG"
        image.draft(image.mode, (side, side))  # JPEG decodes at 1/2, 1/4 or 1/8
        image.thumbnail((side, side), reducing_gap=1.0)  # in place, reduced first
        turn = _turns().get(orientation)
        upright = image.transpose(turn) if turn is not None else image
        buffer = io.BytesIO()
        upright.save(buffer, kind, **({"quality": 90} if kind == "JPEG" else {}))
    return Prepared(width, height, buffer.getvalue())


def _turns() -> dict[int, int]:
    from PIL import Image

    turn = Image.Transpose
    return {
        2: turn.FLIP_LEFT_RIGHT,
        3: turn.ROTATE_180,
        4: turn.FLIP_TOP_BOTTOM,
        5: turn.TRANSPOSE,
        6: turn.ROTATE_270,
        7: turn.TRANSVERSE,
        8: turn.ROTATE_90,
    }
