"""The whole brief for the five seeds: extraction replayed from the seed cassettes, the merge,
the narrative's wording replayed from this module's cassette, and the three rendered files.

Checked against the brief's gold answers (eval/gold/brief.json) with the project's scorer,
not against names typed into the test: engagements clustered, one roster entry per person,
the central trip on the timeline, and a narrative whose every sentence rests on what it cites.

Re-record the wording after re-recording the seeds (delete its cassette first):
    rm cassettes/test_brief/test_seed_brief.yaml
    pytest tests/test_brief.py --record-mode=once
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from summarize.brief.compose import with_narrative
from summarize.brief.merge import merge
from summarize.brief.wording import model_wording
from summarize.evaluation.engagements import score_brief
from summarize.evaluation.gold import load_gold
from summarize.extract.passes import extract
from summarize.ingest.read import read_article
from summarize.llm import open_backend, resolve
from summarize.llm.response_cache import ResponseCache
from summarize.render.outputs import write_outputs
from tests.conftest import ROOT, SEEDS, replaying

SEED_CASSETTES = ROOT / "cassettes" / "test_extract_seeds"
NARRATIVE_CASSETTE = ROOT / "cassettes" / "test_brief" / "test_seed_brief.yaml"
SCHEMA = json.loads((ROOT / "schemas" / "brief.schema.json").read_text(encoding="utf-8"))
_, GOLD = load_gold(ROOT / "eval" / "gold")


def test_seed_brief(embedded: bool, recording: bool, tmp_path: Path) -> None:
    assert GOLD is not None
    cache = ResponseCache(tmp_path / "cache")
    texts: dict[str, str] = {}
    try:
        with open_backend(resolve(), cache) as backend:
            extractions = []
            for path in SEEDS:
                article = read_article(path)
                texts[article.sha256] = article.text
                with replaying(SEED_CASSETTES / f"test_seed_extraction[{path.name[:3]}].yaml"):
                    extractions.append(extract(backend, article))
            with replaying(NARRATIVE_CASSETTE, record=recording):
                result = with_narrative(merge(extractions), model_wording(backend), texts)
    finally:
        cache.close()
    # The model's call replayed (a stale recording would leave only the rule's wording).
    assert not [w for w in result.warnings if w.startswith("narrative: ")], result.warnings
    brief = result.brief
    paths = write_outputs(brief, tmp_path / "brief.md", texts)

    jsonschema.validate(json.loads(paths[1].read_text(encoding="utf-8")), SCHEMA)
    score = score_brief(paths[1], GOLD)
    assert score.central.rate == 1.0, "the trip every report is about is on the timeline"
    assert score.roster.total >= 6 and score.roster.rate == 1.0 and score.apart.rate == 1.0
    assert score.clustered.rate is not None  # scored; its value is the eval's to report
    assert score.title_contradictions == 0

    narrative = score.citations
    assert narrative.recall.total >= 2
    assert narrative.recall.rate == 1.0, narrative.unsupported  # every sentence supported
    # A floor under the recorded answers, as for the seed extractions: a citation that neither
    # supports its sentence alone nor is needed by the others is redundant (ALCE).
    assert narrative.precision.rate is not None and narrative.precision.rate >= 0.95
    assert (narrative.cut_off, narrative.repeated, narrative.markup) == (0, 0, 0)

    assert brief.narrative is not None
    memo = paths[0].read_text(encoding="utf-8")
    for statement in [*brief.narrative.bottom_line, *brief.narrative.key_judgments]:
        assert statement.text in memo
    if any(e.date and e.date.startswith("--") for e in GOLD.engagements if not e.optional):
        assert "year not stated" in memo
    assert "news reports" not in brief.title
