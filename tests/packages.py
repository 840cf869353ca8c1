"""What Office's own checks and a look inside the zip find wrong with a saved deck.

Nothing here imports kit: a deck is judged as the file a presenter opens.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# What a template may hold that must never reach a deck built on it.
_LEFTOVERS = {
    "a link out of the file": re.compile(rb'TargetMode="External"'),
    "a jump to a slide": re.compile(rb"ppaction://hlinksldjump"),
    "a link to a custom show": re.compile(rb"ppaction://customshow"),
    "a custom show": re.compile(rb"<p:custShowLst"),
}


def audit(deck: Path) -> str:
    """openxml-audit's report on ``deck`` if it finds anything, else the empty string."""
    tool = Path(sys.executable).parent / "openxml-audit"
    result = subprocess.run([str(tool), str(deck)], capture_output=True, text=True)
    clean = result.returncode == 0 and "Errors: 0" in result.stdout
    return "" if clean else result.stdout + result.stderr


def package_faults(deck: Path) -> list[str]:
    """Duplicate zip entries, a content type that is not a presentation's, and leftovers."""
    with zipfile.ZipFile(deck) as archive:
        names = Counter(entry.filename for entry in archive.infolist())
        faults = [f"{name} is in the zip {n} times" for name, n in names.items() if n > 1]
        types = archive.read("[Content_Types].xml")
        if _PRESENTATION.encode() not in types:
            faults.append("the main part is not typed as a presentation")
        for name in names:
            data = archive.read(name)
            faults += [
                f"{name} holds {what}" for what, found in _LEFTOVERS.items() if found.search(data)
            ]
    return faults
