"""The template limits in-process: what still works, and the time limit's manners.

The corpus (cases/template-*) runs the attacks through the command line; these check
what a child process cannot show: threads, and a program's own timer, handler and trace.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from importlib.metadata import version

import pytest

from kit.source.templating import MAX_SECONDS, TemplateProblem, render_template

VARIABLES = {"title": "Knowing the Difference", "organisation": "SWAN"}
SLOW = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
# One call, then loops that call nothing and print nothing: only the trace can stop them.
SILENT = "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
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


def _in_a_thread(template: str) -> tuple[str, float]:
    result: list[tuple[str, float]] = []
    worker = threading.Thread(target=lambda: result.append(_time(template)), daemon=True)
    worker.start()
    worker.join(timeout=HANG_GUARD)
    assert not worker.is_alive(), "the template is still running"
    [outcome] = result
    return outcome


@pytest.mark.parametrize("template", [SLOW, SILENT], ids=["calls", "silent"])
def test_a_slow_template_stops_in_a_thread_too(template: str) -> None:
    """No main thread needed: the limit is this thread's, not a process-wide timer."""
    message, seconds = _in_a_thread(template)
    assert message == f"template took longer than {MAX_SECONDS} s"
    assert seconds < STOPPED_WITHIN


@pytest.mark.parametrize("template", [SLOW, SILENT], ids=["calls", "silent"])
def test_the_limit_leaves_no_signal_timer_or_trace_behind(template: str) -> None:
    before = signal.getsignal(signal.SIGPROF)
    message, seconds = _time(template)
    assert message == f"template took longer than {MAX_SECONDS} s" and seconds < STOPPED_WITHIN
    assert signal.getsignal(signal.SIGPROF) is before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert sys.gettrace() is None
    assert render_template("{{ title }}", VARIABLES) == VARIABLES["title"]
    assert sys.gettrace() is None


def test_a_trace_of_the_program_is_left_alone() -> None:
    """A debugger's or coverage's trace stays; the checks at calls stop the template."""
    seen: list[str] = []

    def program_trace(frame: object, event: str, arg: object) -> None:
        seen.append(event)

    sys.settrace(program_trace)
    try:
        message, seconds = _time(SLOW)
        still = sys.gettrace()
    finally:
        sys.settrace(None)
    assert message == f"template took longer than {MAX_SECONDS} s" and seconds < STOPPED_WITHIN
    assert still is program_trace
    assert seen


def test_a_running_timer_of_the_program_is_left_alone() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGPROF, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_PROF, 30)
    try:
        message, seconds = _time(SILENT)  # stopped by the template's trace
        assert seconds < STOPPED_WITHIN
        assert message == f"template took longer than {MAX_SECONDS} s"
        assert 0 < signal.getitimer(signal.ITIMER_PROF)[0] <= 30
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    assert fired == []


@pytest.mark.parametrize(
    "template",
    [
        "{{ title }}",
        "{{title}} for {{ organisation }}",
        "Welcome to {{\n  title\n}}, by {{ organisation }}.",
        "{{ title }}\n",  # jinja2 drops the last newline
        "{{ title }}\r\nnext",  # and writes '\r\n' as '\n'
        "{{{ title }}",
        "{ {{ title }} }",
        "{{ title }}}",
        "{{ nobody }}",
        "{{ true }} {{ None }}",
        "{{- title }} x",
        "{{ title }} {# said #}",
        "x{{\u00a0title }}",
    ],
)
def test_plain_variables_print_as_jinja2_prints_them(template: str) -> None:
    """Variables alone are replaced without jinja2; the text must come out exactly as
    jinja2 prints it, and anything else (errors too) is left to jinja2."""
    from kit.source.templating import _Renderer

    def outcome(render: Callable[[], str]) -> str:
        try:
            return render()
        except TemplateProblem as problem:
            return f"problem: {problem}"

    jinja = outcome(lambda: _Renderer().render(template, VARIABLES, MAX_SECONDS, "slow"))
    assert outcome(lambda: render_template(template, VARIABLES)) == jinja
