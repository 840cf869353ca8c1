"""How each renderer handles each block kind: one table per renderer, complete by test.

A block kind is declared once, in ``kit.model``; every renderer that treats blocks one
by one keeps a ``BlockTable`` of what it does with each kind, with an explicit entry for
a kind it leaves out. ``tests/test_block_kinds.py`` finds every table and fails when one
lacks a kind, so a new kind cannot be dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from kit.model import BLOCK_KINDS

T = TypeVar("T")


@dataclass(frozen=True)
class BlockTable(Generic[T]):
    """What ``renderer`` does with each block kind, by kind name."""

    renderer: str
    entries: Mapping[str, T]

    def __getitem__(self, kind: str) -> T:
        return self.entries[kind]

    def missing(self) -> tuple[str, ...]:
        """Kinds of the model this table has no entry for."""
        return tuple(kind for kind in BLOCK_KINDS if kind not in self.entries)

    def unknown(self) -> tuple[str, ...]:
        """Entries for kinds the model does not have."""
        return tuple(kind for kind in self.entries if kind not in BLOCK_KINDS)
