"""Byte-identical builds across processes, hash seeds, time zones, locales and folders.

On the branded fixture: a .pptx template, a logo and a picture on one slide, the things
a deck writer is tempted to gather into sets and dictionaries (or to name by their path).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..conftest import FIXTURES

BRANDED = FIXTURES / "branded"
# Whole builds in two very different settings; then the deck alone under more hash seeds,
# since an order that depends on the seed differs between two seeds only now and then.
WHOLE = (
    {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LC_ALL": "POSIX", "LANG": "ru_RU.UTF-8"},
)
DECK_SEEDS = tuple(str(seed) for seed in range(2, 12))


def _build(out: Path, env: dict[str, str], *args: str, workshop: Path = BRANDED) -> dict[str, str]:
    """Build the branded fixture in a fresh process; the digest of every file written."""
    inherited = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, "-m", "kit", "build", str(workshop), "--out", str(out), *args],
        capture_output=True,
        text=True,
        env={**inherited, **env},
    )
    assert result.returncode == 0, result.stderr
    return {
        str(path.relative_to(out)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def test_whole_builds_are_byte_identical_across_seeds_zones_locales_and_folders(
    tmp_path: Path,
) -> None:
    # The second build reads a copy of the workshop kept in another folder.
    folders = (BRANDED, shutil.copytree(BRANDED, tmp_path / "elsewhere" / "our workshop"))
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(
            lambda n: _build(tmp_path / str(n), WHOLE[n], workshop=folders[n]), range(len(WHOLE))
        )
    assert "deck.pptx" in first and len(first) >= 9
    assert first == second


def test_the_deck_is_byte_identical_under_ten_hash_seeds(tmp_path: Path) -> None:
    def deck(seed: str) -> str:
        return _build(tmp_path / seed, {"PYTHONHASHSEED": seed}, "--only", "slides")["deck.pptx"]

    with ThreadPoolExecutor(2) as pool:
        digests = set(pool.map(deck, DECK_SEEDS))
    assert len(digests) == 1
