"""Open a provider: the HTTP stack, the openai client, instructor, and for the embedded
model the llama.cpp server, started on first use and always stopped."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import instructor
import openai

from summarize.contract.extraction import ModelInfo
from summarize.llm.embedded.engine import EngineSupervisor
from summarize.llm.embedded.model_file import ensure_model, models_dir
from summarize.llm.response_cache import ResponseCache
from summarize.llm.routes import api_key
from summarize.llm.spec import ProviderSpec
from summarize.llm.transport import build_transport


@dataclass
class Backend:
    """A ready-to-use structured-output client for one provider."""

    spec: ProviderSpec
    client: instructor.Instructor
    cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Refuse every further request (and retry): the run is being interrupted."""
        self.cancelled.set()

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(
            provider=self.spec.name,
            model=self.spec.model,
            model_sha256=self.spec.model_sha256,
            judged=self.spec.judges,
        )


@contextmanager
def open_backend(
    spec: ProviderSpec,
    cache: ResponseCache | None,
    *,
    wire: httpx.BaseTransport | None = None,
    parallel: int = 1,
) -> Iterator[Backend]:
    """Yield a :class:`Backend`; on exit close the client and stop any engine we started.

    ``parallel`` is how many requests the run sends at once: the embedded engine is started
    with that many slots, so each article keeps its own prompt prefix.
    """
    cancelled = threading.Event()
    supervisor: EngineSupervisor | None = None
    base_url = spec.base_url
    if spec.name == "embedded" and base_url is None:
        supervisor = EngineSupervisor(
            lambda: ensure_model(models_dir() / "models"), slots=max(1, parallel)
        )
        base_url = supervisor.base_url
    transport = build_transport(
        cache=cache,
        namespace=spec.cache_namespace(),
        ensure_engine=supervisor.ensure_running if supervisor else None,
        wire=wire,
        cancelled=cancelled,
    )
    http_client = httpx.Client(
        transport=transport, timeout=httpx.Timeout(spec.timeout_s, connect=10.0)
    )
    try:
        client = openai.OpenAI(
            base_url=base_url,
            api_key=api_key(spec),
            http_client=http_client,
            max_retries=0,  # retries live in our transport, with Retry-After and a budget
        )
        yield Backend(
            spec=spec,
            client=instructor.from_openai(client, mode=instructor.Mode(spec.mode)),
            cancelled=cancelled,
        )
    finally:
        http_client.close()
        if supervisor is not None:
            supervisor.stop()
