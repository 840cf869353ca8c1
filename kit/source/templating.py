"""Variables in text fields (``{{ organisation }}``), rendered in a locked-down jinja2 sandbox.

Workshop files are untrusted: the environment is immutable and sandboxed, undefined
variables are errors, and both the output length and the render time are capped.

- Time: processor time, so that a busy machine cannot turn a good file into a failing
  one. The template's compiled code is traced while it runs (this thread only), so a
  render that runs too long stops, even a loop that calls nothing; the deadline is also
  checked at every call and every piece of output. All of one workshop's templates share a
  total budget too.
- Memory: every value a template builds or prints stays under the output cap. ``*``,
  ``**`` and ``+`` are sized before they run, ``~`` through a code generator hook, every
  ``{{ value }}`` before it is printed; ``%`` formatting of text is refused; only filters
  whose output grows at most linearly with their input are kept; and of the globals only
  ``range`` (capped by the sandbox), ``dict``, ``cycler`` and ``joiner`` may be called, no
  methods and no macros.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import FrameType
from typing import Any

MAX_OUTPUT_CHARS = 20_000
MAX_SECONDS = 0.5
MAX_TOTAL_SECONDS = 1.25  # not a multiple of MAX_SECONDS: which message a field gets is clear
_TEMPLATE_FILE = "<template>"  # where jinja2 says the code it compiles from a string is from
# The others can turn a few bytes into gigabytes (center, indent, format, join, replace,
# batch, wordwrap) or reach attributes by name (attr, map, sort, groupby).
_FILTERS = frozenset(
    {
        *("abs", "capitalize", "count", "d", "default", "first", "int", "last", "length"),
        *("lower", "round", "string", "title", "trim", "truncate", "upper", "wordcount"),
    }
)
# lipsum loops in Python without calling back; namespace is a mutable accumulator.
_GLOBALS = frozenset({"range", "dict", "cycler", "joiner"})


class TemplateProblem(ValueError):
    """A template could not be rendered; the message is for the user."""


class _OutOfTime(BaseException):
    """Raised by the timer; not an Exception, so no ``except Exception`` in jinja2 eats it."""


def has_template(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def _size(value: Any) -> int:
    """Roughly how many characters ``value`` prints as, found without printing it.

    A list counts its items' sizes, not just its length: ``[title] * 20000`` is short but
    prints as 20,000 titles.
    """
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return len(value) + sum(map(_size, value))
    if isinstance(value, dict):
        return len(value) + sum(_size(key) + _size(item) for key, item in value.items())
    if isinstance(value, int):
        return max(1, abs(value).bit_length() * 3 // 10)  # decimal digits
    return 1


def _result_size(operator: str, left: Any, right: Any) -> int:
    """A bound on the size of ``left <operator> right``, computed without running it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                return _size(seq) * count
    if operator == "**" and isinstance(left, int) and isinstance(right, int):
        return _size(left) * right
    return _size(left) + _size(right)


def _check_size(size: int, what: str) -> None:
    if size > MAX_OUTPUT_CHARS:
        raise TemplateProblem(f"template: {what} is longer than {MAX_OUTPUT_CHARS} characters")


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` passes here before it is printed: check its size first."""
    _check_size(_size(value), "a value")
    return value


@contextmanager
def _time_limit(deadline: float) -> Iterator[None]:
    """Raise _OutOfTime in the template's own code once processor time passes ``deadline``.

    A trace function of this thread alone, watching only the code jinja2 compiled from the
    template (a loop that calls nothing runs lines all the same): no signal, no interval
    timer, nothing another thread or another build shares. Left out while the program
    traces itself (a debugger, coverage); the deadline checks at calls and output remain.
    """
    if sys.gettrace() is not None:
        yield
        return

    def watch(frame: FrameType, event: str, arg: Any) -> Any:
        if time.process_time() > deadline:
            raise _OutOfTime
        return watch

    def enter(frame: FrameType, event: str, arg: Any) -> Any:
        return watch if frame.f_code.co_filename == _TEMPLATE_FILE else None

    sys.settrace(enter)
    try:
        yield
    finally:
        sys.settrace(None)


class _Renderer:
    def __init__(self) -> None:
        import jinja2
        from jinja2.compiler import CodeGenerator
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        deadline = [0.0]

        class _Generator(CodeGenerator):
            def visit_Concat(self, node: Any, frame: Any) -> None:
                # jinja2 joins '~' inline; route it through the environment to check its size.
                self.write("environment.join_text((")
                for part in node.nodes:
                    self.visit(part, frame)
                    self.write(", ")
                self.write("))")

        class _Env(ImmutableSandboxedEnvironment):
            code_generator_class = _Generator
            intercepted_binops = frozenset({"*", "**", "+", "%"})

            def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
                if time.process_time() > deadline[0]:
                    raise _OutOfTime
                # Methods of values (str.center, str.format, ...) and macros (recursion)
                # are the remaining ways to build huge values or to run long.
                if not any(obj is allowed for allowed in self.globals.values()):
                    name = getattr(obj, "__name__", None) or getattr(obj, "name", "this")
                    raise TemplateProblem(f"template: calling '{name}' is not allowed")
                return super().call(context, obj, *args, **kwargs)

            def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
                if operator == "%" and isinstance(left, str):  # '%0999999999d' % 1
                    raise TemplateProblem("template: '%' formatting of text is not allowed")
                _check_size(_result_size(operator, left, right), f"the result of '{operator}'")
                return super().call_binop(context, operator, left, right)

            @staticmethod
            def join_text(parts: Iterable[Any]) -> str:
                parts = list(parts)
                _check_size(sum(map(_size, parts)), "the result of '~'")  # before printing
                return "".join(str(part) for part in parts)

        self._deadline = deadline
        self._jinja2 = jinja2
        self._env = _Env(undefined=jinja2.StrictUndefined, autoescape=False, finalize=_finalize)
        self._env.filters = {k: v for k, v in self._env.filters.items() if k in _FILTERS}
        self._env.globals = {k: v for k, v in self._env.globals.items() if k in _GLOBALS}

    def render(self, text: str, variables: Mapping[str, str], seconds: float, slow: str) -> str:
        """Render ``text``; TemplateProblem with ``slow`` if it takes over ``seconds``."""
        jinja2 = self._jinja2
        _check_size(len(text), "the template")
        deadline = self._deadline[0] = time.process_time() + seconds
        out: list[str] = []
        try:
            # Compiling takes a time bounded by the template's size; running it may not end.
            template = self._env.from_string(text)
            length = 0
            with _time_limit(deadline):
                for piece in template.generate(**variables):
                    length += len(piece)
                    _check_size(length, "the output")
                    if time.process_time() > deadline:
                        raise _OutOfTime
                    out.append(piece)
        except _OutOfTime:
            raise TemplateProblem(slow) from None
        except TemplateProblem:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(f"template syntax: {exc.message}") from None
        except jinja2.UndefinedError as exc:
            names = ", ".join(sorted(variables))
            said = f"template: {exc.message}"
            unknown = re.match(r"'(\w+)' is undefined", exc.message or "")
            close = difflib.get_close_matches(unknown[1], list(variables), 1) if unknown else []
            said += f"; did you mean '{close[0]}'?" if close else f" (variables: {names})"
            raise TemplateProblem(said) from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateProblem(f"template: not allowed: {exc}") from None
        except RecursionError:  # '((((...))))' nested thousands deep
            raise TemplateProblem("template: nested too deeply") from None
        except MemoryError:
            raise TemplateProblem("template: needs too much memory") from None
        except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
            raise TemplateProblem(f"template: {exc}") from None
        return "".join(out)


class Templates:
    """One load's templates: a sandbox of its own, and the time they may spend together.

    Made per load, so nothing is shared between loads: not the sandbox, not its deadline,
    not the budget. The trace that keeps time is set only while one template renders.
    """

    def __init__(self, total_seconds: float = MAX_TOTAL_SECONDS) -> None:
        self.left = total_seconds
        self._renderer: _Renderer | None = None  # jinja2 is imported on the first template

    def render(self, text: str, variables: Mapping[str, str]) -> str:
        """Render ``text`` with ``variables``; raise TemplateProblem on any failure.

        Each render is capped at MAX_SECONDS and counts against (and stops at) the total.
        """
        seconds, slow = MAX_SECONDS, f"template took longer than {MAX_SECONDS} s"
        if self.left < seconds:
            seconds, slow = self.left, f"templates took longer than {MAX_TOTAL_SECONDS} s in total"
            if seconds <= 0:
                raise TemplateProblem(slow)
        plain = _substituted(text, variables)
        if plain is not None:
            return plain
        if self._renderer is None:
            self._renderer = _Renderer()
        start = time.process_time()
        try:
            return self._renderer.render(text, variables, seconds, slow)
        finally:
            self.left -= time.process_time() - start


# Text whose only template parts are variables, ``{{ name }}``, and that jinja2 prints as
# written around them (it ends no line with its last newline and turns '\r\n' into '\n').
_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}", re.ASCII)
_CONSTANTS = frozenset({"true", "false", "none", "True", "False", "None"})


def _substituted(text: str, variables: Mapping[str, str]) -> str | None:
    """``text`` with its variables replaced, exactly as jinja2 would print it, without
    importing jinja2 (a tenth of a second at start-up); None for any other template, an
    unknown name, a value or result over the cap: jinja2 renders those, and says what is
    wrong."""
    if "\r" in text or text.endswith("\n") or len(text) > MAX_OUTPUT_CHARS:
        return None
    names = _VARIABLE.findall(text)
    if any(name not in variables or name in _CONSTANTS for name in names):
        return None
    if "{" in _VARIABLE.sub("", text):  # another template part, or a brace jinja2 may join
        return None
    out = _VARIABLE.sub(lambda match: variables[match[1]], text)
    return out if len(out) <= MAX_OUTPUT_CHARS else None


def render_template(text: str, variables: Mapping[str, str]) -> str:
    """Render one template on its own (a fresh ``Templates``); see ``Templates.render``."""
    return Templates().render(text, variables)
