"""The ``kit`` command line: new, check, build, schema.

Problems in the user's content print one line each (``file:line:col: field: message``) and
exit with status 1; an unexpected exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import traceback
from pathlib import Path

import click

from kit.errors import BuildError, ContentError, KitError
from kit.outputs import RENDERERS


class _WarningCounter(logging.Handler):
    """Prints kit's warnings as ``warning: ...`` and counts them for --strict."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        click.echo(f"warning: {record.getMessage()}", err=True)


def _warnings() -> _WarningCounter:
    logger = logging.getLogger("kit")
    for handler in list(logger.handlers):
        if isinstance(handler, _WarningCounter):
            logger.removeHandler(handler)
    counter = _WarningCounter()
    logger.addHandler(counter)
    logger.propagate = False
    return counter


def _fail(exc: KitError) -> None:
    _report(exc)
    sys.exit(1)


def _report(exc: KitError) -> None:
    """Print a failed load or build: each problem, or each failed output, on its own line."""
    if isinstance(exc, BuildError):
        _report_failures(exc)
    elif isinstance(exc, ContentError):
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(exc.problems)} problem(s) found; nothing was written.", err=True)
    else:
        click.echo(f"error: {exc}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kit")
def main() -> None:
    """Build a workshop's slide deck, handouts and exercise sheets from one YAML file."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
def new(path: Path) -> None:
    """Create a starter workshop folder at PATH that builds as it is."""
    from kit.app.starter import create

    try:
        file = create(path)
    except KitError as exc:
        _fail(exc)
    click.echo(f"created {file}; next: kit build {path}")


_LANG = click.option(
    "--lang",
    "language",
    metavar="CODE",
    help="Use the workshop's edition in this language (translations/CODE.yaml or CODE.po).",
)


_PAPER = click.option(
    "--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True
)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@_PAPER
@_LANG
def check(path: Path, strict: bool, paper: str, language: str | None) -> None:
    """Validate the workshop at PATH (a file, or a folder holding workshop.yaml).

    Runs the build's plan phase too, so it accepts exactly what ``kit build`` can build.
    With --lang, also lists every field the translation leaves in the default language or
    translated from a source text that has since changed, and counts them.
    """
    from kit.app.build import RENDERERS
    from kit.app.plan import plan
    from kit.source.loader import load

    counter = _warnings()
    try:
        loaded = load(path, language)
    except KitError as exc:
        _fail(exc)
    for warning in loaded.warnings:
        logging.getLogger("kit").warning("%s", warning)
    problems = plan(loaded, paper, RENDERERS).problems  # type: ignore[arg-type]
    if problems:
        _fail(ContentError(problems))
    workshop = loaded.workshop
    blocks = sum(len(section.blocks) for section in workshop.sections)
    click.echo(f"{loaded.file}: ok ({len(workshop.sections)} sections, {blocks} blocks)")
    if loaded.edition is not None:
        click.echo(loaded.edition.summary())
    if strict and counter.count:
        sys.exit(1)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder to write the outputs into [default: build/, or build/CODE/ with --lang].",
)
@click.option(
    "--only",
    multiple=True,
    type=click.Choice(RENDERERS),
    help="Build only these outputs (repeatable).",
)
@_PAPER
@click.option(
    "--participants",
    type=click.IntRange(1, 1000),
    default=None,
    help="Head count for the print list and sign-in sheet [default: the participants "
    "list's length, else 20].",
)
@click.option(
    "--participants-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="CSV of names (columns name, organisation) for certificates and name tents "
    "[default: participants.csv beside the workshop, if there is one].",
)
@click.option("--strict", is_flag=True, help="Fail on warnings (overflow, timing) too.")
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: rebuild whenever the workshop or a file it uses changes (Ctrl-C stops).",
)
@_LANG
def build(
    path: Path,
    out_dir: Path | None,
    only: tuple[str, ...],
    paper: str,
    participants: int | None,
    participants_file: Path | None,
    strict: bool,
    watch: bool,
    language: str | None,
) -> None:
    """Validate the workshop at PATH, then render every output into --out."""
    from kit.app.build import build as run_build
    from kit.app.interrupts import stop_like_ctrl_c

    stop_like_ctrl_c()
    if out_dir is None:
        out_dir = Path("build") / language if language else Path("build")
    counter = _warnings()
    if watch:
        from kit.app.watch import BuildSettings
        from kit.app.watch import watch as rebuild_on_change

        settings = BuildSettings(out_dir, only, paper, participants, language, participants_file)  # type: ignore[arg-type]
        rebuild_on_change(path, settings, _report)
        return
    try:
        result = run_build(
            path,
            out_dir,
            only=only,
            paper=paper,  # type: ignore[arg-type]
            participants=participants,
            participants_file=participants_file,
            language=language,
            progress=lambda output: click.echo(f"wrote {output.describe()}"),
            waiting=lambda message: click.echo(message, err=True),
        )
    except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM, SIGHUP
        _interrupted(exc)
    except BuildError as exc:
        _report_failures(exc)
        sys.exit(1)
    except KitError as exc:
        _fail(exc)
    click.echo(f"built {len(result.written)} file(s) into {out_dir}")
    if strict and counter.count:
        click.echo(f"{counter.count} warning(s) with --strict", err=True)
        sys.exit(1)


def _interrupted(exc: KeyboardInterrupt) -> None:
    """One line, and the exit status a shell expects of a program its signal stopped."""
    from kit.app.interrupts import signal_number

    signum = signal_number(exc)
    name = signal.Signals(signum).name
    click.echo(f"stopped by {name}: each output is either complete or as it was before", err=True)
    sys.exit(128 + signum)


def _report_failures(exc: BuildError) -> None:
    result = exc.result
    for name, error in result.failed.items():  # type: ignore[attr-defined]
        if isinstance(error, KitError):
            click.echo(f"error: {name}: {error}", err=True)
        else:
            click.echo(f"error: {name} failed (a bug in kit):", err=True)
            traceback.print_exception(error, file=sys.stderr)
    written = len(result.written)  # type: ignore[attr-defined]
    click.echo(f"{written} file(s) written; failed outputs were left as they were.", err=True)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="One line per finding, or a JSON list for tools.",
)
@click.option(
    "--strict",
    is_flag=True,
    expose_value=False,
    help="Accepted for symmetry with build; lint always exits 1 on a finding.",
)
@_LANG
def lint(path: Path, output_format: str, language: str | None) -> None:
    """Check the wording and theme colours of the workshop at PATH; exit 1 on any finding.

    With --lang, checks the wording of that edition's translation file instead.
    """
    from kit.lint import lint as run_lint
    from kit.source.loader import load

    try:
        loaded = load(path, language)
    except KitError as exc:
        _fail(exc)
    findings = run_lint(loaded)
    if output_format == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
        count = f"{len(findings)} finding(s)" if findings else "no findings"
        checked = loaded.edition.file if loaded.edition else loaded.file
        click.echo(f"{checked}: {count}", err=True)
    if findings:
        sys.exit(1)


@main.group()
def translate() -> None:
    """A translator's workflow in gettext PO files (Poedit, Weblate, ...)."""


@translate.command("export")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--lang", "language", metavar="CODE", required=True, help="Target language.")
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=None,
    help="The PO file to write [default: translations/CODE.po, the edition kit builds from].",
)
def translate_export(path: Path, language: str, out_file: Path | None) -> None:
    """Write the workshop's text as a PO catalog for translation into CODE.

    One entry per text field: the field as context, the source line as reference. The
    edition's existing translations are kept; those whose source changed are marked fuzzy.
    """
    from kit.source.translate import export

    try:
        written, catalog = export(path, language, out_file)
    except KitError as exc:
        _fail(exc)
    done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    total = sum(1 for m in catalog if m.id)
    click.echo(f"wrote {written} ({total} entries: {done} translated, {fuzzy} fuzzy)")


@translate.command("import")
@click.argument("po_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--lang", "language", metavar="CODE", help="Language [default: the PO header's].")
def translate_import(po_file: Path, path: Path, language: str | None) -> None:
    """Check the translated PO_FILE against the workshop at PATH and make it its edition."""
    from kit.source.translate import import_catalog

    _warnings()
    try:
        loaded = import_catalog(path, po_file, language)
    except KitError as exc:
        _fail(exc)
    for warning in loaded.warnings:
        logging.getLogger("kit").warning("%s", warning)
    assert loaded.edition is not None
    click.echo(loaded.edition.summary())


@main.command()
def schema() -> None:
    """Print the JSON Schema of workshop files (for editor completion and checking)."""
    from kit.source.schema import workshop_schema

    click.echo(json.dumps(workshop_schema(), indent=2, ensure_ascii=False))
