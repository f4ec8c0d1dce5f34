"""A hosted provider's route (``openai/MODEL``) offline: the same questions, in tools mode.

Hosted APIs take the schema as a function to call (instructor's tools mode), not as a
``response_format`` grammar. No hosted model is reachable here, so the route's answers were
recorded from a real OpenAI-compatible server that returns ``tool_calls`` for a named tool
choice and enforces the function's parameters: llama-cpp-python's server with the embedded
model's weights (llama.cpp's own server, in the embedded engine, answers a named tool choice
in plain text). ``make cassettes`` builds that server; ``python bench/record_tools_route.py``
starts it and re-records.

In replay, ``ReplayServer`` serves those answers on a real loopback socket.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import summarize
from summarize.contract.extraction import Extraction
from summarize.llm import open_backend, resolve
from summarize.run.batch import extract_files
from tests.conftest import ROOT, replaying, seed, slices_exactly
from tests.replay_server import ReplayServer, recorded_calls

CASSETTE = ROOT / "cassettes" / "test_tools_route" / "seeds.yaml"
PREFIXES = ("001", "002")
MODEL = f"openai/{summarize.EMBEDDED_MODEL}"
# The route needs a key; a server of our own takes any. The cassette filters the header.
PLACEHOLDER_KEY = "placeholder-for-a-local-server"


def _extract(base_url: str, out: Path) -> dict[str, Extraction]:
    spec = resolve(MODEL, base_url=base_url)
    paths = [seed(p) for p in PREFIXES]
    with open_backend(spec, None) as backend:
        outcomes = list(extract_files(paths, lambda: backend, out, concurrency=1))
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes]
    return {str(o.path): o.extraction for o in outcomes if o.extraction is not None}


@pytest.fixture
def recorded(recording: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cassette; recorded first from the server ``SUMMARIZE_TOOLS_SERVER`` names."""
    monkeypatch.setenv("OPENAI_API_KEY", PLACEHOLDER_KEY)
    if recording:
        url = os.environ.get("SUMMARIZE_TOOLS_SERVER")
        if not url:
            pytest.fail("recording needs SUMMARIZE_TOOLS_SERVER (see this module's docstring)")
        CASSETTE.unlink(missing_ok=True)
        CASSETTE.parent.mkdir(parents=True, exist_ok=True)
        with replaying(CASSETTE, record=True):
            _extract(url, tmp_path / "recorded")
    return CASSETTE


def test_a_hosted_route_asks_the_same_questions_as_tool_calls(
    recorded: Path, tmp_path: Path
) -> None:
    spec = resolve(MODEL, base_url="https://api.example.com/v1")
    assert spec.mode == "tool_call" and not spec.grammar and spec.judges

    with ReplayServer([recorded]) as server:
        found = _extract(server.base_url, tmp_path / "out")

    assert len(server.traffic.received) == recorded_calls(recorded)
    for body in map(json.loads, server.traffic.received):
        (tool,) = body["tools"]
        assert body["tool_choice"] == {
            "type": "function",
            "function": {"name": tool["function"]["name"]},
        }
        assert "response_format" not in body and "grammar" not in body
    asked = {
        json.loads(r)["messages"][-1]["content"].split(":")[0] for r in server.traffic.received
    }
    assert {"PEOPLE", "EVENTS", "AIMS", "HEDGES"} <= asked  # every question of the protocol
    for path, extraction in found.items():
        text = Path(path).read_text(encoding="utf-8")
        assert extraction.officials, path  # answers came back as tool calls and were read
        assert not slices_exactly(text, json.loads(extraction.model_dump_json())), path
        assert extraction.usage.model_calls <= 6  # the protocol's budget per article
