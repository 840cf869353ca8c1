"""The print list: what a print shop needs to print the whole kit, file by file.

A renderer of its own that runs after the others, so it reads each file's page count
from the file itself. For every printed file: pages, copies for the head count, one- or
two-sided (and the edge to flip on), colour or greyscale, paper or card, what to cut,
fold or staple, and the sheets it takes; then the total sheets of paper and of card.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from handouts.document import write_document
from handouts.materials import materials
from handouts.story import Look, grid, laid_out, look_for, when
from kit.errors import KitError
from kit.model import Theme, Workshop
from kit.outputs import PRINT_LIST, BuildOptions, Output, Printing
from kit.pdf import para

BODY_SIZE = 9.0
_PAGE_COUNT = re.compile(rb"/Count (\d+) /Kids")  # the page tree's root, as reportlab writes it


@dataclass(frozen=True)
class Job:
    """One file to print: ``copies`` of its ``pages``, printed as ``printing`` says."""

    item: str
    file: str
    pages: int
    copies: int
    printing: Printing

    @property
    def sheets_per_copy(self) -> int:
        return self.pages if self.printing.sides == "single" else math.ceil(self.pages / 2)

    @property
    def sheets(self) -> int:
        return self.copies * self.sheets_per_copy


def page_count(path: Path) -> int:
    """The number of pages in a PDF kit wrote, read from its page tree."""
    found = _PAGE_COUNT.search(path.read_bytes())
    if found is None:
        raise KitError(f"{path.name}: cannot read its page count")
    return int(found[1])


def jobs(workshop: Workshop, options: BuildOptions) -> tuple[list[Job], list[str]]:
    """A job per printed file written earlier in this build, in the order to prepare them,
    and the files this workshop prints that the build did not write (``--only``)."""
    written = {output.path.name: output for output in options.written}
    listed = bool(options.people)
    todo, missing = [], []
    for material in materials(workshop, options.participants, listed=listed):
        output = written.get(material.file)
        printing = material.kind.printing if material.kind else None  # None: not a file
        if printing is None:
            continue
        if output is None:
            missing.append(material.file)
            continue
        pages = page_count(output.path)
        todo.append(Job(material.item, material.file, pages, material.copies, printing))
    return todo, missing


def render(workshop: Workshop, theme: Theme, out_dir: Path, options: BuildOptions) -> list[Output]:
    """Write ``print-list.pdf`` from the files the build has written so far."""
    look = look_for(workshop, theme, options.paper, BODY_SIZE, turned=True)
    path = out_dir / PRINT_LIST.file
    story = print_list_story(look, *jobs(workshop, options), options.participants)
    pages = write_document(path, story, look, look.words("print_list"), PRINT_LIST)
    return [Output(path, pages, PRINT_LIST)]


def print_list_story(
    look: Look, todo: list[Job], missing: list[str], participants: int
) -> list[Flowable]:
    """The heading, how to print, one row per file, and the totals."""
    workshop, s, w = look.workshop, look.styles, look.words
    details = " · ".join(p for p in (when(look), workshop.venue) if p)
    intro = [para(w("print_list"), s.h1), para(workshop.title, s.h3), para(details, s.body)]
    people = w("participants", count=participants)
    intro.append(para(w("print_list_intro", participants=people), s.body))
    size = "A4" if look.paper == "a4" else "Letter"
    header = ["file", "pages", "copies", "sides", "ink", "stock", "finishing", "sheets"]
    rows: list[list] = [[w(word) for word in header]]
    rows += [_row(job, size, look) for job in todo]
    totals: dict[str, int] = {}
    for job in todo:
        totals[job.printing.stock] = totals.get(job.printing.stock, 0) + job.sheets
    widths = [0.22, 0.06, 0.07, 0.2, 0.09, 0.15, 0.13, 0.08]
    table = grid(rows, [look.width * share for share in widths], look)
    stocks = [
        w("sheets_of", count=count, stock=w(f"{stock}_stock", size=size))
        for stock, count in totals.items()
    ]
    story = laid_out([table], intro)
    story.append(para(w("total_sheets", sheets="; ".join(stocks)), s.h3))
    if missing:
        story.append(para(w("print_list_missing", files=", ".join(missing)), s.small))
    return story


def _row(job: Job, size: str, look: Look) -> list[str]:
    w, printing = look.words, job.printing
    stock = w(f"{printing.stock}_stock", size=size)
    if printing.landscape:
        stock += f", {w('landscape')}"
    finish = printing.finish
    if finish == "staple" and job.sheets_per_copy < 2:
        finish = ""  # one sheet needs no staple
    return [
        job.file,
        str(job.pages),
        str(job.copies),
        w(printing.sides),
        w("in_colour" if printing.colour else "greyscale"),
        stock,
        w(finish) if finish else "",
        str(job.sheets),
    ]
