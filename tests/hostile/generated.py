"""Hostile inputs that cannot be small checked-in files: too large, symlinks, zip archives.

Each function completes the copy of its case folder (``cases/<name>/``) before the run.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from kit.source.loader import MAX_TEXT_CHARS
from kit.source.yamlsource import MAX_INPUT_BYTES, MAX_VALUES

from ..kit.test_loader import VALID


def _write(folder: Path, text: str) -> None:
    (folder / "workshop.yaml").write_text(text, encoding="utf-8")


def huge_file(folder: Path) -> None:
    """Valid YAML one comment line past the size cap (9 MB)."""
    _write(folder, VALID + "# " + "x" * (MAX_INPUT_BYTES + 1024 * 1024) + "\n")


def sparse_file(folder: Path) -> None:
    """2 GiB of NUL bytes that take no disk space: reading it whole would not fit in memory."""
    with (folder / "workshop.yaml").open("wb") as handle:
        handle.truncate(2 * 1024**3)


def too_many_values(folder: Path) -> None:
    """A few hundred KB of ``[x,x,...]`` that would compose into hundreds of MB of nodes."""
    _write(folder, VALID + "presenters: [" + ",".join(["x"] * MAX_VALUES) + "]\n")


def text_too_long(folder: Path) -> None:
    _write(folder, VALID.replace("title: T", "title: " + "word " * (MAX_TEXT_CHARS // 5 + 1)))


def logo_symlink_to_etc(folder: Path) -> None:
    os.symlink("/etc/passwd", folder / "logo.png")


def image_symlink_loop(folder: Path) -> None:
    os.symlink("loop2.png", folder / "loop.png")
    os.symlink("loop.png", folder / "loop2.png")


def image_folder(folder: Path) -> None:
    (folder / "pic.png").mkdir()


def _minimal_package(extra: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("ppt/presentation.xml", "<presentation/>")
        for name, data in extra.items():
            package.writestr(name, data)
    return buffer.getvalue()


# Where a field sits in a part's local header and in its central directory record.
_FIELDS = {"crc": (14, 16), "size": (22, 24)}


def _lie(package: bytes, name: str, field: str, value: int) -> bytes:
    """``package`` with part ``name``'s ``field`` set to ``value`` in both of its headers."""
    data = bytearray(package)
    local = data.find(name.encode()) - 30  # the fixed part of a local header is 30 bytes
    central = data.find(name.encode(), local + 31) - 46  # of a central record, 46
    for start, offset in zip((local, central), _FIELDS[field]):
        struct.pack_into("<I", data, start + offset, value)
    return bytes(data)


def pptx_zip_bomb(folder: Path) -> None:
    """A part that declares 10 bytes but inflates to 20 MB (python-pptx would inflate it all)."""
    name = "ppt/media/zeros.bin"
    package = _minimal_package({name: b"\0" * 20_000_000})
    (folder / "brand.pptx").write_bytes(_lie(package, name, "size", 10))


def pptx_declares_300_mib(folder: Path) -> None:
    """A part that says it unpacks to 300 MiB: refused from the directory, before inflating."""
    name = "ppt/media/big.bin"
    package = _minimal_package({name: b"\0" * 1000})
    (folder / "brand.pptx").write_bytes(_lie(package, name, "size", 300 * 1024 * 1024))


def pptx_bad_checksum(folder: Path) -> None:
    """A part whose CRC does not match: python-pptx would crash on it mid-build."""
    package = _minimal_package({})
    (folder / "brand.pptx").write_bytes(_lie(package, "ppt/presentation.xml", "crc", 1234))


def pptx_not_powerpoint(folder: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    (folder / "brand.pptx").write_bytes(buffer.getvalue())


PREPARE: dict[str, Callable[[Path], None]] = {
    "yaml-huge-file": huge_file,
    "yaml-sparse-2-gigabytes": sparse_file,
    "yaml-too-many-values": too_many_values,
    "text-too-long": text_too_long,
    "logo-symlink-to-etc": logo_symlink_to_etc,
    "image-symlink-loop": image_symlink_loop,
    "image-folder": image_folder,
    "template-pptx-zip-bomb": pptx_zip_bomb,
    "template-pptx-declares-300-mib": pptx_declares_300_mib,
    "template-pptx-not-powerpoint": pptx_not_powerpoint,
    "template-pptx-bad-checksum": pptx_bad_checksum,
}
