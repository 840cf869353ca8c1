"""Light inline emphasis: ``**bold**`` and ``*italic*`` (``\\*`` for a literal star, ``\\\\``
for a backslash before a star).

Text becomes a tuple of styled runs. Renderers draw runs; nothing else in user text is
markup, so ``<``, ``&`` and friends stay text (``to_reportlab`` escapes them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape

_TOKEN = re.compile(r"\\\\|\\\*|\*\*|\*")
_ESCAPES = {"\\\\": "\\", "\\*": "*"}


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@lru_cache(maxsize=8192)  # fitting sets the same text at size after size, and plans twice
def parse(text: str) -> tuple[Run, ...]:
    """Split ``text`` into runs; an unmatched star is printed as typed."""
    tokens = _tokens(text)
    # Only emphasis that opens and closes counts; lone stars are literal text.
    for marker in ("**", "*"):
        positions = [i for i, t in enumerate(tokens) if _is_marker(t, marker)]
        if len(positions) % 2:
            tokens[positions[-1]] = _Literal(marker)
    runs: list[Run] = []
    bold = italic = False
    for token in tokens:
        if _is_marker(token, "**"):
            bold = not bold
        elif _is_marker(token, "*"):
            italic = not italic
        elif token:
            text_part = str(token)
            if runs and (runs[-1].bold, runs[-1].italic) == (bold, italic):
                runs[-1] = Run(runs[-1].text + text_part, bold, italic)
            else:
                runs.append(Run(text_part, bold, italic))
    return tuple(runs)


class _Literal(str):
    """Text that looks like a marker but is not one."""


def _is_marker(token: str, marker: str) -> bool:
    return not isinstance(token, _Literal) and token == marker


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        tokens.append(_Literal(text[last : match.start()]))
        marker = match.group()
        tokens.append(_Literal(_ESCAPES[marker]) if marker in _ESCAPES else marker)
        last = match.end()
    tokens.append(_Literal(text[last:]))
    return tokens


def plain(text: str) -> str:
    """The text without its emphasis markers."""
    return "".join(run.text for run in parse(text))


def to_reportlab(text: str) -> str:
    """Paragraph markup for reportlab: user text escaped, only emphasis becomes tags.

    reportlab breaks lines at U+202F, so a narrow no-break space becomes U+00A0, at which it
    does not (French "« oui »" must never start a line with "»").
    """
    out = []
    for run in parse(text):
        piece = escape(run.text, quote=False).replace("\n", "<br/>").replace("\u202f", "\u00a0")
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


def unparse(runs: tuple[Run, ...]) -> str:
    """Runs back to inline markup: ``parse(unparse(runs))`` has the same styled text.

    Markers are written only where the style changes, so neighbouring markers never
    run together into a different one (``*a*`` then ``**b**`` is not ``*a***b**``).
    """
    parts = []
    bold = italic = False
    for run in runs:
        if not run.text:
            continue
        parts.append(("**" if run.bold != bold else "") + ("*" if run.italic != italic else ""))
        bold, italic = run.bold, run.italic
        parts.append(run.text.replace("\\", "\\\\").replace("*", "\\*"))
    parts.append(("**" if bold else "") + ("*" if italic else ""))
    return "".join(parts)
