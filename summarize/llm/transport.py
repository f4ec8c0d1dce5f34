"""The HTTP stack under every provider: cache, then retries, then the wire.

Working at the httpx transport keeps caching and retrying provider-agnostic: whatever
instructor and the openai client send, reasks included, is one POST whose body says
everything that changes the answer. Order matters: a cache hit never touches the network,
and a retried request is cached once, when it finally succeeds.
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from summarize.errors import RequestCancelled
from summarize.llm.response_cache import ResponseCache, cache_key
from summarize.llm.usage import record_completion, record_retry

log = logging.getLogger(__name__)

_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
TRANSIENT_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0


class MalformedResponseError(httpx.TransportError):
    """HTTP 200 whose body is not a JSON object: a proxy's error page, a cut-off body."""


class TransientStatusError(Exception):
    """A response worth retrying (rate limit, overload, server fault)."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Seconds the server asked us to wait, from ``Retry-After`` (seconds or HTTP date)."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        if parsed is None:
            return None
        return max(0.0, parsed.timestamp() - time.time())


class RetryingTransport(httpx.BaseTransport):
    """Retry connection faults, timeouts, 429 and 5xx with backoff and jitter.

    ``Retry-After`` wins over the backoff when the server sends it (capped). After the last
    attempt the final error response is returned, so the client raises its usual typed error.
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        attempts: int = 5,
        initial_wait: float = 1.0,
        max_wait: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        cancelled: threading.Event | None = None,
    ) -> None:
        self._inner = inner
        self._attempts = attempts
        self._cancelled = cancelled or threading.Event()
        self._backoff = wait_exponential_jitter(initial=initial_wait, max=max_wait)
        self._sleep = sleep

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, TransientStatusError):
            asked = retry_after_seconds(error.response)
            if asked is not None:
                return min(asked, MAX_RETRY_AFTER)
        return float(self._backoff(state))

    def _before_sleep(self, state: RetryCallState) -> None:
        record_retry()
        error = state.outcome.exception() if state.outcome else None
        log.info("transient fault (%s); retry %d", error, state.attempt_number)

    def _send_once(self, request: httpx.Request) -> httpx.Response:
        if self._cancelled.is_set():
            raise RequestCancelled("the run was interrupted; request not sent")
        response = self._inner.handle_request(request)
        if response.status_code in TRANSIENT_STATUS:
            response.read()
            raise TransientStatusError(response)
        if response.status_code == httpx.codes.OK and request.method == "POST":
            content = response.read()
            if not isinstance(_json_body(content), dict):
                raise MalformedResponseError(
                    f"HTTP 200 from {request.url.path} with a body that is not a JSON object "
                    f"({len(content)} bytes: {content[:60]!r})"
                )
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retrying = Retrying(
            stop=stop_after_attempt(self._attempts),
            wait=self._wait,
            retry=retry_if_exception_type((httpx.TransportError, TransientStatusError)),
            before_sleep=self._before_sleep,
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(self._send_once, request)
        except TransientStatusError as exhausted:
            return exhausted.response

    def close(self) -> None:
        self._inner.close()


class EnsureEngine(httpx.BaseTransport):
    """Call ``ensure`` before every request that reaches the wire.

    The embedded engine costs seconds to start; a run answered wholly from the cache never
    starts it, because cache hits stop above this layer. ``ensure`` starts the engine on the
    first miss and restarts one that died (see :class:`EngineSupervisor`); the request that
    saw it die is retried by the layer above.
    """

    def __init__(self, inner: httpx.BaseTransport, ensure: Callable[[], None]) -> None:
        self._inner = inner
        self._ensure = ensure

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._ensure()
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def _json_body(content: bytes) -> Any:
    try:
        return json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _usage_of(body: Any) -> Any:
    return body.get("usage") if isinstance(body, dict) else None


def is_completion(content: bytes) -> bool:
    """Whether a body is a whole chat completion, the only thing worth caching."""
    body = _json_body(content)
    return isinstance(body, dict) and isinstance(body.get("choices"), list)


class CachingTransport(httpx.BaseTransport):
    """Answer repeated POSTs from the response cache and meter every completion."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        cache: ResponseCache | None,
        namespace: Mapping[str, Any],
    ) -> None:
        self._inner = inner
        self._cache = cache
        self._namespace = dict(namespace)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        key = None
        if self._cache is not None and request.method == "POST":
            key = cache_key(self._namespace, request.url.path, request.read())
            stored = self._cache.get(key)
            if stored is not None and not is_completion(stored):
                log.warning("cache entry %s is damaged (not a completion); asking again", key[:12])
                self._cache.discard(key)
                stored = None
            if stored is not None:
                record_completion(_json_body(stored), cached=True)
                return httpx.Response(
                    200,
                    headers={"content-type": "application/json", "x-summarize-cache": "hit"},
                    content=stored,
                    request=request,
                )
        began = time.perf_counter()
        response = self._inner.handle_request(request)
        if request.method != "POST":
            return response
        content = response.read()
        if response.status_code == httpx.codes.OK:
            body = _json_body(content)
            record_completion(body, cached=False)
            log.info("model call: %.1f s, usage %s", time.perf_counter() - began, _usage_of(body))
            if key is not None and self._cache is not None and is_completion(content):
                self._cache.set(key, content)
        # The body is decoded now: drop the headers that described it on the wire.
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in _WIRE_HEADERS
        ]
        return httpx.Response(
            response.status_code, headers=headers, content=content, request=request
        )

    def close(self) -> None:
        self._inner.close()


def build_transport(
    *,
    cache: ResponseCache | None,
    namespace: Mapping[str, Any],
    ensure_engine: Callable[[], None] | None = None,
    wire: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    cancelled: threading.Event | None = None,
) -> httpx.BaseTransport:
    """cache → retries → (start the engine, restart it if it died) → the wire."""
    inner: httpx.BaseTransport = wire or httpx.HTTPTransport()
    if ensure_engine is not None:
        inner = EnsureEngine(inner, ensure_engine)
    retrying = RetryingTransport(inner, sleep=sleep, cancelled=cancelled)
    return CachingTransport(retrying, cache, namespace)
