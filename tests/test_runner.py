"""A provider that refuses fails the article with its reason; the other articles go on."""

from __future__ import annotations

from pathlib import Path

import httpx

from summarize.llm import open_backend, resolve
from summarize.run.batch import extract_files
from tests.conftest import seed


def test_a_refusing_provider_fails_each_article_with_the_reason(tmp_path: Path) -> None:
    calls: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(401, json={"error": {"message": "invalid api key"}})

    spec = resolve("mistral", base_url="http://127.0.0.1:9/v1")
    missing = tmp_path / "missing.txt"
    with open_backend(spec, None, wire=httpx.MockTransport(refuse)) as backend:
        outcomes = list(extract_files([seed("001"), missing], lambda: backend, tmp_path / "out"))

    errors = {o.path: o.error for o in outcomes}
    assert [o.extraction for o in outcomes] == [None, None]
    assert errors[missing] == "no such file"
    assert errors[seed("001")] is not None and "401" in errors[seed("001")]
    assert calls == ["/v1/chat/completions"]  # a 401 is not retried
    assert not (tmp_path / "out").exists()
