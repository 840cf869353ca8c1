"""A handout's whole document: its running header and footer around a story, laid out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from handouts.story import Look
from kit.layout.fonts import face_name
from kit.model import Workshop, markup
from kit.outputs import OutputKind
from kit.pdf import FURNITURE_SIZE, lay_pdf, meta_for
from kit.pdf.document import Layout
from kit.pdf.draw import clip, running_header

LARGE_FURNITURE = 14.0  # large print's running header, footer and page numbers


def footer_text(workshop: Workshop, what: str, *, large: bool = False) -> str:
    """The running footer: which document, by whom, under which licence.

    The workshop's title is in the running header already; in large print, so is the
    organisation on the first page, and the footer has room for no more.
    """
    parts = (what, workshop.licence) if large else (what, workshop.organisation, workshop.licence)
    return " · ".join(part for part in parts if part)


def write_document(
    path: Path, story: Sequence[Flowable], look: Look, what: str, kind: OutputKind
) -> int:
    """Write ``story`` into ``path`` as ``lay_document`` lays it out; returns the page count."""
    return lay_document(path, story, look, what, kind).write()


def lay_document(
    path: Path, story: Sequence[Flowable], look: Look, what: str, kind: OutputKind
) -> Layout:
    """``story`` laid out for ``path`` with the running header and footer, not yet written.

    A facilitator's ``kind`` marks every page, in a black header band, as their copy.
    """
    facilitator = kind.facilitator
    label = look.words("facilitator_copy") if facilitator else what
    size = LARGE_FURNITURE if look.large else FURNITURE_SIZE
    if look.large and not facilitator:
        label = ""  # the footer names the document: the title gets the header's width
    page_label = look.words("page_of", page=99, total=99)
    room = look.width - stringWidth(page_label, face_name(), size) - size
    footer = clip(footer_text(look.workshop, what, large=look.large), face_name(), size, room)
    title, theme = markup.plain(look.workshop.title), look.theme
    header = running_header(title, label, theme, look.brand, facilitator=facilitator, size=size)
    return lay_pdf(
        path,
        story,
        paper=look.paper,
        turned=look.turned,
        meta=meta_for(look.workshop, what),
        footer=footer,
        theme=theme,
        page_label=lambda page, total: look.words("page_of", page=page, total=total),
        on_page=header,
        furniture=size,
        margin=look.margin,
        top_margin=look.top,
    )
