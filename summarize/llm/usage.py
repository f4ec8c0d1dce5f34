"""Count tokens, calls and retries per article, wherever in the HTTP stack they happen.

The transports record into whichever meter the current context holds, so the extraction
code need not thread a counter through instructor and the openai client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from summarize.contract.extraction import Usage

_current: ContextVar[Usage | None] = ContextVar("summarize_usage", default=None)


@contextmanager
def metering() -> Iterator[Usage]:
    """Collect usage for the duration of the block into a fresh :class:`Usage`."""
    usage = Usage()
    token = _current.set(usage)
    try:
        yield usage
    finally:
        _current.reset(token)


def record_completion(body: object, *, cached: bool) -> None:
    """Add one chat completion's token counts (OpenAI ``usage`` shape) to the current meter."""
    usage = _current.get()
    if usage is None:
        return
    if cached:
        usage.cache_hits += 1
    else:
        usage.model_calls += 1
    counts = body.get("usage") if isinstance(body, dict) else None
    if isinstance(counts, dict):
        usage.prompt_tokens += int(counts.get("prompt_tokens") or 0)
        usage.completion_tokens += int(counts.get("completion_tokens") or 0)


def record_retry() -> None:
    usage = _current.get()
    if usage is not None:
        usage.transient_retries += 1
