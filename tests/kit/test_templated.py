"""Slides planned on a template: titles in its title box, content in its body area and off
its pictures, every text readable on what is behind it, the template's slide size.

Shown on the branded 4:3 fixture and on cycle-coop (a 4:3 workshop) built on a 16:9
LibreOffice template of the corpus; LibreOffice's reading of the printed decks is in
tests/reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.layout.deckplan import plan_deck
from kit.layout.slidelayout import Box, Cell, DeckLayout, Table, layout_role
from kit.layout.templated import readable
from kit.layout.templatelook import LayoutLook, Rect
from kit.layout.templatepaint import Paint
from kit.layout.textfit import ParaSpec, set_text
from kit.model.colour import contrast
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE
from ..corpus import Template, on_template

FOOTER_ROLES = ("footer", "mark", "number")


def _plan(folder: Path) -> tuple[DeckLayout, list[str]]:
    loaded = load(folder)
    deck = plan_deck(loaded.workshop)
    return deck, [str(warning) for warning in deck.warnings]


def _on(folder: Path, template: Template, tmp_path: Path) -> Path:
    """A copy of ``folder`` whose theme names ``template``."""
    return on_template(folder, template.path, tmp_path / folder.name)


@pytest.fixture(scope="module")
def vivid(template_corpus: list[Template]) -> Template:
    return next(t for t in template_corpus if t.name == "Vivid")


def _check_placed(deck: DeckLayout) -> None:
    """Titles in the layout's title box, content slides' bodies in its body area, every
    text readable on the colours behind it."""
    look = deck.look
    assert look is not None
    assert (deck.width, deck.height) == look.size
    for slide in deck.slides:
        layout = look.layout(layout_role(slide.kind))
        for element in slide.elements:
            if not isinstance(element, (Box, Table)):
                continue
            rect = Rect(element.x, element.y, element.w, element.h)
            role = element.role if isinstance(element, Box) else "body"
            if role == "title" and layout.title is not None:
                assert layout.title.holds(rect), slide.title
            elif role not in FOOTER_ROLES and slide.kind not in ("title", "divider"):
                assert layout.body.holds(rect), (slide.title, element)
            if isinstance(element, Box) and element.text is not None:
                behind = (element.fill,) if element.fill else layout.behind(rect)
                needed = 3.0 if role == "title" else 4.5
                for para in element.text.paragraphs:
                    worst = min(contrast(para.color, colour) for colour in behind)
                    assert worst >= needed, (slide.title, element.name, para.color, behind)


def test_the_branded_deck_keeps_to_its_template() -> None:
    deck, warnings = _plan(FIXTURES / "branded")
    _check_placed(deck)
    assert not [w for w in warnings if "slide_size" in w or "template's slides" in w]


def test_cycle_coop_on_a_16_9_template_takes_its_size_and_says_so(
    vivid: Template, tmp_path: Path
) -> None:
    folder = _on(FIXTURES / "cycle-coop", vivid, tmp_path)
    deck, warnings = _plan(folder)
    _check_placed(deck)
    assert (deck.width, deck.height) == (793.75, 446.5)
    assert any(
        'the template\'s slides are 16:9 (793.75 × 446.5 pt), not "4:3"' in w for w in warnings
    ), warnings


def test_content_stays_off_the_templates_decoration(vivid: Template, tmp_path: Path) -> None:
    """Vivid's first master (its title slide's) draws a patterned block across the slide's
    lower part; its last one only thin bands: content slides go on the master whose body
    keeps the most room clear, and no text kit draws on a content slide meets the
    template's pictures or shapes, the footer neither."""
    folder = _on(FIXTURES / "cycle-coop", vivid, tmp_path)
    deck, _ = _plan(folder)
    assert deck.look is not None
    layout = deck.look.layout("content")
    title = deck.look.layout("title")
    assert layout.index[0] != title.index[0]
    assert layout.body.h > title.body.h + 100, (layout.body, title.body)
    drawn = [paint.rect for paint in layout.paints if paint.kind != "background"]
    for slide in deck.slides:
        if layout_role(slide.kind) != "content":
            continue
        for element in slide.elements:
            if isinstance(element, Box) and element.text:  # the footer too
                rect = Rect(element.x, element.y, element.w, element.h)
                assert not any(o.meets(rect) for o in drawn), (slide.title, element)


def test_text_no_colour_reads_on_is_set_on_a_plate() -> None:
    """Black and white halves behind one box: no ink reads on both, so the box gets a plate
    of the slide's background colour and an ink that reads on it; a box on the white half
    alone keeps no fill and takes black."""
    slide = Rect(0, 0, 720, 540)
    halves = Paint(slide, ((("#000000",), ("#FFFFFF",)),), True, "background")
    layout = LayoutLook("content", "halves", (0, 0), None, slide, slide, (), (halves,))
    grey = [ParaSpec("Readable on both halves", color="#777777")]
    across = Box(60, 100, 600, 100, text=set_text(grey, 600, 18))
    right = Box(400, 300, 300, 100, text=set_text(grey, 300, 18))
    plated, alone = readable([across, right], layout, ("#777777", "#000000", "#FFFFFF"))
    assert isinstance(plated, Box) and plated.fill == "#FFFFFF" and plated.text is not None
    assert contrast(plated.text.paragraphs[0].color, plated.fill) >= 4.5
    assert isinstance(alone, Box) and alone.fill is None and alone.text is not None
    assert alone.text.paragraphs[0].color == "#000000"


def test_a_table_row_shares_the_plate_one_of_its_cells_needs() -> None:
    """A row whose right cell lies over black and white halves and whose left over white
    alone: the right cell needs a plate, and the left one, which black reads on, is set on
    the same, so the row reads as one; a tinted row keeps its own fill."""
    slide = Rect(0, 0, 720, 540)
    halves = Paint(
        slide, ((("#FFFFFF",), ("#FFFFFF",), ("#000000",), ("#FFFFFF",)),), True, "background"
    )
    layout = LayoutLook("content", "halves", (0, 0), None, slide, slide, (), (halves,))

    def cell(fill: str | None = None) -> Cell:
        return Cell(set_text([ParaSpec("A claim", color="#777777")], 280, 18), fill)

    table = Table(
        60, 100, (300, 300), (60, 60), ((cell(), cell()), (cell("#EEEEEE"),) * 2), "#000", 6
    )
    (done,) = readable([table], layout, ("#777777", "#000000", "#FFFFFF"))
    assert isinstance(done, Table)
    bare, tinted = done.rows
    assert [c.fill for c in bare] == ["#FFFFFF", "#FFFFFF"]
    assert [c.fill for c in tinted] == ["#EEEEEE", "#EEEEEE"]
    for row in done.rows:
        for c in row:
            assert c.fill and contrast(c.text.paragraphs[0].color, c.fill) >= 4.5


def test_boxes_side_by_side_share_the_plate_one_of_them_needs() -> None:
    """An agenda's rows as boxes: a time and a name side by side. Only the first name lies
    over black and white and needs a plate; the time beside it, which black reads on, is
    set on the same plate, so the row reads as one. The row under it is not joined (its
    plate would cover a band between rows); a box on kit's own tinted band keeps none."""
    slide = Rect(0, 0, 720, 540)
    halves = Paint(
        slide, ((("#FFFFFF",), ("#FFFFFF",), ("#000000",), ("#FFFFFF",)),), True, "background"
    )
    layout = LayoutLook("content", "halves", (0, 0), None, slide, slide, (), (halves,))

    def box(x: float, y: float, w: float) -> Box:
        return Box(x, y, w, 30, text=set_text([ParaSpec("10:00", color="#777777")], w, 18))

    band = Box(60, 160, 200, 30, fill="#EEEEEE", role="decoration")  # a break's tint
    planned = [box(60, 100, 200), box(260, 100, 200), box(60, 130, 200), band, box(60, 160, 200)]
    shown = readable(planned, layout, ("#777777", "#000000", "#FFFFFF"))
    fills = [getattr(element, "fill", None) for element in shown]
    assert fills == ["#FFFFFF", "#FFFFFF", None, "#EEEEEE", None]
    for element in shown[:2]:
        assert isinstance(element, Box) and element.text and element.fill
        assert contrast(element.text.paragraphs[0].color, element.fill) >= 4.5


def test_title_slide_details_with_no_room_are_dropped_with_a_located_warning(
    tmp_path: Path,
) -> None:
    """python-pptx's default whose title slide's subtitle box is 30 pt tall: the sample's
    two title slides (its opening and its \"Thank you\") cannot hold their presenters, date
    and venue there; kit says which went, once for each title block, at its line (the notes
    keep them)."""
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    layout = prs.slide_layouts[0]  # title slide: a title and a subtitle
    subtitle = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 1)
    subtitle.top, subtitle.height = Pt(420), Pt(30)
    template = tmp_path / "small.pptx"
    prs.save(str(template))
    deck, warnings = _plan(on_template(SAMPLE, template, tmp_path / "sample"))
    dropped = [w for w in warnings if "has no room for" in w]
    titles = [slide for slide in deck.slides if slide.kind == "title"]
    assert len(dropped) == len(titles) == 2, warnings
    assert [w.split(",")[0] for w in dropped] == ["section 1", "section 9"], dropped
    for slide in titles:
        shown = " ".join(
            para.text
            for e in slide.elements
            if isinstance(e, Box) and e.text
            for para in e.text.paragraphs
        )
        assert "Maya, Jonas" not in shown and "Maya, Jonas" in slide.notes, slide.title
    assert all("Maya, Jonas" in w for w in dropped), dropped
