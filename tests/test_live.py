"""End to end on the real embedded model: no cassette, no cache.

This proves the cassettes still describe what the live path does: the requests the code sends
today must be the ones recorded, and the live answers must pass the same checks as the
recorded ones. It starts llama.cpp and runs the model on one article (a few minutes on two
cores), and it runs in CI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import vcr
import yaml

from summarize.extract.passes import extract
from summarize.ingest.read import read_article
from summarize.llm import open_backend, resolve
from tests.conftest import ROOT, cassette_options, seed, slices_exactly
from tests.test_extract_seeds import MIN_OFFICIALS_RECALL, scored

CASSETTE = ROOT / "cassettes" / "test_extract_seeds" / "test_seed_extraction[001].yaml"


def first_attempts(bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Requests that open a pass (system + task); reasks depend on the model's earlier answer."""
    return [b for b in bodies if len(b["messages"]) == 2]


@pytest.mark.live
def test_live_extraction_sends_the_recorded_requests_and_passes_the_checks(
    tmp_path: Path,
) -> None:
    article = read_article(seed("001"))
    recorder = vcr.VCR(record_mode="all", **cassette_options())
    with (
        recorder.use_cassette(str(tmp_path / "live.yaml")) as live,
        open_backend(resolve(), cache=None) as backend,
    ):
        extraction = extract(backend, article)
        live_bodies = [json.loads(r.body) for r in live.requests if r.method == "POST"]

    recorded = yaml.safe_load(CASSETTE.read_text(encoding="utf-8"))
    recorded_bodies = [json.loads(i["request"]["body"]) for i in recorded["interactions"]]
    assert first_attempts(live_bodies) == first_attempts(recorded_bodies)

    data = json.loads(extraction.model_dump_json())
    assert extraction.usage.model_calls == len(live_bodies) > 0
    assert slices_exactly(article.text, data) == []
    score = scored(extraction, tmp_path)
    assert score.grounding.rate == 1.0 and score.furniture_items == 0
    assert score.officials.recall is not None and score.officials.recall >= MIN_OFFICIALS_RECALL
