"""The exceptions kit raises for problems a user can act on.

Anything else that escapes is a bug in kit and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class KitError(Exception):
    """Base of every error whose message is meant for the user, not a traceback."""


@dataclass(frozen=True)
class Problem:
    """One located problem in a workshop file: ``file:line:col: field: message``."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(KitError):
    """The workshop content is invalid; carries every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.file, p.line, p.column)))
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(KitError):
    """One or more renderers failed; no file was placed, every output is as it was.

    ``result`` holds, per renderer, the exception it raised.
    """

    def __init__(self, result: object):
        self.result = result
        failed = getattr(result, "failed", {})
        super().__init__("failed: " + ", ".join(failed))


class EnvironmentFault(KitError):
    """The machine stopped the build (a full disk, a read-only folder, a bad setting).

    Its message is one line naming the path or setting and what to do about it.
    """
