"""Fold many extractions into one brief: deterministic, order-independent, no model.

Everything is computed from the set of sources and the set of facts, each put in a canonical
order first, and clustering uses union-find over symmetric tests, so the input order never
matters. A brief keeps its facts, so merging one more article into a brief is merging the
union, and gives exactly the brief that merging everything at once gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from summarize.brief.claims import CLAIM_SIMILARITY, claim_groups_of
from summarize.brief.contradictions import contradictions_of
from summarize.brief.engagements import SAME_TRIP_DAYS, engagements_of
from summarize.brief.facts import fact_order, facts_of
from summarize.brief.people import people_of, roster_of
from summarize.brief.sources import Context, SourceSeed, combine_seeds, seed_of, seed_of_ref
from summarize.contract.brief import Brief, DateRange, Fact, SingleSource, SourceRef
from summarize.contract.extraction import Extraction
from summarize.contract.partial_date import PartialDate

__all__ = [
    "CLAIM_SIMILARITY",
    "SAME_TRIP_DAYS",
    "SourceSeed",
    "build",
    "facts_of",
    "merge",
    "merge_into",
]


def build(seeds: Iterable[SourceSeed], facts: Iterable[Fact]) -> Brief:
    """The brief for a set of sources and facts; input order never matters."""
    ctx = Context(combine_seeds(seeds))
    known = set(ctx.number)
    ordered = sorted((f for f in facts if f.source_sha256 in known), key=fact_order)
    unique = list({fact_order(f): f for f in ordered}.values())
    by_kind: dict[str, list[Fact]] = defaultdict(list)
    for f in unique:
        by_kind[f.kind].append(f)

    people = people_of(by_kind["official"])
    roster = roster_of(people, ctx)
    engagements, trips = engagements_of(by_kind["visit"], people, ctx)
    aims = claim_groups_of(by_kind["stated_aim"], "stated_aim", ctx)
    speculation = claim_groups_of(by_kind["hedged_claim"], "hedged_claim", ctx)

    single: list[SingleSource] = []
    for e in engagements:
        if e.corroboration == 1:
            single.append(
                SingleSource(
                    kind="engagement",
                    ref=e.id,
                    label=f"{e.traveler} to {e.destination_country}",
                    source=e.sources[0],
                )
            )
    for r in roster:
        if r.corroboration == 1:
            single.append(
                SingleSource(kind="official", ref=r.id, label=r.name, source=r.sources[0])
            )
    for g in [*aims, *speculation]:
        if g.corroboration == 1:
            single.append(SingleSource(kind=g.kind, ref=g.id, label=g.text, source=g.sources[0]))

    dates = [
        d
        for e in engagements
        if e.role == "engagement" and e.year_known
        for d in (e.start_date, e.end_date)
        if d is not None and (parsed := PartialDate.parse(d)) is not None and parsed.year_known
    ]
    dates += [s.published for s in ctx.seeds if s.published]
    focus = [e for e in engagements if e.role == "engagement"]
    countries = sorted({c for e in focus for c in (e.traveler_country, e.destination_country) if c})
    title = "Briefing: " + (" \u2013 ".join(countries) if countries else "news reports")
    # Every part was validated on the way in; re-validating 10^5 facts costs seconds.
    return Brief.model_construct(
        title=title,
        date_range=DateRange(
            start=min(dates) if dates else None, end=max(dates) if dates else None
        ),
        sources=[
            SourceRef(
                n=n,
                path=min(s.paths),
                sha256=s.sha256,
                title=s.title,
                outlet=s.outlet,
                published=s.published,
                outlet_key=s.outlet_key,
                also_at=sorted(s.paths - {min(s.paths)}),
            )
            for n, s in enumerate(ctx.seeds, 1)
        ],
        engagements=engagements,
        officials=roster,
        stated_aims=aims,
        speculation=speculation,
        contradictions=contradictions_of(engagements, trips, people, ctx),
        single_source=single,
        facts=unique,
    )


def merge(extractions: Iterable[Extraction]) -> Brief:
    """Merge extractions into a brief."""
    items = list(extractions)
    return build((seed_of(e) for e in items), (f for e in items for f in facts_of(e)))


def merge_into(brief: Brief, extraction: Extraction) -> Brief:
    """Add one more article to a brief (the narrative, if any, is not carried over)."""
    seeds = [*(seed_of_ref(r) for r in brief.sources), seed_of(extraction)]
    return build(seeds, [*brief.facts, *facts_of(extraction)])
