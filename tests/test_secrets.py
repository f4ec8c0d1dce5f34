"""No API key in what the tool prints, logs, writes or caches, even when a provider echoes it."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from summarize.llm.redact import KEY_ENV_NAMES, REDACTED, redact
from summarize.llm.routes import ROUTES
from tests.conftest import seed
from tests.replay_server import Fault, ReplayServer


def test_every_key_variable_a_route_reads_is_redacted() -> None:
    assert {env for route in ROUTES.values() for env in route.key_env} <= set(KEY_ENV_NAMES)


def test_key_shaped_strings_are_redacted_and_ordinary_text_is_not() -> None:
    for secret in (
        "sk-proj-" + "a1B2" * 8,
        "sk-ant-api03-" + "x9" * 20,
        "AIza" + "Sy" * 18,
    ):
        assert redact(f"Incorrect API key provided: {secret}.") == (
            f"Incorrect API key provided: {REDACTED}."
        )
    assert redact("Authorization: Bearer abcdefghijklmnop123") == f"Authorization: {REDACTED}"
    ordinary = "Cyprus' foreign minister said the task-force would meet on 2024-07-23."
    assert redact(ordinary) == ordinary


def test_a_provider_echoing_the_key_leaks_it_nowhere(tmp_path: Path) -> None:
    key = "sk-test-" + secrets.token_hex(16)

    def echo_the_key(_n: int, _body: object, headers: dict[str, str]) -> Fault:
        presented = headers.get("authorization", "").removeprefix("Bearer ")
        return Fault("status", 401, message=f"Incorrect API key provided: {presented}")

    out, cache = tmp_path / "out", tmp_path / "cache"
    with ReplayServer([], echo_the_key) as server:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZE_")}
        run = subprocess.run(
            [sys.executable, "-m", "summarize", "extract", str(seed("001")), "-o", str(out),
             "--cache-dir", str(cache), "--verbose", "--model", "compatible/test-model",
             "--base-url", server.base_url],
            env=env | {"SUMMARIZE_API_KEY": key, "CI": "1"},
            capture_output=True,
            text=True,
        )  # fmt: skip

    assert run.returncode == 1
    assert "AuthenticationError" in run.stderr and REDACTED in run.stderr
    assert "HTTP Request: POST" in run.stderr  # verbose logging was on
    assert key not in run.stdout + run.stderr
    written = [p for p in (*out.rglob("*"), *cache.rglob("*")) if p.is_file()]
    assert written  # the run report and the cache store exist, and hold no key
    for path in written:
        assert key.encode() not in path.read_bytes(), path
