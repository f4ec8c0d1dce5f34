"""Gold answers as typed data, so a typo in a gold file fails loudly instead of scoring zero."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator

BRIEF_GOLD = "brief.json"


class _Gold(BaseModel):
    # Unknown keys are typos in hand-written files: reject them.
    model_config = ConfigDict(extra="forbid", frozen=True)

    optional: bool = Field(
        default=False,
        description="Borderline: matching it is not a false positive, missing it is no miss.",
    )
    note: str | None = None


class GoldOfficial(_Gold):
    name: str
    variants: list[str] = Field(default_factory=list)
    title: str | None = None
    title_variants: list[str] = Field(default_factory=list)
    country: str | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.variants]

    @property
    def titles(self) -> list[str]:
        return [self.title, *self.title_variants] if self.title else []


class GoldVisit(_Gold):
    kind: Literal["trip", "meeting"] = "trip"
    traveler: str
    traveler_variants: list[str] = Field(default_factory=list)
    destination_country: str | None = None
    destination_city: str | None = None
    date: str | None = Field(default=None, description="2024-07-23, 2025-05 or --10-28")
    status: Literal["past", "ongoing", "planned"] | None = None
    met: list[str] = Field(default_factory=list)
    sentence: str = Field(
        validation_alias=AliasChoices("sentence", "quote"),
        description="The article sentence that reports it, verbatim.",
    )

    @property
    def travelers(self) -> list[str]:
        return [self.traveler, *self.traveler_variants]


class GoldAim(_Gold):
    sentence: str = Field(description="Verbatim substring of the article.")
    aim: str | None = None
    stated_by: str


class GoldHedge(_Gold):
    sentence: str = Field(description="Verbatim substring of the article.")
    cue: str | None = Field(description="The phrase that carries it, or null if none does.")
    voiced_by: str


class GoldNotHedge(_Gold):
    """A sentence with a hedge-like word that does not speculate ("may" of permission)."""

    sentence: str
    cue: str
    why: str


class GoldArticle(_Gold):
    article: str
    officials: list[GoldOfficial] = Field(default_factory=list)
    visits: list[GoldVisit] = Field(default_factory=list)
    stated_aims: list[GoldAim] = Field(default_factory=list)
    hedged_claims: list[GoldHedge] = Field(default_factory=list)
    not_hedges: list[GoldNotHedge] = Field(default_factory=list)
    furniture_names: list[str] = Field(default_factory=list)
    not_officials: list[str] = Field(
        default_factory=list, description="Named in the body but not officials (documentation)."
    )


class GoldEngagement(_Gold):
    id: str
    kind: Literal["trip", "meeting"] = "trip"
    traveler: str
    traveler_variants: list[str] = Field(default_factory=list)
    destination_country: str | None = None
    destination_city: str | None = None
    date: str | None = None
    role: Literal["engagement", "context"]
    sources: list[str]
    optional_sources: list[str] = Field(default_factory=list)

    @property
    def travelers(self) -> list[str]:
        return [self.traveler, *self.traveler_variants]


class GoldCentral(_Gold):
    """The meeting or trip every report of a story is about (None where there is none)."""

    kind: str | None = None
    participants: list[str] = Field(default_factory=list)
    destination_country: str | None = None
    destination_city: str | None = None
    date: str | None = None


class GoldContradiction(_Gold):
    subject: str
    field: str
    values: list[str]


class GoldPerson(_Gold):
    name: str
    variants: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        """A story file writes a person as the list of their names, the first the fullest."""
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return {"name": value[0], "variants": value[1:]}
        return value

    @property
    def names(self) -> list[str]:
        return [self.name, *self.variants]


class GoldBrief(_Gold):
    """What a brief of several reports must get right: the seeds' ``brief.json``, or one
    story's file under ``stories/``."""

    story: str | None = None
    articles: list[str] = Field(default_factory=list)
    central: GoldCentral | None = None
    engagements: list[GoldEngagement] = Field(default_factory=list)
    people: list[GoldPerson] = Field(default_factory=list)
    apart: list[tuple[str, str]] = Field(default_factory=list)
    contradictions: list[GoldContradiction] = Field(default_factory=list)


def load_gold(gold_dir: Path) -> tuple[dict[str, GoldArticle], GoldBrief | None]:
    """Every ``<stem>.json`` article gold in the folder, and ``brief.json`` when present."""
    articles: dict[str, GoldArticle] = {}
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == BRIEF_GOLD:
            continue
        articles[path.stem] = GoldArticle.model_validate_json(path.read_text(encoding="utf-8"))
    brief_path = gold_dir / BRIEF_GOLD
    brief = (
        GoldBrief.model_validate_json(brief_path.read_text(encoding="utf-8"))
        if brief_path.exists()
        else None
    )
    return articles, brief
