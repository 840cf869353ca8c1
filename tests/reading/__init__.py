"""Outputs read as a reader sees them; the helpers several of these tests share."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from kit.app.build import build

from ..readers import Page, soffice_convert, word_pages

DECK = "deck (LibreOffice)"


def printed(
    sources: dict[str, Path], root: Path, only: list[str], documents: Sequence[str]
) -> dict[tuple[str, str], list[Page]]:
    """Each workshop of ``sources`` built under ``root``: the pages of its ``documents`` and
    of LibreOffice's print of its deck (``DECK``), by (workshop's name, document)."""
    pages, decks = {}, {}
    for name, source in sources.items():
        out = root / name
        build(source, out, only=only)
        decks[name] = root / "decks" / f"{name}.pptx"  # one LibreOffice run: names apart
        decks[name].parent.mkdir(exist_ok=True)
        shutil.copyfile(out / "deck.pptx", decks[name])
        pages |= {(name, document): word_pages(out / document) for document in documents}
    for name, pdf in zip(decks, soffice_convert(list(decks.values()), root / "pdf"), strict=True):
        pages[name, DECK] = word_pages(pdf)
    return pages
