"""Officials: one person per cluster of name variants, and the roster built from them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from summarize.brief.clustering import cluster, slug
from summarize.brief.facts import text_of
from summarize.brief.sources import Context
from summarize.contract.brief import Fact, RosterEntry
from summarize.knowledge.person_names import name_blocks, name_parts, same_person
from summarize.knowledge.places import country_display, country_key


@dataclass
class Person:
    id: str
    name: str
    variants: list[str]
    facts: list[Fact]


def people_of(officials: list[Fact]) -> list[Person]:
    names = sorted({n for f in officials if (n := text_of(f, "name"))})
    parts = [name_parts(n) for n in names]
    groups = cluster(parts, same_person, name_blocks)
    cluster_of = {names[i]: g for g, members in enumerate(groups) for i in members}
    # A lone surname joins the one person it can only mean.
    for i, p in enumerate(parts):
        if len(p) == 1:
            owners = {
                cluster_of[names[j]]
                for j, q in enumerate(parts)
                if len(q) > 1 and p[0] in (q[0], q[-1])
            }
            if len(owners) == 1:
                cluster_of[names[i]] = owners.pop()
    by_cluster: dict[int, list[Fact]] = defaultdict(list)
    for f in officials:
        by_cluster[cluster_of[text_of(f, "name") or ""]].append(f)
    people = []
    for facts in by_cluster.values():
        counts = Counter(text_of(f, "name") or "" for f in facts)
        name = min(counts, key=lambda v: (-counts[v], len(v.split()), v))
        people.append(Person(slug("p", name), name, sorted(counts), facts))
    return sorted(people, key=lambda p: p.name)


def _distinct_ignoring_case(values: Iterable[str]) -> list[str]:
    """One spelling per value that differs only in case, preferring capitals."""
    best: dict[str, str] = {}
    for v in values:
        key = v.casefold()
        best[key] = min(best.get(key, v), v)
    return sorted(best.values())


def roster_of(people: list[Person], ctx: Context) -> list[RosterEntry]:
    out = []
    for p in people:
        titles = _distinct_ignoring_case(t for f in p.facts if (t := text_of(f, "title")))
        countries = sorted(
            {c for f in p.facts if (c := country_display(country_key(text_of(f, "country"))))}
        )
        out.append(
            RosterEntry(
                id=p.id,
                name=p.name,
                variants=p.variants,
                titles=titles,
                countries=countries,
                sources=ctx.sources(p.facts),
                corroboration=ctx.corroboration(p.facts),
                citations=ctx.cite(p.facts),
            )
        )
    return out
