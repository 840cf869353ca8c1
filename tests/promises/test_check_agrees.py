"""``kit check`` accepts exactly what ``kit build`` can build, and refuses it the same way.

Every fixture, the sample and every case of the hostile corpus, checked and built in
child processes: both succeed, or both fail with the same located problems (build's
lint warnings aside) and the build writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import FIXTURES, SAMPLE
from ..hostile.runner import Run, run_all

HOSTILE = Path(__file__).resolve().parent.parent / "hostile"
FOLDERS = sorted(
    [
        SAMPLE,
        *(p for p in FIXTURES.iterdir() if (p / "workshop.yaml").is_file()),
        *(p for p in (HOSTILE / "cases").iterdir() if p.is_dir()),
        *(p for p in (HOSTILE / "builds").iterdir() if p.is_dir()),
    ]
)


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Run]]:
    checks = run_all(FOLDERS, tmp_path_factory.mktemp("check"), command="check")
    builds = run_all(FOLDERS, tmp_path_factory.mktemp("build"))
    return {name: (checks[name], builds[name]) for name in checks}


def _problems(run: Run) -> list[str]:
    """What kit said was wrong, with the case's folder written as ``{case}``."""
    lines = run.stderr.replace(str(run.folder), "{case}").splitlines()
    return [line for line in lines if not line.startswith("warning: ")]


def test_the_comparison_covers_refusals_of_the_plan_phase() -> None:
    names = {folder.name for folder in FOLDERS}
    assert {"plan-card-text-too-long", "plan-sign-word-too-wide", "plan-resource-too-long"} <= names
    assert len(FOLDERS) > 70


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_check_and_build_give_the_same_verdict(
    folder: Path, verdicts: dict[str, tuple[Run, Run]]
) -> None:
    check, build = verdicts[folder.name]
    assert "Traceback" not in check.stderr + build.stderr
    assert (check.returncode, build.returncode) in ((0, 0), (1, 1)), (check.stderr, build.stderr)
    if build.returncode:
        assert _problems(check) == _problems(build)
        assert not build.out.exists()
