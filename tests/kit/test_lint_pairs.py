"""``kit lint``'s contrast rule on the colour pairs kit draws (#14), planted in other
organisations' workshops: each finding printed as a user sees it, at the colour's own line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.app.cli import main
from kit.model.colour import STAGE_CONTRAST, contrast, luminance, stage_palette

from ..conftest import FIXTURES


def _planted(tmp_path: Path, fixture: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of ``fixture`` with its line holding ``old`` rewritten to hold ``new``; the
    workshop file and that line's number."""
    folder = shutil.copytree(FIXTURES / fixture, tmp_path / fixture)
    path = folder / "workshop.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    (number,) = [n for n, line in enumerate(lines, start=1) if old in line]
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return path, number


def _lint(path: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["lint", str(path.parent)])
    return result.exit_code, [line for line in result.stdout.splitlines() if ": contrast: " in line]


def test_a_pale_secondary_is_found_where_kit_sets_text_in_it(tmp_path: Path) -> None:
    """bargaining's resources give their addresses in the secondary colour."""
    path, line = _planted(tmp_path, "bargaining", '"#24505A"', '"#9FC5CC"')
    code, found = _lint(path)
    assert code == 1
    assert found == [
        f"{path}:{line}:16: contrast: addresses, contacts and timings: secondary #9FC5CC on "
        "background #FFFFFF has contrast 1.85:1; WCAG AA needs 4.5:1 (suggestion: secondary: "
        "#637A7E)"
    ]


def test_a_pale_accent_is_found_for_definition_terms(tmp_path: Path) -> None:
    """first-aid's definitions set their terms in the accent, or the primary when the
    accent does not read: a warning naming what kit does instead."""
    path, line = _planted(tmp_path, "first-aid", '"#E85D04"', '"#F5E663"')
    code, found = _lint(path)
    assert code == 1
    assert found == [
        f"{path}:{line}:13: contrast: definition terms: accent #F5E663 on background #FFFFFF "
        "has contrast 1.28:1; WCAG AA needs 3:1; kit sets them in primary #A4161A "
        "(suggestion: accent: #9F9640)"
    ]


def test_a_dark_theme_on_a_light_template_is_found_at_the_template(tmp_path: Path) -> None:
    """tenants-union's colours made for a dark deck (light text on a dark background),
    put on the branded fixture's cream template: kit re-inks the text; lint says so."""
    path, _ = _planted(
        tmp_path,
        "tenants-union",
        "  colours:\n",
        "  colours:\n    text: '#F2F2F2'\n    background: '#10202A'\n",
    )
    template = FIXTURES / "branded" / "templates" / "branded-4x3.pptx"
    shutil.copyfile(template, path.parent / "branded.pptx")
    text = path.read_text(encoding="utf-8").replace(
        "theme:\n", "theme:\n  template: branded.pptx\n"
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  template: branded.pptx") + 1
    code, found = _lint(path)
    assert code == 1
    at_template = [f for f in found if f.startswith(f"{path}:{line}:")]
    assert at_template == [
        f"{path}:{line}:13: contrast: body text on the template's 'Title Slide', 'Section "
        "Header', 'Title and Content' layouts: #F2F2F2 on #F6F0E1 has contrast 1.01:1; WCAG "
        "AA needs 4.5:1 (suggestion: kit sets them in #4A1F6B)"
    ]


@pytest.mark.parametrize("count", [2, 4, 6, 9])
@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        ("#1F6F78", "#5B2A86", "#1E1E1E"),  # the sample's
        ("#14213D", "#A4161A", "#1E1E1E"),  # first-aid's
        ("#808080", "#909090", "#777777"),  # all mid-greys: nothing reads well by default
        ("#FFD700", "#00A0B0", "#5F5F5F"),
    ],
)
def test_every_continuum_stage_reads_on_its_tint(
    first: str, last: str, text: str, count: int
) -> None:
    """The tints kit draws (and lint checks): each name at 5:1 on its fill, light to dark."""
    palette = stage_palette(first, last, text, count)
    assert all(contrast(ink, fill) >= STAGE_CONTRAST for fill, ink in palette)
    shades = [luminance(fill) for fill, _ in palette]
    assert shades == sorted(shades, reverse=True)
