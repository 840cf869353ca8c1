"""Clock times for the agenda, computed from the start time and section durations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kit.model import Section, Workshop


@dataclass(frozen=True)
class AgendaItem:
    section: Section
    start: dt.time
    end: dt.time

    @property
    def span(self) -> str:
        """``10:00–10:15``."""
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def agenda(workshop: Workshop) -> tuple[AgendaItem, ...]:
    """One item per section; times wrap past midnight rather than fail."""
    clock = dt.datetime.combine(dt.date(2000, 1, 1), workshop.start_time)
    items = []
    for section in workshop.sections:
        end = clock + dt.timedelta(minutes=section.duration)
        items.append(AgendaItem(section, clock.time(), end.time()))
        clock = end
    return tuple(items)


def total_minutes(workshop: Workshop) -> int:
    return sum(section.duration for section in workshop.sections)
