"""Shared test setup: isolated user dirs, cassette settings, and the embedded provider.

Cassettes are recordings of the real embedded llama.cpp server. In replay (the default,
record mode ``none``), ``SUMMARIZE_EMBEDDED_URL`` points the embedded provider at a loopback
port where nothing listens, so no server starts and vcrpy answers from the cassette; the
port is not part of request matching. With ``--record-mode=rewrite`` the real server is
started and its answers are recorded.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

import pytest
import vcr

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REPLAY_URL = "http://127.0.0.1:9/v1"
SECRET_HEADERS = ["authorization", "x-api-key", "api-key", "openai-organization", "cookie"]
_KEEP_RESPONSE_HEADERS = {"content-type"}


def interruptible() -> None:
    """``preexec_fn`` for a run a test stops with Ctrl-C: a shell that starts jobs in the
    background (``nohup``, ``cmd &`` without job control) sets SIGINT to be ignored, and a
    child inherits that, so the run would never see the test's Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Response headers can carry org ids and cookies: keep only the content type."""
    response["headers"] = {
        k: v for k, v in response.get("headers", {}).items() if k.lower() in _KEEP_RESPONSE_HEADERS
    }
    return response


def _skip_health_checks(request: Any) -> Any:
    """The embedded server's readiness probe is not a model exchange: do not record it."""
    return None if request.path.endswith(("/health", "/models")) else request


@pytest.fixture(scope="session")
def vcr_config() -> dict[str, Any]:
    return cassette_options()


def cassette_options() -> dict[str, Any]:
    """How every cassette is matched and scrubbed, for the marker and for explicit use."""
    return {
        # Every chat call is a POST to one URL: the body is what tells requests apart.
        "match_on": ["method", "scheme", "host", "path", "query", "body"],
        "filter_headers": SECRET_HEADERS,
        "decode_compressed_response": True,
        "before_record_response": _scrub_response,
        "before_record_request": _skip_health_checks,
    }


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture
def recording(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--record-mode") not in (None, "none")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's cache, settings or keys."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(home / "cache"))
    for name in ("SUMMARIZE_MODEL", "SUMMARIZE_BASE_URL", "SUMMARIZE_EMBEDDED_URL"):
        monkeypatch.delenv(name, raising=False)
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def embedded(recording: bool, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Route the embedded provider to the cassette, or to a real server when recording."""
    if not recording:
        monkeypatch.setenv("SUMMARIZE_EMBEDDED_URL", REPLAY_URL)
    return recording


def replaying(path: Path, *, record: bool = False) -> Any:
    """An explicit cassette context: replay only, or record what it does not hold yet."""
    recorder = vcr.VCR(record_mode="new_episodes" if record else "none", **cassette_options())
    return recorder.use_cassette(str(path))


def slices_exactly(text: str, extraction: dict[str, Any]) -> list[str]:
    """Every evidence span whose text is not ``text[start:end]``."""
    bad = []
    for key in ("visits", "officials", "stated_aims", "hedged_claims"):
        for item in extraction[key]:
            for span in item["evidence"]:
                if text[span["start"] : span["end"]] != span["text"]:
                    bad.append(json.dumps(span))
    return bad
