"""Ctrl-C, SIGTERM and SIGHUP: one way to stop, and held back while files change places.

``timeout``, CI runners and service managers stop a program with SIGTERM; closing its
terminal sends SIGHUP. ``kit`` treats both as Ctrl-C: the build stops, nothing is left half
placed, and the command exits with 128 plus the signal's number (130, 143, 129).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where Ctrl-C would raise KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def signal_number(exc: KeyboardInterrupt) -> int:
    """The signal that raised ``exc``: SIGINT for a plain KeyboardInterrupt."""
    return exc.signum if isinstance(exc, Interrupted) else signal.SIGINT


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def stop_like_ctrl_c() -> None:
    """Make SIGTERM and SIGHUP raise Interrupted, as SIGINT raises KeyboardInterrupt."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupted)


@contextmanager
def deferred() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP until the block ends, then deliver the first.

    A signal arriving while the block runs is recorded, not acted on; when the block ends
    the previous handlers come back and the first signal is raised again, so it does what it
    would have done (a KeyboardInterrupt, Interrupted, or the default action). Python runs
    handlers only in the main thread, so elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    previous = {signum: signal.signal(signum, hold) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if pending:
            signal.raise_signal(pending[0])
