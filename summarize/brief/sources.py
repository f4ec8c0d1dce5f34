"""The distinct article texts behind a brief, and how they are numbered, cited and counted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarize.contract.brief import Citation, Fact, SourceRef
from summarize.contract.extraction import Extraction, Span

_ABBREVIATION = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_MINOR_WORDS = frozenset({"of", "the", "and", "for"})


def _outlet_words(outlet: str) -> str:
    """ "The Associated Press" → "associated press": case, spaces and a leading "the" aside."""
    return " ".join(outlet.casefold().split()).removeprefix("the ")


def _initials(outlet: str) -> str:
    words = [w for w in re.split(r"[\s-]+", outlet) if w and w.casefold() not in _MINOR_WORDS]
    return "".join(w[0] for w in words if w[0].isupper()).upper()


@dataclass
class SourceSeed:
    """What the merge knows of one distinct article text."""

    sha256: str
    paths: set[str]
    title: str | None
    outlet: str | None
    published: str | None
    furniture: list[Span] = field(default_factory=list)

    @property
    def outlet_key(self) -> str:
        """The outlet as the article names itself, else the text's own hash."""
        if self.outlet:
            return _outlet_words(self.outlet)
        return f"sha256:{self.sha256[:16]}"


def outlet_keys(seeds: Iterable[SourceSeed]) -> dict[str, str]:
    """Each seed's outlet identity; "AP" is "The Associated Press" when another seed says so.

    The articles' own metadata names the outlets; an abbreviation joins the one outlet whose
    initials it is, among the outlets these articles name (no list of outlets of ours).
    """
    seeds = list(seeds)
    full = {
        _initials(s.outlet): s.outlet_key for s in seeds if s.outlet and " " in s.outlet.strip()
    }
    out: dict[str, str] = {}
    for seed in seeds:
        key = seed.outlet_key
        if seed.outlet and _ABBREVIATION.match(seed.outlet.strip()):
            key = full.get(seed.outlet.strip(), key)
        out[seed.sha256] = key
    return out


def seed_of(extraction: Extraction) -> SourceSeed:
    s = extraction.source
    return SourceSeed(
        s.sha256, {s.path, *s.also_at}, s.title, s.outlet, s.published, list(s.furniture)
    )


def seed_of_ref(ref: SourceRef) -> SourceSeed:
    return SourceSeed(
        ref.sha256,
        {ref.path, *ref.also_at},
        ref.title,
        ref.outlet,
        ref.published,
        list(ref.furniture),
    )


def combine_seeds(seeds: Iterable[SourceSeed]) -> list[SourceSeed]:
    """One seed per distinct text; numbered by publication date, then path."""
    by_hash: dict[str, SourceSeed] = {}
    for seed in seeds:
        known = by_hash.get(seed.sha256)
        if known is None:
            by_hash[seed.sha256] = SourceSeed(
                seed.sha256,
                set(seed.paths),
                seed.title,
                seed.outlet,
                seed.published,
                list(seed.furniture),
            )
        else:
            known.paths |= seed.paths
    return sorted(by_hash.values(), key=lambda s: (s.published or "9999", min(s.paths)))


@dataclass
class Context:
    seeds: list[SourceSeed]
    number: dict[str, int] = field(init=False)
    outlet: dict[str, str] = field(init=False)
    citations: dict[tuple[int, int, int], Citation] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.number = {s.sha256: n for n, s in enumerate(self.seeds, 1)}
        self.outlet = outlet_keys(self.seeds)

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

    def published_day(self, fact: Fact) -> str | None:
        """The publication day of the report a fact comes from, where the page gives one."""
        seed = self.seeds[self.number[fact.source_sha256] - 1]
        return seed.published[:10] if seed.published else None

    def last_published(self, facts: Iterable[Fact]) -> str | None:
        """The latest publication day of the reports the facts come from, where all give one."""
        shas = {f.source_sha256 for f in facts}
        days = [s.published[:10] if s.published else "" for s in self.seeds if s.sha256 in shas]
        return max(days) if days and all(days) else None

    def titles(self, facts: Iterable[Fact]) -> list[str]:
        """The headlines of the reports the facts come from, where the pages give one."""
        shas = {f.source_sha256 for f in facts}
        return [s.title for s in self.seeds if s.sha256 in shas and s.title]
