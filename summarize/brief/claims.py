"""Stated aims and hedged claims: near-identical wordings grouped by word overlap."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from summarize.brief.clustering import cluster, most_common, slug
from summarize.brief.facts import text_of
from summarize.brief.sources import Context
from summarize.contract.brief import ClaimGroup, ClaimMember, Fact
from summarize.knowledge.person_names import name_parts

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


def _similar(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    def jaccard(x: frozenset[str], y: frozenset[str]) -> float:
        return len(x & y) / len(x | y) if x and y else 0.0

    return max(jaccard(a[0], b[0]), jaccard(a[1], b[1])) >= CLAIM_SIMILARITY


def claim_groups_of(facts: list[Fact], kind: str, ctx: Context) -> list[ClaimGroup]:
    keys = [
        (
            _content_words(text_of(f, "text") or ""),
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
                voiced_by=sorted({m.by for m in claim_members if m.by}),
                cues=sorted({m.cue for m in claim_members if m.cue}),
                sources=ctx.sources(group),
                corroboration=ctx.corroboration(group),
                members=claim_members,
            )
        )
    return sorted(out, key=lambda g: (-g.corroboration, g.sources, g.id))
