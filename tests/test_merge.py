"""The merge: engagements, one roster across variants, claim groups, contradictions, and
order-independence (merging in any order, or one more article into a brief, agrees)."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.brief.merge import merge, merge_into
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

MODEL = ModelInfo(provider="test", model="none")


def span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def article(
    name: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    officials: list[tuple[str, str | None, str | None]] = (),  # type: ignore[assignment]
    visits: list[dict[str, object]] = (),  # type: ignore[assignment]
    aims: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    hedges: list[tuple[str, str, str, str]] = (),  # type: ignore[assignment]
    text: str | None = None,
) -> Extraction:
    body = text or f"text of {name}"
    return Extraction(
        source=Source(
            path=f"{name}.txt",
            sha256=hashlib.sha256(body.encode()).hexdigest(),
            chars=len(body),
            outlet=outlet,
            published=published,
        ),
        model=MODEL,
        officials=[
            Official(name=n, title=t, country=c, evidence=[span(f"{t} {n}")])
            for n, t, c in officials
        ],
        visits=[Visit(evidence=[span(str(v["traveler"]))], **v) for v in visits],  # type: ignore[arg-type]
        stated_aims=[StatedAim(aim=a, stated_by=b, evidence=[span(q)]) for a, b, q in aims],
        hedged_claims=[
            HedgedClaim(claim=c, cue=cue, voiced_by=by, evidence=[span(q)])
            for c, cue, by, q in hedges
        ],
    )


RYZHENKOV_VISIT = {
    "traveler": "Belarusian Foreign Minister Maxim Ryzhenkov",
    "traveler_country": "Belarus",
    "destination_country": "North Korea",
    "start_date": "2024-07-23",
    "year_stated": True,
}

AP = article(
    "ap",
    outlet="The Associated Press",
    published="2024-07-23",
    officials=[
        ("Maxim Ryzhenkov", "Foreign Minister", "Belarus"),
        ("Kim Jong Un", "leader", "North Korea"),
        ("Kim Jong Gyu", "Vice Foreign Minister", "North Korea"),
        ("Alexander Lukashenko", "President", "Belarus"),
    ],
    visits=[RYZHENKOV_VISIT],
    hedges=[
        (
            "trip will center on North Korea-Belarus-Russia cooperation",
            "will likely",
            "experts",
            "experts say his trip will likely center on building North Korea-Belarus-Russia "
            "cooperation",
        )
    ],
)
DIPLOMAT = article(
    "diplomat",
    officials=[
        ("Maxim Ryzhenkov", "Foreign Minister", "Belarusian"),
        ("Aleksandr Lukashenko", "President", "Belarus"),
        ("Choe Son Hui", "Foreign Minister", "North Korea"),
    ],
    visits=[{**RYZHENKOV_VISIT, "start_date": None, "year_stated": False}],
    hedges=[
        (
            "meeting will center on trilateral partnerships",
            "will likely",
            "Koh Yu-hwan",
            "Ryzhenkov's meeting with North Korean officials will likely center on establishing "
            "trilateral North Korea-Belarus-Russia partnerships",
        )
    ],
)
NK_NEWS = article(
    "nknews",
    officials=[
        ("Choe Son-hui", "Foreign Minister", "North Korea"),
        ("Kim Jong-un", "President", "North Korea"),
    ],
    visits=[
        {
            "traveler": "Choe Son-hui",
            "traveler_country": "North Korea",
            "destination_country": "Belarus",
            "destination_city": "Minsk",
            "date_text": "Oct. 28 to 30",
            "start_date": "--10-28",
            "end_date": "--10-30",
            "year_stated": False,
        },
        {
            "traveler": "Choe Son-hui",
            "traveler_country": "North Korea",
            "destination_country": "Russia",
            "destination_city": "Moscow",
        },
    ],
    aims=[
        (
            "expanding cooperation in all areas",
            "Belarusian Ministry of Foreign Affairs",
            "inked a plan on expanding cooperation in all areas",
        )
    ],
)
AP_REPRINT = article(  # the same wire story on another site: one source, not two
    "reprint",
    outlet="AP",
    published="2024-07-23",
    officials=[("Maxim Ryzhenkov", "Foreign Minister", "Belarus")],
    visits=[{**RYZHENKOV_VISIT, "start_date": "2024-07-24"}],
    text="reprinted text",
)
ALL = [AP, DIPLOMAT, NK_NEWS, AP_REPRINT]


def test_one_roster_entry_per_person_across_variants() -> None:
    brief = merge(ALL)
    assert len(brief.officials) == 5
    choe = next(o for o in brief.officials if o.name.startswith("Choe"))
    assert set(choe.variants) == {"Choe Son Hui", "Choe Son-hui"}
    kims = [o for o in brief.officials if o.name.startswith("Kim")]
    assert len(kims) == 2  # Kim Jong Un and Kim Jong Gyu are two people
    lukashenko = next(o for o in brief.officials if "Lukashenko" in o.name)
    assert set(lukashenko.variants) == {"Alexander Lukashenko", "Aleksandr Lukashenko"}
    ryzhenkov = next(o for o in brief.officials if "Ryzhenkov" in o.name)
    assert ryzhenkov.countries == ["Belarus"]  # "Belarusian" and "Belarus" are one country
    assert ryzhenkov.corroboration == 2  # AP and its reprint count once, plus the Diplomat
    assert len(ryzhenkov.sources) == 3


def test_engagements_cluster_by_traveler_destination_and_date() -> None:
    brief = merge(ALL)
    main = [e for e in brief.engagements if e.role == "engagement"]
    context = [e for e in brief.engagements if e.role == "context"]
    pyongyang = next(e for e in main if e.destination_country == "North Korea")
    assert pyongyang.traveler == "Maxim Ryzhenkov"
    assert len(pyongyang.sources) == 3 and pyongyang.corroboration == 2
    minsk = next(e for e in main if e.destination_city == "Minsk")
    assert not minsk.year_known and minsk.start_date == "--10-28"
    assert minsk.date_note == "year not stated by the source"
    assert [e.destination_city for e in context] == ["Moscow"]  # North Korea-Russia: context


def test_contradictions_and_single_source_items_are_listed() -> None:
    brief = merge(ALL)
    dates = next(c for c in brief.contradictions if c.field == "start date")
    assert {v.value for v in dates.values} == {"2024-07-23", "2024-07-24"}
    titles = next(c for c in brief.contradictions if c.field == "title")
    assert titles.subject in {"Kim Jong Un", "Kim Jong-un"}
    assert {v.value for v in titles.values} == {"Leader", "President"}
    assert not any(
        c.subject.endswith("Ryzhenkov") and c.field == "title" for c in brief.contradictions
    )
    single = {(s.kind, s.label) for s in brief.single_source}
    assert ("official", "Kim Jong Gyu") in single


def test_aims_and_speculation_stay_apart_and_near_duplicates_group() -> None:
    brief = merge(ALL)
    assert [g.text for g in brief.stated_aims] == ["expanding cooperation in all areas"]
    assert all(g.kind == "hedged_claim" for g in brief.speculation)
    assert all(g.kind == "stated_aim" for g in brief.stated_aims)
    every_member = [m.citation.span.text for g in brief.speculation for m in g.members]
    assert len(every_member) == 2


def test_every_statement_keeps_its_citations() -> None:
    brief = merge(ALL)
    numbers = {s.n for s in brief.sources}
    for entry in [*brief.engagements, *brief.officials]:
        assert entry.citations and {c.source for c in entry.citations} <= numbers
    for group in [*brief.stated_aims, *brief.speculation]:
        assert all(m.citation.source in numbers for m in group.members)


def test_identical_texts_under_two_names_are_one_source() -> None:
    twin = AP.model_copy(update={"source": AP.source.model_copy(update={"path": "ap-copy.txt"})})
    brief = merge([AP, twin])
    assert len(brief.sources) == 1
    assert (brief.sources[0].path, brief.sources[0].also_at) == ("ap-copy.txt", ["ap.txt"])


@settings(max_examples=30, deadline=None)
@given(st.permutations(ALL))
def test_merge_does_not_depend_on_order(order: list[Extraction]) -> None:
    assert merge(order) == merge(ALL)


@settings(max_examples=30, deadline=None)
@given(st.permutations(ALL), st.integers(min_value=1, max_value=len(ALL) - 1))
def test_merging_one_more_article_equals_merging_all_at_once(
    order: list[Extraction], split: int
) -> None:
    brief = merge(order[:split])
    for extra in order[split:]:
        brief = merge_into(brief, extra)
    assert brief == merge(ALL)


def test_titles_differing_only_in_case_agree() -> None:
    a = article("a", officials=[("Choe Son Hui", "Foreign Minister", "North Korea")])
    b = article("b", officials=[("Choe Son Hui", "foreign minister", "North Korea")])
    c = article("c", officials=[("Choe Son Hui", "senior official", "North Korea")])
    assert merge([a, b]).contradictions == []
    clash = merge([a, b, c]).contradictions
    assert [sorted(v.value for v in x.values) for x in clash] == [
        ["Foreign Minister", "Senior Official"]
    ]
