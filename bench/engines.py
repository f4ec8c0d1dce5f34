"""Engines and protocols, measured in one sitting: wall time, calls, tokens and scores.

Each configuration extracts the same articles cold (a fresh cache), one configuration at a
time (never two servers at once), through one counting proxy that sees every request:

- engine: the embedded xllamacpp engine (``slots`` = parallel articles, optional n-gram
  lookup decoding), or llama-cpp-python 0.3.36 with repacked weights off (the engine the
  project used before; ``bench/lcp_server.py``, from ``bench/.venv-lcp``);
- protocol: today's code, or the code at ``--baseline`` (the protocol before sentence
  numbers), checked out in a git worktree and run against the same server;
- judges: the aims and hedges verdict questions asked of the embedded model
  (``SUMMARIZE_JUDGES=1``, today off for it), against not asked.

    python bench/engines.py --out bench/results/engines [--articles seeds/*.txt]
        [--configs new-x1,new-x2,new-x4,new-x1-lookup,new-x1-judges,old-x1,new-lcp,old-lcp]

Every output folder is scored by ``summarize eval`` against ``--gold`` (eval/gold by
default). Writes ``OUT/engines.json`` and ``OUT/engines.md``. No time is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from countproxy import CountingProxy

import summarize

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "5197d42"  # the last commit with the quote-copying protocol and llama-cpp-python
LCP_PYTHON = ROOT / "bench" / ".venv-lcp" / "bin" / "python"


@dataclass(frozen=True)
class Config:
    name: str
    protocol: str  # "new" or "old"
    engine: str  # "xllamacpp" or "lcp"
    slots: int = 1
    lookup: bool = False
    judges: bool = False  # the verdict questions (aims, hedges) asked, as before 2026-12-05


CONFIGS = {
    c.name: c
    for c in (
        Config("new-x1", "new", "xllamacpp"),
        Config("new-x2", "new", "xllamacpp", slots=2),
        Config("new-x4", "new", "xllamacpp", slots=4),
        Config("new-x1-lookup", "new", "xllamacpp", lookup=True),
        Config("new-x1-judges", "new", "xllamacpp", judges=True),
        Config("old-x1", "old", "xllamacpp"),
        Config("new-lcp", "new", "lcp"),
        Config("old-lcp", "old", "lcp"),
    )
}


def _log(message: str) -> None:
    print(f"[engines {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def lcp_server(log: Path) -> Iterator[str]:
    """llama-cpp-python's server (repacked weights off) on loopback; yields its /v1 URL."""
    if not LCP_PYTHON.exists():
        raise SystemExit(f"{LCP_PYTHON} is missing: run `make bench-engines` (it builds it)")
    port = _free_port()
    cmd = [
        str(LCP_PYTHON), str(ROOT / "bench" / "lcp_server.py"),
        "--model", str(summarize.model_file()),
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "8192", "--n_threads", str(os.cpu_count() or 1),
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        import httpx

        for _ in range(600):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                raise SystemExit(f"llama-cpp-python's server exited; see {log}")
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _engine(config: Config, log: Path) -> AbstractContextManager[str]:
    if config.engine == "lcp":
        return lcp_server(log)
    return summarize.serve_embedded(config.slots, log, lookup=config.lookup)


def _baseline_tree(commit: str) -> Path:
    tree = ROOT / "bench" / ".worktrees" / commit
    if not tree.exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True
        )
    return tree


def _command(config: Config, articles: list[Path], out: Path, cache: Path, url: str) -> list[str]:
    cmd = [sys.executable, "-m", "summarize", "extract", *map(str, articles)]
    cmd += ["-o", str(out), "--cache-dir", str(cache)]
    if config.protocol == "new" and config.engine == "lcp":
        # llama-cpp-python has no llguidance: the schema goes as response_format, as for any
        # llama.cpp-style server a user runs.
        cmd += ["--model", f"llamacpp/{summarize.EMBEDDED_MODEL}", "--base-url", url]
    if config.slots > 1:
        cmd += ["-j", str(config.slots)]
    return cmd


def _articles_summary(out: Path) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(out.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "source" not in data:
            continue
        usage = data.get("usage", {})
        rows.append(
            {
                "article": path.stem,
                "calls": usage.get("model_calls", 0) + usage.get("cache_hits", 0),
                "prompt_tokens": usage.get("prompt_tokens", 0),
                "completion_tokens": usage.get("completion_tokens", 0),
                "items": {
                    k: len(data.get(k, []))
                    for k in ("officials", "visits", "stated_aims", "hedged_claims")
                },
            }
        )
    return rows


def run(
    config: Config, articles: list[Path], out: Path, gold: Path, baseline: str
) -> dict[str, Any]:
    folder = out / config.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = dict(os.environ)
    for key in ("SUMMARIZE_MODEL", "SUMMARIZE_BASE_URL", "SUMMARIZE_CACHE_DIR"):
        env.pop(key, None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["SUMMARIZE_JUDGES"] = "1" if config.judges else "0"
    # The old protocol runs from its own worktree: ``python -m`` puts the working directory
    # first on sys.path, ahead of PYTHONPATH, so from ROOT it would import today's package.
    cwd = _baseline_tree(baseline) if config.protocol == "old" else ROOT
    env["PYTHONPATH"] = str(cwd)
    folder = folder.resolve()
    articles = [a.resolve() for a in articles]
    with (
        _engine(config, folder / "engine.log") as upstream,
        CountingProxy(upstream.removesuffix("/v1")) as proxy,
        (folder / "run.log").open("w") as log,
    ):
        env["SUMMARIZE_EMBEDDED_URL"] = proxy.base_url
        cmd = _command(config, articles, folder / "out", folder / "cache", proxy.base_url)
        _log(f"{config.name}: {len(articles)} articles")
        began = time.perf_counter()
        code = subprocess.run(
            cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, check=False
        ).returncode
        wall = time.perf_counter() - began
        counts = proxy.snapshot()
    scoring = [sys.executable, "-m", "summarize", "eval", str(folder / "out"), "--gold", str(gold)]
    report = subprocess.run(
        [*scoring, "--json"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    scores = json.loads(report.stdout)["overall"] if report.returncode == 0 else None
    _log(f"{config.name}: exit {code}, {wall:.0f} s, {counts.as_dict()}")
    return {
        "config": config.__dict__,
        "exit_code": code,
        "wall_s": round(wall, 1),
        "counts": counts.as_dict(),
        "articles": _articles_summary(folder / "out"),
        "scores": scores,
    }


def _rate(scores: dict[str, Any] | None, *path: str) -> str:
    value: Any = scores
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return "n/a" if not isinstance(value, (int, float)) else f"{value:.2f}"


def table(results: list[dict[str, Any]]) -> str:
    head = (
        "| config | wall s | calls | prompt | cached | completion | officials F1 | visits P/R "
        "| aims P/R | hedges P/R | hedge speaker | grounded |"
    )
    lines = [head, "|" + "---|" * 12]
    for r in results:
        c, s = r["counts"], r["scores"]
        cells = [
            r["config"]["name"],
            f"{r['wall_s']:.0f}",
            str(c["model_calls"]),
            f"{c['prompt_tokens']:,}",
            f"{c['cached_prompt_tokens']:,}",
            f"{c['completion_tokens']:,}",
            _rate(s, "officials", "f1"),
            f"{_rate(s, 'visits', 'precision')} / {_rate(s, 'visits', 'recall')}",
            f"{_rate(s, 'stated_aims', 'precision')} / {_rate(s, 'stated_aims', 'recall')}",
            f"{_rate(s, 'hedged_claims', 'precision')} / {_rate(s, 'hedged_claims', 'recall')}",
            _rate(s, "hedged_claims", "speaker_accuracy"),
            _rate(s, "grounding", "rate"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "engines")
    parser.add_argument(
        "--articles", type=Path, nargs="*", default=sorted((ROOT / "seeds").glob("*.txt"))
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for name in args.configs.split(","):
        results.append(run(CONFIGS[name], args.articles, args.out, args.gold, args.baseline))
        (args.out / "engines.json").write_text(
            json.dumps(
                {
                    "date": dt.date.today().isoformat(),
                    "machine": {
                        "cpu": _cpu(),
                        "cores": os.cpu_count(),
                        "python": platform.python_version(),
                    },
                    "articles": [
                        str(a.relative_to(ROOT)) if a.is_relative_to(ROOT) else str(a)
                        for a in args.articles
                    ],
                    "results": results,
                },
                indent=2,
            )
            + "\n"
        )
    (args.out / "engines.md").write_text(table(results))
    print(table(results))


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    main()
