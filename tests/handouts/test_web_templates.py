"""The web edition's templates, compiled once and kept in the user's cache folder: the
page is the same whether they were compiled now, read back, or the cache is unusable."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import jinja2.bccache
import pytest

from handouts import web
from kit.source.loader import load

from ..conftest import FIXTURES

Page = Callable[[], str]


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Page]:
    """The tenants' union's web page, made with a fresh environment each time, its cache
    in ``tmp_path / "cache"`` (``XDG_CACHE_HOME``)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    workshop = load(FIXTURES / "tenants-union").workshop

    def made() -> str:
        web._environment.cache_clear()
        return web.web_page(workshop, workshop.theme)

    yield made
    web._environment.cache_clear()  # the next test's environment reads its own cache folder


def _compiling_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", compile)


def test_a_second_build_reads_the_templates_compiled_by_the_first(
    page: Page, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = page()
    kept = list((tmp_path / "cache" / "kit").glob("templates-*/*.cache"))
    assert kept
    _compiling_forbidden(monkeypatch)
    assert page() == first


def test_a_damaged_cache_is_compiled_again(page: Page, tmp_path: Path) -> None:
    first = page()
    for kept in (tmp_path / "cache" / "kit").glob("templates-*/*.cache"):
        kept.write_bytes(kept.read_bytes()[:40])  # cut off, as by a full disk
    assert page() == first


def test_no_cache_folder_to_make_is_no_cache(
    page: Page, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = page()
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    assert page() == first


def test_a_cache_that_cannot_be_written_is_no_cache(
    page: Page, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jinja2.bccache.tempfile, "NamedTemporaryFile", full)
    first = page()
    assert not list((tmp_path / "cache").rglob("*.cache"))
    monkeypatch.undo()  # the same page, compiled with a cache to write
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert page() == first
