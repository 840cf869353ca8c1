"""The shipped fonts are read without fontTools (``kit.layout.fontfile``): every face gives
the metrics fontTools reads, character for character."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kit.layout import fonts
from kit.layout.fontfile import read_face

SHIPPED = sorted(fonts.font_dir().glob("*.ttf"))


def _by_fonttools(path: Path) -> tuple[int, dict[int, int], int, int, int]:
    with TTFont(path) as font:
        hmtx, hhea = font["hmtx"], font["hhea"]
        advances = {code: hmtx[name][0] for code, name in font.getBestCmap().items()}
        return font["head"].unitsPerEm, advances, hmtx[".notdef"][0], hhea.ascent, -hhea.descent


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_a_shipped_face_reads_as_fonttools_reads_it(path: Path) -> None:
    assert read_face(path) == _by_fonttools(path)


def test_every_family_is_shipped_and_read() -> None:
    assert len(SHIPPED) == 20


def test_measuring_in_a_shipped_family_does_not_load_fonttools() -> None:
    probe = (
        "import sys; from kit.layout import fonts\n"
        "with fonts.using('Calibri', 'Times New Roman'): fonts.metrics(True, True)\n"
        "print('fontTools' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.split() == ["False"]
