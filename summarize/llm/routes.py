"""Resolve one setting (``--model`` / ``SUMMARIZE_MODEL``) to a provider.

Every route ends at an OpenAI-compatible endpoint, so one client, one instructor path, one
cache and one cassette format serve them all: OpenAI itself, Anthropic's and Google's
OpenAI-compatible endpoints, Ollama, vLLM, a remote llama.cpp, and the embedded model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from importlib import metadata

from summarize.errors import ProviderConfigError
from summarize.llm.embedded.model_file import GGUF_SHA256
from summarize.llm.spec import JSON, JSON_SCHEMA, TOOLS, Mode, ProviderSpec, SchemaVia

EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
# Extraction copies names from the text: the server's default repeat_penalty of 1.1 punishes
# exactly that (measured: officials on the Diplomat seed 2/5 at 1.1, 5/5 at 1.0).
_LLAMA_SAMPLING = {"temperature": 0.0, "seed": 0}
_LLAMA_EXTRA = {"repeat_penalty": 1.0}
_HOSTED_SAMPLING = {"temperature": 0.0}
# Characters of article per request. The embedded server runs with an 8,192-token context;
# 16,000 characters of English (about 4,000 tokens) leave room for instructions, the schema
# and the reply. Hosted models take far more.
_LLAMA_WINDOW_CHARS = 16_000
_HOSTED_WINDOW_CHARS = 60_000
# Slots of the engine we start: each holds an 8,192-token context (about 230 MB).
EMBEDDED_MAX_SLOTS = 4


@dataclass(frozen=True)
class Route:
    prefix: str
    base_url: str | None
    key_env: tuple[str, ...]
    mode: Mode
    about: str
    schema_via: SchemaVia = "none"


ROUTES: dict[str, Route] = {
    r.prefix: r
    for r in (
        Route("openai", "https://api.openai.com/v1", ("OPENAI_API_KEY",), TOOLS,
              "OpenAI API"),
        Route("anthropic", "https://api.anthropic.com/v1/", ("ANTHROPIC_API_KEY",),
              TOOLS, "Anthropic, via its OpenAI-compatible endpoint"),
        Route("google", "https://generativelanguage.googleapis.com/v1beta/openai/",
              ("GEMINI_API_KEY", "GOOGLE_API_KEY"), TOOLS,
              "Google Gemini, via its OpenAI-compatible endpoint"),
        Route("ollama", "http://127.0.0.1:11434/v1", (), JSON,
              "a local Ollama server (override with --base-url)"),
        Route("llamacpp", None, (), JSON_SCHEMA,
              "a llama.cpp server you run (needs --base-url); schema enforced by grammar",
              schema_via="response_format"),
        Route("vllm", None, ("SUMMARIZE_API_KEY",), JSON_SCHEMA,
              "a vLLM server (needs --base-url); schema enforced by guided decoding",
              schema_via="json_schema"),
        Route("compatible", None, ("SUMMARIZE_API_KEY",), JSON,
              "any other OpenAI-compatible server (needs --base-url)"),
    )
}  # fmt: skip


def embedded_spec() -> ProviderSpec:
    base_url = os.environ.get("SUMMARIZE_EMBEDDED_URL")
    return ProviderSpec(
        name="embedded",
        model=EMBEDDED_MODEL,
        base_url=base_url,
        # The engine we start gets one slot per article in flight (bench/README.md).
        max_parallel=EMBEDDED_MAX_SLOTS if base_url is None else None,
        mode=JSON_SCHEMA,
        schema_via="llguidance",
        sampling=_LLAMA_SAMPLING,
        extra_body=_LLAMA_EXTRA,
        model_sha256=GGUF_SHA256,
        engine=_engine_version(),
        timeout_s=900.0,
        window_chars=window_chars(_LLAMA_WINDOW_CHARS),
        judges=False,
    )


def _engine_version() -> str:
    """The engine package and version: another llama.cpp build may answer differently."""
    try:
        return f"xllamacpp {metadata.version('xllamacpp')}"
    except metadata.PackageNotFoundError:
        return "xllamacpp (not installed)"


def window_chars(default: int) -> int:
    """``SUMMARIZE_WINDOW_CHARS`` when set (a smaller context, a test), else ``default``."""
    configured = os.environ.get("SUMMARIZE_WINDOW_CHARS", "").strip()
    if not configured:
        return default
    if not configured.isdigit() or int(configured) < 500:
        raise ProviderConfigError(
            f"SUMMARIZE_WINDOW_CHARS={configured!r}: give a number of 500 or more"
        )
    return int(configured)


def resolve(model: str | None = None, base_url: str | None = None) -> ProviderSpec:
    """``None``/``embedded`` → the embedded model; ``prefix/model`` → that route.

    A model name that is not ``route/…`` with ``base_url`` means an OpenAI-compatible server.
    ``SUMMARIZE_JUDGES=1`` or ``0`` turns the verdict questions on or off for any of them.
    """
    spec = _route_spec(model, base_url)
    judges = os.environ.get("SUMMARIZE_JUDGES", "").strip()
    if not judges:
        return spec
    if judges not in {"0", "1"}:
        raise ProviderConfigError(f"SUMMARIZE_JUDGES={judges!r}: give 1 (ask) or 0 (do not ask)")
    return replace(spec, judges=judges == "1")


def _route_spec(model: str | None, base_url: str | None) -> ProviderSpec:
    setting = (model or os.environ.get("SUMMARIZE_MODEL") or "embedded").strip()
    if setting == "embedded" or setting.startswith("embedded/"):
        return embedded_spec()
    prefix, _, name = setting.partition("/")
    if not name or (prefix not in ROUTES and base_url is not None):
        # A bare name, or one like vLLM's "Qwen/Qwen2.5-7B-Instruct", served at --base-url.
        if base_url is None:
            raise ProviderConfigError(
                f"unknown model {setting!r}: use embedded, or PROVIDER/MODEL with PROVIDER one "
                f"of {', '.join(ROUTES)}, or give --base-url for an OpenAI-compatible server"
            )
        prefix, name = "compatible", setting
    route = ROUTES.get(prefix)
    if route is None:
        raise ProviderConfigError(
            f"unknown provider {prefix!r}; known: embedded, {', '.join(ROUTES)}"
        )
    url = base_url or route.base_url
    if url is None:
        raise ProviderConfigError(f"{prefix}/{name} needs --base-url (the server's /v1 address)")
    llama = route.schema_via == "response_format"
    return ProviderSpec(
        name=prefix,
        model=name,
        base_url=url,
        mode=route.mode,
        api_key_env=route.key_env,
        schema_via=route.schema_via,
        sampling=_LLAMA_SAMPLING if llama else _HOSTED_SAMPLING,
        extra_body=_LLAMA_EXTRA if llama else {},
        timeout_s=900.0 if llama else 120.0,
        window_chars=window_chars(_LLAMA_WINDOW_CHARS if llama else _HOSTED_WINDOW_CHARS),
    )


def api_key(spec: ProviderSpec) -> str:
    """The key from the environment; a clear error when a hosted provider has none."""
    for env in spec.api_key_env:
        value = os.environ.get(env)
        if value:
            return value
    if spec.name in {"openai", "anthropic", "google"}:
        wanted = " or ".join(spec.api_key_env)
        raise ProviderConfigError(f"{spec.label} needs an API key: set {wanted}")
    return "no-key-needed"
