"""The vLLM route (``vllm/MODEL --base-url URL -j N``) offline: back-pressure, 429s, order.

No GPU is reachable from CI, so the route's answers were recorded from a real
OpenAI-compatible server that takes the same requests vLLM does (schema as
``response_format: json_schema``): the embedded llama.cpp engine, started for the recording
(``pytest tests/test_vllm_route.py --record-mode=rewrite``). In replay, ``ReplayServer``
serves those answers on a real loopback socket with latency and injected 429s, and many
articles run at once as they would against a GPU server. A model behind a route other than
the embedded one is asked the verdict questions (aims, hedges), so the recording holds them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import summarize
from summarize.contract.extraction import Extraction
from summarize.llm import open_backend, resolve
from summarize.run.batch import extract_files
from tests.conftest import ROOT, replaying, seed
from tests.replay_server import Fault, ReplayServer, at, recorded_calls

CASSETTE = ROOT / "cassettes" / "test_vllm_route" / "seeds.yaml"
PREFIXES = ("001", "002")
MODEL = f"vllm/{summarize.EMBEDDED_MODEL}"


def _content(extraction: Extraction | None) -> dict[str, object]:
    assert extraction is not None
    return extraction.model_dump(exclude={"usage"})


def _extract(base_url: str, out: Path, concurrency: int = 1) -> dict[str, dict[str, object]]:
    spec = resolve(MODEL, base_url=base_url)
    paths = [seed(p) for p in PREFIXES]
    with open_backend(spec, None) as backend:
        outcomes = list(extract_files(paths, lambda: backend, out, concurrency=concurrency))
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes]
    return {str(o.path): _content(o.extraction) for o in outcomes}


@pytest.fixture
def recorded(recording: bool, tmp_path: Path) -> Path:
    """The cassette; recorded first from the real engine when ``--record-mode`` asks."""
    if recording:
        CASSETTE.unlink(missing_ok=True)
        engine = summarize.serve_embedded(1, tmp_path / "engine.log")
        with engine as url, replaying(CASSETTE, record=True):
            _extract(url, tmp_path / "recorded")
    return CASSETTE


def test_the_vllm_route_sends_the_schema_as_response_format(recorded: Path, tmp_path: Path) -> None:
    spec = resolve(MODEL, base_url="http://gpu-host:8000/v1")
    assert spec.max_parallel is None  # -j is the user's to set against a GPU server
    with ReplayServer([recorded]) as server:
        _extract(server.base_url, tmp_path / "out")
    first = json.loads(server.traffic.received[0])
    assert first["response_format"]["type"] == "json_schema"
    assert "grammar" not in first
    assert len(server.traffic.received) == recorded_calls(recorded)
    asked = {
        json.loads(r)["messages"][-1]["content"].split(":")[0] for r in server.traffic.received
    }
    assert {"AIMS", "HEDGES"} <= asked  # the judges' questions are asked on this route


def test_many_articles_at_once_with_429s_give_the_sequential_result(
    recorded: Path, tmp_path: Path
) -> None:
    with ReplayServer([recorded]) as server:
        sequential = _extract(server.base_url, tmp_path / "one")
    calls = len(server.traffic.received)
    too_many = Fault("status", 429, (("retry-after", "0"),), message="rate limited")
    with ReplayServer([recorded], at(1, 2, 3, fault=too_many)) as server:
        server.latency = 0.05
        parallel = _extract(server.base_url, tmp_path / "many", concurrency=8)

    assert parallel == sequential  # same answers whatever order the requests came back in
    assert server.traffic.peak_in_flight >= 2  # the articles really ran at once
    assert len(server.traffic.received) == calls + 3  # each 429 retried once, nothing lost
    for name in (f"{seed(p).stem}.json" for p in PREFIXES):  # each article's file, as alone
        one, many = ((tmp_path / d / name).read_text() for d in ("one", "many"))
        assert json.loads(many) | {"usage": None} == json.loads(one) | {"usage": None}
