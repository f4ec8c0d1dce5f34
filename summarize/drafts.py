"""What the model fills in each focused pass, and how each item is checked against the text.

A draft is the model's raw answer: names and a quote copied from the article. Grounding turns
a draft item into a contract item with exact evidence spans, or explains why it cannot: the
quote is not in the article, the name is not in it, or an expert's prediction was offered as
a stated aim. The explanation goes back to the model as a reask; after the retry budget the
item is dropped and reported, never passed on.

Every list has a hard bound and every string a length cap: llama.cpp turns the schema into a
grammar, so a small model cannot loop past them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationInfo, create_model, model_validator

from summarize.furniture import Body
from summarize.hedges import Candidate
from summarize.models import Dropped, HedgedClaim, Official, Span, StatedAim
from summarize.sentences import Sentence, split_sentences
from summarize.spans import closest_sentence, contains, locate

NAME_CHARS = 80
SHORT_CHARS = 120
QUOTE_CHARS = 400

_OUTSIDE_VOICES = re.compile(
    r"\b(experts?|analysts?|observers?|commentators?|scholars?|researchers?)\b", re.IGNORECASE
)
GENERIC_VOICES = frozenset(
    {"experts", "analysts", "observers", "officials", "the outlet", "the article", "the author"}
)


class OfficialDraft(BaseModel):
    name: str = Field(max_length=NAME_CHARS)
    title: str | None = Field(default=None, max_length=SHORT_CHARS)
    country: str | None = Field(default=None, max_length=NAME_CHARS)
    quote: str = Field(max_length=QUOTE_CHARS)


class VisitDraft(BaseModel):
    traveler: str = Field(max_length=NAME_CHARS)
    traveler_country: str | None = Field(default=None, max_length=NAME_CHARS)
    destination_country: str | None = Field(default=None, max_length=NAME_CHARS)
    destination_city: str | None = Field(default=None, max_length=NAME_CHARS)
    when: str | None = Field(default=None, max_length=NAME_CHARS)
    purpose: str | None = Field(default=None, max_length=SHORT_CHARS)
    quote: str = Field(max_length=QUOTE_CHARS)


class AimDraft(BaseModel):
    aim: str = Field(max_length=SHORT_CHARS)
    stated_by: str = Field(max_length=NAME_CHARS)
    quote: str = Field(max_length=QUOTE_CHARS)


class HedgeVerdict(BaseModel):
    n: int = Field(ge=1)
    speculative: bool
    claim: str = Field(max_length=SHORT_CHARS)
    voiced_by: str = Field(max_length=NAME_CHARS)


Item = TypeVar("Item")


@dataclass
class Grounded(Generic[Item]):
    """The outcome of checking one draft list against the article."""

    items: list[Item] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [d.reason for d in self.dropped]


@dataclass(frozen=True)
class GroundingContext:
    """What a draft is checked against: the body the model saw and, for hedges, its candidates."""

    body: Body
    candidates: Sequence[Candidate] = ()

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.body.text)


def _evidence(quote: str, ctx: GroundingContext, mentioning: str | None = None) -> Span | None:
    """The article span a quote reproduces: verbatim if possible, else its closest sentence."""
    found = locate(quote, ctx.body.text)
    if found is not None:
        return ctx.body.to_article(found.start, found.end)
    sentence = closest_sentence(quote, ctx.sentences, mentioning=mentioning)
    if sentence is None:
        return None
    span = ctx.body.to_article(sentence.start, sentence.end)
    return None if span is None else span.model_copy(update={"alignment": "fuzzy"})


def _surname(name: str) -> str:
    parts = name.replace("-", " ").split()
    return parts[-1] if parts else name


def ground_officials(drafts: Sequence[OfficialDraft], ctx: GroundingContext) -> Grounded[Official]:
    out: Grounded[Official] = Grounded()
    seen: set[str] = set()
    for i, d in enumerate(drafts, 1):
        span = _evidence(d.quote, ctx, mentioning=_surname(d.name))
        item = d.model_dump()
        if not contains(ctx.body.text, d.name):
            reason = f"officials[{i}]: the name {d.name!r} does not appear in the article"
        elif span is None:
            reason = f"officials[{i}]: the quote for {d.name!r} is not copied word for word"
        elif not contains(span.text, _surname(d.name)):
            reason = f"officials[{i}]: the quote for {d.name!r} does not mention them"
        else:
            key = d.name.casefold()
            if key not in seen:
                seen.add(key)
                out.items.append(
                    Official(name=d.name, title=d.title, country=d.country, evidence=[span])
                )
            continue
        out.dropped.append(Dropped(kind="official", item=item, reason=reason))
    return out


def ground_visits(
    drafts: Sequence[VisitDraft], ctx: GroundingContext
) -> Grounded[tuple[VisitDraft, Span]]:
    """Visits stay drafts here: dates are resolved later, against the publication date."""
    out: Grounded[tuple[VisitDraft, Span]] = Grounded()
    for i, d in enumerate(drafts, 1):
        span = _evidence(d.quote, ctx, mentioning=_surname(d.traveler))
        if not contains(ctx.body.text, d.traveler):
            reason = f"visits[{i}]: the traveler {d.traveler!r} does not appear in the article"
        elif span is None:
            reason = f"visits[{i}]: the quote is not copied word for word from the article"
        elif d.when and not contains(ctx.body.text, d.when):
            reason = f"visits[{i}]: 'when' must be date words copied from the article: {d.when!r}"
        else:
            out.items.append((d, span))
            continue
        out.dropped.append(Dropped(kind="visit", item=d.model_dump(), reason=reason))
    return out


def ground_aims(drafts: Sequence[AimDraft], ctx: GroundingContext) -> Grounded[StatedAim]:
    out: Grounded[StatedAim] = Grounded()
    for i, d in enumerate(drafts, 1):
        span = _evidence(d.quote, ctx)
        if span is None:
            reason = f"stated_aims[{i}]: the quote is not copied word for word from the article"
        elif _OUTSIDE_VOICES.search(span.text) or _OUTSIDE_VOICES.search(d.stated_by):
            reason = (
                f"stated_aims[{i}]: this is a prediction by outside experts or analysts, "
                "not an aim a government or official stated; leave it out"
            )
        else:
            out.items.append(StatedAim(aim=d.aim, stated_by=d.stated_by, evidence=[span]))
            continue
        out.dropped.append(Dropped(kind="stated_aim", item=d.model_dump(), reason=reason))
    return out


def _voice_is_grounded(voice: str, sentence: str, body: Body) -> bool:
    folded = voice.strip().casefold()
    return folded in GENERIC_VOICES or contains(sentence, voice) or contains(body.text, voice)


def ground_hedges(drafts: Sequence[HedgeVerdict], ctx: GroundingContext) -> Grounded[HedgedClaim]:
    out: Grounded[HedgedClaim] = Grounded()
    judged: set[int] = set()
    for d in drafts:
        if d.n < 1 or d.n > len(ctx.candidates) or d.n in judged:
            reason = f"sentence {d.n}: no such sentence number, or judged twice"
        elif not d.speculative:
            judged.add(d.n)
            continue
        else:
            candidate = ctx.candidates[d.n - 1]
            sentence = candidate.sentence
            if not _voice_is_grounded(d.voiced_by, sentence.text, ctx.body):
                reason = (
                    f"sentence {d.n}: voiced_by {d.voiced_by!r} is not named in the article; "
                    "use the name as written, or experts/analysts/observers/the outlet"
                )
            else:
                judged.add(d.n)
                span = ctx.body.to_article(sentence.start, sentence.end)
                if span is not None:
                    out.items.append(
                        HedgedClaim(
                            claim=d.claim,
                            cue=candidate.cues[0],
                            voiced_by=d.voiced_by,
                            evidence=[span],
                        )
                    )
                continue
        out.dropped.append(Dropped(kind="hedged_claim", item=d.model_dump(), reason=reason))
    return out


# --- response models: one list per pass, bounded, checked in a validator -------------------


class DraftList(BaseModel):
    """Base of every pass's response model; subclasses add one bounded list field."""

    @classmethod
    def items_of(cls, value: BaseModel) -> list[Any]:
        return list(getattr(value, cls.list_field()))

    @classmethod
    def list_field(cls) -> str:
        return next(iter(cls.model_fields))

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> DraftList:
        ctx = info.context.get("grounding") if isinstance(info.context, dict) else None
        if isinstance(ctx, GroundingContext):
            problems = GROUNDERS[self.list_field()](self.items_of(self), ctx).problems
            if problems:
                raise ValueError(
                    "Some items are not supported by the article text. Fix or remove them:\n- "
                    + "\n- ".join(problems)
                )
        return self


GROUNDERS: dict[str, Callable[[Sequence[Any], GroundingContext], Grounded[Any]]] = {
    "officials": ground_officials,
    "visits": ground_visits,
    "stated_aims": ground_aims,
    "verdicts": ground_hedges,
}
_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "officials": OfficialDraft,
    "visits": VisitDraft,
    "stated_aims": AimDraft,
    "verdicts": HedgeVerdict,
}
ListName = Literal["officials", "visits", "stated_aims", "verdicts"]


@cache
def draft_list_model(list_name: ListName, max_items: int, min_items: int = 0) -> type[DraftList]:
    """The response model for one pass: ``{list_name: [item, ...]}`` with bounds."""
    item_model = _ITEM_MODELS[list_name]
    fields: dict[str, Any] = {
        list_name: (list[item_model], Field(min_length=min_items, max_length=max_items))  # type: ignore[valid-type]
    }
    name = f"{list_name.title().replace('_', '')}Answer"
    return create_model(name, __base__=DraftList, **fields)
