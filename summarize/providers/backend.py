"""Open a provider: the HTTP stack, the openai client, instructor, and for the embedded
model the llama.cpp server, started on first use and always stopped."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import instructor
import openai
import platformdirs

from summarize.cache import ResponseCache
from summarize.models import ModelInfo
from summarize.providers.routes import api_key
from summarize.providers.spec import ProviderSpec
from summarize.transport import build_transport


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
            provider=self.spec.name, model=self.spec.model, model_sha256=self.spec.model_sha256
        )


def models_dir() -> Path:
    configured = os.environ.get("SUMMARIZE_MODELS_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("summarize"))


class _LazyEmbeddedServer:
    """Assemble the model and start llama.cpp only when a request misses the cache."""

    def __init__(self) -> None:
        from summarize.server import LlamaServer, free_port

        self.port = free_port()
        self._server_type = LlamaServer
        self.server: LlamaServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> None:
        from summarize.model_file import ensure_model

        if self.server is None:
            model_path = ensure_model(models_dir() / "models")
            self.server = self._server_type(model_path, port=self.port)
        self.server.start()

    def alive(self) -> bool:
        return self.server is not None and self.server.running

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


@contextmanager
def open_backend(
    spec: ProviderSpec,
    cache: ResponseCache | None,
    *,
    wire: httpx.BaseTransport | None = None,
) -> Iterator[Backend]:
    """Yield a :class:`Backend`; on exit close the client and stop any server we started."""
    cancelled = threading.Event()
    lazy: _LazyEmbeddedServer | None = None
    base_url = spec.base_url
    if spec.name == "embedded" and base_url is None:
        lazy = _LazyEmbeddedServer()
        base_url = lazy.base_url
    transport = build_transport(
        cache=cache,
        namespace=spec.cache_namespace(),
        start=lazy.start if lazy else None,
        alive=lazy.alive if lazy else (lambda: True),
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
            spec=spec, client=instructor.from_openai(client, mode=spec.mode), cancelled=cancelled
        )
    finally:
        http_client.close()
        if lazy is not None:
            lazy.stop()
