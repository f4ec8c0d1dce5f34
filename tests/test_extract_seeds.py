"""Extraction of the five seed articles, replayed from cassettes of the real embedded model.

Re-record (needs the embedded extra; about two minutes per article on two cores):
    pytest tests/test_extract_seeds.py --record-mode=rewrite
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from summarize.contract.extraction import Extraction
from summarize.extract.passes import extract
from summarize.ingest.read import read_article
from summarize.llm import open_backend, resolve
from summarize.llm.response_cache import ResponseCache
from tests.conftest import ROOT, seed, slices_exactly

SCHEMA = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
SEED_PREFIXES = ["000", "001", "002", "003", "004"]
AP_OFFICIALS = {
    "Maxim Ryzhenkov",
    "Choe Son Hui",
    "Kim Jong Gyu",
    "Kim Jong Un",
    "Vladimir Putin",
    "Alexander Lukashenko",
}


def run_extraction(prefix: str, cache_dir: Path) -> tuple[str, Extraction]:
    article = read_article(seed(prefix))
    cache = ResponseCache(cache_dir)
    try:
        with open_backend(resolve(), cache) as backend:
            return article.text, extract(backend, article)
    finally:
        cache.close()


def item_texts(data: dict[str, Any]) -> str:
    """Every string the extraction says about the article's content."""
    parts = []
    for key in ("visits", "officials", "stated_aims", "hedged_claims"):
        parts.append(json.dumps(data[key], ensure_ascii=False))
    return "\n".join(parts)


def check_ap_story(text: str, extraction: Extraction) -> None:
    """004: all six officials, nothing from the "Top Stories" sidebar, Tuesday resolved."""
    assert {o.name for o in extraction.officials} == AP_OFFICIALS
    said = item_texts(json.loads(extraction.model_dump_json()))
    for name in ("Kenneth Law", "Jessie Uppal", "Tina Yazdani", "Harris", "Biden", "Hyung-jin Kim"):
        assert name in text
        assert name not in said
    sidebar_start = text.index("Top Stories")
    assert all(ev.end <= sidebar_start for o in extraction.officials for ev in o.evidence)
    visit = next(v for v in extraction.visits if "Ryzhenkov" in v.traveler)
    assert visit.destination_country == "North Korea"
    assert visit.start_date == "2024-07-23"  # "on Tuesday", against the stated publication date
    assert (extraction.source.outlet, extraction.source.byline) == (
        "The Associated Press",
        "Hyung-jin Kim",
    )


def check_minsk_visit(text: str, extraction: Extraction) -> None:
    """001 never states a year: the Minsk visit must not get one."""
    minsk = [v for v in extraction.visits if v.destination_city == "Minsk"]
    assert minsk, [v.model_dump() for v in extraction.visits]
    for visit in minsk:
        assert not visit.year_stated
        assert visit.start_date is None or visit.start_date.startswith("--")


SEED_CHECKS = {"001": check_minsk_visit, "004": check_ap_story}


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
    if prefix in SEED_CHECKS:
        SEED_CHECKS[prefix](text, extraction)

    # A rerun on the same inputs is answered wholly from the cache.
    _, again = run_extraction(prefix, tmp_path / "cache")
    assert again.usage.model_calls == 0
    assert again.usage.cache_hits == extraction.usage.model_calls
    assert again.model_dump(exclude={"usage"}) == extraction.model_dump(exclude={"usage"})
