"""A build's one date: every output is stamped with it, so the same input gives the same bytes."""

from __future__ import annotations

import datetime as dt
import os
import re

from kit.errors import EnvironmentFault
from kit.source.loader import LoadedWorkshop

# The last second a zip entry (so a .pptx) can date a file: 2107-12-31 23:59:59 UTC.
LAST_EPOCH = 4354819199


def fixed_timestamp(loaded: LoadedWorkshop) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the workshop's date, else 2000-01-01 (all UTC).

    An epoch that is not a plain count of seconds, or lies past what a zip file can store,
    is an EnvironmentFault: silently ignoring it would make "reproducible" builds differ.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        shown = epoch if len(epoch) <= 24 else epoch[:24] + "..."
        if not re.fullmatch(r"[0-9]+", epoch):
            raise EnvironmentFault(
                f"SOURCE_DATE_EPOCH={shown!r} is not a count of seconds since 1970 (digits "
                "only); unset it or set it to one, e.g. $(git log -1 --format=%ct)"
            )
        digits = epoch.lstrip("0") or "0"  # a leading zero is still a count of seconds
        # Measured by length first: int() of thousands of digits is refused (or slow).
        if len(digits) > len(str(LAST_EPOCH)) or int(digits) > LAST_EPOCH:
            raise EnvironmentFault(
                f"SOURCE_DATE_EPOCH={shown} is after 2107-12-31, the last date a .pptx (a zip "
                "file) can hold; unset it or set an earlier time"
            )
        return dt.datetime.fromtimestamp(int(digits), tz=dt.timezone.utc)
    day = loaded.workshop.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
