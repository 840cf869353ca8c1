"""Room for kit's content on a template's slide: where its body is clear of the template's
own pictures and shapes, and how much of it is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from kit.layout.templatepaint import Rect

FIELD_HEIGHT = 20.0  # kit's footer line


def room(body: Rect, obstacles: Iterable[Rect]) -> float:
    """The area of ``body`` that none of ``obstacles`` covers (square points)."""
    inside = [
        (max(o.x, body.x), max(o.y, body.y), min(o.right, body.right), min(o.bottom, body.bottom))
        for o in obstacles
    ]
    inside = [(x0, y0, x1, y1) for x0, y0, x1, y1 in inside if x1 > x0 and y1 > y0]
    edges = sorted({x for x0, _, x1, _ in inside for x in (x0, x1)})
    covered = 0.0
    for left, right in pairwise(edges):  # each strip between edges: its covered height
        spans = sorted((y0, y1) for x0, y0, x1, y1 in inside if x0 <= left and right <= x1)
        top, height = -1e9, 0.0
        for y0, y1 in spans:
            height += max(y1 - max(y0, top), 0.0)
            top = max(top, y1)
        covered += (right - left) * height
    return body.w * body.h - covered


def clear(body: Rect, obstacles: Iterable[Rect], gap: float) -> Rect:
    """``body`` cut back, one side at a time, off each picture or shape it meets or comes
    within ``gap`` of, keeping the most area; an obstacle that would leave under 40 % of
    the area stays (text is coloured for it instead)."""
    area = body.w * body.h
    for obstacle in sorted((o.grown(gap) for o in obstacles), key=lambda o: -o.w * o.h):
        if not obstacle.meets(body):
            continue
        cuts = (
            Rect(obstacle.right, body.y, body.right - obstacle.right, body.h),
            Rect(body.x, body.y, obstacle.x - body.x, body.h),
            Rect(body.x, obstacle.bottom, body.w, body.bottom - obstacle.bottom),
            Rect(body.x, body.y, body.w, obstacle.y - body.y),
        )
        best = max(cuts, key=lambda r: max(r.w, 0) * max(r.h, 0))
        if best.w > 0 and best.h > 0 and best.w * best.h >= 0.4 * area:
            body = best
    return body


def field_row(fields: Sequence[Rect | None], height: float) -> tuple[Rect, ...]:
    """The date, footer and slide-number boxes (in that order), each ``FIELD_HEIGHT`` tall
    and centred in its own, when all three are on the slide's lowest quarter in one row, left
    to right without overlapping; else none (kit finds a row of its own)."""
    if any(field is None for field in fields):
        return ()
    boxes = [field for field in fields if field is not None]
    middle = [box.y + box.h / 2 for box in boxes]
    in_row = max(middle) - min(middle) <= 2 and min(middle) >= 0.75 * height
    apart = all(one.right <= other.x for one, other in pairwise(boxes))
    if not (in_row and apart and max(box.bottom for box in boxes) <= height):
        return ()
    top = min(middle) - FIELD_HEIGHT / 2
    return tuple(Rect(box.x, top, box.w, FIELD_HEIGHT) for box in boxes)
