"""Commands load only what they need: checking never loads the deck writer's library.

Importing python-pptx and reportlab costs about 0.2 s, more than checking a workshop. Each
command runs in a fresh interpreter, which then lists the top-level modules it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ..conftest import FIXTURES, SAMPLE

_PROBE = """
import json, sys
from kit.app.cli import main
try:
    main(sys.argv[1:], prog_name="kit")
except SystemExit as exit:
    assert not exit.code, exit.code
print(json.dumps(sorted(sys.modules)))
"""


def _modules(*args: str) -> set[str]:
    """Every module loaded by ``kit ARGS``, run in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def _imported(*args: str) -> set[str]:
    """The top-level modules loaded by ``kit ARGS``."""
    return {name.split(".")[0] for name in _modules(*args)}


def test_linting_loads_no_renderer_library() -> None:
    assert not _imported("lint", str(SAMPLE)) & {"pptx", "reportlab"}


def test_checking_measures_the_printed_sheets_but_loads_no_deck_writer() -> None:
    """Check runs the build's plan phase: cards, signs and handout rows are measured with
    reportlab, as they will be drawn; the deck is laid out with kit's own metrics."""
    imported = _imported("check", str(SAMPLE))
    assert "reportlab" in imported
    assert "pptx" not in imported


def test_building_the_deck_alone_loads_no_pdf_library(tmp_path: Path) -> None:
    imported = _imported("build", str(SAMPLE), "--out", str(tmp_path), "--only", "slides")
    assert "pptx" in imported  # the probe sees what a build loads
    assert "reportlab" not in imported


def test_kits_english_words_are_read_without_babels_catalog_tools(tmp_path: Path) -> None:
    """Every process reads kit's English catalog (the model's default titles): with kit's
    own reader, as importing Babel's reader and compiling took tens of milliseconds."""
    folder = str(FIXTURES / "tenants-union")  # in English
    loaded = _modules("build", folder, "--out", str(tmp_path), "--only", "slides")
    assert "babel.numbers" in loaded  # the probe sees Babel where it is used
    assert not {name for name in loaded if name.startswith(("babel.messages", "babel.support"))}


def test_a_build_in_one_process_starts_no_workers_and_loads_nothing_for_them(
    tmp_path: Path,
) -> None:
    """``--jobs 1`` draws in the build's own process: multiprocessing and concurrent.futures
    (about 30 ms) are imported only once a pool starts."""
    out = str(tmp_path)
    imported = _imported("build", str(SAMPLE), "--out", out, "--only", "slides", "--jobs", "1")
    assert not imported & {"multiprocessing", "concurrent"}


def test_a_build_with_workers_leaves_the_deck_writer_to_them(tmp_path: Path) -> None:
    """The build's own process lays the deck out but never writes it: python-pptx is
    loaded by the workers' server, while the build plans, not by the build."""
    imported = _imported("build", str(SAMPLE), "--out", str(tmp_path), "--jobs", "2")
    assert "reportlab" in imported  # the printed sheets are measured while planning
    assert "pptx" not in imported


def test_plain_variables_are_filled_in_without_jinja2(tmp_path: Path) -> None:
    """The sample's ``{{ organisation }}`` and the like need no template engine (about
    0.1 s), and only the web edition's writer needs it for its page."""
    assert "jinja2" not in _imported("check", str(SAMPLE))
    assert "jinja2" not in _imported("build", str(SAMPLE), "--out", str(tmp_path), "--jobs", "2")


def test_the_program_collects_garbage_in_large_batches_and_leaves_importers_alone() -> None:
    """A build makes objects by the hundred thousand and few cycles: while the command runs,
    the collector runs every 50,000 new objects, not Python's 700, and never walks what
    importing kit made. Importing kit leaves a program's collector as it was."""
    probe = (
        "import gc, sys\n"
        "import kit.app.cli\n"
        "imported = gc.get_threshold()[0]\n"
        "def command(*_, **__):\n"
        "    print(imported, gc.get_threshold()[0], gc.get_freeze_count(), file=sys.stderr)\n"
        "kit.app.cli.main = command\n"
        "from kit.app.program import run\n"
        "run()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    imported, running, frozen = map(int, result.stderr.split()[-3:])
    assert imported == 700
    assert running >= 50_000
    assert frozen > 10_000  # what importing kit and its libraries made
