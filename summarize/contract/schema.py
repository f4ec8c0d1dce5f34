"""Export the pydantic contract as JSON Schema files under ``schemas/``."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from summarize.contract.brief import Brief
from summarize.contract.extraction import Extraction

SCHEMAS: dict[str, type[BaseModel]] = {
    "extraction.schema.json": Extraction,
    "brief.schema.json": Brief,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def default_schema_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_schemas"
    return packaged if packaged.is_dir() else package.parent / "schemas"


def export(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        target = directory / name
        target.write_text(schema_text(model), encoding="utf-8")
        written.append(target)
    return written


def stale(directory: Path) -> list[str]:
    """Names of schema files that differ from what the models export now."""
    out = []
    for name, model in SCHEMAS.items():
        target = directory / name
        if not target.is_file() or target.read_text(encoding="utf-8") != schema_text(model):
            out.append(name)
    return out
