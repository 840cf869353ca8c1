"""The sample's deck and first-aid's on every template of the corpus, printed by LibreOffice
and read.

Cases that fail today (issue #14) are marked ``xfail(strict=True)`` per workshop, template
and check, with what fails.
"""

from __future__ import annotations

import pptx
import pytest
import yaml

from ..corpus import TEMPLATED, Templated, libreoffice_templates
from ..packages import audit, package_faults
from ..readers import CHECKS, DECK_CHECKS
from .known import known

NAMES = ["python-pptx-default", "branded", *(path.stem for path in libreoffice_templates())]
# Read without fonts; with the template's own pictures and shapes.
TEMPLATE_CHECKS = [*(check for check in CHECKS if check != "font-size"), *DECK_CHECKS]
SHAPES = {"16:9": 16 / 9, "4:3": 4 / 3}
BUILDS = [
    pytest.param(workshop, template, id=f"{workshop}-{template}")
    for workshop in TEMPLATED
    for template in NAMES
]


@pytest.mark.parametrize(("workshop", "template"), BUILDS)
def test_the_workshop_builds_on_the_template(
    templated: Templated, workshop: str, template: str
) -> None:
    build = templated.build(workshop, template)
    assert build.result.returncode == 0, build.result.stdout + build.result.stderr


@pytest.mark.parametrize(("workshop", "template"), BUILDS)
def test_the_deck_on_the_template_passes_office_checks(
    templated: Templated, workshop: str, template: str
) -> None:
    """openxml-audit finds nothing, the zip has each entry once and nothing of the template's
    own slides, shows or outside links."""
    deck = templated.build(workshop, template).out / "deck.pptx"
    assert package_faults(deck) == []
    assert audit(deck) == ""


@pytest.mark.parametrize(("workshop", "template"), BUILDS)
def test_the_deck_takes_the_template_s_size_and_says_so(
    templated: Templated, workshop: str, template: str
) -> None:
    """A workshop asking for 4:3 on a 16:9 template (or the other way) gets the template's
    size and one warning naming both; a workshop asking for none gets no warning."""
    build = templated.build(workshop, template)
    deck = pptx.Presentation(str(build.out / "deck.pptx"))
    own = pptx.Presentation(str(build.out.parent / "workshop" / "template.pptx"))
    assert (deck.slide_width, deck.slide_height) == (own.slide_width, own.slide_height)
    source = (TEMPLATED[workshop] / "workshop.yaml").read_text(encoding="utf-8")
    asked = yaml.safe_load(source).get("theme", {}).get("slide_size")
    ratio = own.slide_width / own.slide_height
    shape = min(SHAPES, key=lambda name: abs(SHAPES[name] - ratio))
    warned = "the template's slides are" in build.result.stderr
    assert warned == (asked not in (None, shape)), build.result.stderr


def _cases():
    for workshop in TEMPLATED:
        for template in NAMES:
            for check in TEMPLATE_CHECKS:
                reason = known(f"{workshop} on {template}", "a4", "deck (LibreOffice)", check)
                yield pytest.param(
                    workshop,
                    template,
                    check,
                    id=f"{workshop}-{template}-{check}",
                    marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [],
                )


@pytest.mark.parametrize(("workshop", "template", "check"), list(_cases()))
def test_a_reader_finds_no_problem_on_the_template(
    templated: Templated, workshop: str, template: str, check: str
) -> None:
    build = templated.build(workshop, template)
    if build.result.returncode != 0:
        pytest.fail(f"the build failed: {build.result.stderr.strip()[-300:]}")
    problems = templated.reading(workshop, template).problems(check)
    assert not problems, f"{len(problems)} problem(s), " + "\n".join(problems[:15])
