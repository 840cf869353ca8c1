"""Session fixtures: the template corpus, and every fixture workshop built and read once.

Workshops are built through kit's command line in child processes (``python -m kit build``),
as a user builds them, so these fixtures do not follow kit's modules around. The decks of a
fixture are then printed by LibreOffice in one run (``soffice_convert``).

- ``template_corpus``: python-pptx's default template, the branded 4:3 template and every
  LibreOffice Impress template, converted to ``.pptx`` by one LibreOffice run.
- ``rendered``: the sample and the fixtures of other organisations, on A4 and Letter; each
  PDF read once (``Reading``).
- ``templated``: the decks of the sample, first-aid and tenants-union on every template of
  the corpus, each workshop's built when first asked for and printed when first read.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Hashable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

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
    **{
        name: FIXTURES / name
        for name in ("first-aid", "bargaining", "branded", "other-workshop", "cycle-coop")
    },
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
# Workshops read on every template of the corpus: the sample, and three other organisations
# that stress layout most: first-aid (4:3: nine stages, a 403-character statement),
# tenants-union (16:9: a comparison of 30 rows, a challenge of 14 responses) and cycle-coop
# (4:3, its brand font DejaVu Sans, wide, from a font file in its folder).
TEMPLATED = {
    "sample": WORKSHOPS["sample"],
    "first-aid": WORKSHOPS["first-aid"],
    "tenants-union": FIXTURES / "tenants-union",
    "cycle-coop": FIXTURES / "cycle-coop",
}
K = TypeVar("K", bound=Hashable)


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
    _readings: dict[Path, Reading] = field(default_factory=dict)

    def reading(self, workshop: str, paper: str, output: str) -> Reading:
        path = self.builds[workshop, paper].files[output]
        if path not in self._readings:
            build = self.builds[workshop, paper]
            self._readings[path] = _read(build, WORKSHOPS[workshop], output)
        return self._readings[path]


def _read(build: Build, source: Path, output: str, fonts: bool = True, dpi: int = 100) -> Reading:
    """``build``'s ``output`` as a reader gets it; ``source``: its workshop's folder."""
    slides = output in (DECK, "deck.pdf")
    return Reading(
        build.files[output],
        workshop_vocabulary(source),
        inset=0.0 if slides else PRINT_MARGIN,
        floor=FLOORS.get(output, PRINT_FLOOR),
        fonts=fonts,
        dpi=dpi,
        decorations=build.decorations if output == DECK else None,
    )


@dataclass
class Templated:
    """Each workshop of ``TEMPLATED`` on every template of the corpus: all its decks built
    when one is first asked for, and printed when one is first read (so ``-k first-aid``
    builds only first-aid's, and a test of the builds alone waits for no printing)."""

    corpus: list[Template]
    root: Path
    _builds: dict[str, dict[str, Build]] = field(default_factory=dict)
    _printed: set[str] = field(default_factory=set)
    _readings: dict[tuple[str, str], Reading] = field(default_factory=dict)

    def build(self, workshop: str, template: str) -> Build:
        if workshop not in self._builds:
            self._builds[workshop] = self._build_all(workshop)
        return self._builds[workshop][template]

    def reading(self, workshop: str, template: str) -> Reading:
        # 25 decks of 45 slides: no font reading, and pixels at half the resolution
        if (workshop, template) not in self._readings:
            build = self.build(workshop, template)
            if workshop not in self._printed:
                _print_decks(self._builds[workshop], self.root / workshop)
                self._printed.add(workshop)
            self._readings[workshop, template] = _read(build, TEMPLATED[workshop], DECK, False, 50)
        return self._readings[workshop, template]

    def _build_all(self, workshop: str) -> dict[str, Build]:
        root = self.root / workshop
        jobs = {
            template.name: (
                on_template(TEMPLATED[workshop], template.path, root / template.name / "workshop"),
                "--out",
                root / template.name / "out",
                "--only",
                "slides",
            )
            for template in self.corpus
        }
        return _run_builds(jobs)


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
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Every workshop on both papers, built and printed."""
    root = tmp_path_factory.mktemp("rendered")
    jobs: dict[tuple[str, str], tuple[str | Path, ...]] = {}
    for name, folder in WORKSHOPS.items():
        jobs[name, "a4"] = (folder, "--out", root / name / "a4")
        only = ("--only", "handouts", "--only", "exercises")  # the deck has no paper
        jobs[name, "letter"] = (folder, "--out", root / name / "letter", "--paper", "letter", *only)
    builds = _run_builds(jobs)
    _print_decks({"-".join(key): build for key, build in builds.items()}, root)
    return Rendered(builds)


@pytest.fixture(scope="session")
def templated(
    tmp_path_factory: pytest.TempPathFactory, template_corpus: list[Template]
) -> Templated:
    """The workshops of ``TEMPLATED`` on every template of the corpus, built when asked."""
    return Templated(template_corpus, tmp_path_factory.mktemp("templated"))


def _run_builds(jobs: Mapping[K, tuple[str | Path, ...]]) -> dict[K, Build]:
    """``kit build`` of each job's arguments (a folder, ``--out`` and its folder, ...), two at
    a time; each build's PDFs found by name."""
    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores
        results = dict(zip(jobs, pool.map(lambda args: kit("build", *args), jobs.values())))
    builds = {key: Build(results[key], Path(jobs[key][2])) for key in jobs}
    for build in builds.values():
        build.files = {p.name: p for p in build.out.glob("*.pdf")}
    return builds


def _print_decks(builds: Mapping[str, Build], root: Path) -> None:
    """One LibreOffice run prints every deck of ``builds`` (by a name of its own), and its
    template alone under it (to find words on the template's pictures)."""
    decks = {key: build.out / "deck.pptx" for key, build in builds.items()}
    decks = {key: deck for key, deck in decks.items() if deck.is_file()}
    named = root / "decks"
    named.mkdir()
    (root / "layouts").mkdir()
    layouts = {}
    for key, deck in decks.items():
        copy = shutil.copyfile(deck, named / f"{key}.pptx")
        layouts[key] = bare_layouts(copy, root / "layouts")
    alone = [p for d in layouts.values() for p in (d.decorated, d.bare)]
    printing = [*sorted(named.glob("*.pptx")), *alone]
    pdfs = {p.stem: p for p in soffice_convert(printing, named / "pdf")}
    for key in decks:
        builds[key].files[DECK] = pdfs[key]
        bare = layouts[key]
        builds[key].decorations = replace(
            bare, decorated=pdfs[bare.decorated.stem], bare=pdfs[bare.bare.stem]
        )
