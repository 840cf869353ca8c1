"""What the command line prints and reads alike in every command: warnings, problems and
failures on stderr, one a line; the --lang option and the PATH argument.

Problems in the user's content print one line each (``file:line:col: field: message``) and
exit with status 1; an unexpected exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import signal
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from kit.errors import BuildError, ContentError, KitError

if TYPE_CHECKING:
    from kit.app.build import BuildResult


def warn(warning: str) -> None:
    """Print a warning as it is found; --strict counts them from the result."""
    click.echo(f"warning: {warning}", err=True)


def fail(exc: KitError) -> None:
    report(exc)
    sys.exit(1)


def report(exc: KitError) -> None:
    """Print a failed load or build: each problem, or each failed output, on its own line."""
    if isinstance(exc, BuildError):
        report_failures(exc)
    elif isinstance(exc, ContentError):
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(exc.problems)} problem(s) found; nothing was written.", err=True)
    else:
        click.echo(f"error: {exc}", err=True)


def language_code(context: click.Context, parameter: click.Parameter, value: str | None):
    """Refuse a --lang that is not a language code before any path is made from it."""
    from kit.source.editions import check_language_code

    if value is not None:
        try:
            check_language_code(value)
        except KitError as exc:
            fail(exc)
    return value


LANG = click.option(
    "--lang",
    "language",
    metavar="CODE",
    callback=language_code,
    help="Use the workshop's edition in this language (translations/CODE.po or CODE.yaml), "
    "e.g. ru.  [default: the workshop's own language]",
)
PATH = click.argument("path", type=click.Path(path_type=Path), default=".")


def interrupted(exc: KeyboardInterrupt) -> None:
    """One line, and the exit status a shell expects of a program its signal stopped."""
    from kit.app.interrupts import signal_number

    signum = signal_number(exc)
    name = signal.Signals(signum).name
    click.echo(f"stopped by {name}: each output is either complete or as it was before", err=True)
    sys.exit(128 + signum)


def report_failures(exc: BuildError) -> None:
    result = cast("BuildResult", exc.result)  # kit.errors sits below the application
    for name, error in result.failed.items():
        if isinstance(error, KitError):
            click.echo(f"error: {name}: {error}", err=True)
        else:
            click.echo(f"error: {name} failed (a bug in kit):", err=True)
            traceback.print_exception(error, file=sys.stderr)
    click.echo("nothing was written; every output was left as it was.", err=True)
