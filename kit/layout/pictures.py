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
from pathlib import Path
from typing import TYPE_CHECKING

from kit.model import MAX_SIDE

if TYPE_CHECKING:
    from PIL import Image

_ORIENTATION = 0x0112  # the EXIF tag
_TURNED = frozenset({5, 6, 7, 8})  # a quarter turn: width and height change places
# Modes Pillow cannot average (``Image.reduce``); they hold two bytes a pixel at most.
_UNREDUCIBLE = frozenset({"1", "P", "I;16"})


@dataclass(frozen=True)
class Prepared:
    """A picture's size as drawn (pixels, upright) and, if the file will not do, its data."""

    path: str
    width: int
    height: int
    data: bytes | None = None

    def source(self) -> io.BytesIO:
        """What a writer draws: the file's bytes, or its upright, smaller copy's.

        Never the path: reportlab names a file's image after its path, so the same workshop
        in another folder would give other bytes.
        """
        return io.BytesIO(Path(self.path).read_bytes() if self.data is None else self.data)


def prepare(path: str) -> Prepared:
    """The upright size of the picture at ``path``, and an upright, smaller copy if needed.

    The copy keeps the file's format (JPEG stays JPEG, anything else becomes PNG) and is
    the same bytes every time, so builds stay byte-identical. The deck's plan prepares
    each picture once per build (``DeckLayout.pictures``) and every output draws that.
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
            return Prepared(path, width, height)
        kind = "JPEG" if image.format == "JPEG" else "PNG"
        smaller = _reduced(image, side)
        turn = _turns().get(orientation)
        upright = smaller.transpose(turn) if turn is not None else smaller
        buffer = io.BytesIO()
        upright.save(buffer, kind, **({"quality": 90} if kind == "JPEG" else {}))
    return Prepared(path, width, height, buffer.getvalue())


def _reduced(image: Image.Image, side: int) -> Image.Image:
    """``image`` at most ``side`` pixels long, holding one full-size copy at most.

    A JPEG decodes at 1/2, 1/4 or 1/8 of its size; what is still twice too long is
    averaged down by whole pixels into a new image and the full-size one released before
    the final, finer resize (which needs two more images of about the final size).
    """
    w, h = image.size
    image.draft(image.mode, (max(1, w * side // max(w, h)), max(1, h * side // max(w, h))))
    factor = max(image.size) // side
    smaller = image
    if factor > 1 and image.mode not in _UNREDUCIBLE:
        smaller = image.reduce(factor)
        image.close()  # frees the full-size pixels now, not when the file is closed
    smaller.thumbnail((side, side))
    return smaller


def _turns() -> dict[int, Image.Transpose]:
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
