"""The language tag a reader's software needs: a region, so it picks a voice and a dictionary."""

from __future__ import annotations

from functools import cache


@cache
def language_tag(language: str) -> str:
    """``en`` -> ``en-US``, ``ru`` -> ``ru-RU``; a tag that names its region is kept.

    The region is the language's most likely one (CLDR's likely subtags); a language CLDR
    does not know stays as it was written.
    """
    if "-" in language:
        return language
    from babel.core import get_global

    likely = get_global("likely_subtags").get(language.lower())
    if not likely:
        return language
    parts = likely.split("_")
    return f"{parts[0]}-{parts[-1]}" if len(parts) > 1 else parts[0]
