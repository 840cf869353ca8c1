"""The ``kit`` program ends its process as soon as the command is done (kit.app.program):
nothing it printed may be lost on the way, and its status is the command's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _kit(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m kit ARGS``, its output read through pipes, as a script reads it."""
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True)


def _program_running(command: str) -> subprocess.CompletedProcess[str]:
    """The kit program run with ``command`` (the body of a function of the command line's
    arguments) in place of the command line, its output read through pipes, buffered as
    Python buffers a pipe when nothing says otherwise."""
    body = "".join(f"    {line}\n" for line in command.splitlines())
    probe = (
        "import sys, kit.app.cli\n"
        f"def command(*_, **__):\n{body}"
        "kit.app.cli.main = command\n"
        "from kit.app.program import run\n"
        "run()\n"
    )
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=buffered
    )


def test_all_the_program_printed_reaches_a_pipe() -> None:
    """Through a pipe, Python holds what a program prints until it has 8 KB or exits:
    a command that prints with print() (click's echo flushes of itself) loses nothing."""
    printed = _program_running("print('every line', 'of it')")
    assert printed.stdout == "every line of it\n", printed.stderr
    result = _kit("schema")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"]


def test_the_program_ends_with_the_commands_status(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text("title: [\n", encoding="utf-8")
    result = _kit("check", str(tmp_path))
    assert result.returncode == 1
    assert "workshop.yaml:" in result.stderr
    assert _kit("--version").returncode == 0


def test_a_command_that_exits_with_a_message_prints_it_as_python_does() -> None:
    result = _program_running("sys.exit('kit: the message')")
    assert result.returncode == 1
    assert result.stderr == "kit: the message\n"
