"""Stated aims and hedged claims, grouped by claim: by wording, or by what they are about.

Two wordings are one claim when most of their words agree, or when they speak of the same
people and countries (a title standing for the person who holds it, a city for its country)
and the same kind of event (``prompts/claim_frames.txt``): "Belarus will visit North Korea"
and "the foreign minister is expected to arrive in Pyongyang".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache, lru_cache

from summarize.brief.clustering import cluster, most_common, slug
from summarize.brief.facts import text_of
from summarize.brief.people import Person
from summarize.brief.sources import Context
from summarize.contract.brief import ClaimGroup, ClaimMember, Fact
from summarize.knowledge.person_names import contains_name, name_parts
from summarize.knowledge.places import city_country, countries_mentioned, country_key
from summarize.llm.prompts import word_list

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


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in name_parts(text) if w not in _STOPWORDS and len(w) > 2)


Key = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _similar(a: Key, b: Key) -> bool:
    """Same wording (claim or evidence), or the same frame about the same parties."""
    if max(_jaccard(a[0], b[0]), _jaccard(a[1], b[1])) >= CLAIM_SIMILARITY:
        return True
    return bool(a[2] & b[2]) and _jaccard(a[3], b[3]) >= CLAIM_SIMILARITY


@cache
def _frames() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for entry in word_list("claim_frames"):
        frame, _, word = entry.partition(":")
        stem = re.escape(word.strip().rstrip("*"))
        suffix = r"\w*" if word.strip().endswith("*") else ""
        out.append((re.compile(rf"\b{stem}{suffix}\b", re.IGNORECASE), frame.strip()))
    return tuple(out)


def frames_of(text: str) -> frozenset[str]:
    return frozenset(frame for pattern, frame in _frames() if pattern.search(text))


def parties_of(text: str, people: list[Person]) -> frozenset[str]:
    """The people (by name, surname or title) and countries (by name, demonym or city)."""
    found = {c.key for c in countries_mentioned(text)}
    for word in re.findall(r"[A-Z][a-z]{2,}", text):
        if (country := city_country(word)) is not None:
            found.add(country)
    words = set(name_parts(text))
    for person in people:
        if any(contains_name(name_parts(text), name_parts(v)) for v in person.variants):
            found.add(person.id)
    by_title: dict[str, list[Person]] = {}
    for person in people:
        for f in person.facts:
            title = text_of(f, "title")
            if title:
                by_title.setdefault(" ".join(name_parts(title)), []).append(person)
    for title, holders in by_title.items():
        if len({p.id for p in holders}) == 1 and title and set(title.split()) <= words:
            found.add(holders[0].id)
            found |= {k for f in holders[0].facts if (k := country_key(text_of(f, "country")))}
    return frozenset(found)


def _canonical(voice: str, people: list[Person] | None) -> list[str]:
    """A voice as the roster names it ("Aleksandr Lukashenko" → "Alexander Lukashenko");
    "A and B" is two voices."""
    out = []
    for part in re.split(r"\s+and\s+(?=[A-Z])", voice) if voice else []:
        parts = name_parts(part)
        person = next(
            (p for p in people or [] if any(name_parts(v) == parts for v in p.variants)), None
        )
        out.append(person.name if person is not None else part.strip())
    return [v for v in out if v]


def claim_groups_of(
    facts: list[Fact], kind: str, ctx: Context, people: list[Person] | None = None
) -> list[ClaimGroup]:
    keys: list[Key] = [
        (
            _content_words(text_of(f, "text") or ""),
            _content_words(" ".join(s.text for s in f.evidence)),
            frames_of(text_of(f, "text") or ""),
            parties_of(text_of(f, "text") or "", people or []),
        )
        for f in facts
    ]
    rarity = Counter(w for k in keys for part in k for w in part)

    def prefix_blocks(key: Key) -> list[str]:
        # Prefix filtering: two sets with Jaccard >= t share one of each set's
        # |x| - ceil(t|x|) + 1 rarest words, so only those need to be indexed.
        out: list[str] = [f"f:{frame}" for frame in key[2]]
        for tag, words in enumerate(key[:2]):
            ordered = sorted(words, key=lambda w: (rarity[w], w))
            keep = len(ordered) - math.ceil(CLAIM_SIMILARITY * len(ordered)) + 1
            out.extend(f"{tag}:{w}" for w in ordered[:keep])
        return out

    groups = cluster(keys, _similar, prefix_blocks)
    out = []
    for members in groups:
        group = [facts[i] for i in members]
        text = most_common(text_of(f, "text") or "" for f in group) or ""
        claim_members = sorted(
            (
                ClaimMember.model_construct(
                    text=text_of(f, "text") or "",
                    by=text_of(f, "by") or "",
                    cue=text_of(f, "cue"),
                    source=ctx.number[f.source_sha256],
                    citation=ctx.cite([f])[0],
                )
                for f in group
            ),
            key=lambda m: (m.source, m.citation.span.start, m.text),
        )
        out.append(
            ClaimGroup(
                id=slug("a" if kind == "stated_aim" else "h", text),
                kind="stated_aim" if kind == "stated_aim" else "hedged_claim",
                text=text,
                voiced_by=sorted({v for m in claim_members for v in _canonical(m.by, people)}),
                cues=sorted({m.cue for m in claim_members if m.cue}),
                sources=ctx.sources(group),
                corroboration=ctx.corroboration(group),
                members=claim_members,
            )
        )
    return sorted(out, key=lambda g: (-g.corroboration, g.sources, g.id))
