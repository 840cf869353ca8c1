"""What every worker builds first, built once in the workers' server, before it forks them.

``kit.app.workers`` has its server import this module along with the renderers, so each
worker forked from it starts with the shipped fonts parsed (measured, and registered for
PDFs) and kit's English words read, instead of each doing it again while the build waits.
A workshop in other fonts or another language still gets its own on first use.
"""

from __future__ import annotations

import datetime as dt

from kit.layout import fonts
from kit.pdf import register_fonts
from kit.words.i18n import words


def warm() -> None:
    """Parse and register the shipped family, and use kit's English words once."""
    with fonts.using(fonts.DEFAULT, fonts.DEFAULT):
        for bold in (False, True):
            for italic in (False, True):
                fonts.metrics(bold, italic)
        register_fonts()
    english = words("en")
    english("page_of", page=1, total=1)
    english.date(dt.date(2000, 1, 1))
    english.time(dt.time(12, 0))


warm()
