"""What every PDF renderer shares: fonts, paper, styles, page furniture and metadata.

Imported only by the PDF renderers (``handouts``, ``exercises``), so building the deck
alone never loads reportlab. PDFs are built in reportlab's invariant mode, which fixes
the creation date and document ID, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from kit.layout.fonts import current, face_name
from kit.layout.wrapping import SPACE
from kit.model import Theme, Workshop, markup
from kit.pdf.document import Document, Layout, lay_out
from kit.pdf.flow import Together, flowing
from kit.pdf.tagging import TaggedParagraph, Tagger, write_structure
from kit.words.langtag import language_tag
from kit.words.typography import tied

PAPER = {"a4": A4, "letter": LETTER}
MARGIN = 18 * mm  # home and office printers clip up to about 6 mm; 12 mm is the floor
FOOTER_GAP = 5 * mm  # the footer's baseline stays 13 mm from the paper's edge
FURNITURE_SIZE = 8.5  # the running footer and page numbers, in points


def register_fonts() -> str:
    """Register the family in use (``kit.layout.fonts``) once; returns the regular face's name.

    The family is registered under the regular face's name, so ``<b>`` and ``<i>`` in a
    paragraph switch to the right face whichever face the style starts from.
    """
    regular = face_name()
    if regular not in pdfmetrics.getRegisteredFontNames():
        family = current()
        for bold in (False, True):
            for italic in (False, True):
                pdfmetrics.registerFont(
                    TTFont(face_name(bold, italic), str(family.file(bold, italic)))
                )
        pdfmetrics.registerFontFamily(
            regular,
            normal=regular,
            bold=face_name(bold=True),
            italic=face_name(italic=True),
            boldItalic=face_name(bold=True, italic=True),
        )
    return regular


def colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def paper_size(paper: str, *, turned: bool = False) -> tuple[float, float]:
    size = PAPER[paper]
    return landscape(size) if turned else size


@dataclass(frozen=True)
class Styles:
    """Paragraph styles for printed material, scaled from one body size."""

    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle


def styles(theme: Theme, body_size: float = 11, spacing: float = 1.0) -> Styles:
    """Styles in the theme's colours; ``body_size`` 16 or more gives large print.

    ``spacing`` scales the space around paragraphs (below 1 to fit more on a page).
    """
    register_fonts()
    text = colour(theme.colours.text)
    heading = colour(theme.colours.primary)
    bold = face_name(bold=True)

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", face_name())
        kw.setdefault("textColor", text)
        # reportlab's bullets default to 10 pt Helvetica, which is neither sized nor embedded.
        kw.setdefault("bulletFontName", face_name())
        kw.setdefault("bulletFontSize", size)
        for space in ("spaceBefore", "spaceAfter"):
            kw[space] = kw.get(space, 0) * spacing
        # No line of a paragraph alone at the top or the foot of a page.
        return ParagraphStyle(
            name, fontSize=size, leading=size * 1.3, allowWidows=0, allowOrphans=0, **kw
        )

    s = body_size
    keep = {"keepWithNext": 1}  # a heading never ends a page
    return Styles(
        body=style("body", s, spaceAfter=s * 0.5),
        small=style("small", s * 0.8, textColor=colour(theme.colours.muted)),
        title=style("title", s * 2.2, fontName=bold, textColor=heading, spaceAfter=s * 0.6, **keep),
        h1=style(
            "h1",
            s * 1.6,
            fontName=bold,
            textColor=heading,
            spaceBefore=s,
            spaceAfter=s * 0.5,
            **keep,
        ),
        h2=style(
            "h2",
            s * 1.3,
            fontName=bold,
            textColor=heading,
            spaceBefore=s * 0.8,
            spaceAfter=s * 0.4,
            **keep,
        ),
        h3=style("h3", s * 1.1, fontName=bold, spaceBefore=s * 0.5, spaceAfter=s * 0.3, **keep),
        bullet=style("bullet", s, leftIndent=s * 1.4, bulletIndent=s * 0.4, spaceAfter=s * 0.3),
        quote=style(
            "quote",
            s * 1.1,
            fontName=face_name(italic=True),
            leftIndent=s * 1.5,
            rightIndent=s * 1.5,
            spaceAfter=s * 0.4,
        ),
    )


def table_style(commands: list[tuple], size: float = 10) -> TableStyle:
    """``commands`` with every cell's own font set to the shipped family.

    reportlab picks a font for each cell even when it holds only paragraphs; left at its
    default, that puts an unembedded Helvetica into the PDF.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), face_name(), size), *commands])


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph from user text: escaped, with only ``**``/``*`` emphasis as markup.

    Tagged as a heading, list item or paragraph by its style (see ``kit.pdf.tagging``);
    its last two words held together (``tied``), so it never ends on a word alone.
    """
    return TaggedParagraph(markup.to_reportlab(tied(text)), style, bulletText=bullet)


def unbreakable(text: str) -> list[str]:
    """What ``para`` never breaks inside: ``text``'s words, those it holds together as one
    (reportlab splits one wider than its line anywhere, so a box must hold the widest)."""
    return [word for word in SPACE.split(markup.plain(tied(text))) if word]


@dataclass(frozen=True)
class PdfMeta:
    title: str
    author: str
    subject: str
    language: str


def meta_for(workshop: Workshop, what: str) -> PdfMeta:
    """Metadata for one of a workshop's documents, e.g. ``what="Participant handout"``."""
    return PdfMeta(
        title=f"{markup.plain(workshop.title)}: {what}",
        author=workshop.organisation,
        subject=what,
        language=workshop.language,
    )


def _footer_painter(
    footer: str, page_label: Callable[[int, int], str], theme: Theme, margin: float, size: float
) -> Callable[[Canvas, int, int], None]:
    def paint(canvas: Canvas, page: int, total: int) -> None:
        width, _ = canvas._pagesize
        canvas.addLiteral("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
        canvas.saveState()
        canvas.setFont(face_name(), size)
        canvas.setFillColor(colour(theme.colours.muted))
        y = margin - FOOTER_GAP
        canvas.drawString(margin, y, footer)
        canvas.drawRightString(width - margin, y, page_label(page, total))
        canvas.restoreState()
        canvas.addLiteral("EMC")

    return paint


def _numbered_canvas(paint: Callable[[Canvas, int, int], None], meta: PdfMeta) -> type[Canvas]:
    """A tagged canvas that holds pages back until the end, so each can say "Page 3 of 8".

    The outline is made as the held pages are shown, each heading's bookmark on its page.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self.tagger = Tagger()
            self.tagger.start_page(self)

        def showPage(self) -> None:
            self.tagger.end_page(self)
            self._held.append(dict(self.__dict__))
            self._startPage()
            self.tagger.start_page(self)

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                paint(self, number, total)
                self.tagger.bookmark(self, number - 1)
                Canvas.showPage(self)
            write_structure(self, self.tagger, meta.title, language_tag(meta.language))
            Canvas.save(self)

    return NumberedCanvas


def build_pdf(path: Path, story: Sequence[Flowable], *, even: bool = False, **how: Any) -> int:
    """Write ``story`` into ``path`` laid out as ``lay_pdf`` says; returns the page count.
    With ``even``, a nearly empty last page is evened out with the page before
    (``kit.pdf.document``)."""
    layout = lay_pdf(path, story, **how)
    return (layout.evened() if even else layout).write()


def lay_pdf(
    path: Path,
    story: Sequence[Flowable],
    *,
    paper: str,
    meta: PdfMeta,
    footer: str,
    theme: Theme,
    turned: bool = False,
    margin: float = MARGIN,
    top_margin: float | None = None,
    page_label: Callable[[int, int], str] = lambda page, total: f"Page {page} of {total}",
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    furniture: float = FURNITURE_SIZE,
) -> Layout:
    """``story`` laid out for ``path`` on ``paper``, not yet written, with a running footer in
    ``furniture`` points, and room for a header's logo in ``top_margin`` (if not ``margin``).
    The story flows as ``kit.pdf.flow`` says."""
    register_fonts()
    width, height = paper_size(paper, turned=turned)
    top = top_margin or margin
    doc = Document(
        str(path),
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top,
        bottomMargin=margin,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="kit",
        producer="kit",
        lang=meta.language,
        invariant=1,
        initialFontName=face_name(),
        keepTogetherClass=Together,
    )
    inner = (width - 2 * margin, height - margin - top)
    padding = {f"{side}Padding": 0 for side in ("left", "right", "top", "bottom")}
    frame = Frame(margin, margin, *inner, id="body", **padding)
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=on_page or (lambda canvas, doc: None))]
    )
    paint = _footer_painter(footer, page_label, theme, margin, furniture)
    return lay_out(path, doc, flowing(story), _numbered_canvas(paint, meta))
