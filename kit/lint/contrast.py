"""The theme check: WCAG AA contrast between the colours the deck puts text on."""

from __future__ import annotations

import math
from collections.abc import Iterator

from kit.lint.rules import CONTRAST_RULE, Finding
from kit.model import Colours
from kit.model.colour import contrast, nearest_readable, readable_on
from kit.source.yamlsource import Document


def contrast_findings(colours: Colours, document: Document) -> Iterator[Finding]:
    """Colour pairs that the deck puts text on, below WCAG AA contrast.

    Title slides and dividers put black or white on ``primary``/``secondary``, which
    always reaches 4.58:1; continuum cards put the text colour or white there, whichever
    reads better, which can fall short, so that stricter choice is the one checked.
    """
    on_primary = readable_on(colours.primary, dark=colours.text)
    on_secondary = readable_on(colours.secondary, dark=colours.text)
    checks = (
        (
            "text",
            colours.background,
            4.5,
            f"body text: text {colours.text} on background {colours.background}",
        ),
        (
            "primary",
            colours.background,
            3.0,
            f"large titles: primary {colours.primary} on background {colours.background}",
        ),
        (
            "primary",
            on_primary,
            4.5,
            f"text on primary slides and cards: {on_primary} on primary {colours.primary}",
        ),
        (
            "secondary",
            on_secondary,
            4.5,
            f"text on secondary dividers and cards: {on_secondary} on secondary "
            f"{colours.secondary}",
        ),
    )
    for field, against, needed, pair in checks:
        value = getattr(colours, field)
        ratio = math.floor(contrast(value, against) * 100) / 100  # 4.499 must not read 4.50
        if ratio >= needed:
            continue
        mark = document.locate(("theme", "colours", field))
        suggestion = f"{field}: {nearest_readable(value, against, needed)}"
        message = f"{pair} has contrast {ratio:.2f}:1; WCAG AA needs {needed:g}:1"
        yield Finding(document.file, mark.line, mark.column, CONTRAST_RULE, message, suggestion)
