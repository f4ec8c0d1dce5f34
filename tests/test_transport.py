"""Retries, Retry-After, caching and metering, with faults injected at the HTTP layer."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from summarize.llm.response_cache import ResponseCache, cache_key
from summarize.llm.transport import RetryingTransport, build_transport, retry_after_seconds
from summarize.llm.usage import metering

COMPLETION = {
    "id": "x",
    "object": "chat.completion",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "{}"}}],
    "usage": {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14},
}


class Script(httpx.BaseTransport):
    """Answer requests from a list of responses or exceptions, counting calls."""

    def __init__(self, *steps: httpx.Response | Exception) -> None:
        self.steps = list(steps)
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        if isinstance(step, Exception):
            raise step
        return step


def ok() -> httpx.Response:
    return httpx.Response(200, json=COMPLETION)


def post(transport: httpx.BaseTransport, body: dict[str, object]) -> httpx.Response:
    with httpx.Client(transport=transport, base_url="http://127.0.0.1:9") as client:
        return client.post("/v1/chat/completions", json=body)


def test_429_then_success_waits_as_told_by_retry_after() -> None:
    waits: list[float] = []
    wire = Script(httpx.Response(429, headers={"Retry-After": "7"}), ok())
    with metering() as usage:
        response = post(RetryingTransport(wire, sleep=waits.append), {"a": 1})
    assert response.status_code == 200
    assert waits == [7.0]
    assert wire.calls == 2
    assert usage.transient_retries == 1


def test_429_without_retry_after_backs_off_with_growing_waits() -> None:
    waits: list[float] = []
    wire = Script(httpx.Response(429), httpx.Response(429), httpx.Response(503), ok())
    response = post(RetryingTransport(wire, sleep=waits.append, initial_wait=1.0), {"a": 1})
    assert response.status_code == 200
    assert len(waits) == 3
    assert all(w > 0 for w in waits)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried_then_returned_when_the_budget_is_spent(status: int) -> None:
    wire = Script(httpx.Response(status))
    response = post(RetryingTransport(wire, attempts=3, sleep=lambda _s: None), {"a": 1})
    assert response.status_code == status
    assert wire.calls == 3


def test_timeouts_and_resets_are_retried() -> None:
    wire = Script(httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("reset"), ok())
    response = post(RetryingTransport(wire, sleep=lambda _s: None), {"a": 1})
    assert response.status_code == 200
    assert wire.calls == 3


def test_a_permanent_error_is_not_retried() -> None:
    wire = Script(httpx.Response(400, json={"error": "bad"}))
    response = post(RetryingTransport(wire, sleep=lambda _s: None), {"a": 1})
    assert response.status_code == 400
    assert wire.calls == 1


def test_retry_after_accepts_http_dates() -> None:
    response = httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    assert retry_after_seconds(response) == 0.0


def test_a_repeated_request_is_answered_from_the_cache(tmp_path: Path) -> None:
    wire = Script(ok())
    cache = ResponseCache(tmp_path)
    transport = build_transport(cache=cache, namespace={"provider": "t"}, wire=wire)
    with metering() as usage:
        first = post(transport, {"messages": [1], "b": 2})
        second = post(transport, {"b": 2, "messages": [1]})  # same body, keys reordered
    assert first.json() == second.json() == COMPLETION
    assert wire.calls == 1
    assert (usage.model_calls, usage.cache_hits) == (1, 1)
    assert (usage.prompt_tokens, usage.completion_tokens) == (22, 6)


def test_a_different_body_or_provider_is_a_miss(tmp_path: Path) -> None:
    wire = Script(ok())
    cache = ResponseCache(tmp_path)
    post(build_transport(cache=cache, namespace={"provider": "a"}, wire=wire), {"m": 1})
    post(build_transport(cache=cache, namespace={"provider": "a"}, wire=wire), {"m": 2})
    post(build_transport(cache=cache, namespace={"provider": "b"}, wire=wire), {"m": 1})
    assert wire.calls == 3


def test_failures_are_not_cached(tmp_path: Path) -> None:
    wire = Script(httpx.Response(400, json={"error": "bad"}), ok())
    transport = build_transport(
        cache=ResponseCache(tmp_path), namespace={}, wire=wire, sleep=lambda _s: None
    )
    assert post(transport, {"m": 1}).status_code == 400
    assert post(transport, {"m": 1}).status_code == 200
    assert wire.calls == 2


def test_the_engine_is_ensured_only_for_requests_that_miss_the_cache(tmp_path: Path) -> None:
    ensured: list[int] = []
    cache = ResponseCache(tmp_path)
    warm = build_transport(cache=cache, namespace={}, wire=Script(ok()))
    post(warm, {"m": 1})
    lazy = build_transport(
        cache=cache, namespace={}, wire=Script(ok()), ensure_engine=lambda: ensured.append(1)
    )
    post(lazy, {"m": 1})
    assert ensured == []  # a cache hit never starts the engine
    post(lazy, {"m": 2})
    post(lazy, {"m": 3})
    assert ensured == [1, 1]  # before every request that reaches the wire


def test_cache_survives_a_damaged_entry(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    cache.set("k", b"value")
    cache._cache.set("k", 12345)  # not bytes: what a foreign or broken writer leaves
    assert cache.get("k") is None
    assert json.loads(json.dumps(cache.info()))["entries"] == 1


def test_the_api_key_never_reaches_the_cache(tmp_path: Path) -> None:
    secret = "sk-live-THISMUSTNOTLEAK"
    cache = ResponseCache(tmp_path)
    transport = build_transport(cache=cache, namespace={"provider": "openai"}, wire=Script(ok()))
    with httpx.Client(transport=transport, base_url="http://127.0.0.1:9") as client:
        client.post(
            "/v1/chat/completions", json={"m": 1}, headers={"Authorization": f"Bearer {secret}"}
        )
    cache.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes()


def test_the_cache_key_covers_namespace_path_and_body() -> None:
    base = cache_key({"provider": "a"}, "/v1/chat/completions", b'{"x": 1, "y": 2}')
    assert base == cache_key({"provider": "a"}, "/v1/chat/completions", b'{"y": 2, "x": 1}')
    assert base != cache_key({"provider": "b"}, "/v1/chat/completions", b'{"x": 1, "y": 2}')
    assert base != cache_key({"provider": "a"}, "/v1/embeddings", b'{"x": 1, "y": 2}')
    assert base != cache_key({"provider": "a"}, "/v1/chat/completions", b'{"x": 1, "y": 3}')


def test_a_damaged_store_is_set_aside_and_a_fresh_one_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    directory = tmp_path / "responses"
    directory.mkdir()
    (directory / "cache.db").write_bytes(b"not a database " * 100)

    cache = ResponseCache(directory)
    cache.set("k", b"v")

    assert cache.get("k") == b"v"
    (aside,) = tmp_path.glob("responses.damaged-*")
    assert (aside / "cache.db").read_bytes().startswith(b"not a database")
    assert "is damaged" in caplog.text and str(aside) in caplog.text


def test_entries_written_under_an_older_cache_format_are_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire = Script(ok())
    cache = ResponseCache(tmp_path)
    post(build_transport(cache=cache, namespace={}, wire=wire), {"m": 1})
    monkeypatch.setattr("summarize.llm.response_cache.CACHE_FORMAT", "older")
    post(build_transport(cache=cache, namespace={}, wire=wire), {"m": 1})
    assert wire.calls == 2


def test_a_body_that_is_not_a_completion_is_retried_and_never_cached(tmp_path: Path) -> None:
    page = httpx.Response(200, content=b"<html>502 Bad Gateway</html>")
    wire = Script(page, ok())
    cache = ResponseCache(tmp_path)
    transport = build_transport(cache=cache, namespace={}, wire=wire, sleep=lambda _s: None)
    assert post(transport, {"m": 1}).json() == COMPLETION
    assert wire.calls == 2
    assert [json.loads(cache.get(k) or b"null") for k in cache.entry_keys()] == [COMPLETION]
