"""Files a workshop points at (images, logo, .pptx template), checked before any use.

Paths are untrusted: they must be relative, stay inside the workshop folder after every
symlink is followed, and hold what their content says (not their extension) they hold.
Images are measured from their header, before any decoding, against a pixel cap.
"""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_PIXELS = 50_000_000
MAX_ASSET_BYTES = 50 * 1024 * 1024

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
    b"PK\x03\x04": "pptx",
}


def sniff(head: bytes) -> str | None:
    """The format that a file's first bytes say it is: png, jpeg, gif or pptx."""
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


_NAMES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "pptx": ".pptx"}


def resolve(base_dir: Path, value: str, formats: frozenset[str]) -> str:
    """The absolute path of asset ``value`` inside ``base_dir``; ValueError saying why not.

    ``formats`` are the kinds (png, jpeg, gif, pptx) the field accepts, checked by content.
    """
    if (
        PurePosixPath(value).is_absolute()
        or PureWindowsPath(value).is_absolute()
        or (PureWindowsPath(value).drive)
    ):
        raise ValueError(f"'{value}' must be a path relative to the workshop folder")
    if ".." in PurePosixPath(value.replace("\\", "/")).parts:
        raise ValueError(f"'{value}' may not use '..' to leave the workshop folder")
    path = (base_dir / value).resolve()
    if not path.is_relative_to(base_dir):
        raise ValueError(f"'{value}' leads outside the workshop folder")
    if not path.is_file():
        raise ValueError(f"'{value}' does not exist in the workshop folder")
    if path.stat().st_size > MAX_ASSET_BYTES:
        raise ValueError(f"'{value}' is larger than {MAX_ASSET_BYTES // (1024 * 1024)} MiB")
    with path.open("rb") as handle:
        kind = sniff(handle.read(16))
    if kind not in formats:
        wanted = " or ".join(_NAMES[f] for f in sorted(formats))
        raise ValueError(f"'{value}' is not a {wanted} file (checked by its content)")
    if kind != "pptx":
        _check_pixels(path, value)
    return str(path)


def _check_pixels(path: Path, value: str) -> None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValueError(f"'{value}' has more than {MAX_PIXELS:,} pixels") from None
    except OSError as exc:
        raise ValueError(f"'{value}' cannot be read as an image: {exc}") from None
    if width * height > MAX_PIXELS:
        raise ValueError(f"'{value}' has {width * height:,} pixels; the limit is {MAX_PIXELS:,}")
