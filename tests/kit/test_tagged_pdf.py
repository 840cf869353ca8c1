"""Every PDF is tagged for PDF/UA-1, read back as a screen reader's software would.

``pdfua`` checks the rules a program can decide; pikepdf reads the catalog, the structure
tree and the marked content; poppler (``pdfinfo -struct-text``) gives each structure
element's text, which must follow the printed text in order and cover all of it except
the page furniture in the margins.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate

from kit import outputs
from kit.app.build import build
from kit.source.loader import load
from kit.words.langtag import language_tag

from ..conftest import edition_id, editions
from ..readers import tool_output

MARGIN = 51.0  # kit.pdf.MARGIN: running headers and footers live outside it
LARGE_MARGIN = 62.4  # handouts.story.LARGE_MARGIN: the large print's larger furniture
LOGO_MARGIN = 65.2  # kit.pdf.brand: the top margin that holds a logo 9 mm high in the header
# Drawn from slides: a slide's own footer is an artifact inside the page.
SLIDE_PDFS = {
    kind.file for kind in (outputs.DECK_PDF, outputs.NOTES_HANDOUT, outputs.SHARED_SLIDES)
}
BARE = {outputs.CERTIFICATES.file, outputs.NAME_TENTS.file}  # no running header
ORGANISER = {
    kind.file
    for kind in (
        outputs.SIGN_IN,
        outputs.EVALUATION,
        outputs.CERTIFICATES,
        outputs.NAME_TENTS,
        outputs.ROOM_LIST,
        outputs.PRINT_LIST,
    )
}


@pytest.fixture(scope="module", params=editions(), ids=edition_id)
def pdfs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder, language = request.param
    out = tmp_path_factory.mktemp("tagged")
    # Named certificates and name tents (Latin with diacritics, Cyrillic), and the print list.
    people = out / "people.csv"
    people.write_text("name,organisation\nAna Núñez,Cocina\nОлександра Ковальчук,\n", "utf-8")
    only = ["handouts", "exercises", "printlist"]
    written = build(folder, out / "out", only=only, language=language, participants_file=people)
    paths = [o.path for o in written.written if o.path.suffix == ".pdf"]
    # The handouts and the organiser's pack at least; the sheets come with their exercises.
    assert {p.name for p in paths} >= ORGANISER and len(paths) >= 11
    workshop = load(folder, language).workshop
    return paths, language_tag(workshop.language), workshop.theme.logo is not None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _leaves(path: Path) -> list[str]:
    """The text of each structure element that marks content, in structure order."""
    out = tool_output("pdfinfo", "-struct-text", path)
    return re.findall(r'^\s*"(.*)"\s*$', out, re.M)


def _text(path: Path, box: tuple[float, float, float, float] | None = None) -> str:
    crop = []
    if box is not None:
        crop = [f"-{flag}" for flag in "xyWH"]
        crop = [part for flag, value in zip(crop, box) for part in (flag, str(round(value)))]
    return tool_output("pdftotext", "-raw", "-enc", "UTF-8", *crop, path, "-")


def test_pdfua_finds_nothing(pdfs: tuple[list[Path], str, bool]) -> None:
    findings = {
        path.name: [f"{f.rule_id}: {f.message}" for f in validate(str(path)).findings]
        for path in pdfs[0]
    }
    assert findings == {path.name: [] for path in pdfs[0]}


def test_the_structure_reads_in_the_printed_order_and_covers_the_text(
    pdfs: tuple[list[Path], str, bool],
) -> None:
    for path in pdfs[0]:
        tops, bottoms = _furniture(path, logo=pdfs[2])
        # A running header can hold the title a leaf is looking for: each page's header and
        # footer lines go first, as many as its margins hold.
        pages = _text(path).split("\f")
        kept = [
            _trim(page.splitlines(), top, bottom) for page, top, bottom in zip(pages, tops, bottoms)
        ]
        text, position, between = _squash("".join(kept)), 0, []
        for leaf in filter(None, map(_squash, _leaves(path))):
            found = text.find(leaf, position)
            assert found >= 0, f"{path.name}: {leaf!r} is tagged out of order or not printed"
            between.append(text[position:found])
            position = found + len(leaf)
        between.append(text[position:])
        if path.name in SLIDE_PDFS:
            continue
        # By words too: the header's pieces may be drawn in another order than they read.
        furniture = {
            piece for page in tops + bottoms for line in page for piece in (line, *line.split())
        }
        for untagged in between:
            for piece in sorted(map(_squash, furniture), key=len, reverse=True):
                untagged = untagged.replace(piece, "")
            # Only the running header and the footer, in the margins, are left untagged.
            assert untagged == "", f"{path.name}: {untagged!r} is printed but not tagged"


def _trim(page: list[str], top: list[str], bottom: list[str]) -> str:
    """The page's text without the header lines it starts with and the footer lines it ends
    with, no more of them than its margins hold."""
    head = {_squash(line) for line in top}
    foot = {_squash(line) for line in bottom}
    start, end = 0, len(page)
    while start < min(len(top), end) and _squash(page[start]) in head:
        start += 1
    while end > start and len(page) - end < len(bottom) and _squash(page[end - 1]) in foot:
        end -= 1
    return "\n".join(page[start:end])


def _furniture(path: Path, *, logo: bool) -> tuple[list[list[str]], list[list[str]]]:
    """Each page's lines printed in its top margin and in its bottom margin (none on slides);
    with a ``logo``, the top margin holds it."""
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    if path.name in SLIDE_PDFS:
        return [[]] * pages, [[]] * pages
    band = LARGE_MARGIN if path.name == outputs.LARGE_PRINT.file else MARGIN
    # pdftotext ends every page with a form feed, an empty one too.
    head = max(band, LOGO_MARGIN) if logo and path.name not in BARE else band
    top = _text(path, (0, 0, width, head)).split("\f")[:pages]
    bottom = _text(path, (0, height - band, width, band)).split("\f")[:pages]
    assert len(top) == len(bottom) == pages
    lines = [[line for line in page.splitlines() if line.strip()] for page in top + bottom]
    return lines[:pages], lines[pages:]


def _elements(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """Every structure element under ``node``, depth first in order."""
    out = []
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            out.append(kid)
            out += _elements(kid)
    return out


def _content_mcids(page: pikepdf.Page) -> list[int]:
    mcids = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC" and "/MCID" in operands[1]:
            mcids.append(int(operands[1].MCID))
    return mcids


def test_catalog_structure_and_outline_are_as_pdf_ua_asks(
    pdfs: tuple[list[Path], str, bool],
) -> None:
    paths, lang, _ = pdfs
    for path in paths:
        with pikepdf.open(path) as pdf:
            root = pdf.Root
            assert root.MarkInfo.Marked is True, path.name
            assert str(root.Lang) == lang, path.name
            assert root.ViewerPreferences.DisplayDocTitle is True, path.name
            xmp = root.Metadata.read_bytes().decode()
            assert "<pdfuaid:part>1</pdfuaid:part>" in xmp, path.name
            assert str(pdf.docinfo.Title) in xmp.replace("&amp;", "&"), path.name
            # Every marked sequence belongs to one element, found through the parent tree.
            nums = root.StructTreeRoot.ParentTree.Nums
            parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
            for index, page in enumerate(pdf.pages):
                assert int(page.obj.StructParents) == index and page.obj.Tabs == "/S"
                mcids = _content_mcids(page)
                assert mcids == list(range(len(parents[index]))), (path.name, index)
                for mcid in mcids:
                    element = parents[index][mcid]
                    assert int(element.K) == mcid and element.Pg.objgen == page.obj.objgen
            elements = _elements(root.StructTreeRoot)
            roles = [str(e.S) for e in elements]
            assert roles[0] == "/Document", path.name
            levels = [int(r[2:]) for r in roles if re.fullmatch(r"/H\d", r)]
            # Headings start at 1 and never skip a level; each is in the outline.
            assert all(b <= a + 1 for a, b in itertools.pairwise([0, *levels])), path.name
            with pdf.open_outline() as outline:
                entries = list(outline.root)
                while entries:
                    levels.pop(0)
                    entries = [*entries[0].children, *entries[1:]]
            assert levels == [], path.name
            for element in elements:
                if element.S == "/Figure":
                    assert str(element.get("/Alt", "")).strip(), path.name
                if element.S == "/Table":
                    first_row = _elements(element)[0]
                    cells = [
                        str(c.S) for c in _elements(first_row) if c.P.objgen == first_row.objgen
                    ]
                    assert set(cells) == {"/TH"}, (path.name, cells)


@pytest.mark.parametrize("entries", [1, 5, 6, 7, 12, 13])
@pytest.mark.parametrize("items", [0, 1, 9, 10, 11, 20, 31])
def test_the_structure_tree_is_written_as_reportlab_writes_it(entries: int, items: int) -> None:
    """Its dictionaries and arrays skip reportlab's general formatter, not its bytes: a
    line break after every sixth entry and every tenth item, references, numbers, names."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFDocument, PDFName, PDFString

    from kit.pdf.tagging import _Array, _Dictionary

    document = PDFDocument()
    refs = [document.Reference(PDFDictionary({"N": n})) for n in range(items)]
    document.idToObjectNumberAndVersion = {ref.name: (n + 3, 0) for n, ref in enumerate(refs)}
    values = [refs[0] if refs else 0, 7, PDFName("StructElem"), PDFString("Alt text"), None]
    kinds = [f"K{n}" for n in range(entries)]
    plain = {key: values[n % len(values)] for n, key in enumerate(kinds)}
    assert _Dictionary(plain).format(document) == PDFDictionary(plain).format(document)
    listed = [*refs, *range(items)]
    assert _Array(listed).format(document) == PDFArray(listed).format(document)
