"""The whole brief for the five seeds: extraction replayed from the seed cassettes, the merge,
the narrative replayed from this module's cassette, and the three rendered files.

Re-record the narrative after re-recording the seeds (delete its cassette first):
    rm cassettes/test_brief/test_seed_brief.yaml
    pytest tests/test_brief.py --record-mode=once
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from summarize.brief.compose import compose, write_outputs
from summarize.contract.brief import Brief
from summarize.extract.passes import extract
from summarize.ingest.read import read_article
from summarize.knowledge.person_names import name_parts
from summarize.llm import open_backend, resolve
from summarize.llm.response_cache import ResponseCache
from tests.conftest import ROOT, SEEDS, replaying

PEOPLE = [
    ("Choe Son Hui", "Choe Son-hui"),
    ("Kim Jong Un", "Kim Jong-un"),
    ("Alexander Lukashenko", "Aleksandr Lukashenko"),
    ("Maxim Ryzhenkov", "Maxim Vladimirovich Ryzhenkov"),
]
SEED_CASSETTES = ROOT / "cassettes" / "test_extract_seeds"
NARRATIVE_CASSETTE = ROOT / "cassettes" / "test_brief" / "test_seed_brief.yaml"
SCHEMA = json.loads((ROOT / "schemas" / "brief.schema.json").read_text(encoding="utf-8"))


def _numbers(brief: Brief, *prefixes: str) -> set[int]:
    return {s.n for s in brief.sources if Path(s.path).name[:3] in prefixes}


def test_seed_brief(embedded: bool, recording: bool, tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path / "cache")
    try:
        with open_backend(resolve(), cache) as backend:
            extractions = []
            for path in SEEDS:
                with replaying(SEED_CASSETTES / f"test_seed_extraction[{path.name[:3]}].yaml"):
                    extractions.append(extract(backend, read_article(path)))
            with replaying(NARRATIVE_CASSETTE, record=recording):
                result = compose(extractions, backend)
    finally:
        cache.close()
    brief = result.brief
    paths = write_outputs(result, tmp_path / "brief.md")

    jsonschema.validate(json.loads(paths[1].read_text(encoding="utf-8")), SCHEMA)
    engagements = [e for e in brief.engagements if e.role == "engagement"]
    assert len(engagements) == 3, [(e.traveler, e.destination_country) for e in engagements]
    ryzhenkov = next(e for e in engagements if "Ryzhenkov" in e.traveler)
    assert _numbers(brief, "002", "003", "004") <= set(ryzhenkov.sources)
    shuleiko = next(e for e in engagements if "Shuleiko" in e.traveler)
    assert set(shuleiko.sources) == _numbers(brief, "000")
    minsk = next(e for e in engagements if e.destination_country == "Belarus")
    assert set(minsk.sources) == _numbers(brief, "001")
    assert not minsk.year_known

    for spellings in PEOPLE:
        wanted = {" ".join(name_parts(v)) for v in spellings}
        entries = [
            o for o in brief.officials if wanted & {" ".join(name_parts(v)) for v in o.variants}
        ]
        assert len(entries) == 1, (spellings, [o.variants for o in brief.officials])
    kims = [o.name for o in brief.officials if o.name.startswith("Kim Jong")]
    assert len(kims) == 2, kims  # Kim Jong Un and Kim Jong Gyu: two people

    assert brief.narrative is not None, result.warnings
    known = {s.n for s in brief.sources}
    assert all(set(j.sources) <= known for j in brief.narrative.key_judgments)
    memo = paths[0].read_text(encoding="utf-8")
    assert brief.narrative.bottom_line in memo
    assert "year not stated" in memo
