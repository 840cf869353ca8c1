"""The slides that frame the deck: the title slide, each section's divider, the closing."""

from __future__ import annotations

from dataclasses import replace

from kit.layout.address import address_text
from kit.layout.breaks import faulty, phrased, rebroken
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
from kit.layout.scale import CAPTION, ROLES
from kit.layout.slidelayout import Box, Element, QrCode
from kit.layout.templatelook import GAP, LayoutRole, Rect
from kit.layout.textfit import PARA_SPACING, ParaSpec, Text, fit_text, set_text, size_steps
from kit.model.colour import readable_on
from kit.model.places import Place
from kit.model.schedule import timetable


def title_slide(p: Planner, title: str, subtitle: str, notes: str, place: Place) -> None:
    """A title slide on the primary colour: the title and its subtitle above an accent band,
    then who presents, when and where, and the organisation under it.

    The deck's opening slide (the first one drawn) carries the workshop's own subtitle
    too. A detail the title or subtitle already says is left out, so nothing is said twice.
    ``place``: the title block's, for a warning.
    """
    title = p.unique(title)
    background = p.colours.primary
    ink = readable_on(background)
    subtitles = [subtitle] if subtitle else []
    if not p.drafts and p.workshop.subtitle and p.workshop.subtitle not in subtitle:
        subtitles.insert(0, p.workshop.subtitle)
    said = " ".join([title, *subtitles])
    details = [part for part in _who_when_where(p) if part and part not in said]
    head = [ParaSpec(title, bold=True, color=ink)]
    sub_specs = [ParaSpec(_joined(line), color=ink) for line in subtitles]
    presenters = ", ".join(p.workshop.presenters)
    detail_specs = [ParaSpec(_joined(line), color=ink, bold=line == presenters) for line in details]
    if p.look is not None:
        lower = sub_specs + detail_specs
        elements, dropped = _on_layout(p, "title", head, lower, (48, 28), (26, 14), place)
        notes = join_notes(notes, *dropped)
    else:
        elements = _title_elements(p, head, sub_specs, detail_specs)
    p.drafts.append(Draft(title, "title", elements, notes, background))


def _title_elements(
    p: Planner, head: list[ParaSpec], subtitles: list[ParaSpec], details: list[ParaSpec]
) -> list[Element]:
    """The title slide without a template: the title and subtitles stacked up from the
    accent band, the details under it; each line of text balanced in its own box."""
    w = p.content_width
    band_y = float(round(p.height * 0.58))
    elements: list[Element] = [
        Box(0, band_y, p.width, 6, fill=p.colours.accent, role="decoration", name="Accent band")
    ]
    size = fitted(subtitles, w, 110, 28, 18).base
    lines = _stacked(subtitles, size, w, "Subtitle", p.short)
    rise = band_y - 18 - (lines[-1].y + lines[-1].h if lines else 0.0)
    elements += [replace(line, y=line.y + rise) for line in lines]
    title_h = rise - (12 if lines else 0) - 40
    head_text = fit_text(head, w, title_h, 48, 28, anchor="bottom")
    head_text, head_w = _balanced(head, head_text or set_text(head, w, 28, anchor="bottom"), w)
    head_box = Box(MARGIN, 40, head_w, title_h, text=head_text, role="title", name="Title")
    elements.append(phrased(head_box, p.short, w))
    top = band_y + 6 + 20
    size = fitted(details, w, p.height - FOOTER_BAND - 8 - top, 22, 16).base
    lines = _stacked(details, size, w, "Presenters, date and venue", p.short)
    return elements + [replace(line, y=line.y + top) for line in lines]


def _stacked(
    specs: list[ParaSpec], size: float, width: float, name: str, short: frozenset[str]
) -> list[Box]:
    """Each paragraph at ``size`` in a box of its own, balanced and its lines parted where a
    designer would, one under the other from 0 down, as far apart as paragraphs of one box."""
    boxes, top = [], 0.0
    for spec in specs:
        text, text_w = _balanced([spec], set_text([spec], width, size), width)
        box = Box(MARGIN, top, text_w, text.height, text=text, name=name)
        boxes.append(phrased(box, short, width))  # its lines may part wider than balanced
        top += text.height + PARA_SPACING * size
    return boxes


def _balanced(specs: list[ParaSpec], text: Text, width: float) -> tuple[Text, float]:
    """``text`` (``specs`` set ``width`` wide) reset in the narrowest width, down to half,
    that breaks each paragraph into as many lines: lines of even length, so no word is
    left alone on the last. Returns the text and its width."""
    counts = [len(para.lines) for para in text.paragraphs]
    if max(counts, default=0) < 2:
        return text, width
    low, high = width / 2, width
    for _ in range(10):  # to a few points
        middle = (low + high) / 2
        trial = set_text(specs, middle, text.base, text.anchor)
        if [len(para.lines) for para in trial.paragraphs] == counts and trial.whole_words:
            high = middle
        else:
            low = middle
    return set_text(specs, high, text.base, text.anchor), high


def _parted(text: Text, text_w: float, room: float, short: frozenset[str]) -> tuple[Text, float]:
    """A divider's title (``text``, its last paragraph under the section's number) parted as
    a designer parts it, by line breaks in a box ``room`` wide; as it was when its wrap is."""
    parted = rebroken(text, len(text.paragraphs) - 1, room, short)
    return (text, text_w) if parted is text else (parted, room)


def _joined(text: str) -> str:
    """``text`` whose middle dots never start a line: each held to the word before it."""
    return text.replace(" · ", "\u00a0· ")


def _who_when_where(p: Planner) -> list[str]:
    """The title slide's details, one line each: the presenters, the date with the session's
    clock times, the venue and the organisation (empty where the workshop does not say)."""
    workshop, words = p.workshop, p.words
    items = timetable(workshop)
    hours = words.span(items[0].start, items[-1].end)
    when = f"{words.date(workshop.date)} · {hours}" if workshop.date else hours
    return [", ".join(workshop.presenters), when, workshop.venue, workshop.organisation]


def divider(p: Planner, ctx: BlockContext) -> None:
    """A section's opening slide: its number, title, timing and objectives."""
    section = ctx.section
    background = p.colours.secondary
    ink = readable_on(background)
    w = p.content_width
    # The section number opens the title, read before it as it is seen.
    head = [
        ParaSpec(p.section_number(ctx), color=ink, scale=0.5),
        ParaSpec(section.title, bold=True, color=ink),
    ]
    head_text = fit_text(head, w, 150, 44, 26, anchor="bottom")
    head_text, head_w = _balanced(head, head_text or set_text(head, w, 26, anchor="bottom"), w)
    head_text, head_w = _parted(head_text, head_w, w, p.short)
    timing = f"{p.words('minutes', count=section.duration)} · {_span(p, ctx)}"
    specs = [ParaSpec(timing, color=ink, bold=True)]
    specs += [ParaSpec(o, bullet="•", color=ink) for o in section.objectives]
    lower_h = p.height - 250 - FOOTER_BAND
    size = fitted(specs, w, lower_h, 24, 16).base
    lines = _stacked(specs, size, w, "Timing and objectives", p.short)
    elements: list[Element] = [
        Box(MARGIN, 70, head_w, 150, text=head_text, role="title", name="Title"),
        Box(MARGIN, 232, 72, 4, fill=p.colours.accent, role="decoration", name="Accent rule"),
        *(replace(line, y=line.y + 250) for line in lines),
    ]
    if p.look is not None:
        elements, _ = _on_layout(p, "section", head, specs, (44, 26), (24, 14), ctx.place)
    title = p.unique(f"{p.section_number(ctx)}\n{section.title}")
    p.drafts.append(Draft(title, "divider", elements, divider_notes(p, ctx), background))


def divider_notes(p: Planner, ctx: BlockContext) -> str:
    """What a section's divider tells the presenter: its number, timing and objectives."""
    section = ctx.section
    timing = f"{p.words('minutes', count=section.duration)} · {_span(p, ctx)}"
    return join_notes(
        f"{p.words.colon(p.section_number(ctx))} {section.title} ({timing}).",
        f"{p.words.colon(p.words('objectives'))} " + "; ".join(section.objectives)
        if section.objectives
        else "",
    )


def _span(p: Planner, ctx: BlockContext) -> str:
    return p.words.span(ctx.slot.start, ctx.slot.end)


def _on_layout(
    p: Planner,
    role: LayoutRole,
    head: list[ParaSpec],
    lower: list[ParaSpec],
    head_sizes: tuple[float, float],
    lower_sizes: tuple[float, float],
    place: Place,
) -> tuple[list[Element], list[str]]:
    """A title slide's or divider's text in the template layout's title and body boxes
    (the template draws the rest; the readable pass colours the text for what is behind).
    Lines the body box cannot hold even at the smallest size are left out, with a warning
    located at ``place``, and returned for the notes (a divider's notes say them already)."""
    assert p.look is not None
    layout = p.look.layout(role)
    body = layout.body
    title = layout.title or Rect(body.x, body.y, body.w, body.h / 2)
    if layout.title is None or title.meets(body):  # one box for both: title in its upper half
        body = Rect(title.x, title.y + title.h / 2, title.w, body.bottom - title.y - title.h / 2)
        title = Rect(title.x, title.y, title.w, title.h / 2)
    head_text = fit_text(head, title.w, title.h, *head_sizes, anchor="bottom")
    if head_text is None and len(head) > 1:  # a small title box: its kicker opens the body
        kickers = [replace(spec, scale=1.0) for spec in head[:-1]]
        head, lower = head[-1:], [*kickers, *lower]
        head_text = fit_text(head, title.w, title.h, *head_sizes, anchor="bottom")
    # A title box too small for the title at its size: smaller, down to a term's floor (a
    # heading still, above the body's floor), before it grows out of its box.
    least = ROLES["term"][1]
    head_text = head_text or fit_text(head, title.w, title.h, head_sizes[1], least, "bottom")
    head_text = head_text or set_text(head, title.w, least, anchor="bottom")
    head_text = _phrasable(head, head_text, title.w, head_sizes[1], p.short)
    title, body = _taller(title, head_text.height, body)
    lower_text = fit_text(lower, body.w, body.h, *lower_sizes)
    kept = len(lower)
    while lower_text is None and kept > 1:  # the last details go (the notes keep them)
        kept -= 1
        lower_text = fit_text(lower[:kept], body.w, body.h, *lower_sizes)
    dropped = [spec.text.replace("\u00a0", " ") for spec in lower[kept:]]
    if dropped:
        said = "; ".join(dropped)
        p.warn(place, f"the template's {role} slide has no room for: {said} (in its notes)")
        lower = lower[:kept]
    lower_text = lower_text or set_text(lower, body.w, lower_sizes[1])
    lower_text = _phrasable(lower, lower_text, body.w, lower_sizes[1], p.short)
    head_text, head_w = _balanced(head, head_text, title.w)
    if len(head_text.paragraphs) > 1:
        head_text, head_w = _parted(head_text, head_w, title.w, p.short)
    # each line in a box of its own, so each is balanced (one box narrows to its widest)
    lines = _stacked(lower, lower_text.base, body.w, "Subtitle", p.short)
    return [
        phrased(
            Box(title.x, title.y, head_w, title.h, text=head_text, role="title", name="Title"),
            p.short,
            title.w,
        ),
        *(replace(line, x=body.x, y=line.y + body.y) for line in lines),
    ], dropped


def _phrasable(
    specs: list[ParaSpec], text: Text, width: float, floor: float, short: frozenset[str]
) -> Text:
    """``text`` (``specs`` set ``width`` wide) one size step smaller at a time, down to
    ``floor``, where a paragraph has no parting free of a short word at a line's end (a
    layout's boxes are the template's: kit cannot widen them); as it was when none is."""
    for size in size_steps(text.base, floor):
        trial = set_text(specs, width, size, text.anchor)
        if not any(faulty(trial, index, width, short) for index in range(len(specs))):
            return trial
    return text


def _taller(box: Rect, height: float, below: Rect) -> tuple[Rect, Rect]:
    """``box`` made ``height`` tall when its text needs more, and ``below`` what that
    leaves it: down into the room above ``below`` first, then into ``below``'s top half,
    then up, never off the slide."""
    more = height - box.h
    if more <= 0 or below.y < box.bottom:
        return box, below
    down = min(more, below.y + below.h / 2 - GAP - box.bottom)
    up = min(more - down, max(box.y - GAP, 0.0))
    taken = max(box.bottom + down + GAP - below.y, 0.0)
    below = Rect(below.x, below.y + taken, below.w, below.h - taken)
    return Rect(box.x, box.y - up, box.w, box.h + down + up), below


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
    # each address at the floor or more, on as many lines as it needs: the codes give way;
    # both at the size the longer one takes
    specs = [p.spec(url, align="center") for _, url in codes]
    high = min(address_text(spec, column - 8, 20, CAPTION).size for spec in specs)
    addresses = [address_text(spec, column - 8, high, CAPTION) for spec in specs]
    below = max(text.height for text in addresses) + 4
    size = min(p.height - BODY_TOP - FOOTER_BAND - 20 - caption - below, column - 24, 320.0)
    body: list[Element] = []
    for index, ((label, url), address) in enumerate(zip(codes, addresses, strict=True)):
        left = MARGIN + index * column
        if caption:
            text = fitted([p.spec(label, bold=True, align="center")], column, caption, 20, CAPTION)
            body.append(Box(left, BODY_TOP, column, caption, text=text, name="Caption"))
        top = BODY_TOP + caption
        body += _qr(p, url, left + (column - size) / 2, top, size, f"QR code: {label}")
        body.append(Box(left, top + size + 8, column, below, text=address, name="Address"))
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
