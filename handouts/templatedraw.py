"""Draw what a template draws under a slide (``kit.layout.templateart.Art``) with
reportlab, for deck.pdf and the notes handout's miniatures: pictures, lines, rectangles,
rounded rectangles and ellipses, filled solid or with a gradient.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from kit.layout.drawing import ROUND_CORNER
from kit.layout.templateart import Art
from kit.pdf.brand import image_source


def draw_art(canvas: Canvas, art: Art, height: float) -> None:
    """One thing a template's master draws (an artifact: decoration, not content)."""
    canvas.saveState()
    # About the box's centre, so turning and flipping keep it in place.
    canvas.translate(art.x + art.w / 2, height - art.y - art.h / 2)
    canvas.rotate(-art.rotation)
    canvas.scale(-1 if art.flip_h else 1, -1 if art.flip_v else 1)
    left, bottom, w, h = -art.w / 2, -art.h / 2, art.w, art.h
    if art.image is not None:
        image = image_source(canvas, "", art.image)
        canvas.drawImage(image, left, bottom, w, h, mask="auto")
    elif art.kind == "line":
        canvas.setStrokeColor(HexColor(art.line or "#000000"))
        canvas.setLineWidth(art.line_width)
        canvas.line(left, bottom + h, left + w, bottom)  # top-left to bottom-right
    else:
        path = canvas.beginPath()
        if art.kind == "ellipse":
            path.ellipse(left, bottom, w, h)
        elif art.kind == "roundrect":
            path.roundRect(left, bottom, w, h, min(w, h) * ROUND_CORNER)
        else:
            path.rect(left, bottom, w, h)
        if len(art.fill) > 1:
            canvas.saveState()
            canvas.clipPath(path, stroke=0, fill=0)
            _gradient(canvas, art, left, bottom)
            canvas.restoreState()
        if art.fill:
            canvas.setFillColor(HexColor(art.fill[0]))
            canvas.setFillAlpha(art.opacity)
        if art.line:
            canvas.setStrokeColor(HexColor(art.line))
            canvas.setLineWidth(art.line_width)
        canvas.drawPath(path, stroke=int(art.line is not None), fill=int(len(art.fill) == 1))
    canvas.restoreState()


def _gradient(canvas: Canvas, art: Art, left: float, bottom: float) -> None:
    """A gradient over the box at ``left``, ``bottom``: along its angle, or out from a path
    gradient's focus to the box's farthest corner (a rectangle's path drawn as a circle's).
    See-through stops are drawn at their mean opacity: a PDF shading has one."""
    stops = [HexColor(colour) for colour in art.fill]
    positions = list(art.stops) if len(art.stops) == len(stops) else None
    if art.alphas:
        canvas.setFillAlpha(sum(art.alphas) / len(art.alphas))
    if art.path is None:
        dx, dy = art.gradient_axis  # from the box's centre to its end, y down
        canvas.linearGradient(-dx, dy, dx, -dy, stops, positions, extend=True)
        return
    x, y = left + art.focus[0] * art.w, bottom + (1 - art.focus[1]) * art.h
    corners = [(left + i * art.w, bottom + j * art.h) for i in (0, 1) for j in (0, 1)]
    radius = max(math.hypot(cx - x, cy - y) for cx, cy in corners)
    canvas.radialGradient(x, y, radius, stops, positions, extend=True)
