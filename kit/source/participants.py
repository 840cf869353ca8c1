"""The participants list: a CSV file of names for certificates and name tents.

The first line names the columns: ``name`` (required) and ``organisation`` (optional), in
any order. Each later line is one person. The file is untrusted input like the workshop:
every problem is reported at once, located as ``file:line:col: field: message``, and the
build writes nothing when there is one.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from kit.errors import ContentError, KitError, Problem
from kit.model.participants import Participant

PARTICIPANTS_FILE = "participants.csv"
COLUMNS = ("name", "organisation")
MAX_NAME_CHARS = 80  # longer does not fit a certificate or a name tent at a readable size
MAX_ROWS = 1_000  # the same ceiling as --participants
MAX_BYTES = 1024 * 1024


def find_participants(workshop_dir: Path, given: Path | None) -> Path | None:
    """The file named on the command line, else ``participants.csv`` beside the workshop."""
    if given is not None:
        if not given.is_file():
            raise KitError(f"{given}: no such participants file")
        return given
    found = workshop_dir / PARTICIPANTS_FILE
    return found if found.is_file() else None


def read_participants(path: Path) -> tuple[Participant, ...]:
    """Every person in the CSV at ``path``; ContentError listing every bad line."""
    display = str(path)
    raw = path.read_bytes()[: MAX_BYTES + 1]
    if len(raw) > MAX_BYTES:
        raise ContentError([Problem(display, 1, 1, "", "a participants file holds at most 1 MiB")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError([Problem(display, line, column, "", "not UTF-8 text")]) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _fields(lines[0])
    problems: list[Problem] = []
    names = [name.strip().lower() for name, _ in header]
    for (value, column), name in zip(header, names):
        if name not in COLUMNS:
            message = f"unknown column '{value.strip()}'; the columns are " + ", ".join(COLUMNS)
            problems.append(Problem(display, 1, column, "", message))
    if "name" not in names:
        problems.append(Problem(display, 1, 1, "", "the first line must name a 'name' column"))
    if problems:
        raise ContentError(problems)
    people = []
    for number, text in enumerate(lines[1:], start=2):
        if not text.strip():
            continue
        person = _row(_fields(text), names, display, number, problems)
        if person is not None:
            people.append(person)
    if len(people) > MAX_ROWS:
        problems.append(Problem(display, 1, 1, "", f"at most {MAX_ROWS} participants"))
    if problems:
        raise ContentError(problems)
    return tuple(people)


def _row(
    fields: list[tuple[str, int]], names: list[str], file: str, line: int, problems: list[Problem]
) -> Participant | None:
    """One person, or None after adding each problem of the line to ``problems``."""
    before = len(problems)
    if len(fields) > len(names):
        column = fields[len(names)][1]
        message = f"{len(fields)} values but {len(names)} columns; quote a value holding a comma"
        problems.append(Problem(file, line, column, "", message))
        return None
    values = {}
    for name, (value, column) in zip(names, fields):
        value = unicodedata.normalize("NFC", " ".join(value.split()))
        if any(unicodedata.category(char) in ("Cc", "Cs", "Cn", "Co") for char in value):
            problems.append(Problem(file, line, column, name, "holds a control character"))
        elif len(value) > MAX_NAME_CHARS:
            message = f"longer than {MAX_NAME_CHARS} characters"
            problems.append(Problem(file, line, column, name, message))
        values[name] = value
    if not values.get("name"):
        column = fields[names.index("name")][1] if names.index("name") < len(fields) else 1
        problems.append(Problem(file, line, column, "name", "a participant needs a name"))
    if len(problems) > before:
        return None
    return Participant(values["name"], values.get("organisation", ""))


def _fields(line: str) -> list[tuple[str, int]]:
    """The values of one CSV line, each with the 1-based column where it starts."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(index + 2)
    values = next(csv.reader([line]), [""])
    return list(zip(values, starts))
