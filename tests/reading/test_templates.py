"""The sample's deck on every template of the corpus, printed by LibreOffice and read.

Cases that fail today because kit ignores templates (issue #14) are marked
``xfail(strict=True)`` per template and check, with what fails.
"""

from __future__ import annotations

import pytest

from ..corpus import Rendered, libreoffice_templates
from ..packages import audit, package_faults
from ..readers import CHECKS, DECK_CHECKS
from .known import known

NAMES = ["python-pptx-default", "branded", *(path.stem for path in libreoffice_templates())]
# Read without fonts; with the template's own pictures and shapes.
TEMPLATE_CHECKS = [*(check for check in CHECKS if check != "font-size"), *DECK_CHECKS]


@pytest.mark.parametrize("template", NAMES)
def test_the_sample_builds_on_the_template(rendered: Rendered, template: str) -> None:
    build = rendered.templated[template]
    assert build.result.returncode == 0, build.result.stdout + build.result.stderr


@pytest.mark.parametrize("template", NAMES)
def test_the_deck_on_the_template_passes_office_checks(rendered: Rendered, template: str) -> None:
    """openxml-audit finds nothing, the zip has each entry once and nothing of the template's
    own slides, shows or outside links."""
    deck = rendered.templated[template].out / "deck.pptx"
    assert package_faults(deck) == []
    assert audit(deck) == ""


def _cases():
    for template in NAMES:
        for check in TEMPLATE_CHECKS:
            reason = known(f"template:{template}", "a4", "deck (LibreOffice)", check)
            yield pytest.param(
                template,
                check,
                id=f"{template}-{check}",
                marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [],
            )


@pytest.mark.parametrize(("template", "check"), list(_cases()))
def test_a_reader_finds_no_problem_on_the_template(
    rendered: Rendered, template: str, check: str
) -> None:
    build = rendered.templated[template]
    if build.result.returncode != 0:
        pytest.fail(f"the build failed: {build.result.stderr.strip()[-300:]}")
    problems = rendered.templated_reading(template).problems(check)
    assert not problems, f"{len(problems)} problem(s), " + "\n".join(problems[:15])
