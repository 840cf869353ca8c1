"""The ``kit`` command line: new, check, build, schema.

Problems in the user's content print one line each (``file:line:col: field: message``) and
exit with status 1; an unexpected exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kit.app.console import (
    LANG,
    PATH,
    fail,
    interrupted,
    report,
    report_failures,
    warn,
)
from kit.errors import BuildError, ContentError, KitError
from kit.outputs import RENDERERS, Paper


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'kit COMMAND --help' for a command's options. "
    "PATH is a workshop file or a folder holding workshop.yaml; it defaults to the current folder.",
)
@click.version_option(package_name="kit", message="kit %(version)s")
def main() -> None:
    """Build a workshop's slide deck, handouts and exercise sheets from one YAML file."""


@main.command(short_help="Create a starter workshop folder that builds as it is.")
@click.argument("path", type=click.Path(path_type=Path))
def new(path: Path) -> None:
    """Create a starter workshop folder at PATH (which must not exist yet).

    Its workshop.yaml builds as it is and teaches the format in its comments.
    """
    from kit.app.starter import create

    try:
        file = create(path)
    except KitError as exc:
        fail(exc)
    click.echo(f"created {file}; next: kit build {path}")


_PAPER = click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    help="Paper size of every printed output: A4 or US Letter.  "
    "[default: the workshop's build: paper, else a4]",
)


@main.command(short_help="Validate a workshop; every problem on its own line.")
@PATH
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on problems.")
@_PAPER
@LANG
def check(path: Path, strict: bool, paper: Paper | None, language: str | None) -> None:
    """Validate the workshop at PATH without writing anything.

    Every problem prints on its own line as file:line:col: field: message, and the exit
    status is 1. Runs the build's plan phase too, so it accepts exactly what kit build can
    build. With --lang, also lists every field the translation leaves in the default
    language or translated from a source text that has since changed, and counts them.

    \b
    PATH is a workshop file or a folder holding workshop.yaml (default: the current folder).
    """
    from kit.app.build import RENDERERS
    from kit.app.plan import plan
    from kit.source.loader import load

    try:
        loaded = load(path, language)
    except KitError as exc:
        fail(exc)
    for warning in loaded.warnings:
        warn(str(warning))
    built = plan(loaded, paper or loaded.workshop.build.paper, RENDERERS)
    for text in built.warnings:
        warn(text)
    if built.problems:
        fail(ContentError(list(built.problems)))
    workshop = loaded.workshop
    blocks = sum(len(section.blocks) for section in workshop.sections)
    click.echo(f"{loaded.file}: ok ({len(workshop.sections)} sections, {blocks} blocks)")
    if loaded.edition is not None:
        click.echo(loaded.edition.summary())
    if strict and (loaded.warnings or built.warnings):
        sys.exit(1)


@main.command(short_help="Validate a workshop, then write the deck, handouts and sheets.")
@PATH
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Folder to write the outputs into; each other edition goes into a folder inside it "
    "named by its language.  [default: build, or build/CODE with --lang CODE]",
)
@click.option(
    "--only",
    multiple=True,
    type=click.Choice(RENDERERS),
    help="Build only this output; repeat for more (--only slides --only handouts).  "
    "[default: all three]",
)
@_PAPER
@click.option(
    "--participants",
    type=click.IntRange(1, 1000),
    default=None,
    help="Head count for the print list and sign-in sheet  [default: the workshop's "
    "build: participants, else the participants list's length, else 20]",
)
@click.option(
    "--participants-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="CSV of names (columns name, organisation) for certificates and name tents "
    "[default: participants.csv beside the workshop, if there is one].",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 on warnings too (text continued on another slide, timings, wording).",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: rebuild whenever the workshop or a file it uses changes (Ctrl-C stops).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes drawing the outputs at once; 1 draws them one after another.  "
    "[default: one per processor]",
)
@LANG
def build(
    path: Path,
    out_dir: Path | None,
    only: tuple[str, ...],
    paper: Paper | None,  # one of click's choices, or the workshop's
    participants: int | None,
    participants_file: Path | None,
    strict: bool,
    watch: bool,
    jobs: int | None,
    language: str | None,
) -> None:
    """Validate the workshop at PATH, then write every output into --out.

    Nothing is written if the workshop has a problem or an output fails: the previous
    files stay as they were. Options left out come from the workshop's build: section; without
    --lang, every edition it lists in build: languages is built too, into --out/CODE.

    \b
    PATH is a workshop file or a folder holding workshop.yaml (default: the current folder).
    """
    from kit.app.interrupts import stop_like_ctrl_c

    stop_like_ctrl_c()
    if out_dir is None:
        out_dir = Path("build") / language if language else Path("build")
    if watch:
        from kit.app.watch import BuildSettings
        from kit.app.watch import watch as rebuild_on_change

        settings = BuildSettings(
            out_dir, only, paper, participants, language, participants_file, jobs
        )
        rebuild_on_change(path, settings, report, warn)
        return
    from kit.app.workers import Workers

    workers = Workers(jobs)  # shared by the editions
    try:
        warned = _build_editions(
            path,
            out_dir,
            language,
            only=only,
            paper=paper,
            participants=participants,
            participants_file=participants_file,
            workers=workers,
        )
    finally:
        workers.close()
    if strict and warned:
        click.echo(f"{warned} warning(s) with --strict", err=True)
        sys.exit(1)


def _build_editions(path: Path, out_dir: Path, language: str | None, **options: Any) -> int:
    """Build the edition asked for (or the workshop's own, then each of its build:
    languages into a folder of its own); how many warnings they gave."""
    from kit.app.build import build as run_build

    editions: list[str | None] = [language]
    warned = 0
    while editions:
        edition = editions.pop(0)
        folder = out_dir / edition if edition and not language else out_dir
        try:
            result = run_build(
                path,
                folder,
                language=edition,
                progress=lambda output: click.echo(f"wrote {output.describe()}"),
                waiting=lambda message: click.echo(message, err=True),
                warn=warn,
                **options,
            )
        except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM, SIGHUP
            interrupted(exc)
        except BuildError as exc:
            report_failures(exc)
            sys.exit(1)
        except KitError as exc:
            fail(exc)
        click.echo(f"built {len(result.written)} file(s) into {folder}")
        warned += len(result.warnings)
        if not language and edition is None:
            editions.extend(result.editions)  # build: languages, after the workshop's own
    return warned


@main.command(short_help="Check the wording and theme colours; exit 1 on any finding.")
@PATH
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
@LANG
def lint(path: Path, output_format: str, language: str | None) -> None:
    """Check the wording and theme colours of the workshop at PATH; exit 1 on any finding.

    Each finding prints as file:line:col: rule: message (suggestion: ...). With --lang,
    checks the wording of that edition's translation file instead.

    \b
    PATH is a workshop file or a folder holding workshop.yaml (default: the current folder).
    """
    from kit.lint import lint as run_lint
    from kit.source.loader import load

    try:
        loaded = load(path, language)
    except KitError as exc:
        fail(exc)
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


@main.command(name="import", short_help="Turn a PowerPoint or Markdown deck into a workshop.")
@click.argument("deck", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--out",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder to write workshop.yaml, its schema and the deck's pictures into; "
    "an existing workshop.yaml there is never overwritten.",
)
def import_command(deck: Path, folder: Path) -> None:
    """Write a starting workshop.yaml from DECK, one block per slide.

    DECK is a PowerPoint deck (.pptx: titles, bullets, tables, notes, pictures with their
    alt text) or a Markdown deck (.md, pandoc or Marp style). Durations are a guess and
    pictures without alt text get a placeholder: the import lists what to check.
    """
    from kit.app.importing import import_deck

    try:
        file, notices = import_deck(deck, folder)
    except KitError as exc:
        fail(exc)
    for notice in notices:
        click.echo(f"check: {notice}", err=True)
    click.echo(f"wrote {file}; next: kit check {folder}")


@main.group(short_help="Export a workshop's text as PO for translators; import it back.")
def translate() -> None:
    """A translator's workflow in gettext PO files (Poedit, Weblate, ...)."""


@translate.command("export")
@PATH
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
        fail(exc)
    done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    total = sum(1 for m in catalog if m.id)
    click.echo(f"wrote {written} ({total} entries: {done} translated, {fuzzy} fuzzy)")


@translate.command("import")
@click.argument("po_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@PATH
@click.option("--lang", "language", metavar="CODE", help="Language [default: the PO header's].")
def translate_import(po_file: Path, path: Path, language: str | None) -> None:
    """Check the translated PO_FILE against the workshop at PATH and make it its edition."""
    from kit.source.translate import import_catalog

    try:
        loaded = import_catalog(path, po_file, language)
    except KitError as exc:
        fail(exc)
    for warning in loaded.warnings:
        warn(str(warning))
    assert loaded.edition is not None
    click.echo(loaded.edition.summary())


@main.command(short_help="Print the JSON Schema of workshop files, for editors.")
def schema() -> None:
    """Print the JSON Schema of workshop files, for editor completion and checking.

    Save it (kit schema > workshop.schema.json) and point your editor at it, or keep the
    yaml-language-server line the starter workshop carries.
    """
    from kit.source.schema import workshop_schema

    click.echo(json.dumps(workshop_schema(), indent=2, ensure_ascii=False))
