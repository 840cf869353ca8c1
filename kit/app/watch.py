"""``kit build --watch``: build, then build again whenever an input changes, until Ctrl-C.

The inputs are the workshop file, its translation with ``--lang``, and every file the last
good load referenced (images, the logo, a .pptx template). Every ``POLL_SECONDS`` their
sizes and modification times are compared with the last look: a handful of ``stat`` calls,
no new dependency and nothing specific to one operating system.

A change loads the workshop again. If it fails to load, its problems print one a line as
in ``kit build`` and the previous outputs stay as they were; the watch goes on. If it
loads to the same workshop as the last good build, with the same files (a comment or a
blank line changed), nothing is rebuilt. Otherwise every chosen output is rebuilt, the
deck drawn first and placed as soon as it is drawn (it is what a presenter checks while
editing), but for the exercise sheets and the organiser's pack when nothing they show
changed (kit.app.redraw); the other new files follow it under the same journal
(kit.app.staging), so a failed rebuild puts the deck back too and leaves the folder as it
was.
The renderers' worker processes stay between rebuilds, warm.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

from kit.app.build import BuildResult, render_loaded
from kit.app.redraw import Drawn
from kit.app.workers import Workers
from kit.errors import KitError
from kit.model import Workshop
from kit.outputs import Output, Paper
from kit.source.editions import translation_file
from kit.source.loader import LoadedWorkshop, find_workshop_file, load

POLL_SECONDS = 0.05  # a few stat calls a poll; the wait adds half of this on average

# (modification time in ns, size) of a file, or None while it does not exist.
Stamp = tuple[int, int] | None


@dataclass(frozen=True)
class BuildSettings:
    """What to build and where: the options of ``kit build`` that the watch passes on."""

    out_dir: Path
    only: tuple[str, ...] = ()
    paper: Paper | None = None  # None: the workshop's build: section decides
    participants: int | None = None
    language: str | None = None
    participants_file: Path | None = None
    jobs: int | None = None  # worker processes; None: one per processor


def watch(
    path: Path,
    settings: BuildSettings,
    report: Callable[[KitError], None],
    warn: Callable[[str], None],
) -> None:
    """Build the workshop at ``path``, then rebuild on every change until Ctrl-C.

    ``report`` prints a failed load or build, and ``warn`` a warning, as ``kit build`` does.
    """
    watcher = _Watcher(path, settings, report, warn)
    try:
        watcher.build(changed=[])
        while True:
            time.sleep(POLL_SECONDS)
            changed = watcher.changed()
            if changed:
                watcher.build(changed)
    except KeyboardInterrupt:
        click.echo("stopped watching")
    finally:
        watcher.workers.close()


class _Watcher:
    """The watched files, their last stamps, and what the last good build was made from."""

    def __init__(
        self,
        path: Path,
        settings: BuildSettings,
        report: Callable[[KitError], None],
        warn: Callable[[str], None],
    ) -> None:
        self._path = path
        self._settings = settings
        self._report = report
        self._warn = warn
        self._sources = tuple(_sources(path, settings.language))
        self._assets: tuple[Path, ...] = ()
        self._stamps: dict[Path, Stamp] = {}
        self._built: tuple[Workshop, dict[Path, Stamp]] | None = None
        # What the last good build drew its sheets from, with the files it pointed at then.
        self._drawn: tuple[dict[Path, Stamp], Drawn] | None = None
        # Kept between rebuilds, with the renderers imported and their fonts and caches built.
        self.workers = Workers(settings.jobs)

    def changed(self) -> list[Path]:
        """The watched files whose stamp differs from the last look."""
        return [file for file, stamp in self._look().items() if self._stamps.get(file) != stamp]

    def build(self, changed: list[Path]) -> None:
        """Load and, if the inputs really changed, render; report whatever fails."""
        started = time.perf_counter()
        self._stamps = self._look()  # before loading: an edit during the build is seen next
        edited = [stamp[0] for file in changed if (stamp := self._stamps.get(file))]
        if changed:
            click.echo("changed: " + ", ".join(file.name for file in changed))
        loaded = self._load()
        if loaded is None:
            self._watching()
            return
        self._assets = tuple(_assets(loaded))
        assets = _stamps(self._assets)
        self._stamps.update(assets)
        if self._built == (loaded.workshop, assets):
            click.echo("the workshop is as it was built; nothing to rebuild")
        else:
            result = self._render(loaded, assets, started, max(edited, default=None))
            self._built = (loaded.workshop, assets) if result else None
            self._drawn = (assets, result.drawn) if result and result.drawn else None
        self._watching()

    def _load(self) -> LoadedWorkshop | None:
        """The workshop, or None after printing why it did not load."""
        try:
            return load(self._path, self._settings.language)
        except KitError as exc:
            self._report(exc)
        except Exception:  # a bug in kit: shown as kit build would, but the watch goes on
            click.echo("error: loading failed (a bug in kit):", err=True)
            traceback.print_exc()
        return None

    def _render(
        self,
        loaded: LoadedWorkshop,
        assets: dict[Path, Stamp],
        started: float,
        edited_ns: int | None,
    ) -> BuildResult | None:
        """Render every chosen output whose inputs changed; the result if all were written.
        The sheets the last such build drew are kept if it was built with the same
        ``assets`` (the files the workshop points at, stamped) and nothing they show changed.

        ``edited_ns`` is when the edit that caused this build was saved, if one did.
        """
        last = self._drawn[1] if self._drawn and self._drawn[0] == assets else None
        settings = self._settings
        first: list[int] = []  # when the first file was written, in ns since the epoch

        def progress(output: Output) -> None:
            click.echo(f"wrote {output.describe()}")
            first.append(time.time_ns())

        try:
            result: BuildResult = render_loaded(
                loaded,
                settings.out_dir,
                only=settings.only,
                paper=settings.paper,
                participants=settings.participants,
                participants_file=settings.participants_file,
                progress=progress,
                waiting=click.echo,
                warn=self._warn,
                workers=self.workers,
                last=last,
                deck_first=True,
            )
        except KitError as exc:  # a failed renderer, a bad participants list, a machine fault
            self._report(exc)
            return None
        summary = f"built {len(result.written)} file(s) into {settings.out_dir}"
        summary += f" in {time.perf_counter() - started:.2f} s"
        if edited_ns is not None and first:
            # From the save, as the user sees it: waiting for the poll and loading count too.
            summary += f"; {(first[0] - edited_ns) / 1e9:.2f} s from the edit to the first file"
        click.echo(summary)
        return result

    def _look(self) -> dict[Path, Stamp]:
        return _stamps((*self._sources, *self._assets))

    def _watching(self) -> None:
        count = len(self._sources) + len(self._assets)
        click.echo(f"watching {count} file(s) for changes; Ctrl-C stops")


def _sources(path: Path, language: str | None) -> Iterator[Path]:
    """The workshop file and, with ``language``, its translation (watched even if missing)."""
    try:
        file = find_workshop_file(path)
    except KitError:
        file = path / "workshop.yaml" if path.is_dir() else path
    yield file
    if language:
        yield translation_file(file, language)


def _assets(loaded: LoadedWorkshop) -> list[Path]:
    """Every file the workshop points at: its resolved asset paths, inside its folder.

    The loader turns each image, logo and template path into an absolute path inside the
    workshop folder, so any such path in the model is an asset; this finds asset fields
    added later too.
    """
    base = loaded.base_dir.resolve()
    files = dict.fromkeys(_absolute_paths(loaded.workshop))
    return [file for file in files if file.is_relative_to(base) and file.is_file()]


def _absolute_paths(value: Any) -> Iterator[Path]:
    """The absolute paths held as text in ``value``, a model of models, tuples and text."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _absolute_paths(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _absolute_paths(item)
    elif isinstance(value, str) and os.path.isabs(value):
        yield Path(value)


def _stamps(files: Iterable[Path]) -> dict[Path, Stamp]:
    stamps: dict[Path, Stamp] = {}
    for file in files:
        try:
            status = file.stat()
        except OSError:
            stamps[file] = None
        else:
            stamps[file] = (status.st_mtime_ns, status.st_size)
    return stamps
