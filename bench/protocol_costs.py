"""What each protocol costs per seed article, read from the recorded cassettes.

The cassettes are the real server's answers, so their ``usage`` (and, from llama.cpp's own
server, ``timings``: cached prompt tokens, prompt and decode milliseconds) are measurements.
Two git revisions side by side compare two protocols on the same five articles and the same
model; token counts do not depend on the machine, milliseconds do (say which machine).

    python bench/protocol_costs.py 5197d42 HEAD     # the old protocol, then today's
"""

from __future__ import annotations

import argparse
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "cassettes/test_extract_seeds"
PREFIXES = ("000", "001", "002", "003", "004")


@dataclass
class Cost:
    calls: int = 0
    prompt: int = 0
    completion: int = 0
    cached: int | None = None
    prompt_ms: float | None = None
    decode_ms: float | None = None


def _cassette(revision: str, prefix: str) -> str:
    path = f"{FOLDER}/test_seed_extraction[{prefix}].yaml"
    if revision == "WORKTREE":
        return (ROOT / path).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{revision}:{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def _add(total: float | int | None, value: float | int | None) -> float | int | None:
    return None if value is None else (total or 0) + value


def cost(revision: str, prefix: str) -> Cost:
    out = Cost()
    for exchange in yaml.safe_load(_cassette(revision, prefix))["interactions"]:
        if not exchange["request"]["uri"].endswith("/chat/completions"):
            continue
        body = json.loads(exchange["response"]["body"]["string"])
        usage, timings = body.get("usage") or {}, body.get("timings")
        out.calls += 1
        out.prompt += int(usage.get("prompt_tokens", 0))
        out.completion += int(usage.get("completion_tokens", 0))
        if isinstance(timings, dict):
            out.cached = int(_add(out.cached, timings.get("cache_n", 0)) or 0)
            out.prompt_ms = _add(out.prompt_ms, timings.get("prompt_ms"))
            out.decode_ms = _add(out.decode_ms, timings.get("predicted_ms"))
    return out


def total(costs: list[Cost]) -> Cost:
    """The sum; a figure some cassette lacks (no ``timings``) is n/a in the sum too."""

    def summed(values: list[float | int | None]) -> float | int | None:
        return None if any(v is None for v in values) else sum(v or 0 for v in values)

    return Cost(
        calls=sum(c.calls for c in costs),
        prompt=sum(c.prompt for c in costs),
        completion=sum(c.completion for c in costs),
        cached=summed([c.cached for c in costs]),  # type: ignore[arg-type]
        prompt_ms=summed([c.prompt_ms for c in costs]),
        decode_ms=summed([c.decode_ms for c in costs]),
    )


def _cell(value: float | int | None, fmt: str = "{:,}") -> str:
    return "n/a" if value is None else fmt.format(value)


def row(revision: str, article: str, c: Cost) -> str:
    uncached = None if c.cached is None else c.prompt - c.cached
    seconds = [None if ms is None else ms / 1000 for ms in (c.prompt_ms, c.decode_ms)]
    cells = [revision, article, str(c.calls), f"{c.prompt:,}", _cell(c.cached), _cell(uncached),
             f"{c.completion:,}", *(_cell(s, "{:.1f}") for s in seconds)]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("revisions", nargs="+", help="git revisions, or WORKTREE")
    args = parser.parse_args()
    print("| revision | article | calls | prompt tokens | of them cached | uncached | "
          "completion tokens | prompt s | decode s |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for revision in args.revisions:
        costs = [cost(revision, prefix) for prefix in PREFIXES]
        for prefix, c in zip(PREFIXES, costs, strict=True):
            print(row(revision, prefix, c))
        print(row(revision, "**all**", total(costs)))


if __name__ == "__main__":
    main()
