"""The command line explains itself: help on every option, defaults shown, a version."""

from __future__ import annotations

from importlib.metadata import version

import click
from click.testing import CliRunner

from kit.app.cli import main


def _commands() -> dict[str, click.Command]:
    return dict(main.commands)  # type: ignore[attr-defined]


def test_every_option_of_every_command_has_help() -> None:
    for name, command in _commands().items():
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"kit {name} {param.opts[0]} has no help text"


def test_options_with_a_value_show_their_default() -> None:
    for name, command in _commands().items():
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            if not (param.is_flag or param.multiple or param.required):
                shown = param.show_default or "[default:" in (param.help or "")
                assert shown, f"kit {name} {param.opts[0]} does not show its default"


def test_summaries_are_not_cut_short() -> None:
    listing = CliRunner().invoke(main, ["--help"]).output
    commands = listing.split("Commands:")[1]
    assert "..." not in commands
    for command in _commands().values():
        assert command.get_short_help_str(limit=200) in " ".join(commands.split())


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output == f"kit {version('kit')}\n"


def test_path_defaults_to_the_current_folder_in_every_command_that_takes_it() -> None:
    for name in ("build", "check", "lint"):
        text = " ".join(CliRunner().invoke(main, [name, "--help"]).output.split())
        assert "(default: the current folder)" in text, name
