"""Whole extractions are recalled only when nothing that shapes the answer has changed."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarize.run.extraction_store
from summarize.contract.extraction import Extraction, ModelInfo, Source, Usage
from summarize.ingest.read import read_article
from summarize.llm import resolve
from summarize.llm.response_cache import ResponseCache
from summarize.run.extraction_store import ExtractionStore
from tests.conftest import seed


def _extraction(path: Path) -> Extraction:
    article = read_article(path)
    return Extraction(
        source=Source(path=str(path), sha256=article.sha256, chars=len(article.text)),
        model=ModelInfo(provider="embedded", model="m"),
        usage=Usage(prompt_tokens=100, completion_tokens=20, model_calls=7, cache_hits=1),
    )


def test_a_remembered_extraction_comes_back_under_the_new_path(tmp_path: Path) -> None:
    original = seed("001")
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(original.read_bytes())
    memo = ExtractionStore(ResponseCache(tmp_path / "c"), resolve())
    memo.remember(read_article(original), _extraction(original))

    recalled = memo.recall(read_article(copy))

    assert recalled is not None
    assert recalled.source.path == str(copy)
    assert recalled.usage == Usage(prompt_tokens=100, completion_tokens=20, cache_hits=8)


def test_another_provider_or_changed_code_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResponseCache(tmp_path / "c")
    article = read_article(seed("001"))
    ExtractionStore(cache, resolve()).remember(article, _extraction(seed("001")))

    other = resolve("llamacpp/qwen", base_url="http://127.0.0.1:8080/v1")
    assert ExtractionStore(cache, other).recall(article) is None
    monkeypatch.setattr(summarize.run.extraction_store, "fingerprint", lambda: "edited prompts")
    assert ExtractionStore(cache, resolve()).recall(article) is None


def test_the_fingerprint_covers_prompts_and_source() -> None:
    before = summarize.run.extraction_store.fingerprint()
    assert len(before) == 64
    summarize.run.extraction_store.fingerprint.cache_clear()
    assert summarize.run.extraction_store.fingerprint() == before  # stable while nothing changes
