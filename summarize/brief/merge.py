"""Fold many extractions into one brief: deterministic, order-independent, no model.

Everything is computed from the set of sources and the set of facts, each put in a canonical
order first, and clustering uses union-find over symmetric tests, so the input order never
matters. A brief keeps its facts, so merging one more article into a brief is merging the
union, and gives exactly the brief that merging everything at once gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from summarize.brief.claims import CLAIM_SIMILARITY, claim_groups_of
from summarize.brief.contradictions import contradictions_of
from summarize.brief.engagements import (
    SAME_TRIP_DAYS,
    as_written,
    central_first,
    engagements_of,
)
from summarize.brief.facts import fact_order, facts_of
from summarize.brief.people import people_of, roster_of
from summarize.brief.sources import Context, SourceSeed, combine_seeds, seed_of, seed_of_ref
from summarize.contract.brief import (
    Brief,
    DateRange,
    Engagement,
    Fact,
    SingleSource,
    SourceRef,
)
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
    aims = claim_groups_of(by_kind["stated_aim"], "stated_aim", ctx, people)
    speculation = claim_groups_of(by_kind["hedged_claim"], "hedged_claim", ctx, people)

    single: list[SingleSource] = []
    for e in engagements:
        if e.corroboration == 1:
            single.append(
                SingleSource(
                    kind="engagement",
                    ref=e.id,
                    label=f"{e.traveler} to {e.destination_country}"
                    + (" (planned)" if e.status == "planned" else ""),
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

    date_range = period_of(engagements, ctx)
    title = title_of(engagements, ctx)
    # Every part was validated on the way in; re-validating 10^5 facts costs seconds.
    return Brief.model_construct(
        title=title,
        date_range=date_range,
        sources=[
            SourceRef(
                n=n,
                path=min(s.paths),
                sha256=s.sha256,
                title=s.title,
                outlet=s.outlet,
                published=s.published,
                outlet_key=ctx.outlet[s.sha256],
                also_at=sorted(s.paths - {min(s.paths)}),
                furniture=s.furniture,
            )
            for n, s in enumerate(ctx.seeds, 1)
        ],
        engagements=engagements,
        officials=roster,
        stated_aims=aims,
        speculation=speculation,
        contradictions=contradictions_of(engagements, trips, ctx),
        single_source=single,
        facts=unique,
    )


def period_of(engagements: list[Engagement], ctx: Context) -> DateRange:
    """From the earliest to the latest dated item: every engagement with a known year and
    every publication date; engagements whose year no source states are counted apart."""
    days: list[tuple[date, str]] = []
    for e in engagements:
        for value in (e.start_date, e.end_date):
            parsed = PartialDate.parse(value)
            interval = parsed.interval() if parsed is not None else None
            if value and interval is not None:
                days.append((interval[0], value))
    for seed in ctx.seeds:
        published = PartialDate.parse((seed.published or "")[:10])
        interval = published.interval() if published is not None else None
        if interval is not None and seed.published:
            days.append((interval[0], seed.published[:10]))
    yearless = sum(1 for e in engagements if e.start_date and not e.year_known)
    if not days:
        return DateRange(year_unknown=yearless)
    return DateRange(start=min(days)[1], end=max(days)[1], year_unknown=yearless)


def title_of(engagements: list[Engagement], ctx: Context) -> str:
    """The parties and the event, from the story's central engagement; else the report."""
    own = sorted((e for e in engagements if e.role == "engagement"), key=central_first)
    if own:
        e = own[0]
        place = as_written(e, e.destination_city or e.destination_country or "")
        if e.kind == "meeting" and e.met:
            where = f" in {place}" if place else ""
            return f"Briefing: {e.traveler} meets {' and '.join(e.met[:2])}{where}"
        if place:
            planned = "planned " if e.status == "planned" else ""
            travelers = " and ".join([t.traveler for t in own if _together(t, e)][:2])
            return f"Briefing: {travelers}'s {planned}visit to {place}"
    titled = [s.title for s in ctx.seeds if s.title]
    if titled:
        return f"Briefing: {titled[0]}"
    return f"Briefing: {len(ctx.seeds)} report{'s' if len(ctx.seeds) != 1 else ''}"


def _together(a: Engagement, b: Engagement) -> bool:
    """Two trips to the same place on the same day with the same standing: one visit of two
    travelers (two ministers abroad together), which the title names as one."""
    return (a.kind, a.status, a.start_date, a.corroboration) == (
        b.kind,
        b.status,
        b.start_date,
        b.corroboration,
    ) and (a.destination_city, a.destination_country) == (b.destination_city, b.destination_country)


def merge(extractions: Iterable[Extraction]) -> Brief:
    """Merge extractions into a brief."""
    items = list(extractions)
    return build((seed_of(e) for e in items), (f for e in items for f in facts_of(e)))


def merge_into(brief: Brief, extraction: Extraction) -> Brief:
    """Add one more article to a brief (the narrative, if any, is not carried over)."""
    seeds = [*(seed_of_ref(r) for r in brief.sources), seed_of(extraction)]
    return build(seeds, [*brief.facts, *facts_of(extraction)])
