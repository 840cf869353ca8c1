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

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kit.app import outlock, redraw, staging
from kit.app.drawing import (
    AFTER_THE_REST,
    DRAWS_WITH,
    RENDERERS,
    Work,
    finished,
    in_order,
    run_here,
    submitted,
)
from kit.app.epoch import fixed_timestamp
from kit.app.faults import environment_fault
from kit.app.plan import plan, ready
from kit.app.redraw import Drawn
from kit.app.workers import Workers
from kit.errors import BuildError, ContentError, EnvironmentFault
from kit.lint import lint
from kit.outputs import BuildOptions, Output, Paper
from kit.source.loader import LoadedWorkshop, load
from kit.source.participants import find_participants, read_participants

if TYPE_CHECKING:  # imported with the workers: a build in one process never needs it
    from concurrent.futures import Future

__all__ = ["RENDERERS", "BuildResult", "build", "render_loaded"]

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
    the result. The output folder is locked while it runs, the plan included (``waiting``
    hears why a build waits), and swept of what killed builds left. Raises ContentError
    before anything is written if the plan finds text a renderer could not hold, BuildError
    after the others have run if any renderer failed, with nothing placed, and
    EnvironmentFault at once if the machine stopped the build. The renderers draw in
    ``workers`` (default: one process per core, for this build only). The sheets
    ``last`` (a previous result's ``drawn``) drew from what they would be drawn from now,
    and left as they are, are not drawn again. With ``deck_first`` the deck is placed as
    soon as it is drawn, while the rest still draw; a failure puts it back with the rest.
    """
    names = list(only) or list(RENDERERS)
    with _workers(workers, names) as pool:
        parallel = pool.parallel(len([name for name in names if name not in AFTER_THE_REST]))
        if parallel:
            ready(pool, names)  # forked now: a worker forked once the folder is locked holds it
        out = Path(out_dir)
        try:
            with outlock.locked(out, wait=lock_wait, waiting=waiting) as made:
                staging.sweep(out)
                folder = staging.create(out, "build").absolute()  # a worker has its own cwd
                jobs: dict[str, list[Future[list[Output]]]] = {}
                try:
                    early = jobs if parallel and not deck_first else None
                    asked = (paper, participants, participants_file)
                    where = (out, pool, folder)
                    result, work = _checked(loaded, names, asked, warn, last, where, early)
                except BaseException:
                    if jobs:  # no worker may write into a folder about to go
                        pool.kill()
                    staging.remove(folder)
                    if made:
                        outlock.discard(out)  # nothing was written: no folder either
                    raise
                work = replace(work, first="slides" if deck_first else None)
                return _render_all(names, work, jobs, progress, result)
        except OSError as exc:
            raise environment_fault(exc, out) from None


def _checked(
    loaded: LoadedWorkshop,
    names: list[str],
    asked: tuple[Paper | None, int | None, Path | None],
    warn: Callable[[str], None],
    last: Drawn | None,
    where: tuple[Path, Workers, Path],
    early: dict[str, list[Future[list[Output]]]] | None,
) -> tuple[BuildResult, Work]:
    """Everything before drawing: the participants list, lint, the options, the plan (with
    ``last``'s check of the sheets if they are drawn from the same; the other checks in the
    workers, if they will draw). ``asked``: the paper, head count and participants file
    given; ``where``: the output folder, the workers and the staging folder. The files
    drawn without the deck are handed to the workers, into ``early``, while the deck is laid
    out. The work to do with what was planned."""
    paper, participants, participants_file = asked
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
    work = Work(loaded, where[0], options, None, where[1], kept, where[2])
    # The deck laid out once, for the deck and its PDFs.
    drawn = [name for name in names if name not in AFTER_THE_REST]
    parallel = work.workers.parallel(len(drawn))

    def meanwhile() -> None:
        if early is not None:
            early.update(submitted(drawn, work))

    built = plan(loaded, options.paper, names, known, work.workers if parallel else None, meanwhile)
    for text in built.warnings:
        warning(text)
    if built.problems:  # what a renderer would refuse, located, before anything is written
        raise ContentError(list(built.problems))
    result.drawn = Drawn(inputs, built.checked.get("exercises"), (), ())
    return result, replace(work, built=built)


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


def _render_all(
    names: list[str],
    work: Work,
    jobs: dict[str, list[Future[list[Output]]]],
    progress: Callable[[Output], None],
    result: BuildResult,
) -> BuildResult:
    """Run every renderer into the build's staging folder (``jobs``: the tasks the workers
    were handed already), then place all their files at once (``work.first``'s as soon as
    it is drawn, under the same journal). A machine fault stops the build; any other
    failure fails its renderer, the others still run (so that the error names every
    failure), and nothing is placed, or stays placed."""
    folder = work.folder
    placing = staging.Placing(folder, work.out)
    try:
        drawn = [name for name in names if name not in AFTER_THE_REST]
        if work.workers.parallel(len(drawn)):
            jobs.update(submitted(drawn, work, jobs))
        staged: dict[str, list[Output]] = {}
        for name in names:
            try:
                tasks = jobs.pop(name, None)
                if tasks is not None:
                    staged[name] = in_order(name, finished(tasks, work.out))
                else:
                    staged[name] = run_here(name, work, folder / name, staged)
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
    work: Work,
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
