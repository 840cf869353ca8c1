"""What a reader of an edition sees: every output's text, and the English kit could leave."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pptx import Presentation

from kit.words.i18n import english_catalog, kit_catalog, read_catalog

from ..conftest import html_text, pdf_text
from ..readers import require_tool

_PLACEHOLDER = re.compile(r"\{\w+\}")


def deck_text(path: Path) -> str:
    """Every text python-pptx finds in the deck: shapes, table cells, notes, properties."""
    deck = Presentation(str(path))
    texts = [deck.core_properties.category or "", deck.core_properties.title or ""]
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            texts.append(shape._element.xpath("string(.//p:cNvPr/@descr)") or "")
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(texts)


def rendered_deck(path: Path, work: Path) -> Path:
    """The deck as LibreOffice renders it to PDF, with a profile of its own."""
    soffice = require_tool("soffice")
    profile = work / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return work / f"{path.stem}.pdf"


def output_texts(folder: Path, work: Path) -> dict[str, str]:
    """Each output's text by name; the deck twice, as python-pptx and LibreOffice read it."""
    texts = {p.name: pdf_text(p) for p in sorted(folder.glob("*.pdf"))}
    texts["handout.html"] = html_text(folder / "handout.html")
    texts["deck.pptx"] = deck_text(folder / "deck.pptx")
    texts["deck.pptx (LibreOffice)"] = pdf_text(rendered_deck(folder / "deck.pptx", work))
    return texts


def english_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """kit's English words as patterns over extracted text, by catalog key.

    Words the language's own catalog also uses are left out (German "Workshop", French
    "Source"): finding them proves nothing.
    """
    catalog = read_catalog(kit_catalog(language))  # type: ignore[arg-type]
    own = " ".join(
        form
        for message in catalog
        if message.id
        for form in (message.string if isinstance(message.string, tuple) else (message.string,))
    )
    patterns = {}
    for key, english in english_catalog().items():
        for text in english if isinstance(english, tuple) else (english,):
            pieces = [p.strip() for p in _PLACEHOLDER.split(text.replace("*", "")) if p.strip()]
            worded = [p for p in pieces if re.search(r"[A-Za-z]{2}", p)]
            if not worded or all(p in own for p in worded):
                continue
            body = r".{0,80}?".join(re.escape(p).replace(r"\ ", r"\s+") for p in pieces)
            patterns[f"{key}: {text}"] = re.compile(rf"(?<!\w){body}(?!\w)", re.DOTALL)
    return patterns
