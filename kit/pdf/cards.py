"""Cards to cut out: a grid of equal cards on a page, with cut marks, for duplex too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib import colors
from reportlab.platypus import Flowable

from kit.pdf.draw import GUIDE, draw_stack, stack_height

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
        valign: Literal["top", "middle"] = "top",
    ) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # centred on the page, so the mirror image lines up
        self._grid = grid
        self._cards = cards
        self._mirrored = mirrored
        self._valign = valign
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
            used = stack_height(card, grid.inner_width)
            drop = (grid.inner_height - used) / 2 if self._valign == "middle" else 0
            draw_stack(
                canvas,
                card,
                x + grid.padding,
                y + grid.card_height - grid.padding - drop,
                grid.inner_width,
            )
        if not self._mirrored:
            self._draw_cut_marks()

    def _draw_cut_marks(self) -> None:
        """Short marks outside the used rows, in line with every card edge."""
        canvas, grid = self.canv, self._grid
        rows = -(-len(self._cards) // grid.columns)
        top = grid.rows * grid.card_height
        bottom = top - rows * grid.card_height
        right = grid.columns * grid.card_width
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        near, far = CUT_GAP, CUT_GAP + CUT_MARK
        for column in range(grid.columns + 1):
            x = column * grid.card_width
            canvas.line(x, top + near, x, top + far)
            canvas.line(x, bottom - near, x, bottom - far)
        for row in range(rows + 1):
            y = top - row * grid.card_height
            canvas.line(-near, y, -far, y)
            canvas.line(right + near, y, right + far, y)
