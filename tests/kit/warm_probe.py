"""A renderer that writes down what its worker had built before it was handed any work:
the shipped fonts registered for PDFs and measured, and kit's English words read.

Run in a real worker by tests/kit/test_workers.py (see tests/kit/failing_renderer.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics

from kit.layout import fonts
from kit.outputs import HANDOUT, Output
from kit.words import i18n


def render(workshop: Any, theme: Any, out_dir: Path, options: Any, **plans: Any) -> list[Output]:
    found = {
        "registered": sorted(pdfmetrics.getRegisteredFontNames()),
        "measured": fonts._combined.cache_info().currsize,
        "words": i18n.english_catalog.cache_info().currsize,
        "process": os.getpid(),
    }
    path = out_dir / "handout.pdf"
    path.write_text(json.dumps(found))
    return [Output(path, 1, HANDOUT)]
