"""One long workshop of another organisation, built whole once, and its deck as rendered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.app.build import build
from kit.source.loader import LoadedWorkshop, load

from ..conftest import FIXTURES
from ..readers import soffice_convert

LONG = FIXTURES / "tenants-union"


@dataclass(frozen=True)
class LongBuild:
    loaded: LoadedWorkshop
    out: Path

    @property
    def deck(self) -> Path:
        return self.out / "deck.pptx"


@pytest.fixture(scope="session")
def long_build(tmp_path_factory: pytest.TempPathFactory) -> LongBuild:
    out = tmp_path_factory.mktemp("tenants-union")
    build(LONG, out)
    return LongBuild(load(LONG), out)


@pytest.fixture(scope="session")
def long_rendered(long_build: LongBuild, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LibreOffice's PDF of the long workshop's deck.pptx."""
    (pdf,) = soffice_convert([long_build.deck], tmp_path_factory.mktemp("rendered"))
    return pdf
