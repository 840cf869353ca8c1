"""The JSON Schema of workshop files as they are written, for editors.

pydantic describes the validated model; the file format differs in three places that
this module rewrites: a block is written ``{kind: {fields}}``, list items that accept
plain text (bullets, scenarios, materials) accept a string too, and times are ``HH:MM`` text.
"""

from __future__ import annotations

from typing import Any

from kit.model import BLOCK_TYPES, Workshop
from kit.model.fields import TEXT_OR_OBJECT, fields_marked


def workshop_schema() -> dict[str, Any]:
    schema = Workshop.model_json_schema()
    defs = schema["$defs"]
    for block in BLOCK_TYPES:
        definition = defs[block.__name__]
        definition["properties"].pop("kind")
        if "kind" in definition.get("required", []):
            definition["required"].remove("kind")
    defs["Section"]["properties"]["blocks"]["items"] = {
        "oneOf": [
            {
                "type": "object",
                "properties": {kind: {"$ref": f"#/$defs/{block.__name__}"}},
                "required": [kind],
                "additionalProperties": False,
            }
            for block in BLOCK_TYPES
            for kind in [block.model_fields["kind"].default]
        ]
    }
    for owner, field, (item,) in fields_marked(Workshop, TEXT_OR_OBJECT):
        defs[owner.__name__]["properties"][field]["items"] = {
            "anyOf": [{"type": "string", "minLength": 1}, {"$ref": f"#/$defs/{item.__name__}"}]
        }
    schema["properties"]["start_time"] = {
        "type": "string",
        "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$",
        "default": "09:00",
        "description": "Start time as HH:MM (quote it in YAML).",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }
