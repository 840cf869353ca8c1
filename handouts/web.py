"""The web edition for participants: one self-contained, accessible HTML file.

The handout's content (programme, each section's key content, glossary, sources) with
the resources as real links, the continuum with its scenarios and prompts, and the drill's
statements, in the edition's language. Never here: speaker notes, facilitator notes, the
drill's suggested responses and the scenario notes. Rendered from jinja2 templates with
autoescaping; the styles are inline and pictures are ``data:`` URIs, so the file makes no
request of its own and reads the same offline, on a phone, in print and in dark mode.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import mimetypes
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, select_autoescape
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from handouts.story import workshop_when
from kit.layout.blocks.activity import timing
from kit.layout.pictures import Prepared, prepare
from kit.layout.planner import quoted
from kit.model import ContentNoteBlock, Theme, Workshop, markup
from kit.model.colour import contrast, mix, readable_on
from kit.model.kinds import BlockTable
from kit.model.schedule import BreakItem, item_title, timetable
from kit.words.langtag import language_tag


def write_web_edition(
    path: Path, workshop: Workshop, theme: Theme, pictures: Mapping[str, Prepared] | None = None
) -> int:
    """Write the web edition to ``path``; it is one page.

    ``pictures`` are the deck plan's prepared pictures; one it lacks is prepared here.
    """
    path.write_text(web_page(workshop, theme, pictures), encoding="utf-8")
    return 1


def web_page(
    workshop: Workshop, theme: Theme, pictures: Mapping[str, Prepared] | None = None
) -> str:
    """The whole page as HTML text."""
    w = workshop.interface_words()
    return (
        _environment()
        .get_template("web.html.j2")
        .render(
            workshop=workshop,
            lang=language_tag(workshop.language),
            w=w,
            when=workshop_when(workshop, w),
            # Sections and breaks, in the workshop's clock, as the printed programme has them.
            slots=[
                (w.span(item.start, item.end), item_title(item, w), isinstance(item, BreakItem))
                for item in timetable(workshop)
            ],
            colours=_colours(theme),
            ContentNoteBlock=ContentNoteBlock,
            quoted=lambda text: quoted(markup.plain(text), w),
            activity_timing=lambda block: timing(block, w),
            picture=lambda path: _data_uri((pictures or {}).get(path) or prepare(path)),
            template_of=lambda block: _TEMPLATES[block.kind],
            sections=[
                (f"section-{number}", section)
                for number, section in enumerate(workshop.sections, start=1)
            ],
        )
    )


# Each kind's template under templates/blocks/; a kind shown elsewhere has an empty one.
_TEMPLATES: BlockTable[str] = BlockTable(
    "web edition",
    {
        "title": "blocks/title.html.j2",  # a closing title block; the workshop's opens the page
        "bullets": "blocks/bullets.html.j2",
        "definition": "blocks/definition.html.j2",
        "quote": "blocks/quote.html.j2",
        "comparison": "blocks/comparison.html.j2",
        "image": "blocks/image.html.j2",
        "content_note": "blocks/content_note.html.j2",  # content notes open the page
        "resources": "blocks/resources.html.j2",
        "continuum": "blocks/continuum.html.j2",
        "drill": "blocks/drill.html.j2",  # the statements, never the responses
        "activity": "blocks/activity.html.j2",  # the participants' steps, not the facilitator's
    },
)


_ESCAPED = ("html", "j2")  # the templates whose output is escaped


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("handouts", "templates"),
        autoescape=select_autoescape(list(_ESCAPED)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.bytecode_cache = _compiled_templates(env)
    env.filters["md"] = _emphasis
    env.filters["plain"] = markup.plain
    return env


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept between builds, as Python keeps compiled modules: compiling
    them took a twentieth of a second of every build. A cache that cannot be read or
    written is no cache, never a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable, or cut short: jinja2 unpickles it unchecked
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates(env: Environment) -> _TemplateCache | None:
    """The cache of ``env``'s templates in the user's cache folder (``$XDG_CACHE_HOME``,
    else ``~/.cache``), one folder per jinja2 version and way of compiling (the compiled
    code depends on both); None if there is no folder to make. jinja2 checks each
    template's source against what was compiled."""
    syntax = (env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, _ESCAPED)
    try:
        chosen = os.environ.get("XDG_CACHE_HOME", "")  # a relative one is to be ignored
        base = Path(chosen) if os.path.isabs(chosen) else Path.home() / ".cache"
        compiling = hashlib.sha256(repr(syntax).encode()).hexdigest()[:12]
        folder = base / "kit" / f"templates-{jinja2.__version__}-{compiling}"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return _TemplateCache(str(folder))


def _emphasis(text: str) -> Markup:
    """Workshop text as HTML: every run escaped, ``**``/``*`` as ``strong``/``em``."""
    out = []
    for run in markup.parse(text):
        html = str(escape(run.text))
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        out.append(html)
    return Markup("".join(out))


def _data_uri(picture: Prepared) -> str:
    """The picture as every output draws it: upright, at most ``MAX_SIDE`` pixels long."""
    if picture.data is None:
        data = Path(picture.path).read_bytes()
        kind = mimetypes.guess_type(picture.path)[0] or "application/octet-stream"
    else:  # an upright, smaller copy: JPEG stays JPEG, anything else is PNG
        data = picture.data
        kind = "image/jpeg" if data.startswith(b"\xff\xd8") else "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _colours(theme: Theme) -> dict[str, str]:
    """The theme's colours for light and dark mode, each text colour at AA contrast."""
    c = theme.colours
    dark_background, dark_text = "#121212", "#EDEDED"
    return {
        "background": c.background,
        "text": c.text,
        "heading": _legible(c.primary, c.background, c.text),
        "muted": _legible(c.muted, c.background, c.text),
        "rule": c.accent,
        "head_fill": c.primary,
        "head_text": readable_on(c.primary),
        "stripe": mix(c.secondary, c.background, 0.88),
        "dark_background": dark_background,
        "dark_text": dark_text,
        "dark_heading": _legible(mix(c.primary, dark_text, 0.6), dark_background, dark_text),
        "dark_stripe": mix(c.secondary, dark_background, 0.8),
    }


def _legible(ink: str, background: str, toward: str) -> str:
    """``ink``, moved towards ``toward`` only as far as it must to read at 4.5:1."""
    steps = 20
    for step in range(steps + 1):
        candidate = mix(ink, toward, step / steps)
        if contrast(candidate, background) >= 4.5:
            return candidate
    return toward
