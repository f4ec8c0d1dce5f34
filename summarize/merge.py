"""Fold many extractions into one brief: deterministic, order-independent, no model.

Everything is computed from the set of sources and the set of facts, each put in a canonical
order first, and clustering uses union-find over symmetric tests, so the input order never
matters. A brief keeps its facts, so merging one more article into a brief is merging the
union, and gives exactly the brief that merging everything at once gives.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

from summarize.brief_models import (
    Brief,
    Citation,
    ClaimGroup,
    ClaimMember,
    Contradiction,
    ContradictionValue,
    DateRange,
    Engagement,
    Fact,
    RosterEntry,
    SingleSource,
    SourceRef,
)
from summarize.models import Extraction
from summarize.names import (
    contains_name,
    country_display,
    country_key,
    name_parts,
    same_person,
)

SAME_TRIP_DAYS = 14
CLAIM_SIMILARITY = 0.5
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "will",
        "would",
        "could",
        "may",
        "might",
        "that",
        "this",
        "his",
        "her",
        "its",
        "their",
        "it",
        "he",
        "she",
        "they",
        "who",
        "which",
        "about",
        "into",
        "over",
        "also",
        "than",
        "said",
        "says",
        "say",
    ]
)
_OUTLET_ALIASES = {"ap": "the associated press", "associated press": "the associated press"}

K = TypeVar("K", bound=Hashable)


# --- sources ---------------------------------------------------------------------------


@dataclass
class SourceSeed:
    """What the merge knows of one distinct article text."""

    sha256: str
    paths: set[str]
    title: str | None
    outlet: str | None
    published: str | None

    @property
    def outlet_key(self) -> str:
        if self.outlet:
            key = " ".join(self.outlet.casefold().split())
            return _OUTLET_ALIASES.get(key, key)
        return f"sha256:{self.sha256[:16]}"


def _seed_of(extraction: Extraction) -> SourceSeed:
    s = extraction.source
    return SourceSeed(s.sha256, {s.path}, s.title, s.outlet, s.published)


def _seed_of_ref(ref: SourceRef) -> SourceSeed:
    return SourceSeed(ref.sha256, {ref.path, *ref.also_at}, ref.title, ref.outlet, ref.published)


def _combine_seeds(seeds: Iterable[SourceSeed]) -> list[SourceSeed]:
    """One seed per distinct text; numbered by publication date, then path."""
    by_hash: dict[str, SourceSeed] = {}
    for seed in seeds:
        known = by_hash.get(seed.sha256)
        if known is None:
            by_hash[seed.sha256] = SourceSeed(
                seed.sha256, set(seed.paths), seed.title, seed.outlet, seed.published
            )
        else:
            known.paths |= seed.paths
    return sorted(by_hash.values(), key=lambda s: (s.published or "9999", min(s.paths)))


# --- facts -----------------------------------------------------------------------------


def facts_of(extraction: Extraction) -> list[Fact]:
    """Flatten an extraction into the facts the merge works on."""
    sha = extraction.source.sha256
    out: list[Fact] = []
    for v in extraction.visits:
        fields = v.model_dump(exclude={"evidence"})
        fields.pop("year_stated")
        fields["year_stated"] = v.year_stated
        out.append(
            Fact.model_construct(
                kind="visit", source_sha256=sha, fields=fields, evidence=v.evidence
            )
        )
    for o in extraction.officials:
        out.append(
            Fact.model_construct(
                kind="official",
                source_sha256=sha,
                fields={"name": o.name, "title": o.title, "country": o.country},
                evidence=o.evidence,
            )
        )
    for a in extraction.stated_aims:
        out.append(
            Fact.model_construct(
                kind="stated_aim",
                source_sha256=sha,
                fields={"text": a.aim, "by": a.stated_by},
                evidence=a.evidence,
            )
        )
    for h in extraction.hedged_claims:
        out.append(
            Fact.model_construct(
                kind="hedged_claim",
                source_sha256=sha,
                fields={"text": h.claim, "by": h.voiced_by, "cue": h.cue},
                evidence=h.evidence,
            )
        )
    return out


def _fact_order(fact: Fact) -> tuple[str, str, str, int]:
    first = fact.evidence[0].start if fact.evidence else -1
    return (fact.kind, fact.source_sha256, repr(sorted(fact.fields.items())), first)


def _text(fact: Fact, name: str) -> str | None:
    value = fact.fields.get(name)
    return value if isinstance(value, str) and value.strip() else None


# --- clustering helpers ------------------------------------------------------------------


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return sorted(out.values())


def _cluster(
    keys: Sequence[K],
    related: Callable[[K, K], bool],
    blocks: Callable[[K], Iterable[str]],
) -> list[list[int]]:
    """Union-find over ``keys``, testing only distinct keys that share a block token.

    Equal keys are joined without a test, so thousands of copies of one claim cost one key.
    """
    first: dict[K, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    uf = _UnionFind(len(keys))
    for i, key in enumerate(keys):
        uf.union(first[key], i)
    distinct = sorted(first.values())
    index: dict[str, list[int]] = defaultdict(list)
    for i in distinct:
        for token in set(blocks(keys[i])):
            index[token].append(i)
    for members in index.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if uf.find(i) != uf.find(j) and related(keys[i], keys[j]):
                    uf.union(i, j)
    return uf.groups()


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], len(v), v))


def _slug(prefix: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    words = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40]
    return f"{prefix}-{words}-{digest}"


@dataclass
class _Context:
    seeds: list[SourceSeed]
    number: dict[str, int] = field(init=False)
    outlet: dict[str, str] = field(init=False)
    citations: dict[tuple[int, int, int], Citation] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.number = {s.sha256: n for n, s in enumerate(self.seeds, 1)}
        self.outlet = {s.sha256: s.outlet_key for s in self.seeds}

    def cite(self, facts: Iterable[Fact]) -> list[Citation]:
        keys: set[tuple[int, int, int]] = set()
        for f in facts:
            n = self.number[f.source_sha256]
            for span in f.evidence:
                key = (n, span.start, span.end)
                keys.add(key)
                if key not in self.citations:  # one object per cited span, however often cited
                    self.citations[key] = Citation.model_construct(source=n, span=span)
        return [self.citations[k] for k in sorted(keys)]

    def sources(self, facts: Iterable[Fact]) -> list[int]:
        return sorted({self.number[f.source_sha256] for f in facts})

    def corroboration(self, facts: Iterable[Fact]) -> int:
        return len({self.outlet[f.source_sha256] for f in facts})


# --- officials ---------------------------------------------------------------------------


@dataclass
class _Person:
    id: str
    name: str
    variants: list[str]
    facts: list[Fact]


def _people(officials: list[Fact]) -> list[_Person]:
    names = sorted({n for f in officials if (n := _text(f, "name"))})
    parts = [name_parts(n) for n in names]
    groups = _cluster(parts, same_person, lambda p: p)
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
        by_cluster[cluster_of[_text(f, "name") or ""]].append(f)
    people = []
    for facts in by_cluster.values():
        counts = Counter(_text(f, "name") or "" for f in facts)
        name = min(counts, key=lambda v: (-counts[v], len(v.split()), v))
        people.append(_Person(_slug("p", name), name, sorted(counts), facts))
    return sorted(people, key=lambda p: p.name)


def _distinct_ignoring_case(values: Iterable[str]) -> list[str]:
    """One spelling per value that differs only in case, preferring capitals."""
    best: dict[str, str] = {}
    for v in values:
        key = v.casefold()
        best[key] = min(best.get(key, v), v)
    return sorted(best.values())


def _roster(people: list[_Person], ctx: _Context) -> list[RosterEntry]:
    out = []
    for p in people:
        titles = _distinct_ignoring_case(t for f in p.facts if (t := _text(f, "title")))
        countries = sorted(
            {c for f in p.facts if (c := country_display(country_key(_text(f, "country"))))}
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


# --- engagements -------------------------------------------------------------------------


def _interval(iso: str | None) -> tuple[date, date] | None:
    """The days an ISO date (or month, or year) covers; None when the year is unknown."""
    if not iso or iso.startswith("--"):
        return None
    try:
        if len(iso) == 10:
            d = date.fromisoformat(iso)
            return d, d
        if len(iso) == 7:
            first = date.fromisoformat(iso + "-01")
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if len(iso) == 4:
            return date(int(iso), 1, 1), date(int(iso), 12, 31)
    except ValueError:
        return None
    return None


def _near(a: tuple[date, date], b: tuple[date, date]) -> bool:
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= SAME_TRIP_DAYS


def _traveler_key(fact: Fact, people: list[_Person]) -> str:
    phrase = name_parts(_text(fact, "traveler") or "")
    for person in people:
        if any(contains_name(phrase, name_parts(v)) for v in person.variants):
            return person.id
    return " ".join(phrase)


def _traveler_name(key: str, facts: list[Fact], people: list[_Person]) -> str:
    for person in people:
        if person.id == key:
            return person.name
    return _most_common(_text(f, "traveler") or "" for f in facts) or key


def _month_day(iso: str | None) -> tuple[int, int] | None:
    """Month and day of a date whose year the source never stated (``--10-28``)."""
    if iso and iso.startswith("--") and len(iso) == 7:
        return int(iso[2:4]), int(iso[5:7])
    return None


def _fits(month_day: tuple[int, int], interval: tuple[date, date]) -> bool:
    """Whether a year-less date falls near a dated trip, in that trip's year."""
    try:
        guess = date(interval[0].year, *month_day)
    except ValueError:
        return False
    return _near((guess, guess), interval)


def _split_by_date(facts: list[Fact]) -> list[list[Fact]]:
    """Visits of one traveler to one country: one trip per cluster of nearby dates.

    A visit with a year-less date joins the dated trip its month and day fall near; one with
    no date at all joins the only trip there is, or else the only trip with a known year.
    Otherwise each stands as its own trip.
    """
    dated = [(f, iv) for f in facts if (iv := _interval(_text(f, "start_date"))) is not None]
    intervals = [iv for _, iv in dated]
    groups = _cluster(intervals, _near, lambda _iv: ["all"])
    trips = [[dated[i][0] for i in g] for g in groups]
    spans = [(min(intervals[i][0] for i in g), max(intervals[i][1] for i in g)) for g in groups]
    loose: list[Fact] = []
    yearless: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for f in facts:
        if _interval(_text(f, "start_date")) is not None:
            continue
        md = _month_day(_text(f, "start_date"))
        homes = [i for i, iv in enumerate(spans) if md is not None and _fits(md, iv)]
        if len(homes) == 1:
            trips[homes[0]].append(f)
        elif md is not None:
            yearless[md].append(f)
        else:
            loose.append(f)
    trips.extend(yearless[md] for md in sorted(yearless))
    if loose and len(trips) == 1:
        trips[0].extend(loose)
    elif loose and len(spans) == 1:
        trips[0].extend(loose)  # the one trip with a known year is the likeliest home
    elif loose:
        trips.append(loose)
    return trips


def _best_date(facts: list[Fact], name: str) -> str | None:
    values = [v for f in facts if (v := _text(f, name))]
    if not values:
        return None
    return min(values, key=lambda v: (v.startswith("--"), -len(v), v))


def _engagements(
    visits: list[Fact], people: list[_Person], ctx: _Context
) -> tuple[list[Engagement], list[list[Fact]]]:
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in visits:
        dest = country_key(_text(f, "destination_country")) or ""
        groups[(_traveler_key(f, people), dest)].append(f)
    trips = [(key, trip) for key in sorted(groups) for trip in _split_by_date(groups[key]) if trip]
    pairs: Counter[tuple[str, ...]] = Counter()
    for _key, trip in trips:
        for f in trip:
            pair = tuple(
                sorted(
                    c or "?"
                    for c in (
                        country_key(_text(f, "traveler_country")),
                        country_key(_text(f, "destination_country")),
                    )
                )
            )
            pairs[pair] += 1
    focus = min(pairs, key=lambda p: (-pairs[p], p)) if pairs else ()
    out: list[Engagement] = []
    for (traveler, dest), trip in trips:
        traveler_country = _most_common(
            k for f in trip if (k := country_key(_text(f, "traveler_country")))
        )
        year_known = any(f.fields.get("year_stated") is True for f in trip)
        start = _best_date(trip, "start_date")
        pair = tuple(sorted([traveler_country or "?", dest or "?"]))
        name = _traveler_name(traveler, trip, people)
        out.append(
            Engagement(
                id=_slug("e", f"{name} {dest} {start}"),
                role="engagement" if pair == focus else "context",
                traveler=name,
                traveler_country=country_display(traveler_country),
                destination_country=country_display(dest or None),
                destination_city=_most_common(_text(f, "destination_city") or "" for f in trip),
                start_date=start,
                end_date=_best_date(trip, "end_date"),
                year_known=year_known,
                date_note=None if year_known else "year not stated by the source",
                purposes=sorted({p for f in trip if (p := _text(f, "purpose"))}),
                sources=ctx.sources(trip),
                corroboration=ctx.corroboration(trip),
                citations=ctx.cite(trip),
            )
        )
    order = sorted(range(len(out)), key=lambda i: (out[i].start_date or "9999", out[i].id))
    return [out[i] for i in order], [trips[i][1] for i in order]


# --- aims and hedged claims --------------------------------------------------------------


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in name_parts(text) if w not in _STOPWORDS and len(w) > 2)


def _similar(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    def jaccard(x: frozenset[str], y: frozenset[str]) -> float:
        return len(x & y) / len(x | y) if x and y else 0.0

    return max(jaccard(a[0], b[0]), jaccard(a[1], b[1])) >= CLAIM_SIMILARITY


def _claim_groups(facts: list[Fact], kind: str, ctx: _Context) -> list[ClaimGroup]:
    keys = [
        (
            _content_words(_text(f, "text") or ""),
            _content_words(" ".join(s.text for s in f.evidence)),
        )
        for f in facts
    ]
    rarity = Counter(w for k in keys for part in k for w in part)

    def prefix_blocks(key: tuple[frozenset[str], frozenset[str]]) -> list[str]:
        # Prefix filtering: two sets with Jaccard >= t share one of each set's
        # |x| - ceil(t|x|) + 1 rarest words, so only those need to be indexed.
        out: list[str] = []
        for tag, words in enumerate(key):
            ordered = sorted(words, key=lambda w: (rarity[w], w))
            keep = len(ordered) - math.ceil(CLAIM_SIMILARITY * len(ordered)) + 1
            out.extend(f"{tag}:{w}" for w in ordered[:keep])
        return out

    groups = _cluster(keys, _similar, prefix_blocks)
    out = []
    for members in groups:
        group = [facts[i] for i in members]
        text = _most_common(_text(f, "text") or "" for f in group) or ""
        claim_members = sorted(
            (
                ClaimMember.model_construct(
                    text=_text(f, "text") or "",
                    by=_text(f, "by") or "",
                    cue=_text(f, "cue"),
                    source=ctx.number[f.source_sha256],
                    citation=ctx.cite([f])[0],
                )
                for f in group
            ),
            key=lambda m: (m.source, m.citation.span.start, m.text),
        )
        out.append(
            ClaimGroup(
                id=_slug("a" if kind == "stated_aim" else "h", text),
                kind="stated_aim" if kind == "stated_aim" else "hedged_claim",
                text=text,
                voiced_by=sorted({m.by for m in claim_members if m.by}),
                cues=sorted({m.cue for m in claim_members if m.cue}),
                sources=ctx.sources(group),
                corroboration=ctx.corroboration(group),
                members=claim_members,
            )
        )
    return sorted(out, key=lambda g: (-g.corroboration, g.sources, g.id))


# --- contradictions ----------------------------------------------------------------------


def _disagreement(
    subject: str, label: str, facts: list[Fact], value: Callable[[Fact], str | None], ctx: _Context
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
    v = _text(fact, "start_date")
    return v if v and len(v) == 10 and fact.fields.get("year_stated") is True else None


def _title_of(fact: Fact) -> str | None:
    """Titles compared without case: "Foreign Minister" and "foreign minister" agree."""
    title = _text(fact, "title")
    return " ".join(w[:1].upper() + w[1:] for w in title.split()) if title else None


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(name_parts(title or ""))


def _contradictions(
    engagements: list[Engagement], trips: list[list[Fact]], people: list[_Person], ctx: _Context
) -> list[Contradiction]:
    out: list[Contradiction] = []
    for engagement, trip in zip(engagements, trips, strict=True):
        subject = f"{engagement.traveler} to {engagement.destination_country or '?'}"
        for found in (
            _disagreement(subject, "start date", trip, _day, ctx),
            _disagreement(subject, "city", trip, lambda f: _text(f, "destination_city"), ctx),
        ):
            if found:
                out.append(found)
    for person in people:
        titles = sorted({t for f in person.facts if (t := _text(f, "title"))})
        words = [_title_words(t) for t in titles]
        clash = any(not (a <= b or b <= a) for i, a in enumerate(words) for b in words[i + 1 :])
        if clash:
            found = _disagreement(person.name, "title", person.facts, _title_of, ctx)
            if found:
                out.append(found)
    return out


# --- the brief ---------------------------------------------------------------------------


def build(seeds: Iterable[SourceSeed], facts: Iterable[Fact]) -> Brief:
    """The brief for a set of sources and facts; input order never matters."""
    ctx = _Context(_combine_seeds(seeds))
    known = set(ctx.number)
    ordered = sorted((f for f in facts if f.source_sha256 in known), key=_fact_order)
    unique = list({_fact_order(f): f for f in ordered}.values())
    by_kind: dict[str, list[Fact]] = defaultdict(list)
    for f in unique:
        by_kind[f.kind].append(f)

    people = _people(by_kind["official"])
    roster = _roster(people, ctx)
    engagements, trips = _engagements(by_kind["visit"], people, ctx)
    aims = _claim_groups(by_kind["stated_aim"], "stated_aim", ctx)
    speculation = _claim_groups(by_kind["hedged_claim"], "hedged_claim", ctx)

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
        if d and not d.startswith("--")
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
        contradictions=_contradictions(engagements, trips, people, ctx),
        single_source=single,
        facts=unique,
    )


def merge(extractions: Iterable[Extraction]) -> Brief:
    """Merge extractions into a brief."""
    items = list(extractions)
    return build((_seed_of(e) for e in items), (f for e in items for f in facts_of(e)))


def merge_into(brief: Brief, extraction: Extraction) -> Brief:
    """Add one more article to a brief (the narrative, if any, is not carried over)."""
    seeds = [*(_seed_of_ref(r) for r in brief.sources), _seed_of(extraction)]
    return build(seeds, [*brief.facts, *facts_of(extraction)])
