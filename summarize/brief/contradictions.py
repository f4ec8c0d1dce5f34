"""Where sources disagree: a trip's date or city, or an official's title."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from summarize.brief.facts import text_of
from summarize.brief.people import Person
from summarize.brief.sources import Context
from summarize.contract.brief import Contradiction, ContradictionValue, Engagement, Fact
from summarize.knowledge.person_names import name_parts


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
    values = [
        ContradictionValue(value=v, sources=ctx.sources(fs), citations=ctx.cite(fs))
        for v, fs in sorted(by_value.items())
    ]
    return Contradiction(subject=subject, field=label, values=values)


def _day(fact: Fact) -> str | None:
    v = text_of(fact, "start_date")
    return v if v and len(v) == 10 and fact.fields.get("year_stated") is True else None


def _title_of(fact: Fact) -> str | None:
    """Titles compared without case: "Foreign Minister" and "foreign minister" agree."""
    title = text_of(fact, "title")
    return " ".join(w[:1].upper() + w[1:] for w in title.split()) if title else None


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(name_parts(title or ""))


def contradictions_of(
    engagements: list[Engagement], trips: list[list[Fact]], people: list[Person], ctx: Context
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
    for person in people:
        titles = sorted({t for f in person.facts if (t := text_of(f, "title"))})
        words = [_title_words(t) for t in titles]
        clash = any(not (a <= b or b <= a) for i, a in enumerate(words) for b in words[i + 1 :])
        if clash:
            found = _disagreement(person.name, "title", person.facts, _title_of, ctx)
            if found:
                out.append(found)
    return out
