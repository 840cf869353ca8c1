"""A web address set to be typed: whole on one line, or broken only where a URL may break.

A word wrap breaks an address too long for its line between any two letters, and a smaller
size would put it under the floor. Instead the address goes over as few lines as it needs,
each break after its scheme's "//" or before a "/" or ".", as style guides break a URL
(the reader sees at the start of the next line that it goes on), lines balanced.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kit.layout.fonts import metrics
from kit.layout.textfit import WRAP_SAFETY, ParaSpec, Text, set_text, size_steps

# after "//", before a "/" that does not start "//", before a "."
_BREAK = re.compile(r"(?<=//)|(?<!/)(?=/(?!/))|(?=\.)")


def address_text(
    spec: ParaSpec, width: float, high: float, low: float, most_lines: int = 3
) -> Text:
    """``spec`` (a lone address) at the largest size from ``high`` to ``low`` on the fewest
    lines, at most ``most_lines``, each at most ``width``; an address that fits no way of
    that kind is set at ``low`` on its balanced ``most_lines`` and wraps where it must."""
    parts = tuple(part for part in _BREAK.split(spec.text) if part)
    lines = parts
    for count in range(1, min(most_lines, len(parts)) + 1):
        for size in size_steps(high, low):
            lines = _balanced(parts, count, size, spec.bold)
            if max(_width(line, size, spec.bold) for line in lines) <= width * WRAP_SAFETY:
                return set_text([_joined(spec, lines)], width, size)
    return set_text([_joined(spec, lines)], width, low)


def _joined(spec: ParaSpec, lines: tuple[str, ...]) -> ParaSpec:
    return replace(spec, text="\n".join(lines))


def _width(text: str, size: float, bold: bool) -> float:
    return metrics(bold, False).width(text, size)


def _balanced(parts: tuple[str, ...], count: int, size: float, bold: bool) -> tuple[str, ...]:
    """``parts`` joined into ``count`` lines in order, the widest line as narrow as can be."""
    if count == 1:
        return ("".join(parts),)
    options = [
        ("".join(parts[:cut]), *_balanced(parts[cut:], count - 1, size, bold))
        for cut in range(1, len(parts) - count + 2)
    ]
    return min(options, key=lambda lines: max(_width(line, size, bold) for line in lines))
