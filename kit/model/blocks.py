"""The block kinds: each declared once, as a model with ``kind`` naming it.

``BLOCK_TYPES`` lists them; renderers keep a ``kit.model.kinds.BlockTable`` per kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    BeforeValidator,
    Field,
)

from kit.model.basics import (
    ENGLISH,
    ImagePath,
    Minutes,
    Name,
    Secret,
    Text,
    Url,
    _Model,
    _text_to_item,
)
from kit.model.fields import (
    FACILITATOR_ONLY,
    LINT_EXEMPT,
    NEVER_TRANSLATED,
    TEXT_OR_OBJECT,
    DefaultTitle,
    markers_of,
)

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
