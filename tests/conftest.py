"""Shared fixtures: the bundled sample workshop, fixture workshops and output readers."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from kit.app.epoch import fixed_timestamp
from kit.model import ContinuumBlock, DrillBlock, Workshop, markup
from kit.model.fields import FACILITATOR_ONLY, marked_texts
from kit.outputs import BuildOptions, Output
from kit.source.loader import LoadedWorkshop, load

from .readers import tool_output

pytest_plugins = ["tests.corpus"]  # the template corpus and the rendered fixture workshops

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sex-work-and-trafficking"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Every run draws the same examples (a failure found once comes back, on any machine), and
# no verdict depends on the clock: no deadline, no health check on slow generation.
# HYPOTHESIS_PROFILE=explore draws new examples and keeps failures in .hypothesis/.
_PATIENT = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("kit", derandomize=True, print_blob=True, database=None, **_PATIENT)
settings.register_profile("explore", derandomize=False, print_blob=True, **_PATIENT)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kit"))

# A suite started in the background by a non-interactive shell has SIGINT ignored, and every
# kit it starts would inherit that and never see the Ctrl-C the interrupt tests send. A
# handler (unlike "ignored") is reset to the default in a started program.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext extracts it (reading order, one page after another)."""
    return tool_output("pdftotext", "-enc", "UTF-8", path, "-")


def pdf_pages(path: Path) -> list[str]:
    """Extracted text per page; the web edition is one page of its visible text."""
    if path.suffix == ".html":
        return [html_text(path)]
    return pdf_text(path).split("\f")[:-1]


def html_text(path: Path) -> str:
    """The text of an HTML file as a reader sees it: no tags, no style sheet."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.hidden += tag in ("style", "script", "title")

        def handle_endtag(self, tag: str) -> None:
            self.hidden -= tag in ("style", "script", "title")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)

    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def raw_pages(path: Path) -> list[str]:
    """Each page's text in the order it was drawn (``pdftotext -raw``).

    Drawing order keeps each table cell whole, where reading order would interleave the
    lines of cells side by side.
    """
    if path.suffix == ".html":
        return pdf_pages(path)
    return tool_output("pdftotext", "-raw", "-enc", "UTF-8", path, "-").split("\f")[:-1]


def normal(text: str) -> str:
    """``text`` as extracted text compares: no emphasis markers, single spaces."""
    return " ".join(markup.plain(text).split())


def secrets(workshop: Workshop) -> Iterator[str]:
    """Every text the model marks facilitator-only: answers, scenario notes, block notes."""
    return (text for _, text in marked_texts(workshop, FACILITATOR_ONLY))


def editions() -> list[tuple[Path, str | None]]:
    """The sample and every fixture, in its own language and in each of its translations."""
    folders = [SAMPLE, *sorted(p.parent for p in FIXTURES.glob("*/workshop.yaml"))]
    return [
        (folder, language)
        for folder in folders
        for language in (None, *sorted(p.stem for p in folder.glob("translations/*.yaml")))
    ]


def edition_id(edition: tuple[Path, str | None]) -> str:
    return f"{edition[0].name}-{edition[1] or 'base'}"


@dataclass(frozen=True)
class Built:
    """One renderer's files for one workshop on one paper, by file name."""

    loaded: LoadedWorkshop
    outputs: dict[str, Output]
    options: BuildOptions
    read: Callable[[Path], list[str]] = pdf_pages

    @property
    def workshop(self) -> Workshop:
        return self.loaded.workshop

    @property
    def drill(self) -> DrillBlock:
        return self.workshop.blocks_of(DrillBlock)[0]

    @property
    def continuum(self) -> ContinuumBlock:
        return self.workshop.blocks_of(ContinuumBlock)[0]

    @property
    def pdfs(self) -> dict[str, Output]:
        """The outputs that are PDFs (not the web edition)."""
        return {name: o for name, o in self.outputs.items() if o.path.suffix == ".pdf"}

    def path(self, name: str) -> Path:
        return self.outputs[name].path

    def pages(self, name: str) -> list[str]:
        """Each page's extracted text, with single spaces like ``normal``."""
        return [" ".join(page.split()) for page in self.read(self.path(name))]

    def text(self, name: str) -> str:
        return " ".join(self.pages(name))


def builder(
    tmp_path_factory: pytest.TempPathFactory,
    render: Callable[..., list[Output]],
    workshops: dict[str, Path],
    read: Callable[[Path], list[str]] = pdf_pages,
) -> Callable[..., Built]:
    """``get(name, paper)``: that workshop rendered by ``render``, built once per session."""
    cache: dict[tuple[str, str], Built] = {}

    def get(name: str = "sample", paper: str = "a4") -> Built:
        if (name, paper) not in cache:
            loaded = load(workshops[name])
            out = tmp_path_factory.mktemp(f"{name}-{paper}")
            options = options_for(loaded, paper)
            outputs = render(loaded.workshop, loaded.workshop.theme, out, options)
            cache[name, paper] = Built(loaded, {o.path.name: o for o in outputs}, options, read)
        return cache[name, paper]

    return get


def render_into(
    render: Callable[..., list[Output]], workshop: Workshop, out_dir: Path, **options: Any
) -> dict[str, Output]:
    """Render ``workshop`` with ``render`` into ``out_dir``; outputs by file name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = render(workshop, workshop.theme, out_dir, BuildOptions(**options))
    return {o.path.name: o for o in outputs}


@pytest.fixture(scope="session")
def sample() -> LoadedWorkshop:
    return load(SAMPLE)


def options_for(loaded: LoadedWorkshop, paper: str = "a4", participants: int = 20) -> BuildOptions:
    return BuildOptions(
        paper=paper,  # type: ignore[arg-type]
        participants=participants,
        timestamp=fixed_timestamp(loaded),
    )
