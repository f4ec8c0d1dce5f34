"""What a provider setting resolves to: endpoint, key, instructor mode, sampling."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import instructor


class ProviderError(RuntimeError):
    """A provider cannot be used as configured; the message says what to do."""


@dataclass(frozen=True)
class ProviderSpec:
    """Everything about a provider that shapes a request or its cache key.

    ``grammar`` marks llama.cpp servers, which accept the response schema inside
    ``response_format`` and compile it into a sampling grammar (``Mode.JSON_SCHEMA`` is
    refused there with HTTP 500, so the schema travels through ``extra_body``).
    """

    name: str
    model: str
    base_url: str | None
    mode: instructor.Mode
    api_key_env: tuple[str, ...] = ()
    grammar: bool = False
    sampling: Mapping[str, Any] = field(default_factory=dict)
    extra_body: Mapping[str, Any] = field(default_factory=dict)
    model_sha256: str | None = None
    timeout_s: float = 120.0
    window_chars: int = 60_000  # longer article bodies are extracted in overlapping chunks
    # Requests the server can usefully take at once; None when it is not ours to know.
    max_parallel: int | None = None

    @property
    def label(self) -> str:
        return f"{self.name}/{self.model}"

    def cache_namespace(self) -> dict[str, Any]:
        """Identity of the answering model; the embedded server's port is deliberately absent."""
        endpoint = "embedded" if self.name == "embedded" else (self.base_url or "")
        return {
            "provider": self.name,
            "endpoint": endpoint,
            "model": self.model,
            "model_sha256": self.model_sha256,
        }

    def request_options(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        """Per-request keyword arguments for ``chat.completions.create``."""
        options: dict[str, Any] = dict(self.sampling)
        extra = dict(self.extra_body)
        if self.grammar:
            extra["response_format"] = {"type": "json_object", "schema": dict(schema)}
        if extra:
            options["extra_body"] = extra
        return options
