"""YAML syntax errors explained: where the mistake is, not only where the parser gave up.

libyaml reports the point where it could not go on, often lines after the mistake (an
unclosed ``[`` is noticed at the next key). Each explanation names the line that holds the
cause, says what YAML made of it, and gives the fix. What is not recognised keeps the
parser's words, with the construct's opening named when that is on another line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Explained:
    """Where to report a syntax error (1-based) and what to say."""

    line: int
    column: int
    message: str


_OPENERS = {"sequence": ("[", "]"), "mapping": ("{", "}")}
_MISALIGNED = ("expected <block end>", "did not find expected key", "expected '-' indicator")
_TAB_FIX = "YAML indents with spaces only: replace the tab with spaces"
_KEY = re.compile(r"^(\s*)(?:-\s+)*([^\s#][^:#]*?):(?:\s|$)")
_CONTENT = re.compile(r"^\s*(?:-\s+)*[^\s#]")


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """One located, plain-words explanation of the syntax error ``exc`` in ``text``."""
    lines = text.split("\n")
    problem = exc.problem_mark
    assert problem is not None
    at = (problem.line + 1, problem.column + 1)
    context, said = exc.context or "", exc.problem or ""
    opened = exc.context_mark
    start = (opened.line + 1, opened.column + 1) if opened else at
    gave_up = f"YAML gave up at line {at[0]}, column {at[1]}"

    if "tab" in said or _char_is(lines, problem, "\t"):
        line = _tab_line(lines, problem.line)
        return Explained(line, 1, f"line {line} is indented with a tab; {_TAB_FIX}")
    for sign, name in (("*", "alias"), ("&", "anchor")):
        if f"scanning an {name}" in context and opened:
            return _must_quote(start, sign, _rest(lines, opened), f"starts a YAML {name}")
    if "cannot start any token" in said and _char_is(lines, problem, "@`"):
        sign = lines[problem.line][problem.column]
        return _must_quote(at, sign, _rest(lines, problem), "is reserved in YAML")
    if "flow" in context and (not opened or opened.line == problem.line):
        start = _unclosed(text, problem.index) or start  # libyaml lost the opening
    for sign, closer in _OPENERS.values():
        if "flow" in context and _char_at(lines, start) == sign and start[0] != at[0]:
            fix = f"add '{closer}' at the end of line {start[0]}, or write one item per line"
            return Explained(*start, f"the '{sign}' opened here is never closed ({gave_up}): {fix}")
    if "quoted scalar" in context and "end of stream" in said:
        message = "the quote opened here is never closed: add the closing quote"
        return Explained(*start, f"{message} (YAML reached the end of the file at line {at[0]})")
    if "mapping values are not allowed" in said:
        return _stray_colon(lines, problem) or Explained(*at, f"YAML syntax: {said}")
    if "could not find expected ':'" in said and opened:
        return Explained(*start, f"this key has no ':' after it ({gave_up}): write 'key: value'")
    if any(words in said for words in _MISALIGNED):
        return _misaligned(lines, problem)
    if said.startswith("but"):  # "but found another document" needs its context
        return Explained(*at, f"YAML syntax: {context} {said}")
    if opened and opened.line != problem.line:
        where = f"{context} that opened at line {start[0]}, column {start[1]}"
        return Explained(*at, f"YAML syntax: {said} ({where})")
    return Explained(*at, f"YAML syntax: {said}")


def _char_at(lines: list[str], at: tuple[int, int]) -> str:
    line = lines[at[0] - 1] if at[0] <= len(lines) else ""
    return line[at[1] - 1] if at[1] <= len(line) else ""


def _unclosed(text: str, end: int) -> tuple[int, int] | None:
    """Where the last '[' or '{' still open at ``end`` was opened (quotes and comments skipped)."""
    stack: list[int] = []
    index, quote = 0, ""
    while index < min(end, len(text)):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"" and (index == 0 or text[index - 1] in " \t\n[{,:-"):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            index = text.find("\n", index)
            index = len(text) if index < 0 else index
            continue
        elif char in "[{":
            stack.append(index)
        elif char in "]}" and stack:
            stack.pop()
        index += 1
    if not stack:
        return None
    line = text.count("\n", 0, stack[-1])
    return line + 1, stack[-1] - (text.rfind("\n", 0, stack[-1]) + 1) + 1


def _must_quote(at: tuple[int, int], sign: str, rest: str, why: str) -> Explained:
    message = f"text that starts with '{sign}' must be in quotes (an unquoted '{sign}' {why})"
    return Explained(*at, f'{message}: write "{rest}"')


def _char_is(lines: list[str], mark: yaml.Mark, chars: str) -> bool:
    line = lines[mark.line] if mark.line < len(lines) else ""
    return mark.column < len(line) and line[mark.column] in chars


def _tab_line(lines: list[str], index: int) -> int:
    """The first line from ``index`` on indented with a tab (libyaml may point earlier)."""
    for number in range(index, min(index + 3, len(lines))):
        if "\t" in lines[number][: len(lines[number]) - len(lines[number].lstrip())]:
            return number + 1
    return index + 1


def _rest(lines: list[str], mark: yaml.Mark) -> str:
    return lines[mark.line][mark.column :].rstrip().replace('"', '\\"')


def _previous_content(lines: list[str], index: int) -> int | None:
    for number in range(index - 1, -1, -1):
        if _CONTENT.match(lines[number]):
            return number
    return None


def _indent(line: str) -> int:
    """Where the line's key starts (after any '- '), or its text."""
    match = _KEY.match(line)
    return match.start(2) if match else len(line) - len(line.lstrip())


def _stray_colon(lines: list[str], mark: yaml.Mark) -> Explained | None:
    """``mapping values are not allowed``: a ': ' in a value, a line without ':', or too deep."""
    line = lines[mark.line]
    key = _KEY.match(line)
    if key and key.end(2) < mark.column:  # a second ': ' on a line that has a key
        quoted = f'{key[2].strip()}: "{line[key.end(0) :].strip()}"'
        message = f"': ' inside a value starts a new key: put the value in quotes ({quoted})"
        return Explained(mark.line + 1, mark.column + 1, message)
    before = _previous_content(lines, mark.line)
    if before is None:
        return None
    previous = lines[before]
    if not _KEY.match(previous):
        words = previous.strip().split(None, 1)
        fix = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{words[0]}: ..."
        return Explained(
            before + 1,
            _indent(previous) + 1,
            f"'{previous.strip()}' has no ':' after its key, so YAML reads it and line "
            f"{mark.line + 1} as one text: write '{fix}'",
        )
    if _indent(line) > _indent(previous):
        name = _KEY.match(previous)[2].strip()  # type: ignore[index]
        message = f"this line is indented deeper than '{name}' on line {before + 1}"
        fix = f"line them up, both at column {_indent(previous) + 1}"
        return Explained(mark.line + 1, _indent(line) + 1, f"{message}: {fix}")
    return None


def _misaligned(lines: list[str], mark: yaml.Mark) -> Explained:
    """A line whose indentation matches no level above it."""
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = _previous_content(lines, mark.line)
    hint = ""
    if before is not None:
        hint = f" (line {before + 1} starts at column {_indent(lines[before]) + 1})"
    return Explained(
        mark.line + 1,
        _indent(line) + 1,
        f"this line's indentation matches no line above it{hint}: "
        "indent it exactly like the lines it belongs with",
    )
