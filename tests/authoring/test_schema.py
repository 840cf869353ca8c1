"""The schema documents the format: every property described, examples that are valid."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
from click.testing import CliRunner

import kit.model
from kit.app.cli import main
from kit.model.descriptions import DESCRIPTIONS
from kit.source.schema import workshop_schema


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{where}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}/{index}")


def test_every_property_has_a_description() -> None:
    properties = list(_properties(workshop_schema()))
    assert len(properties) > 130
    undescribed = [where for where, prop in properties if not prop.get("description")]
    assert undescribed == []


def test_every_example_is_valid_for_its_property() -> None:
    schema = workshop_schema()
    examples = [(w, p) for w, p in _properties(schema) if "examples" in p]
    assert len(examples) > 40
    for _, prop in examples:
        check = jsonschema.Draft202012Validator(
            {"$defs": schema["$defs"], **prop}, format_checker=jsonschema.FormatChecker()
        )
        for example in prop["examples"]:
            check.validate(example)


# Where kit.model's classes are declared (it re-exports its blocks and basics).
_MODEL_MODULES = ("kit.model", "kit.model.blocks", "kit.model.basics")


def _models() -> Iterator[type[pydantic.BaseModel]]:
    for value in vars(kit.model).values():
        is_model = isinstance(value, type) and issubclass(value, pydantic.BaseModel)
        if is_model and value.__module__ in _MODEL_MODULES and value.model_fields:
            yield value


def test_descriptions_and_the_model_name_the_same_fields() -> None:
    """A field added without a description, or a description of a field that went, fails."""
    shared = set(DESCRIPTIONS["_Block"])
    for model in _models():
        fields = set(model.model_fields) - {"kind"}
        own = set(DESCRIPTIONS.get(model.__name__, {}))
        inherited = shared if "notes" in fields and model.__name__ != "_Block" else set()
        assert fields - inherited == own, model.__name__
    named = {model.__name__ for model in _models()}
    assert set(DESCRIPTIONS) <= named


def test_the_starter_points_editors_at_the_schema_it_writes(tmp_path: Path) -> None:
    folder = tmp_path / "my-workshop"
    assert CliRunner().invoke(main, ["new", str(folder)]).exit_code == 0
    text = (folder / "workshop.yaml").read_text(encoding="utf-8")
    assert "\n# yaml-language-server: $schema=workshop.schema.json\n" in text
    written = (folder / "workshop.schema.json").read_text(encoding="utf-8")
    assert written == CliRunner().invoke(main, ["schema"]).output
