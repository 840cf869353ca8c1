"""What a rebuild may leave as it was: the printed sheets, when nothing they show changed.

``kit build --watch`` rebuilds after every edit, and most edits are to the slides' text,
which the exercise sheets and the organiser's pack never show: they are drawn from the
workshop's details, theme and words, its sections' titles, times, objectives and materials,
and the blocks with sheets or materials of their own (``SHOWN``). A build keeps what it
drew them from, with the other blocks reduced to their kind, and the files it left
(``Drawn``); the next build of the same watch draws them again only if that changed, or if
a file is no longer as that build left it. Everything else is drawn on every change. A
changed image, logo or template changes no workshop field: the watch starts afresh then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.model import Workshop
from kit.outputs import ORGANISER_PACK, BuildOptions, Checked, Output, OutputKind

# The kinds of block that the exercise sheets and the organiser's pack draw: those with an
# entry in the exercises' or the print list's BlockTable (tests/kit/test_redraw.py).
SHOWN = frozenset({"drill", "continuum", "activity"})
# The sheets: every file of these renderers, and these files of the others.
RENDERERS = frozenset({"exercises"})
FILES = frozenset(ORGANISER_PACK)


def is_sheet(kind: OutputKind) -> bool:
    return kind.renderer in RENDERERS or kind in FILES


def sheets_input(workshop: Workshop, options: BuildOptions, names: Sequence[str]) -> object:
    """What the sheets of a build of ``names`` are drawn from: equal inputs, equal files."""
    sections = tuple(
        (
            section.model_copy(update={"blocks": ()}),
            tuple(block if block.kind in SHOWN else block.kind for block in section.blocks),
        )
        for section in workshop.sections
    )
    return workshop.model_copy(update={"sections": ()}), sections, options, tuple(names)


# (modification time in ns, size) of a file as a build left it.
Stamp = tuple[int, int]


@dataclass(frozen=True)
class Drawn:
    """What a build drew its sheets from, the exercises' check of them, and the files left."""

    inputs: object
    checked: Checked | None
    outputs: tuple[Output, ...]
    stamps: tuple[Stamp | None, ...]

    @classmethod
    def of(cls, inputs: object, checked: Checked | None, written: Sequence[Output]) -> Drawn:
        sheets = tuple(output for output in written if is_sheet(output.kind))
        return cls(inputs, checked, sheets, tuple(_stamp(o.path) for o in sheets))

    def kept(self, inputs: object) -> Drawn | None:
        """This, if the sheets it drew are what ``inputs`` would draw, and still in place."""
        if inputs != self.inputs:
            return None
        if tuple(_stamp(output.path) for output in self.outputs) != self.stamps:
            return None  # moved, removed or rewritten since
        return self


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size
