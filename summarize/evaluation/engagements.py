"""Score a merged brief: are the trips clustered into the right engagements, and are the
people in the roster merged across spellings but kept apart when they differ?"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from summarize.contract.brief import Brief
from summarize.contract.partial_date import PartialDate
from summarize.evaluation.citations import CitationScore, score_citations
from summarize.evaluation.gold import GoldBrief, GoldEngagement
from summarize.evaluation.lenient import Loose, read_leniently
from summarize.evaluation.metrics import Ratio
from summarize.evaluation.names import name_matches
from summarize.knowledge.places import country_key, region_of


class _SourceRef(Loose):
    n: int
    path: str
    also_at: list[str] = Field(default_factory=list)


class _Engagement(Loose):
    kind: str | None = None
    traveler: str | None = None
    met: list[str] = Field(default_factory=list)
    destination_country: str | None = None
    destination_city: str | None = None
    start_date: str | None = None
    role: str | None = None
    sources: list[int] = Field(default_factory=list)


class _Person(Loose):
    name: str | None = None
    variants: list[str] = Field(default_factory=list)


class _Brief(Loose):
    sources: list[_SourceRef] = Field(default_factory=list)
    engagements: list[_Engagement] = Field(default_factory=list)
    officials: list[_Person] = Field(default_factory=list)


@dataclass
class BriefScore:
    clustered: Ratio = field(default_factory=Ratio)
    roles: Ratio = field(default_factory=Ratio)
    unexpected: int = 0
    roster: Ratio = field(default_factory=Ratio)
    apart: Ratio = field(default_factory=Ratio)
    contract_valid: bool = False
    notes: list[str] = field(default_factory=list)
    citations: CitationScore = field(default_factory=CitationScore)
    central: Ratio = field(default_factory=Ratio)
    context: Ratio = field(default_factory=Ratio)
    title_contradictions: int = 0
    story: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "clustered": self.clustered.as_dict(),
            "roles": self.roles.as_dict(),
            "unexpected_engagements": self.unexpected,
            "roster": self.roster.as_dict(),
            "kept_apart": self.apart.as_dict(),
            "contract_valid": self.contract_valid,
            "narrative": self.citations.as_dict(),
            "central_on_timeline": self.central.as_dict(),
            "context_trips": self.context.as_dict(),
            "title_contradictions": self.title_contradictions,
            "story": self.story,
            "notes": list(self.notes),
        }


def _years_agree(predicted: str | None, gold: str | None) -> bool:
    """Only a contradiction in stated years separates two trips of one traveler to one place."""
    a, b = PartialDate.parse(predicted), PartialDate.parse(gold)
    return a is None or b is None or a.year is None or b.year is None or a.year == b.year


def _same_trip(e: _Engagement, gold: GoldEngagement) -> bool:
    """Same traveler (a meeting may be told from either side, as in the article scorer), same
    country, years that do not contradict, and no other region of it where the gold names a
    place (a trip to Wales is not one to Glasgow, Scotland)."""
    sides = [e.traveler, *e.met] if e.kind == "meeting" else [e.traveler]
    regions = {region_of(e.destination_city), region_of(gold.destination_city)}
    return (
        any(name_matches(side, gold.travelers) for side in sides)
        and country_key(e.destination_country) == country_key(gold.destination_country)
        and _years_agree(e.start_date, gold.date)
        and (None in regions or len(regions) == 1)
    )


def _stems(brief: _Brief) -> dict[int, set[str]]:
    return {s.n: {Path(p).stem for p in (s.path, *s.also_at)} for s in brief.sources}


def _score_engagements(brief: _Brief, gold: GoldBrief, score: BriefScore) -> None:
    stems = _stems(brief)
    matched_any: set[int] = set()
    for g in gold.engagements:
        hits = [i for i, e in enumerate(brief.engagements) if _same_trip(e, g)]
        matched_any.update(hits)
        if g.optional:
            continue
        score.clustered.total += 1
        score.roles.total += 1
        if len(hits) != 1:
            continue
        found = brief.engagements[hits[0]]
        got = set().union(*(stems.get(n, {f"#{n}"}) for n in found.sources))
        required, allowed = set(g.sources), set(g.sources) | set(g.optional_sources)
        score.clustered.hit += int(required <= got <= allowed)
        score.roles.hit += int(found.role == g.role)
    score.unexpected = len(brief.engagements) - len(matched_any)


def _score_roster(brief: _Brief, gold: GoldBrief, score: BriefScore) -> None:
    def holds(entry: _Person, names: list[str]) -> bool:
        return any(name_matches(v, names) for v in (entry.name, *entry.variants) if v)

    # Over the people the brief names: one the extractions missed is an officials-recall
    # miss, scored per article, not a merging fault.
    for person in gold.people:
        entries = [e for e in brief.officials if holds(e, person.names)]
        if not entries:
            continue
        others = [p for p in gold.people if p is not person]
        ok = len(entries) == 1 and not any(holds(entries[0], o.names) for o in others)
        score.roster += Ratio(int(ok), 1)
    by_name = {p.name: p for p in gold.people}
    for a, b in gold.apart:
        pa, pb = by_name.get(a), by_name.get(b)
        names_a = pa.names if pa else [a]
        names_b = pb.names if pb else [b]
        merged = any(holds(e, names_a) and holds(e, names_b) for e in brief.officials)
        score.apart += Ratio(int(not merged), 1)


def _score_story(brief: _Brief, gold: GoldBrief, score: BriefScore) -> None:
    """The story's central meeting on the timeline, its context trips under Context."""
    central = gold.central
    if central is not None and central.participants and central.kind in ("trip", "meeting"):
        on_timeline = any(
            e.role == "engagement"
            and any(name_matches(n, central.participants) for n in (e.traveler, *e.met) if n)
            and (
                central.destination_country is None
                or country_key(e.destination_country) == country_key(central.destination_country)
            )
            and _years_agree(e.start_date, central.date)
            for e in brief.engagements
        )
        score.central += Ratio(int(on_timeline), 1)
    for g in gold.engagements:
        if g.role == "context" and not g.optional:
            listed = any(_same_trip(e, g) and e.role == "context" for e in brief.engagements)
            score.context += Ratio(int(listed), 1)


def score_brief(path: Path, gold: GoldBrief) -> BriefScore:
    """Clustering, roster, the story's central meeting and context, and how the narrative's
    sentences rest on their citations, for one ``brief.json``."""
    score = BriefScore(story=gold.story)
    brief, score.contract_valid = read_leniently(path, Brief, _Brief, "brief", score.notes)
    _score_engagements(brief, gold, score)
    _score_roster(brief, gold, score)
    _score_story(brief, gold, score)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raw = {}
    score.citations = score_citations(raw if isinstance(raw, dict) else {})
    score.title_contradictions = (
        sum(
            1
            for c in (raw.get("contradictions") or [])
            if isinstance(c, dict) and c.get("field") == "title"
        )
        if isinstance(raw, dict)
        else 0
    )
    return score
