"""Faults injected at the HTTP layer, on a real loopback socket, under a whole extraction.

Each test replays seed 001's recorded answers through :class:`ReplayServer` and breaks one
thing. Transient faults must be retried within the budget and leave the extraction exactly
as a clean run makes it; permanent ones fail the article with the reason; every answer
already received stays in the cache, so a rerun asks only for what is missing.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.contract.extraction import Extraction
from summarize.extract.passes import REASKS
from summarize.extract.settings import pass_settings
from summarize.llm import open_backend, resolve
from summarize.llm.response_cache import ResponseCache
from summarize.run.batch import Outcome, extract_files
from tests.conftest import ROOT, seed
from tests.replay_server import Fault, Plan, ReplayServer, always, at, recorded_calls

CASSETTES = ROOT / "cassettes" / "test_extract_seeds"
ARTICLE = seed("001")
RETRY_BUDGET = 5  # attempts per request (summarize.llm.transport.RetryingTransport)


def cassette(prefix: str) -> Path:
    return CASSETTES / f"test_seed_extraction[{prefix}].yaml"


RECORDED_CALLS = recorded_calls(cassette("001"))  # every question the extraction asks, once


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[ReplayServer]]:
    """Start a replay server for seed 001 and point the embedded provider at it."""
    started: list[ReplayServer] = []

    class Started(ReplayServer):
        def __init__(self, plan: Plan | None = None, prefixes: tuple[str, ...] = ("001",)) -> None:
            super().__init__([cassette(p) for p in prefixes], plan)
            self.__enter__()
            started.append(self)
            monkeypatch.setenv("SUMMARIZE_EMBEDDED_URL", self.base_url)

    yield Started
    for server in started:
        server.__exit__()


def extract_with(
    cache_dir: Path | None, out: Path, *, paths: list[Path] | None = None, timeout: float = 0
) -> list[Outcome]:
    spec = resolve()
    if timeout:
        spec = dataclasses.replace(spec, timeout_s=timeout)
    cache = ResponseCache(cache_dir) if cache_dir is not None else None
    try:
        with open_backend(spec, cache) as backend:
            return list(extract_files(paths or [ARTICLE], lambda: backend, out))
    finally:
        if cache is not None:
            cache.close()


def content(extraction: Extraction | None) -> dict[str, object]:
    """What an extraction says, without what it cost."""
    assert extraction is not None
    return extraction.model_dump(exclude={"usage"})


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    with ReplayServer([cassette("001")]) as server, pytest.MonkeyPatch.context() as mp:
        mp.setenv("SUMMARIZE_EMBEDDED_URL", server.base_url)
        (outcome,) = extract_with(None, tmp_path_factory.mktemp("clean"))
        assert len(server.traffic.received) == RECORDED_CALLS
    return content(outcome.extraction)


TRANSIENT = {
    "429 with Retry-After": Fault("status", 429, (("retry-after", "0"),)),
    "429 without Retry-After": Fault("status", 429),
    "500": Fault("status", 500, (("retry-after", "0"),)),
    "502": Fault("status", 502, (("retry-after", "0"),)),
    "503": Fault("status", 503, (("retry-after", "0"),)),
    "connection reset mid-body": Fault("reset"),
    "body cut short": Fault("truncate"),
    "HTML error page with status 200": Fault("garbage"),
}


@pytest.mark.parametrize("fault", list(TRANSIENT.values()), ids=list(TRANSIENT))
def test_transient_faults_are_retried_and_change_nothing(
    serve: type[ReplayServer], tmp_path: Path, clean: dict[str, object], fault: Fault
) -> None:
    server = serve(at(1, 3, fault=fault))

    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")

    assert outcome.error is None
    assert content(outcome.extraction) == clean
    assert outcome.extraction is not None
    assert outcome.extraction.usage.transient_retries == 2
    assert outcome.extraction.usage.model_calls == RECORDED_CALLS
    assert len(server.traffic.received) == RECORDED_CALLS + 2


def test_a_read_timeout_is_retried(
    serve: type[ReplayServer], tmp_path: Path, clean: dict[str, object]
) -> None:
    server = serve(at(2, fault=Fault("delay", seconds=1.5)))

    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out", timeout=0.5)

    assert outcome.error is None and content(outcome.extraction) == clean
    assert len(server.traffic.received) == RECORDED_CALLS + 1


def test_a_fault_that_persists_fails_the_article_after_the_budget(
    serve: type[ReplayServer], tmp_path: Path
) -> None:
    server = serve(always(Fault("status", 503, (("retry-after", "0"),))))

    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")

    assert outcome.extraction is None and outcome.error is not None
    assert "503" in outcome.error
    assert len(server.traffic.received) == RETRY_BUDGET  # one request, retried, then given up
    assert not (tmp_path / "out").exists()


def test_a_permanent_error_is_not_retried_and_names_the_reason(
    serve: type[ReplayServer], tmp_path: Path
) -> None:
    server = serve(at(1, fault=Fault("status", 400, message="context length exceeded")))

    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")

    assert outcome.error is not None
    assert "BadRequestError" in outcome.error and "context length exceeded" in outcome.error
    assert len(server.traffic.received) == 1


def test_a_model_answering_in_the_wrong_schema_fails_the_article_within_the_budget(
    serve: type[ReplayServer], tmp_path: Path
) -> None:
    server = serve(always(Fault("wrong_schema")))

    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")

    assert outcome.error is not None
    assert outcome.error.startswith("ExtractionError: no usable answer from the model")
    # Every question was asked, then reasked exactly the passes' budget, never endlessly.
    questions = [b for b in server.traffic.received if len(json.loads(b)["messages"]) == 2]
    assert len(questions) >= 2  # people first, then the passes that need them
    assert len(server.traffic.received) == len(questions) * (1 + REASKS)


def _asks_events(body: dict[str, Any]) -> bool:
    return str(body["messages"][1]["content"]).startswith("EVENTS")


def _with_a_trip_nowhere(content: str) -> str:
    """The recorded events answer with its last trip moved to a place the article lacks.

    Moved, not added: the recorded reply may already hold as many answers as its schema allows.
    """
    reply = json.loads(content)
    reply["events"][-1] = {**reply["events"][-1], "place": NOWHERE}
    return json.dumps(reply)


def _without_its_last_answer(content: str) -> str:
    reply = json.loads(content)
    reply["events"].pop()
    return json.dumps(reply)


def _events_edited(edit: Callable[[str], str]) -> Plan:
    def plan(_n: int, body: dict[str, Any], _headers: dict[str, str]) -> Fault | None:
        return Fault("edit", edit=edit) if _asks_events(body) else None

    return plan


NOWHERE = "Reykjavik"


@pytest.fixture
def settings_from_env() -> Iterator[None]:
    """Pass settings read afresh from the environment, and the defaults restored after."""
    pass_settings.cache_clear()
    yield
    pass_settings.cache_clear()


def test_an_answer_its_sentence_does_not_hold_is_dropped_at_once_and_the_rest_kept(
    serve: type[ReplayServer], tmp_path: Path, clean: dict[str, object]
) -> None:
    assert NOWHERE not in ARTICLE.read_text(encoding="utf-8")
    server = serve(_events_edited(_with_a_trip_nowhere))
    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")
    # No reask: every request is a question of its own, each asked once.
    assert all(len(json.loads(b)["messages"]) == 2 for b in server.traffic.received)
    assert len(server.traffic.received) == RECORDED_CALLS

    serve(_events_edited(_without_its_last_answer))
    (without_it,) = extract_with(None, tmp_path / "without")

    said = content(outcome.extraction)
    # The good answers of the same reply are kept: the visits are those of the reply without it.
    assert said["visits"] == content(without_it.extraction)["visits"]
    (nowhere,) = [d for d in said["dropped"] if d["item"].get("place") == NOWHERE]  # type: ignore[union-attr]
    assert "no sentence given names" in nowhere["reason"]


def test_with_reasks_on_the_model_is_told_which_answer_fails_and_may_correct_it(
    serve: type[ReplayServer],
    tmp_path: Path,
    clean: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
    settings_from_env: None,
) -> None:
    monkeypatch.setenv("SUMMARIZE_REASK_UNGROUNDED", "1")
    recorded: list[str] = []

    def remember(content: str) -> str:
        recorded.append(content)
        return _with_a_trip_nowhere(content)

    def plan(_n: int, body: dict[str, Any], _headers: dict[str, str]) -> Fault | None:
        if not _asks_events(body):
            return None
        if len(body["messages"]) == 2:
            return Fault("edit", edit=remember)
        return Fault("edit", edit=lambda _unrecorded: recorded[0])  # the corrected answer

    server = serve(plan)
    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")

    reasks = [json.loads(b) for b in server.traffic.received if len(json.loads(b)["messages"]) > 2]
    (reask,) = reasks
    assert "no sentence given names" in reask["messages"][-1]["content"]
    said = content(outcome.extraction)
    assert said["visits"] == clean["visits"]
    assert not [d for d in said["dropped"] if d["item"].get("place") == NOWHERE]  # type: ignore[union-attr]


def test_a_rerun_after_a_failure_midway_pays_only_for_what_is_missing(
    serve: type[ReplayServer], tmp_path: Path, clean: dict[str, object]
) -> None:
    last = RECORDED_CALLS  # the article fails on its last question, all others paid for
    first = serve(at(last, fault=Fault("status", 401, message="key revoked")))
    (failed,) = extract_with(tmp_path / "cache", tmp_path / "out")
    assert failed.error is not None and "401" in failed.error
    paid = set(first.traffic.answered)
    assert len(paid) == last - 1

    second = serve()
    (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out")

    assert content(outcome.extraction) == clean
    assert outcome.extraction is not None
    assert outcome.extraction.usage.cache_hits == last - 1
    assert paid.isdisjoint(second.traffic.received)  # no call repeated
    assert len(second.traffic.received) == 1


def test_a_damaged_cache_entry_is_reported_and_asked_again(
    serve: type[ReplayServer],
    tmp_path: Path,
    clean: dict[str, object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    serve()
    extract_with(tmp_path / "cache", tmp_path / "out")
    cache = ResponseCache(tmp_path / "cache")
    responses = [k for k in cache.entry_keys() if not k.startswith("extraction:")]
    assert len(responses) == RECORDED_CALLS
    cache.set(responses[0], b'{"id": "chatcmpl-1", "choi')  # cut short on disk
    for key in cache.entry_keys():
        if key.startswith("extraction:"):
            cache.discard(key)  # forget the memo, so the responses are read again
    cache.close()

    server = serve()
    with caplog.at_level(logging.WARNING, logger="summarize.llm.transport"):
        (outcome,) = extract_with(tmp_path / "cache", tmp_path / "out2")

    assert content(outcome.extraction) == clean
    assert len(server.traffic.received) == 1
    assert "is damaged (not a completion); asking again" in caplog.text


def test_concurrent_extraction_gives_the_sequential_result(
    serve: type[ReplayServer], tmp_path: Path
) -> None:
    prefixes = ("000", "001", "002")
    server = serve(prefixes=prefixes)
    server.latency = 0.05
    paths = [seed(p) for p in prefixes]
    spec = resolve()
    with open_backend(spec, None) as backend:
        sequential = list(extract_files(paths, lambda: backend, tmp_path / "one"))
        parallel = list(extract_files(paths, lambda: backend, tmp_path / "three", concurrency=3))

    assert len(parallel) == len(paths)  # one outcome per article: the progress count
    assert {o.path: content(o.extraction) for o in parallel} == {
        o.path: content(o.extraction) for o in sequential
    }
    assert server.traffic.peak_in_flight >= 2
