"""Extraction of the five seed articles, replayed from cassettes of the real embedded model.

What is checked is behaviour, against the gold answers written by reading the articles
(eval/gold), never names typed into the test: the contract holds, every span slices the
article, nothing comes from page furniture, a year the article never states is not invented,
and the scores do not fall below the recording's. A rerun is answered from the cache alone.

Re-record (needs the embedded extra; about a minute per article on two cores):
    pytest tests/test_extract_seeds.py --record-mode=rewrite
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from summarize.contract.extraction import Extraction
from summarize.contract.partial_date import PartialDate
from summarize.evaluation.articles import ArticleScore, score_article
from summarize.evaluation.gold import load_gold
from summarize.evaluation.outputs import load_output
from summarize.extract.passes import extract
from summarize.ingest.read import read_article
from summarize.llm import open_backend, resolve
from summarize.llm.response_cache import ResponseCache
from tests.conftest import ROOT, seed, slices_exactly

SCHEMA = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
SEED_PREFIXES = ["000", "001", "002", "003", "004"]
GOLD, _ = load_gold(ROOT / "eval" / "gold")
# Floors under the recorded answers: overall, a re-recording must not score below these.
MIN_OFFICIALS_RECALL = 0.75
MIN_OFFICIALS_PRECISION = 0.75


def run_extraction(prefix: str, cache_dir: Path) -> tuple[str, Extraction]:
    article = read_article(seed(prefix))
    cache = ResponseCache(cache_dir)
    try:
        with open_backend(resolve(), cache) as backend:
            return article.text, extract(backend, article)
    finally:
        cache.close()


def scored(extraction: Extraction, folder: Path) -> ArticleScore:
    """The extraction scored against its gold answers, as `summarize eval` scores it."""
    stem = Path(extraction.source.path).stem
    path = folder / f"{stem}.json"
    path.write_text(extraction.model_dump_json(), encoding="utf-8")
    return score_article(GOLD[stem], load_output(path, ROOT))


@pytest.mark.vcr
@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_extraction(prefix: str, embedded: bool, tmp_path: Path) -> None:
    text, extraction = run_extraction(prefix, tmp_path / "cache")
    data = json.loads(extraction.model_dump_json())

    jsonschema.validate(data, SCHEMA)
    assert slices_exactly(text, data) == []
    assert extraction.officials, "every seed names officials"
    assert extraction.usage.model_calls > 0 and extraction.usage.prompt_tokens > 0
    for span in extraction.source.furniture:  # nothing extracted from page furniture
        for key in ("visits", "officials", "stated_aims", "hedged_claims"):
            for item in data[key]:
                for ev in item["evidence"]:
                    assert ev["end"] <= span.start or ev["start"] >= span.end

    score = scored(extraction, tmp_path)
    assert score.grounding.rate == 1.0
    assert score.furniture_items == 0, "a name from a sidebar or a byline reached a field"
    assert score.officials.recall is not None and score.officials.recall >= MIN_OFFICIALS_RECALL
    assert score.officials.precision is not None
    assert score.officials.precision >= MIN_OFFICIALS_PRECISION

    # A year the article never states is never invented.
    gold = GOLD[Path(extraction.source.path).stem]
    if not any((d := PartialDate.parse(v.date)) and d.year_known for v in gold.visits):
        assert all(not v.year_stated for v in extraction.visits if v.start_date)

    # A rerun on the same inputs is answered wholly from the cache.
    _, again = run_extraction(prefix, tmp_path / "cache")
    assert again.usage.model_calls == 0
    assert again.usage.cache_hits == extraction.usage.model_calls
    assert again.model_dump(exclude={"usage"}) == extraction.model_dump(exclude={"usage"})
