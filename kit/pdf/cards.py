"""Cards to cut out: a grid of equal cards on a page, with cut marks, for duplex too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable

from kit.pdf.draw import GUIDE, draw_stack

CUT_MARK = 9.0  # length of a cut mark, in points
CUT_GAP = 3.0  # space between the card edge and its cut mark


@dataclass(frozen=True)
class CardGrid:
    """Equal cards edge to edge in ``columns`` x ``rows``, with room for cut marks."""

    columns: int
    rows: int
    card_width: float
    card_height: float
    padding: float = 12.0  # text inset, so a slightly crooked cut never cuts text

    @classmethod
    def filling(cls, width: float, height: float, columns: int, rows: int) -> CardGrid:
        """The largest grid that fits a ``width`` x ``height`` frame with its cut marks."""
        room = 2 * (CUT_GAP + CUT_MARK)
        return cls(columns, rows, (width - room) / columns, (height - room - 1) / rows)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def inner_width(self) -> float:
        return self.card_width - 2 * self.padding

    @property
    def inner_height(self) -> float:
        return self.card_height - 2 * self.padding

    def origin(self, slot: int, *, mirrored: bool = False) -> tuple[float, float]:
        """Bottom-left corner of card ``slot`` (reading order) from the grid's bottom-left.

        ``mirrored`` reverses the column order: the back of a sheet printed duplex and
        flipped on its long edge, so each back lines up with its front.
        """
        row, column = divmod(slot, self.columns)
        if mirrored:
            column = self.columns - 1 - column
        return column * self.card_width, (self.rows - 1 - row) * self.card_height


class CardPage(Flowable):
    """One page of cards in a ``CardGrid``, centred, with cut marks on front pages.

    ``cards`` holds each card's flowables in reading order (at most ``grid.per_page``),
    already fitted to ``grid.inner_width`` x ``grid.inner_height``. A back page
    (``mirrored``) draws the same slots in mirrored columns and no marks.
    """

    def __init__(
        self,
        grid: CardGrid,
        cards: Sequence[Sequence[Flowable]],
        *,
        mirrored: bool = False,
    ) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # centred on the page, so the mirror image lines up
        self._grid = grid
        self._cards = cards
        self._mirrored = mirrored
        self._room = CUT_GAP + CUT_MARK

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        grid = self._grid
        self.width = grid.columns * grid.card_width + 2 * self._room
        self.height = grid.rows * grid.card_height + 2 * self._room
        return self.width, self.height

    def draw(self) -> None:
        canvas, grid = self.canv, self._grid
        canvas.translate(self._room, self._room)
        for slot, card in enumerate(self._cards):
            x, y = grid.origin(slot, mirrored=self._mirrored)
            if not self._mirrored:
                canvas.setStrokeColor(GUIDE)
                canvas.setLineWidth(0.5)
                canvas.setDash(3, 3)
                canvas.rect(x, y, grid.card_width, grid.card_height, stroke=1, fill=0)
                canvas.setDash()
            # Text at the card's top, front and back alike, so a back reads like its front.
            top = y + grid.card_height - grid.padding
            draw_stack(canvas, card, x + grid.padding, top, grid.inner_width)
        if not self._mirrored:
            self._draw_cut_marks()

    def _draw_cut_marks(self) -> None:
        """Short marks in line with every edge of the used cards, outside them: none
        around an empty slot, where nothing is cut."""
        canvas, grid = self.canv, self._grid
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        for x0, y0, x1, y1 in sorted(_cut_marks(grid, len(self._cards))):
            canvas.line(x0, y0, x1, y1)


def _cut_marks(grid: CardGrid, used: int) -> set[tuple[float, float, float, float]]:
    """The cut marks of the first ``used`` slots of ``grid``, as lines from the grid's
    bottom-left corner: each edge of a card is marked where no used card lies beyond it."""
    slots = {divmod(slot, grid.columns) for slot in range(used)}
    near, far = CUT_GAP, CUT_GAP + CUT_MARK
    marks = set()
    for row, column in slots:
        x, y = grid.origin(row * grid.columns + column)
        right, top = x + grid.card_width, y + grid.card_height
        for edge_x in (x, right):
            if (row - 1, column) not in slots:
                marks.add((edge_x, top + near, edge_x, top + far))
            if (row + 1, column) not in slots:
                marks.add((edge_x, y - near, edge_x, y - far))
        for edge_y in (y, top):
            if (row, column - 1) not in slots:
                marks.add((x - near, edge_y, x - far, edge_y))
            if (row, column + 1) not in slots:
                marks.add((right + near, edge_y, right + far, edge_y))
    return marks
