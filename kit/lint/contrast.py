"""The theme check: WCAG AA contrast for every colour pair kit draws text in.

Each pair is what a renderer draws: the theme's text, titles, sources, a resource's
address and definition terms on the background; text on the accent's and the secondary's
tints (the drill's technique box, the agenda's breaks, table stripes); each continuum
stage's name on its fill; and, on a template, the theme's text and titles on the colours
the template paints behind kit's title and body boxes. Title slides and dividers put black
or white on ``primary``/``secondary``, which always reaches 4.58:1, so they are not listed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from kit.lint.rules import CONTRAST_RULE, Finding, Severity
from kit.model import ContinuumBlock, Workshop
from kit.model.colour import WHITE, contrast, mix, nearest_readable, stage_palette
from kit.source.yamlsource import Document

BODY, LARGE = 4.5, 3.0  # WCAG AA: text, and large text (titles, terms)


@dataclass(frozen=True)
class _Pair:
    field: str  # the theme colour a finding is located at and suggests a change to
    ink: str
    ground: str
    needed: float
    what: str  # what is drawn, for the message
    instead: str = ""  # what kit draws instead when the pair falls short: only a warning


def contrast_findings(workshop: Workshop, document: Document) -> Iterator[Finding]:
    """The pairs kit draws below WCAG AA contrast, each located at the theme colour (or
    the template) to change, with the nearest colour that passes."""
    colours = workshop.theme.colours
    for pair in _pairs(workshop):
        ratio = _floored(contrast(pair.ink, pair.ground))
        if ratio >= pair.needed:
            continue
        mark = document.locate(("theme", "colours", pair.field))
        value = getattr(colours, pair.field)
        against = pair.ground if value == pair.ink else pair.ink
        suggestion = f"{pair.field}: {nearest_readable(value, against, pair.needed)}"
        message = f"{pair.what} has contrast {ratio:.2f}:1; WCAG AA needs {pair.needed:g}:1"
        message += f"; kit sets them in {pair.instead}" if pair.instead else ""
        severity: Severity = "warning" if pair.instead else "error"
        yield Finding(
            document.file, mark.line, mark.column, CONTRAST_RULE, message, suggestion, severity
        )
    yield from _template_findings(workshop, document)


def _floored(ratio: float) -> float:
    return math.floor(ratio * 100) / 100  # 4.499 must not read 4.50


def _pairs(workshop: Workshop) -> list[_Pair]:
    """The pairs this workshop's outputs draw: a pair for a kind of block only when the
    workshop has one."""
    c = workshop.theme.colours
    ground = f"background {c.background}"
    kinds = {block.kind for _, block in workshop.blocks()}
    breaks = any(section.break_after for section in workshop.sections)
    accent_tint, secondary_tint = mix(c.accent, WHITE, 0.88), mix(c.secondary, WHITE, 0.88)
    pairs = [
        _Pair("text", c.text, c.background, BODY, f"body text: text {c.text} on {ground}"),
        _Pair(
            "primary", c.primary, c.background, LARGE, f"titles: primary {c.primary} on {ground}"
        ),
        _Pair("muted", c.muted, c.background, BODY, f"sources: muted {c.muted} on {ground}"),
    ]
    if "resources" in kinds or "activity" in kinds:
        what = f"addresses, contacts and timings: secondary {c.secondary} on {ground}"
        pairs.append(_Pair("secondary", c.secondary, c.background, BODY, what))
    if "definition" in kinds:  # kit.layout.blocks.definition falls back to the primary
        what = f"definition terms: accent {c.accent} on {ground}"
        pairs.append(_Pair("accent", c.accent, c.background, LARGE, what, f"primary {c.primary}"))
    if "drill" in kinds:
        what = f"the drill's technique box: text {c.text} on the accent's tint {accent_tint}"
        pairs.append(_Pair("text", c.text, accent_tint, BODY, what))
    if breaks or "comparison" in kinds:
        what = f"breaks and table stripes: text {c.text} on the secondary's tint {secondary_tint}"
        pairs.append(_Pair("text", c.text, secondary_tint, BODY, what))
    for block in workshop.blocks_of(ContinuumBlock):
        count = len(block.stages)
        palette = stage_palette(c.secondary, c.primary, c.text, count)
        for number, (fill, ink) in enumerate(palette, start=1):
            field = "secondary" if number <= count / 2 else "primary"
            what = f"continuum stage {number} of {count}: {ink} on its fill {fill}"
            pairs.append(_Pair(field, ink, fill, BODY, what))
    return pairs


def _template_findings(workshop: Workshop, document: Document) -> Iterator[Finding]:
    """The theme's text and titles on what the template paints behind kit's boxes, on each
    layout kit uses: where they fall short, kit sets them in another colour, named (a
    warning), or no colour reaches AA there (an error)."""
    template = workshop.theme.template
    if template is None:
        return
    from kit.layout.templatelook import read_look, readable_ink  # reads the .pptx: lazily

    look = read_look(template)
    colours = workshop.theme.colours
    inks = tuple(dict.fromkeys([colours.text, colours.primary, *look.inks()]))
    short: dict[tuple[str, str, tuple[str, ...], float], list[str]] = {}
    for role in ("title", "section", "content"):
        layout = look.layout(role)
        boxes = [("body text", colours.text, layout.body, BODY)]
        if layout.title is not None:
            boxes.append(("titles", colours.primary, layout.title, LARGE))
        for what, ink, box, needed in boxes:
            behind = layout.behind(box)
            if behind and _floored(min(contrast(ink, b) for b in behind)) < needed:
                short.setdefault((what, ink, behind, needed), []).append(f"'{layout.name}'")
    mark = document.locate(("theme", "template"))
    for (what, ink, behind, needed), names in short.items():
        ratio = _floored(min(contrast(ink, b) for b in behind))
        used = readable_ink(inks, behind, needed)
        met = min(contrast(used, b) for b in behind) >= needed
        fix = f"kit sets them in {used}" if met else f"no colour reaches it: {used} is nearest"
        message = (
            f"{what} on the template's {', '.join(names)} layout{'s' * (len(names) > 1)}: "
            f"{ink} on {', '.join(behind)} has contrast {ratio:.2f}:1; WCAG AA needs {needed:g}:1"
        )
        severity: Severity = "warning" if met else "error"  # a warning: kit copes
        yield Finding(document.file, mark.line, mark.column, CONTRAST_RULE, message, fix, severity)
