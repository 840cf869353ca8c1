"""Time kit's builds side by side with pandoc: wall and processor time, peak memory, per slide.

Run from the repository: ``python scripts/benchmark.py`` (``--help`` for options). It builds
the sample kit (with its workers, and in one process), the deck on a .pptx template (the
branded fixture), synthetic workshops of 45 and 1000 slides (speaker notes on every slide)
with their handouts, and, where pandoc is installed, pandoc on the same decks written as
Markdown. Every build runs in a fresh subprocess, so a time includes start-up and imports
as a user's ``kit build`` does (after one untimed round, so Python's bytecode caches are
written as an installed kit's are); the processor time is the child's user and system time
with its workers', which a loaded machine does not swing as it swings wall time; the peak
memory is the largest process's ``ru_maxrss`` in the untimed round (``_LAUNCHER``). Runs
are interleaved so that background load falls on every case alike. The tables are Markdown,
for the README, each printed as soon as it is measured: the builds, then ``--watch``'s
rebuilds (each wait for its output gives up after ``WAIT_SECONDS``), then the targets of
issue #20 with what was measured. This is a measurement, not a test: it never fails on a
slow result.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sex-work-and-trafficking"
TEMPLATED = ROOT / "tests" / "fixtures" / "branded"  # a deck on the organisation's template
SIZES = (45, 1000)
# At most this many sections, so the agenda stays on one slide at every size.
MAX_SECTIONS = 10
UNTAGGED_ALL = "kit: all outputs, PDFs untagged"
UNTAGGED_HANDOUTS = "kit: handouts, PDFs untagged"
ALL = "kit: all outputs"
ALL_SERIAL = "kit: all outputs, one process (--jobs 1)"
_SLIDE_COUNT = re.compile(r"\((\d+) slides\)")


# --- synthetic workshops -------------------------------------------------------------------


def synthetic_workshop(slides: int) -> dict[str, Any]:
    """A workshop whose deck has exactly ``slides`` slides, each with speaker notes.

    One title slide, the agenda, a divider per section and one slide per content block;
    the content blocks cycle through bullets, definition, quote, comparison and content
    note, with text short enough never to continue on a second slide.
    """
    sections = max(1, min(MAX_SECTIONS, (slides - 2) // 20))
    blocks = slides - 2 - sections
    if blocks < 0:
        raise ValueError(f"a synthetic deck needs at least {2 + sections} slides")
    share, extra = divmod(blocks, sections)
    section_list = []
    number = 0
    for index in range(sections):
        content = []
        for _ in range(share + (1 if index < extra else 0)):
            number += 1
            content.append(_block(number))
        if index == 0:
            content.insert(0, {"title": {"title": "{{ title }}", "subtitle": "{{ venue }}"}})
        section_list.append(
            {
                "title": f"Section {index + 1}: practice and reflection",
                "duration": 15,
                "objectives": [f"Objective {index + 1}.1", f"Objective {index + 1}.2"],
                "blocks": content,
            }
        )
    return {
        "title": f"Synthetic workshop of {slides} slides",
        "subtitle": "Generated for the benchmark",
        "organisation": "Benchmark Collective",
        "presenters": ["Ana", "Ben"],
        "date": "2026-03-01",
        "start_time": "09:00",
        "venue": "Room 1",
        "sources": [
            {
                "id": "guide",
                "title": "A guide",
                "organisation": "Guide Group",
                "url": "https://example.org/guide",
            }
        ],
        "sections": section_list,
    }


def _block(number: int) -> dict[str, Any]:
    notes = {
        "notes": f"Speaker notes for slide {number}: say why this matters, then ask the room.",
        "facilitator_notes": f"Give the room two minutes on point {number}.",
    }
    kind = number % 5
    if kind == 0:
        items = [f"Point {number}.{i}: a short **key** idea in *plain* words" for i in range(3)]
        body = {
            "title": f"Key points {number}",
            "items": [*items, {"text": f"Point {number}.3", "sub": [f"Detail {number}.3.1"]}],
            "cite": ["guide"],
        }
        return {"bullets": {**body, **notes}}
    if kind == 1:
        return {
            "definition": {
                "term": f"Term {number}",
                "source": "A guide",
                **notes,
                "meaning": f"What term {number} means, in one sentence or two.",
            }
        }
    if kind == 2:
        return {
            "quote": {
                "text": f"A short thing someone said about topic {number}.",
                "attribution": "A participant",
                **notes,
            }
        }
    if kind == 3:
        rows = [[f"Left {number}.{i}", f"Right {number}.{i}"] for i in range(3)]
        return {
            "comparison": {
                "title": f"This and that {number}",
                "columns": ["This", "That"],
                "rows": rows,
                **notes,
            }
        }
    return {
        "content_note": {
            "title": f"Before we start {number}",
            **notes,
            "text": "Some of what follows may be hard to hear.",
            "support": ["Step out whenever you need to", "Ask us afterwards"],
        }
    }


class _PlainDumper(yaml.SafeDumper):
    """Never writes anchors or aliases, which kit's loader refuses."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_workshop(data: dict[str, Any], folder: Path) -> Path:
    """Write ``data`` as ``folder/workshop.yaml``; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "workshop.yaml"
    file.write_text(
        yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return file


# --- the same deck as Markdown, for pandoc ---------------------------------------------------

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|~^$])")


def deck_markdown(workshop: Path) -> str:
    """The planned deck of ``workshop`` as pandoc Markdown: same slides, text and notes."""
    from kit.layout.deckplan import plan_deck
    from kit.layout.slidelayout import Box, Table
    from kit.source.loader import load

    deck = plan_deck(load(workshop).workshop)
    parts = []  # no title block: pandoc would add a title slide that kit's deck does not have
    for slide in deck.slides:
        parts.append(f"## {_escape(slide.title)}\n")
        for element in slide.elements:
            if isinstance(element, Table):
                parts.append(_markdown_table(element))
            elif isinstance(element, Box) and element.text and element.role == "body":
                parts.extend(_markdown_paragraph(para) for para in element.text.paragraphs)
        if slide.notes:
            parts.append(f"::: notes\n{_escape(slide.notes)}\n:::\n")
    return "\n".join(parts)


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _markdown_paragraph(para: Any) -> str:
    text = _escape(" ".join(para.text.split()))
    return f"{'  ' * para.level}- {text}\n" if para.bullet else f"{text}\n"


def _markdown_table(table: Any) -> str:
    rows = [[_escape(" ".join(cell.text.plain.split())) for cell in row] for row in table.rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


# --- the deck without notes, for comparison ------------------------------------------------


def build_deck_without_notes(workshop: Path, out_dir: Path) -> None:
    """``kit build --only slides``, its deck's notes dropped just before writing (child process).

    The same command as the "kit: deck" row, run as the kit program runs it, so the two
    differ only by the notes. The writer is wrapped in this short-lived process alone.
    """
    gc.disable()  # as the kit program imports: these imports are frozen with its own
    import slides.pptx_writer as writer
    from kit.app import program
    from kit.layout.slidelayout import DeckLayout

    write_deck = writer.write_deck

    def without_notes(deck: DeckLayout, path: Path, timestamp: Any) -> None:
        bare = tuple(replace(slide, notes="") for slide in deck.slides)
        write_deck(replace(deck, slides=bare), path, timestamp)

    writer.write_deck = without_notes
    program.run(["build", str(workshop), "--out", str(out_dir), "--only", "slides"])


# --- the PDFs untagged, for what tagging costs ----------------------------------------------


def build_untagged(workshop: Path, out_dir: Path, only: str) -> None:
    """``kit build`` (``only`` one renderer, or ``all``) with every PDF written untagged.

    The same command as its tagged row, in a child process in which the tagger's calls do
    nothing: no marked content, structure tree, outline or XMP. The footers' artifact marks
    are still written; they are two operators a page.
    """
    from contextlib import nullcontext

    gc.disable()  # as the kit program imports: these imports are frozen with its own
    import handouts.deckpdf
    import kit.pdf
    from kit.app import program
    from kit.pdf.tagging import Tagger

    def nothing(*args: Any, **kwargs: Any) -> None:
        return None

    for name in ("start_page", "end_page", "bookmark"):
        setattr(Tagger, name, nothing)
    Tagger.content = Tagger.group = lambda *args, **kwargs: nullcontext()
    kit.pdf.write_structure = handouts.deckpdf.write_structure = nothing
    renderers = [] if only == "all" else ["--only", only]
    # One process: workers would import the tagger afresh, unpatched.
    program.run(["build", str(workshop), "--out", str(out_dir), "--jobs", "1", *renderers])


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Case:
    """One build measured in a fresh process: what it builds and how to run it."""

    label: str
    workload: str
    argv: list[str] | None  # None: the tool is missing
    is_pandoc: bool = False
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # the child's user + system seconds
    peak_kib: int = 0
    output: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


# Children run as an installed kit does: with Python's bytecode caches.
_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# The warm-up run's launcher: a child started from this (large) process inherits its peak
# memory as its own ru_maxrss (Linux keeps the high-water mark across exec), so the build
# is forked from a small Python instead, which writes down the build's own peak.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measure(case: Case, scratch: Path, *, keep: bool = True) -> None:
    """Run ``case`` once in a fresh child; add its wall and processor time, or (``keep``
    false: the untimed warm-up) its peak memory, measured through ``_LAUNCHER``."""
    assert case.argv is not None
    out_dir = scratch / "out"
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir()
    argv = [arg.replace("{out}", str(out_dir)) for arg in case.argv]
    peak = scratch / "peak"
    if not keep:
        argv = [sys.executable, "-c", _LAUNCHER, str(peak), *argv]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=_ENVIRONMENT
        )
        # wait4 rather than wait: it hands back this child's own resource usage, with that
        # of the children it waited for.
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        case.output = log.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise RuntimeError(f"{case.label} failed ({child.returncode}):\n{case.output}")
    cpu = usage.ru_utime + usage.ru_stime + _orphans_time()
    if keep:
        case.times.append(elapsed)
        case.cpu.append(cpu)
    else:
        case.peak_kib = int(peak.read_text())  # kibibytes on Linux


def adopt_orphans() -> None:
    """Become the parent of this process's orphaned descendants (Linux only).

    kit's workers are forked by a server process that ends just after its build, unwaited
    for; adopted, its processor time and its workers' count with the build's.
    """
    if sys.platform == "linux":
        import ctypes

        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _orphans_time() -> float:
    """Wait for every adopted process still running; their user and system seconds."""
    seconds = 0.0
    while True:
        try:
            _, _, usage = os.wait4(-1, 0)
        except ChildProcessError:
            return seconds
        seconds += usage.ru_utime + usage.ru_stime


def cases(folders: dict[str, Path], pandoc: str | None) -> Iterator[Case]:
    """Every case, in table order; ``folders`` maps a workload name to its workshop."""
    kit = [sys.executable, "-m", "kit", "build"]
    for workload, folder in folders.items():
        markdown = folder / "deck.md"
        synthetic = workload.endswith(" slides")
        untagged = [sys.executable, __file__, "--untagged", str(folder), "{out}"]
        if workload == "sample":
            yield Case(ALL, workload, [*kit, str(folder), "--out", "{out}"])
            yield Case(ALL_SERIAL, workload, [*kit, str(folder), "--out", "{out}", "--jobs", "1"])
            yield Case(UNTAGGED_ALL, workload, [*untagged, "all"])
        yield Case("kit: deck", workload, [*kit, str(folder), "--out", "{out}", "--only", "slides"])
        if synthetic:
            no_notes = [sys.executable, __file__, "--deck-without-notes", str(folder), "{out}"]
            yield Case("kit: deck, notes removed", workload, no_notes)
            handouts = [*kit, str(folder), "--out", "{out}", "--only", "handouts", "--jobs", "1"]
            yield Case("kit: handouts", workload, handouts)
            yield Case(UNTAGGED_HANDOUTS, workload, [*untagged, "handouts"])
        command = [pandoc, str(markdown), "-o", "{out}/deck.pptx"] if pandoc else None
        yield Case("pandoc: deck", workload, command, is_pandoc=True)


def prepare(scratch: Path, sizes: tuple[int, ...], pandoc: str | None) -> dict[str, Path]:
    """Write the workshops (and their decks as Markdown, for pandoc) into ``scratch``.

    Returns each workload's folder by name; the sample and the templated fixture are copied
    so nothing is written beside the originals.
    """
    folders = {"sample": scratch / "sample", "template": scratch / "template"}
    shutil.copytree(SAMPLE, folders["sample"])
    shutil.copytree(TEMPLATED, folders["template"])
    for size in sizes:
        file = write_workshop(synthetic_workshop(size), scratch / str(size))
        folders[f"{size} slides"] = file.parent
    if pandoc:
        for folder in folders.values():
            (folder / "deck.md").write_text(deck_markdown(folder), encoding="utf-8")
    return folders


def tagging_costs(all_cases: list[Case]) -> list[str]:
    """One line per workload: how much longer the build takes with its PDFs tagged.

    Processor time too: on a shared machine the wall time swings with the load, while
    the child's own processor time does not.
    """
    untagged_of = {UNTAGGED_ALL: ALL_SERIAL, UNTAGGED_HANDOUTS: "kit: handouts"}
    timed = {(c.workload, c.label): c for c in all_cases if c.times}
    lines = []
    for case in all_cases:
        tagged = timed.get((case.workload, untagged_of.get(case.label, "")))
        if case.times and tagged is not None:
            cost = 100 * (tagged.median / case.median - 1)
            untagged_cpu, tagged_cpu = statistics.median(case.cpu), statistics.median(tagged.cpu)
            lines.append(
                f"Tagging the PDFs ({case.workload}, {tagged.label}): {cost:+.1f}% wall time "
                f"({case.median:.2f} s untagged, {tagged.median:.2f} s tagged), "
                f"{100 * (tagged_cpu / untagged_cpu - 1):+.1f}% processor time "
                f"({untagged_cpu:.2f} s, {tagged_cpu:.2f} s)."
            )
    return lines


# --- kit build --watch ----------------------------------------------------------------------

_VENUE = "venue: Riverside Community Hall, Room 2"
# A slide's text: on no exercise sheet and in no organiser's sheet, which stay as they were.
_SLIDE = "- Questions and disagreement are welcome"
EDITS = {"venue": _VENUE, "slide": _SLIDE}


# Seconds to wait for any one line of the watch: far above a loaded machine's rebuild, so
# that a watch that stopped rebuilding ends the measurement instead of hanging it.
WAIT_SECONDS = 120.0


@dataclass
class Watched:
    """The medians of one edit's rebuilds: seconds from the save to the new deck and to the
    last output, and the processor seconds the watch and its workers spent on it."""

    deck: float
    everything: float
    cpu: float


def watch_latency(scratch: Path, runs: int) -> dict[str, Watched]:
    """For each of ``EDITS``, the medians of the seconds from saving that one-field edit of
    the sample to its new deck, and to the last of its outputs, as ``kit build --watch``
    rebuilds them (the venue is on every output; a slide's text redraws fewer).

    Measured from outside: the clock starts when the edit is saved and stops when the
    watch prints its "wrote" line, so polling, loading and printing all count. Raises
    RuntimeError, with the watch's last lines, if it stops or says nothing for
    ``WAIT_SECONDS``.
    """
    folder = scratch / "watched"
    shutil.copytree(SAMPLE, folder)
    file = folder / "workshop.yaml"
    source = file.read_text(encoding="utf-8")
    argv = [sys.executable, "-m", "kit", "build", str(folder), "--out", str(scratch / "w-out")]
    watch = _Lines([*argv, "--watch"])
    times: dict[str, tuple[list[float], ...]] = {edit: ([], [], []) for edit in EDITS}
    try:
        watch.until("watching ")
        for run in range(runs):
            for edit, line in EDITS.items():
                source = source.replace(f"{line}{run - 1 if run else ''}", f"{line}{run}", 1)
                draft = file.with_name("draft.yaml")  # saved whole, as editors do
                draft.write_text(source, encoding="utf-8")
                cpu = _tree_cpu(watch.pid)
                os.replace(draft, file)
                saved = time.perf_counter()
                watch.until("wrote ", "deck.pptx")
                times[edit][0].append(time.perf_counter() - saved)
                watch.until("built ")
                times[edit][1].append(time.perf_counter() - saved)
                watch.until("watching ")
                times[edit][2].append(_tree_cpu(watch.pid) - cpu)
    finally:
        watch.stop()
    return {
        edit: Watched(*(statistics.median(values) for values in measured))
        for edit, measured in times.items()
    }


class _Lines:
    """A child process whose output lines are read as they come, by a thread of their own,
    so that a wait for one can give up."""

    def __init__(self, argv: list[str]) -> None:
        self._child = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
            env=_ENVIRONMENT,
        )
        self.pid = self._child.pid
        self.seen: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._child.stdout is not None
        for line in self._child.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def until(self, start: str, contains: str = "") -> None:
        """Read up to the first line that starts with ``start`` and holds ``contains``."""
        while True:
            try:
                line = self._lines.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                self._fail(f"said nothing for {WAIT_SECONDS:.0f} s")
            if line is None:
                self._fail(f"stopped ({self._child.wait()})")
            self.seen.append(line)
            if line.startswith(start) and contains in line:
                return

    def _fail(self, what: str) -> None:
        last = "\n".join(self.seen[-15:])
        raise RuntimeError(f"kit build --watch {what}; its last lines:\n{last}")

    def stop(self) -> None:
        """Ctrl-C, and a kill if that has not ended it within ``WAIT_SECONDS``."""
        self._child.send_signal(signal.SIGINT)
        try:
            self._child.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()


def _tree_cpu(pid: int) -> float:
    """The user and system seconds of process ``pid`` and of its living descendants (Linux;
    0 elsewhere): a watch and its workers."""
    seconds, parents = 0.0, [pid]
    while parents:
        process = Path(f"/proc/{parents.pop()}")
        try:
            fields = (process / "stat").read_text().rsplit(")", 1)[1].split()
            seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for children in (process / "task").glob("*/children"):
                parents.extend(map(int, children.read_text().split()))
        except (OSError, IndexError):
            continue  # not Linux, or a process that ended meanwhile
    return seconds


# --- the table -----------------------------------------------------------------------------


def table(all_cases: list[Case], runs: int) -> str:
    """The results as a Markdown table, with the machine they were measured on."""
    slides = {
        case.workload: int(match.group(1))
        for case in all_cases
        if case.label == "kit: deck" and (match := _SLIDE_COUNT.search(case.output))
    }
    pandoc = {c.workload: c.median for c in all_cases if c.is_pandoc and c.times}
    lines = [
        f"Measured on {machine()}; median of {runs} runs, each in a fresh process.",
        "",
        "| workload | build | slides | wall time | processor time | peak memory | per slide "
        "| × pandoc |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case in all_cases:
        count = slides.get(case.workload, 0)
        if not case.times:
            lines.append(
                f"| {case.workload} | {case.label} | {count} | pandoc not installed | – | – | – "
                "| – |"
            )
            continue
        ratio = (
            "1"
            if case.is_pandoc
            else (f"{case.median / pandoc[case.workload]:.2f}" if case.workload in pandoc else "–")
        )
        lines.append(
            f"| {case.workload} | {case.label} | {count} | {case.median:.2f} s "
            f"| {case.median_cpu:.2f} s | {case.peak_kib / 1024:.0f} MB "
            f"| {1000 * case.median / count:.1f} ms | {ratio} |"
        )
    return "\n".join(lines)


def targets(all_cases: list[Case], watched: dict[str, Watched]) -> str:
    """Issue #20's targets, each with what was measured here and whether it was met."""
    timed = {(c.workload, c.label): c for c in all_cases if c.times}
    rows = []

    def ratio(workload: str, label: str, most: float, what: str) -> None:
        kit, pandoc = timed.get((workload, label)), timed.get((workload, "pandoc: deck"))
        if kit is None or pandoc is None:
            rows.append(f"| {what} | not measured (no pandoc, or --sizes without it) | |")
            return
        measured = kit.median / pandoc.median
        cpu = kit.median_cpu / pandoc.median_cpu  # what a loaded machine swings far less
        verdict = "met" if measured <= most else "not met"
        if (cpu <= most) != (measured <= most):
            verdict += f" ({'met' if cpu <= most else 'not met'} by processor time)"
        rows.append(
            f"| {what} | {measured:.2f} × ({kit.median:.2f} s against {pandoc.median:.2f} s); "
            f"processor time {cpu:.2f} × ({kit.median_cpu:.2f} s, {pandoc.median_cpu:.2f} s) "
            f"| {verdict} |"
        )

    ratio("sample", ALL, 3, "the full sample kit within 3 × pandoc's time for its deck")
    ratio("45 slides", "kit: deck", 2, "the deck alone within 2 × pandoc's at 45 slides")
    ratio("1000 slides", "kit: deck", 0.15, "1000 slides with notes under 0.15 × pandoc's time")
    big = timed.get(("1000 slides", "kit: deck"))
    if big is not None:
        memory = big.peak_kib / 1024
        verdict = "met" if memory < 150 else "not met"
        rows.append(f"| ... and under 150 MB | {memory:.0f} MB | {verdict} |")
    for edit, rebuilt in watched.items():
        for what, seconds, most in (
            (
                f"`--watch`: every output within 0.6 s of a one-field edit ({edit})",
                rebuilt.everything,
                0.6,
            ),
            (f"`--watch`: the deck within 0.3 s ({edit})", rebuilt.deck, 0.3),
        ):
            verdict = "met" if seconds <= most else "not met"
            rows.append(f"| {what} | {seconds:.2f} s | {verdict} |")
    return "\n".join(["| target | measured | |", "| --- | --- | --- |", *rows])


def machine() -> str:
    """CPU model, cores, OS and the versions that matter, in one line."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = names[0] if names else cpu
    pandoc = shutil.which("pandoc")
    pandoc_version = (
        subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        if pandoc
        else "pandoc not installed"
    )
    from importlib.metadata import version

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, python-pptx {version('python-pptx')}, "
        f"reportlab {version('reportlab')}, {pandoc_version}"
    )


def main() -> None:
    """Parse the options, run every case ``--runs`` times round-robin, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (median shown)")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=list(SIZES), help="synthetic deck sizes in slides"
    )
    parser.add_argument(
        "--untagged", nargs=3, metavar=("WORKSHOP", "OUT", "ONLY"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--deck-without-notes",
        nargs=2,
        metavar=("WORKSHOP", "OUT"),
        type=Path,
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if args.deck_without_notes:
        build_deck_without_notes(*args.deck_without_notes)
        return
    if args.untagged:
        workshop, out, only = args.untagged
        build_untagged(Path(workshop), Path(out), only)
        return
    adopt_orphans()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc not installed: its rows are left empty", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="kit-benchmark-") as scratch_name:
        scratch = Path(scratch_name)
        all_cases = list(cases(prepare(scratch, tuple(args.sizes), pandoc), pandoc))
        runnable = [case for case in all_cases if case.argv is not None]
        for case in runnable:  # untimed: writes the bytecode caches, warms the disk cache
            measure(case, scratch, keep=False)
        for run in range(args.runs):
            for case in runnable:
                measure(case, scratch)
            print(f"run {run + 1} of {args.runs} done", file=sys.stderr)
        print(table(all_cases, args.runs))
        print("", *tagging_costs(all_cases), sep="\n", flush=True)
        try:
            watched = watch_latency(scratch, args.runs)
        except RuntimeError as exc:  # the builds' figures above still stand
            print(f"\nthe --watch latency was not measured: {exc}", flush=True)
            watched = {}
    for edit, rebuilt in watched.items():
        print(
            f"\n`kit build --watch`, the sample's {edit} edited: the deck is rewritten "
            f"{rebuilt.deck:.2f} s after the save, all outputs {rebuilt.everything:.2f} s, "
            f"{rebuilt.cpu:.2f} s of processor time (medians of {args.runs})."
        )
    print("", targets(all_cases, watched), sep="\n")


if __name__ == "__main__":
    main()
