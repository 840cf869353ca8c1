"""Run the renderers: load and check everything first, then write every output at once.

Every renderer is a module with one function,
``render(workshop, theme, out_dir, options) -> list[Output]``, that writes its files into
``out_dir``. The build hands each renderer a folder of its own inside one private staging
folder in the real output folder and, once every renderer has finished, moves all their
files into place in one journal (kit.app.staging). A renderer that fails, a worker that
dies, or a Ctrl-C leaves the whole output folder byte-identical, no mixed set of old and
new files, and no temporary file behind.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit import outputs
from kit.app import outlock, redraw, staging
from kit.app.epoch import fixed_timestamp
from kit.app.faults import environment_fault
from kit.app.plan import BuildPlan, plan, theme_fonts
from kit.app.redraw import Drawn
from kit.app.workers import Shared, Workers, flush
from kit.errors import BuildError, ContentError, EnvironmentFault
from kit.lint import lint
from kit.outputs import BuildOptions, Output, OutputKind, Paper
from kit.source.loader import LoadedWorkshop, load
from kit.source.participants import find_participants, read_participants

if TYPE_CHECKING:  # imported with the workers: a build in one process never needs it
    from concurrent.futures import Future

# Renderer name -> module, imported only when that output is built (kit.outputs lists them).
# The print list is drawn with the handouts' toolkit, after every other renderer has run.
RENDERERS: dict[str, str] = {
    name: "handouts.printlist" if name == "printlist" else name for name in outputs.RENDERERS
}
# Renderers that read what the others wrote: they run in the build's process, after them.
AFTER_THE_REST = frozenset({"printlist"})
# What a renderer imports only as it draws (importing it stays light): the workers' server
# imports it with the renderer, while the build plans, so the deck's worker starts at once.
DRAWS_WITH: dict[str, tuple[str, ...]] = {"slides": ("slides.pptx_writer",)}


DEFAULT_PARTICIPANTS = 20


@dataclass
class BuildResult:
    """What was written, what failed, and every warning (as ``kit build`` prints them)."""

    written: list[Output] = field(default_factory=list)
    failed: dict[str, Exception] = field(default_factory=dict)
    # The editions the workshop's ``build: languages`` asks for besides its own language.
    editions: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)
    # What the sheets were drawn from, for the next build of a watch (kit.app.redraw).
    drawn: Drawn | None = None


def build(
    path: Path | str,
    out_dir: Path | str,
    *,
    only: Iterable[str] = (),
    paper: Paper | None = None,
    participants: int | None = None,
    participants_file: Path | None = None,
    language: str | None = None,
    progress: Callable[[Output], None] = lambda output: None,
    waiting: Callable[[str], None] = lambda message: None,
    warn: Callable[[str], None] = lambda warning: None,
    workers: Workers | None = None,
) -> BuildResult:
    """Load the workshop at ``path`` and render the chosen outputs into ``out_dir``.

    ``paper`` and ``participants`` left as None come from the workshop's ``build:`` section.

    Raises ContentError before anything is written if the workshop (or the participants
    list) is invalid, and BuildError after the others have run if any renderer failed: then
    no file is placed, and the folder is as it was.
    """
    loaded = load(path, language)
    return render_loaded(
        loaded,
        out_dir,
        only=only,
        paper=paper,
        participants=participants,
        participants_file=participants_file,
        progress=progress,
        waiting=waiting,
        warn=warn,
        workers=workers,
    )


def render_loaded(
    loaded: LoadedWorkshop,
    out_dir: Path | str,
    *,
    only: Iterable[str] = (),
    paper: Paper | None = None,
    participants: int | None = None,
    participants_file: Path | None = None,
    progress: Callable[[Output], None] = lambda output: None,
    waiting: Callable[[str], None] = lambda message: None,
    warn: Callable[[str], None] = lambda warning: None,
    lock_wait: float = outlock.WAIT_SECONDS,
    workers: Workers | None = None,
    last: Drawn | None = None,
    deck_first: bool = False,
) -> BuildResult:
    """Render the chosen outputs of a loaded workshop, in ``RENDERERS`` order unless asked.

    ``kit build --watch`` loads by itself, to see whether anything changed, then calls
    this. The participants list (``participants_file``, else ``participants.csv`` beside
    the workshop) is read first: a bad row raises ContentError with nothing written. The
    head count is ``participants``, else the workshop's ``build: participants``, else the
    list's length, else 20. Each warning is passed to ``warn`` as it is found and kept in
    the result. Raises ContentError
    before anything is written if the plan phase finds text a renderer could not hold. The
    output folder is locked while it runs (``waiting`` hears why a build waits) and swept of
    what killed builds left. Raises BuildError after the others have run if any renderer
    failed, with nothing placed, and EnvironmentFault at once if the machine stopped the
    build. The renderers
    draw in ``workers`` (default: one process per core, for this build only). The sheets
    ``last`` (a previous result's ``drawn``) drew from what they would be drawn from now,
    and left as they are, are not drawn again. With ``deck_first`` the deck is placed as
    soon as it is drawn, while the rest still draw; a failure puts it back with the rest.
    """
    names = list(only) or list(RENDERERS)
    with _workers(workers, names) as pool:
        result, built, options, kept = _checked(
            loaded, names, paper, participants, participants_file, warn, last, pool
        )
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
            with outlock.locked(out, wait=lock_wait, waiting=waiting):
                staging.sweep(out)
                first = "slides" if deck_first else None
                work = _Work(loaded, out, options, built, pool, kept, first)
                return _render_all(names, work, progress, result)
        except OSError as exc:
            raise environment_fault(exc, out) from None


def _checked(
    loaded: LoadedWorkshop,
    names: list[str],
    paper: Paper | None,
    participants: int | None,
    participants_file: Path | None,
    warn: Callable[[str], None],
    last: Drawn | None,
    pool: Workers,
) -> tuple[BuildResult, BuildPlan, BuildOptions, Drawn | None]:
    """Everything before writing: the participants list, lint, the options, the plan (with
    ``last``'s check of the sheets if they are drawn from the same; the other checks in
    ``pool``'s workers, forked from here holding no lock, if they will draw)."""
    found = find_participants(loaded.base_dir, participants_file)
    people = read_participants(found) if found else ()
    settings = loaded.workshop.build
    editions = tuple(code for code in settings.languages if code != loaded.workshop.language)
    result = BuildResult(editions=editions)

    def warning(text: str) -> None:
        result.warnings.append(text)
        warn(text)

    for finding in (*loaded.warnings, *lint(loaded)):  # lint findings warn; --strict fails
        warning(str(finding))
    options = BuildOptions(
        paper=paper or settings.paper,
        participants=participants or settings.participants or len(people) or DEFAULT_PARTICIPANTS,
        people=people,
        timestamp=fixed_timestamp(loaded),
    )
    inputs = redraw.sheets_input(loaded.workshop, options, names)
    kept = last.kept(inputs) if last else None
    known = {"exercises": kept.checked} if kept and kept.checked else {}
    # The deck laid out once, for the deck and its PDFs.
    drawn = [name for name in names if name not in AFTER_THE_REST]
    built = plan(loaded, options.paper, names, known, pool if pool.parallel(len(drawn)) else None)
    for text in built.warnings:
        warning(text)
    if built.problems:  # what a renderer would refuse, located, before anything is written
        raise ContentError(list(built.problems))
    result.drawn = Drawn(inputs, built.checked.get("exercises"), (), ())
    return result, built, options, kept


@contextmanager
def _workers(given: Workers | None, names: list[str]) -> Iterator[Workers]:
    """``given``, or workers for this build alone; started at once if they will be used,
    so that they import the renderers while the build checks and plans."""
    workers = given or Workers()
    drawn = [name for name in names if name not in AFTER_THE_REST]
    if workers.parallel(len(drawn)):
        modules = [(RENDERERS[n], *DRAWS_WITH.get(n, ())) for n in drawn if n in RENDERERS]
        workers.start([module for imported in modules for module in imported])
    try:
        yield workers
    except BaseException:
        if given is None:
            workers.kill()  # nothing of theirs is worth waiting for
        raise
    if given is None:
        workers.close()


@dataclass(frozen=True)
class _Work:
    """What every renderer of one build is given, and where it runs."""

    loaded: LoadedWorkshop
    out: Path
    options: BuildOptions
    built: BuildPlan
    workers: Workers
    kept: Drawn | None  # the last build's sheets, left as they are
    first: str | None = None  # the renderer whose files are placed as soon as it is drawn

    def plans(self, name: str) -> dict[str, Any]:
        return self.built.plans(name)

    def parts(self, name: str) -> list[tuple[OutputKind, ...] | None]:
        """What of renderer ``name`` to draw, a task each: nothing, all of it (None), or
        each of its ``FILES`` not kept from the last build."""
        files = _files(RENDERERS[name])
        if self.kept and name in redraw.RENDERERS:
            return []
        if files is None:
            return [None]
        return [(kind,) for kind in files if not (self.kept and kind in redraw.FILES)]

    def with_kept(self, name: str, drawn: list[Output]) -> list[Output]:
        """``drawn`` with the renderer's files kept from the last build, in its order."""
        kept = [o for o in self.kept.outputs if o.kind.renderer == name] if self.kept else []
        files = _files(RENDERERS[name])
        if not kept or files is None:
            return drawn + kept
        return sorted(drawn + kept, key=lambda output: files.index(output.kind))


def _render_all(
    names: list[str], work: _Work, progress: Callable[[Output], None], result: BuildResult
) -> BuildResult:
    """Run every renderer into the build's staging folder, then place all their files at
    once (``work.first``'s as soon as it is drawn, under the same journal). A machine fault
    stops the build; any other failure fails its renderer, the others still run (so that
    the error names every failure), and nothing is placed, or stays placed."""
    folder = staging.create(work.out, "build").absolute()  # a worker has its own cwd
    placing = staging.Placing(folder, work.out)
    jobs: dict[str, list[Future[list[Output]]]] = {}
    try:
        drawn = [name for name in names if name not in AFTER_THE_REST]
        if work.workers.parallel(len(drawn)):
            jobs = _submitted(drawn, work, folder)
        staged: dict[str, list[Output]] = {}
        for name in names:
            try:
                tasks = jobs.pop(name, None)
                if tasks is not None:
                    staged[name] = _finished(tasks, work.out)
                else:
                    staged[name] = _run_renderer(name, work, folder / name, staged)
            except EnvironmentFault:
                raise
            except Exception as exc:  # one renderer failing must not hide the others' faults
                result.failed[name] = exc
            if name == work.first and not result.failed:
                placed = _place({name: staged[name]}, placing, folder, work, progress, result)
                staged[name] = placed  # where the renderers after it find its files
        if result.failed:
            from concurrent.futures.process import BrokenProcessPool

            if any(isinstance(exc, BrokenProcessPool) for exc in result.failed.values()):
                work.workers.kill()  # a worker died: the next build starts new ones
            raise BuildError(result)
        rest = {name: files for name, files in staged.items() if name != work.first}
        _place(rest, placing, folder, work, progress, result, last=True)
    except BaseException:
        placing.undo()  # what was placed first goes back: the folder is all old
        result.written.clear()
        raise
    finally:
        if jobs:  # stopped early: no worker may write into a folder about to go
            work.workers.kill()
        staging.remove(folder)
    if result.drawn:
        result.drawn = Drawn.of(result.drawn.inputs, result.drawn.checked, result.written)
    return result


def _place(
    staged: dict[str, list[Output]],
    placing: staging.Placing,
    folder: Path,
    work: _Work,
    progress: Callable[[Output], None],
    result: BuildResult,
    last: bool = False,
) -> list[Output]:
    """Move these renderers' files into place (``last``: and close the journal), then tell
    of each in order; the files where they now are."""
    parts = [(folder / name, outputs) for name, outputs in staged.items()]
    placed = placing.finish(parts) if last else placing.add(parts)
    told = iter(placed)
    for name, files in staged.items():
        mine = [next(told) for _ in files]
        for output in mine:
            progress(output)
        result.written.extend(work.with_kept(name, mine))
    return placed


def _submitted(
    names: list[str], work: _Work, folder: Path
) -> dict[str, list[Future[list[Output]]]]:
    """Each renderer's tasks handed to the workers, drawing into its folder in ``folder``:
    a task per file for a renderer that lists its ``FILES``, so that none is the critical
    path."""
    jobs: dict[str, list[Future[list[Output]]]] = {}
    workshop = work.loaded.workshop
    modules = {name: RENDERERS[name] for name in names}
    shared = Shared(workshop, work.options, {m: work.plans(n) for n, m in modules.items()})
    try:
        # Whole renderers first (the deck is drawn first), then those drawn file by file.
        for name in sorted(names, key=lambda name: _files(modules[name]) is not None):
            (folder / name).mkdir()
            jobs[name] = [
                work.workers.submit(modules[name], shared, folder / name, part)
                for part in work.parts(name)
            ]
    except BaseException:
        work.workers.kill()
        raise
    return {name: jobs[name] for name in names}


def _files(module: str) -> tuple[OutputKind, ...] | None:
    """The files a renderer can draw one by one (``render(..., files=...)``), if it can."""
    files: tuple[OutputKind, ...] | None = getattr(importlib.import_module(module), "FILES", None)
    return files


def _finished(tasks: list[Future[list[Output]]], out: Path) -> list[Output]:
    """Wait for all of a renderer's tasks; the files they staged, in its order."""
    from concurrent.futures import wait

    wait(tasks)  # a failed task's sibling may still be writing into the folder
    try:
        return [output for task in tasks for output in task.result()]
    except OSError as exc:
        raise environment_fault(exc, out) from None


def _run_renderer(
    name: str, work: _Work, folder: Path, staged: dict[str, list[Output]]
) -> list[Output]:
    """Render into ``folder`` in this process; the print list learns what the others
    staged (and the files a watch kept)."""
    parts = work.parts(name)
    if not parts:
        return []
    written = tuple(o for done, outputs in staged.items() for o in work.with_kept(done, outputs))
    options = replace(work.options, written=written)
    render = importlib.import_module(RENDERERS[name]).render
    workshop = work.loaded.workshop
    chosen = {} if None in parts else {"files": [kind for part in parts for kind in part or ()]}
    try:
        folder.mkdir()
        with theme_fonts(workshop):
            outputs: list[Output] = render(
                workshop, workshop.theme, folder, options, **work.plans(name), **chosen
            )
        for output in outputs:
            flush(output.path)
        return outputs
    except OSError as exc:
        raise environment_fault(exc, work.out) from None
