"""The organiser's pack: sign-in sheet, evaluation form, certificates and name tents,
read back from the PDFs as a reader sees them."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops, ImageFilter

from handouts.organiser.signin import sign_in_rows
from kit.app.build import build
from kit.app.cli import main
from kit.errors import ContentError

from ..conftest import FIXTURES, SAMPLE, pdf_pages
from ..readers import require_tool, tool_output
from .conftest import CERTIFICATES, EVALUATION, NAME_TENTS, ROOM_LIST, SIGN_IN, Built
from .test_qr import decoded

LONG = "Ana María Pérez-Villaseñor de la Cruz y Ñúñez"
CYRILLIC = "Олександра Ковальчук"


def people_csv(folder: Path, count: int = 30) -> Path:
    """``count`` people, one with a long name with diacritics and one in Cyrillic."""
    rows = ["name,organisation", f'"{LONG}",Asociación Vecinal', f"{CYRILLIC},Спілка орендарів"]
    rows += [f"Person {n},Group {n % 4}" for n in range(3, count + 1)]
    path = folder / "people.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def words_of(pages: list[str]) -> list[set[str]]:
    return [set(page.split()) for page in pages]


@pytest.fixture(scope="module")
def thirty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's handouts on A4, for a list of 30 people."""
    folder = tmp_path_factory.mktemp("thirty")
    build(SAMPLE, folder / "out", only=["handouts"], participants_file=people_csv(folder))
    return folder / "out"


@pytest.mark.parametrize("name", [CERTIFICATES, NAME_TENTS])
def test_one_page_per_person_with_the_name_whole(thirty: Path, name: str) -> None:
    pages = words_of(pdf_pages(thirty / name))
    assert len(pages) == 30
    # Each word of a name is found whole on its page: never broken across lines.
    assert set(LONG.split()) <= pages[0]
    assert set(CYRILLIC.split()) <= pages[1]
    assert {"Person", "30"} <= pages[29]


def test_sign_in_sheet_has_a_row_per_person_and_spares(thirty: Path) -> None:
    pages = pdf_pages(thirty / SIGN_IN)
    numbers = {word for page in pages for word in page.split() if word.isdigit()}
    rows = sign_in_rows(30)
    assert rows == 35
    assert str(rows) in numbers and str(rows + 1) not in numbers


def test_sign_in_sheet_names_the_session_on_every_page(tmp_path: Path) -> None:
    build(FIXTURES / "other-workshop", tmp_path, only=["handouts"], participants=60, paper="letter")
    pages = pdf_pages(tmp_path / SIGN_IN)
    assert len(pages) >= 2
    for page in pages:
        text = " ".join(page.split())
        assert "Standing Together: Answering Your Landlord" in text
        assert "14 March 2026" in text and "Eastside Library, Community Room" in text
        assert "May we contact you?" in text


def test_evaluation_form_asks_about_every_objective(thirty: Path) -> None:
    from kit.source.loader import load

    workshop = load(SAMPLE).workshop
    text = " ".join(" ".join(pdf_pages(thirty / EVALUATION)).split())
    for section in workshop.sections:
        for objective in section.objectives:
            assert objective in text  # curled by the loader, as the form prints it
    assert "What was most useful?" in text and "What would you change?" in text


def test_the_feedback_qr_code_reads_as_the_address(thirty: Path, tmp_path: Path) -> None:
    from kit.source.loader import load

    url = load(SAMPLE).workshop.feedback_url
    assert url
    pages = pdf_pages(thirty / EVALUATION)
    last = len(pages)
    assert decoded(thirty / EVALUATION, [last], tmp_path / "qr") == [url]
    assert url in " ".join(pages[-1].split())


def test_the_deck_pdf_ends_on_the_same_qr_code(thirty: Path, tmp_path: Path) -> None:
    from kit.source.loader import load

    url = load(SAMPLE).workshop.feedback_url
    last = len(pdf_pages(thirty / "deck.pdf"))
    assert decoded(thirty / "deck.pdf", [last], tmp_path / "qr") == [url]


def test_without_a_list_there_is_one_blank_certificate_and_tent(tmp_path: Path) -> None:
    build(FIXTURES / "other-workshop", tmp_path, only=["handouts"])
    assert len(pdf_pages(tmp_path / CERTIFICATES)) == 1
    assert len(pdf_pages(tmp_path / NAME_TENTS)) == 1
    assert "Certificate of attendance" in pdf_pages(tmp_path / CERTIFICATES)[0]


def test_a_blank_tent_has_a_line_to_write_on_and_the_title_on_both_faces(tmp_path: Path) -> None:
    build(FIXTURES / "other-workshop", tmp_path, only=["handouts"])
    (page,) = pdf_pages(tmp_path / NAME_TENTS)
    assert page.count("Standing Together: Answering Your Landlord") == 2
    image = rendered_page(tmp_path / NAME_TENTS, tmp_path / "blank")
    width, height = image.size
    for half in (
        image.crop((0, 0, width, height // 2)),
        image.crop((0, height // 2, width, height)),
    ):
        assert longest_rule(half) > width / 2  # the dashed fold line has no long run


def rendered_page(pdf: Path, stem: Path, page: int = 1) -> Image.Image:
    """Page ``page`` of ``pdf`` in grey, at 40 dpi."""
    pdftoppm = require_tool("pdftoppm")
    subprocess.run(
        [pdftoppm, "-r", "40", "-png", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    (image,) = stem.parent.glob(f"{stem.name}-*.png")
    return Image.open(image).convert("L")


def longest_rule(image: Image.Image) -> int:
    """The longest unbroken run of inked pixels along any row of ``image``."""
    width, height = image.size
    pixels = image.load()
    longest = 0
    for y in range(height):
        run = 0
        for x in range(width):
            run = run + 1 if pixels[x, y] < 200 else 0
            longest = max(longest, run)
    return longest


def test_the_upper_face_of_a_tent_is_the_lower_turned_over(thirty: Path, tmp_path: Path) -> None:
    """Folded, each face stands the right way up: the upper half is the lower half rotated."""
    page = rendered_page(thirty / NAME_TENTS, tmp_path / "tent", page=2)
    width, height = page.size
    lower = page.crop((0, height - height // 2, width, height))
    upper = page.crop((0, 0, width, height // 2)).rotate(180)
    assert lower.point(lambda v: 255 if v < 128 else 0).getbbox() is not None  # a name is there

    def blurred(half: Image.Image) -> Image.Image:  # forgives half-pixel edges
        return half.filter(ImageFilter.GaussianBlur(2))

    counts = ImageChops.difference(blurred(lower), blurred(upper)).histogram()
    # Upright on both halves, a tenth of the pixels differ; turned over, about 1 in 100.
    assert sum(counts[64:]) / sum(counts) < 0.02


BAD = 'name,organisation\nAna,Group\n,Group\nBo,"A, B",extra\n'


def test_a_bad_row_is_a_located_error_and_nothing_is_written(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ContentError) as caught:
        build(SAMPLE, out, participants_file=csv)
    assert [str(p) for p in caught.value.problems] == [
        f"{csv}:3:1: name: a participant needs a name",
        f"{csv}:4:11: 3 values but 2 columns; quote a value holding a comma",
    ]
    assert not out.exists()


def test_the_command_line_reports_the_bad_row(tmp_path: Path) -> None:
    folder = tmp_path / "workshop"
    folder.mkdir()
    (folder / "workshop.yaml").write_bytes((FIXTURES / "other-workshop/workshop.yaml").read_bytes())
    (folder / "participants.csv").write_text("name\nAna\nBo\x07b\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    csv = folder / "participants.csv"
    assert f"{csv}:3:1: name: holds a control character" in result.output
    assert not out.exists()


def test_an_unknown_column_is_located(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("name,email\nAna,a@example.org\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(SAMPLE, tmp_path / "out", participants_file=csv)
    assert str(caught.value) == (
        f"{csv}:1:6: unknown column 'email'; the columns are name, organisation"
    )


def test_the_tenants_union_pack_in_russian_on_letter(tmp_path: Path) -> None:
    """Another organisation, another language, another paper: every new file, in Russian."""
    from pypdf import PdfReader

    csv = people_csv(tmp_path)
    out = tmp_path / "out"
    build(
        FIXTURES / "other-workshop",
        out,
        only=["handouts"],
        language="ru",
        paper="letter",
        participants_file=csv,
    )
    expected = {
        SIGN_IN: "Лист регистрации",
        EVALUATION: "Насколько семинар достиг своих целей?",
        CERTIFICATES: "Сертификат участника",
        NAME_TENTS: CYRILLIC.split()[0],
        ROOM_LIST: "Помещение и материалы",
    }
    for name, words in expected.items():
        text = " ".join(" ".join(pdf_pages(out / name)).split())
        assert words in text, name
        assert "Вместе: как отвечать арендодателю" in text or name == NAME_TENTS, name
        width, height = (float(v) for v in PdfReader(out / name).pages[0].mediabox[2:])
        assert {round(width), round(height)} == {612, 792}, name
    assert len(pdf_pages(out / CERTIFICATES)) == 30
    room = " ".join(" ".join(pdf_pages(out / ROOM_LIST)).split())
    assert "Чай и печенье" not in room and "Ручка 30" in room
    assert "19:10–19:20 Чай и печенье" in " ".join(pdf_pages(out / "handout.pdf")[0].split())


def test_the_certificate_logo_is_centred(built: Callable[..., Built], tmp_path: Path) -> None:
    """The logo sits over the middle of the page, like every line of the certificate."""
    copy = tmp_path / CERTIFICATES  # pdftohtml writes the images it finds beside the file
    copy.write_bytes(built("all-blocks").path(CERTIFICATES).read_bytes())
    listing = tool_output("pdftohtml", "-xml", "-stdout", copy)
    page = re.search(r'<page [^>]*width="(\d+)"', listing)
    image = re.search(r'<image [^>]*left="(\d+)" width="(\d+)"', listing)
    assert page and image
    middle = int(image[1]) + int(image[2]) / 2
    assert abs(middle - int(page[1]) / 2) < 2
