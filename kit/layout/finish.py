"""The deck's last pass, once every slide is drawn: footers, colours readable on a
template, the reading order, and the presenter's mark on every page of notes."""

from __future__ import annotations

from dataclasses import replace

from kit.layout.fonts import deck_name
from kit.layout.planner import FOOTER_BAND, MARGIN, Draft, Planner, join_notes
from kit.layout.slidelayout import Arrow, Box, DeckLayout, Element, Slide, layout_role
from kit.layout.templated import free_span, inks, readable
from kit.layout.templatelook import GAP
from kit.layout.templatepaint import Rect
from kit.layout.textfit import ParaSpec, Text, fit_text, set_text
from kit.model import markup
from kit.model.colour import readable_on, softened

MARK_WIDTH = 160.0  # the footer's "PRESENTER COPY", in every language kit has


def finished(p: Planner) -> DeckLayout:
    """The deck ``p`` drew, each slide with its footer, in reading order."""
    slides = []
    for number, draft in enumerate(p.drafts, start=1):
        elements = [*draft.elements, *footer(p, number, draft)]
        background = draft.background
        if p.look is not None:
            template = p.look.layout(layout_role(draft.kind))
            elements = readable(elements, template, inks(p.colours, p.look))
            background = template.background()
        slides.append(
            Slide(
                title=markup.plain(draft.title),
                kind=draft.kind,
                elements=reading_order(elements),
                notes=draft.notes,
                background=background,
                for_participants=draft.for_participants,
                section=draft.section,
                block=draft.block,
            )
        )
    workshop = p.workshop
    width, height = (p.width, p.height) if p.look is None else p.look.size
    return DeckLayout(
        width=width,
        height=height,
        slides=_marked(p, slides),
        heading_font=deck_name(workshop.theme.fonts.heading),
        body_font=deck_name(workshop.theme.fonts.body),
        title=markup.plain(workshop.title),
        author=workshop.organisation,
        subject=markup.plain(workshop.subtitle) or markup.plain(workshop.title),
        language=workshop.language,
        category=p.words("workshop"),
        template=workshop.theme.template,
        section_titles=tuple(markup.plain(s.title) for s in workshop.sections),
        warnings=tuple(p.warnings),
        pictures=dict(p.pictures),
        look=p.look,
    )


def _marked(p: Planner, slides: list[Slide]) -> tuple[Slide, ...]:
    """Notes hold what only facilitators may read: each notes page says whose copy it
    is, as each slide's footer does, in the notes pane and on printed notes pages."""
    mark = p.words("presenter_copy")
    return tuple(replace(s, notes=join_notes(mark, s.notes)) if s.notes else s for s in slides)


def footer(p: Planner, number: int, draft: Draft) -> list[Element]:
    """Who the copy is for (the presenter's: it holds notes and responses), the
    organisation and title (those a title slide does not say itself), and the slide number
    (unless the template numbers its slides itself: not twice)."""
    background = draft.background
    left_edge, top, right_edge = MARGIN, p.height - FOOTER_BAND + 8, p.width - MARGIN
    numbered = False
    fields: tuple[Rect, ...] = ()
    if p.look is not None:  # in the template's footer row, clear of its pictures
        template = p.look.layout(layout_role(draft.kind))
        row, numbered, fields = template.footer, template.numbered, template.fields
        (left_edge, right_edge), top = free_span(row, template), row.y
        behind = template.behind(row)  # the readable pass checks every colour of it
        background = behind[len(behind) // 2] if behind else background
    # Softened on kit's own plain background, with slack (4.5:1 had none); full strength on
    # a template's, whose pictures vary around the colours sampled from them.
    ink = readable_on(background)
    ink = softened(ink, background, 0.25, ratio=7.0) if p.look is None else ink
    mark_spec = ParaSpec(p.words("presenter_copy"), bold=True, color=ink)
    mark = fit_text([mark_spec], MARK_WIDTH, 20, 11, 9) or set_text([mark_spec], MARK_WIDTH, 9)
    parts = _unsaid(p, draft)
    label = " · ".join(parts)
    number_width = 0.0 if numbered else 60.0
    left_x = left_edge + MARK_WIDTH + 12
    left_w = right_edge - number_width - left_x
    # On a template, one line (two of 8 pt cannot be read), the organisation alone if it must.
    high = 20.0 if p.look is None else 14.0
    if p.look is None:
        left = fit_text([ParaSpec(label, color=ink)], left_w, high, 11, 8)
        left = left or set_text([ParaSpec(label, color=ink)], left_w, 8)
    else:
        left = _label(parts, ink, left_w, high)
    places = [
        (left_edge, top, MARK_WIDTH, 20.0),
        (left_x, top, left_w, 20.0),
        (right_edge - number_width, top, number_width, 20.0),
    ]
    if fields:  # the template's own date, footer and number boxes, in that order
        places = [(f.x + GAP, f.y, f.w - 2 * GAP, f.h) for f in fields]
        mark = fit_text([mark_spec], places[0][2], 20, 11, 8) or mark
        left = _label(parts, ink, places[1][2], high)
    boxes: list[Element] = [Box(*places[0], text=mark, role="mark", name="Presenter copy")]
    if parts:
        boxes.append(Box(*places[1], text=left, role="footer", name="Footer"))
    if not numbered:
        right = set_text([ParaSpec(str(number), color=ink, align="right")], places[2][2], 11)
        boxes.append(Box(*places[2], text=right, role="number", name="Slide number"))
    return boxes


def _unsaid(p: Planner, draft: Draft) -> list[str]:
    """The organisation and the workshop's title, for the footer; on a title slide, those
    it does not say already (said once, not again under it)."""
    parts = [p.workshop.organisation, markup.plain(p.workshop.title)]
    if draft.kind != "title":
        return parts
    said = _squeezed(
        " ".join(e.text.plain for e in draft.elements if isinstance(e, Box) and e.text)
    )
    return [part for part in parts if _squeezed(part) not in said]


def _squeezed(text: str) -> str:
    """``text`` with its spaces (no-break ones and line breaks too) as single spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _label(parts: list[str], ink: str, width: float, high: float) -> Text:
    """``parts`` (the organisation and the workshop's title) on one line ``width`` wide,
    else the first alone, else all at the smallest size."""
    label = " · ".join(parts)
    for text in (label, *parts[:1]):
        fitted = fit_text([ParaSpec(text, color=ink)], width, high, 11, 8)
        if fitted is not None:
            return fitted
    return set_text([ParaSpec(label, color=ink)], width, 8)


def reading_order(elements: list[Element]) -> tuple[Element, ...]:
    """The title first, then every other element top to bottom, left to right.

    Screen readers follow the order shapes are drawn in, so the order is the reading order
    as well as the stacking order (no two shapes of a slide overlap).
    """

    def top_left(element: Element) -> tuple[float, float]:
        if isinstance(element, Arrow):
            return min(element.y1, element.y2), min(element.x1, element.x2)
        return element.y, element.x

    def is_title(element: Element) -> bool:
        return isinstance(element, Box) and element.role == "title"

    titles = [e for e in elements if is_title(e)]
    return (*titles, *sorted((e for e in elements if not is_title(e)), key=top_left))
