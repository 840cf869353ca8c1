"""``kit new``: a starter workshop folder whose comments teach the format."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kit.errors import KitError
from kit.source.loader import WORKSHOP_FILE


def create(folder: Path) -> Path:
    """Write a starter ``workshop.yaml`` into ``folder``; never overwrite an existing one."""
    target = folder / WORKSHOP_FILE
    if target.exists():
        raise KitError(f"{target} already exists; choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    text = (resources.files("kit.app") / "starter_files" / WORKSHOP_FILE).read_text("utf-8")
    target.write_text(
        text.replace("__TITLE__", folder.name.replace("-", " ").capitalize()), encoding="utf-8"
    )
    return target
