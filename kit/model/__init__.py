"""The workshop content model: plain, typed, immutable data.

Nothing here knows about YAML, files or rendering. A workshop is metadata, a theme and
an agenda of sections; each section holds an ordered list of typed blocks
(``kit.model.blocks``), made of the checked pieces in ``kit.model.basics``. Text fields
may carry light inline emphasis (``**bold**``, ``*italic*``), parsed by ``kit.model.markup``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PrivateAttr,
)

from kit.model.basics import (
    IMAGE_FORMATS,
    LANGUAGE_CODE,
    MAX_SIDE,
    Colour,
    FontChoice,
    ImagePath,
    Minutes,
    Name,
    Secret,
    TemplatePath,
    Text,
    Url,
    _Model,
    _parse_clock,
)
from kit.model.blocks import (
    BLOCK_KINDS,
    BLOCK_TYPES,
    DEFAULT_TITLES,
    ActivityBlock,
    Axis,
    Block,
    BulletItem,
    BulletsBlock,
    Challenge,
    ComparisonBlock,
    ContentNoteBlock,
    ContinuumBlock,
    DefinitionBlock,
    DrillBlock,
    ImageBlock,
    QuoteBlock,
    Resource,
    ResourcesBlock,
    Scenario,
    Stage,
    TitleBlock,
    _Block,
)
from kit.model.fields import (
    LINT_EXEMPT,
    NEVER_TRANSLATED,
    TEXT_OR_OBJECT,
    TRANSLATION_OPTIONAL,
)
from kit.words.i18n import Words

# Re-exported: the model is imported from here.
__all__ = [
    "BLOCK_KINDS",
    "BLOCK_TYPES",
    "DEFAULT_TITLES",
    "IMAGE_FORMATS",
    "LANGUAGE_CODE",
    "MAX_SIDE",
    "ActivityBlock",
    "Axis",
    "Block",
    "BulletItem",
    "BulletsBlock",
    "Challenge",
    "Colour",
    "ComparisonBlock",
    "ContentNoteBlock",
    "ContinuumBlock",
    "DefinitionBlock",
    "DrillBlock",
    "ImageBlock",
    "ImagePath",
    "Minutes",
    "Name",
    "QuoteBlock",
    "Resource",
    "ResourcesBlock",
    "Scenario",
    "Secret",
    "Stage",
    "TemplatePath",
    "Text",
    "TitleBlock",
    "Url",
]


class Source(_Model):
    """A document the workshop draws on; blocks cite it by ``id``."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$"), NEVER_TRANSLATED]
    title: Text
    organisation: Annotated[Text, TRANSLATION_OPTIONAL]
    url: Url | None = None
    year: Annotated[str, NEVER_TRANSLATED] = ""


class GlossaryTerm(_Model):
    """A preferred term, the words it replaces, and why."""

    term: Text
    instead_of: Annotated[tuple[str, ...], LINT_EXEMPT] = ()
    why: str = ""


def _check_pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"'{value}' is not a regular expression: {exc}") from None
    return value


class LintRule(_Model):
    """A workshop's own wording rule for ``kit lint``; ``{match}`` in the message is the text."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    pattern: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_check_pattern)]
    message: Text
    suggestion: str = ""


LanguageCode = Annotated[str, Field(pattern=LANGUAGE_CODE)]


class LanguageLint(_Model):
    """More ``kit lint`` settings for the text in one language (the main one or an edition)."""

    language: LanguageCode
    disable: tuple[str, ...] = ()
    rules: tuple[LintRule, ...] = ()


class LintConfig(_Model):
    """Which ``kit lint`` rules are switched off, the workshop's own rules, and per language."""

    disable: tuple[str, ...] = ()
    rules: tuple[LintRule, ...] = ()
    languages: tuple[LanguageLint, ...] = ()


class Colours(_Model):
    primary: Colour = "#5B2A86"
    secondary: Colour = "#1F6F78"
    accent: Colour = "#C8102E"
    text: Colour = "#1E1E1E"
    background: Colour = "#FFFFFF"
    muted: Colour = "#5F5F5F"


class Fonts(_Model):
    """A font's name, written into the deck and measured with a metric twin kit ships, or a
    TrueType file in the workshop folder, measured and embedded in every PDF."""

    heading: FontChoice = "Arial"
    body: FontChoice = "Arial"


class Theme(_Model):
    colours: Colours = Colours()
    fonts: Fonts = Fonts()
    logo: Annotated[ImagePath | None, NEVER_TRANSLATED] = None
    slide_size: Annotated[Literal["16:9", "4:3"], NEVER_TRANSLATED] = "16:9"
    template: Annotated[TemplatePath | None, NEVER_TRANSLATED] = None


class Break(_Model):
    """A pause after a section: how long, and what to call it ("Lunch"; "Break" if empty)."""

    duration: Minutes
    label: str = ""


class Material(_Model):
    """Something the room needs: ``count`` of it per room, per participant or per group."""

    item: Text
    count: Annotated[int, Field(gt=0, le=10_000), NEVER_TRANSLATED] = 1
    per: Annotated[Literal["room", "participant", "group"], NEVER_TRANSLATED] = "room"


def _text_to_material(value: Any) -> Any:
    return {"item": value} if isinstance(value, str) else value


Materials = Annotated[
    tuple[Annotated[Material, BeforeValidator(_text_to_material)], ...], TEXT_OR_OBJECT
]


class BuildSettings(_Model):
    """How ``kit build`` builds this workshop; an option on the command line wins."""

    paper: Literal["a4", "letter"] = "a4"
    participants: Annotated[int, Field(ge=1, le=1000)] | None = None
    languages: tuple[LanguageCode, ...] = ()
    time_format: Literal["24h", "12h"] | None = None  # None: the language's clock
    large_print: Literal[16, 18] = 16  # the large-print handout's body size, in points


class Section(_Model):
    title: Text
    duration: Minutes
    objectives: tuple[Text, ...] = ()
    divider: Annotated[bool, NEVER_TRANSLATED] = True
    materials: Materials = ()
    blocks: tuple[Block, ...] = ()
    break_after: Break | None = None


class WebEdition(_Model):
    """Where the organiser publishes the web edition (``handout.html``)."""

    url: Url


class Workshop(_Model):
    """One workshop: metadata, theme and an agenda of sections."""

    title: Text
    subtitle: str = ""
    organisation: Annotated[Text, TRANSLATION_OPTIONAL]
    presenters: Annotated[tuple[Text, ...], TRANSLATION_OPTIONAL] = ()
    date: Annotated[dt.date | None, NEVER_TRANSLATED] = None
    start_time: Annotated[dt.time, BeforeValidator(_parse_clock), NEVER_TRANSLATED] = dt.time(9, 0)
    venue: Name = ""
    duration: Minutes | None = None
    audience: str = ""
    language: Annotated[LanguageCode, NEVER_TRANSLATED] = "en"
    licence: Name = ""
    feedback_url: Url | None = None  # the online evaluation form, as a QR code on paper
    web: WebEdition | None = None  # where the organiser publishes the web edition (handout.html)
    sources: Annotated[tuple[Source, ...], LINT_EXEMPT] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    lint: Annotated[LintConfig, NEVER_TRANSLATED, LINT_EXEMPT] = LintConfig()
    theme: Annotated[Theme, NEVER_TRANSLATED] = Theme()
    build: Annotated[BuildSettings, NEVER_TRANSLATED] = BuildSettings()
    sections: tuple[Section, ...] = Field(min_length=1)
    # The folder whose locale/<lang>.po may add to kit's words; set by the loader, not the file.
    _folder: Path | None = PrivateAttr(default=None)

    def with_folder(self, folder: Path) -> Workshop:
        """This workshop, its own catalog of kit's words looked for in ``folder``."""
        self._folder = folder
        return self

    def interface_words(self) -> Words:
        """The words kit adds around the content, in the workshop's language."""
        return Words(self.language, self._folder, self.build.time_format)

    def blocks(self) -> list[tuple[Section, Block]]:
        """Every block in reading order, with its section."""
        return [(section, block) for section in self.sections for block in section.blocks]

    def blocks_of(self, kind: type[_Block]) -> list[Any]:
        return [block for _, block in self.blocks() if isinstance(block, kind)]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
