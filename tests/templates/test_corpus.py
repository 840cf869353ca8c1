"""The template corpus: LibreOffice's Impress templates as PowerPoint templates, and ours."""

from __future__ import annotations

from pptx import Presentation

from ..corpus import Template, libreoffice_templates


def test_every_libreoffice_template_converts_and_opens(template_corpus: list[Template]) -> None:
    names = [template.name for template in template_corpus]
    assert len(libreoffice_templates()) == 23
    assert names[:2] == ["python-pptx-default", "branded"]
    assert sorted(names[2:]) == sorted(path.stem for path in libreoffice_templates())
    for template in template_corpus:
        prs = Presentation(str(template.path))
        assert len(prs.slide_layouts) >= 1, template.name
