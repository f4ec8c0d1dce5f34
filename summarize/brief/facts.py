"""Extractions flattened into the facts the merge works on, and their canonical order."""

from __future__ import annotations

from summarize.contract.brief import Fact
from summarize.contract.extraction import Extraction


def facts_of(extraction: Extraction) -> list[Fact]:
    """Flatten an extraction into the facts the merge works on."""
    sha = extraction.source.sha256
    out: list[Fact] = []
    for v in extraction.visits:
        fields = v.model_dump(exclude={"evidence", "met"})
        fields.pop("year_stated")
        fields["year_stated"] = v.year_stated
        fields["met"] = "; ".join(v.met) or None
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


def fact_order(fact: Fact) -> tuple[str, str, str, int]:
    first = fact.evidence[0].start if fact.evidence else -1
    return (fact.kind, fact.source_sha256, repr(sorted(fact.fields.items())), first)


def text_of(fact: Fact, name: str) -> str | None:
    value = fact.fields.get(name)
    return value if isinstance(value, str) and value.strip() else None
