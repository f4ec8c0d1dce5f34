"""Whole ``summarize`` processes against a replay server: Ctrl-C, two runs on one cache.

These run the command as a user does, in a child process, so signals, exit codes and the
on-disk cache behave as they do outside tests.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from summarize.llm.response_cache import ResponseCache
from tests.conftest import ROOT, interruptible, seed
from tests.replay_server import Fault, ReplayServer, at, recorded_calls

CASSETTES = ROOT / "cassettes" / "test_extract_seeds"
ARTICLES = [seed("001"), seed("002")]
PREFIXES = ("001", "002")


def cassettes() -> list[Path]:
    return [CASSETTES / f"test_seed_extraction[{p}].yaml" for p in PREFIXES]


RECORDED = dict(zip(PREFIXES, map(recorded_calls, cassettes()), strict=True))
HANG_AT = RECORDED["001"] + 2  # the second question of the second article
HANG_PARALLEL = sum(RECORDED.values()) - 1  # with both articles under way: the last but one


def command(out: Path, cache: Path, *extra: str) -> list[str]:
    paths = [str(p) for p in ARTICLES]
    return [sys.executable, "-m", "summarize", "extract", *paths, "-o", str(out),
            "--cache-dir", str(cache), *extra]  # fmt: skip


def environment(server: ReplayServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZE_")}
    return env | {"SUMMARIZE_EMBEDDED_URL": server.base_url, "CI": "1"}


def test_ctrl_c_mid_run_exits_130_and_a_rerun_repeats_no_call(tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    with ReplayServer(cassettes(), at(HANG_AT, fault=Fault("hang"))) as server:
        proc = subprocess.Popen(
            command(out, cache),
            env=environment(server),
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=interruptible,
        )
        assert server.hanging.wait(60), f"the run never reached call {HANG_AT}"
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
        paid = set(server.traffic.answered)

    assert proc.returncode == 130, stderr
    assert "interrupted: 1 of 2 articles finished" in stderr
    assert "Traceback" not in stderr
    report = json.loads((out / "summarize-run.json").read_text())
    assert report["result"] == "interrupted, exit code 130"
    assert [e["status"] for e in report["inputs"]] == ["ok", "pending"]
    assert len(paid) == HANG_AT - 1
    entries = ResponseCache(cache)
    kept = sum(not k.startswith("extraction:") for k in entries.entry_keys())
    assert kept == HANG_AT - 1  # every answer paid for is kept
    entries.close()

    with ReplayServer(cassettes()) as again:
        rerun = subprocess.run(
            command(out, cache), env=environment(again), capture_output=True, text=True
        )

    assert rerun.returncode == 0, rerun.stderr
    assert paid.isdisjoint(again.traffic.received)  # calls repeated after the resume: 0
    assert len(again.traffic.received) == sum(RECORDED.values()) - len(paid)


def test_ctrl_c_with_articles_in_parallel_stops_promptly_and_loses_nothing(
    tmp_path: Path,
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    with ReplayServer(cassettes(), at(HANG_PARALLEL, fault=Fault("hang"))) as server:
        proc = subprocess.Popen(
            command(out, cache, "--concurrency", "2"),
            env=environment(server),
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=interruptible,
        )
        assert server.hanging.wait(60), f"the run never reached call {HANG_PARALLEL}"
        proc.send_signal(signal.SIGINT)
        time.sleep(1)
        sent_before_release = len(server.traffic.received)
        server.release.set()  # the stalled request now fails; it must not be retried
        _, stderr = proc.communicate(timeout=30)
        assert len(server.traffic.received) == sent_before_release  # nothing sent after ^C
        paid = set(server.traffic.answered)

    assert proc.returncode == 130, stderr
    assert "interrupted: " in stderr and "Traceback" not in stderr

    with ReplayServer(cassettes()) as again:
        rerun = subprocess.run(
            command(out, cache, "--concurrency", "2"),
            env=environment(again),
            capture_output=True,
            text=True,
        )

    assert rerun.returncode == 0, rerun.stderr
    assert paid.isdisjoint(again.traffic.received)
    assert len(again.traffic.received) == sum(RECORDED.values()) - len(paid)


def test_two_runs_sharing_one_cache_at_once_both_succeed_alike(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with ReplayServer(cassettes(), latency=0.05) as server:
        procs = [
            subprocess.Popen(
                command(tmp_path / f"out{n}", cache),
                env=environment(server),
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in (1, 2)
        ]
        results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]

    assert [code for code, _ in results] == [0, 0], results
    for article in ARTICLES:
        first, second = (
            json.loads((tmp_path / f"out{n}" / f"{article.stem}.json").read_text()) for n in (1, 2)
        )
        first.pop("usage"), second.pop("usage")
        assert first == second
    entries = ResponseCache(cache)
    responses = [k for k in entries.entry_keys() if not k.startswith("extraction:")]
    entries.close()
    assert len(responses) == sum(RECORDED.values())  # one entry per distinct request
