"""One setting picks the provider; each resolves to the right endpoint, key and mode."""

from __future__ import annotations

import json

import instructor
import pytest

from summarize.errors import ProviderConfigError
from summarize.llm import resolve
from summarize.llm.embedded.model_file import GGUF_SHA256
from summarize.llm.routes import api_key


def test_default_is_the_embedded_model() -> None:
    spec = resolve()
    assert spec.name == "embedded"
    # The schema reaches the sampler as a compact llguidance grammar, not as prompt text.
    assert spec.grammar and instructor.Mode(spec.mode) is instructor.Mode.JSON_SCHEMA
    options = spec.request_options({"type": "object", "properties": {}})
    assert options["extra_body"]["grammar"].startswith("%llguidance")
    assert '"whitespace_flexible": false' in options["extra_body"]["grammar"]
    assert spec.model_sha256 == GGUF_SHA256
    assert spec.extra_body["repeat_penalty"] == 1.0
    assert api_key(spec) == "no-key-needed"


def test_environment_setting_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_MODEL", "openai/gpt-4o-mini")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-123")
    spec = resolve()
    assert (spec.name, spec.model) == ("openai", "gpt-4o-mini")
    assert spec.base_url == "https://api.openai.com/v1"
    assert instructor.Mode(spec.mode) is instructor.Mode.TOOLS and not spec.grammar
    assert api_key(spec) == "sk-test-123"


@pytest.mark.parametrize(
    ("setting", "env", "host"),
    [
        ("anthropic/claude-sonnet-4", "ANTHROPIC_API_KEY", "api.anthropic.com"),
        ("google/gemini-2.5-flash", "GEMINI_API_KEY", "generativelanguage.googleapis.com"),
    ],
)
def test_hosted_routes_need_their_key(
    setting: str, env: str, host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = resolve(setting)
    assert spec.base_url is not None and host in spec.base_url
    with pytest.raises(ProviderConfigError, match=env):
        api_key(spec)
    monkeypatch.setenv(env, "k")
    assert api_key(spec) == "k"


def test_a_bare_model_with_base_url_is_an_openai_compatible_server() -> None:
    spec = resolve("Qwen/Qwen2.5-7B-Instruct", base_url="http://127.0.0.1:8000/v1")
    assert (spec.name, spec.model) == ("compatible", "Qwen/Qwen2.5-7B-Instruct")
    assert spec.base_url == "http://127.0.0.1:8000/v1"


def test_unknown_prefix_and_missing_base_url_are_clear_errors() -> None:
    with pytest.raises(ProviderConfigError, match="unknown provider 'nope'"):
        resolve("nope/model")
    with pytest.raises(ProviderConfigError, match="needs --base-url"):
        resolve("llamacpp/qwen")
    with pytest.raises(ProviderConfigError, match="unknown model"):
        resolve("gpt-4o")


def test_llamacpp_route_sends_the_schema_as_a_grammar() -> None:
    spec = resolve("llamacpp/qwen", base_url="http://10.0.0.5:8080/v1")
    options = spec.request_options({"type": "object"})
    assert options["extra_body"]["response_format"] == {
        "type": "json_object",
        "schema": {"type": "object"},
    }
    assert options["temperature"] == 0.0


def test_compatible_server_and_ollama() -> None:
    spec = resolve("mistral", base_url="http://127.0.0.1:8000/v1")
    assert (spec.name, spec.model, instructor.Mode(spec.mode)) == (
        "compatible",
        "mistral",
        instructor.Mode.JSON,
    )
    assert "extra_body" not in spec.request_options({"type": "object"})
    assert resolve("ollama/qwen2.5:1.5b").base_url == "http://127.0.0.1:11434/v1"


def test_cache_namespace_ignores_the_embedded_port_but_not_a_remote_endpoint() -> None:
    assert resolve().cache_namespace()["endpoint"] == "embedded"
    a = resolve("llamacpp/q", base_url="http://a:1/v1").cache_namespace()
    b = resolve("llamacpp/q", base_url="http://b:1/v1").cache_namespace()
    assert a != b


def test_vllm_is_one_setting_away_with_guided_decoding() -> None:
    spec = resolve("vllm/Qwen/Qwen2.5-7B-Instruct", base_url="http://gpu-host:8000/v1")
    assert (spec.name, spec.model, spec.base_url) == (
        "vllm",
        "Qwen/Qwen2.5-7B-Instruct",
        "http://gpu-host:8000/v1",
    )
    assert instructor.Mode(spec.mode) is instructor.Mode.JSON_SCHEMA
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}}
    format_ = spec.request_options(schema)["extra_body"]["response_format"]
    assert format_ == {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema}}
    assert spec.max_parallel is None  # -j is the user's to choose against a real server


def test_a_reply_schema_does_not_depend_on_which_article_was_asked_first() -> None:
    """typing caches ``Literal | None`` unions by set equality, so one process that asked
    about an article naming the same countries in another order must still send the
    schema a fresh process sends: else a cassette recorded in one order never replays."""
    import subprocess
    import sys

    from summarize.extract.drafts import people_reply

    asked = ("Kenya", "Chile", "Peru")
    fresh = subprocess.run(
        [sys.executable, "-c", "import json; from summarize.extract.drafts import people_reply;"
         f" print(json.dumps(people_reply({asked!r}, 5).model_json_schema()))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    people_reply(("Chile", "Peru", "Kenya"), 5).model_json_schema()  # asked first, elsewhere
    assert people_reply(asked, 5).model_json_schema() == json.loads(fresh.stdout)
