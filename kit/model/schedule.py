"""Clock times for the agenda, computed from the start time, section durations and breaks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kit.model import Break, Section, Workshop
from kit.words.i18n import Words


@dataclass(frozen=True)
class AgendaItem:
    section: Section
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class BreakItem:
    """A break between two sections; ``label`` is empty for the default word."""

    pause: Break
    start: dt.time
    end: dt.time


def timetable(workshop: Workshop) -> tuple[AgendaItem | BreakItem, ...]:
    """Sections and the breaks between them, in order; times wrap past midnight."""
    now = dt.datetime.combine(dt.date(2000, 1, 1), workshop.start_time)
    items: list[AgendaItem | BreakItem] = []
    for section in workshop.sections:
        end = now + dt.timedelta(minutes=section.duration)
        items.append(AgendaItem(section, now.time(), end.time()))
        now = end
        if section.break_after is not None:
            end = now + dt.timedelta(minutes=section.break_after.duration)
            items.append(BreakItem(section.break_after, now.time(), end.time()))
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
