"""Clock times for the agenda, computed from the start time, section durations and breaks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kit.model import Break, Section, Workshop
from kit.words.i18n import Words


def clock(moment: dt.time, time_format: str = "24h") -> str:
    """``13:30``, or with ``12h`` ``1:30 pm`` (the workshop's ``build: time_format``)."""
    if time_format == "12h":
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment:%M} {'am' if moment.hour < 12 else 'pm'}"
    return f"{moment:%H:%M}"


@dataclass(frozen=True)
class AgendaItem:
    section: Section
    start: dt.time
    end: dt.time
    time_format: str = "24h"

    @property
    def span(self) -> str:
        """``10:00–10:15``, or ``10:00 am–10:15 am``."""
        return f"{clock(self.start, self.time_format)}–{clock(self.end, self.time_format)}"


@dataclass(frozen=True)
class BreakItem:
    """A break between two sections; ``label`` is empty for the default word."""

    pause: Break
    start: dt.time
    end: dt.time
    time_format: str = "24h"

    @property
    def span(self) -> str:
        return f"{clock(self.start, self.time_format)}–{clock(self.end, self.time_format)}"


def timetable(workshop: Workshop) -> tuple[AgendaItem | BreakItem, ...]:
    """Sections and the breaks between them, in order; times wrap past midnight."""
    now = dt.datetime.combine(dt.date(2000, 1, 1), workshop.start_time)
    time_format = workshop.build.time_format
    items: list[AgendaItem | BreakItem] = []
    for section in workshop.sections:
        end = now + dt.timedelta(minutes=section.duration)
        items.append(AgendaItem(section, now.time(), end.time(), time_format))
        now = end
        if section.break_after is not None:
            end = now + dt.timedelta(minutes=section.break_after.duration)
            items.append(BreakItem(section.break_after, now.time(), end.time(), time_format))
            now = end
    return tuple(items)


def item_title(item: AgendaItem | BreakItem, words: Words) -> str:
    """What the agenda calls an item: the section's title, or the break's label."""
    if isinstance(item, BreakItem):
        return item.pause.label or words("break")
    return item.section.title


def item_minutes(item: AgendaItem | BreakItem) -> int:
    return item.pause.duration if isinstance(item, BreakItem) else item.section.duration


def agenda(workshop: Workshop) -> tuple[AgendaItem, ...]:
    """One item per section, its clock times counting the breaks before it."""
    return tuple(item for item in timetable(workshop) if isinstance(item, AgendaItem))


def total_minutes(workshop: Workshop) -> int:
    """The whole session, breaks included."""
    return sum(item_minutes(item) for item in timetable(workshop))
