"""Stated aims and hedged claims, grouped by claim: by wording, or by what they are about.

Two wordings are one claim when most of their words agree, or when they speak of the same
people and countries (a title standing for the person who holds it, a city for its country)
and the same kind of event (``prompts/claim_frames.txt``): "Chile will visit Vietnam"
and "the foreign minister is expected to arrive in Hanoi".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from summarize.brief.clustering import cluster, most_common, slug
from summarize.brief.facts import text_of
from summarize.brief.people import Person
from summarize.brief.sources import Context
from summarize.contract.brief import ClaimGroup, ClaimMember, Fact
from summarize.knowledge.person_names import contains_name, name_parts
from summarize.knowledge.places import city_country, countries_mentioned, country_key
from summarize.llm.prompts import entry_pattern, word_list

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


def _same_wording(a: Key, b: Key) -> bool:
    """Most words of the claim, or of its evidence, agree."""
    return max(_jaccard(a[0], b[0]), _jaccard(a[1], b[1])) >= CLAIM_SIMILARITY


def _same_frame(a: Key, b: Key) -> bool:
    """The same kinds of event (not one shared among several: "talks" in a claim about a trip
    and in one about a pact) between the same parties, one of them a journey or a meeting:
    two claims on trade between the same two countries ("Japan applies no tariffs to US
    cars", "Abe wants to mitigate Trump's criticism of unfair trade") are two claims."""
    return (
        bool((a[2] | b[2]) & _EVENT_FRAMES)
        and _jaccard(a[2], b[2]) >= CLAIM_SIMILARITY
        and _jaccard(a[3], b[3]) >= CLAIM_SIMILARITY
    )


# The frames that tell an event, not a field of policy ("alliance", "economy", "military").
_EVENT_FRAMES = frozenset({"travel", "meet"})


def _join_by_frame(
    groups: list[list[int]], keys: Sequence[Key], sources: Sequence[str]
) -> list[list[int]]:
    """Join groups whose every pair of members is the same claim (complete linkage).

    A frame is weaker evidence than wording: a story's claims are all about the same few
    countries, so one pair in common would chain a trip, a pact and a meeting into one claim.
    It joins the wordings of different outlets only: two sentences of one report that share
    no wording are two things it says ("the strike hit a building", "both countries are
    investigating"), not one claim told twice. Groups are tried in their canonical order, so
    the input order still never matters.
    """
    groups = [list(g) for g in groups]
    # Per group, its distinct keys and sources (copies of one claim are tested once) and its
    # frames; kept beside ``groups`` and updated on each join rather than rebuilt every pair.
    distinct = [list(dict.fromkeys((keys[i], sources[i]) for i in g)) for g in groups]
    frames = [frozenset().union(*(keys[i][2] for i in g)) for g in groups]

    def same(a: tuple[Key, str], b: tuple[Key, str]) -> bool:
        return _same_wording(a[0], b[0]) or (_same_frame(a[0], b[0]) and a[1] != b[1])

    merged = True
    while merged:
        merged = False
        by_frame: dict[str, list[int]] = defaultdict(list)
        for g, group_frames in enumerate(frames):
            for frame in group_frames:
                by_frame[frame].append(g)
        candidates = sorted({(x, y) for gs in by_frame.values() for x in gs for y in gs if x < y})
        for x, y in candidates:
            if all(same(a, b) for a in distinct[x] for b in distinct[y]):
                groups[x] = sorted(groups[x] + groups[y])
                distinct[x] = list(dict.fromkeys([*distinct[x], *distinct[y]]))
                frames[x] = frames[x] | frames[y]
                del groups[y], distinct[y], frames[y]
                merged = True
                break
    return sorted(groups)


@cache
def _frames() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for entry in word_list("claim_frames"):
        frame, _, word = entry.partition(":")
        words = entry_pattern(word.strip())
        out.append((re.compile(rf"\b{words}\b", re.IGNORECASE), frame.strip()))
    return tuple(out)


def frames_of(text: str) -> frozenset[str]:
    return frozenset(frame for pattern, frame in _frames() if pattern.search(text))


@dataclass(frozen=True)
class Parties:
    """What names a party, built once per brief: each person's name parts, the titles only
    one person holds (with that person's countries), and the words that are people's names."""

    names: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    titles: tuple[tuple[frozenset[str], str, frozenset[str]], ...]
    person_words: frozenset[str]

    @classmethod
    def of(cls, people: list[Person]) -> Parties:
        names = tuple((p.id, tuple(name_parts(v) for v in p.variants)) for p in people)
        holders: dict[str, set[str]] = defaultdict(set)
        for person in people:
            for f in person.facts:
                if title := text_of(f, "title"):
                    holders[" ".join(name_parts(title))].add(person.id)
        by_id = {p.id: p for p in people}
        titles = []
        for title, ids in sorted(holders.items()):
            if not title or len(ids) != 1:
                continue  # a title two people hold names neither
            (holder,) = ids
            countries = (country_key(text_of(f, "country")) for f in by_id[holder].facts)
            titles.append((frozenset(title.split()), holder, frozenset(k for k in countries if k)))
        words = frozenset(w for _, variants in names for parts in variants for w in parts)
        return cls(names, tuple(titles), words)


def parties_of(text: str, parties: Parties) -> frozenset[str]:
    """The people (by name, surname or title) and countries (by name, demonym or city)."""
    found = {c.key for c in countries_mentioned(text)}
    # A city stands for its country, but not a word that opens a sentence ("She") or names a
    # person ("Kim", "Vladimir"): towns of those names exist.
    text = text.strip()
    for match in re.finditer(r"\b[A-Z][a-z]{2,}", text):
        word, before = match.group(0), text[: match.start()].rstrip()
        opens_sentence = not before or before[-1] in ".!?"
        if opens_sentence or word.casefold() in parties.person_words:
            continue
        if (country := city_country(word)) is not None:
            found.add(country)
    parts = name_parts(text)
    words = set(parts)
    for person_id, variants in parties.names:
        if any(contains_name(parts, v) for v in variants):
            found.add(person_id)
    for title_words, person_id, countries in parties.titles:
        if title_words <= words:
            found.add(person_id)
            found |= countries
    return frozenset(found)


def _canonical(voice: str, people: list[Person] | None) -> list[str]:
    """A voice as the roster names it ("Aleksandr Varenko" → "Alexander Varenko");
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
    parties = Parties.of(people or [])
    about = lru_cache(maxsize=None)(lambda text: parties_of(text, parties))
    keys: list[Key] = [
        (
            _content_words(text_of(f, "text") or ""),
            _content_words(" ".join(s.text for s in f.evidence)),
            frames_of(text_of(f, "text") or ""),
            about(text_of(f, "text") or ""),
        )
        for f in facts
    ]
    rarity = Counter(w for k in keys for part in k for w in part)

    def prefix_blocks(key: Key) -> list[str]:
        # Prefix filtering: two sets with Jaccard >= t share one of each set's
        # |x| - ceil(t|x|) + 1 rarest words, so only those need to be indexed.
        out: list[str] = []
        for tag, words in enumerate(key[:2]):
            ordered = sorted(words, key=lambda w: (rarity[w], w))
            keep = len(ordered) - math.ceil(CLAIM_SIMILARITY * len(ordered)) + 1
            out.extend(f"{tag}:{w}" for w in ordered[:keep])
        return out

    sources = [f.source_sha256 for f in facts]
    groups = _join_by_frame(cluster(keys, _same_wording, prefix_blocks), keys, sources)
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
