"""``summarize-run.json``: what happened to every input of one run, kept current.

Rewritten (atomically) after each article, so after a crash or Ctrl-C it still says which
articles are done, which failed and why, and which were never reached.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from summarize.atomic import write_text_atomic
from summarize.run.batch import Outcome

REPORT_NAME = "summarize-run.json"
Status = Literal["pending", "ok", "failed", "duplicate"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RunReport:
    """The per-input status table of one run, written into the output folder."""

    def __init__(self, out_dir: Path, paths: Sequence[Path]) -> None:
        self.path = out_dir / REPORT_NAME
        self._started = _now()
        self._finished: str | None = None
        self._result = "running"
        self._inputs: dict[str, dict[str, object]] = {
            str(p): {"path": str(p), "status": "pending"} for p in paths
        }
        self._write()

    def record(self, outcome: Outcome) -> None:
        entry: dict[str, object] = {"path": str(outcome.path)}
        if outcome.error is not None:
            entry |= {"status": "failed", "reason": outcome.error}
        elif outcome.duplicate_of is not None:
            entry |= {"status": "duplicate", "duplicate_of": str(outcome.duplicate_of)}
        else:
            entry |= {"status": "ok", "seconds": round(outcome.seconds, 2)}
        if outcome.output is not None:
            entry["output"] = str(outcome.output)
        self._inputs[str(outcome.path)] = entry
        self._write()

    def finish(self, result: Literal["done", "interrupted"], exit_code: int) -> None:
        self._finished = _now()
        self._result = f"{result}, exit code {exit_code}"
        self._write()

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for entry in self._inputs.values():
            status = str(entry["status"])
            out[status] = out.get(status, 0) + 1
        return out

    def _write(self) -> None:
        report = {
            "started": self._started,
            "finished": self._finished,
            "result": self._result,
            "counts": self.counts(),
            "inputs": list(self._inputs.values()),
        }
        write_text_atomic(self.path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
