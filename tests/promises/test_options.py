"""What the user asks ``build`` for reaches the files: the paper, the language, the head count."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from kit.app.build import build

from ..conftest import SAMPLE, pdf_text

LETTER = (612, 792)  # points


def test_paper_language_and_head_count_reach_the_guide(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(SAMPLE, out, only=["handouts"], paper="letter", language="ru", participants=7)
    guide = out / "facilitator-guide.pdf"
    box = PdfReader(guide).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == LETTER
    text = " ".join(pdf_text(guide).split())
    assert "Секс-работа и торговля людьми" in text
    assert "7 участников" in text  # the plural form of the Russian catalog
