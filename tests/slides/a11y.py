"""PowerPoint's accessibility checker, as far as its rules can be read from the file.

The rules (Microsoft's "Rules for the Accessibility Checker"): missing alternative text,
missing slide title, duplicate slide title, missing table header, merged cells, reading
order, insufficient colour contrast; and, for screen readers and spell-checkers, every run
names its language. Each finding is one line naming the slide and the shape.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
}
SHAPES = "p:sp|p:pic|p:cxnSp|p:graphicFrame|p:grpSp"
TOLERANCE = 2 * 12700  # two points, in EMU


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two ``RRGGBB`` colours."""

    def luminance(colour: str) -> float:
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class _Package:
    """The parts of a .pptx, read as XML, with their relationships resolved."""

    def __init__(self, path: Path) -> None:
        self._zip = zipfile.ZipFile(path)

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self._zip.read(name))

    def related(self, name: str, kind: str) -> str | None:
        """The part that ``name`` relates to with a relationship type ending in ``kind``."""
        part = PurePosixPath(name)
        rels = part.parent / "_rels" / f"{part.name}.rels"
        for rel in self.xml(str(rels)).findall("rel:Relationship", NS):
            if rel.get("Type", "").endswith("/" + kind):
                return str(PurePosixPath(_normal(part.parent / rel.get("Target", ""))))
        return None

    def slides(self) -> list[str]:
        presentation = self.xml("ppt/presentation.xml")
        rels = self.xml("ppt/_rels/presentation.xml.rels")
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        ids = presentation.findall("p:sldIdLst/p:sldId", NS)
        rel_id = f"{{{NS['r']}}}id"
        return [f"ppt/{targets[s.get(rel_id)]}" for s in ids]


def _normal(path: PurePosixPath) -> str:
    parts: list[str] = []
    for piece in path.parts:
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


class _Colours:
    """Scheme colours of a slide's master and theme, for fills named by scheme."""

    def __init__(self, package: _Package, slide: str) -> None:
        layout = package.related(slide, "slideLayout")
        assert layout is not None, slide
        master = package.related(layout, "slideMaster")
        assert master is not None, layout
        self.parts = [package.xml(slide), package.xml(layout), package.xml(master)]
        theme = package.xml(package.related(master, "theme") or "")
        self.mapping = dict(self.parts[2].find("p:clrMap", NS).attrib)
        self.scheme = {}
        for colour in theme.find(".//a:clrScheme", NS):
            value = colour.find("a:srgbClr", NS)
            system = colour.find("a:sysClr", NS)
            name = etree.QName(colour).localname
            self.scheme[name] = (
                value.get("val") if value is not None else system.get("lastClr", "000000")
            )

    def resolve(self, fill: etree._Element | None) -> str | None:
        """The ``RRGGBB`` of a solid fill or colour reference, if it is one."""
        if fill is None:
            return None
        srgb = fill.find(".//a:srgbClr", NS)
        if srgb is not None:
            return srgb.get("val").upper()
        scheme = fill.find(".//a:schemeClr", NS)
        if scheme is not None:
            name = scheme.get("val")
            return self.scheme.get(self.mapping.get(name, name), "").upper() or None
        return None

    def background(self) -> str:
        """The slide's background: its own, else its layout's, else its master's."""
        for part in self.parts:
            bg = part.find("p:cSld/p:bg", NS)
            if bg is not None:
                colour = self.resolve(bg.find("p:bgPr/a:solidFill", NS)) or self.resolve(
                    bg.find("p:bgRef", NS)
                )
                if colour:
                    return colour
        return self.scheme[self.mapping.get("bg1", "lt1")].upper()


def _decorative(shape: etree._Element) -> bool:
    return shape.find(".//p:cNvPr//adec:decorative[@val='1']", NS) is not None


def _box(shape: etree._Element) -> tuple[int, int, int, int] | None:
    """Left, top, right, bottom in EMU, or None for a shape placed by its layout."""
    off = shape.find(".//a:off", NS)
    ext = shape.find(".//a:ext[@cx]", NS)
    if off is None or ext is None:
        return None
    x, y = int(off.get("x")), int(off.get("y"))
    return x, y, x + int(ext.get("cx")), y + int(ext.get("cy"))


def _text(shape: etree._Element) -> str:
    paragraphs = shape.findall(".//a:p", NS)
    return "\n".join("".join(t.text or "" for t in p.iterfind(".//a:t", NS)) for p in paragraphs)


def _is_title(shape: etree._Element) -> bool:
    ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
    return ph is not None and ph.get("type") in ("title", "ctrTitle")


def _slide_findings(
    label: str, root: etree._Element, colours: _Colours, lang: str
) -> tuple[list[str], str]:
    """Every finding of one slide, and its title."""
    findings: list[str] = []
    tree = root.find("p:cSld/p:spTree", NS)
    shapes = tree.xpath(SHAPES, namespaces=NS)
    titles = [s for s in shapes if _is_title(s)]
    title = " ".join(_text(titles[0]).split()) if titles else ""
    if not title:
        findings.append(f"{label}: missing slide title")
    elif shapes.index(titles[0]) != 0:
        findings.append(f"{label}: reading order: the title is not read first")
    background = colours.background()
    previous: tuple[int, int, int, int] | None = None
    for shape in shapes:
        name = shape.find(".//p:cNvPr", NS).get("name")
        where = f"{label}: {name!r}"
        text = _text(shape).strip()
        decorative = _decorative(shape)
        if etree.QName(shape).localname == "pic" or (
            etree.QName(shape).localname in ("sp", "cxnSp") and not text
        ):
            alt = (shape.find(".//p:cNvPr", NS).get("descr") or "").strip()
            if not alt and not decorative:
                findings.append(f"{where}: missing alternative text (or mark it decorative)")
        if decorative and text:
            findings.append(f"{where}: marked decorative but holds text")
        for table in shape.iterfind(".//a:tbl", NS):
            properties = table.find("a:tblPr", NS)
            if properties is None or properties.get("firstRow") != "1":
                findings.append(f"{where}: missing table header (header row not marked)")
            if table.xpath(".//a:tc[@gridSpan or @rowSpan or @hMerge or @vMerge]", namespaces=NS):
                findings.append(f"{where}: merged cells")
        box = _box(shape)
        if box is not None and not decorative and not _is_title(shape):
            if previous is not None and not (
                box[1] >= previous[1] - TOLERANCE or box[0] >= previous[2] - TOLERANCE
            ):
                findings.append(f"{where}: reading order: above and left of the shape before it")
            previous = box
        findings += _run_findings(where, shape, colours, background, lang)
    return findings, title


def _run_findings(
    where: str, shape: etree._Element, colours: _Colours, background: str, lang: str
) -> list[str]:
    """Language and contrast of every run of ``shape`` (table cells on their own fills)."""
    findings = []
    containers = shape.findall(".//a:tc", NS) or [shape]
    for container in containers:
        fill = container.find("a:tcPr/a:solidFill", NS)
        if fill is None:
            fill = container.find("p:spPr/a:solidFill", NS)
        behind = colours.resolve(fill) or background
        for run in container.iterfind(".//a:r", NS):
            properties = run.find("a:rPr", NS)
            words = run.findtext("a:t", default="", namespaces=NS)
            if properties is None or properties.get("lang") != lang:
                got = None if properties is None else properties.get("lang")
                findings.append(f"{where}: run {words!r} has language {got}, not {lang}")
                continue
            ink = colours.resolve(properties.find("a:solidFill", NS))
            if ink is None or not words.strip():
                continue
            size = int(properties.get("sz", "1800")) / 100
            large = size >= 18 or (properties.get("b") == "1" and size >= 14)
            need = 3.0 if large else 4.5
            ratio = contrast(ink, behind)
            if ratio < need:
                findings.append(
                    f"{where}: insufficient contrast {ratio:.2f}:1 (needs {need}:1) "
                    f"for {words.strip()!r} at {size:g} pt, #{ink} on #{behind}"
                )
    return findings


def check_deck(path: Path, lang: str) -> list[str]:
    """Every accessibility finding of the deck at ``path``, whose runs should be in ``lang``."""
    package = _Package(path)
    findings: list[str] = []
    seen: dict[str, int] = {}
    for number, slide in enumerate(package.slides(), start=1):
        label = f"slide {number}"
        slide_findings, title = _slide_findings(
            label, package.xml(slide), _Colours(package, slide), lang
        )
        findings += slide_findings
        key = re.sub(r"\s+", " ", title).casefold()
        if key and key in seen:
            findings.append(f"{label}: duplicate slide title {title!r} (slide {seen[key]})")
        seen.setdefault(key, number)
        notes = package.related(slide, "notesSlide")
        if notes is not None:
            for run in package.xml(notes).xpath(
                ".//p:sp[.//p:ph[@type='body']]//a:r", namespaces=NS
            ):
                properties = run.find("a:rPr", NS)
                if properties is None or properties.get("lang") != lang:
                    findings.append(f"{label}: notes run without language {lang}")
                    break
    return findings
