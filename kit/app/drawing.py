"""Where each renderer draws, and what it is handed: a task per file in the build's workers,
or the renderer in the build's own process; each into its folder in the staging folder.

``kit.app.build`` decides when; this module knows the renderers (``RENDERERS``) and how
their files are split into tasks, so that no one renderer is the critical path.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit import outputs
from kit.app import redraw
from kit.app.faults import environment_fault
from kit.app.plan import BuildPlan, theme_fonts
from kit.app.redraw import Drawn
from kit.app.workers import Shared, Workers, flush
from kit.outputs import BuildOptions, Output, OutputKind
from kit.source.loader import LoadedWorkshop

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


@dataclass(frozen=True)
class Work:
    """What every renderer of one build is given, and where it runs."""

    loaded: LoadedWorkshop
    out: Path
    options: BuildOptions
    built: BuildPlan | None  # None until the plan is made
    workers: Workers
    kept: Drawn | None  # the last build's sheets, left as they are
    folder: Path  # the build's staging folder, with a folder in it for each renderer
    first: str | None = None  # the renderer whose files are placed as soon as it is drawn

    def plans(self, name: str) -> dict[str, Any]:
        """What renderer ``name`` is handed besides the workshop; before the plan, nothing."""
        return self.built.plans(name) if self.built else {}

    def parts(self, name: str) -> list[tuple[OutputKind, ...] | None]:
        """What of renderer ``name`` to draw, a task each: nothing, all of it (None), or
        each of its ``FILES`` not kept from the last build."""
        files = renderer_files(RENDERERS[name])
        if self.kept and name in redraw.RENDERERS:
            return []
        if files is None:
            return [None]
        return [(kind,) for kind in files if not (self.kept and kind in redraw.FILES)]

    def with_kept(self, name: str, drawn: list[Output]) -> list[Output]:
        """``drawn`` with the renderer's files kept from the last build, in its order."""
        kept = [o for o in self.kept.outputs if o.kind.renderer == name] if self.kept else []
        files = renderer_files(RENDERERS[name])
        if not kept or files is None:
            return drawn + kept
        return sorted(drawn + kept, key=lambda output: files.index(output.kind))


def submitted(
    names: list[str], work: Work, handed: dict[str, list[Future[list[Output]]]] | None = None
) -> dict[str, list[Future[list[Output]]]]:
    """Each renderer's tasks handed to the workers, drawing into its folder in the staging
    folder: a task per file for a renderer that lists its ``FILES``, so that none is the
    critical path. ``handed`` None: only the files drawn without the deck (a renderer's
    ``WITHOUT_DECK``), while the plan lays it out; else the tasks handed out so far, with
    the rest of each renderer's added."""
    jobs: dict[str, list[Future[list[Output]]]] = {}
    modules = {name: RENDERERS[name] for name in names}
    shared = Shared(
        work.loaded.workshop, work.options, {m: work.plans(n) for n, m in modules.items()}
    )
    try:
        # Whole renderers first (the deck is drawn first), then those drawn file by file.
        for name in sorted(names, key=lambda name: renderer_files(modules[name]) is not None):
            module = modules[name]
            if handed is None:
                parts = [part for part in work.parts(name) if _early(part, module)]
                if not parts:
                    continue
            else:  # the files drawn early are drawn already
                parts = [p for p in work.parts(name) if not (name in handed and _early(p, module))]
            (work.folder / name).mkdir(exist_ok=True)
            submit = partial(work.workers.submit, module, shared, work.folder / name)
            jobs[name] = [*(handed or {}).get(name, ()), *map(submit, parts)]
    except BaseException:
        work.workers.kill()
        raise
    return {name: jobs[name] for name in names if name in jobs}


def _early(part: tuple[OutputKind, ...] | None, module: str) -> bool:
    """Whether a task draws only files drawn without the deck (its renderer's
    ``WITHOUT_DECK``): those are handed out while the plan lays the deck out."""
    early: frozenset[OutputKind] = getattr(
        importlib.import_module(module), "WITHOUT_DECK", frozenset()
    )
    return part is not None and early.issuperset(part)


def in_order(name: str, outputs: list[Output]) -> list[Output]:
    """A renderer's files in the order of its ``FILES`` (some were drawn early)."""
    files = renderer_files(RENDERERS[name])
    return sorted(outputs, key=lambda output: files.index(output.kind)) if files else outputs


def renderer_files(module: str) -> tuple[OutputKind, ...] | None:
    """The files a renderer can draw one by one (``render(..., files=...)``), if it can."""
    files: tuple[OutputKind, ...] | None = getattr(importlib.import_module(module), "FILES", None)
    return files


def finished(tasks: list[Future[list[Output]]], out: Path) -> list[Output]:
    """Wait for all of a renderer's tasks; the files they staged, in its order."""
    from concurrent.futures import wait

    wait(tasks)  # a failed task's sibling may still be writing into the folder
    try:
        return [output for task in tasks for output in task.result()]
    except OSError as exc:
        raise environment_fault(exc, out) from None


def run_here(name: str, work: Work, folder: Path, staged: dict[str, list[Output]]) -> list[Output]:
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
