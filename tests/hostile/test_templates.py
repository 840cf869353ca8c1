"""The template limits in-process: what still works, and the timer's manners.

The corpus (cases/template-*) runs the attacks through the command line; these check
what a child process cannot show: threads, and a program's own timer and handler.
"""

from __future__ import annotations

import signal
import threading
import time
from importlib.metadata import version

import pytest

from kit.source.templating import MAX_SECONDS, TemplateProblem, render_template

VARIABLES = {"title": "Knowing the Difference", "organisation": "SWAN"}
SLOW = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
# Processor seconds, as the limit counts them: a busy machine is slower by the clock, not by
# this. The join timeout only guards against a hang.
STOPPED_WITHIN = 10
HANG_GUARD = 600


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ organisation }}: {{ title }}", "SWAN: Knowing the Difference"),
        ("{{ title|upper }}", "KNOWING THE DIFFERENCE"),
        ("{{ title|truncate(10) }}", "Knowing..."),
        ("{{ subtitle|default('none', true) }}", "none"),
        ("{{ 'yes' if organisation else 'no' }}", "yes"),
        ("{{ organisation ~ '!' }}", "SWAN!"),
        ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
        ("{{ 3 * 4 }} {{ 2 ** 10 }} {{ '-' * 3 }}", "12 1024 ---"),
    ],
)
def test_ordinary_templates_still_render(template: str, expected: str) -> None:
    assert render_template(template, {**VARIABLES, "subtitle": ""}) == expected


def test_jinja2_has_the_sandbox_fixes() -> None:
    """3.1.5 and 3.1.6 close escapes through str.format and |attr (pyproject pins >=3.1.6)."""
    major, minor, patch = (int(part) for part in version("jinja2").split(".")[:3])
    assert (major, minor, patch) >= (3, 1, 6)


def _time(template: str) -> tuple[str, float]:
    start = time.process_time()
    with pytest.raises(TemplateProblem) as caught:
        render_template(template, VARIABLES)
    return str(caught.value), time.process_time() - start


def test_a_slow_template_stops_in_a_thread_too() -> None:
    """No signals outside the main thread: the deadline checks at each call stop it."""
    result: list[tuple[str, float]] = []
    worker = threading.Thread(target=lambda: result.append(_time(SLOW)))
    worker.start()
    worker.join(timeout=HANG_GUARD)
    ((message, seconds),) = result
    assert message == f"template took longer than {MAX_SECONDS} s"
    assert seconds < STOPPED_WITHIN


def test_the_timer_restores_the_programs_own_handler() -> None:
    before = signal.getsignal(signal.SIGPROF)
    message, seconds = _time(SLOW)
    assert message == f"template took longer than {MAX_SECONDS} s" and seconds < STOPPED_WITHIN
    assert signal.getsignal(signal.SIGPROF) is before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_running_timer_of_the_program_is_left_alone() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGPROF, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_PROF, 30)
    try:
        message, seconds = _time(SLOW)  # stopped by the deadline checks instead
        assert seconds < STOPPED_WITHIN
        assert message == f"template took longer than {MAX_SECONDS} s"
        assert 0 < signal.getitimer(signal.ITIMER_PROF)[0] <= 30
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    assert fired == []
