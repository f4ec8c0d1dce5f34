"""The verdict questions (aims, hedges): asked of a model that can judge, not of the embedded one.

The server here is a real one on loopback with nothing recorded: it logs every request and
answers each with a 404, so what a pass asks is what the server received.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from summarize.errors import ModelCallError, ProviderConfigError
from summarize.extract.grounding import Person
from summarize.extract.passes import ExtractionRun
from summarize.ingest.body import assemble_body
from summarize.llm import open_backend, resolve
from summarize.llm.backend import Backend
from tests.replay_server import ReplayServer

TEXT = (
    "Foreign Minister Oskar Brandt arrived in Tallinn on Monday. "
    "Brandt said Estonia wants closer ties with its neighbours. "
    "Analysts say the talks aim to calm tempers. "
    "The talks are likely to run into a second day, Brandt said. "
    "The weather was cold."
)


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer([]) as listening:
        yield listening


def _backend(server: ReplayServer, judges: bool) -> Iterator[Backend]:
    spec = resolve("local-model", base_url=server.base_url)
    with open_backend(replace(spec, judges=judges), None) as backend:
        yield backend


@pytest.fixture
def unjudged(server: ReplayServer) -> Iterator[Backend]:
    yield from _backend(server, judges=False)


@pytest.fixture
def judging(server: ReplayServer) -> Iterator[Backend]:
    yield from _backend(server, judges=True)


def _asked(server: ReplayServer) -> list[str]:
    return [json.loads(body)["messages"][-1]["content"] for body in server.traffic.received]


def test_the_embedded_model_is_not_asked_to_judge_and_others_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not resolve("embedded").judges
    assert resolve("local-model", base_url="http://127.0.0.1:9/v1").judges
    assert resolve("openai/gpt-4o-mini").judges
    monkeypatch.setenv("SUMMARIZE_JUDGES", "1")
    assert resolve("embedded").judges
    monkeypatch.setenv("SUMMARIZE_JUDGES", "0")
    assert not resolve("openai/gpt-4o-mini").judges
    monkeypatch.setenv("SUMMARIZE_JUDGES", "maybe")
    with pytest.raises(ProviderConfigError, match="SUMMARIZE_JUDGES='maybe'"):
        resolve("embedded")


def _run(backend: Backend) -> ExtractionRun:
    """A run whose people pass has found Brandt (as the people pass leaves it)."""
    run = ExtractionRun(backend, assemble_body(TEXT, [(0, len(TEXT))], []), None)
    first, second = run.numbered.sentences[:2]
    run.ctx.people = [
        Person("Oskar Brandt", True, "Foreign Minister", None, (first.span, second.span))
    ]
    return run


def test_unjudged_every_aim_candidate_voiced_by_a_party_is_an_aim(
    unjudged: Backend, server: ReplayServer
) -> None:
    run = _run(unjudged)

    aims = run.stated_aims()

    assert _asked(server) == [] and run.passes == 0
    assert [(a.stated_by, a.evidence[0].text) for a in aims] == [
        ("Oskar Brandt", "Brandt said Estonia wants closer ties with its neighbours."),
        ("Oskar Brandt", "The talks are likely to run into a second day, Brandt said."),
    ]
    assert [d.reason for d in run.dropped] == [
        "sentence 3: a view of unnamed experts or analysts, not a stated aim"
    ]


def test_unjudged_every_hedge_candidate_is_a_hedge_with_its_voice(
    unjudged: Backend, server: ReplayServer
) -> None:
    run = _run(unjudged)

    hedges = run.hedged_claims(run.ctx.people)

    assert _asked(server) == [] and run.passes == 0
    assert [(h.voiced_by, h.cue) for h in hedges] == [
        ("unnamed experts or analysts", "Analysts say"),
        ("Oskar Brandt", "likely"),
    ]


def test_a_model_that_judges_is_asked(judging: Backend, server: ReplayServer) -> None:
    run = _run(judging)

    with pytest.raises(ModelCallError, match="aims: the model call failed"):
        run.stated_aims()
    with pytest.raises(ModelCallError, match="hedges: the model call failed"):
        run.hedged_claims(run.ctx.people)

    assert [q.split(":")[0] for q in _asked(server)] == ["AIMS", "HEDGES"]


def test_the_extraction_says_whether_the_model_judged(unjudged: Backend, judging: Backend) -> None:
    assert not unjudged.info.judged
    assert judging.info.judged
