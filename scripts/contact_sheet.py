"""Render a built deck with LibreOffice and tile its slides into one PNG (docs/sample-deck.png).

Usage: python scripts/contact_sheet.py build/deck.pptx docs/sample-deck.png
Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

COLUMNS = 6
GAP = 8


def contact_sheet(deck: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(deck)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["pdftoppm", "-r", "24", "-png", str(work / f"{deck.stem}.pdf"), str(work / "slide")],
            check=True,
        )
        slides = [Image.open(p) for p in sorted(work.glob("slide-*.png"))]
        width, height = slides[0].size
        rows = -(-len(slides) // COLUMNS)
        sheet = Image.new(
            "RGB", (COLUMNS * (width + GAP) + GAP, rows * (height + GAP) + GAP), "#9A9A9A"
        )
        for index, slide in enumerate(slides):
            x = GAP + (index % COLUMNS) * (width + GAP)
            y = GAP + (index // COLUMNS) * (height + GAP)
            sheet.paste(slide, (x, y))
        target.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(target, optimize=True)


if __name__ == "__main__":
    contact_sheet(Path(sys.argv[1]), Path(sys.argv[2]))
