"""Contact sheets: every page of kit's outputs tiled into one PNG, to look at a build at once.

Usage (from the repository; needs LibreOffice and poppler-utils)::

    python scripts/contact_sheet.py sheet OUT.png FILE [FILE ...]
        every page of each FILE (.pdf, or .pptx printed by LibreOffice), one file after another
    python scripts/contact_sheet.py templates OUT.png WORKSHOP [--slides 1 2 5]
        WORKSHOP's deck on python-pptx's default template, the branded 4:3 fixture template and
        every LibreOffice Impress template: one row of the chosen slides per template
    python scripts/contact_sheet.py docs
        the sheets in docs/contact-sheets/: the sample and fixtures of other organisations

A sheet is for a person to look at; nothing here checks anything (the tests do).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pptx
import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sex-work-and-trafficking"
FIXTURES = ROOT / "tests" / "fixtures"
BRANDED_TEMPLATE = FIXTURES / "branded" / "templates" / "branded-4x3.pptx"
DOCS = ROOT / "docs" / "contact-sheets"
GAP = 8
LABEL = 18  # pixels above a row of the template gallery for the template's name
BACKDROP = "#9A9A9A"  # grey, so that white pages and white slides show their edges


def soffice_convert(files: Sequence[Path], out_dir: Path, to: str) -> list[Path]:
    """``files`` converted by one LibreOffice run with a profile of its own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(out_dir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
        )
    return [out_dir / f"{path.stem}.{to}" for path in files]


def pages(path: Path, scratch: Path, dpi: int) -> list[Image.Image]:
    """Each page of a PDF, or each slide of a deck as LibreOffice prints it, as an image."""
    if path.suffix == ".pptx":
        (path,) = soffice_convert([path], scratch / path.stem, "pdf")
    prefix = scratch / f"{path.stem}-page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(prefix)], check=True)
    found = sorted(scratch.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    return [Image.open(p).convert("RGB") for p in found]


def tile(rows: Sequence[tuple[str, Sequence[Image.Image]]], columns: int) -> Image.Image:
    """Rows of images (each row wrapped at ``columns``), labelled when a label is given."""
    lines: list[tuple[str, list[Image.Image]]] = []
    for label, images in rows:
        for start in range(0, len(images), columns):
            lines.append((label if start == 0 else "", list(images[start : start + columns])))
    cell_w = max(image.width for _, images in lines for image in images)
    cell_h = max(image.height for _, images in lines for image in images)
    labelled = any(label for label, _ in rows)
    line_h = cell_h + GAP + (LABEL if labelled else 0)
    sheet = Image.new("RGB", (GAP + columns * (cell_w + GAP), GAP + len(lines) * line_h), BACKDROP)
    draw = ImageDraw.Draw(sheet)
    for row, (label, images) in enumerate(lines):
        top = GAP + row * line_h
        if label:
            draw.text((GAP, top + 2), label, fill="black")
        for column, image in enumerate(images):
            sheet.paste(image, (GAP + column * (cell_w + GAP), top + (LABEL if labelled else 0)))
    return sheet


def file_sheet(target: Path, files: Sequence[Path], columns: int = 6, dpi: int = 24) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        images = [image for path in files for image in pages(path, Path(scratch), dpi)]
        save(tile([("", images)], columns), target)


def save(sheet: Image.Image, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def kit_build(workshop: Path, out: Path, *options: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "kit", "build", str(workshop), "--out", str(out), *options],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


def corpus(scratch: Path) -> list[tuple[str, Path]]:
    """python-pptx's default, the branded fixture's template and LibreOffice's, as .pptx."""
    soffice = Path(shutil.which("soffice") or "soffice").resolve()
    roots = [soffice.parent.parent, *Path("/usr/lib").glob("libreoffice*")]
    otps = next((sorted(r.glob("share/template/common/presnt/*.otp")) for r in roots), [])
    converted = soffice_convert(otps, scratch / "corpus", "pptx")
    default = Path(pptx.__file__).parent / "templates" / "default.pptx"
    return [("python-pptx default", default), ("branded 4:3", BRANDED_TEMPLATE)] + [
        (path.stem, path) for path in converted
    ]


def on_template(workshop: Path, template: Path, folder: Path) -> Path:
    """A copy of ``workshop`` whose theme names ``template``."""
    shutil.copytree(workshop, folder)
    shutil.copyfile(template, folder / "template.pptx")
    source = folder / "workshop.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.setdefault("theme", {})["template"] = "template.pptx"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def template_gallery(target: Path, workshop: Path, slides: Sequence[int]) -> None:
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        decks = []
        for index, (label, template) in enumerate(corpus(scratch)):
            folder = on_template(workshop, template, scratch / f"w{index}")
            kit_build(folder, folder / "out", "--only", "slides")
            deck = scratch / "decks" / f"deck{index:02}.pptx"
            deck.parent.mkdir(exist_ok=True)
            shutil.copyfile(folder / "out" / "deck.pptx", deck)
            decks.append((label, deck))
        printed = soffice_convert([deck for _, deck in decks], scratch / "printed", "pdf")
        rows = []
        for (label, _), pdf in zip(decks, printed, strict=True):
            images = pages(pdf, scratch, 20)
            rows.append((label, [images[n - 1] for n in slides if n <= len(images)]))
        save(tile(rows, len(slides)), target)


def docs() -> None:
    """docs/contact-sheets/: the sample and fixtures of other organisations, every output kind."""
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        builds = {
            "sample": (SAMPLE, ()),
            "first-aid": (FIXTURES / "first-aid", ()),
            "branded": (FIXTURES / "branded", ("--paper", "letter")),
        }
        for label, (workshop, options) in builds.items():
            out = scratch / label
            kit_build(workshop, out, *options)
            file_sheet(DOCS / f"{label}-deck.png", [out / "deck.pptx"])
            for document in ("handout", "facilitator-guide"):
                file_sheet(DOCS / f"{label}-{document}.png", [out / f"{document}.pdf"], 8, 20)
            sheets = sorted(out.glob("drill-*.pdf")) + sorted(out.glob("continuum-*.pdf"))
            file_sheet(DOCS / f"{label}-exercise-sheets.png", sheets, 8, 20)
    template_gallery(DOCS / "templates.png", SAMPLE, (1, 2, 3, 6, 22))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("sheet", help="every page of the given files")
    one.add_argument("target", type=Path)
    one.add_argument("files", type=Path, nargs="+")
    one.add_argument("--columns", type=int, default=6)
    gallery = commands.add_parser("templates", help="a workshop's deck on every template")
    gallery.add_argument("target", type=Path)
    gallery.add_argument("workshop", type=Path)
    gallery.add_argument("--slides", type=int, nargs="+", default=[1, 2, 3, 6])
    commands.add_parser("docs", help="rebuild docs/contact-sheets/")
    args = parser.parse_args(argv)
    if args.command == "sheet":
        file_sheet(args.target.resolve(), args.files, args.columns)
    elif args.command == "templates":
        template_gallery(args.target.resolve(), args.workshop, args.slides)
    else:
        docs()


if __name__ == "__main__":
    main()
