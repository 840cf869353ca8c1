"""Where something sits in a workshop: a field path, and the same in words for people.

``("sections", 2, "blocks", 0, "comparison")`` is "section 3, block 1, comparison": what a
layout warning names, 1-based, beside the file, line and column the plan phase finds for
the path.
"""

from __future__ import annotations

Place = tuple[str | int, ...]


def describe(place: Place) -> str:
    """``section 3, block 1, drill, challenge 2, statement``."""
    words: list[str] = []
    for index, part in enumerate(place):
        if isinstance(part, int):
            name = str(place[index - 1]) if index else "item"
            words[-1] = f"{name.removesuffix('s')} {part + 1}"
        else:
            words.append(part)
    return ", ".join(words)
