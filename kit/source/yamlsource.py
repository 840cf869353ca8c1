"""Read YAML into plain data, remembering where every value came from.

Workshop files are untrusted, so this reader is stricter than ``yaml.safe_load``:

- anchors, aliases and explicit tags are rejected (an alias bomb expands exponentially);
- duplicate keys are rejected, naming both lines;
- every scalar stays text, except a plain ``null``/``~``/empty value, which is ``None``.
  The schema later turns text into numbers where it wants numbers, so YAML 1.1
  surprises (``NO`` -> False, ``12:30`` -> 750) cannot happen;
- input size and nesting depth are capped, by kit, before any limit of the parser's own.

One parser reads every file: libyaml. The pure-Python parser refuses plain text that libyaml
accepts (``[Why not?]``), so a file would be valid on one machine and not on another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kit.errors import ContentError, Problem
from kit.source.syntax import explain

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = None

MAX_INPUT_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 100_000  # the sample has under 1,000; a 1,000-slide workshop about 17,000

Path_ = tuple[str | int, ...]
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in the source file."""

    line: int
    column: int


@dataclass(frozen=True)
class Document:
    """Plain data read from a file, with the position of every key and item."""

    data: Any
    positions: dict[Path_, Mark]
    key_positions: dict[Path_, Mark]
    file: str
    # Collections written in brackets (``[a, b]``, ``{k: v}``), where a comma ends an item.
    flow: frozenset[Path_] = frozenset()
    # Keys of a ``{...}`` mapping that have no value: text cut off the value before by a comma.
    cut_keys: frozenset[Path_] = frozenset()
    text: str = ""

    def locate(self, path: Path_) -> Mark:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            mark = self.positions.get(tuple(path[:end]))
            if mark is not None:
                return mark
        return Mark(1, 1)

    def problem(self, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        """A problem at ``path``: its value, or with ``at_key`` the key that names it."""
        mark = self.key_positions.get(path) if at_key else None
        mark = mark or self.locate(path)
        return Problem(self.file, mark.line, mark.column, format_path(path), message)


def format_path(path: Path_) -> str:
    """``('sections', 2, 'blocks')`` -> ``sections[2].blocks``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _mark(yaml_mark: yaml.Mark | None) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1) if yaml_mark else Mark(1, 1)


def _mark_at_index(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return Mark(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def read_yaml_file(path: Path, file: str, problems: list[Problem] | None = None) -> Document:
    """``read_yaml`` on the file at ``path``, never reading more than the size cap allows."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)  # enough to tell that it is too large
    except OSError as exc:
        raise ContentError([Problem(file, 1, 1, "", f"cannot be read: {exc.strerror}")]) from None
    return read_yaml(raw, file, problems)


def read_yaml(raw: bytes, file: str, problems: list[Problem] | None = None) -> Document:
    """Parse ``raw`` as one YAML document; raise ContentError with every structural problem.

    With a ``problems`` list, problems that leave the data usable (a duplicate key, whose
    first value is kept) go there instead, so the caller can report them with its own.
    """

    def fail(mark: Mark, message: str) -> ContentError:
        return ContentError([Problem(file, mark.line, mark.column, "", message)])

    if len(raw) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        raise fail(Mark(1, 1), f"file is larger than {limit} MiB; split the workshop up")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            _mark_at_index(raw.decode("latin-1"), exc.start), "file is not UTF-8 text"
        ) from None

    if _Loader is None:  # pragma: no cover - depends on how PyYAML was built
        raise fail(
            Mark(1, 1), "kit needs PyYAML with libyaml: pip install --force-reinstall pyyaml"
        )
    try:
        _check_events(text, fail, _Loader)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if exc.problem and "nesting depth" in exc.problem:
            raise _too_deep(text, fail, _mark(exc.problem_mark)) from None
        explained = explain(text, exc)
        raise fail(Mark(explained.line, explained.column), explained.message) from None
    except yaml.reader.ReaderError as exc:
        index = _reader_index(text, exc.position)
        raise fail(_mark_at_index(text, index), _reader_message(exc)) from None
    except yaml.YAMLError as exc:
        raise fail(Mark(1, 1), f"YAML syntax: {exc}") from None

    document = Document(None, {}, {}, file, set(), set(), text)  # type: ignore[arg-type]
    found: list[Problem] = []
    data = None if root is None else _construct(root, (), document, found)
    if problems is None and found:
        raise ContentError(found)
    problems = [] if problems is None else problems
    problems.extend(found)
    return Document(
        data,
        document.positions,
        document.key_positions,
        file,
        frozenset(document.flow),
        frozenset(document.cut_keys),
        text,
    )


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    char = exc.character  # text reaches the parser decoded, so libyaml's int is a code point
    code = ord(char) if isinstance(char, str) else char
    return f"character U+{code:04X} is not allowed in a workshop file"


def _reader_index(text: str, position: int) -> int:
    """libyaml reports a byte offset into the UTF-8 text."""
    return len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))


def _too_deep(text: str, fail: Any, parser_mark: Mark) -> ContentError:
    """kit's own nesting error where libyaml's nesting limit stopped first.

    libyaml reads ahead (a ``[`` may open a key) and can reach its limit of 1,000 levels before
    it hands kit the 41st. The pure-Python parser has no such limit, so it finds where nesting
    passed kit's; should it refuse the text on other grounds, libyaml's position stands.
    """
    try:
        _check_events(text, fail, yaml.SafeLoader)
    except ContentError as exc:
        if exc.problems[0].message.startswith("nesting"):
            return exc
    except yaml.YAMLError:
        pass
    return fail(parser_mark, f"nesting is deeper than {MAX_DEPTH} levels")


def _check_events(text: str, fail: Any, loader: Any) -> None:
    """Reject aliases, anchors, tags, deep nesting and too many values before anything is built."""
    depth = values = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            values += 1
            if values > MAX_VALUES:  # 8 MiB of '[x,x,...]' would compose into gigabytes
                raise fail(_mark(event.start_mark), f"more than {MAX_VALUES:,} values")
        if isinstance(event, yaml.AliasEvent):
            message = (
                "YAML aliases (*name) are not allowed; put text that starts with '*' in quotes"
            )
            raise fail(_mark(event.start_mark), message)
        if getattr(event, "anchor", None):
            message = (
                "YAML anchors (&name) are not allowed; put text that starts with '&' in quotes"
            )
            raise fail(_mark(event.start_mark), message)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise fail(_mark(event.start_mark), f"YAML tags ({tag}) are not allowed")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise fail(_mark(event.start_mark), f"nesting is deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _no_value(key: yaml.Node, value: yaml.Node) -> bool:
    """A ``{...}`` entry with no ':' at all (``{alt: A, B}`` gives ``B`` an empty value)."""
    return (
        isinstance(value, yaml.ScalarNode)
        and value.value == ""
        and not value.style
        and value.start_mark.index <= key.end_mark.index
    )


def _construct(node: yaml.Node, path: Path_, document: Document, problems: list[Problem]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if not node.style and _NULL.match(node.value):  # plain (libyaml says "", PyYAML None)
            return None
        return node.value
    if isinstance(node, yaml.CollectionNode) and node.flow_style:
        document.flow.add(path)  # type: ignore[attr-defined]
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            inside = (*path, index)  # a named key: mypy reads d[(*a, b)] as 3.11's d[*a, b]
            document.positions[inside] = _mark(item.start_mark)
            items.append(_construct(item, inside, document, problems))
        return items
    if node.flow_style and node.value and isinstance(node.value[0][0], yaml.MappingNode):
        # ``title: {{ title }}``: a template, read by YAML as a mapping inside a mapping.
        written = document.text[node.start_mark.index : node.end_mark.index]
        key = path[-1] if path else ""
        message = f"text that starts with '{{' must be in quotes ({key}: \"{written}\")"
        problems.append(document.problem(path, message))
        return written
    mapping: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        key_mark = _mark(key_node.start_mark)
        # Keys are echoed in messages; a control character there could drive the terminal.
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.isprintable():
            unprintable = (*path, "?")
            document.key_positions[unprintable] = key_mark
            message = "keys must be printable text"
            problems.append(document.problem(unprintable, message, at_key=True))
            continue
        key = key_node.value
        inside = (*path, key)
        document.key_positions.setdefault(inside, key_mark)
        if key in first_line:
            document.key_positions[inside] = key_mark
            message = f"duplicate key '{key}' (first defined on line {first_line[key]}): " + (
                f"put everything under the first '{key}:'"
                if isinstance(value_node, yaml.CollectionNode)
                else "keep one of the two"
            )
            problems.append(document.problem(inside, message, at_key=True))
            continue
        first_line[key] = key_mark.line
        scalar = isinstance(value_node, yaml.ScalarNode) and value_node.value != ""
        if node.flow_style and _no_value(key_node, value_node):
            document.cut_keys.add(inside)  # type: ignore[attr-defined]
        document.positions[inside] = _mark(value_node.start_mark) if scalar else key_mark
        mapping[key] = _construct(value_node, inside, document, problems)
    return mapping
