"""``kit new``: a starter workshop folder whose comments teach the format."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from kit.errors import KitError
from kit.source.loader import WORKSHOP_FILE
from kit.source.schema import workshop_schema

SCHEMA_FILE = "workshop.schema.json"  # named in the starter's yaml-language-server line


def create(folder: Path) -> Path:
    """Write a starter ``workshop.yaml`` and its schema into ``folder``; never overwrite one."""
    target = folder / WORKSHOP_FILE
    if target.exists():
        raise KitError(f"{target} already exists; choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    text = (resources.files("kit.app") / "starter_files" / WORKSHOP_FILE).read_text("utf-8")
    target.write_text(
        text.replace("__TITLE__", folder.name.replace("-", " ").capitalize()), encoding="utf-8"
    )
    write_schema(folder)
    return target


def write_schema(folder: Path) -> Path:
    """``workshop.schema.json`` in ``folder``, for the workshop's yaml-language-server line."""
    schema = json.dumps(workshop_schema(), indent=2, ensure_ascii=False)
    target = folder / SCHEMA_FILE
    target.write_text(schema + "\n", encoding="utf-8")
    return target
