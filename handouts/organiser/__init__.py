"""The organiser's pack: what the room needs besides the talk itself.

A sign-in sheet, a room and materials list, an evaluation form, certificates of attendance
and name tents. Each module lays out one document from the workshop and the build options;
``write_organiser`` writes any one of them; ``FILES`` is their order.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path

from handouts.document import write_document
from handouts.organiser.certificates import write_certificates
from handouts.organiser.evaluation import evaluation_story
from handouts.organiser.roomlist import BODY_SIZE as ROOM_LIST_SIZE
from handouts.organiser.roomlist import room_list_story
from handouts.organiser.signin import sign_in_story
from handouts.organiser.tents import write_name_tents
from handouts.story import look_for
from kit.layout.pictures import Prepared
from kit.model import Theme, Workshop
from kit.outputs import (
    CERTIFICATES,
    EVALUATION,
    NAME_TENTS,
    ORGANISER_PACK,
    ROOM_LIST,
    SIGN_IN,
    BuildOptions,
    OutputKind,
)

BODY_SIZE = 11.0

# The organiser's files, in the order a build writes them.
FILES: tuple[OutputKind, ...] = ORGANISER_PACK


def write_organiser(
    kind: OutputKind,
    workshop: Workshop,
    theme: Theme,
    path: Path,
    options: BuildOptions,
    pictures: Mapping[str, Prepared] | None = None,
) -> int:
    """Write the organiser's file of ``kind`` (one of ``FILES``) to ``path``; its pages.

    ``pictures`` are the deck plan's prepared pictures: every document draws its logo."""
    look = partial(look_for, workshop, theme, options.paper, pictures=pictures)
    if kind is SIGN_IN:
        turned = look(BODY_SIZE, turned=True)
        story = sign_in_story(turned, options.participants)
        return write_document(path, story, turned, turned.words("sign_in"), SIGN_IN)
    if kind is ROOM_LIST:
        compact = look(ROOM_LIST_SIZE)
        story = room_list_story(compact, options.participants, listed=bool(options.people))
        return write_document(path, story, compact, compact.words("room_list"), ROOM_LIST)
    if kind is EVALUATION:
        plain = look(BODY_SIZE)
        return write_document(
            path, evaluation_story(plain), plain, plain.words("evaluation"), EVALUATION
        )
    # Bare pages with no running header: the certificate draws the logo in its frame.
    if kind is CERTIFICATES:
        return write_certificates(path, look(BODY_SIZE, turned=True, header=False), options.people)
    if kind is NAME_TENTS:
        bare = look_for(workshop, theme, options.paper, BODY_SIZE, header=False)
        return write_name_tents(path, bare, options.people)
    raise ValueError(f"{kind.name} is not one of the organiser's files")
