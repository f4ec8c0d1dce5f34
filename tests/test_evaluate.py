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
from summarize.evaluation.dates import dates_compatible
from summarize.evaluation.gold import load_gold
from summarize.evaluation.names import name_matches
from summarize.evaluation.titles import title_matches
from summarize.ingest.read import read_article
from tests.conftest import REPLAY_URL, ROOT, SEEDS, replaying

GOLD_DIR = ROOT / "eval" / "gold"
GOLD, GOLD_BRIEF = load_gold(GOLD_DIR)
TEXTS = {p.stem: read_article(p).text for p in SEEDS}
AP = "004_32782bfa1945646b"
BELARUS_DELEGATION = "000_e0b19a12a21b0ebf"


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


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
                if k != "cue_only_baseline":  # the baseline's scores are not the output's
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
    assert [e.traveler for e in GOLD_BRIEF.engagements if e.role == "engagement"] == [
        "Maxim Ryzhenkov",
        "Yuri Shuleiko",
        "Choe Son Hui",
    ]


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


def test_borderline_items_neither_help_nor_hurt(tmp_path: Path) -> None:
    report = score_outputs(write_outputs(tmp_path / "out", with_optional=True), GOLD_DIR)
    assert all(v == 1.0 for v in rates(report) if v is not None), report.render_table()


def test_a_missing_official_lowers_recall_by_one_gold_item(tmp_path: Path) -> None:
    def drop_first(e: Extraction) -> Extraction:
        return e.model_copy(update={"officials": e.officials[1:]})

    report = score_outputs(write_outputs(tmp_path / "out", only(AP, drop_first)), GOLD_DIR)
    data = report.as_dict()
    n_ap = sum(not o.optional for o in GOLD[AP].officials)
    n_all = sum(not o.optional for g in GOLD.values() for o in g.officials)
    assert data["articles"][AP]["officials"]["recall"] == pytest.approx((n_ap - 1) / n_ap)
    assert data["overall"]["officials"]["recall"] == pytest.approx((n_all - 1) / n_all)
    assert data["overall"]["officials"]["precision"] == 1.0


def test_an_invented_official_lowers_precision(tmp_path: Path) -> None:
    text = TEXTS[BELARUS_DELEGATION]

    def invent(e: Extraction) -> Extraction:
        fake = Official(name="Ivan Petrov", title="Minister", evidence=[span_of(text, "Pyongyang")])
        return e.model_copy(update={"officials": [*e.officials, fake]})

    out = write_outputs(tmp_path / "out", only(BELARUS_DELEGATION, invent))
    officials = score_outputs(out, GOLD_DIR).as_dict()["articles"][BELARUS_DELEGATION]["officials"]
    n = len(GOLD[BELARUS_DELEGATION].officials)
    assert officials["precision"] == pytest.approx(n / (n + 1))
    assert officials["recall"] == 1.0


def test_a_span_that_does_not_slice_the_text_lowers_grounding(tmp_path: Path) -> None:
    def shift(e: Extraction) -> Extraction:
        first = e.officials[0]
        bad = first.evidence[0].model_copy(update={"start": first.evidence[0].start + 1})
        moved = first.model_copy(update={"evidence": [bad]})
        return e.model_copy(update={"officials": [moved, *e.officials[1:]]})

    report = score_outputs(write_outputs(tmp_path / "out", only(AP, shift)), GOLD_DIR)
    grounding = report.as_dict()["overall"]["grounding"]
    assert grounding["spans"] - grounding["grounded"] == 1
    assert grounding["rate"] == pytest.approx((grounding["spans"] - 1) / grounding["spans"])
    # The person is still found: a sloppy offset costs grounding, not recall too.
    assert report.as_dict()["articles"][AP]["officials"]["recall"] == 1.0


def test_items_without_evidence_load_and_count_as_ungrounded(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    path = out / f"{AP}.json"
    data = json.loads(path.read_text())
    data["officials"][0]["evidence"] = []
    del data["officials"][1]["evidence"]
    data["hedged_claims"] = []
    del data["visits"]
    path.write_text(json.dumps(data))
    article = score_outputs(out, GOLD_DIR).as_dict()["articles"][AP]
    assert article["contract_valid"] is False
    assert article["officials"]["recall"] == 1.0  # names still count
    assert article["grounding"]["spans"] - article["grounding"]["grounded"] == 2
    assert article["hedged_claims"]["recall"] == 0.0
    assert article["visits"]["recall"] == 0.0


def test_a_name_variant_still_matches(tmp_path: Path) -> None:
    def respell(e: Extraction) -> Extraction:
        officials = [
            o.model_copy(update={"name": "Kim Jong-un"}) if o.name == "Kim Jong Un" else o
            for o in e.officials
        ]
        assert [o.name for o in officials].count("Kim Jong-un") == 1
        return e.model_copy(update={"officials": officials})

    report = score_outputs(write_outputs(tmp_path / "out", only(AP, respell)), GOLD_DIR)
    officials = report.as_dict()["articles"][AP]["officials"]
    assert officials["precision"] == officials["recall"] == 1.0


@pytest.mark.parametrize(
    ("candidate", "gold", "same"),
    [
        ("Kim Jong-un", "Kim Jong Un", True),
        ("M. Ryzhenkov", "Maxim Ryzhenkov", True),
        ("Belarusian Foreign Minister Maxim Ryzhenkov", "Maxim Ryzhenkov", True),
        ("Aleksandr Lukashenko", "Alexander Lukashenko", True),
        ("Kim Jong Gyu", "Kim Jong Un", False),
        ("Alexander Kozlov", "Alexander Lukashenko", False),
        ("Kim", "Kim Jong Un", False),
        ("Hyung-jin Kim", "Kim Jong Un", False),
    ],
)
def test_name_matching(candidate: str, gold: str, same: bool) -> None:
    assert name_matches(candidate, [gold]) is same


def test_the_two_kims_are_not_one_official(tmp_path: Path) -> None:
    def merge_kims(e: Extraction) -> Extraction:
        officials = [
            o.model_copy(update={"name": "Kim Jong Un"}) if o.name == "Kim Jong Gyu" else o
            for o in e.officials
        ]
        return e.model_copy(update={"officials": officials})

    report = score_outputs(write_outputs(tmp_path / "out", only(AP, merge_kims)), GOLD_DIR)
    officials = report.as_dict()["articles"][AP]["officials"]
    n = len(GOLD[AP].officials)
    assert officials["recall"] == pytest.approx((n - 1) / n)  # Kim Jong Gyu missed
    assert officials["precision"] == pytest.approx((n - 1) / n)  # a second Kim Jong Un is wrong


def test_furniture_names_and_furniture_spans_count_as_furniture_items(tmp_path: Path) -> None:
    text = TEXTS[AP]

    def pull_from_sidebar(e: Extraction) -> Extraction:
        sidebar = span_of(text, "Top Stories")
        law = Official(name="Kenneth Law", evidence=[span_of(text, "Kenneth Law")])
        claim = HedgedClaim(
            claim="showers",
            cue="expected",
            voiced_by="Jessie Uppal",
            evidence=[span_of(text, "Some intermittent showers are expected Tuesday")],
        )
        source = e.source.model_copy(
            update={
                "furniture": [Span(start=sidebar.start, end=len(text), text=text[sidebar.start :])]
            }
        )
        return e.model_copy(
            update={
                "source": source,
                "officials": [*e.officials, law],
                "hedged_claims": [*e.hedged_claims, claim],
            }
        )

    report = score_outputs(write_outputs(tmp_path / "out", only(AP, pull_from_sidebar)), GOLD_DIR)
    data = report.as_dict()
    assert data["articles"][AP]["furniture_items"] == 2
    assert data["overall"]["furniture_items"] == 2
    assert data["articles"][AP]["officials"]["precision"] < 1.0


def test_an_evidence_span_inside_source_furniture_is_a_furniture_item(tmp_path: Path) -> None:
    text = TEXTS[BELARUS_DELEGATION]
    furniture = span_of(text, "Brand-New Take:")

    def cite_furniture(e: Extraction) -> Extraction:
        aim = StatedAim(aim="take", stated_by="the outlet", evidence=[furniture])
        source = e.source.model_copy(update={"furniture": [furniture]})
        return e.model_copy(update={"source": source, "stated_aims": [*e.stated_aims, aim]})

    out = write_outputs(tmp_path / "out", only(BELARUS_DELEGATION, cite_furniture))
    assert score_outputs(out, GOLD_DIR).as_dict()["overall"]["furniture_items"] == 1


def test_claims_match_by_span_overlap_with_the_gold_sentence(tmp_path: Path) -> None:
    text = TEXTS[AP]
    gold = next(h for h in GOLD[AP].hedged_claims if not h.optional)
    wrong = "North Korea opened an embassy in Minsk in 2016."

    def partial_and_wrong(e: Extraction) -> Extraction:
        part = gold.sentence[len(gold.sentence) // 2 :]  # half the sentence still overlaps
        claims = [
            HedgedClaim(claim="c", cue="x", voiced_by="y", evidence=[span_of(text, part)]),
            HedgedClaim(claim="c", cue="x", voiced_by="y", evidence=[span_of(text, wrong)]),
        ]
        return e.model_copy(update={"hedged_claims": claims})

    report = score_outputs(write_outputs(tmp_path / "out", only(AP, partial_and_wrong)), GOLD_DIR)
    hedges = report.as_dict()["articles"][AP]["hedged_claims"]
    n = sum(not h.optional for h in GOLD[AP].hedged_claims)
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
    assert title_matches("North Korean Leader", ["Leader"])
    assert title_matches("Belarus' foreign minister", ["Foreign Minister"])
    assert not title_matches("Vice Foreign Minister", ["Foreign Minister"])


def test_a_missing_output_file_is_all_missed_not_a_crash(tmp_path: Path) -> None:
    out = write_outputs(tmp_path / "out")
    (out / f"{AP}.json").unlink()
    report = score_outputs(out, GOLD_DIR)
    article = report.as_dict()["articles"][AP]
    assert article["present"] is False
    assert article["officials"]["recall"] == 0.0
    assert article["notes"]
    assert "missing" in report.render_table()


def test_a_broken_brief_is_scored_as_wrong_clustering(tmp_path: Path) -> None:
    brief = perfect_brief()
    ryzhenkov = next(e for e in brief.engagements if "Ryzhenkov" in e.traveler)
    split = [
        ryzhenkov.model_copy(update={"id": "a", "sources": ryzhenkov.sources[:1]}),
        ryzhenkov.model_copy(update={"id": "b", "sources": ryzhenkov.sources[1:]}),
    ]
    kims = RosterEntry(
        id="kims",
        name="Kim Jong Un",
        variants=["Kim Jong Un", "Kim Jong Gyu"],
        titles=[],
        countries=[],
        sources=[1],
        corroboration=1,
        citations=[],
    )
    broken = brief.model_copy(
        update={
            "engagements": [e for e in brief.engagements if e is not ryzhenkov] + split,
            "officials": [o for o in brief.officials if not o.name.startswith("Kim")] + [kims],
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
    ap = data["articles"][AP]["officials"]  # test_extract_seeds pins these six exactly
    assert ap["precision"] == ap["recall"] == 1.0
    assert data["engagements"] is not None
    assert data["engagements"]["kept_apart"]["rate"] == 1.0  # test_brief: two Kims


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
    (out / f"{AP}.json").write_text("{not json")
    article = score_outputs(out, GOLD_DIR).as_dict()["articles"][AP]
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


def test_a_split_with_no_output_is_not_scored_as_zeros(tmp_path: Path) -> None:
    gold = tmp_path / "dev" / "gold"
    gold.mkdir(parents=True)
    splits = {AP: "heldout", BELARUS_DELEGATION: "tune"}
    for stem in splits:
        (gold / f"{stem}.json").write_text((GOLD_DIR / f"{stem}.json").read_text())
    manifest = [{"id": stem, "split": split, "format": "txt"} for stem, split in splits.items()]
    (tmp_path / "dev" / "manifest.json").write_text(json.dumps(manifest))
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{AP}.json").write_text(perfect(AP).model_dump_json())

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
