"""Whole extractions (and worded narratives) remembered by everything that produced them.

The response cache already makes a rerun free of model calls, but answering 50 cached requests
still means importing the openai client and instructor, which is most of a warm run's time.
A finished extraction is stored under a key that covers the article text, the provider and its
sampling, and a fingerprint of every prompt template and every module of this package, so any
change to what could alter the answer is a miss, never a stale hit.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from summarize.contract.brief import Brief, Narrative
from summarize.contract.extraction import Extraction, Usage
from summarize.extract.settings import pass_settings
from summarize.ingest.read import Article
from summarize.llm.prompts import prompts_dir
from summarize.llm.response_cache import CACHE_FORMAT, ResponseCache
from summarize.llm.spec import ProviderSpec

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def fingerprint() -> str:
    """A hash of the prompt templates and this package's source: the code that answers."""
    digest = hashlib.sha256()
    for root, pattern in ((prompts_dir(), "*.txt"), (_PACKAGE, "*.py")):
        for path in sorted(root.rglob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractionStore:
    """Recall and remember extractions for one provider in one cache."""

    def __init__(self, cache: ResponseCache, spec: ProviderSpec) -> None:
        self._cache = cache
        self._identity = {
            "kind": "extraction",
            "format": CACHE_FORMAT,
            "code": fingerprint(),
            "provider": spec.cache_namespace(),
            "mode": spec.mode,
            "schema_via": spec.schema_via,
            "sampling": dict(spec.sampling),
            "extra_body": dict(spec.extra_body),
            "window_chars": spec.window_chars,
            "judges": spec.judges,
            "passes": pass_settings().as_dict(),
        }

    def _key(self, article: Article) -> str:
        material = json.dumps(
            {
                **self._identity,
                "text": article.sha256,
                "basis": article.basis,
                "notes": list(article.notes),
            },
            sort_keys=True,
        )
        return "extraction:" + hashlib.sha256(material.encode()).hexdigest()

    def recall(self, article: Article) -> Extraction | None:
        """The stored extraction of this text, reported under this path, or None."""
        stored = self._cache.get(self._key(article))
        if stored is None:
            return None
        try:
            past = Extraction.model_validate_json(stored)
        except ValueError:
            return None  # unreadable: recompute, the responses are cached anyway
        spent = past.usage
        return past.model_copy(
            update={
                "source": past.source.model_copy(update={"path": str(article.path)}),
                "usage": Usage(
                    prompt_tokens=spent.prompt_tokens,
                    completion_tokens=spent.completion_tokens,
                    cache_hits=spent.model_calls + spent.cache_hits,
                ),
            }
        )

    def remember(self, article: Article, extraction: Extraction) -> None:
        self._cache.set(self._key(article), extraction.model_dump_json().encode())

    def _narrative_key(self, brief: Brief) -> str:
        facts = brief.model_dump_json(exclude={"narrative"})
        material = json.dumps(
            {**self._identity, "kind": "narrative", "brief": facts}, sort_keys=True
        )
        return "narrative:" + hashlib.sha256(material.encode()).hexdigest()

    def recall_narrative(self, brief: Brief) -> tuple[Narrative, list[str]] | None:
        """The worded narrative of this very brief, and its warnings, if one was stored."""
        stored = self._cache.get(self._narrative_key(brief))
        if stored is None:
            return None
        try:
            data = json.loads(stored)
            return Narrative.model_validate(data["narrative"]), [str(w) for w in data["warnings"]]
        except (ValueError, KeyError, TypeError):
            return None

    def remember_narrative(self, brief: Brief, narrative: Narrative, warnings: list[str]) -> None:
        value = {"narrative": narrative.model_dump(mode="json"), "warnings": warnings}
        self._cache.set(self._narrative_key(brief), json.dumps(value).encode())
