"""Session fixtures: the template corpus, and every fixture workshop built and read once.

Workshops are built through kit's command line in child processes (``python -m kit build``),
as a user builds them, so these fixtures do not follow kit's modules around. The decks are
then printed by LibreOffice in one run for the whole session (``soffice_convert``).

- ``template_corpus``: python-pptx's default template, the branded 4:3 template and every
  LibreOffice Impress template, converted to ``.pptx`` by one LibreOffice run.
- ``rendered``: the sample and the fixtures of other organisations, on A4 and Letter, and the
  sample's deck on every template of the corpus; each PDF read once (``Reading``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pptx
import pytest
import yaml

from .readers import (
    Decorations,
    Reading,
    bare_layouts,
    require_tool,
    soffice_convert,
    workshop_vocabulary,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORKSHOPS = {
    "sample": ROOT / "examples" / "sex-work-and-trafficking",
    **{name: FIXTURES / name for name in ("first-aid", "bargaining", "branded", "other-workshop")},
}
PAPERS = ("a4", "letter")
DECK = "deck (LibreOffice)"  # the .pptx as LibreOffice prints it
PRINTED = ("handout.pdf", "handout-large-print.pdf", "facilitator-guide.pdf", "notes-handout.pdf")
DRILL_SHEETS = ("drill-worksheet.pdf", "drill-cards.pdf", "drill-answer-key.pdf")
CONTINUUM_SHEETS = (
    "continuum-worksheet.pdf",
    "continuum-signs.pdf",
    "continuum-scenario-cards.pdf",
)
# Documents that flow from page to page (not cards, signs or slides).
FLOWING = (
    "handout.pdf",
    "handout-large-print.pdf",
    "facilitator-guide.pdf",
    "drill-worksheet.pdf",
    "drill-answer-key.pdf",
    "continuum-worksheet.pdf",
)
BRANDED = FIXTURES / "branded" / "templates" / "branded-4x3.pptx"
PRINT_MARGIN = 12.0  # points: most printers leave about 4 mm at each edge unprinted
# Smallest sizes, else 7 pt; the notes handout's slides are miniatures, judged on the deck.
FLOORS = {DECK: 9.0, "deck.pdf": 9.0, "handout-large-print.pdf": 14.0, "notes-handout.pdf": 0}
PRINT_FLOOR = 7.0


def libreoffice_templates() -> list[Path]:
    """LibreOffice's Impress templates, wherever this LibreOffice keeps them."""
    program = Path(require_tool("soffice")).resolve().parent
    roots = [program.parent, *Path("/usr/lib").glob("libreoffice*"), *Path("/opt").glob("libre*")]
    for root in roots:
        found = sorted(root.glob("share/template/common/presnt/*.otp"))
        if found:
            return found
    pytest.fail("no LibreOffice Impress templates (share/template/common/presnt/*.otp) found")


@dataclass(frozen=True)
class Template:
    name: str
    path: Path


@pytest.fixture(scope="session")
def template_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Template]:
    """python-pptx's default, the branded template and LibreOffice's, as ``.pptx``."""
    converted = soffice_convert(libreoffice_templates(), tmp_path_factory.mktemp("corpus"), "pptx")
    default = Path(pptx.__file__).parent / "templates" / "default.pptx"
    return [
        Template("python-pptx-default", default),
        Template("branded", BRANDED),
        *(Template(path.stem, path) for path in converted),
    ]


def expected_outputs(workshop: str, paper: str) -> tuple[str, ...]:
    """What a reader gets of ``workshop`` on ``paper``: the deck once, print on both papers."""
    text = (WORKSHOPS[workshop] / "workshop.yaml").read_text(encoding="utf-8")
    blocks = {
        kind
        for section in yaml.safe_load(text)["sections"]
        for block in section.get("blocks", ())
        for kind in block
    }
    sheets = (DRILL_SHEETS if "drill" in blocks else ()) + (
        CONTINUUM_SHEETS if "continuum" in blocks else ()
    )
    return ((DECK, "deck.pdf") if paper == "a4" else ()) + PRINTED + sheets


def kit(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``kit`` run as a user runs it, in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "kit", *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


@dataclass
class Build:
    """One ``kit build``: its outcome and the files a reader gets, by output name."""

    result: subprocess.CompletedProcess[str]
    out: Path
    files: dict[str, Path] = field(default_factory=dict)
    decorations: Decorations | None = None  # the deck's template alone, printed


@dataclass
class Rendered:
    """Every build of the session, and each PDF read once on demand."""

    builds: dict[tuple[str, str], Build]  # (workshop, paper)
    templated: dict[str, Build]  # template name -> the sample's deck on it
    _readings: dict[Path, Reading] = field(default_factory=dict)

    def reading(self, workshop: str, paper: str, output: str) -> Reading:
        return self._read(self.builds[workshop, paper], workshop, output)

    def templated_reading(self, template: str) -> Reading:
        # 25 decks of 45 slides: no font reading, and pixels at half the resolution
        return self._read(self.templated[template], "sample", DECK, False, 50)

    def _read(
        self, build: Build, workshop: str, output: str, fonts: bool = True, dpi: int = 100
    ) -> Reading:
        path = build.files[output]
        if path not in self._readings:
            slides = output in (DECK, "deck.pdf")
            self._readings[path] = Reading(
                path,
                workshop_vocabulary(WORKSHOPS[workshop]),
                inset=0.0 if slides else PRINT_MARGIN,
                floor=FLOORS.get(output, PRINT_FLOOR),
                fonts=fonts,
                dpi=dpi,
                decorations=build.decorations if output == DECK else None,
            )
        return self._readings[path]


def on_template(workshop: Path, template: Path, folder: Path) -> Path:
    """``folder``: a copy of the workshop at ``workshop`` whose theme names ``template``."""
    shutil.copytree(workshop, folder)
    shutil.copyfile(template, folder / "template.pptx")
    source = folder / "workshop.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.setdefault("theme", {})["template"] = "template.pptx"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory, template_corpus: list[Template]) -> Rendered:
    """Every workshop on both papers and the sample on every template, built and printed."""
    root = tmp_path_factory.mktemp("rendered")
    jobs: dict[tuple[str, str], tuple[str | Path, ...]] = {}
    for name, folder in WORKSHOPS.items():
        jobs[name, "a4"] = (folder, "--out", root / name / "a4")
        only = ("--only", "handouts", "--only", "exercises")  # the deck has no paper
        jobs[name, "letter"] = (folder, "--out", root / name / "letter", "--paper", "letter", *only)
    for template in template_corpus:
        folder = on_template(
            WORKSHOPS["sample"], template.path, root / "templated" / template.name / "workshop"
        )
        jobs["template", template.name] = (
            folder,
            "--out",
            folder.parent / "out",
            "--only",
            "slides",
        )
    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores
        results = dict(zip(jobs, pool.map(lambda args: kit("build", *args), jobs.values())))
    builds = {key: Build(results[key], Path(jobs[key][2])) for key in jobs}
    for build in builds.values():
        build.files = {p.name: p for p in build.out.glob("*.pdf")}
    decks = {key: build.out / "deck.pptx" for key, build in builds.items()}
    decks = {key: deck for key, deck in decks.items() if deck.is_file()}
    # One LibreOffice run prints every deck of the session, and its template alone under it
    # (to find words on the template's pictures); names must differ.
    named = root / "decks"
    named.mkdir()
    (root / "layouts").mkdir()
    layouts = {}
    for key, deck in decks.items():
        copy = shutil.copyfile(deck, named / f"{'-'.join(key)}.pptx")
        layouts[key] = bare_layouts(copy, root / "layouts")
    alone = [p for d in layouts.values() for p in (d.decorated, d.bare)]
    printing = [*sorted(named.glob("*.pptx")), *alone]
    pdfs = {p.stem: p for p in soffice_convert(printing, named / "pdf")}
    for key in decks:
        builds[key].files[DECK] = pdfs["-".join(key)]
        bare = layouts[key]
        builds[key].decorations = replace(
            bare, decorated=pdfs[bare.decorated.stem], bare=pdfs[bare.bare.stem]
        )
    return Rendered(
        {key: b for key, b in builds.items() if key[0] != "template"},
        {key[1]: b for key, b in builds.items() if key[0] == "template"},
    )
