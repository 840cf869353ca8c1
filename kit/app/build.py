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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kit import outputs
from kit.app import outlock, staging
from kit.app.faults import environment_fault
from kit.app.plan import DRAW_THE_DECK, plan, theme_fonts
from kit.errors import BuildError, ContentError, EnvironmentFault
from kit.layout.slidelayout import DeckLayout
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
    # The editions the workshop's ``build: languages`` asks for besides its own language.
    editions: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)


# The last second a zip entry (so a .pptx) can date a file: 2107-12-31 23:59:59 UTC.
LAST_EPOCH = 4354819199


def fixed_timestamp(loaded: LoadedWorkshop) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the workshop's date, else 2000-01-01 (all UTC).

    An epoch that is not a plain count of seconds, or lies past what a zip file can store,
    is an EnvironmentFault: silently ignoring it would make "reproducible" builds differ.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        shown = epoch if len(epoch) <= 24 else epoch[:24] + "..."
        if not re.fullmatch(r"[0-9]+", epoch):
            raise EnvironmentFault(
                f"SOURCE_DATE_EPOCH={shown!r} is not a count of seconds since 1970 (digits "
                "only); unset it or set it to one, e.g. $(git log -1 --format=%ct)"
            )
        if len(epoch) > len(str(LAST_EPOCH)) or int(epoch) > LAST_EPOCH:
            raise EnvironmentFault(
                f"SOURCE_DATE_EPOCH={shown} is after 2107-12-31, the last date a .pptx (a zip "
                "file) can hold; unset it or set an earlier time"
            )
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    day = loaded.workshop.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


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
) -> BuildResult:
    """Load the workshop at ``path`` and render the chosen outputs into ``out_dir``.

    ``paper`` and ``participants`` left as None come from the workshop's ``build:`` section.

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
        waiting=waiting,
        warn=warn,
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
    failed, and EnvironmentFault at once if the machine stopped the build.
    """
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
    names = list(only) or list(RENDERERS)
    paper = paper or settings.paper
    built = plan(loaded, paper, names)  # the deck laid out once, for the deck and its PDFs
    for text in built.warnings:
        warning(text)
    if built.problems:  # what a renderer would refuse, located, before anything is written
        raise ContentError(list(built.problems))
    options = BuildOptions(
        paper=paper or settings.paper,
        participants=participants or settings.participants or len(people) or DEFAULT_PARTICIPANTS,
        people=people,
        timestamp=fixed_timestamp(loaded),
    )
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with outlock.locked(out, wait=lock_wait, waiting=waiting):
            staging.sweep(out)
            return _render_all(names, loaded, out, options, progress, built.deck, result)
    except OSError as exc:
        raise environment_fault(exc, out) from None


def _render_all(
    names: list[str],
    loaded: LoadedWorkshop,
    out: Path,
    options: BuildOptions,
    progress: Callable[[Output], None],
    deck: DeckLayout | None,
    result: BuildResult,
) -> BuildResult:
    """Run each renderer; a machine fault stops the build, any other failure only its own."""
    for name in names:
        plans = {"deck": deck} if name in DRAW_THE_DECK else {}
        try:
            written = replace(options, written=tuple(result.written))
            with theme_fonts(loaded.workshop):
                outputs = _run_renderer(name, loaded, out, written, plans)
        except EnvironmentFault:
            raise
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
    try:
        folder = staging.create(out, name)
        try:
            staged = render(loaded.workshop, loaded.workshop.theme, folder, options, **plans)
            for output in staged:
                _flush(output.path)
            return staging.place(staged, folder, out)
        finally:
            staging.remove(folder)
    except OSError as exc:
        raise environment_fault(exc, out) from None


def _flush(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())
