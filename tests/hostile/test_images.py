"""Pictures of any shape are scaled to fit their box, keeping their proportions.

A 1 x 8,000 strip, an 8,000 x 1 strip and a 3,000 x 2,000 photo
as slide images and as the logo: every picture on every slide stays on the slide, and
the PDFs lay out (reportlab refuses a picture larger than its frame).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from kit.app.build import build

SHAPES = {"strip-tall.png": (1, 8000), "strip-wide.png": (8000, 1), "photo.png": (3000, 2000)}


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pictures")
    blocks = []
    for name, size in SHAPES.items():
        Image.new("RGB", size, "teal").save(folder / name)
        blocks.append(f"      - image: {{title: {name}, path: {name}, alt: A teal shape}}\n")
    (folder / "workshop.yaml").write_text(
        "title: T\norganisation: O\ntheme: {logo: strip-wide.png}\n"
        "sections:\n  - title: S\n    duration: 10\n    blocks:\n" + "".join(blocks),
        encoding="utf-8",
    )
    build(folder, folder / "out", only=["slides", "handouts"])
    return folder / "out" / "deck.pptx"


def test_every_picture_stays_on_its_slide(deck: Path) -> None:
    presentation = Presentation(str(deck))
    width, height = presentation.slide_width, presentation.slide_height
    pictures = [
        shape
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) >= len(SHAPES)
    for picture in pictures:
        assert picture.left >= 0 and picture.left + picture.width <= width
        assert picture.top >= 0 and picture.top + picture.height <= height


def test_pictures_keep_their_proportions(deck: Path) -> None:
    presentation = Presentation(str(deck))
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.shape_type != MSO_SHAPE_TYPE.PICTURE:
                continue
            pixels_wide, pixels_high = shape.image.size
            # Whole EMUs: a strip 190 EMU thick is off by up to half of one.
            assert shape.width / shape.height == pytest.approx(pixels_wide / pixels_high, rel=0.01)
