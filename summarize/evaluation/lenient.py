"""Read a JSON output twice: once against the real contract, once through a lenient mirror.

Another system's output (or a broken run of ours) may break the contract. The scorer reports
that, then scores what it can read, so each reader needs the same three steps.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError


class Loose(BaseModel):
    """Base of the lenient mirrors: unknown keys are ignored."""

    model_config = ConfigDict(extra="ignore")


LooseModel = TypeVar("LooseModel", bound=Loose)


def read_leniently(
    path: Path, contract: type[BaseModel], mirror: type[LooseModel], what: str, notes: list[str]
) -> tuple[LooseModel, bool]:
    """The file read through ``mirror``, and whether it keeps ``contract``; problems → notes."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        notes.append(f"unreadable {what} ({type(exc).__name__}): scored as empty")
        data = {}
    valid = False
    try:
        contract.model_validate(data)
        valid = True
    except ValidationError as exc:
        if data:
            notes.append(f"breaks the {contract.__name__} contract ({exc.error_count()} errors)")
    try:
        return mirror.model_validate(data), valid
    except ValidationError as exc:
        notes.append(f"unusable {what} ({exc.error_count()} errors): scored as empty")
        return mirror(), valid
