"""A template's package, read once a process while its file stays as it is.

A build reads its template three times: ``kit check`` clears it, the planner reads its look
and the deck writer builds on it; ``--watch`` and its warm workers read it at every rebuild.
Parsing a large template's parts takes a tenth of a second or more each time, so the
parsed package is kept, keyed by the file's path, modification time and size: a
template saved again, or changed in place, is read again. The package kept is shared:
readers must not change it; whoever changes one changes a copy (``copy.deepcopy``, a small
part of what parsing took).

Reading is where a hostile file is met: every part is inflated once, in small steps, so a
part holding more than it declares (a zip bomb) or failing its checksum is a
``DamagedPart`` before python-pptx sees it (python-pptx inflates a part in one call, up to
2 GiB, and would crash later on a bad checksum). python-pptx is then handed those bytes,
not the file. The template's own slides never reach a deck, so their content is not
parsed (an empty slide stands for each, its relationships left unread): their notes and
the pictures only they show are never loaded. An organisation's template often carries
dozens of example slides.
"""

from __future__ import annotations

import copy
import os
import zipfile
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pptx.opc.packuri import PackURI
    from pptx.package import Package

_EMPTY_SLIDE = (
    b'<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    b"<p:cSld><p:spTree/></p:cSld></p:sld>"
)


class DamagedPart(ValueError):
    """A part of a template's zip that must not be inflated or read; the message names it."""


def package(path: str) -> Package:
    """The parsed package of the template at ``path``, shared: read it, never change it.

    Raises ``DamagedPart`` for a zip bomb, a bad checksum or an unusual compression.
    """
    found = os.stat(path)
    return _parsed(path, found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=2)  # a build uses one template; a few more only hold memory
def _parsed(path: str, _mtime: int, _size: int) -> Package:
    with zipfile.ZipFile(path) as archive:
        members = {f"/{entry.filename}": _inflated(archive, entry) for entry in archive.infolist()}
    return _loaded(members)


def _inflated(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    """One part's bytes, inflated in small steps up to one byte past its declared size."""
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise DamagedPart(f"part '{entry.filename}' uses an unusual compression")
    probe = copy.copy(entry)
    probe.file_size += 1
    probe.CRC = None  # type: ignore[assignment]  # checked below, over what really inflates
    chunks: list[bytes] = []
    size = crc = 0
    with archive.open(probe) as part:
        while size <= entry.file_size and (chunk := part.read(1 << 20)):
            chunks.append(chunk)
            size += len(chunk)
            crc = zlib.crc32(chunk, crc)
    if size > entry.file_size:
        raise DamagedPart(f"part '{entry.filename}' holds more than it declares")
    if crc != entry.CRC:
        raise DamagedPart(f"part '{entry.filename}' is damaged (bad checksum)")
    return b"".join(chunks)


def _loaded(members: dict[str, bytes]) -> Package:
    """python-pptx's package of ``members`` (by part name), each slide read as empty."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.package import _ContentTypeMap, _PackageLoader
    from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from pptx.package import Package
    from pptx.util import lazyproperty

    types = _ContentTypeMap.from_xml(members[CONTENT_TYPES_URI])

    def is_slide(name: PackURI) -> bool:
        return name != PACKAGE_URI and name in members and types[name] == CT.PML_SLIDE

    class Reader:  # what python-pptx's loader reads parts through, here ``members``
        def __contains__(self, name: object) -> bool:
            return name in members

        def __getitem__(self, name: PackURI) -> bytes:
            return _EMPTY_SLIDE if is_slide(name) else members[name]

        def rels_xml_for(self, name: PackURI) -> bytes | None:
            return None if is_slide(name) else members.get(name.rels_uri)

    class Loader(_PackageLoader):
        @lazyproperty
        def _package_reader(self) -> Reader:  # type: ignore[override]
            return Reader()

    class Template(Package):
        def _load(self) -> Template:
            xml_rels, parts = Loader.load(self._pkg_file, self)
            self._rels.load_from_xml(PACKAGE_URI, xml_rels, parts)
            return self

    return Template.open("")  # the loader reads ``members``, never a file
