"""Pictures as a reader sees them: a phone photo upright, a sliver warned, memory capped."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from kit.app.build import build
from kit.errors import ContentError
from kit.source.loader import load

from ..conftest import FIXTURES, ROOT
from ..readers import require_tool, tool_output

RED, BLUE = (220, 20, 20), (20, 20, 220)


def _phone_photo(path: Path) -> None:
    """A photo stored on its side (200 × 100) with EXIF orientation 6: seen upright it is
    100 × 200, red on top, blue below."""
    upright = Image.new("RGB", (100, 200), BLUE)
    upright.paste(RED, (0, 0, 100, 100))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the sensor wrote
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to show
    stored.save(path, "JPEG", quality=95, exif=exif)


def _workshop(tmp_path: Path, picture: str, prepare) -> Path:
    folder = tmp_path / "workshop"
    shutil.copytree(FIXTURES / "all-blocks", folder)
    prepare(folder / "images" / picture)
    text = (folder / "workshop.yaml").read_text(encoding="utf-8")
    (folder / "workshop.yaml").write_text(
        text.replace("images/diagram.png", f"images/{picture}"), encoding="utf-8"
    )
    return folder


def _upright(image: Image.Image) -> bool:
    """Red above blue, taller than wide: the photo as its taker saw it."""
    rgb = image.convert("RGB")
    w, h = rgb.size
    top, bottom = rgb.getpixel((w // 2, h // 4)), rgb.getpixel((w // 2, 3 * h // 4))
    return h > w and top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]


def _pdf_pictures(pdf: Path, scratch: Path) -> list[Image.Image]:
    scratch.mkdir()
    tool = require_tool("pdfimages")
    subprocess.run([tool, "-png", str(pdf), str(scratch / "p")], check=True)
    return [_opened(path.read_bytes()) for path in sorted(scratch.glob("*.png"))]


def _opened(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


def test_a_phone_photo_is_drawn_upright_in_the_deck_and_the_pdfs(tmp_path: Path) -> None:
    folder = _workshop(tmp_path, "photo.jpg", _phone_photo)
    out = tmp_path / "out"
    build(folder, out, only=["slides", "handouts"])
    with zipfile.ZipFile(out / "deck.pptx") as deck:
        media = [n for n in deck.namelist() if n.startswith("ppt/media/")]
        photos = [_opened(deck.read(n)) for n in media]
    assert any(_upright(photo) for photo in photos)
    for pdf in ("deck.pdf", "handout.pdf", "notes-handout.pdf"):
        pictures = _pdf_pictures(out / pdf, tmp_path / pdf)
        assert any(_upright(picture) for picture in pictures), pdf


def _sliver(path: Path) -> None:
    Image.new("RGB", (1, 6000), RED).save(path)


def test_a_picture_drawn_too_thin_to_see_is_warned(tmp_path: Path) -> None:
    folder = _workshop(tmp_path, "sliver.png", _sliver)
    result = build(folder, tmp_path / "out", only=["slides"])
    lines = (folder / "workshop.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == "- image:")
    assert [text for text in result.warnings if "picture" in text] == [
        f"{folder / 'workshop.yaml'}:{line}:9: section 2, block 5, image: the picture is "
        "1 × 6000 pixels, so it is drawn 0.02 × 127.71 mm; crop it closer to a rectangle "
        "or it will not be seen"
    ]


@pytest.mark.parametrize(
    ("size", "said"),
    [
        (
            (40, 1000),
            "40 × 1000 pixels, 25 times as tall as it is wide; crop it to at most 10 times as tall",
        ),
        (
            (2100, 200),
            "2100 × 200 pixels, 10.5 times as wide as it is tall; crop it to at most "
            "10 times as wide",
        ),
        ((2000, 200), None),
    ],
    ids=["tall", "wide", "ten-to-one"],
)
def test_a_picture_of_an_extreme_aspect_ratio_is_warned_however_large_it_is_drawn(
    tmp_path: Path, size: tuple[int, int], said: str | None
) -> None:
    """A 40 × 1000 picture fills the slide's height and is drawn 5 mm wide, thick enough
    to see, and still a strip."""
    folder = _workshop(tmp_path, "strip.png", lambda path: Image.new("RGB", size, RED).save(path))
    result = build(folder, tmp_path / "out", only=["slides"])
    lines = (folder / "workshop.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == "- image:")
    expected = f"{folder / 'workshop.yaml'}:{line}:9: section 2, block 5, image: the picture is "
    assert [text for text in result.warnings if "picture" in text] == (
        [f"{expected}{said} or it shows as a strip"] if said else []
    )


def _huge(path: Path) -> None:
    Image.new("RGB", (7000, 7000), RED).save(path)  # 49 megapixels, 187 MiB decoded


def test_a_picture_too_large_to_decode_within_the_cap_is_refused(tmp_path: Path) -> None:
    folder = _workshop(tmp_path, "huge.png", _huge)
    with pytest.raises(ContentError) as caught:
        load(folder)
    [problem] = caught.value.problems
    assert problem.message == (
        "'images/huge.png' takes 186 MiB to decode; the limit is 128 MiB "
        "(a picture 2400 pixels across is as sharp as a slide shows)"
    )


def _as_the_logo_too(folder: Path, picture: str) -> None:
    text = (folder / "workshop.yaml").read_text(encoding="utf-8")
    (folder / "workshop.yaml").write_text(
        text.replace("logo: images/logo.png", f"logo: images/{picture}"), encoding="utf-8"
    )


def test_every_output_draws_a_large_picture_at_most_2400_pixels_long(tmp_path: Path) -> None:
    """A 4000 × 3000 picture as the logo and a slide's picture: the deck and every PDF,
    the certificates and name tents included, hold its 2400 × 1800 copy and nothing larger."""
    folder = _workshop(
        tmp_path, "big.png", lambda path: Image.new("RGB", (4000, 3000), RED).save(path)
    )
    _as_the_logo_too(folder, "big.png")
    out = tmp_path / "out"
    build(folder, out, only=["slides", "handouts"])
    with zipfile.ZipFile(out / "deck.pptx") as deck:
        media = [name for name in deck.namelist() if name.startswith("ppt/media/")]
        sizes = {name: _opened(deck.read(name)).size for name in media}
    for pdf in sorted(out.glob("*.pdf")):
        listing = tool_output("pdfimages", "-list", pdf)
        for row in listing.splitlines()[2:]:  # page num type width height ...
            page, number, _, width, height = row.split()[:5]
            sizes[f"{pdf.name} p{page} #{number}"] = (int(width), int(height))
    drawn = {name for name, size in sizes.items() if size == (2400, 1800)}
    assert {"deck.pptx", "deck.pdf", "certificates.pdf", "handout.pdf"} <= {
        name.split(" ")[0] if " " in name else "deck.pptx" for name in drawn
    }
    assert {name: size for name, size in sizes.items() if max(size) > 2400} == {}


def _photo_49(path: Path) -> None:
    Image.new("RGB", (7000, 7000), BLUE).save(path, "JPEG", quality=80)


def _png_at_the_cap(path: Path) -> None:
    """The largest square PNG the decoding cap lets in: 5792 × 5792, 33.5 megapixels."""
    Image.new("RGB", (5792, 5792), BLUE).save(path)


# The child reports its own high-water mark (VmHWM). ru_maxrss from wait4 would not do:
# Linux carries the parent's peak across exec, so it read this test process's 358 MB. The
# kit program ends its process with os._exit once the command is done: the report comes
# just before, from the build's process (not from a worker's end).
_PEAK = """
import os, sys
from kit.app import program

def _reported(end, build=os.getpid()):
    def report_then_end(status):
        if os.getpid() == build:
            peak = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
            print("peak", peak, file=sys.stderr, flush=True)
        end(status)
    return report_then_end

os._exit = _reported(os._exit)
program.run()
"""


@pytest.mark.parametrize(
    ("picture", "prepare"), [("photo-49mp.jpg", _photo_49), ("logo-34mp.png", _png_at_the_cap)]
)
def test_a_build_with_a_huge_logo_and_picture_stays_under_300_mb(
    tmp_path: Path, picture: str, prepare
) -> None:
    """The picture as the logo and a slide's picture: on every slide of the deck and its
    PDFs, the handouts and every certificate (before 402 MB for the PNG, which the
    certificates drew from its file)."""
    folder = _workshop(tmp_path, picture, prepare)
    _as_the_logo_too(folder, picture)
    command = [sys.executable, "-c", _PEAK, "build", str(folder), "--out", str(tmp_path / "o")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "certificates.pdf").exists()
    peak_kib = int(result.stderr.split("peak ")[-1])
    assert peak_kib < 300 * 1024, f"{peak_kib // 1024} MiB"


def test_a_logo_drawn_too_thin_to_see_is_warned_at_the_logo(tmp_path: Path) -> None:
    folder = _workshop(tmp_path, "sliver.png", _sliver)
    text = (folder / "workshop.yaml").read_text(encoding="utf-8")
    (folder / "workshop.yaml").write_text(
        text.replace("logo: images/logo.png", "logo: images/sliver.png"), encoding="utf-8"
    )
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "logo:" in row)
    result = build(folder, tmp_path / "out", only=["slides"])
    logo = [text for text in result.warnings if "theme, logo" in text]
    assert logo == [
        f"{folder / 'workshop.yaml'}:{line}:9: theme, logo: the picture is 1 × 6000 pixels, "
        "so it is drawn 0.00 × 16.93 mm; crop it closer to a rectangle or it will not be seen"
    ]
