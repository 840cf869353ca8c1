"""All or nothing per renderer, even when moving its finished files into place fails.

tests/kit/test_build.py covers a renderer that fails while rendering; these fail later,
between one ``os.replace`` and the next.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kit.app.build import build
from kit.errors import BuildError

from ..conftest import FIXTURES
from .runner import snapshot

WORKSHOP = FIXTURES / "all-blocks"


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """The handouts on A4, and their third file; the tests rebuild on Letter, so every
    file would change."""
    out = tmp_path / "out"
    return out, build(WORKSHOP, out, only=["handouts"]).written[2].path


def _no_links(source: str | Path, target: str | Path) -> None:
    raise OSError(1, "Operation not permitted")


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "no-hard-links"])
def test_a_target_that_is_a_folder_leaves_every_earlier_file_as_it_was(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    out, third = built
    if not hard_links:  # some file systems have none; the old files are copied instead
        monkeypatch.setattr(os, "link", _no_links)
    third.unlink()
    third.mkdir()  # os.replace cannot put a file over a folder
    before = snapshot(out)
    with pytest.raises(BuildError) as caught:
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert isinstance(caught.value.result.failed["handouts"], IsADirectoryError)
    assert snapshot(out) == before  # the two files moved before it were put back


@pytest.mark.parametrize("exception", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_move_failing_midway_puts_back_the_earlier_files(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, exception: BaseException
) -> None:
    out, third = built
    before = snapshot(out)
    replace = os.replace

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if Path(target) == third and not Path(source).name.startswith(".previous"):
            raise exception
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    expected = BuildError if isinstance(exception, Exception) else KeyboardInterrupt
    with pytest.raises(expected):
        build(WORKSHOP, out, only=["handouts"], paper="letter")
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".kit-")]  # no staging left
