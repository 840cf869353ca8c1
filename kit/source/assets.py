"""Files a workshop points at (images, logo, .pptx or .potx template), checked before any use.

Paths are untrusted: they must be relative, stay inside the workshop folder after every
symlink is followed, and hold what their content says (not their extension) they hold.
Images are measured from their header, before any decoding, against a pixel cap, and then
decoded once so that a damaged one fails here, located; a template is opened as a deck
would open it (``kit.source.pptxtemplate``), its parts inflated once, in bounded steps,
before python-pptx reads them (``kit.templatefile``): a zip bomb is refused here.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath, PureWindowsPath

from kit import templatefile
from kit.model import MAX_SIDE
from kit.model.basics import FONT_FORMATS, other_faces
from kit.source import pptxtemplate

MAX_PIXELS = 50_000_000
MAX_DECODED_BYTES = 128 * 1024 * 1024  # keeps a whole build under 300 MB
# What Pillow holds per pixel in memory: three bands take four bytes.
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "I;16": 2, "LA": 4, "PA": 4, "RGB": 4, "RGBA": 4}
MAX_ASSET_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
    b"PK\x03\x04": "pptx",
    b"\x00\x01\x00\x00": "ttf",
    b"true": "ttf",
    b"OTTO": "otf",  # PostScript outlines, which reportlab cannot embed
}


def sniff(head: bytes) -> str | None:
    """The format that a file's first bytes say it is: png, jpeg, gif, pptx, ttf or otf."""
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


_NAMES = {
    "png": "PNG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "pptx": ".pptx or .potx",
    "ttf": "TrueType font (.ttf)",
}


def resolve(
    base_dir: Path, value: str, formats: frozenset[str], dropped: dict[str, tuple[str, ...]]
) -> str:
    """The absolute path of asset ``value`` inside ``base_dir``; ValueError saying why not.

    What a template holds that no deck can use, and kit leaves out, goes into ``dropped``
    by the template's path, for the loader to warn about.

    ``formats`` are the kinds (png, jpeg, gif, pptx, ttf) the field accepts, checked by
    content. A font file's other faces beside it (``other_faces``) are checked too.
    """
    if (
        PurePosixPath(value).is_absolute()
        or PureWindowsPath(value).is_absolute()
        or (PureWindowsPath(value).drive)
    ):
        raise ValueError(f"'{value}' must be a path relative to the workshop folder")
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        raise ValueError(f"'{value}' may not use '..' to leave the workshop folder")
    try:
        path = (base_dir / value).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a symlink loop, a name too long
        raise ValueError(f"'{value}' does not exist in the workshop folder") from None
    if not path.is_relative_to(base_dir):
        raise ValueError(f"'{value}' leads outside the workshop folder")
    if not path.is_file():  # a folder, or a FIFO that would block the build forever
        raise ValueError(f"'{value}' is not a file")
    if path.stat().st_size > MAX_ASSET_BYTES:
        raise ValueError(f"'{value}' is larger than {MAX_ASSET_BYTES // (1024 * 1024)} MiB")
    try:
        with path.open("rb") as handle:
            kind = sniff(handle.read(16))
    except OSError as exc:  # unreadable (permissions), not a bug in kit
        raise ValueError(f"'{value}' cannot be read: {exc.strerror}") from None
    if kind == "otf" and "ttf" in formats:
        raise ValueError(
            f"'{value}' is an OpenType font with PostScript outlines, which kit cannot embed "
            "in a PDF; use the TrueType (.ttf) version of the font"
        )
    if kind not in formats:
        wanted = " or ".join(_NAMES[f] for f in sorted(formats))
        raise ValueError(f"'{value}' is not a {wanted} file (checked by its content)")
    if kind == "pptx":
        dropped[str(path)] = _check_package(path, value)
    elif kind == "ttf":
        _check_font(path, value)
        _check_other_faces(base_dir, path)
    else:
        _check_image(path, value, kind)
    return str(path)


class _Refused(ValueError):
    """A check of ours failed; its message already names the file."""


@contextmanager
def _reading(path: Path, value: str, kind: str) -> Iterator[None]:
    """Turn whatever a decoder raises on hostile data into one error that names the file."""
    from PIL import Image

    try:
        yield
    except _Refused:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _Refused(f"'{value}' has more than {MAX_PIXELS:,} pixels") from None
    except Exception as exc:  # decoders raise many kinds on hostile data; all mean "damaged"
        reason = str(exc).replace(str(path), value)
        raise _Refused(f"'{value}' is a damaged {_NAMES[kind]} file: {reason}") from None


def _check_image(path: Path, value: str, kind: str) -> None:
    """Measure the header against the pixel cap, then decode the picture once.

    A damaged image found here is a located error; found by a renderer, it would be a crash.
    """
    from PIL import Image

    with _reading(path, value, kind), warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(path, formats=[kind.upper()]) as image:
            pixels = image.size[0] * image.size[1]
            if pixels > MAX_PIXELS:
                raise _Refused(f"'{value}' has {pixels:,} pixels; the limit is {MAX_PIXELS:,}")
            # A JPEG decodes every coefficient at an eighth of the size, so damage still
            # shows; other formats decode whole, within the memory cap.
            image.draft(image.mode, (image.size[0] // 8, image.size[1] // 8))
            decoded = pixels * _BYTES_PER_PIXEL.get(image.mode, 4)
            if kind != "jpeg" and decoded > MAX_DECODED_BYTES:
                mib, limit = decoded >> 20, MAX_DECODED_BYTES >> 20
                raise _Refused(
                    f"'{value}' takes {mib} MiB to decode; the limit is {limit} MiB "
                    f"(a picture {MAX_SIDE} pixels across is as sharp as a slide shows)"
                )
            image.load()


def _check_font(path: Path, value: str) -> None:
    """A font reportlab can embed (TrueType outlines, embedding allowed) and kit can measure."""
    from fontTools.ttLib import TTFont
    from reportlab.pdfbase.ttfonts import TTFontFile

    with _reading(path, value, "ttf"):
        TTFontFile(str(path))  # refuses damage, PostScript outlines and fonts not to embed
        with TTFont(path, lazy=True) as font:
            if not font.getBestCmap() or not font["hmtx"].metrics:
                raise _Refused(f"'{value}' maps no characters to glyphs")


def _check_other_faces(base_dir: Path, path: Path) -> None:
    """The bold and italic faces found beside a font file, checked as the file itself."""
    relative = path.relative_to(base_dir).as_posix()
    for names in other_faces(relative):
        for name in names:
            if (base_dir / name).exists() or (base_dir / name).is_symlink():
                resolve(base_dir, name, FONT_FORMATS, {})


def _check_package(path: Path, value: str) -> tuple[str, ...]:
    """A PowerPoint package that python-pptx can read without meeting a zip bomb, and kit
    can build a deck on; what kit leaves out of it. Its parts are inflated, each in bounded
    steps, where it is read (``kit.templatefile``)."""
    with _reading(path, value, "pptx"), zipfile.ZipFile(path) as package:
        entries = package.infolist()
        if not {"[Content_Types].xml", "ppt/presentation.xml"} <= set(package.namelist()):
            raise _Refused(f"'{value}' is not a PowerPoint presentation")
        if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
            limit = MAX_UNPACKED_BYTES // (1024 * 1024)
            raise _Refused(f"'{value}' unpacks to more than {limit} MiB")
        try:
            return pptxtemplate.dropped(str(path))
        except templatefile.DamagedPart as exc:
            raise _Refused(f"'{value}': {exc}") from None
        except pptxtemplate.TemplateError as exc:
            raise _Refused(f"'{value}' {exc}") from None
