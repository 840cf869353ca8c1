"""Run ``kit`` on a hostile case in a child process with a memory cap and a processor-time limit.

Each case runs in its own copy of its folder, from an empty working folder, so that any
side effect (an output folder, a file a YAML tag tried to create) shows up.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .generated import PREPARE

MEMORY_LIMIT = 1 << 30  # address space; kit needs well under half of it
# Processor seconds per case: a runaway is killed by this limit, which a busy machine does
# not bring closer. The wall-time guard only catches a child that waits forever.
CPU_LIMIT = 60
HANG_GUARD = 900.0
_EXPECTED = ("expected.txt", "expected-text.txt")


@dataclass(frozen=True)
class Run:
    """One finished case: where it ran, what kit said, and the folder before the run."""

    folder: Path
    out: Path
    cwd: Path
    before: dict[str, str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def workshop_file(self) -> Path:
        return self.folder / "workshop.yaml"


def _limit_resources() -> None:  # runs in the child, before kit starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (symlinks not followed) with a digest of each file.

    Files over 64 MiB (the sparse 2 GiB case) are told apart by size and time alone.
    """
    entries: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            path = Path(root, name)
            entries[str(path.relative_to(folder))] = _digest(path)
    return entries


def _digest(path: Path) -> str:
    if path.is_symlink() or not path.is_file():
        return ""
    stat = path.stat()
    if stat.st_size > 64 * 1024 * 1024:
        return f"{stat.st_size} bytes, modified {stat.st_mtime_ns}"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def run_case(case: Path, scratch: Path, *kit_args: str, command: str = "build") -> Run:
    """Copy ``case`` into ``scratch``, complete it, and run ``kit build`` (or ``command``)."""
    folder = scratch / case.name
    shutil.copytree(case, folder, symlinks=True, ignore=shutil.ignore_patterns(*_EXPECTED))
    if case.name in PREPARE:
        PREPARE[case.name](folder)
    out, cwd = scratch / "out", scratch / "cwd"
    cwd.mkdir()
    before = snapshot(folder)
    where = ["--out", str(out)] if command == "build" else []
    result = subprocess.run(
        [sys.executable, "-m", "kit", command, str(folder), *where, *kit_args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=HANG_GUARD,
        preexec_fn=_limit_resources,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )
    return Run(folder, out, cwd, before, result.returncode, result.stdout, result.stderr)


def run_all(
    cases: Iterable[Path], scratch: Path, *kit_args: str, command: str = "build"
) -> dict[str, Run]:
    """Every case, one child process per core at a time, by case name."""
    cases = list(cases)
    for case in cases:
        (scratch / case.name).mkdir(parents=True)
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        runs = pool.map(
            lambda case: run_case(case, scratch / case.name, *kit_args, command=command), cases
        )
        return {case.name: run for case, run in zip(cases, runs)}


def expected_lines(case: Path, name: str, run: Run) -> list[str]:
    """The lines of ``case/name``, with ``{path}`` standing for the case's workshop file."""
    text = (case / name).read_text(encoding="utf-8")
    return text.replace("{path}", str(run.workshop_file)).splitlines()
