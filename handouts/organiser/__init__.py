"""The organiser's pack: what the room needs besides the talk itself.

A sign-in sheet, a room and materials list, an evaluation form, certificates of attendance
and name tents. Each module lays out one document from the workshop and the build options;
``organiser_outputs`` decides the files and their order.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path

from handouts.organiser.certificates import write_certificates
from handouts.organiser.evaluation import evaluation_story
from handouts.organiser.roomlist import BODY_SIZE as ROOM_LIST_SIZE
from handouts.organiser.roomlist import room_list_story
from handouts.organiser.signin import sign_in_story
from handouts.organiser.tents import write_name_tents
from handouts.story import look_for, write_document
from kit.layout.pictures import Prepared
from kit.model import Theme, Workshop
from kit.outputs import (
    CERTIFICATES,
    EVALUATION,
    NAME_TENTS,
    ROOM_LIST,
    SIGN_IN,
    BuildOptions,
    Output,
)

BODY_SIZE = 11.0


def organiser_outputs(
    workshop: Workshop,
    theme: Theme,
    out_dir: Path,
    options: BuildOptions,
    pictures: Mapping[str, Prepared] | None = None,
) -> list[Output]:
    """Write the organiser's pack into ``out_dir``; one ``Output`` per file, in pages.

    ``pictures`` are the deck plan's prepared pictures: every document draws its logo."""
    outputs = []
    look = look_for(workshop, theme, options.paper, BODY_SIZE, turned=True, pictures=pictures)
    path = out_dir / SIGN_IN.file
    story = sign_in_story(look, options.participants)
    pages = write_document(path, story, look, look.words("sign_in"), SIGN_IN)
    outputs.append(Output(path, pages, SIGN_IN))

    compact = look_for(workshop, theme, options.paper, ROOM_LIST_SIZE, pictures=pictures)
    path = out_dir / ROOM_LIST.file
    story = room_list_story(compact, options.participants, listed=bool(options.people))
    pages = write_document(path, story, compact, compact.words("room_list"), ROOM_LIST)
    outputs.append(Output(path, pages, ROOM_LIST))

    look = look_for(workshop, theme, options.paper, BODY_SIZE, pictures=pictures)
    path = out_dir / EVALUATION.file
    pages = write_document(path, evaluation_story(look), look, look.words("evaluation"), EVALUATION)
    outputs.append(Output(path, pages, EVALUATION))

    # Bare pages with no running header: the certificate draws the logo in its frame.
    bare = partial(look_for, workshop, theme, options.paper, BODY_SIZE, header=False)
    landscape = bare(turned=True, pictures=pictures)
    path = out_dir / CERTIFICATES.file
    outputs.append(Output(path, write_certificates(path, landscape, options.people), CERTIFICATES))
    path = out_dir / NAME_TENTS.file
    outputs.append(Output(path, write_name_tents(path, bare(), options.people), NAME_TENTS))
    return outputs
