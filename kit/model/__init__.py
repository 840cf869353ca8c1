"""The workshop content model: plain, typed, immutable data.

Nothing here knows about YAML, files or rendering. A workshop is metadata, a theme and
an agenda of sections; each section holds an ordered list of typed blocks. Text fields
may carry light inline emphasis (``**bold**``, ``*italic*``), parsed by ``kit.model.markup``.

Asset paths (images, logo, template) are resolved by a callable the loader passes in the
validation context as ``resolve_asset(value, allowed_formats)``, so the model itself never
touches the disk.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
)

from kit.model.fields import (
    FACILITATOR_ONLY,
    LINT_EXEMPT,
    NEVER_TRANSLATED,
    TEXT_OR_OBJECT,
    TRANSLATION_OPTIONAL,
    WEB_ADDRESS,
    DefaultTitle,
    markers_of,
)
from kit.words.i18n import Words, words

ENGLISH = words("en")  # default titles; the loader gives them in the workshop's language

_HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_URL = re.compile(r"(https?://|mailto:|tel:)\S+")
LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
# Pixels a picture is drawn from, at most: 200 per inch across a 12-inch-wide slide.
MAX_SIDE = 2400


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _asset_resolver(kinds: frozenset[str]) -> Any:
    def resolve(value: str, info: ValidationInfo) -> str:
        resolver = (info.context or {}).get("resolve_asset")
        return resolver(value, kinds) if resolver else value

    return resolve


def _check_colour(value: str) -> str:
    if not _HEX_COLOUR.match(value):
        raise ValueError(f"'{value}' is not a colour like '#1A2B3C'")
    return value.upper()


def _check_url(value: str) -> str:
    if value != value.strip():  # a QR code would carry the space or line break too
        raise ValueError(f"{value!r} has spaces or line breaks around the web address")
    if not _URL.fullmatch(value):
        if re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", value):  # a bare domain: www.example.org
            raise ValueError(f"'{value}' needs https:// in front: https://{value}")
        raise ValueError(f"'{value}' is not a web address (https://...), mailto: or tel: link")
    return value


def _parse_clock(value: Any) -> Any:
    if isinstance(value, str):
        match = _CLOCK.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a time: write hours:minutes in quotes (\"09:30\")")
        return dt.time(int(match[1]), int(match[2]))
    return value


def _text_to_item(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


Text = Annotated[str, Field(min_length=1)]
IMAGE_FORMATS = frozenset({"png", "jpeg", "gif"})
ImagePath = Annotated[str, Field(min_length=1), AfterValidator(_asset_resolver(IMAGE_FORMATS))]
TemplatePath = Annotated[
    str, Field(min_length=1), AfterValidator(_asset_resolver(frozenset({"pptx"})))
]
Colour = Annotated[str, AfterValidator(_check_colour)]
Url = Annotated[str, AfterValidator(_check_url), WEB_ADDRESS, NEVER_TRANSLATED]
Minutes = Annotated[int, Field(gt=0, le=24 * 60), NEVER_TRANSLATED]
Secret = Annotated[str, FACILITATOR_ONLY]
Name = Annotated[str, TRANSLATION_OPTIONAL]  # names and contacts usually stay as they are


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
    """Font names written into the deck; text is measured with metric-compatible fonts."""

    heading: Text = "Arial"
    body: Text = "Arial"


class Theme(_Model):
    colours: Colours = Colours()
    fonts: Fonts = Fonts()
    logo: Annotated[ImagePath | None, NEVER_TRANSLATED] = None
    slide_size: Annotated[Literal["16:9", "4:3"], NEVER_TRANSLATED] = "16:9"
    template: Annotated[TemplatePath | None, NEVER_TRANSLATED] = None


# --- blocks ---------------------------------------------------------------------------


class _Block(_Model):
    """Fields every block kind carries."""

    if TYPE_CHECKING:  # each kind declares its own ``kind: Literal[...]``
        kind: str

    notes: Secret = ""  # speaker notes: the deck's notes and the facilitator guide
    facilitator_notes: Secret = ""
    cite: Annotated[tuple[str, ...], NEVER_TRANSLATED] = ()


class TitleBlock(_Block):
    """A title slide: the workshop's opening, or a closing slide."""

    kind: Literal["title"] = "title"
    title: Text
    subtitle: str = ""


class BulletItem(_Model):
    text: Text
    sub: tuple[Text, ...] = ()


class BulletsBlock(_Block):
    """Bullet points, nested one level (``sub``)."""

    kind: Literal["bullets"] = "bullets"
    title: Text
    items: Annotated[
        tuple[Annotated[BulletItem, BeforeValidator(_text_to_item)], ...], TEXT_OR_OBJECT
    ] = Field(min_length=1)
    build: Annotated[bool, NEVER_TRANSLATED] = False  # each bullet appears on a click


class DefinitionBlock(_Block):
    """A term and its meaning; ``source`` attributes a quoted definition."""

    kind: Literal["definition"] = "definition"
    term: Text
    meaning: Text
    source: Annotated[str, LINT_EXEMPT] = ""
    title: str = ""


class QuoteBlock(_Block):
    kind: Literal["quote"] = "quote"
    text: Annotated[Text, LINT_EXEMPT]
    attribution: Annotated[Text, LINT_EXEMPT]
    title: str = ""


class ComparisonBlock(_Block):
    """Two columns compared row by row, e.g. sex work versus trafficking."""

    kind: Literal["comparison"] = "comparison"
    title: Text
    columns: tuple[Text, Text]
    rows: tuple[tuple[Text, Text], ...] = Field(min_length=1)


class ImageBlock(_Block):
    kind: Literal["image"] = "image"
    title: Text
    path: Annotated[ImagePath, NEVER_TRANSLATED]
    alt: Annotated[str, Field(min_length=3)]
    caption: str = ""


class ContentNoteBlock(_Block):
    """A content note with the support on offer, shown before sensitive material."""

    kind: Literal["content_note"] = "content_note"
    title: Annotated[Text, DefaultTitle("default title", "content_note_title")] = ENGLISH(
        "content_note_title"
    )
    text: Text
    support: tuple[Text, ...] = ()


class Resource(_Model):
    name: Annotated[Text, LINT_EXEMPT]
    description: str = ""
    url: Url | None = None
    contact: Name = ""


class ResourcesBlock(_Block):
    kind: Literal["resources"] = "resources"
    title: Annotated[Text, DefaultTitle("default title", "resources_title")] = ENGLISH(
        "resources_title"
    )
    items: tuple[Resource, ...] = Field(min_length=1)


class Stage(_Model):
    name: Text
    description: Text


class Axis(_Model):
    start: Text
    end: Text


class Scenario(_Model):
    """A situation to place on the continuum; ``note`` is for the facilitator only."""

    text: Text
    note: Secret = ""


class ContinuumBlock(_Block):
    """Ordered stages between two poles, scenarios to place, and reflection prompts."""

    kind: Literal["continuum"] = "continuum"
    title: Text
    intro: str = ""
    stages: tuple[Stage, ...] = Field(min_length=3, max_length=9)
    axis: Axis
    scenarios: Annotated[
        tuple[Annotated[Scenario, BeforeValidator(_text_to_item)], ...], TEXT_OR_OBJECT
    ] = ()
    prompts: tuple[Text, ...] = ()
    fluidity: str = ""


class Challenge(_Model):
    """A hostile statement to answer, the points of a good answer, and a technique."""

    statement: Annotated[Text, LINT_EXEMPT]  # a hostile statement, there to be answered
    responses: Annotated[tuple[Text, ...], FACILITATOR_ONLY] = Field(min_length=1)
    technique: str = ""


class DrillBlock(_Block):
    """The "How would you respond?" drill."""

    kind: Literal["drill"] = "drill"
    title: Annotated[Text, DefaultTitle("default title", "drill_title")] = ENGLISH("drill_title")
    guidance: Annotated[tuple[Text, ...], LINT_EXEMPT] = ()
    challenges: tuple[Challenge, ...] = Field(min_length=1)


class ActivityBlock(_Block):
    """A timed hands-on activity: what participants do, and how facilitators run it.

    ``group_size`` 1 means each person works on their own; ``materials`` are what each
    group needs (flip-chart paper, markers), one set per group on the guide's list.
    """

    kind: Literal["activity"] = "activity"
    title: Text
    duration: Minutes
    group_size: Annotated[int, Field(ge=1, le=100), NEVER_TRANSLATED] = 1
    instructions: tuple[Text, ...] = Field(min_length=1)
    facilitator_instructions: Annotated[tuple[Text, ...], FACILITATOR_ONLY] = ()
    materials: tuple[Text, ...] = ()


BLOCK_TYPES: tuple[type[_Block], ...] = (
    TitleBlock,
    BulletsBlock,
    DefinitionBlock,
    QuoteBlock,
    ComparisonBlock,
    ImageBlock,
    ContentNoteBlock,
    ResourcesBlock,
    ContinuumBlock,
    DrillBlock,
    ActivityBlock,
)
BLOCK_KINDS: tuple[str, ...] = tuple(t.model_fields["kind"].default for t in BLOCK_TYPES)
# Kind -> the word of its default title, from the ``DefaultTitle`` marker on ``title``.
DEFAULT_TITLES: dict[str, str] = {
    kind: marker.word
    for kind, block in zip(BLOCK_KINDS, BLOCK_TYPES)
    for marker in markers_of(block, "title")
    if isinstance(marker, DefaultTitle)
}


def _unwrap_block(value: Any) -> Any:
    """``{drill: {...}}`` as written in YAML -> ``{kind: drill, ...}`` for the union."""
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError(
            "a block is a mapping with exactly one key naming its kind: " + ", ".join(BLOCK_KINDS)
        )
    ((kind, body),) = value.items()
    if kind not in BLOCK_KINDS:
        return {"kind": kind}  # the union reports the unknown kind with a suggestion
    if not isinstance(body, dict):
        raise ValueError(f"the '{kind}' block needs a mapping of fields under it")
    return {"kind": kind, **body}


if TYPE_CHECKING:  # a type checker cannot read a union built from a tuple
    Block = _Block
else:
    Block = Annotated[
        Union[BLOCK_TYPES],  # noqa: UP007
        Field(discriminator="kind"),
        BeforeValidator(_unwrap_block),
    ]


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


class Section(_Model):
    title: Text
    duration: Minutes
    objectives: tuple[Text, ...] = ()
    divider: Annotated[bool, NEVER_TRANSLATED] = True
    materials: Materials = ()
    blocks: tuple[Block, ...] = ()
    break_after: Break | None = None


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
