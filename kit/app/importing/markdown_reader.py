"""Read a Markdown deck, pandoc or Marp style, into plain ``Deck`` data.

- Metadata: a YAML front matter block (``title``, ``subtitle``, ``author``, ``date``) or
  pandoc's ``%`` title lines. Marp's front matter (``marp: true``) is read the same way.
- Slides: Marp separates them with ``---`` lines; pandoc starts one at each heading of the
  slide level (the deepest heading level that is directly followed by content), and a
  heading above that level starts a section.
- Content: paragraphs and bullet or numbered lists (nested by indentation), pipe tables,
  pictures ``![alt](path)`` found beside the deck, speaker notes in pandoc's
  ``::: notes`` blocks or Marp's ``<!-- comments -->``. ``_emphasis_`` becomes kit's
  ``*emphasis*``; links keep their text and address.
"""

from __future__ import annotations

import re
from pathlib import Path

from kit.app.importing import Deck, Picture, Section, Slide
from kit.errors import KitError

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
_RULE = re.compile(r"^(-{3,}|\*{3,}|_{3,})\s*$")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif"}


def read_markdown(path: Path) -> Deck:
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise KitError(f"{path}: cannot be read as UTF-8 text ({exc})") from None
    meta, body = _front_matter(text)
    deck = Deck(
        title=meta.get("title", ""),
        sections=[],
        subtitle=meta.get("subtitle", ""),
        organisation=meta.get("organisation", meta.get("institute", "")),
        presenters=[a.strip() for a in re.split(r";|\band\b", meta.get("author", "")) if a.strip()],
    )
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")):
        deck.date = meta["date"]
    marp = meta.get("marp", "").lower() == "true"
    chunks = _marp_slides(body) if marp else _pandoc_slides(body)
    section: Section | None = None
    for number, (level_title, lines) in enumerate(chunks, start=1):
        kind, title = level_title
        if kind == "section":
            section = Section(title=title, divider=True)
            deck.sections.append(section)
            if not any(line.strip() for line in lines):
                continue
        slide = _slide(title, lines, path.parent, number, deck)
        if slide is None:
            continue
        if section is None:
            section = Section(title=deck.title or slide.title)
            deck.sections.append(section)
        section.slides.append(slide)
    if not deck.title:
        deck.title = next((s.title for sec in deck.sections for s in sec.slides), path.stem)
    first = next((s for sec in deck.sections for s in sec.slides), None)
    if meta.get("title") and first is not None and first.title != deck.title:
        opening = Slide(title=deck.title, subtitle=deck.subtitle)
        deck.sections[0].slides.insert(0, opening)  # the title slide pandoc makes
    return deck


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines of a leading ``---`` block, or pandoc's ``%`` lines."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        for line in lines[1:end]:
            key, sep, value = line.partition(":")
            if sep and not line.startswith((" ", "\t")):
                meta[key.strip().lower()] = value.strip().strip("\"'")
        return meta, "\n".join(lines[end + 1 :])
    for key in ("title", "author", "date"):
        if lines and lines[0].startswith("%"):
            meta[key] = lines.pop(0)[1:].strip()
    return meta, "\n".join(lines)


def _marp_slides(body: str) -> list[tuple[tuple[str, str], list[str]]]:
    slides: list[list[str]] = []
    current: list[str] = []
    for line in body.split("\n"):
        if _RULE.match(line) and line.startswith("-"):
            slides.append(current)
            current = []
        else:
            current.append(line)
    slides.append(current)
    out = []
    for lines in slides:
        heading = next((i for i, line in enumerate(lines) if _HEADING.match(line)), None)
        title = _HEADING.match(lines[heading])[2] if heading is not None else ""  # type: ignore[index]
        rest = [line for i, line in enumerate(lines) if i != heading]
        if title or any(line.strip() for line in rest):
            out.append((("slide", title), rest))
    return out


def _pandoc_slides(body: str) -> list[tuple[tuple[str, str], list[str]]]:
    lines = body.split("\n")
    level = _slide_level(lines)
    out: list[tuple[tuple[str, str], list[str]]] = []
    current: list[str] | None = None
    for line in lines:
        heading = _HEADING.match(line)
        if heading and len(heading[1]) <= level:
            kind = "slide" if len(heading[1]) == level else "section"
            current = []
            out.append(((kind, heading[2]), current))
        elif _RULE.match(line):
            current = []
            out.append((("slide", ""), current))
        elif current is not None:
            current.append(line)
        elif line.strip():
            current = [line]
            out.append((("slide", ""), current))
    return out


def _slide_level(lines: list[str]) -> int:
    """pandoc's rule: the deepest heading level followed directly by content."""
    best = 1
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if not heading:
            continue
        following = next((n for n in lines[index + 1 :] if n.strip()), "")
        if following and not _HEADING.match(following):
            best = max(best, len(heading[1]))
    return best


def _slide(title: str, lines: list[str], folder: Path, number: int, deck: Deck) -> Slide | None:
    text = "\n".join(lines)
    notes = [m.strip() for m in _COMMENT.findall(text) if not m.strip().startswith("_")]
    text = _COMMENT.sub("", text)
    text, pandoc_notes = _notes_blocks(text)
    slide = Slide(
        title=_inline(title) or f"Slide {number}", notes="\n\n".join(notes + pandoc_notes)
    )
    paragraph: list[str] = []
    levels: list[int] = []

    def flush() -> None:
        if paragraph:
            slide.paragraphs.append((0, _inline(" ".join(paragraph))))
            paragraph.clear()

    for line in text.split("\n"):
        if not line.strip() or line.strip().startswith(":::"):
            flush()
            continue
        if image := _IMAGE.match(line.strip()):
            flush()
            _add_picture(image[1], image[2], folder, slide, number, deck)
        elif _ROW.match(line):
            flush()
            if not _SEPARATOR.match(line):
                slide.table.append([_inline(c.strip()) for c in line.strip().strip("|").split("|")])
        elif item := _ITEM.match(line):
            flush()
            indent = len(item[1].expandtabs(4))
            while levels and levels[-1] > indent:
                levels.pop()
            if not levels or levels[-1] < indent:
                levels.append(indent)
            order = f"{item[2][:-1]}. " if item[2][0].isdigit() else ""  # keep the order
            slide.paragraphs.append((len(levels) - 1, order + _inline(item[3])))
        elif (heading := _HEADING.match(line)) is not None:
            flush()
            slide.paragraphs.append((0, f"**{_inline(heading[2])}**"))
        elif slide.paragraphs and line.startswith((" ", "\t")) and not paragraph:
            level, previous = slide.paragraphs[-1]  # a list item's continuation line
            slide.paragraphs[-1] = (level, f"{previous} {_inline(line.strip())}")
        else:
            paragraph.append(line.strip())
    flush()
    if not (title or slide.paragraphs or slide.table or slide.pictures):
        return None
    return slide


def _notes_blocks(text: str) -> tuple[str, list[str]]:
    notes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        notes.append(match[1].strip())
        return ""

    pattern = re.compile(r"^:::+\s*\{?\.?notes\}?\s*$(.*?)^:::+\s*$", re.MULTILINE | re.DOTALL)
    return pattern.sub(keep, text), notes


def _inline(text: str) -> str:
    """Markdown inline syntax as kit's markup: ** and * kept, the rest as plain text."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)", r"\1 (\2)", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(?<![\w*])__(\S.*?\S|\S)__(?![\w*])", r"**\1**", text)
    text = re.sub(r"(?<![\w_])_(\S.*?\S|\S)_(?![\w_])", r"*\1*", text)
    return " ".join(text.replace("\\", "").split())


def _add_picture(
    alt: str, target: str, folder: Path, slide: Slide, number: int, deck: Deck
) -> None:
    source = (folder / target).resolve()
    kind = _FORMATS.get(source.suffix.lower())
    if target.startswith(("http://", "https://")) or kind is None or not source.is_file():
        why = "not a PNG, JPEG or GIF beside the deck"
        deck.notices.append(f"slide {number}: picture '{target}' was left out ({why})")
        return
    if folder.resolve() not in source.parents:
        deck.notices.append(
            f"slide {number}: picture '{target}' is outside the deck's folder; left out"
        )
        return
    slide.pictures.append(Picture(source.read_bytes(), kind, _inline(alt)))
