"""kit lint: each rule, its exemptions and suppressions, exact positions, output and exits."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.app.cli import main
from kit.errors import ContentError
from kit.lint import Finding, _Source, lint
from kit.source.loader import load
from kit.source.yamlsource import Mark

from ..conftest import SAMPLE

HEAD = "title: Test workshop\norganisation: Test collective\n"


def workshop(tmp_path: Path, body: str, head: str = "") -> Path:
    """A workshop file whose one section holds ``body`` (blocks, indented as written)."""
    text = HEAD + textwrap.dedent(head) + "sections:\n  - title: Only\n    duration: 10\n"
    text += "    blocks:\n" + textwrap.indent(textwrap.dedent(body), "      ")
    path = tmp_path / "workshop.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def bullets(*items: str) -> str:
    """A bullets block with ``items`` as written in YAML (quoting and all)."""
    return "- bullets:\n    title: Points\n    items:\n" + "".join(
        f"      - {item}\n" for item in items
    )


def findings(tmp_path: Path, body: str, head: str = "") -> list[Finding]:
    return lint(load(workshop(tmp_path, body, head)))


def rules_and_words(found: list[Finding], path: Path) -> list[tuple[str, str]]:
    """Each finding's rule and the source text at its position (to the end of the line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(f.rule, lines[f.line - 1][f.column - 1 :]) for f in found]


# --- each default rule: fires, and stays quiet where it should --------------------------------

APART = "keep sex work and trafficking apart"
POSITIVE = [
    ("Some prostitutes work alone", "sex-worker", "sex workers"),
    ("A hooker was interviewed", "sex-worker", "sex worker"),
    ("Support for prostituted women", "sex-worker", "people who sell or trade sex"),
    ("Laws on prostitution differ", "sex-work", "sex work"),
    ("Nobody sold their body", "sold-body", "sell sex"),
    ("Fighting sexual exploitation together", "sexual-exploitation", "forced or coerced sex work"),
    ("Sex work is trafficking", "conflation", APART),
    ("Sex work, i.e. trafficking, is the topic", "conflation", APART),
    ("We call trafficking (sex work) a crime", "conflation", APART),
]


@pytest.mark.parametrize(("text", "rule", "suggestion"), POSITIVE)
def test_each_default_rule_fires_with_its_suggestion(
    tmp_path: Path, text: str, rule: str, suggestion: str
) -> None:
    (found,) = findings(tmp_path, bullets(text))
    assert (found.rule, found.suggestion) == (rule, suggestion)
    assert found.severity == ("warning" if rule == "conflation" else "error")


@pytest.mark.parametrize(
    "text",
    [
        "Sex work is not trafficking",
        "Sex work and trafficking are different",
        "Sex work (trafficking aside) is work",
    ],
)
def test_conflation_needs_one_named_as_the_other(tmp_path: Path, text: str) -> None:
    assert findings(tmp_path, bullets(text)) == []


@pytest.mark.parametrize("text", [text for text, _, _ in POSITIVE])
@pytest.mark.parametrize("quote", ['"{}"', "“{}”"])
def test_no_rule_fires_on_words_in_quotation_marks(tmp_path: Path, text: str, quote: str) -> None:
    item = "Some say " + quote.format(text)
    assert findings(tmp_path, bullets(f"'{item}'")) == []


EXEMPT_BLOCKS = {
    "drill statement and guidance": """\
        - drill:
            guidance: [Listen for prostitution and sexual exploitation]
            challenges:
              - statement: Sex work is trafficking and prostitutes are victims
                responses: [Ask what they mean]
        """,
    "quote text": """\
        - quote:
            text: Prostitution is trafficking, they said
            attribution: A prostitute, quoted in a newspaper
        """,
    "resource name": """\
        - resources:
            items:
              - name: English Collective of Prostitutes
                description: A sex worker-led collective
        """,
}


@pytest.mark.parametrize("block", EXEMPT_BLOCKS.values(), ids=EXEMPT_BLOCKS.keys())
def test_opposing_quotes_are_exempt(tmp_path: Path, block: str) -> None:
    assert findings(tmp_path, block) == []


def test_glossary_instead_of_is_exempt_and_its_term_is_suggested(tmp_path: Path) -> None:
    head = """\
        glossary:
          - term: Sex worker
            instead_of: [prostitute, illegal prostitutes, "victims (assumed by default)"]
        """
    body = bullets("A prostitute", "illegal prostitutes", "victims of crime")
    found = findings(tmp_path, body, head)
    assert [(f.rule, f.line, f.message, f.suggestion) for f in found] == [
        (
            "glossary",
            13,
            "the workshop's glossary says 'Sex worker' instead of 'prostitute'",
            "Sex worker",
        ),
        (
            "glossary",
            14,
            "the workshop's glossary says 'Sex worker' instead of 'illegal prostitutes'",
            "Sex worker",
        ),
    ]


@pytest.mark.parametrize(
    ("head", "block"),
    [
        ("", "- definition: {term: Sexual exploitation, meaning: Forced sex work.}\n"),
        ("glossary: [{term: sexual exploitation, why: Defined here.}]\n", ""),
    ],
    ids=["definition block", "glossary term"],
)
def test_sexual_exploitation_is_allowed_once_defined(tmp_path: Path, head: str, block: str) -> None:
    body = block + bullets("We discuss sexual exploitation")
    assert findings(tmp_path, body, head) == []
    assert [f.rule for f in findings(tmp_path, bullets("sexual exploitation"))] == [
        "sexual-exploitation"
    ]


def test_a_phrase_flagged_twice_is_reported_by_both_rules(tmp_path: Path) -> None:
    found = findings(tmp_path, bullets("prostitution is trafficking"))
    assert [(f.rule, f.column) for f in found] == [("conflation", 15), ("sex-work", 15)]


# --- suppression and configuration -------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "rules"),
    [
        ("# kit-lint: disable=sex-worker", ["sex-work"]),
        ("# kit-lint: disable=sex-work, sex-worker", []),
        ("# kit-lint: disable", []),
        ("# kit-lint: disable=conflation", ["sex-work", "sex-worker"]),
    ],
)
def test_a_comment_switches_rules_off_on_its_line(
    tmp_path: Path, comment: str, rules: list[str]
) -> None:
    body = bullets(f"prostitutes and prostitution  {comment}", "prostitutes elsewhere")
    found = findings(tmp_path, body)
    assert sorted(f.rule for f in found if f.line == 10) == rules
    assert [f.rule for f in found if f.line == 11] == ["sex-worker"]


@pytest.mark.parametrize(("text", "rule"), [(text, rule) for text, rule, _ in POSITIVE])
def test_each_default_rule_is_quiet_on_a_line_that_switches_it_off(
    tmp_path: Path, text: str, rule: str
) -> None:
    assert findings(tmp_path, bullets(f"{text}  # kit-lint: disable={rule}")) == []


def test_a_comment_on_a_block_scalar_header_covers_the_whole_text(tmp_path: Path) -> None:
    body = """\
        - content_note:
            text: >-  # kit-lint: disable=sex-work
              We talk about the history of
              prostitution laws.
        """
    assert findings(tmp_path, body) == []


def test_the_workshop_adds_rules_and_disables_others(tmp_path: Path) -> None:
    head = """\
        lint:
          disable: [sex-worker, contrast]
          rules:
            - id: no-guys
              pattern: "\\\\bguys\\\\b"
              message: "'{match}' leaves people out"
              suggestion: everyone
        theme: {colours: {text: "#BBBBBB"}}
        """
    found = findings(tmp_path, bullets("Hi Guys and prostitutes"), head)
    assert [(f.rule, f.line, f.column, f.message, f.suggestion) for f in found] == [
        ("no-guys", 18, 18, "'Guys' leaves people out", "everyone"),
    ]


def test_a_custom_pattern_that_is_not_a_regular_expression_is_a_located_error(
    tmp_path: Path,
) -> None:
    head = "lint: {rules: [{id: broken, pattern: '(unclosed', message: Broken}]}\n"
    with pytest.raises(ContentError) as caught:
        load(workshop(tmp_path, bullets("Fine"), head))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (3, 38, "lint.rules[0].pattern")
    assert problem.message.startswith("'(unclosed' is not a regular expression: missing )")


def test_a_custom_pattern_that_can_backtrack_forever_is_skipped_with_a_finding(
    tmp_path: Path,
) -> None:
    head = r"lint: {rules: [{id: slow, pattern: '(\w+\s?)+!', message: Slow}]}" + "\n"
    body = bullets("a" * 40)  # would take hours if the pattern ran
    (found,) = findings(tmp_path, body, head)
    assert (found.rule, found.line, found.column) == ("unsafe-pattern", 3, 36)
    assert "repeats a repetition" in found.message


# --- exact positions -----------------------------------------------------------------------------

POSITIONS = {
    "plain": ("Many prostitutes", 10, 20),
    "after non-ASCII": ("Émile’s “café” — prostitutes", 10, 32),
    "double-quoted with escapes": (r'"Caf\u00e9 \"x\" \\ \t prostitutes"', 10, 38),
    "single-quoted with doubled quotes": ("'it''s prostitutes'", 10, 22),
    "plain over two lines": ("Many of the\n        prostitutes", 11, 15),
    "double-quoted over two lines": ('"Many of the \\\n        prostitutes"', 11, 15),
    "folded": (">-  # a comment\n        Many of\n\n          the prostitutes", 13, 21),
    "literal with indentation": ("|2\n          Many of\n           the prostitutes", 12, 22),
}


@pytest.mark.parametrize(("item", "line", "column"), POSITIONS.values(), ids=POSITIONS.keys())
def test_a_finding_points_at_the_word_itself(
    tmp_path: Path, item: str, line: int, column: int
) -> None:
    path = workshop(tmp_path, bullets(item))
    found = lint(load(path))
    assert [(f.line, f.column) for f in found] == [(line, column)]
    assert rules_and_words(found, path)[0][1].startswith("prostitutes")


def test_positions_in_flow_lists_and_nested_fields(tmp_path: Path) -> None:
    body = """\
        - continuum:
            title: Choice
            axis: {start: Free, end: Sold her body}
            stages:
              - {name: One, description: Free}
              - {name: Two, description: "Some prostitutes"}
              - {name: Three, description: Forced}
        """
    path = workshop(tmp_path, body)
    found = lint(load(path))
    assert [(f.line, f.column) for f in found] == [(9, 36), (12, 46)]
    assert rules_and_words(found, path) == [
        ("sold-body", "Sold her body}"),
        ("sex-worker", 'prostitutes"}'),
    ]


def test_a_value_that_does_not_match_its_source_falls_back_to_searching_for_the_word() -> None:
    source = _Source("a: one\nb: two prostitutes\nc: three prostitutes\n")
    assert source.locate("changed prostitutes", Mark(2, 4), 8, "prostitutes") == Mark(2, 8)
    assert source.locate("changed hookers", Mark(2, 4), 8, "hookers") == Mark(2, 4)


# --- theme contrast ------------------------------------------------------------------------------


def test_low_contrast_theme_colours_are_named_with_their_ratio(tmp_path: Path) -> None:
    head = """\
        theme:
          colours:
            secondary: "#A0A0A0"
            text: "#808080"
        """
    resources = '- resources: {title: Help, items: [{name: Line, url: "https://example.org"}]}\n'
    found = findings(tmp_path, bullets("Fine") + resources, head)
    assert [(f.rule, f.line, f.column, f.message, f.suggestion) for f in found] == [
        (
            "contrast",
            5,
            16,
            "addresses, contacts and timings: secondary #A0A0A0 on background #FFFFFF has "
            "contrast 2.61:1; WCAG AA needs 4.5:1",
            "secondary: #767676",
        ),
        (
            "contrast",
            6,
            11,
            "body text: text #808080 on background #FFFFFF has contrast "
            "3.94:1; WCAG AA needs 4.5:1",
            "text: #767676",
        ),
    ]
    # Without resources or an activity kit sets no text in the secondary: nothing to say.
    assert [f.line for f in findings(tmp_path, bullets("Fine"), head)] == [6]


def test_a_pale_primary_is_found_as_the_titles_colour(tmp_path: Path) -> None:
    theme = 'theme: {colours: {primary: "#C0C0C0", text: "#707070"}}'
    found = findings(tmp_path, bullets("Fine"), theme + "\n")
    assert [f.message.split(" has")[0] for f in found] == [
        "titles: primary #C0C0C0 on background #FFFFFF",
    ]
    assert findings(tmp_path, bullets("Fine"), theme + "  # kit-lint: disable=contrast\n") == []


# --- the command line and the build -----------------------------------------------------------


def test_the_sample_workshop_lints_clean() -> None:
    result = CliRunner().invoke(main, ["lint", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.endswith(": no findings\n")


def test_lint_prints_one_line_per_finding_and_exits_1(tmp_path: Path) -> None:
    path = workshop(tmp_path, bullets("Many prostitutes"))
    result = CliRunner().invoke(main, ["lint", str(path), "--strict"])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:10:20: sex-worker: 'prostitutes' is stigmatising; 'sex worker' is the term "
        "sex workers chose (suggestion: sex workers)\n"
    )
    assert result.stderr == f"{path}: 1 finding(s)\n"


def test_lint_json_output_carries_every_field(tmp_path: Path) -> None:
    path = workshop(tmp_path, bullets("Sex work = trafficking"))
    result = CliRunner().invoke(main, ["lint", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": str(path),
            "line": 10,
            "column": 15,
            "rule": "conflation",
            "message": "'Sex work = trafficking' treats sex work and trafficking as one; "
            "trafficking needs ACT + MEANS + PURPOSE, sex work is consensual",
            "suggestion": "keep sex work and trafficking apart",
            "severity": "warning",
        }
    ]


def test_build_warns_about_findings_and_fails_on_them_with_strict(tmp_path: Path) -> None:
    path = workshop(tmp_path, bullets("Many prostitutes"))
    args = ["build", str(path), "--out", str(tmp_path / "out"), "--only", "exercises"]
    warning = f"warning: {path}:10:20: sex-worker: 'prostitutes' is stigmatising"
    # In a process of its own: the CLI sets up the "kit" logger for good.
    relaxed, strict = (
        subprocess.run([sys.executable, "-m", "kit", *args, *extra], capture_output=True, text=True)
        for extra in ([], ["--strict"])
    )
    assert relaxed.returncode == 0, relaxed.stderr
    assert relaxed.stderr.startswith(warning)
    assert strict.returncode == 1
    assert strict.stderr.startswith(warning)


def test_lint_does_not_import_the_renderers_libraries() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from kit.app.cli import main; "
        f"CliRunner().invoke(main, ['lint', {str(SAMPLE)!r}]); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pptx', 'reportlab'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "[]\n", result.stderr
