"""A warm ``summarize brief`` answers from the extraction store: it loads no model client."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, seed
from tests.replay_server import ReplayServer

CASSETTES = ROOT / "cassettes" / "test_extract_seeds"
PREFIXES = ("001", "002")
PROBE = """
import sys
from summarize.cli.commands import app
sys.argv = ["summarize", *sys.argv[1:]]
try:
    app()
except SystemExit as done:
    code = done.code
print("loaded:", sorted(m for m in ("openai", "instructor") if m in sys.modules), "exit:", code)
"""


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, check=False
    )


def test_a_warm_brief_imports_neither_openai_nor_instructor(tmp_path: Path) -> None:
    paths = [str(seed(p)) for p in PREFIXES]
    cache = str(tmp_path / "cache")
    brief = ["brief", *paths, "-o", str(tmp_path / "brief.md"), "--extractions",
             str(tmp_path / "out"), "--cache-dir", cache]  # fmt: skip
    with ReplayServer([CASSETTES / f"test_seed_extraction[{p}].yaml" for p in PREFIXES]) as s:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZE_")}
        env |= {"SUMMARIZE_EMBEDDED_URL": s.base_url, "CI": "1"}
        cold = _run([*brief, "--no-narrative"], env)
        assert "exit: 0" in cold.stdout, cold.stderr
        assert "'openai'" in cold.stdout  # the cold run did ask the model
        answered = len(s.traffic.received)
        warm = _run([*brief, "--no-narrative"], env)

    assert "loaded: [] exit: 0" in warm.stdout, warm.stdout + warm.stderr
    assert answered > 0 and len(s.traffic.received) == answered  # and asked nothing more
