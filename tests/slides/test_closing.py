"""The closing slide carries a QR code to each address the workshop gives: the online
evaluation and the published web edition, read by zbarimg off the deck as LibreOffice shows
it and as kit's own deck PDF prints it, in each edition's language."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from kit.app.build import build
from kit.source.loader import load

from ..conftest import FIXTURES, SAMPLE, pdf_pages
from ..handouts.test_qr import decoded
from ..readers import soffice_convert

# (fixture, edition): both addresses (English, Russian); the web edition's alone.
CASES = [("other-workshop", None), ("other-workshop", "ru"), ("all-blocks", None)]


@pytest.fixture(scope="module", params=CASES, ids=lambda case: f"{case[0]}-{case[1] or 'base'}")
def closing(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    name, language = request.param
    out = tmp_path_factory.mktemp("closing")
    build(FIXTURES / name, out, only=["slides", "handouts"], language=language)
    return load(FIXTURES / name, language).workshop, out


@pytest.mark.parametrize("reader", ["libreoffice", "kit"])
def test_the_last_slide_holds_a_readable_code_for_each_address(
    closing: tuple, reader: str, tmp_path: Path
) -> None:
    workshop, out = closing
    pdf = (
        soffice_convert([out / "deck.pptx"], tmp_path)[0]
        if reader == "libreoffice"
        else out / "deck.pdf"
    )
    urls = [url for url in (workshop.feedback_url, workshop.web and workshop.web.url) if url]
    assert workshop.web is not None and urls
    last = pdf_pages(pdf)[-1]
    w = workshop.interface_words()
    assert (w("feedback_title") if workshop.feedback_url else w("take_it_home")) in last
    assert all(url in "".join(last.split()) for url in urls)  # a long one over two lines
    if len(urls) > 1:  # each code says what it leads to
        assert w("evaluation") in last and w("web_edition") in last
    assert sorted(decoded(pdf, [len(pdf_pages(pdf))], tmp_path / "qr")) == sorted(urls)


def test_the_deck_s_qr_code_is_encoded_once_however_often_the_deck_is_planned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Planned twice a build (to settle its sizes) and again on each --watch rebuild."""
    import segno

    from kit.layout.deckplan import plan_deck

    encoded: list[str] = []
    make_qr = segno.make_qr

    def counted(data: str, **options: object) -> object:
        encoded.append(data)
        return make_qr(data, **options)

    monkeypatch.setattr(segno, "make_qr", counted)
    url = f"https://example.org/feedback/{uuid.uuid4()}"  # never encoded before
    workshop = load(SAMPLE).workshop.model_copy(update={"feedback_url": url})
    plan_deck(workshop)
    plan_deck(workshop)
    assert encoded == [url]
