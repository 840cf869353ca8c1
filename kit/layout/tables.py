"""Two-column tables on slides: rows never split, spread evenly over as many slides as needed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kit.layout.breaks import parted
from kit.layout.planner import BODY_TOP, MARGIN, Planner
from kit.layout.slidelayout import Cell, Table
from kit.layout.textfit import ParaSpec, set_text
from kit.model.colour import WHITE, mix, readable_on
from kit.model.places import Place


@dataclass(frozen=True)
class TwoColumns:
    """What a table shows: its header (if any), its rows, and the two columns' widths."""

    header: tuple[str, str] | None
    rows: list[tuple[str, str]]
    widths: tuple[float, float]


def table_slides(
    p: Planner,
    title: str,
    kind: str,
    table: TwoColumns,
    notes: str,
    place: Place,
    cite: tuple[str, ...] = (),
) -> None:
    """A two-column table at the deck's table size, its rows spread over as many slides
    as they need (while probing: at the largest size that needs one, or that needs no more
    than the floor does, when it needs more than one at every size)."""
    height = p.body_height(cite)

    def pages_at(size: float, limit: float = height) -> list[Table]:
        return _table_pages(p, table, limit, size)

    counts: dict[float, int] = {}  # slides needed at each size tried
    for size in p.scale.steps("table"):
        pages = pages_at(size)
        counts[size] = len(pages)
        if len(pages) == 1:
            p.scale.saw("table", size)
            break
    if len(pages) > 1:
        floor = p.scale.least("table")[0]
        fewest = counts[floor] if floor in counts else len(pages_at(floor))
        if fewest > 1:  # the author's to fix, not the deck's
            # noted at the largest size as few slides allow
            p.scale.saw("table", max((s for s, n in counts.items() if n <= fewest), default=floor))
            p.warn(place, f"table does not fit one slide; continued over {len(pages)} slides")
        pages = _balanced(pages, lambda limit: pages_at(size, limit))
    for index, page in enumerate(pages):
        p.add(p.continued(title, index), kind, [page], notes, cite=cite)


def _table_pages(planner: Planner, table: TwoColumns, height: float, size: float) -> list[Table]:
    header, widths = table.header, table.widths
    colours = planner.colours
    inset = 6.0
    head_fill = colours.primary
    head_ink = readable_on(head_fill)
    stripe = mix(colours.secondary, WHITE, 0.9)

    def cell(text: str, width: float, ink: str, fill: str | None, bold: bool = False) -> Cell:
        laid = set_text([ParaSpec(text, color=ink, bold=bold)], width - 2 * inset, size)
        return Cell(parted(laid, width - 2 * inset, planner.short), fill)  # no last word alone

    def row_height(cells: tuple[Cell, ...]) -> float:
        return max(c.text.height for c in cells) + 2 * inset

    head_cells = (
        tuple(cell(t, w, head_ink, head_fill, bold=True) for t, w in zip(header, widths))
        if header
        else None
    )
    pages: list[Table] = []
    current: list[tuple[Cell, ...]] = [head_cells] if head_cells else []
    used = row_height(head_cells) if head_cells else 0.0
    for index, row in enumerate(table.rows):
        fill = stripe if index % 2 == 0 else None
        cells = tuple(cell(t, w, colours.text, fill) for t, w in zip(row, widths))
        h = row_height(cells)
        if used + h > height and len(current) > (1 if head_cells else 0):
            pages.append(_table(current, widths, inset, colours.muted, bool(header)))
            current = [head_cells] if head_cells else []
            used = row_height(head_cells) if head_cells else 0.0
        current.append(cells)
        used += h
    pages.append(_table(current, widths, inset, colours.muted, bool(header)))
    return pages


def _balanced(pages: list[Table], paginate_at: Any) -> list[Table]:
    """The same number of pages, with rows spread evenly instead of a near-empty last page."""
    share = sum(table.h for table in pages) / len(pages)
    limit = share
    while limit < pages[0].h:
        even = paginate_at(limit)
        if len(even) == len(pages):
            return even
        limit += 10
    return pages


def _table(
    rows: list[tuple[Cell, ...]],
    widths: tuple[float, float],
    inset: float,
    border: str,
    header: bool,
) -> Table:
    heights = tuple(max(c.text.height for c in row) + 2 * inset for row in rows)
    return Table(
        MARGIN, BODY_TOP, widths, heights, tuple(rows), border, inset, header, name="Table"
    )
