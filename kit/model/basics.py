"""What every part of the model is made of: the base model, checked text, paths and times.

Asset paths (images, logo, template) are resolved by a callable the loader passes in the
validation context as ``resolve_asset(value, allowed_formats)``, so the model itself never
touches the disk.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
)

from kit.model.fields import (
    FACILITATOR_ONLY,
    NEVER_TRANSLATED,
    TRANSLATION_OPTIONAL,
    WEB_ADDRESS,
)
from kit.words.i18n import words

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
FONT_FILE = ".ttf"  # TrueType outlines: what reportlab embeds in a PDF
FONT_FORMATS = frozenset({"ttf"})
# Where a font file's other faces are looked for, beside it by name: DejaVuSans.ttf has
# DejaVuSans-Bold.ttf, -Oblique.ttf and -BoldOblique.ttf; Brand-Regular.ttf has Brand-Bold.ttf.
_FACE_ENDINGS = (("Bold",), ("Italic", "Oblique"), ("BoldItalic", "BoldOblique"))


def is_font_file(value: str) -> bool:
    """Whether a theme font names a font file (``fonts/Brand.ttf``) rather than a family."""
    return value.lower().endswith(FONT_FILE)


def other_faces(value: str) -> tuple[tuple[str, ...], ...]:
    """The names the bold, italic and bold italic faces of font file ``value`` may have."""
    base = value[: -len(FONT_FILE)].removesuffix("-Regular")
    return tuple(tuple(f"{base}-{ending}{FONT_FILE}" for ending in face) for face in _FACE_ENDINGS)


def _font_choice(value: str, info: ValidationInfo) -> str:
    """A font's name as it is; a font file resolved in the workshop folder like an image."""
    return _asset_resolver(FONT_FORMATS)(value, info) if is_font_file(value) else value


FontChoice = Annotated[str, Field(min_length=1), AfterValidator(_font_choice)]
Colour = Annotated[str, AfterValidator(_check_colour)]
Url = Annotated[str, AfterValidator(_check_url), WEB_ADDRESS, NEVER_TRANSLATED]
Minutes = Annotated[int, Field(gt=0, le=24 * 60), NEVER_TRANSLATED]
Secret = Annotated[str, FACILITATOR_ONLY]
Name = Annotated[str, TRANSLATION_OPTIONAL]  # names and contacts usually stay as they are
