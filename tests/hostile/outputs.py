"""Reading what kit wrote, for the hostile tests."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation


def deck_text(path: Path) -> str:
    """Every text in the deck's text boxes and table cells, slide by slide, space-joined."""
    parts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return " ".join(parts)
