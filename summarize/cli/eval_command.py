"""``summarize eval``: score an output folder against the gold answers in ``eval/gold``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    outputs: Annotated[
        Path, typer.Argument(help="Folder of <stem>.json extractions, and brief.json if any.")
    ],
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold answers.")] = Path(
        "eval/gold"
    ),
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    story: Annotated[
        Path | None,
        typer.Option("--story", help="One story's brief gold: score the folder's brief by it."),
    ] = None,
) -> None:
    """Score an output folder against gold answers: a table, or JSON with --json."""
    from summarize.evaluation import EvaluationError, score_outputs  # only this command needs it

    try:
        report = score_outputs(outputs=outputs, gold=gold, story=story)
    except EvaluationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    if json_out:
        print(json.dumps(report.as_dict(), indent=2, sort_keys=True))
    else:
        print(report.render_table())
