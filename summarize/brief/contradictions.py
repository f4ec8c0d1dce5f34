"""Where sources disagree: two reports give one engagement incompatible days or cities.

Only a real disagreement counts: different sources, each stating one value. Wordings of one
office ("Leader", "Supreme Leader") are not facts in conflict, and neither are a date and a
less precise form of it; so titles are not compared at all, and days only at full precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from summarize.brief.facts import text_of
from summarize.brief.sources import Context
from summarize.contract.brief import Contradiction, ContradictionValue, Engagement, Fact


def _disagreement(
    subject: str, label: str, facts: list[Fact], value: Callable[[Fact], str | None], ctx: Context
) -> Contradiction | None:
    by_value: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        v = value(f)
        if v:
            by_value[v].append(f)
    if len(by_value) < 2:
        return None
    sources = [set(ctx.sources(fs)) for fs in by_value.values()]
    if any(a & b for i, a in enumerate(sources) for b in sources[i + 1 :]):
        return None  # one report gives both: a multi-day or multi-city event, not a clash
    values = [
        ContradictionValue(value=v, sources=ctx.sources(fs), citations=ctx.cite(fs))
        for v, fs in sorted(by_value.items())
    ]
    return Contradiction(subject=subject, field=label, values=values)


def _day(fact: Fact) -> str | None:
    v = text_of(fact, "start_date")
    return v if v and len(v) == 10 and fact.fields.get("year_stated") is True else None


def contradictions_of(
    engagements: list[Engagement], trips: list[list[Fact]], ctx: Context
) -> list[Contradiction]:
    out: list[Contradiction] = []
    for engagement, trip in zip(engagements, trips, strict=True):
        subject = f"{engagement.traveler} to {engagement.destination_country or '?'}"
        for found in (
            _disagreement(subject, "start date", trip, _day, ctx),
            _disagreement(subject, "city", trip, lambda f: text_of(f, "destination_city"), ctx),
        ):
            if found:
                out.append(found)
    return out
