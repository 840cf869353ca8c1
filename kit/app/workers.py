"""Renderers in worker processes: after the plan, each renderer draws in a process of its own.

The build keeps everything that touches the output folder: it creates the staging folder
with a folder in it for each renderer, and places every file, in one journal, once every
worker has finished. A worker only renders into the folder it is handed and flushes what
it wrote.

On Linux the workers are forked from the build itself once it has loaded the workshop,
before it locks the output folder (no lock of its is copied into a worker; it has no
threads): they start with everything the build imported and measured, and check the printed
sheets while the build lays out the deck. Elsewhere
they are forked by a 'forkserver', a clean process that imports the renderers once, while
the build checks and plans; 'spawn' where there is none. They ignore Ctrl-C: the build
decides what an interrupt does, kills its workers and removes their staging folders.
``kit build --watch`` keeps its workers between rebuilds, their fonts and caches built.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.layout import fonts
from kit.model import Workshop
from kit.outputs import BuildOptions, Checked, Output, OutputKind, Paper

if TYPE_CHECKING:  # multiprocessing is imported once a pool starts: --jobs 1 never does
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

# Imported with the renderers: fonts and words every worker needs, built before forking.
WARM = "kit.app.warm"
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


def cores() -> int:
    """The processors this process may run on: how many workers a build starts."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """Up to ``count`` worker processes, started when first needed and kept until closed.

    With a count of one (a one-core machine, or ``--jobs 1``) no process is started: the
    renderers run one after another in the build's own process.
    """

    def __init__(self, count: int | None = None) -> None:
        self.count = max(1, count if count is not None else cores())
        self._pool: ProcessPoolExecutor | None = None

    def parallel(self, renderers: int) -> bool:
        """Whether ``renderers`` renderers are worth drawing in worker processes."""
        return self.count > 1 and renderers > 1

    def start(self, modules: Sequence[str]) -> None:
        """Have ``modules`` imported for the workers now, while the build plans (unless
        they will be forked from the build, once it has loaded: see ``ready``)."""
        if self._pool is not None or _context(modules).get_start_method() == "fork":
            return
        if _context(modules).get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()  # returns at once; forking a worker waits for its imports
            return
        pool = self._started(modules)
        for _ in range(self.count):  # a process a task, while none is idle
            pool.submit(int)

    def ready(self) -> None:
        """Fork the workers from this process now, if that is how they start: once the
        workshop is loaded, before the output folder is locked, with the shipped fonts and
        kit's words built (``WARM``), so that they check the sheets while the build lays
        out the deck."""
        if self._pool is None and _context(()).get_start_method() == "fork":
            importlib.import_module(WARM)
            pool = self._started(())
            for _ in range(self.count):
                pool.submit(int)

    def submit(
        self,
        module: str,
        shared: Shared,
        folder: Path,
        files: Sequence[OutputKind] | None = None,
    ) -> Future[list[Output]]:
        """Render ``shared``'s workshop with ``module``'s ``render`` into ``folder`` in a
        worker: only ``files`` (of the renderer's ``FILES``) if given."""
        return self._started([module]).submit(_render, module, shared, folder, files)

    def check(self, module: str, workshop: Workshop, paper: Paper) -> Future[Checked]:
        """Run ``module``'s ``check`` of ``workshop`` on ``paper`` in a worker."""
        return self._started([module]).submit(_check, module, workshop, paper)

    def close(self) -> None:
        """Let the workers finish what they were given and exit."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        """Stop every worker at once, so that none writes any more; the next use starts anew."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # concurrent.futures offers no way to stop a running task before Python 3.14.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
        for process in processes:
            process.join()

    def _started(self, modules: Sequence[str]) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None:
            context = _context(modules)
            self._pool = ProcessPoolExecutor(
                self.count,
                mp_context=context,
                initializer=_prepare,
                initargs=(
                    tuple(modules),
                    os.getpid() if context.get_start_method() == "fork" else None,
                ),
            )
        return self._pool


def _context(modules: Sequence[str]) -> BaseContext:
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Read when the server starts, once per process; a worker imports what else it needs.
    context.set_forkserver_preload([__name__, WARM, *modules])
    return context


def _prepare(modules: tuple[str, ...], build: int | None) -> None:
    """A new worker: leave Ctrl-C to the build, and have the renderers it will run.

    ``build`` is the process it was forked from (on Linux), else None.
    """
    # Ctrl-C reaches every process of the terminal's group; only the build acts on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if build is not None:
        _end_with(build)
        return  # it has what the build had
    for module in (WARM, *modules):
        # A renderer that cannot be imported fails its own task, not every worker's start.
        with contextlib.suppress(Exception):
            importlib.import_module(module)


def _end_with(build: int) -> None:
    """Be killed when ``build`` ends (Linux), however it ends: a worker of a killed build
    must not live on, holding the build's output pipes open so that whoever reads them
    (a script, a terminal's pipe) waits for ever."""
    import ctypes  # only a worker needs it

    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != build:  # it ended before the kernel was told
        os._exit(1)


class Shared:
    """What every task of one build is handed: the workshop, the options and each renderer's
    plans, pickled once by the build and unpickled once by each worker, however many of the
    build's tasks it runs (the deck's layout alone can take tens of milliseconds each way)."""

    def __init__(self, workshop: Workshop, options: BuildOptions, plans: dict[str, Any]) -> None:
        self.data = pickle.dumps((workshop, options, plans), pickle.HIGHEST_PROTOCOL)


# In a worker: the last build's shared data, and what it unpickled to.
_last: list[tuple[bytes, tuple[Workshop, BuildOptions, dict[str, Any]]]] = []


def _unpickled(shared: Shared) -> tuple[Workshop, BuildOptions, dict[str, Any]]:
    if not _last or _last[0][0] != shared.data:
        _last[:] = [(shared.data, pickle.loads(shared.data))]
    return _last[0][1]


def _check(module: str, workshop: Workshop, paper: Paper) -> Checked:
    """In a worker: what ``module`` could not hold of ``workshop`` on ``paper``."""
    try:
        with fonts.using(workshop.theme.fonts.heading, workshop.theme.fonts.body):
            checked: Checked = importlib.import_module(module).check(
                workshop, workshop.theme, paper
            )
        return checked
    except Exception as exc:
        raise _portable(exc) from None


def _render(
    module: str, shared: Shared, folder: Path, files: Sequence[OutputKind] | None
) -> list[Output]:
    """In a worker: render into ``folder`` and flush every file written."""
    try:
        render = importlib.import_module(module).render
        workshop, options, plans = _unpickled(shared)
        chosen = {} if files is None else {"files": files}
        # The build's fonts are a context of its own process, not inherited by a worker.
        with fonts.using(workshop.theme.fonts.heading, workshop.theme.fonts.body):
            staged: list[Output] = render(
                workshop, workshop.theme, folder, options, **plans.get(module, {}), **chosen
            )
        for output in staged:
            flush(output.path)
        return staged
    except Exception as exc:
        raise _portable(exc) from None


def flush(path: Path) -> None:
    """Write ``path``'s data to the disk before it is moved into place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives the way back to the build, else a RuntimeError saying it."""
    try:
        back = pickle.loads(pickle.dumps(exc))
    except Exception:
        back = None
    if type(back) is type(exc) and str(back) == str(exc):
        return exc
    return RuntimeError(f"{type(exc).__name__}: {exc}")
