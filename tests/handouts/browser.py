"""A real browser for the web edition: Debian's Chromium, driven by Playwright, with axe-core.

Chromium runs headless with a fresh profile, no network features, and the page is opened
from a file with every request outside it blocked, so nothing leaves the machine.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def axe_script() -> Path:
    """axe-core from the npm registry at the version package.json pins, installed if missing."""
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("'npm' is not installed; run .ci/run or install nodejs and npm")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    return AXE


@contextmanager
def chromium() -> Iterator[Browser]:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("'chromium' is not installed; run .ci/run or install it (see README)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Browser, path: Path, **context: object) -> tuple[Page, list[str]]:
    """The page at ``path``, and a list that collects every request it makes elsewhere."""
    page = browser.new_context(**context).new_page()
    outside: list[str] = []

    def block(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.url != path.as_uri():
            outside.append(request.url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    page.route("**/*", block)
    page.goto(path.as_uri())
    return page, outside


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it stands, every rule axe runs by default."""
    page.add_script_tag(content=axe_script().read_text(encoding="utf-8"))
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in json.loads(result)
    ]


def tab_stops(page: Page, limit: int = 500) -> list[str]:
    """The ``href`` of each element Tab reaches, in order, until focus comes round again."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => document.activeElement === document.body ? null"
            " : (document.activeElement.getAttribute('href') || document.activeElement.tagName)"
        )
        if href is None or (stops and href == stops[0]):
            break
        stops.append(href)
    return stops
