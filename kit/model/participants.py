"""A person on the participants list, as certificates and name tents print them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Participant:
    name: str
    organisation: str = ""
