"""A template's heading and body fonts, read straight from its package.

The theme of the template's first slide master names them (``a:majorFont`` and
``a:minorFont``, their ``a:latin`` typeface); a workshop that names no fonts of its own
takes them. Read with ``zipfile`` alone: four small parts, not the whole presentation.
"""

from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = {"p": _P, "a": _A, "rel": _RELS}


def theme_fonts(path: str) -> tuple[str | None, str | None]:
    """The template's heading and body fonts (None for one its theme does not name, or
    for both when the package has no theme where it should: kit check has said why)."""
    try:
        return _fonts(path)
    except (KeyError, IndexError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None, None


def _fonts(path: str) -> tuple[str | None, str | None]:
    with zipfile.ZipFile(path) as package:
        presentation = etree.fromstring(package.read("ppt/presentation.xml"))
        first = presentation.find("p:sldMasterIdLst/p:sldMasterId", _NS)
        if first is None:
            return None, None
        master = _target(package, "ppt/presentation.xml", f"[@Id='{first.get(f'{{{_R}}}id')}']")
        theme = _target(package, master, "[substring(@Type, string-length(@Type) - 5) = '/theme']")
        fonts = etree.fromstring(package.read(theme)).find("a:themeElements/a:fontScheme", _NS)
    if fonts is None:
        return None, None
    faces = (fonts.find(f"a:{which}/a:latin", _NS) for which in ("majorFont", "minorFont"))
    heading, body = (face.get("typeface") or None if face is not None else None for face in faces)
    return heading, body


def _target(package: zipfile.ZipFile, part: str, which: str) -> str:
    """The part that ``part``'s relationship picked by ``which`` (an XPath test) names."""
    folder, name = posixpath.split(part)
    rels = etree.fromstring(package.read(posixpath.join(folder, "_rels", f"{name}.rels")))
    relation = rels.xpath(f"rel:Relationship{which}", namespaces=_NS)[0]
    target = relation.get("Target", "")
    if target.startswith("/"):  # from the package's root
        return target[1:]
    return posixpath.normpath(posixpath.join(folder, target))
