"""Colour arithmetic on ``#RRGGBB`` strings: mixing, luminance and WCAG contrast."""

from __future__ import annotations

import bisect
from functools import lru_cache

WHITE = "#FFFFFF"
BLACK = "#000000"


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@lru_cache(maxsize=16384)  # a see-through shape blends the same colours over many cells
def mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (0 gives a, 1 gives b)."""
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(rgb(a), rgb(b)))


@lru_cache(maxsize=4096)  # templates' gradients and pictures ask for the same colours often
def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2 defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def worst_contrast(ink: str, colours: tuple[str, ...]) -> float:
    """The lowest contrast of ``ink`` against any of ``colours`` (21 against none): that
    against the colours nearest it in luminance, one on either side."""
    levels = _levels(colours)
    own = luminance(ink)
    at = bisect.bisect(levels, own)
    near = levels[max(at - 1, 0) : at + 1]
    return min(((max(own, n) + 0.05) / (min(own, n) + 0.05) for n in near), default=21.0)


@lru_cache(maxsize=512)  # the same colours behind many boxes of a layout
def _levels(colours: tuple[str, ...]) -> tuple[float, ...]:
    return tuple(sorted(luminance(colour) for colour in colours))


def readable_on(background: str, dark: str = BLACK, light: str = WHITE) -> str:
    """Whichever of ``dark`` and ``light`` contrasts more with ``background``."""
    return dark if contrast(dark, background) >= contrast(light, background) else light


def softened(ink: str, background: str, amount: float, ratio: float = 4.5) -> str:
    """``ink`` mixed up to ``amount`` of the way towards ``background``, as far as it can
    go while keeping ``ratio`` (WCAG AA for small text) against it."""
    steps = 20
    for step in range(steps, 0, -1):
        candidate = mix(ink, background, amount * step / steps)
        if contrast(candidate, background) >= ratio:
            return candidate
    return ink


def nearest_readable(colour: str, against: str, needed: float = 4.5) -> str:
    """``colour`` moved the least towards black or white that gives ``needed`` contrast
    against ``against`` (``colour`` itself when it has it).

    There always is one for ``needed`` up to 4.58: the better of black and white.
    """
    extreme = readable_on(against)
    candidates = (mix(colour, extreme, step / 100) for step in range(101))
    return next(c for c in candidates if contrast(c, against) >= needed)


STAGE_CONTRAST = 5.0  # a continuum stage's name on its fill: AA with room for the viewer's


def stage_palette(first: str, last: str, text: str, count: int) -> list[tuple[str, str]]:
    """Each of ``count`` continuum stages' fill and the ink of its name.

    The fills ramp from a light tint of ``first`` to ``last``, light to dark, so the order
    reads in grey too. The ink is ``text`` where it reaches AA on the fill, else black or
    white, whichever reads better; a fill in the middle of the ramp, where neither reads
    well, is moved away from its ink (lighter under dark ink, darker under light) until
    the pair reaches ``STAGE_CONTRAST``.
    """
    light = mix(first, WHITE, 0.75)
    palette = []
    for index in range(count):
        fill = mix(light, last, index / max(count - 1, 1))
        ink = readable_on(fill, dark=text)
        ink = ink if contrast(ink, fill) >= 4.5 else readable_on(fill)
        away = WHITE if luminance(ink) < luminance(fill) else BLACK
        steps = (mix(fill, away, step / 20) for step in range(21))
        palette.append((next(f for f in steps if contrast(ink, f) >= STAGE_CONTRAST), ink))
    return palette
