"""The brief contract: many extractions merged into one memo's worth of data.

Every statement keeps the evidence it came from as citations (source number + exact span),
so a line of the memo can be traced to the sentence of the article that supports it. The
brief also keeps every merged fact, which is what makes merging one more article into an
existing brief give the same result as merging everything at once.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from summarize.contract.extraction import Span

BRIEF_SCHEMA_VERSION = "2"


class SourceRef(BaseModel):
    """One article in the numbered source list; ``n`` is what ``[n]`` cites."""

    n: int = Field(ge=1)
    path: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    outlet_key: str = Field(
        description="Identity used to count independent sources: the outlet when stated "
        "(a republished wire story counts once), else the article's own hash."
    )
    also_at: list[str] = Field(
        default_factory=list, description="Other paths holding the identical text."
    )
    furniture: list[Span] = Field(
        default_factory=list,
        description="The page furniture the extraction set aside (a scrape's navigation, "
        "timestamps, 'Read more' lines): shown dimmed beside the memo, never cited.",
    )


class Citation(BaseModel):
    source: int = Field(ge=1)
    span: Span


class Fact(BaseModel):
    """One extracted item as the merge sees it: kind, fields, and where it was said."""

    kind: Literal["visit", "official", "stated_aim", "hedged_claim"]
    source_sha256: str
    fields: dict[str, str | bool | None]
    evidence: list[Span]


class Engagement(BaseModel):
    """Trips and meetings from one or more sources that describe the same event."""

    id: str
    role: Literal["engagement", "context"]
    kind: Literal["trip", "meeting"] = "trip"
    status: Literal["past", "ongoing", "planned"] | None = None
    traveler: str
    traveler_country: str | None = None
    met: list[str] = Field(default_factory=list, description="The other people it involved.")
    destination_country: str | None = None
    destination_city: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    year_known: bool = False
    date_note: str | None = None
    purposes: list[str] = Field(default_factory=list)
    sources: list[int]
    corroboration: int
    citations: list[Citation]


class RosterEntry(BaseModel):
    """One person across spelling and transliteration variants."""

    id: str
    name: str
    variants: list[str]
    titles: list[str]
    countries: list[str]
    sources: list[int]
    corroboration: int
    citations: list[Citation]


class ClaimMember(BaseModel):
    text: str
    by: str
    cue: str | None = None
    source: int
    citation: Citation


class ClaimGroup(BaseModel):
    """Near-duplicate aims or hedged claims from one or more sources."""

    id: str
    kind: Literal["stated_aim", "hedged_claim"]
    text: str
    voiced_by: list[str]
    cues: list[str] = Field(default_factory=list)
    sources: list[int]
    corroboration: int
    members: list[ClaimMember]


class ContradictionValue(BaseModel):
    value: str
    sources: list[int]
    citations: list[Citation]


class Contradiction(BaseModel):
    """Sources that disagree about one field of one engagement or person."""

    subject: str
    field: str
    values: list[ContradictionValue] = Field(min_length=2)


class SingleSource(BaseModel):
    kind: Literal["engagement", "official", "stated_aim", "hedged_claim"]
    ref: str
    label: str
    source: int


class Statement(BaseModel):
    """One sentence of the memo's prose, the facts it rests on, and their evidence."""

    text: str
    rests_on: list[str] = Field(
        default_factory=list, description="Ids of the engagements and claim groups it states."
    )
    sources: list[int] = Field(min_length=1)
    citations: list[Citation] = Field(
        default_factory=list, description="The spans that support the sentence."
    )
    worded_by: Literal["rule", "model"] = Field(
        default="rule",
        description="rule: built from the facts as is; model: reworded by the model, then "
        "checked against the same facts.",
    )


class Narrative(BaseModel):
    """The bottom line and key judgments: sentences built from the merged facts, checked."""

    bottom_line: list[Statement] = Field(default_factory=list)
    key_judgments: list[Statement] = Field(default_factory=list)


class DateRange(BaseModel):
    """From the earliest to the latest dated item (engagements, publication dates)."""

    start: str | None = None
    end: str | None = None
    year_unknown: int = Field(
        default=0, description="Engagements dated by day or month whose year no source states."
    )


class Brief(BaseModel):
    schema_version: str = BRIEF_SCHEMA_VERSION
    title: str
    date_range: DateRange
    sources: list[SourceRef]
    engagements: list[Engagement]
    officials: list[RosterEntry]
    stated_aims: list[ClaimGroup]
    speculation: list[ClaimGroup]
    contradictions: list[Contradiction]
    single_source: list[SingleSource]
    narrative: Narrative | None = None
    facts: list[Fact] = Field(
        default_factory=list, description="Every merged item, so a brief can take more."
    )
