"""Run the renderers: load and check everything first, then write each output atomically.

Every renderer is a module with one function,
``render(workshop, theme, out_dir, options) -> list[Output]``, that writes its files into
``out_dir``. The build hands it a private staging folder inside the real output folder and
moves each finished file into place with ``os.replace``; a renderer that fails (or a
Ctrl-C) leaves the previous outputs byte-identical and no temporary file behind.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kit import outputs
from kit.app.plan import DRAW_THE_DECK, plan
from kit.errors import BuildError, ContentError
from kit.lint import lint
from kit.outputs import BuildOptions, Output, Paper
from kit.source.loader import LoadedWorkshop, load
from kit.source.participants import find_participants, read_participants

# Renderer name -> module, imported only when that output is built (kit.outputs lists them).
# The print list is drawn with the handouts' toolkit, after every other renderer has run.
RENDERERS: dict[str, str] = {
    name: "handouts.printlist" if name == "printlist" else name for name in outputs.RENDERERS
}


DEFAULT_PARTICIPANTS = 20


@dataclass
class BuildResult:
    """What was written, what failed, and every warning (as ``kit build`` prints them)."""

    written: list[Output] = field(default_factory=list)
    failed: dict[str, Exception] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def fixed_timestamp(loaded: LoadedWorkshop) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the workshop's date, else 2000-01-01 (all UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    day = loaded.workshop.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def build(
    path: Path | str,
    out_dir: Path | str,
    *,
    only: Iterable[str] = (),
    paper: Paper = "a4",
    participants: int | None = None,
    participants_file: Path | None = None,
    language: str | None = None,
    progress: Callable[[Output], None] = lambda output: None,
    warn: Callable[[str], None] = lambda warning: None,
) -> BuildResult:
    """Load the workshop at ``path`` and render the chosen outputs into ``out_dir``.

    Raises ContentError before anything is written if the workshop (or the participants
    list) is invalid, and BuildError after the others have run if any renderer failed.
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
        warn=warn,
    )


def render_loaded(
    loaded: LoadedWorkshop,
    out_dir: Path | str,
    *,
    only: Iterable[str] = (),
    paper: Paper = "a4",
    participants: int | None = None,
    participants_file: Path | None = None,
    progress: Callable[[Output], None] = lambda output: None,
    warn: Callable[[str], None] = lambda warning: None,
) -> BuildResult:
    """Render the chosen outputs of a loaded workshop, in ``RENDERERS`` order unless asked.

    ``kit build --watch`` loads by itself, to see whether anything changed, then calls
    this. The participants list (``participants_file``, else ``participants.csv`` beside
    the workshop) is read first: a bad row raises ContentError with nothing written. The
    head count is ``participants``, else the list's length, else 20. Each warning is
    passed to ``warn`` as it is found and kept in the result. Raises ContentError before
    anything is written if the plan phase finds text a renderer could not hold, and
    BuildError after the others have run if any renderer failed.
    """
    found = find_participants(loaded.base_dir, participants_file)
    people = read_participants(found) if found else ()
    result = BuildResult()

    def warning(text: str) -> None:
        result.warnings.append(text)
        warn(text)

    for finding in (*loaded.warnings, *lint(loaded)):  # lint findings warn; --strict fails
        warning(str(finding))
    names = list(only) or list(RENDERERS)
    built = plan(loaded, paper, names)  # the deck laid out once, for the deck and its PDFs
    for text in built.deck.warnings if built.deck else ():
        warning(text)
    if built.problems:  # what a renderer would refuse, located, before anything is written
        raise ContentError(list(built.problems))
    options = BuildOptions(
        paper=paper,
        participants=participants or len(people) or DEFAULT_PARTICIPANTS,
        people=people,
        timestamp=fixed_timestamp(loaded),
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        plans = {"deck": built.deck} if name in DRAW_THE_DECK else {}
        try:
            written = replace(options, written=tuple(result.written))
            outputs = _run_renderer(name, loaded, out, written, plans)
        except Exception as exc:  # one renderer failing must not stop the others
            result.failed[name] = exc
            continue
        for output in outputs:
            progress(output)
        result.written.extend(outputs)
    if result.failed:
        raise BuildError(result)
    return result


def _run_renderer(
    name: str, loaded: LoadedWorkshop, out: Path, options: BuildOptions, plans: dict[str, Any]
) -> list[Output]:
    render = importlib.import_module(RENDERERS[name]).render
    staging = Path(tempfile.mkdtemp(prefix=f".kit-{name}-", dir=out))
    try:
        staged = render(loaded.workshop, loaded.workshop.theme, staging, options, **plans)
        for output in staged:
            _flush(output.path)
        return _place(staged, staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _place(staged: list[Output], staging: Path, out: Path) -> list[Output]:
    """Move each staged file into place; if a move fails, put back what was there before.

    Without the undo, a renderer's outputs could be left half old, half new (a target that
    is a folder, a Ctrl-C between two moves). Old files are kept as hard links in staging.
    """
    undo: list[tuple[Path, Path | None]] = []
    try:
        for output in staged:
            target = out / output.path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            previous = None
            if target.is_file():
                previous = staging / f".previous-{len(undo)}"
                try:
                    os.link(target, previous)
                except OSError:  # a file system without hard links
                    shutil.copyfile(target, previous)
            os.replace(output.path, target)
            undo.append((target, previous))
    except BaseException:
        for target, previous in reversed(undo):
            if previous is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(previous, target)
        raise
    return [Output(target, o.count, o.kind) for (target, _), o in zip(undo, staged)]


def _flush(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
