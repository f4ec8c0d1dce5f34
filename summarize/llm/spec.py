"""What a provider setting resolves to: endpoint, key, instructor mode, sampling.

Nothing here imports the openai client or instructor: a warm run that never calls a model
still builds a spec (its identity keys the extraction store).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

# instructor's Mode values, by name: tool calls for hosted APIs; for local servers, the schema
# in ``response_format`` (no schema text in the prompt, which the server's grammar makes
# redundant and which would cost every pass its tokens), or JSON described in the prompt.
Mode = Literal["tool_call", "json_schema_mode", "json_mode"]
TOOLS: Mode = "tool_call"
JSON_SCHEMA: Mode = "json_schema_mode"
JSON: Mode = "json_mode"
# How the response schema reaches the server's sampler, beyond instructor's own prompt:
# - "none": the provider enforces it itself (tool calls) or not at all;
# - "response_format": a llama.cpp-style server compiles ``response_format.schema``;
# - "json_schema": OpenAI's structured-output form, which vLLM turns into guided decoding;
# - "llguidance": the embedded engine's llguidance grammar, with compact JSON separators,
#   so the model cannot spend tokens on indentation (measured: 213 tokens pretty-printed
#   against 91 compact for the same officials answer).
SchemaVia = Literal["none", "response_format", "json_schema", "llguidance"]
_COMPACT = {"whitespace_flexible": False, "key_separator": ":", "item_separator": ","}


@dataclass(frozen=True)
class ProviderSpec:
    """Everything about a provider that shapes a request or its cache key."""

    name: str
    model: str
    base_url: str | None
    mode: Mode
    api_key_env: tuple[str, ...] = ()
    schema_via: SchemaVia = "none"
    sampling: Mapping[str, Any] = field(default_factory=dict)
    extra_body: Mapping[str, Any] = field(default_factory=dict)
    model_sha256: str | None = None
    engine: str | None = None  # the embedded engine's name and version: it shapes answers
    timeout_s: float = 120.0
    window_chars: int = 60_000  # longer article bodies are extracted in overlapping chunks
    # Requests the server can usefully take at once; None when it is not ours to know.
    max_parallel: int | None = None
    # Whether the model is asked which cue sentences are hedges and which state aims. The
    # embedded model says yes to nearly all of them (bench/README.md, "Do the judges help"),
    # so for it the candidates stand as found, for two questions fewer per article.
    judges: bool = True

    @property
    def label(self) -> str:
        return f"{self.name}/{self.model}"

    @property
    def grammar(self) -> bool:
        """Whether the server's sampler enforces the schema (a llama.cpp grammar)."""
        return self.schema_via != "none"

    def cache_namespace(self) -> dict[str, Any]:
        """Identity of the answering model; the embedded server's port is deliberately absent."""
        endpoint = "embedded" if self.name == "embedded" else (self.base_url or "")
        namespace = {
            "provider": self.name,
            "endpoint": endpoint,
            "model": self.model,
            "model_sha256": self.model_sha256,
        }
        if self.engine is not None:
            namespace["engine"] = self.engine
        return namespace

    def request_options(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        """Per-request keyword arguments for ``chat.completions.create``."""
        options: dict[str, Any] = dict(self.sampling)
        extra = dict(self.extra_body)
        if self.schema_via == "response_format":
            extra["response_format"] = {"type": "json_object", "schema": dict(schema)}
        elif self.schema_via == "json_schema":
            extra["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": dict(schema)},
            }
        elif self.schema_via == "llguidance":
            compact = {**schema, "x-guidance": _COMPACT}
            extra["response_format"] = {"type": "text"}  # the grammar below does the work
            extra["grammar"] = "%llguidance {}\nstart: %json " + json.dumps(compact)
        if extra:
            options["extra_body"] = extra
        return options
