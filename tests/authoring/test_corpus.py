"""The authoring corpus: typical mistakes, each explained in one line that names the fix.

``cases/<name>/workshop.yaml`` holds one mistake a new author makes; ``expected.txt`` is the
one line ``kit check`` prints for it (``{path}`` is the workshop file), exactly. A case with a
``translations/<lang>.yaml`` holds the mistake in that edition, checked with ``--lang``
(``{case}`` is the case's folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.app.cli import main

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def test_the_corpus_is_complete() -> None:
    assert len(CASES) >= 20
    for case in CASES:
        assert (case / "expected.txt").is_file(), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_mistake_is_explained_in_one_line(case: Path) -> None:
    file = case / "workshop.yaml"
    editions = sorted((case / "translations").glob("*.yaml"))
    languages = [arg for edition in editions for arg in ("--lang", edition.stem)]
    result = CliRunner().invoke(main, ["check", str(file), *languages])
    expected = (case / "expected.txt").read_text(encoding="utf-8").replace("{path}", str(file))
    expected = expected.replace("{case}", str(case))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *expected.splitlines(),
        "1 problem(s) found; nothing was written.",
    ]
    assert "Traceback" not in result.stderr
