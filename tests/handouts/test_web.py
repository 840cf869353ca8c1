"""The web edition, opened in Chromium: accessible (axe-core), keyboard-navigable, self-contained,
and free of anything meant for facilitators only."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from handouts.web import write_web_edition
from kit.app.build import build
from kit.model import MAX_SIDE
from kit.model.schedule import item_title, timetable
from kit.outputs import WEB
from kit.source.loader import load
from kit.words.langtag import language_tag

from ..conftest import edition_id, editions, html_text, normal, secrets
from ..hostile.test_pictures import _phone_photo, _photo_49, _upright, _workshop
from .browser import axe_violations, chromium, open_page, tab_stops

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as running:
        yield running


@pytest.fixture(scope="module", params=editions(), ids=edition_id)
def web(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder, language = request.param
    out = tmp_path_factory.mktemp("web")
    workshop = load(folder, language).workshop
    path = out / WEB.file
    write_web_edition(path, workshop, workshop.theme)
    return path, workshop


@pytest.mark.parametrize(
    "context",
    [PHONE, {"color_scheme": "dark"}],
    ids=["phone", "desktop-dark"],
)
def test_axe_finds_no_violation(browser: Browser, web: tuple, context: dict) -> None:
    page, outside = open_page(browser, web[0], reduced_motion="reduce", **context)
    assert axe_violations(page) == []
    assert outside == []


def test_tab_reaches_every_link_in_order(browser: Browser, web: tuple) -> None:
    page, _ = open_page(browser, web[0])
    links = page.evaluate("() => Array.from(document.links, a => a.getAttribute('href'))")
    assert links  # the contents at least
    assert tab_stops(page) == links


def test_the_page_is_self_contained_and_in_the_edition_language(web: tuple) -> None:
    path, workshop = web
    html = path.read_text(encoding="utf-8")
    assert f'<html lang="{language_tag(workshop.language)}">' in html
    # Nothing is fetched: no external style sheet, script, font or picture.
    assert not re.search(r"<(link|script|iframe|object|embed)\b", html)
    assert not re.search(r"""\b(src|srcset|data)=(?!["']?data:)""", html)
    assert "@import" not in html and "url(" not in html


def test_the_programme_has_the_breaks_in_the_workshops_clock(web: tuple) -> None:
    """As the printed programme: every section and break, with its times."""
    path, workshop = web
    text, w = html_text(path), workshop.interface_words()
    rows = [
        f"{w.span(item.start, item.end)} {normal(item_title(item, w))}"
        for item in timetable(workshop)
    ]
    assert [row for row in rows if row not in text] == []


def test_no_facilitator_only_text(browser: Browser, web: tuple) -> None:
    path, workshop = web
    page, _ = open_page(browser, path)
    shown = normal(page.inner_text("body"))
    leaked = [secret for secret in secrets(workshop) if normal(secret) in shown]
    assert leaked == []
    for _, block in workshop.blocks():
        for challenge in getattr(block, "challenges", ()):
            assert normal(challenge.statement).strip("\"“”'") in shown


def test_printing_leaves_out_the_navigation_and_shows_web_addresses(
    browser: Browser, web: tuple
) -> None:
    page, _ = open_page(browser, web[0])
    page.emulate_media(media="print")
    assert not page.is_visible("nav")
    links = page.evaluate(
        "() => Array.from(document.querySelectorAll('main a[href^=\"http\"]'),"
        " a => getComputedStyle(a, '::after').content)"
    )
    assert all(content.startswith('" (http') for content in links)


def test_workshop_text_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(
        'title: "<script>alert(1)</script> **Bold**"\norganisation: "O & <b>P</b>"\n'
        "sections:\n  - title: S\n    duration: 5\n    blocks:\n"
        "      - bullets:\n          title: T\n          items: ['<img src=x onerror=alert(1)>']\n",
        encoding="utf-8",
    )
    workshop = load(tmp_path).workshop
    write_web_edition(tmp_path / WEB.file, workshop, workshop.theme)
    html = (tmp_path / WEB.file).read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>P" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <strong>Bold</strong>" in html


@pytest.mark.parametrize(
    ("picture", "prepare"), [("photo.jpg", _phone_photo), ("photo-49mp.jpg", _photo_49)]
)
def test_pictures_are_embedded_upright_and_reduced(tmp_path: Path, picture: str, prepare) -> None:
    """As every other output draws them: a phone photo turned, a 49 MP photo at 2400 px."""
    folder = _workshop(tmp_path, picture, prepare)
    build(folder, tmp_path / "out", only=["handouts"])
    html = (tmp_path / "out" / WEB.file).read_text(encoding="utf-8")
    [data] = re.findall(r'<img src="data:image/jpeg;base64,([^"]+)"', html)
    with Image.open(io.BytesIO(base64.b64decode(data))) as image:
        assert max(image.size) <= MAX_SIDE
        assert image.getexif().get(0x0112, 1) == 1  # no turn left for the browser to make
        if picture == "photo.jpg":
            assert _upright(image)
