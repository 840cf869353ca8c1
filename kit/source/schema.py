"""The JSON Schema of workshop files as they are written, for editors.

pydantic describes the validated model; the file format differs in three places that
this module rewrites: a block is written ``{kind: {fields}}``, list items that accept
plain text (bullets, scenarios, materials) accept a string too, and times are ``HH:MM`` text.
Every property carries its description from ``kit.model.descriptions``, and an example
where the description ends with one.
"""

from __future__ import annotations

from typing import Any

from kit.model import BLOCK_TYPES, Workshop
from kit.model.descriptions import DESCRIPTIONS
from kit.model.fields import TEXT_OR_OBJECT, fields_marked
from kit.source.yamlsource import read_yaml


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
    }
    _describe(schema, "Workshop")
    for name, definition in defs.items():
        _describe(definition, name)
    for option in defs["Section"]["properties"]["blocks"]["items"]["oneOf"]:
        ((kind, ref),) = option["properties"].items()
        block = defs[ref["$ref"].rsplit("/", 1)[1]]
        ref["description"] = block.get("description", f"A {kind} block.")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def _describe(definition: dict[str, Any], name: str) -> None:
    """Give each property of the model class ``name`` its description and example."""
    described = {**DESCRIPTIONS.get("_Block", {}), **DESCRIPTIONS.get(name, {})}
    for field, prop in definition.get("properties", {}).items():
        if field not in described:
            continue
        text, _, example = described[field].partition(" Example: ")
        prop["description"] = text
        if example:
            prop["examples"] = [_example(example, prop)]


def _example(written: str, prop: dict[str, Any]) -> Any:
    """An example as written in YAML, read the way kit reads it, typed for the schema."""
    value = read_yaml(f"example: {written}".encode(), "example").data["example"]
    types = {prop.get("type"), *(option.get("type") for option in prop.get("anyOf", []))}
    return int(value) if "integer" in types else value
