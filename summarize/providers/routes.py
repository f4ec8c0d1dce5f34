"""Resolve one setting (``--model`` / ``SUMMARIZE_MODEL``) to a provider.

Every route ends at an OpenAI-compatible endpoint, so one client, one instructor path, one
cache and one cassette format serve them all: OpenAI itself, Anthropic's and Google's
OpenAI-compatible endpoints, Ollama, vLLM, a remote llama.cpp, and the embedded model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import instructor

from summarize.model_file import GGUF_SHA256
from summarize.providers.spec import ProviderError, ProviderSpec

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


@dataclass(frozen=True)
class Route:
    prefix: str
    base_url: str | None
    key_env: tuple[str, ...]
    mode: instructor.Mode
    about: str
    grammar: bool = False


ROUTES: dict[str, Route] = {
    r.prefix: r
    for r in (
        Route("openai", "https://api.openai.com/v1", ("OPENAI_API_KEY",), instructor.Mode.TOOLS,
              "OpenAI API"),
        Route("anthropic", "https://api.anthropic.com/v1/", ("ANTHROPIC_API_KEY",),
              instructor.Mode.TOOLS, "Anthropic, via its OpenAI-compatible endpoint"),
        Route("google", "https://generativelanguage.googleapis.com/v1beta/openai/",
              ("GEMINI_API_KEY", "GOOGLE_API_KEY"), instructor.Mode.TOOLS,
              "Google Gemini, via its OpenAI-compatible endpoint"),
        Route("ollama", "http://127.0.0.1:11434/v1", (), instructor.Mode.JSON,
              "a local Ollama server (override with --base-url)"),
        Route("llamacpp", None, (), instructor.Mode.JSON,
              "a llama.cpp server you run (needs --base-url); schema enforced by grammar",
              grammar=True),
        Route("compatible", None, ("SUMMARIZE_API_KEY",), instructor.Mode.JSON,
              "any OpenAI-compatible server, e.g. vLLM (needs --base-url)"),
    )
}  # fmt: skip


def embedded_spec() -> ProviderSpec:
    base_url = os.environ.get("SUMMARIZE_EMBEDDED_URL")
    return ProviderSpec(
        name="embedded",
        model=EMBEDDED_MODEL,
        base_url=base_url,
        # The server we start (llama-cpp-python's) answers one request at a time with one
        # prompt cache: articles in parallel evict each other's prefix (measured 2x slower).
        max_parallel=1 if base_url is None else None,
        mode=instructor.Mode.JSON,
        grammar=True,
        sampling=_LLAMA_SAMPLING,
        extra_body=_LLAMA_EXTRA,
        model_sha256=GGUF_SHA256,
        timeout_s=900.0,
        window_chars=window_chars(_LLAMA_WINDOW_CHARS),
    )


def window_chars(default: int) -> int:
    """``SUMMARIZE_WINDOW_CHARS`` when set (a smaller context, a test), else ``default``."""
    configured = os.environ.get("SUMMARIZE_WINDOW_CHARS", "").strip()
    if not configured:
        return default
    if not configured.isdigit() or int(configured) < 500:
        raise ProviderError(f"SUMMARIZE_WINDOW_CHARS={configured!r}: give a number of 500 or more")
    return int(configured)


def resolve(model: str | None = None, base_url: str | None = None) -> ProviderSpec:
    """``None``/``embedded`` → the embedded model; ``prefix/model`` → that route.

    A model name that is not ``route/…`` with ``base_url`` means an OpenAI-compatible server.
    """
    setting = (model or os.environ.get("SUMMARIZE_MODEL") or "embedded").strip()
    if setting == "embedded" or setting.startswith("embedded/"):
        return embedded_spec()
    prefix, _, name = setting.partition("/")
    if not name or (prefix not in ROUTES and base_url is not None):
        # A bare name, or one like vLLM's "Qwen/Qwen2.5-7B-Instruct", served at --base-url.
        if base_url is None:
            raise ProviderError(
                f"unknown model {setting!r}: use embedded, or PROVIDER/MODEL with PROVIDER one "
                f"of {', '.join(ROUTES)}, or give --base-url for an OpenAI-compatible server"
            )
        prefix, name = "compatible", setting
    route = ROUTES.get(prefix)
    if route is None:
        raise ProviderError(f"unknown provider {prefix!r}; known: embedded, {', '.join(ROUTES)}")
    url = base_url or route.base_url
    if url is None:
        raise ProviderError(f"{prefix}/{name} needs --base-url (the server's /v1 address)")
    llama = route.grammar
    return ProviderSpec(
        name=prefix,
        model=name,
        base_url=url,
        mode=route.mode,
        api_key_env=route.key_env,
        grammar=llama,
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
        raise ProviderError(f"{spec.label} needs an API key: set {wanted}")
    return "no-key-needed"
