"""The stages stay layered: data flows one way, so a lower stage never imports a higher one.

Every import in the package is read from the source (lazy imports inside functions too), so
a layering break fails here even on a path no other test runs.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import summarize

PACKAGE = Path(summarize.__file__).resolve().parent
# Bottom to top; a stage may import its own level and the levels below it.
LAYERS: list[tuple[str, ...]] = [
    ("errors", "atomic"),
    ("contract", "knowledge"),
    ("ingest",),
    ("llm",),
    ("extract",),
    ("brief",),
    ("render",),
    ("run",),
    ("evaluation",),
    ("cli",),
]
LEVEL = {stage: level for level, stages in enumerate(LAYERS) for stage in stages}
# The package's front door sits above everything and imports lazily; __main__ starts the CLI.
TOP = {"__init__", "__main__"}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "summarize" else None


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _module_stage(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def test_every_module_belongs_to_a_known_stage() -> None:
    stages = {_module_stage(p) for p in PACKAGE.rglob("*.py")}
    assert stages - TOP <= set(LEVEL), sorted(stages - TOP - set(LEVEL))


def test_no_stage_imports_a_higher_one() -> None:
    breaks = []
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = _module_stage(path)
        if stage in TOP:
            continue
        for line, module in _imports(path):
            target = _stage(module)
            if target is not None and target in LEVEL and LEVEL[target] > LEVEL[stage]:
                breaks.append(f"{path.relative_to(PACKAGE)}:{line} ({stage}) imports {module}")
    assert breaks == []


@pytest.mark.parametrize("stage", sorted(LEVEL))
def test_each_stage_imports_on_its_own(stage: str) -> None:
    module = importlib.import_module(f"summarize.{stage}")
    assert module.__doc__, f"summarize.{stage} has no docstring saying what it does"
