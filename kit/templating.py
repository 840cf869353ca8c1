"""Variables in text fields (``{{ organisation }}``), rendered in a locked-down jinja2 sandbox.

Workshop files are untrusted: the environment is immutable and sandboxed, undefined
variables are errors, and both the output length and the render time are capped. The
time cap is checked at every call the template makes, which is what a loop needs to
run long (``range`` is itself capped by the sandbox).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

MAX_OUTPUT_CHARS = 20_000
MAX_SECONDS = 0.5


class TemplateProblem(ValueError):
    """A template could not be rendered; the message is for the user."""


def has_template(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


class _Renderer:
    def __init__(self) -> None:
        import jinja2
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        deadline = [0.0]

        class _Env(ImmutableSandboxedEnvironment):
            def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
                if time.monotonic() > deadline[0]:
                    raise TemplateProblem(f"template took longer than {MAX_SECONDS} s")
                return super().call(context, obj, *args, **kwargs)

        self._deadline = deadline
        self._jinja2 = jinja2
        self._env = _Env(undefined=jinja2.StrictUndefined, autoescape=False)
        self._env.filters.pop("attr", None)

    def render(self, text: str, variables: Mapping[str, str]) -> str:
        jinja2 = self._jinja2
        self._deadline[0] = time.monotonic() + MAX_SECONDS
        try:
            template = self._env.from_string(text)
            out: list[str] = []
            length = 0
            for piece in template.generate(**variables):
                length += len(piece)
                if length > MAX_OUTPUT_CHARS:
                    raise TemplateProblem(
                        f"template output is longer than {MAX_OUTPUT_CHARS} characters"
                    )
                if time.monotonic() > self._deadline[0]:
                    raise TemplateProblem(f"template took longer than {MAX_SECONDS} s")
                out.append(piece)
        except TemplateProblem:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(f"template syntax: {exc.message}") from None
        except jinja2.UndefinedError as exc:
            names = ", ".join(sorted(variables))
            raise TemplateProblem(f"template: {exc.message} (variables: {names})") from None
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateProblem(f"template: not allowed: {exc}") from None
        except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as exc:
            raise TemplateProblem(f"template: {exc}") from None
        return "".join(out)


_renderer: _Renderer | None = None


def render_template(text: str, variables: Mapping[str, str]) -> str:
    """Render ``text`` with ``variables``; raise TemplateProblem on any failure."""
    global _renderer
    if _renderer is None:
        _renderer = _Renderer()
    return _renderer.render(text, variables)
