"""Faults of the machine: one line naming the path and what to do, exit 1, no traceback,
and every output as it was.

The full disk is a real tmpfs of a few megabytes and the read-only folder a real read-only
bind mount (the tests run as root, whom permission bits do not stop); permission denied is
simulated in a child (tests/hostile/refusing.py).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.app.build import build

from ..conftest import FIXTURES, ROOT
from ..kit.test_build import run_kit
from .test_atomic import state

WORKSHOP = FIXTURES / "all-blocks"
Run = subprocess.CompletedProcess[str]


def _build(renderer: str, out: Path, *more: str, **options: object) -> Run:
    command = ("build", str(WORKSHOP), "--only", renderer, "--out", str(out), *more)
    return run_kit(*command, cwd=ROOT, **options)


def _exercises(out: Path, *more: str, **options: object) -> Run:
    return _build("exercises", out, *more, **options)


def _mount(*arguments: str) -> None:
    subprocess.run(["mount", *arguments], check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs holding the A4 exercise sheets, for a Letter build that cannot fit."""
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk))
    try:
        build(WORKSHOP, disk / "out", only=["exercises"])
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def _fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` until it is full, then give back ``leave`` bytes."""
    descriptor = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            try:
                os.write(descriptor, b"\0" * 65536)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
        os.ftruncate(descriptor, max(0, os.fstat(descriptor).st_size - leave))
    finally:
        os.close(descriptor)


@pytest.mark.parametrize("leave", [0, 40_000], ids=["full", "room-for-one-sheet"])
def test_a_full_disk_is_one_line_and_leaves_the_old_sheets(small_disk: Path, leave: int) -> None:
    out = small_disk / "out"
    before = state(out)
    _fill(small_disk, leave)
    run = _exercises(out, "--paper", "letter")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"error: {out}: no space left on the disk; free some space or choose another --out"
    ]
    assert state(out) == before  # the sheets, and nothing of the staging


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """An output folder holding the A4 sheets, bind-mounted read-only over itself."""
    out = tmp_path / "out"
    build(WORKSHOP, out, only=["exercises"])
    _mount("--bind", str(out), str(out))
    try:
        _mount("-o", "remount,ro,bind", str(out))
        yield out
    finally:
        subprocess.run(["umount", str(out)], check=True)


def test_a_read_only_folder_is_one_line(read_only: Path) -> None:
    before = state(read_only)
    run = _exercises(read_only, "--paper", "letter")
    assert (run.returncode, run.stderr.splitlines()) == (
        1,
        [f"error: {read_only}: the file system is read-only; choose another --out"],
    )
    assert state(read_only) == before


def test_permission_denied_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(WORKSHOP, out, only=["exercises"])
    before = state(out)
    refusing = (sys.executable, "-m", "tests.hostile.refusing", str(errno.EACCES), str(out))
    arguments = ("build", str(WORKSHOP), "--only", "exercises", "--paper", "letter")
    run = subprocess.run(
        [*refusing, *arguments, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stderr.splitlines()) == (
        1,
        [f"error: {out}: permission denied; make it writable or choose another --out"],
    )
    assert state(out) == before


def test_out_that_is_a_file_or_under_a_file_is_one_line(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("mine\n", encoding="utf-8")
    run = _exercises(file)
    assert (run.returncode, run.stderr.splitlines()) == (
        1,
        [f"error: {file}: this is a file, not a folder; choose another --out"],
    )
    run = _exercises(file / "build")
    assert (run.returncode, run.stderr.splitlines()) == (
        1,
        [
            f"error: {file / 'build'}: part of this path is a file, not a folder; "
            "choose another --out"
        ],
    )
    assert file.read_text(encoding="utf-8") == "mine\n"


def test_an_output_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(WORKSHOP, out, only=["exercises"])
    (out / "drill-cards.pdf").unlink()
    (out / "drill-cards.pdf").mkdir()
    before = state(out)
    run = _exercises(out, "--paper", "letter")
    assert (run.returncode, run.stderr.splitlines()) == (
        1,
        [
            f"error: {out / 'drill-cards.pdf'}: a folder is where kit writes this file; "
            "move it away or choose another --out"
        ],
    )
    assert state(out) == before


@pytest.mark.parametrize(
    ("epoch", "message"),
    [
        ("-1", "SOURCE_DATE_EPOCH='-1' is not a count of seconds since 1970 (digits only)"),
        ("soon", "SOURCE_DATE_EPOCH='soon' is not a count of seconds since 1970 (digits only)"),
        ("1.5e9", "SOURCE_DATE_EPOCH='1.5e9' is not a count of seconds since 1970 (digits only)"),
        ("4354819200", "SOURCE_DATE_EPOCH=4354819200 is after 2107-12-31"),
        ("9" * 30, f"SOURCE_DATE_EPOCH={'9' * 24}... is after 2107-12-31"),
    ],
)
def test_an_out_of_range_source_date_epoch_is_one_line(
    tmp_path: Path, epoch: str, message: str
) -> None:
    out = tmp_path / "out"
    run = _build("slides", out, env={"SOURCE_DATE_EPOCH": epoch})
    assert run.returncode == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"error: {message}"), line
    assert not out.exists()


def test_the_last_second_a_zip_can_hold_is_accepted(tmp_path: Path) -> None:
    run = _build("slides", tmp_path, env={"SOURCE_DATE_EPOCH": "4354819199"})
    assert run.returncode == 0, run.stderr
