"""The slides that frame the deck: the title slide, the agenda, each section's divider."""

from __future__ import annotations

from kit.layout.planner import (
    BODY_TOP,
    FOOTER_BAND,
    MARGIN,
    BlockContext,
    Draft,
    Planner,
    fitted,
    join_notes,
)
from kit.layout.slidelayout import Box, Element, QrCode
from kit.layout.tables import TwoColumns, table_slides
from kit.layout.templatelook import LayoutRole, Rect
from kit.layout.textfit import ParaSpec, fit_text, set_text
from kit.model.colour import mix, readable_on
from kit.model.schedule import item_title, timetable, total_minutes


def title_slide(p: Planner, title: str, subtitle: str, notes: str) -> None:
    """An opening or closing slide on the primary colour: title, subtitle, who, when, where."""
    title = p.unique(title)
    background = p.colours.primary
    ink = readable_on(background)
    w = p.content_width
    meta = " · ".join(
        part
        for part in (
            p.workshop.organisation,
            p.words.date(p.workshop.date) if p.workshop.date else "",
            p.workshop.venue,
        )
        if part and part not in subtitle
    )
    title_text = fit_text([ParaSpec(title, bold=True, color=ink)], w, 150, 48, 28, anchor="bottom")
    title_text = title_text or set_text(
        [ParaSpec(title, bold=True, color=ink)], w, 28, anchor="bottom"
    )
    specs = [ParaSpec(subtitle, color=ink)] if subtitle else []
    specs.append(ParaSpec(meta, color=mix(ink, background, 0.2), scale=0.8))
    lower = fit_text(specs, w, 150, 26, 16) or set_text(specs, w, 16)
    band = Box(
        0,
        p.height * 0.62,
        p.width,
        6,
        fill=p.colours.accent,
        role="decoration",
        name="Accent band",
    )
    elements: list[Element] = [
        Box(MARGIN, 120, w, 150, text=title_text, role="title", name="Title"),
        band,
        Box(MARGIN, p.height * 0.62 + 24, w, 150, text=lower, name="Subtitle"),
    ]
    if p.look is not None:
        head = [ParaSpec(title, bold=True, color=ink)]
        elements = _on_layout(p, "title", head, specs, (48, 28), (26, 14))
    p.drafts.append(Draft(title, "title", elements, notes, background))


def agenda_slide(p: Planner) -> None:
    """The sections with their clock times, as a table."""
    rows = [
        (p.words.span(item.start, item.end), item_title(item, p.words))
        for item in timetable(p.workshop)
    ]
    total = total_minutes(p.workshop)
    start = p.words.time(p.workshop.start_time)
    notes = p.words("runs_for", minutes=p.words("minutes", count=total), start=start)
    time_width = 150.0
    table_slides(
        p,
        p.words("agenda"),
        "agenda",
        TwoColumns(
            (p.words("time"), p.words("section")),
            rows,
            (time_width, p.content_width - time_width),
        ),
        notes,
        ("sections",),  # the agenda lists the sections
    )


def divider(p: Planner, ctx: BlockContext) -> None:
    """A section's opening slide: its number, title, timing and objectives."""
    section, slot = ctx.section, ctx.slot
    background = p.colours.secondary
    ink = readable_on(background)
    w = p.content_width
    # The section number opens the title, so the divider's title differs from its next
    # slide's and is read before it, as it is seen.
    head = [
        ParaSpec(p.section_number(ctx), color=ink, scale=0.5),
        ParaSpec(section.title, bold=True, color=ink),
    ]
    head_text = fit_text(head, w, 150, 44, 26, anchor="bottom") or set_text(head, w, 26)
    span = p.words.span(slot.start, slot.end)
    timing = f"{p.words('minutes', count=section.duration)} · {span}"
    specs = [ParaSpec(timing, color=ink, bold=True)]
    specs += [ParaSpec(o, bullet="•", color=ink) for o in section.objectives]
    lower_h = p.height - 250 - FOOTER_BAND
    lower = fit_text(specs, w, lower_h, 24, 16) or set_text(specs, w, 16)
    elements: list[Element] = [
        Box(MARGIN, 70, w, 150, text=head_text, role="title", name="Title"),
        Box(MARGIN, 232, 72, 4, fill=p.colours.accent, role="decoration", name="Accent rule"),
        Box(MARGIN, 250, w, lower_h, text=lower, name="Timing and objectives"),
    ]
    if p.look is not None:
        elements = _on_layout(p, "section", head, specs, (44, 26), (24, 14))
    notes = join_notes(
        f"{p.words.colon(p.section_number(ctx))} {section.title} ({timing}).",
        f"{p.words.colon(p.words('objectives'))} " + "; ".join(section.objectives)
        if section.objectives
        else "",
    )
    title = p.unique(f"{p.section_number(ctx)}\n{section.title}")
    p.drafts.append(Draft(title, "divider", elements, notes, background))


def _on_layout(
    p: Planner,
    role: LayoutRole,
    head: list[ParaSpec],
    lower: list[ParaSpec],
    head_sizes: tuple[float, float],
    lower_sizes: tuple[float, float],
) -> list[Element]:
    """A title slide's or divider's text in the template layout's title and body boxes
    (the template draws the rest; the readable pass colours the text for what is behind)."""
    assert p.look is not None
    layout = p.look.layout(role)
    body = layout.body
    title = layout.title or Rect(body.x, body.y, body.w, body.h / 2)
    if layout.title is None or title.meets(body):  # one box for both: title in its upper half
        body = Rect(title.x, title.y + title.h / 2, title.w, body.bottom - title.y - title.h / 2)
        title = Rect(title.x, title.y, title.w, title.h / 2)
    head_text = fit_text(head, title.w, title.h, *head_sizes, anchor="bottom") or set_text(
        head, title.w, head_sizes[1], anchor="bottom"
    )
    lower_text = fit_text(lower, body.w, body.h, *lower_sizes) or set_text(
        lower, body.w, lower_sizes[1]
    )
    return [
        Box(title.x, title.y, title.w, title.h, text=head_text, role="title", name="Title"),
        Box(body.x, body.y, body.w, body.h, text=lower_text, name="Subtitle"),
    ]


def closing_slide(p: Planner) -> None:
    """The closing slide: a QR code and address for the online evaluation and for the web
    edition, whichever the workshop has, side by side."""
    workshop, w = p.workshop, p.words
    codes = []
    notes = []
    if workshop.feedback_url:
        codes.append((w("evaluation"), workshop.feedback_url))
        notes.append(w("feedback_notes", url=workshop.feedback_url))
    if workshop.web is not None:
        codes.append((w("web_edition"), workshop.web.url))
        notes.append(w("web_notes", url=workshop.web.url))
    if not codes:
        return
    title = w("feedback_title") if workshop.feedback_url else w("take_it_home")
    column = p.content_width / len(codes)
    # One code needs no caption: the title says what it is for.
    caption = 28.0 if len(codes) > 1 else 0.0
    size = min(p.height - BODY_TOP - FOOTER_BAND - 60 - caption, column - 24, 320.0)
    body: list[Element] = []
    for index, (label, url) in enumerate(codes):
        left = MARGIN + index * column
        if caption:
            text = fitted([p.spec(label, bold=True, align="center")], column, caption, 20, 12)
            body.append(Box(left, BODY_TOP, column, caption, text=text, name="Caption"))
        top = BODY_TOP + caption
        body += _qr(p, url, left + (column - size) / 2, top, size, f"QR code: {label}")
        address = fitted([p.spec(url, align="center")], column, 40, 20, 10)
        body.append(Box(left, top + size + 8, column, 40, text=address, name="Address"))
    p.add(title, "closing", body, join_notes(*notes))


def _qr(p: Planner, url: str, x: float, y: float, size: float, name: str) -> list[Element]:
    """A QR code of ``url`` filling a white square ``size`` wide, quiet zone included."""
    from kit.layout.qr import qr_modules

    modules = qr_modules(url)
    quiet = 4 / (len(modules) + 8)  # of the whole square: four modules each side
    inner = size * (1 - 2 * quiet)
    return [
        Box(x, y, size, size, fill="#FFFFFF", role="decoration", name="Quiet zone"),
        QrCode(x + size * quiet, y + size * quiet, inner, modules, url, name),
    ]
