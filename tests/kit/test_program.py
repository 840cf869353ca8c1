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


def test_all_the_program_printed_reaches_a_pipe() -> None:
    """Through a pipe, Python holds what a program prints until it has 8 KB or exits:
    a command that prints with print() (click's echo flushes of itself) loses nothing."""
    probe = (
        "import kit.app.cli\n"
        "kit.app.cli.main = lambda *_, **__: print('every line', 'of it')\n"
        "from kit.app.program import run\n"
        "run()\n"
    )
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    printed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=buffered
    )
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
    probe = (
        "import sys, kit.app.cli\n"
        "def command(*_, **__):\n"
        "    sys.exit('kit: the message')\n"
        "kit.app.cli.main = command\n"
        "from kit.app.program import run\n"
        "run()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == "kit: the message\n"
