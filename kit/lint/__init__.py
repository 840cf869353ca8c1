"""Lint a workshop's wording and theme, in the spirit of alex and Vale.

Terminology rules come from three places, checked in this order: the workshop's own
``lint.rules``, its glossary (the ``term`` over each of its ``instead_of``), and a built-in
set after SafeLink Alberta's and SWAN's guidance. Words within words that an earlier rule
flagged are not flagged again. A theme check asks for WCAG AA contrast between the colours
the deck puts text on.

What is exempt, because it is there to be answered or is someone else's words: drill
challenge statements and guidance, quote blocks, glossary ``instead_of`` lists, source
titles, attributions and resource names; and any text inside quotation marks (a mention,
not a use). A rule is switched off for the whole workshop with ``lint: {disable: [id]}``,
or for one line with a YAML comment ``# kit-lint: disable=id[,id]`` (``# kit-lint:
disable`` for every rule) on that line or on the line where the value starts.

Every finding points at the offending word itself: the value's position in the file plus
the word's offset, walked through YAML's quoting, escapes, folding and block scalars.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Any

from yaml.scanner import Scanner

from kit.lint.contrast import contrast_findings
from kit.lint.rules import (
    CONTRAST_RULE,
    DEFAULT_RULES,
    UNSAFE_PATTERN_RULE,
    Finding,
    Rule,
    make_rule,
)
from kit.model import DefinitionBlock, LintRule, Workshop
from kit.model.fields import LINT_EXEMPT, markers_at
from kit.source.loader import LoadedWorkshop
from kit.source.yamlsource import Document, Mark, Path_

# Re-exported: what ``kit.lint`` offers.
__all__ = ["CONTRAST_RULE", "DEFAULT_RULES", "UNSAFE_PATTERN_RULE", "Finding", "Rule", "lint"]

try:  # the regular-expression parser, to vet the workshop's own patterns
    from re import _parser as _sre  # type: ignore[attr-defined]  # private, and not in typeshed
except ImportError:  # pragma: no cover - Python 3.10 calls it sre_parse
    import sre_parse as _sre

_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')
# YAML 1.1 line breaks, as the reader counts lines.
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_SUPPRESS = re.compile(r"(?:^|\s)#\s*kit-lint:\s*disable\b(?:\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*))?")
_EVERY_RULE = "*"


def lint(loaded: LoadedWorkshop) -> list[Finding]:
    """Every finding in the workshop's wording and theme colours, in file order.

    For an edition, the wording checked is the translation's, in its own file, with the
    rules given for its language as well as the workshop's.
    """
    workshop, document = loaded.workshop, loaded.document
    base_source = _Source(loaded.file.read_bytes().decode("utf-8-sig"))
    text_doc, source = document, base_source
    if loaded.edition is not None:
        text_doc = loaded.edition.document
        source = _Source(loaded.edition.file.read_bytes().decode("utf-8-sig"))
    disabled = set(workshop.lint.disable)
    settings = [s for s in workshop.lint.languages if s.language == workshop.language]
    for setting in settings:
        disabled.update(setting.disable)
    custom, findings = _custom_rules(workshop, document)
    rules = [rule for rule in _rules(workshop, custom) if rule.id not in disabled]
    for path, text in _texts(text_doc.data, ()):
        findings.extend(_text_findings(text, text_doc.positions[path], rules, text_doc, source))
    if CONTRAST_RULE not in disabled:
        findings.extend(
            finding
            for finding in contrast_findings(workshop, document)
            if not base_source.suppressed(finding.rule, finding.line)
        )
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule))


# --- rules ----------------------------------------------------------------------------------


def _rules(workshop: Workshop, custom: list[Rule]) -> list[Rule]:
    """The workshop's rules, then its glossary's, then the defaults it has not answered."""
    defined = [block.term for block in workshop.blocks_of(DefinitionBlock)]
    defined += [entry.term for entry in workshop.glossary]
    defaults = [
        rule
        for rule in DEFAULT_RULES
        if not (rule.unless_defined and any(rule.pattern.fullmatch(t.strip()) for t in defined))
    ]
    return [*custom, *_glossary_rules(workshop), *defaults]


def _custom_rules(workshop: Workshop, document: Document) -> tuple[list[Rule], list[Finding]]:
    """The workshop's own rules, and a finding for each one skipped as unsafe."""
    rules: list[Rule] = []
    unsafe: list[Finding] = []
    own: list[tuple[Path_, LintRule]] = [
        (("lint", "rules", i), rule) for i, rule in enumerate(workshop.lint.rules)
    ]
    own += [
        (("lint", "languages", n, "rules", i), rule)
        for n, setting in enumerate(workshop.lint.languages)
        if setting.language == workshop.language
        for i, rule in enumerate(setting.rules)
    ]
    for path, rule in own:
        if not _nests_repeats(_sre.parse(rule.pattern)):
            rules.append(make_rule(rule.id, rule.pattern, rule.message, rule.suggestion))
            continue
        mark = document.locate((*path, "pattern"))
        message = (
            f"the pattern of rule '{rule.id}' repeats a repetition, which can take "
            "exponential time; the rule is skipped"
        )
        suggestion = r"repeat one thing at a time, e.g. (?:\w|\s)+ for (?:\w+\s?)+"
        unsafe.append(
            Finding(document.file, mark.line, mark.column, UNSAFE_PATTERN_RULE, message, suggestion)
        )
    return rules, unsafe


def _glossary_rules(workshop: Workshop) -> list[Rule]:
    """A rule per word the glossary replaces, longest first ("illegal prostitutes" wins)."""
    replaced = [
        (old, entry.term)
        for entry in workshop.glossary
        for old in entry.instead_of
        # "victims (assumed by default)" describes a way of using a word, not a word to
        # avoid everywhere; the default rules cover the undefined "sexual exploitation".
        if "(" not in old and old.strip()
    ]
    rules = []
    for old, term in sorted(replaced, key=lambda pair: -len(pair[0])):
        words = r"\s+".join(re.escape(word) for word in old.split())
        message = f"the workshop's glossary says '{term}' instead of '{{match}}'"
        rules.append(make_rule("glossary", rf"(?<!\w){words}s?(?!\w)", message, term))
    return rules


def _repeats(op: Any) -> bool:
    return op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))


def _subpatterns(arg: Any) -> Iterator[Any]:
    if isinstance(arg, _sre.SubPattern):
        yield arg
    elif isinstance(arg, (tuple, list)):
        for item in arg:
            yield from _subpatterns(item)


def _nests_repeats(parsed: Any, repeated: bool = False) -> bool:
    """Whether a parsed pattern repeats a variable repetition, like ``(a+)+``.

    Such a pattern can take exponential time on one short line, and workshop files are
    untrusted; ``kit build`` runs the linter too.
    """
    for op, arg in parsed:
        variable = _repeats(op) and arg[0] != arg[1] and arg[1] > 1
        if repeated and variable:
            return True
        inside = repeated or (_repeats(op) and arg[1] > 1)
        if any(_nests_repeats(sub, inside) for sub in _subpatterns(arg)):
            return True
    return False


# --- text -----------------------------------------------------------------------------------


def _exempt(path: Path_) -> bool:
    """Someone else's words, or text there to be answered: naming a term is not using it."""
    return LINT_EXEMPT in markers_at(Workshop, path)


def _texts(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Every text value that is not exempt, with its path, in file order."""
    if _exempt(path):
        return
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))


def _text_findings(
    text: str, start: Mark, rules: Iterable[Rule], document: Document, source: _Source
) -> Iterator[Finding]:
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    taken: list[tuple[int, int]] = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            words = " ".join(match[0].split())
            begin, end = match.span()
            if not words or any(a <= begin < b for a, b in quoted):
                continue
            if any(a <= begin and end <= b for a, b in taken):
                continue  # the same words, already flagged by a more specific rule
            offset = begin + len(match[0]) - len(match[0].lstrip())
            mark = source.locate(text, start, offset, words)
            if source.suppressed(rule.id, mark.line, start.line):
                continue
            taken.append((begin, end))
            message = rule.message.replace("{match}", words)
            yield Finding(
                document.file,
                mark.line,
                mark.column,
                rule.id,
                message,
                rule.suggestion,
                rule.severity,
            )


class _Source:
    """The raw workshop file: where each character of a value sits, and suppressed lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0, *(match.end() for match in _BREAK.finditer(text))]
        self._disabled: dict[int, frozenset[str]] = {}
        for number, line in enumerate(_BREAK.split(text), start=1):
            comment = _SUPPRESS.search(line)
            if comment:
                ids = comment[1] or _EVERY_RULE
                self._disabled[number] = frozenset(re.split(r"\s*,\s*", ids))

    def index(self, mark: Mark) -> int:
        return self._line_starts[mark.line - 1] + mark.column - 1

    def mark(self, index: int) -> Mark:
        line = bisect.bisect_right(self._line_starts, index)
        return Mark(line, index - self._line_starts[line - 1] + 1)

    def suppressed(self, rule: str, *lines: int) -> bool:
        """Whether a ``# kit-lint: disable`` comment on any of ``lines`` covers ``rule``."""
        return any(
            rule in ids or _EVERY_RULE in ids
            for ids in (self._disabled.get(line, frozenset()) for line in lines)
        )

    def locate(self, value: str, start: Mark, offset: int, words: str) -> Mark:
        """Where ``value[offset]`` sits in the file, ``value`` being the scalar at ``start``.

        If the walk through the YAML source loses its way, the first ``words`` from the
        value's start onward stand in, then the value's start.
        """
        begin = self.index(start)
        index = _align(self.text, begin, value, offset)
        if index is None:
            found = re.compile(re.escape(words), re.IGNORECASE).search(self.text, begin)
            index = found.start() if found else begin
        return self.mark(index)


def _align(source: str, start: int, value: str, offset: int) -> int | None:
    """The index in ``source`` of ``value[offset]``, for the scalar that starts at ``start``.

    Walks value and source together, skipping what YAML drops: the block scalar's header
    line, the opening quote, indentation and line breaks, escapes that stand for spaces.
    Escapes and doubled single quotes count as the one character they stand for. None if
    the two disagree, or ``value[offset]`` is a space.
    """
    style = source[start : start + 1]
    position = start
    if style in ("|", ">"):
        header_end = _BREAK.search(source, start)
        position = header_end.end() if header_end else len(source)
    elif style in ('"', "'"):
        position += 1
    for index, char in enumerate(value[: offset + 1]):
        if char.isspace():
            continue
        found = _find_char(source, position, style, char)
        if found is None:
            return None
        if index == offset:
            return found[0]
        position = found[0] + found[1]
    return None


def _find_char(source: str, position: int, style: str, char: str) -> tuple[int, int] | None:
    """Where ``char`` next stands in ``source``, and how many source characters spell it."""
    while position < len(source):
        here = source[position]
        decoded, width = here, 1
        if style == '"' and here == "\\":
            decoded, width = _escape(source, position)
        elif style == "'" and source.startswith("''", position):
            decoded, width = "'", 2
        if decoded == char:
            return position, width
        if decoded.strip():
            return None
        position += width
    return None


def _escape(source: str, position: int) -> tuple[str, int]:
    """The text a double-quoted escape at ``position`` stands for, and its length."""
    code = source[position + 1 : position + 2]
    digits = Scanner.ESCAPE_CODES.get(code)
    if digits:
        return chr(int(source[position + 2 : position + 2 + digits], 16)), 2 + digits
    return Scanner.ESCAPE_REPLACEMENTS.get(code, ""), 2  # "" for a line continuation
