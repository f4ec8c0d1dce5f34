"""The evaluation harness: gold answers that quote the seeds exactly, and a scorer whose
numbers move the right way when an output gets better or worse.

Synthetic outputs are built from the gold itself, with spans located in the real seed text;
one test also scores the extractions replayed from the seed cassettes (no model runs).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli.commands import app
from summarize.contract.brief import Brief, DateRange, Engagement, RosterEntry, SourceRef
from summarize.contract.extraction import (
    Extraction,
    HedgedClaim,
    ModelInfo,
    Official,
    Source,
    Span,
    StatedAim,
    Visit,
)
from summarize.evaluation import EvalReport, score_outputs
from summarize.evaluation.articles import ArticleScore
from summarize.evaluation.dates import dates_compatible
from summarize.evaluation.gold import GoldArticle, GoldHedge, GoldOfficial, load_gold
from summarize.evaluation.intervals import bootstrap_intervals
from summarize.evaluation.metrics import Counts
from summarize.evaluation.names import name_matches
from summarize.evaluation.score import cue_baseline
from summarize.evaluation.titles import title_matches
from summarize.ingest.read import read_article
from tests.conftest import REPLAY_URL, ROOT, SEEDS, replaying

GOLD_DIR = ROOT / "eval" / "gold"
GOLD, GOLD_BRIEF = load_gold(GOLD_DIR)
TEXTS = {p.stem: read_article(p).text for p in SEEDS}
SEED_A = "004_32782bfa1945646b"
SEED_B = "000_e0b19a12a21b0ebf"


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def namesakes(stem: str) -> tuple[GoldOfficial, GoldOfficial]:
    """The two officials of a seed whose names share their first word: two people."""
    officials = GOLD[stem].officials
    pairs = [
        (a, b)
        for i, a in enumerate(officials)
        for b in officials[i + 1 :]
        if a.name.split()[0] == b.name.split()[0]
    ]
    assert len(pairs) == 1, [(a.name, b.name) for a, b in pairs]
    return pairs[0]


def body_end(stem: str) -> int:
    """Where the last sentence a required gold item quotes ends: the page's sidebar follows."""
    gold, text = GOLD[stem], TEXTS[stem]
    items = [*gold.visits, *gold.stated_aims, *gold.hedged_claims]
    return max(text.index(i.sentence) + len(i.sentence) for i in items if not i.optional)


def perfect(stem: str, *, with_optional: bool = False) -> Extraction:
    """What a flawless system would output for one seed, built from the gold answers."""
    gold, text = GOLD[stem], TEXTS[stem]

    def keep(item: Any) -> bool:
        return with_optional or not item.optional

    def name_span(names: list[str]) -> Span:
        return span_of(text, next(n for n in names if n in text))

    return Extraction(
        source=Source(path=str(ROOT / "seeds" / f"{stem}.txt"), sha256="0" * 64, chars=len(text)),
        model=ModelInfo(provider="gold", model="gold"),
        officials=[
            Official(name=o.name, title=o.title, country=o.country, evidence=[name_span(o.names)])
            for o in gold.officials
            if keep(o)
        ],
        visits=[
            Visit(
                traveler=v.traveler,
                destination_country=v.destination_country,
                destination_city=v.destination_city,
                start_date=v.date,
                year_stated=bool(v.date and not v.date.startswith("--")),
                evidence=[span_of(text, v.sentence)],
            )
            for v in gold.visits
            if keep(v)
        ],
        stated_aims=[
            StatedAim(aim="aim", stated_by=a.stated_by, evidence=[span_of(text, a.sentence)])
            for a in gold.stated_aims
            if keep(a)
        ],
        hedged_claims=[
            HedgedClaim(
                claim="claim",
                cue=h.cue,
                voiced_by=h.voiced_by,
                evidence=[span_of(text, h.sentence)],
            )
            for h in gold.hedged_claims
            if keep(h)
        ],
    )


def perfect_brief() -> Brief:
    """A brief that clusters exactly the gold engagements and roster."""
    assert GOLD_BRIEF is not None
    stems = sorted(GOLD)
    number = {stem: n for n, stem in enumerate(stems, start=1)}
    engagements = [
        Engagement(
            id=e.id,
            role=e.role,
            traveler=e.traveler,
            destination_country=e.destination_country,
            start_date=e.date,
            sources=[number[s] for s in e.sources],
            corroboration=len(e.sources),
            citations=[],
        )
        for e in GOLD_BRIEF.engagements
        if not e.optional
    ]
    roster = [
        RosterEntry(
            id=p.name,
            name=p.name,
            variants=p.names,
            titles=[],
            countries=[],
            sources=[1],
            corroboration=1,
            citations=[],
        )
        for p in GOLD_BRIEF.people
    ]
    return Brief(
        title="gold",
        date_range=DateRange(),
        sources=[
            SourceRef(n=number[s], path=f"seeds/{s}.txt", sha256="0" * 64, outlet_key=s)
            for s in stems
        ],
        engagements=engagements,
        officials=roster,
        stated_aims=[],
        speculation=[],
        contradictions=[],
        single_source=[],
    )


def write_outputs(
    folder: Path,
    change: Callable[[str, Extraction], Extraction] = lambda _stem, e: e,
    *,
    with_optional: bool = False,
    brief: Brief | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem in GOLD:
        extraction = change(stem, perfect(stem, with_optional=with_optional))
        (folder / f"{stem}.json").write_text(extraction.model_dump_json(indent=2))
    if brief is not None:
        (folder / "brief.json").write_text(brief.model_dump_json(indent=2))
    return folder


def rates(report: EvalReport) -> list[float | None]:
    """Every rate the report gives, per article and overall, brief included."""
    found: list[float | None] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                # the baseline's scores are not the output's; the intervals are ranges
                if k not in ("cue_only_baseline", "intervals"):
                    walk(v, k)
        elif key in {"precision", "recall", "f1", "rate", "title_accuracy", "country_accuracy"}:
            found.append(node)

    walk(report.as_dict())
    return found


def only(
    stem: str, change: Callable[[Extraction], Extraction]
) -> Callable[[str, Extraction], Extraction]:
    return lambda s, e: change(e) if s == stem else e


# --- gold ------------------------------------------------------------------------------------


def test_every_seed_has_gold_and_every_gold_quote_is_verbatim() -> None:
    assert set(GOLD) == set(TEXTS)
    for stem, gold in GOLD.items():
        text = TEXTS[stem]
        assert gold.article == stem
        quotes = [a.sentence for a in gold.stated_aims] + [h.sentence for h in gold.hedged_claims]
        quotes += [v.sentence for v in gold.visits]
        for quote in quotes:
            assert quote in text, (stem, quote)
        for h in gold.hedged_claims:
            assert h.cue.casefold() in h.sentence.casefold(), (stem, h.cue)
        for name in gold.furniture_names:
            assert name in text, (stem, name)
        for official in gold.officials:
            assert any(n in text for n in official.names), (stem, official.name)


def test_furniture_names_never_name_a_gold_official() -> None:
    for gold in GOLD.values():
        for official in gold.officials:
            assert not name_matches(official.name, gold.furniture_names), official.name


def test_brief_gold_refers_to_the_seeds_and_known_people() -> None:
    assert GOLD_BRIEF is not None
    for engagement in GOLD_BRIEF.engagements:
        assert set(engagement.sources) | set(engagement.optional_sources) <= set(GOLD)
    people = {p.name for p in GOLD_BRIEF.people}
    assert all(a in people and b in people for a, b in GOLD_BRIEF.apart)
    # Each seed reports exactly one of the three engagements, each by a different person,
    # and every report of one is a required gold visit of the same kind by its traveler.
    central = [e for e in GOLD_BRIEF.engagements if e.role == "engagement"]
    assert len(central) == len({e.traveler for e in central}) == 3
    assert sorted(s for e in central for s in e.sources) == sorted(GOLD)
    assert {e.traveler for e in central} <= people
    for e in central:
        for stem in e.sources:
            assert any(
                not v.optional and v.kind == e.kind and name_matches(e.traveler, v.travelers)
                for v in GOLD[stem].visits
            ), (e.id, stem)


# --- scorer ----------------------------------------------------------------------------------


def test_a_perfect_output_scores_one_everywhere(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out", brief=perfect_brief())
    report = score_outputs(outputs=out, gold=GOLD_DIR)
    values = rates(report)
    assert values and all(v == 1.0 for v in values if v is not None), report.render_table()
    overall = report.as_dict()["overall"]
    assert overall["furniture_items"] == 0
    assert all(
        overall[k]["precision"] == overall[k]["recall"] == 1.0
        for k in ("officials", "visits", "stated_aims", "hedged_claims")
    )
    engagements = report.as_dict()["engagements"]
    assert engagements["clustered"]["rate"] == engagements["roster"]["rate"] == 1.0
    assert engagements["unexpected_engagements"] == 0
    assert all(a["contract_valid"] for a in report.as_dict()["articles"].values())
    json.dumps(report.as_dict())


def test_the_report_gives_each_overall_rate_an_interval_that_holds_it(
    tmp_path: Path,
) -> None:
    def drop_first(e: Extraction) -> Extraction:
        return e.model_copy(update={"officials": e.officials[1:]})

    perfect = score_outputs(write_outputs(tmp_path / "ok", brief=perfect_brief()), GOLD_DIR)
    intervals = perfect.as_dict()["intervals"]
    assert (intervals["level"], intervals["resampled"]) == (0.95, "articles")
    assert intervals["rows"]["overall"]["visits"]["recall"] == [1.0, 1.0]
    assert "95% interval, overall" in perfect.render_table()

    report = score_outputs(write_outputs(tmp_path / "out", only(SEED_A, drop_first)), GOLD_DIR)
    data = report.as_dict()
    low, high = data["intervals"]["rows"]["overall"]["officials"]["recall"]
    assert low < data["overall"]["officials"]["recall"] <= high == 1.0
    assert data["intervals"] == score_outputs(tmp_path / "out", GOLD_DIR).as_dict()["intervals"]


def test_a_bootstrap_interval_is_narrower_over_more_articles() -> None:
    def article(found: int) -> ArticleScore:
        return ArticleScore(visits=Counts(gold=2, found=found))

    few = bootstrap_intervals([article(2), article(0)] * 2)["visits"]["recall"]
    many = bootstrap_intervals([article(2), article(0)] * 50)["visits"]["recall"]
    assert few is not None and many is not None
    assert few.low <= many.low <= 0.5 <= many.high <= few.high
    assert many.high - many.low < few.high - few.low
    # A rate no article has a denominator for has no interval either.
    assert bootstrap_intervals([article(0)])["stated_aims"]["recall"] is None


def test_borderline_items_neither_help_nor_hurt(tmp_path: Path) -> None:
    report = score_outputs(write_outputs(tmp_path / "out", with_optional=True), GOLD_DIR)
    assert all(v == 1.0 for v in rates(report) if v is not None), report.render_table()


def test_a_missing_official_lowers_recall_by_one_gold_item(tmp_path: Path) -> None:
    def drop_first(e: Extraction) -> Extraction:
        return e.model_copy(update={"officials": e.officials[1:]})

    report = score_outputs(write_outputs(tmp_path / "out", only(SEED_A, drop_first)), GOLD_DIR)
    data = report.as_dict()
    n_a = sum(not o.optional for o in GOLD[SEED_A].officials)
    n_all = sum(not o.optional for g in GOLD.values() for o in g.officials)
    assert data["articles"][SEED_A]["officials"]["recall"] == pytest.approx((n_a - 1) / n_a)
    assert data["overall"]["officials"]["recall"] == pytest.approx((n_all - 1) / n_all)
    assert data["overall"]["officials"]["precision"] == 1.0


def test_an_invented_official_lowers_precision(tmp_path: Path) -> None:
    text = TEXTS[SEED_B]
    city = next(v.destination_city for v in GOLD[SEED_B].visits if v.destination_city)

    def invent(e: Extraction) -> Extraction:
        fake = Official(name="Ivan Petrov", title="Minister", evidence=[span_of(text, city)])
        return e.model_copy(update={"officials": [*e.officials, fake]})

    out = write_outputs(tmp_path / "out", only(SEED_B, invent))
    officials = score_outputs(out, GOLD_DIR).as_dict()["articles"][SEED_B]["officials"]
    n = len(GOLD[SEED_B].officials)
    assert officials["precision"] == pytest.approx(n / (n + 1))
    assert officials["recall"] == 1.0


def test_a_span_that_does_not_slice_the_text_lowers_grounding(tmp_path: Path) -> None:
    def shift(e: Extraction) -> Extraction:
        first = e.officials[0]
        bad = first.evidence[0].model_copy(update={"start": first.evidence[0].start + 1})
        moved = first.model_copy(update={"evidence": [bad]})
        return e.model_copy(update={"officials": [moved, *e.officials[1:]]})

    report = score_outputs(write_outputs(tmp_path / "out", only(SEED_A, shift)), GOLD_DIR)
    grounding = report.as_dict()["overall"]["grounding"]
    assert grounding["spans"] - grounding["grounded"] == 1
    assert grounding["rate"] == pytest.approx((grounding["spans"] - 1) / grounding["spans"])
    # The person is still found: a sloppy offset costs grounding, not recall too.
    assert report.as_dict()["articles"][SEED_A]["officials"]["recall"] == 1.0


def test_items_without_evidence_load_and_count_as_ungrounded(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    path = out / f"{SEED_A}.json"
    data = json.loads(path.read_text())
    data["officials"][0]["evidence"] = []
    del data["officials"][1]["evidence"]
    data["hedged_claims"] = []
    del data["visits"]
    path.write_text(json.dumps(data))
    article = score_outputs(out, GOLD_DIR).as_dict()["articles"][SEED_A]
    assert article["contract_valid"] is False
    assert article["officials"]["recall"] == 1.0  # names still count
    assert article["grounding"]["spans"] - article["grounding"]["grounded"] == 2
    assert article["hedged_claims"]["recall"] == 0.0
    assert article["visits"]["recall"] == 0.0


def test_a_name_variant_still_matches(tmp_path: Path) -> None:
    _, person = namesakes(SEED_A)  # respelled beside a namesake it must not be taken for
    hyphenated = next(n for n in person.names if "-" in n)

    def respell(e: Extraction) -> Extraction:
        officials = [
            o.model_copy(update={"name": hyphenated}) if o.name == person.name else o
            for o in e.officials
        ]
        assert [o.name for o in officials].count(hyphenated) == 1
        return e.model_copy(update={"officials": officials})

    report = score_outputs(write_outputs(tmp_path / "out", only(SEED_A, respell)), GOLD_DIR)
    officials = report.as_dict()["articles"][SEED_A]["officials"]
    assert officials["precision"] == officials["recall"] == 1.0


@pytest.mark.parametrize(
    ("candidate", "gold", "same"),
    [
        ("Lee Min-soo", "Lee Min Soo", True),
        ("O. Brandt", "Oskar Brandt", True),
        ("Estonian Foreign Minister Oskar Brandt", "Oskar Brandt", True),
        ("Aleksandr Varenko", "Alexander Varenko", True),
        ("Lee Min Jae", "Lee Min Soo", False),
        ("Alexander Marek", "Alexander Varenko", False),
        ("Lee", "Lee Min Soo", False),
        ("Hye-jin Lee", "Lee Min Soo", False),  # a byline name with the same family name
    ],
)
def test_name_matching(candidate: str, gold: str, same: bool) -> None:
    assert name_matches(candidate, [gold]) is same


def test_two_namesakes_are_not_one_official(tmp_path: Path) -> None:
    first, second = namesakes(SEED_A)

    def merge_namesakes(e: Extraction) -> Extraction:
        officials = [
            o.model_copy(update={"name": second.name}) if o.name == first.name else o
            for o in e.officials
        ]
        return e.model_copy(update={"officials": officials})

    out = write_outputs(tmp_path / "out", only(SEED_A, merge_namesakes))
    officials = score_outputs(out, GOLD_DIR).as_dict()["articles"][SEED_A]["officials"]
    n = len(GOLD[SEED_A].officials)
    assert officials["recall"] == pytest.approx((n - 1) / n)  # the first namesake missed
    assert officials["precision"] == pytest.approx((n - 1) / n)  # a second `second` is wrong


def test_furniture_names_and_furniture_spans_count_as_furniture_items(tmp_path: Path) -> None:
    text, start = TEXTS[SEED_A], body_end(SEED_A)
    # Two people the page names only after the article, in its sidebar; a line by the second.
    listed, voice = [n for n in GOLD[SEED_A].furniture_names if text.find(n) > start][:2]
    line = next(line for line in text[start:].splitlines() if voice in line)

    def pull_from_sidebar(e: Extraction) -> Extraction:
        person = Official(name=listed, evidence=[span_of(text, listed)])
        claim = HedgedClaim(
            claim="a sidebar item",
            cue="expected",
            voiced_by=voice,
            evidence=[span_of(text, line)],
        )
        source = e.source.model_copy(
            update={"furniture": [Span(start=start, end=len(text), text=text[start:])]}
        )
        return e.model_copy(
            update={
                "source": source,
                "officials": [*e.officials, person],
                "hedged_claims": [*e.hedged_claims, claim],
            }
        )

    out = write_outputs(tmp_path / "out", only(SEED_A, pull_from_sidebar))
    report = score_outputs(out, GOLD_DIR)
    data = report.as_dict()
    assert data["articles"][SEED_A]["furniture_items"] == 2
    assert data["overall"]["furniture_items"] == 2
    assert data["articles"][SEED_A]["officials"]["precision"] < 1.0


def test_an_evidence_span_inside_source_furniture_is_a_furniture_item(tmp_path: Path) -> None:
    text = TEXTS[SEED_B]
    furniture = span_of(text, text.splitlines()[1])  # the label between headline and body

    def cite_furniture(e: Extraction) -> Extraction:
        aim = StatedAim(aim="take", stated_by="the outlet", evidence=[furniture])
        source = e.source.model_copy(update={"furniture": [furniture]})
        return e.model_copy(update={"source": source, "stated_aims": [*e.stated_aims, aim]})

    out = write_outputs(tmp_path / "out", only(SEED_B, cite_furniture))
    assert score_outputs(out, GOLD_DIR).as_dict()["overall"]["furniture_items"] == 1


def test_claims_match_by_span_overlap_with_the_gold_sentence(tmp_path: Path) -> None:
    text = TEXTS[SEED_A]
    gold = next(h for h in GOLD[SEED_A].hedged_claims if not h.optional)
    hedged = [span_of(text, h.sentence) for h in GOLD[SEED_A].hedged_claims]
    # A sentence of the article that reports and hedges nothing: no gold claim overlaps it.
    wrong = next(
        v.sentence
        for v in GOLD[SEED_A].visits
        if all(
            h.end <= text.index(v.sentence) or text.index(v.sentence) + len(v.sentence) <= h.start
            for h in hedged
        )
    )

    def partial_and_wrong(e: Extraction) -> Extraction:
        part = gold.sentence[len(gold.sentence) // 2 :]  # half the sentence still overlaps
        claims = [
            HedgedClaim(claim="c", cue="x", voiced_by="y", evidence=[span_of(text, part)]),
            HedgedClaim(claim="c", cue="x", voiced_by="y", evidence=[span_of(text, wrong)]),
        ]
        return e.model_copy(update={"hedged_claims": claims})

    out = write_outputs(tmp_path / "out", only(SEED_A, partial_and_wrong))
    report = score_outputs(out, GOLD_DIR)
    hedges = report.as_dict()["articles"][SEED_A]["hedged_claims"]
    n = sum(not h.optional for h in GOLD[SEED_A].hedged_claims)
    assert hedges["precision"] == 0.5
    assert hedges["recall"] == pytest.approx(1 / n)


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        ("2024-07-23", "2024-07-23", True),
        ("2024-07", "2024-07-23", True),
        ("2024-07-24", "2024-07-23", False),
        (None, "2024-07-23", True),  # no date: matched, and the date column counts it wrong
        ("2024-10-28", "--10-28", False),  # a year the article never states
        ("--10-28", "--10-28", True),
        ("2025-05-12", "2025-05", False),  # a day the article never states
        ("2031-01-01", None, True),
    ],
)
def test_date_compatibility(predicted: str | None, gold: str | None, ok: bool) -> None:
    assert dates_compatible(predicted, gold) is ok


def test_titles_ignore_country_words() -> None:
    assert title_matches("South African Leader", ["Leader"])
    assert title_matches("Cyprus' foreign minister", ["Foreign Minister"])
    assert not title_matches("Vice Foreign Minister", ["Foreign Minister"])


def test_a_missing_output_file_is_all_missed_not_a_crash(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    (out / f"{SEED_A}.json").unlink()
    report = score_outputs(out, GOLD_DIR)
    article = report.as_dict()["articles"][SEED_A]
    assert article["present"] is False
    assert article["officials"]["recall"] == 0.0
    assert article["notes"]
    assert "missing" in report.render_table()


def test_a_broken_brief_is_scored_as_wrong_clustering(tmp_path: Path) -> None:
    assert GOLD_BRIEF is not None
    brief = perfect_brief()
    reported = next(e for e in brief.engagements if len(e.sources) > 1)
    split = [
        reported.model_copy(update={"id": "a", "sources": reported.sources[:1]}),
        reported.model_copy(update={"id": "b", "sources": reported.sources[1:]}),
    ]
    apart = GOLD_BRIEF.apart[0]  # two people the gold keeps apart, merged into one
    merged = RosterEntry(
        id="merged",
        name=apart[0],
        variants=list(apart),
        titles=[],
        countries=[],
        sources=[1],
        corroboration=1,
        citations=[],
    )
    broken = brief.model_copy(
        update={
            "engagements": [e for e in brief.engagements if e is not reported] + split,
            "officials": [o for o in brief.officials if o.name not in apart] + [merged],
        }
    )
    report = score_outputs(write_outputs(tmp_path / "out", brief=broken), GOLD_DIR)
    engagements = report.as_dict()["engagements"]
    gold_required = [e for e in GOLD_BRIEF.engagements if not e.optional] if GOLD_BRIEF else []
    assert engagements["clustered"]["hit"] == len(gold_required) - 1
    assert engagements["roster"]["hit"] == engagements["roster"]["total"] - 2
    assert engagements["kept_apart"]["hit"] == engagements["kept_apart"]["total"] - 1


# --- command line ----------------------------------------------------------------------------


def test_eval_command_prints_parseable_json(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    result = CliRunner().invoke(app, ["eval", str(out), "--gold", str(GOLD_DIR), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["officials"]["f1"] == 1.0
    assert set(data["articles"]) == set(GOLD)


def test_eval_command_prints_a_table(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    result = CliRunner().invoke(app, ["eval", str(out), "--gold", str(GOLD_DIR)])
    assert result.exit_code == 0, result.output
    assert "overall" in result.stdout and "| article" in result.stdout


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_eval_command_without_outputs_exits_2_with_one_line(make: str, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    if make == "empty":
        folder.mkdir()
    result = CliRunner().invoke(app, ["eval", str(folder), "--gold", str(GOLD_DIR)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(folder) in lines[0], result.output


# --- the real extractions --------------------------------------------------------------------


def test_replayed_seed_extractions_are_grounded_and_furniture_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Score what the tool produced for the five seeds (replayed from the seed cassettes)."""
    from summarize.brief.merge import merge
    from summarize.extract.passes import extract
    from summarize.llm import open_backend, resolve
    from summarize.llm.response_cache import ResponseCache

    monkeypatch.setenv("SUMMARIZE_EMBEDDED_URL", REPLAY_URL)  # replay only, never record
    out = tmp_path / "out"
    out.mkdir()
    cache = ResponseCache(tmp_path / "cache")
    extractions = []
    try:
        with open_backend(resolve(), cache) as backend:
            for path in SEEDS:
                cassette = f"test_seed_extraction[{path.name[:3]}].yaml"
                with replaying(ROOT / "cassettes" / "test_extract_seeds" / cassette):
                    extraction = extract(backend, read_article(path))
                extractions.append(extraction)
                (out / f"{path.stem}.json").write_text(extraction.model_dump_json())
    finally:
        cache.close()
    (out / "brief.json").write_text(merge(extractions).model_dump_json())

    data = score_outputs(out, GOLD_DIR).as_dict()
    assert data["overall"]["grounding"]["rate"] == 1.0
    assert data["overall"]["furniture_items"] == 0
    seed_a = data["articles"][SEED_A]["officials"]  # test_extract_seeds pins these six exactly
    assert seed_a["precision"] == seed_a["recall"] == 1.0
    assert data["engagements"] is not None
    assert data["engagements"]["kept_apart"]["rate"] == 1.0  # test_brief: two namesakes


def test_other_json_in_the_output_folder_is_not_an_extraction(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "summarize-run.json").write_text('{"articles": 5}')
    result = CliRunner().invoke(app, ["eval", str(out), "--gold", str(GOLD_DIR)])
    assert result.exit_code == 2
    write_outputs(out)
    report = score_outputs(out, GOLD_DIR)
    assert report.notes == []


def test_an_unreadable_output_file_is_scored_as_empty(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    (out / f"{SEED_A}.json").write_text("{not json")
    article = score_outputs(out, GOLD_DIR).as_dict()["articles"][SEED_A]
    assert article["present"] is True and article["contract_valid"] is False
    assert article["officials"]["recall"] == 0.0
    assert any("unreadable" in n for n in article["notes"])


def test_a_person_the_brief_never_names_is_not_a_roster_fault(tmp_path: Path) -> None:
    """Missing someone is officials recall, scored per article; the roster scores merging."""
    brief = perfect_brief()
    dropped = brief.officials[0]
    fewer = brief.model_copy(update={"officials": brief.officials[1:]})
    whole = score_outputs(write_outputs(tmp_path / "a", brief=brief), GOLD_DIR)
    less = score_outputs(write_outputs(tmp_path / "b", brief=fewer), GOLD_DIR)
    roster, fewer_roster = (r.as_dict()["engagements"]["roster"] for r in (whole, less))
    assert dropped.name and fewer_roster["total"] == roster["total"] - 1
    assert fewer_roster["hit"] == fewer_roster["total"]


def _statement(text: str, *spans: tuple[int, str]) -> dict[str, object]:
    return {
        "text": text,
        "sources": sorted({n for n, _ in spans}),
        "citations": [{"source": n, "span": {"text": t}} for n, t in spans],
    }


def test_citations_support_a_sentence_only_with_what_it_names() -> None:
    from summarize.evaluation.citations import score_citations

    met = (1, "Otieno met Carla Medina in Santiago on March 12.")
    other = (2, "Otieno said the talks went well.")
    brief = {
        "sources": [{"n": 1, "published": "2025-10-28"}, {"n": 2, "published": "2025-10-28"}],
        "officials": [{"name": "Wanjiru Otieno", "variants": ["Wanjiru Otiento"]}],
        "narrative": {
            "bottom_line": [
                # the roster's name for the woman the span calls "Otieno": supported
                _statement("Wanjiru Otieno met Carla Medina in Santiago on March 12.", met),
                # a place no cited span names
                _statement("Wanjiru Otieno met Carla Medina in Lima.", met),
                # two outlets claimed, two cited, one of them needed only for the count
                _statement("Otieno met Carla Medina (2 outlets report it).", met, other),
            ],
            "key_judgments": [_statement("Otieno met Carla Medina (3 outlets report it).", met)],
        },
    }
    score = score_citations(brief)
    assert (score.recall.hit, score.recall.total) == (2, 4)
    assert any("Lima" in u for u in score.unsupported)
    assert any("(3 outlets report it)" in u for u in score.unsupported)
    # Needed citations: the first sentence's one and both of the third's (the count needs
    # two sources); none of an unsupported sentence's.
    assert (score.precision.hit, score.precision.total) == (3, 5)


def test_a_year_the_prose_dates_by_is_supported_by_the_spans_date_words() -> None:
    from summarize.evaluation.citations import score_citations

    visit = (1, "The trip returns last year's Lisbon visit by Otieno.")
    brief = {
        "sources": [{"n": 1, "published": "2025-10-28"}],
        "officials": [],
        "narrative": {
            "bottom_line": [
                _statement("Otieno visited Lisbon in 2024.", visit),  # "last year" of 2025
                _statement("Otieno visited Lisbon in 2023.", visit),
                _statement("Otieno brought 2024 delegates to Lisbon.", visit),  # a count
            ],
        },
    }
    score = score_citations(brief)
    assert (score.recall.hit, score.recall.total) == (1, 3)
    assert [u.rsplit(": ", 1)[1] for u in score.unsupported] == ["2023", "2024"]


def test_a_voice_the_memo_names_in_full_is_supported_by_their_surname() -> None:
    from summarize.evaluation.citations import score_citations

    said = (1, "Peskov said both sides would investigate.")
    brief = {
        "sources": [{"n": 1, "published": "2025-10-28"}],
        "officials": [],  # a spokesman: a voice of the memo, not on its roster of officials
        "stated_aims": [{"voiced_by": ["Dmitry Peskov"]}],
        "narrative": {
            "bottom_line": [
                _statement("Dmitry Peskov said that both sides would investigate.", said),
                _statement("Dmitry Medvedev said that both sides would investigate.", said),
            ],
        },
    }
    score = score_citations(brief)
    assert (score.recall.hit, score.recall.total) == (1, 2)
    assert [u.rsplit(": ", 1)[1] for u in score.unsupported] == ["Dmitry Medvedev"]


def test_a_chinese_voice_is_supported_by_the_family_name_the_span_uses() -> None:
    from summarize.evaluation.citations import score_citations

    said = (1, "Xi said both sides would cooperate.")
    brief = {
        "sources": [{"n": 1, "published": "2017-03-19"}],
        "officials": [],
        "stated_aims": [{"voiced_by": ["Xi Jinping"]}],
        "narrative": {
            "bottom_line": [_statement("Xi Jinping said that both sides would cooperate.", said)]
        },
    }
    assert score_citations(brief).unsupported == []


def test_each_day_word_a_citation_holds_dates_the_sentence() -> None:
    from summarize.evaluation.citations import score_citations

    began = (1, "Arlo Venn began his tour in Tokyo on Wednesday.")
    visited = (1, "Arlo Venn on Friday visited Seoul.")
    brief = {
        "sources": [{"n": 1, "published": "2017-03-17"}],  # a Friday
        "narrative": {
            "bottom_line": [
                _statement("Arlo Venn visited Seoul on March 17, 2017.", began, visited),
                _statement("Arlo Venn visited Seoul on March 16, 2017.", began, visited),
            ],
        },
    }
    score = score_citations(brief)
    assert [u.rsplit(": ", 1)[1] for u in score.unsupported] == ["March 16, 2017"]


def test_a_month_a_citation_gives_without_its_year_is_the_last_or_the_next() -> None:
    from summarize.evaluation.citations import score_citations

    plan = (1, '"We are going to visit Lisbon in April," Arlo Venn said.')
    brief = {
        "sources": [{"n": 1, "published": "2017-02-06"}],
        "officials": [{"name": "Arlo Venn", "variants": []}],
        "narrative": {
            "bottom_line": [
                _statement("Arlo Venn is due to visit Lisbon in April 2017.", plan),
                _statement("Arlo Venn visited Lisbon in April 2016.", plan),
                _statement("Arlo Venn visited Lisbon in April 2015.", plan),
                # a name that ends the sentence, by the family name the span uses
                _statement("Lisbon is due to host Arlo Venn.", (1, "Venn will visit Lisbon.")),
            ],
        },
    }
    score = score_citations(brief)
    assert [u.rsplit(": ", 1)[1] for u in score.unsupported] == ["April 2015"]


def test_something_under_way_is_dated_by_the_day_its_source_was_published() -> None:
    from summarize.evaluation.citations import score_citations

    there = (1, "The delegation under Arlo Venn has arrived in Seoul.")
    brief = {
        "sources": [{"n": 1, "published": "2017-03-17"}],
        "narrative": {
            "bottom_line": [
                # as the report is written: its own day
                _statement("Arlo Venn is in Seoul on March 17, 2017.", there),
                _statement("Arlo Venn is visiting Seoul on March 17, 2017.", there),
                # done, or another day: the report gives no date for it
                _statement("Arlo Venn visited Seoul on March 17, 2017.", there),
                _statement("Arlo Venn is in Seoul on March 16, 2017.", there),
            ],
        },
    }
    score = score_citations(brief)
    assert [u.rsplit(": ", 1)[1] for u in score.unsupported] == [
        "March 17, 2017",
        "March 16, 2017",
    ]


def test_a_quotation_is_voiced_only_by_whom_its_own_source_names() -> None:
    from summarize.evaluation.citations import score_citations

    military = (1, "Both sides are investigating, Turkey's military said.")
    spokesman = (2, "Peskov said he had offered condolences.")
    words = "\u201cBoth sides are investigating, Turkey's military said.\u201d"
    brief = {
        "sources": [{"n": 1, "published": "2017-02-09"}, {"n": 2, "published": "2017-02-09"}],
        "stated_aims": [{"voiced_by": ["Dmitry Peskov"]}],
        "narrative": {
            "bottom_line": [
                _statement(f"Officials: {words}", military),
                # Peskov is named by a cited span, but not by the one whose words these are.
                _statement(f"Dmitry Peskov and officials: {words}", military, spokesman),
                _statement("Officials: \u201cThe talks went well.\u201d", military),
            ],
        },
    }
    score = score_citations(brief)
    assert [u.rsplit(": ", 1)[1] for u in score.unsupported] == [
        "Dmitry Peskov",
        "the quoted words",
    ]


def test_a_split_with_no_output_is_not_scored_as_zeros(tmp_path: Path) -> None:
    gold = tmp_path / "dev" / "gold"
    gold.mkdir(parents=True)
    splits = {SEED_A: "heldout", SEED_B: "tune"}
    for stem in splits:
        (gold / f"{stem}.json").write_text((GOLD_DIR / f"{stem}.json").read_text())
    manifest = [{"id": stem, "split": split, "format": "txt"} for stem, split in splits.items()]
    (tmp_path / "dev" / "manifest.json").write_text(json.dumps(manifest))
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{SEED_A}.json").write_text(perfect(SEED_A).model_dump_json())

    report = score_outputs(out, gold)

    assert set(report.splits) == {"heldout"} and set(report.baseline_splits) == {"heldout"}
    assert report.splits["heldout"].officials.f1 == 1.0
    assert any("split tune" in note for note in report.notes)


def test_a_country_is_supported_by_its_demonym_inside_a_title() -> None:
    from summarize.evaluation.citations import score_citations

    titled = (1, "German Chancellor Angela Merkel arrived in Washington.")
    untitled = (1, "Chancellor Angela Merkel arrived in Washington.")
    brief = {
        "sources": [{"n": 1, "published": "2017-03-17"}],
        "narrative": {
            "bottom_line": [
                _statement("Angela Merkel of Germany visited Washington.", titled),
                _statement("Angela Merkel of Germany visited Washington.", untitled),
            ]
        },
    }
    score = score_citations(brief)
    assert (score.recall.hit, score.recall.total) == (1, 2)
    assert score.unsupported == ["'Angela Merkel of Germany visited Washington.': Germany"]


def test_a_country_ending_the_sentence_is_supported_by_a_city_of_it() -> None:
    from summarize.evaluation.citations import score_citations

    cited = (1, "Angela Merkel is supposed to attend the Munich Security Conference.")
    brief = {
        "sources": [{"n": 1, "published": "2017-02-16"}],
        "narrative": {"bottom_line": [_statement("Angela Merkel is due to visit Germany.", cited)]},
    }
    score = score_citations(brief)
    assert (score.recall.hit, score.recall.total) == (1, 1)  # "Germany." read as Germany


def test_an_office_before_a_name_and_a_month_with_its_year_are_not_read_as_more() -> None:
    from summarize.evaluation.citations import score_citations

    span = (1, "Foreign Minister Carla Medina flew to Lima in December 2016.")
    brief = {
        "sources": [{"n": 1, "published": "2017-01-05"}],
        "narrative": {
            "bottom_line": [
                # "Secretary of State" is an office, not a name the span must hold; "December
                # 2016" is one date, not "December 20" and the number 16.
                _statement("Secretary of State Carla Medina visited Lima in December 2016.", span),
                _statement("Carla Medina visited Lima in December 2015.", span),
            ]
        },
    }
    score = score_citations(brief)
    assert score.unsupported == ["'Carla Medina visited Lima in December 2015.': December 2015"]


def test_a_sentence_is_cut_off_only_when_it_stops_before_its_end() -> None:
    from summarize.evaluation.citations import score_citations

    said = (1, 'Medina said: "The talks went well."')
    texts = [
        'Medina said: "The talks went well."',  # a full stop inside a straight closing quote
        "Medina said: \u201cThe talks went well.\u201d",
        "Medina called the talks \u2018useful.\u2019",
        "Medina met Otieno (in Santiago).",
        "Medina met Otieno in Santi",  # cut at the token limit
        "Medina said the talks went\u2026",
    ]
    brief = {
        "sources": [{"n": 1, "published": "2025-10-28"}],
        "narrative": {"bottom_line": [_statement(t, said) for t in texts]},
    }
    assert score_citations(brief).cut_off == 2


def test_a_furniture_name_inside_a_longer_name_is_another_person() -> None:
    from summarize.evaluation.articles import _word_in

    assert _word_in("John", "John wrote: great piece.")
    assert not _word_in("John", "One elector voted for John Amos Lund instead.")


def test_a_voice_matches_by_any_variant_the_gold_lists_for_that_person() -> None:
    from summarize.evaluation.articles import voices_agree

    people = [["P.J. Lund", "Lund"], ["Ana Ruiz"]]
    assert voices_agree("Lund", "P.J. Lund", people)
    assert not voices_agree("Lund", "P.J. Lund")  # a surname alone is not the full name
    assert not voices_agree("Ruiz", "P.J. Lund", people)


def test_the_cue_only_baseline_reads_no_word_in_its_sense() -> None:
    # The baseline calls every sentence with a word of the lexicon speculation, "the
    # suspect" and "hoped" included, which the extraction's rules read as stating a fact.
    text = "Police named the suspect. He hoped to leave. Talks may resume."
    gold = GoldArticle(
        article="invented",
        hedged_claims=[GoldHedge(sentence="Talks may resume.", cue="may", voiced_by="the outlet")],
    )
    score = cue_baseline(gold, text)
    assert (score.hedged_claims.predicted, score.hedged_claims.correct) == (3, 1)


def test_a_meeting_is_scored_from_either_side_and_a_trip_only_from_its_travelers(
    tmp_path: Path,
) -> None:
    brief = perfect_brief()
    reported = brief.engagements[0]
    # The same engagement told from the side of someone the traveler met: as a meeting it
    # is the gold one (as the article scorer reads visits), as a trip it is not.
    told = reported.model_copy(
        update={"kind": "meeting", "traveler": "Somebody Else", "met": [reported.traveler]}
    )
    as_trip = told.model_copy(update={"kind": "trip"})
    hits = []
    for engagement in (told, as_trip):
        changed = brief.model_copy(update={"engagements": [engagement, *brief.engagements[1:]]})
        folder = tmp_path / engagement.kind
        report = score_outputs(write_outputs(folder, brief=changed), GOLD_DIR)
        hits.append(report.as_dict()["engagements"]["clustered"]["hit"])
    assert hits[0] == hits[1] + 1


def test_a_headline_s_hedge_is_optional_as_the_gold_rules_say() -> None:
    # Listed in the gold or not, speculation in the headline counts neither way: the
    # extraction and the baseline alike.
    text = "Talks likely to stall\n\nTalks may resume. Police named the suspect."
    gold = GoldArticle(
        article="invented",
        hedged_claims=[GoldHedge(sentence="Talks may resume.", cue="may", voiced_by="the outlet")],
    )
    plain = cue_baseline(gold, text).hedged_claims
    headed = cue_baseline(gold, text, "Talks likely to stall").hedged_claims
    assert (plain.predicted, plain.correct) == (3, 1)  # "suspect" is a word of the lexicon
    assert (headed.predicted, headed.correct) == (2, 1)


def test_trips_at_home_to_other_regions_are_scored_apart(tmp_path: Path) -> None:
    stems = sorted(GOLD)
    trip = {"traveler": "Mira Castell", "destination_country": "United Kingdom"}
    story = {
        "story": "home",
        "articles": stems,
        "engagements": [
            {
                **trip,
                "id": "glasgow",
                "destination_city": "Glasgow",
                "date": "2025-03-27",
                "role": "engagement",
                "sources": stems[:1],
            },
            {
                **trip,
                "id": "wales",
                "destination_city": "Wales",
                "date": "2025-03",
                "role": "context",
                "sources": stems[1:2],
            },
        ],
        "people": [["Mira Castell"]],
    }
    path = tmp_path / "home.json"
    path.write_text(json.dumps(story))
    brief = perfect_brief().model_copy(
        update={
            "engagements": [
                Engagement(
                    id=city,
                    role=role,
                    traveler="Mira Castell",
                    destination_country="United Kingdom",
                    destination_city=city,
                    start_date=day,
                    sources=[n],
                    corroboration=1,
                    citations=[],
                )
                for city, role, day, n in (
                    ("Scotland", "engagement", "2025-03-27", 1),  # Glasgow's region
                    ("Wales", "context", "2025-03", 2),
                )
            ]
        }
    )
    report = score_outputs(write_outputs(tmp_path / "out", brief=brief), GOLD_DIR, story=path)
    engagements = report.as_dict()["engagements"]
    # Same traveler, country and year: only the regions tell the two trips apart.
    assert engagements["clustered"] == {"hit": 2, "rate": 1.0, "total": 2}
    assert engagements["roles"]["hit"] == 2
