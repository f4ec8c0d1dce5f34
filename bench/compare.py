"""Accuracy and speed, measured: summarize against LangExtract and a naive one-call baseline.

One llama.cpp server (the embedded Qwen2.5-Coder-1.5B, ``n_threads`` = CPU count) runs for the
whole comparison, behind a counting proxy on loopback that every system talks through. The
systems run one after another on the same articles; each writes the project's Extraction
JSON into ``OUT/<system>/``, the project's merger turns those into ``OUT/<system>/brief.json``,
and one scorer (``summarize.evaluation``) grades all of them against ``eval/gold``.

    python bench/compare.py --out bench/results \\
        [--seeds seeds/*.txt] [--systems summarize,langextract,naive] [--concurrency 1,2,4]

Writes ``OUT/report.json`` and ``OUT/table.md`` (also printed). No time is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from countproxy import CountingProxy

import summarize

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SYSTEMS = ("summarize", "langextract", "naive")
CONCURRENCY_SEEDS = ("002", "004")
N_CTX = 8192


def _log(message: str) -> None:
    print(f"[compare {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Runner:
    """Runs one phase as a child process and measures its wall time and proxy counts."""

    def __init__(self, proxy: CountingProxy, logs: Path) -> None:
        self.proxy = proxy
        self.logs = logs
        logs.mkdir(parents=True, exist_ok=True)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for key in ("SUMMARIZE_MODEL", "SUMMARIZE_BASE_URL", "SUMMARIZE_CACHE_DIR"):
            env.pop(key, None)
        env["SUMMARIZE_EMBEDDED_URL"] = self.proxy.base_url
        env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def phase(self, name: str, cmd: list[str]) -> dict[str, Any]:
        _log(f"{name}: {shlex.join(cmd)}")
        before = self.proxy.snapshot()
        self.proxy.label = name
        log_path = self.logs / f"{name}.log"
        began = time.perf_counter()
        with log_path.open("w", encoding="utf-8") as log:
            code = subprocess.run(
                cmd, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, check=False
            ).returncode
        wall = time.perf_counter() - began
        counts = self.proxy.snapshot().minus(before)
        _log(f"{name}: exit {code}, {wall:.1f} s, {counts.as_dict()}")
        return {
            "command": shlex.join(cmd),
            "exit_code": code,
            "wall_s": round(wall, 2),
            **counts.as_dict(),
            "log": str(log_path),
        }


def extraction_files(folder: Path, stems: list[str]) -> list[Path]:
    """``<stem>.json`` per article (the folder may hold other JSON: a run report, the brief)."""
    return [folder / f"{stem}.json" for stem in stems if (folder / f"{stem}.json").is_file()]


def merge_folder(folder: Path, stems: list[str], *, write: bool) -> dict[str, Any]:
    """The project's merger (no narrative) over one system's extractions; brief.json beside."""
    extractions = [
        summarize.Extraction.model_validate_json(p.read_text("utf-8"))
        for p in extraction_files(folder, stems)
    ]
    began = time.perf_counter()
    brief = summarize.brief(extractions)
    merged = time.perf_counter() - began
    if write:
        (folder / "brief.md").write_text(summarize.render(brief, "markdown"), encoding="utf-8")
        (folder / "brief.json").write_text(summarize.render(brief, "json"), encoding="utf-8")
    return {
        "merge_s": round(merged, 4),
        "extractions": len(extractions),
        "engagements": len(brief.engagements),
        "officials": len(brief.officials),
        "stated_aim_groups": len(brief.stated_aims),
        "speculation_groups": len(brief.speculation),
    }


def item_counts(folder: Path, stems: list[str]) -> dict[str, int]:
    totals = {"officials": 0, "visits": 0, "stated_aims": 0, "hedged_claims": 0, "dropped": 0}
    for p in extraction_files(folder, stems):
        data = json.loads(p.read_text("utf-8"))
        for key in totals:
            totals[key] += len(data.get(key) or [])
    return totals


def gold_for(gold: Path, stems: list[str], work: Path) -> tuple[Path, str]:
    """The gold folder to score against; for a subset of the gold articles, a copy holding
    only those (and no brief gold, which covers every article), beside a link to seeds/."""
    have = {p.stem for p in gold.glob("*.json") if p.name != "brief.json"}
    if not gold.is_dir() or have <= set(stems):
        return gold, "all gold articles"
    root = work / "subset-repo"
    sub = root / "eval" / "gold"
    sub.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        if (gold / f"{stem}.json").is_file():
            shutil.copy2(gold / f"{stem}.json", sub / f"{stem}.json")
    (root / "seeds").symlink_to(ROOT / "seeds")
    return sub, f"subset {sorted(set(stems) & have)}; brief.json gold not used"


def score(folder: Path, gold: Path) -> dict[str, Any]:
    """``summarize eval`` of one folder: its JSON, and its table under ``_table``."""
    if not gold.is_dir():
        return {"unavailable": f"no gold folder at {gold}"}
    base = [sys.executable, "-m", "summarize", "eval", str(folder), "--gold", str(gold)]
    as_json = subprocess.run([*base, "--json"], capture_output=True, text=True, check=False)
    if as_json.returncode != 0:
        return {"unavailable": f"summarize eval failed: {as_json.stderr.strip()}"}
    out: dict[str, Any] = json.loads(as_json.stdout)
    out["_table"] = subprocess.run(base, capture_output=True, text=True, check=False).stdout
    return out


def flatten(value: Any, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of a nested dict as ``a.b.c`` keys."""
    out: dict[str, float] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            if str(key).startswith("_"):
                continue
            out.update(flatten(inner, f"{prefix}{key}."))
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int | float):
        out[prefix.rstrip(".")] = float(value)
    return out


def ratio(a: float | int | None, b: float | int | None) -> float | None:
    if a is None or b is None or not b:
        return None
    return round(a / b, 2)


_SCORE_ENDINGS = ("f1", "precision", "recall", "rate", "accuracy")


def headline_scores(evaluation: dict[str, Any]) -> dict[str, float]:
    """Overall and brief rates from ``EvalReport.as_dict()`` (not the per-article ones)."""
    return {
        k: v
        for k, v in flatten(evaluation).items()
        if k.split(".")[0] in {"overall", "engagements"} and k.endswith(_SCORE_ENDINGS)
    }


def comparisons(systems: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each system against summarize: time, tokens and calls ratios; score (F1 …) deltas."""
    base = systems.get("summarize")
    if base is None:
        return {}
    base_f1 = headline_scores(base.get("eval", {}))
    out: dict[str, dict[str, Any]] = {}
    for name, sys_ in systems.items():
        if name == "summarize":
            continue
        f1 = headline_scores(sys_.get("eval", {}))
        out[name] = {
            "time_ratio": ratio(sys_["wall_s"], base["wall_s"]),
            "tokens_ratio": ratio(sys_["total_tokens"], base["total_tokens"]),
            "prompt_tokens_ratio": ratio(sys_["prompt_tokens"], base["prompt_tokens"]),
            "completion_tokens_ratio": ratio(sys_["completion_tokens"], base["completion_tokens"]),
            "calls_ratio": ratio(sys_["model_calls"], base["model_calls"]),
            "score_delta": {k: round(f1[k] - base_f1[k], 4) for k in sorted(f1) if k in base_f1},
        }
    return out


def run_summarize(
    runner: Runner, seeds: list[Path], out: Path, work: Path, concurrency: list[int]
) -> dict[str, Any]:
    exe = str(Path(sys.executable).parent / "summarize")
    folder = out / "summarize"
    shutil.rmtree(folder, ignore_errors=True)
    cache = work / "summarize-cache"
    files = [str(p) for p in seeds]
    cold = runner.phase(
        "summarize-extract", [exe, "extract", *files, "-o", str(folder), "--cache-dir", str(cache)]
    )
    brief = runner.phase(
        "summarize-brief",
        [exe, "brief", *files, "-o", str(folder / "brief.md"), "--extractions", str(folder),
         "--cache-dir", str(cache), "--no-narrative"],
    )  # fmt: skip
    warm = runner.phase(
        "summarize-warm",
        [exe, "extract", *files, "-o", str(work / "summarize-warm"), "--cache-dir", str(cache)],
    )
    result: dict[str, Any] = {**cold, "brief": brief, "warm": warm}
    result["concurrency"] = run_concurrency(runner, exe, seeds, work, concurrency)
    return result


def concurrency_supported(exe: str) -> bool:
    help_text = subprocess.run(
        [exe, "extract", "--help"], capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    ).stdout  # fmt: skip
    return "--concurrency" in help_text


def run_concurrency(
    runner: Runner, exe: str, seeds: list[Path], work: Path, levels: list[int]
) -> dict[str, Any]:
    if not levels:
        return {"skipped": "no --concurrency levels asked"}
    if not concurrency_supported(exe):
        return {"not available": "summarize extract has no --concurrency option"}
    # Always the two short seeds, whatever --seeds says, so the levels stay comparable.
    picked = sorted(p for tag in CONCURRENCY_SEEDS for p in (ROOT / "seeds").glob(f"{tag}*.txt"))
    out: dict[str, Any] = {"seeds": [p.name for p in picked], "levels": {}}
    for n in levels:
        phase = runner.phase(
            f"summarize-concurrency-{n}",
            [exe, "extract", *map(str, picked), "-o", str(work / f"conc-{n}"),
             "--cache-dir", str(work / f"conc-{n}-cache"), "--concurrency", str(n)],
        )  # fmt: skip
        phase["articles_per_min"] = (
            round(len(picked) * 60 / phase["wall_s"], 3) if phase["wall_s"] else None
        )
        out["levels"][str(n)] = phase
    base = out["levels"].get(str(levels[0]))
    for phase in out["levels"].values():
        phase["speedup_vs_first"] = ratio(base["wall_s"], phase["wall_s"]) if base else None
    return out


def run_peer(
    runner: Runner, name: str, seeds: list[Path], out: Path, args: argparse.Namespace
) -> dict[str, Any]:
    folder = out / name
    shutil.rmtree(folder, ignore_errors=True)
    files = [str(p) for p in seeds]
    if name == "langextract":
        py = str(args.lx_python)
        cmd = [py, str(BENCH / "lx_run.py"), *files, "--base-url", runner.proxy.base_url,
               "--out", str(folder), "--schema", args.lx_schema]  # fmt: skip
    else:
        cmd = [sys.executable, str(BENCH / "naive.py"), *files,
               "--base-url", runner.proxy.base_url, "--out", str(folder)]  # fmt: skip
    result = runner.phase(name, cmd)
    info = out / f"{name}.runinfo.json"
    if info.is_file():
        runinfo = json.loads(info.read_text("utf-8"))
        spans: dict[str, int] = {}
        for article in runinfo.get("articles", {}).values():
            for key, value in article.get("spans", {}).items():
                spans[key] = spans.get(key, 0) + int(value)
        result["spans"] = spans
        result["failures"] = runinfo.get("failures")
        result["runinfo"] = str(info)
    return result


def merge_bench(n: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "merge_bench.py"), "--n", str(n)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    try:
        return dict(json.loads(proc.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        return {"error": (proc.stderr or proc.stdout)[-500:]}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render(report: dict[str, Any]) -> str:
    meta = report["meta"]
    lines = [
        f"# summarize vs LangExtract vs naive: {meta['date']}",
        "",
        f"- machine: {meta['cpu']}, {meta['cores']} cores, Python {meta['python']}",
        f"- model: {meta['model']} on llama-cpp-python {meta['llama_cpp']} "
        f"(one server, n_threads={meta['n_threads']}, n_ctx={meta['n_ctx']}), "
        "temperature 0, seed 0, repeat_penalty 1.0",
        f"- articles: {', '.join(meta['seeds'])}",
        f"- command: `{meta['command']}`",
        "",
        "Calls and tokens are counted at one proxy in front of the server for every system.",
        "Ratios are against summarize (x / summarize); score deltas are x - summarize.",
        f"Scored against {meta.get('gold', '-')}.",
        "",
    ]
    systems: dict[str, dict[str, Any]] = report["systems"]
    cmp: dict[str, dict[str, Any]] = report["comparisons"]
    f1_keys = sorted({k for s in systems.values() for k in headline_scores(s.get("eval", {}))})
    head = ["system", "wall s", "model calls", "prompt tok", "completion tok", "HTTP errors",
            "time x", "tokens x", "calls x"]  # fmt: skip
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in systems.items():
        c = cmp.get(name, {})
        row = [name, _fmt(s["wall_s"]), _fmt(s["model_calls"]), _fmt(s["prompt_tokens"]),
               _fmt(s["completion_tokens"]), _fmt(s["errors"]),
               _fmt(c.get("time_ratio", 1.0 if name == "summarize" else None), 2),
               _fmt(c.get("tokens_ratio", 1.0 if name == "summarize" else None), 2),
               _fmt(c.get("calls_ratio", 1.0 if name == "summarize" else None), 2)]  # fmt: skip
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    if f1_keys:
        head = ["metric", *systems, *(f"Δ {n}" for n in cmp)]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for key in f1_keys:
            row = [key]
            for s in systems.values():
                row.append(_fmt(headline_scores(s.get("eval", {})).get(key), 3))
            for c in cmp.values():
                row.append(_fmt(c["score_delta"].get(key), 3))
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    else:
        reasons = {n: s.get("eval", {}).get("unavailable") for n, s in systems.items()}
        lines += [f"Scores unavailable: {json.dumps(reasons)}", ""]
    lines += ["| extracted items | " + " | ".join(systems) + " |", "|---|" + "---|" * len(systems)]
    kinds = ["officials", "visits", "stated_aims", "hedged_claims", "dropped"]
    for kind in kinds:
        cells = [_fmt(s.get("items", {}).get(kind)) for s in systems.values()]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    cells = [_fmt(s.get("merge", {}).get("engagements")) for s in systems.values()]
    lines.append("| brief engagements | " + " | ".join(cells) + " |")
    cells = [_fmt(s.get("merge", {}).get("merge_s"), 3) for s in systems.values()]
    lines.append("| merge s (in-process) | " + " | ".join(cells) + " |")
    for peer in ("langextract", "naive"):
        if peer in systems and "spans" in systems[peer]:
            lines.append("")
            lines.append(f"{peer} evidence spans: {json.dumps(systems[peer]['spans'])}")
    lines.append("")
    summ = systems.get("summarize")
    if summ:
        warm, brief = summ["warm"], summ["brief"]
        lines += [
            "| summarize extra | wall s | model calls |",
            "|---|---|---|",
            f"| `summarize brief --no-narrative` after extract | {_fmt(brief['wall_s'], 2)} "
            f"| {brief['model_calls']} |",
            f"| warm rerun of `summarize extract` (same cache) | {_fmt(warm['wall_s'], 2)} "
            f"| {warm['model_calls']} |",
        ]
        conc = summ.get("concurrency", {})
        if "levels" in conc:
            for n, p in conc["levels"].items():
                lines.append(
                    f"| `--concurrency {n}` on {' + '.join(conc['seeds'])}, fresh cache "
                    f"| {_fmt(p['wall_s'])} (x{_fmt(p['speedup_vs_first'], 2)} speed-up) "
                    f"| {p['model_calls']} |"
                )
        else:
            lines.append(f"| `--concurrency` | {next(iter(conc.values()), '-')} | - |")
        lines.append("")
    mb = report.get("merge_bench")
    if mb:
        if "merge_s" in mb:
            lines.append(
                f"Merge of {mb['extractions']:,} synthetic extractions: {mb['merge_s']} s "
                f"(peer: validating them, {mb['peer_validate_s']} s; ratio "
                f"{mb['merge_over_peer']})."
            )
        else:
            lines.append(f"Merge bench failed: {mb}")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BENCH / "results")
    parser.add_argument("--seeds", nargs="+", type=Path, default=None)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument(
        "--concurrency", default="1,2,4", help="summarize --concurrency levels ('' to skip)"
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold")
    parser.add_argument(
        "--lx-python", type=Path, default=BENCH / ".venv" / "bin" / "python",
        help="Python with langextract==1.7.1 and this project installed",
    )  # fmt: skip
    parser.add_argument("--lx-schema", choices=["grammar", "none", "native"], default="grammar")
    parser.add_argument("--merge-n", type=int, default=10_000, help="0 skips the merge bench")
    parser.add_argument("--keep-work", action="store_true", help="keep caches and logs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    seeds = sorted(args.seeds or (ROOT / "seeds").glob("*.txt"))
    seeds = [p.resolve() for p in seeds]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        raise SystemExit(f"unknown systems: {unknown}; known: {', '.join(SYSTEMS)}")
    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="summarize-compare-"))
    command = "python bench/compare.py " + shlex.join(argv if argv is not None else sys.argv[1:])

    from importlib.metadata import version

    n_threads = os.cpu_count() or 1
    meta = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu_model(),
        "cores": n_threads,
        "python": platform.python_version(),
        "model": summarize.EMBEDDED_MODEL,
        "engine": f"xllamacpp {version('xllamacpp')}",
        "n_threads": n_threads,
        "n_ctx": N_CTX,
        "seeds": [p.name for p in seeds],
        "systems": systems,
        "command": command,
    }
    report: dict[str, Any] = {"meta": meta, "systems": {}}
    stems = [p.stem for p in seeds]
    gold, meta["gold"] = gold_for(args.gold, stems, work)
    server_log = out / "logs" / "llama-server.log"
    server_log.parent.mkdir(parents=True, exist_ok=True)
    server_log.unlink(missing_ok=True)
    try:
        with (
            summarize.serve_embedded(log_path=server_log) as upstream,
            CountingProxy(upstream.removesuffix("/v1"), dump_dir=out / "logs") as proxy,
        ):
            _log(f"llama.cpp engine at {upstream}; proxy at {proxy.base_url}")
            runner = Runner(proxy, out / "logs")
            for name in systems:
                if name == "summarize":
                    result = run_summarize(runner, seeds, out, work, levels)
                else:
                    result = run_peer(runner, name, seeds, out, args)
                result["total_tokens"] = result["prompt_tokens"] + result["completion_tokens"]
                folder = out / name
                result["items"] = item_counts(folder, stems)
                try:
                    # summarize's brief.json comes from `summarize brief`; the peers' from here.
                    keep = name == "summarize" and (folder / "brief.json").is_file()
                    result["merge"] = merge_folder(folder, stems, write=not keep)
                except Exception as exc:  # recorded, so one system cannot sink the report
                    result["merge"] = {"error": f"{type(exc).__name__}: {exc}"}
                result["eval"] = score(folder, gold)
                report["systems"][name] = result
                # Written after each system, so a crash later keeps what was measured.
                (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
            report["proxy_total"] = proxy.snapshot().as_dict()
    finally:
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
    report["comparisons"] = comparisons(report["systems"])
    if args.merge_n > 0:
        _log(f"merge bench: {args.merge_n} synthetic extractions")
        report["merge_bench"] = merge_bench(args.merge_n)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    table = render(report)
    for name, s in report["systems"].items():
        extra = s.get("eval", {}).get("_table")
        if extra:
            table += f"\n## {name}: scorer table\n\n{extra}\n"
    (out / "table.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
