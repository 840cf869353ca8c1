"""The committed branded template is what make_branded.py writes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn

from .make_branded import LOGO, OUT, TEMPLATE, write


def _outline(path: Path) -> list[tuple]:
    """Slides, masters and layouts with their backgrounds, shapes and pictures."""
    prs = Presentation(str(path))
    rows: list[tuple] = [("size", prs.slide_width, prs.slide_height, len(prs.slides))]
    for holder in [prs.slide_master, *prs.slide_layouts]:
        background = holder._element.find(qn("p:cSld")).find(qn("p:bg"))
        rows.append((holder.name, None if background is None else background.xml))
        for shape in holder.shapes:
            image = getattr(shape, "image", None)
            rows.append(
                (
                    shape.shape_id,
                    shape.name,
                    shape.shape_type,
                    shape.left,
                    shape.top,
                    shape.width,
                    shape.height,
                    image and hashlib.sha256(image.blob).hexdigest(),
                )
            )
    return rows


def test_regenerating_gives_the_committed_template(tmp_path: Path) -> None:
    write(tmp_path)
    assert _outline(tmp_path / TEMPLATE) == _outline(OUT / TEMPLATE)
    assert (tmp_path / LOGO).read_bytes() == (OUT / LOGO).read_bytes()


def test_the_template_has_a_band_a_logo_and_no_slides() -> None:
    prs = Presentation(str(OUT / TEMPLATE))
    assert len(prs.slides) == 0
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # 4:3
    shapes = {shape.name: shape for shape in prs.slide_master.shapes}
    band, logo, title = shapes["Brand band"], shapes["Brand logo"], shapes["Title Placeholder 1"]
    assert band.fill.fore_color.rgb == (0x1B, 0x2A, 0x4A)
    assert logo.top + logo.height <= band.height
    assert title.top > band.height
