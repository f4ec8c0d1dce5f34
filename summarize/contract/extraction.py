"""The extraction contract: what one article becomes.

These pydantic models are the interface between stages and the published JSON Schema
(`schemas/extraction.schema.json`). Every extracted item carries evidence spans that slice
the article text exactly, so any field can be traced to the sentence it came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2"

# Who may voice a claim besides the people the article names: the closed list that
# ``voiced_by`` and ``stated_by`` take their generic values from.
THE_OUTLET = "the outlet"
UNNAMED_OFFICIALS = "unnamed officials"
UNNAMED_EXPERTS = "unnamed experts or analysts"
UNNAMED_SOURCES = "unnamed sources"
GENERIC_VOICES = (THE_OUTLET, UNNAMED_OFFICIALS, UNNAMED_EXPERTS, UNNAMED_SOURCES)
VisitStatus = Literal["past", "ongoing", "planned"]


class Span(BaseModel):
    """A verbatim slice of the article: ``article_text[start:end] == text``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    alignment: Literal["exact", "fuzzy"] = Field(
        default="exact",
        description="exact: the model's quote was found verbatim (up to quotes, dashes, case "
        "and whitespace); fuzzy: the quote was reworded and this is the article sentence it "
        "reproduces most closely. The text is the article's own either way.",
    )


class Official(BaseModel):
    """A government official or political leader named in the article body."""

    name: str
    title: str | None = None
    country: str | None = None
    evidence: list[Span] = Field(min_length=1)


class Visit(BaseModel):
    """Who went where (a trip) or met whom where (a meeting), and when.

    Dates are ISO 8601 where the text supports them: ``2024-07-23``, ``2025-05``, or
    ``--10-28`` when the article never states the year (``year_stated`` is then false).
    """

    kind: Literal["trip", "meeting"] = Field(
        default="trip",
        description="trip: the traveler went to the destination; meeting: talks or a meeting "
        "at the destination with no trip reported (a summit at home counts).",
    )
    status: VisitStatus | None = Field(
        default=None, description="As the article tells it: done, under way, or to come."
    )
    traveler: str
    traveler_country: str | None = None
    destination_country: str | None = None
    destination_city: str | None = None
    date_text: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    year_stated: bool = False
    purpose: str | None = None
    met: list[str] = Field(default_factory=list, description="Whom the traveler met, by name.")
    evidence: list[Span] = Field(min_length=1)


class StatedAim(BaseModel):
    """An aim stated by a government, ministry or named official (not an outside prediction)."""

    aim: str
    stated_by: str
    evidence: list[Span] = Field(min_length=1)


class HedgedClaim(BaseModel):
    """Speculation: a claim carried by a hedge cue, with who voiced it."""

    claim: str
    cue: str
    voiced_by: str = Field(
        description="A person the article names, or one of: the outlet, unnamed officials, "
        "unnamed experts or analysts, unnamed sources."
    )
    evidence: list[Span] = Field(min_length=1)


DroppedKind = Literal["visit", "official", "stated_aim", "hedged_claim"]


class Dropped(BaseModel):
    """A proposed item not passed on: ungrounded, or an event folded into another one."""

    kind: DroppedKind
    item: dict[str, object]
    reason: str


class Usage(BaseModel):
    """Tokens and calls spent on one article, retries and reasks included.

    ``model_calls`` counts requests that reached the provider; ``cache_hits`` counts
    requests answered from the on-disk cache. Token counts cover both, so a warm rerun
    reports what the extraction cost when it was computed.
    """

    prompt_tokens: int = 0
    completion_tokens: int = 0
    model_calls: int = 0
    cache_hits: int = 0
    transient_retries: int = 0


class Source(BaseModel):
    """Where the article came from; metadata is null unless the article states it."""

    path: str
    sha256: str
    chars: int
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    dateline: str | None = None
    furniture: list[Span] = Field(
        default_factory=list,
        description="Page furniture (navigation, sidebars, repeated headlines) and sentences "
        "addressed to the model removed before the model saw the text; offsets into the "
        "article.",
    )
    text_basis: Literal["file", "html-body"] = Field(
        default="file",
        description="What every offset points into: the file's text, or for an HTML page "
        "the article body extracted from it (given in ``text``).",
    )
    text: str | None = Field(
        default=None, description="The extracted text offsets point into, when not the file's."
    )
    also_at: list[str] = Field(
        default_factory=list,
        description="Other input files with the identical text; extracted once, reported here.",
    )


class ModelInfo(BaseModel):
    """Which provider and model produced the extraction."""

    provider: str
    model: str
    model_sha256: str | None = None
    judged: bool = Field(
        default=True,
        description="Whether the model judged which cue sentences state aims and which "
        "speculate; false: every cue sentence stands, its stater or voice read from the "
        "sentence (the embedded model, whose verdicts added nothing).",
    )


class Extraction(BaseModel):
    """One article's structured, source-grounded extraction."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    model: ModelInfo
    visits: list[Visit] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    stated_aims: list[StatedAim] = Field(default_factory=list)
    hedged_claims: list[HedgedClaim] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    input_notes: list[str] = Field(
        default_factory=list,
        description="What was guessed or removed before the model saw the text: the encoding, "
        "the body of an HTML page, the language, sentences addressed to the model, chunking.",
    )
    warnings: list[str] = Field(
        default_factory=list, description="Passes that failed or were retried, and why."
    )
    usage: Usage = Field(default_factory=Usage)
