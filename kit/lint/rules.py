"""The built-in wording rules, after SafeLink Alberta's and SWAN's guidance, and what a
finding is."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """A wording rule: the words to flag, why, and what to say instead.

    ``{match}`` in the message stands for the words found. A rule marked
    ``unless_defined`` is off when the workshop defines its words (a definition block
    or a glossary term that the pattern matches whole).
    """

    id: str
    pattern: re.Pattern[str]
    message: str
    suggestion: str = ""
    severity: Severity = "error"
    unless_defined: bool = False


@dataclass(frozen=True)
class Finding:
    """One lint finding: ``file:line:col: rule: message (suggestion: ...)``."""

    file: str
    line: int
    column: int
    rule: str
    message: str
    suggestion: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.rule}: {self.message}"
        return f"{text} (suggestion: {self.suggestion})" if self.suggestion else text

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def make_rule(rule_id: str, pattern: str, message: str, suggestion: str, **kw: Any) -> Rule:
    return Rule(rule_id, re.compile(pattern, re.IGNORECASE), message, suggestion, **kw)


def _words(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


_STIGMA = "'{match}' is stigmatising; 'sex worker' is the term sex workers chose"
_BODY = r"(?:her|his|their|my|your)\s+bod(?:y|ies)\b"
_SEX_WORK = r"(?:sex[\s-]+work|prostitution)"
_TRAFFICKING = r"(?:(?:sex|human)\s+)?trafficking"
# "X is Y", "X, i.e. Y", "X (Y)": naming one as the other, either way round.
_AS_SAME = (
    r"(?:\s+(?:is|equals|means)\s+(?:(?:just|really|simply|basically|always|the\s+same\s+as)\s+)*"
    r"|\s*=\s*"
    r"|\s*,?\s*(?:i\.\s?e\.|e\.\s?g\.|that\s+is|aka|a\.k\.a\.|also\s+(?:known\s+as|called)"
    r"|in\s+other\s+words|or\s+rather)\s*,?\s*)"
)
_CONFLATION = "|".join(
    rf"\b{a}(?:{_AS_SAME}{b}\b|\s*\(\s*{b}\s*\))"
    for a, b in ((_SEX_WORK, _TRAFFICKING), (_TRAFFICKING, _SEX_WORK))
)

DEFAULT_RULES: tuple[Rule, ...] = (
    make_rule(
        "sex-worker",
        _words("prostitute", "hooker", "whore", "harlot", "streetwalker"),
        _STIGMA,
        "sex worker",
    ),
    make_rule(
        "sex-worker",
        _words("prostitutes", "hookers", "whores", "harlots", "streetwalkers"),
        _STIGMA,
        "sex workers",
    ),
    make_rule("sex-worker", _words("prostituted"), _STIGMA, "people who sell or trade sex"),
    make_rule(
        "sex-work",
        _words("prostitution"),
        "'{match}' carries a moral judgement; 'sex work' names the work",
        "sex work",
    ),
    make_rule(
        "sold-body",
        _words("sell", "sells", "selling", "sold") + r"\s+" + _BODY,
        "'{match}' says a person is sold; sex workers sell a service",
        "sell sex",
    ),
    make_rule(
        "sexual-exploitation",
        r"\bsexual\s+exploitation\b",
        "'{match}' has no agreed definition for adults (SWAN); define it in the workshop, "
        "or name the harm",
        "forced or coerced sex work",
        unless_defined=True,
    ),
    make_rule(
        "conflation",
        _CONFLATION,
        "'{match}' treats sex work and trafficking as one; trafficking needs ACT + MEANS + "
        "PURPOSE, sex work is consensual",
        "keep sex work and trafficking apart",
        severity="warning",
    ),
)
CONTRAST_RULE = "contrast"
UNSAFE_PATTERN_RULE = "unsafe-pattern"
