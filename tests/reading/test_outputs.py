"""Every output of the sample and of the other organisations' fixtures, read as a reader would.

The deck as LibreOffice prints it, kit's own PDFs and the exercise sheets, on A4 and Letter,
each through every check of ``tests/readers.py``. Where a check fails today because of an
open issue, the case is marked ``xfail(strict=True)`` with the issue and what fails: whoever
fixes the issue sees the case pass and must remove the mark.
"""

from __future__ import annotations

import pytest

from ..corpus import DECK, FLOWING, PAPERS, WORKSHOPS, Rendered, expected_outputs
from ..readers import CHECKS, DECK_CHECKS, FLOW_CHECKS
from .known import known


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_every_output_is_built(rendered: Rendered, workshop: str, paper: str) -> None:
    build = rendered.builds[workshop, paper]
    assert build.result.returncode == 0, build.result.stdout + build.result.stderr
    missing = set(expected_outputs(workshop, paper)) - set(build.files)
    assert not missing, f"not built: {sorted(missing)}"


# Colours and fonts do not change with the paper; the layout does.
PAPER_CHECKS = {"a4": CHECKS, "letter": ("off-page", "overlap", "broken-word", "font-size")}


def _cases():
    for workshop in WORKSHOPS:
        for paper in PAPERS:
            for output in expected_outputs(workshop, paper):
                flow = FLOW_CHECKS if output in FLOWING else ()
                deck = DECK_CHECKS if output == DECK else ()
                for check in (*PAPER_CHECKS[paper], *flow, *deck):
                    reason = known(workshop, paper, output, check)
                    yield pytest.param(
                        workshop,
                        paper,
                        output,
                        check,
                        id=f"{workshop}-{paper}-{output.split()[0]}-{check}",
                        marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [],
                    )


@pytest.mark.parametrize(("workshop", "paper", "output", "check"), list(_cases()))
def test_a_reader_finds_no_problem(
    rendered: Rendered, workshop: str, paper: str, output: str, check: str
) -> None:
    problems = rendered.reading(workshop, paper, output).problems(check)
    assert not problems, f"{len(problems)} problem(s), " + "\n".join(problems[:15])
