"""What the model fills in each focused pass, and how each item is checked against the text.

A draft is the model's raw answer: names, places, and for visits and aims a quote copied from
the article. Grounding turns a draft item into a contract item with exact evidence spans, or
explains why it cannot: the name is not in the article, the quote is not in it or does not
report the trip, the city lies in another country, or an expert's prediction was offered as a
stated aim. The explanation goes back to the model as a reask; after the retry budget the item
is dropped and reported, never passed on. An officials' evidence is every sentence naming them.

Every list has a hard bound and every string a length cap: llama.cpp turns the schema into a
grammar, so a small model cannot loop past them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationInfo, create_model, model_validator

from summarize.contract.extraction import Dropped, HedgedClaim, Official, Span, StatedAim
from summarize.extract.hedge_candidates import Candidate
from summarize.extract.office_holders import OfficeHolder
from summarize.ingest.furniture import Body
from summarize.ingest.sentences import Sentence, split_sentences
from summarize.ingest.text_match import closest_sentence, contains, locate, normalize
from summarize.knowledge.person_names import (
    city_country,
    country_display,
    country_key,
    mention_key,
    name_parts,
    same_person,
)

NAME_CHARS = 80
SHORT_CHARS = 120
QUOTE_CHARS = 400

_OUTSIDE_VOICES = re.compile(
    r"\b(experts?|analysts?|observers?|commentators?|scholars?|researchers?)\b", re.IGNORECASE
)
_NOT_GOVERNMENT = re.compile(
    r"\b(former|ex-|institute|university|professor|analyst|researcher|expert|journalist|"
    r"correspondent|reporter)\b",
    re.IGNORECASE,
)
GENERIC_VOICES = frozenset(
    {"experts", "analysts", "observers", "officials", "the outlet", "the article", "the author"}
)


# Fields are required even when nullable: llama.cpp's grammar lets the model skip optional
# keys, and a small model then skips them all. Quotes come last, after the facts.
class OfficialDraft(BaseModel):
    name: str = Field(max_length=NAME_CHARS)
    title: str | None = Field(max_length=SHORT_CHARS)
    country: str | None = Field(max_length=NAME_CHARS)


class VisitDraft(BaseModel):
    traveler: str = Field(max_length=NAME_CHARS)
    traveler_country: str | None = Field(max_length=NAME_CHARS)
    destination_country: str | None = Field(max_length=NAME_CHARS)
    destination_city: str | None = Field(max_length=NAME_CHARS)
    when: str | None = Field(max_length=NAME_CHARS)
    purpose: str | None = Field(max_length=SHORT_CHARS)
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
    notes: list[str] = field(default_factory=list)

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
    sentence = closest_sentence(
        quote,
        [s for s in ctx.sentences if mentioning is None or _mentions_name(s.text, mentioning)],
    )
    if sentence is None:
        return None
    span = ctx.body.to_article(sentence.start, sentence.end)
    return None if span is None else span.model_copy(update={"alignment": "fuzzy"})


def _mentions_name(text: str, name: str) -> bool:
    """Whether ``text`` names the person, as a whole word ("Un" is not in "until")."""
    key = normalize(mention_key(name), fold_case=True).text
    hay = normalize(text, fold_case=True).text
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", hay) is not None


MAX_MENTIONS = 3


def _mentions(name: str, ctx: GroundingContext) -> list[Span]:
    """Sentences that name ``name`` (as written, up to typography): an official's evidence.

    The model is not asked to quote for officials: measured, it invents "I am the president
    of Belarus..." quotes while naming the right people. The name itself is the claim, and
    the sentences that contain it are its evidence.
    """
    spans: list[Span] = []
    for sentence in ctx.sentences:
        if contains(sentence.text, name):
            span = ctx.body.to_article(sentence.start, sentence.end)
            if span is not None:
                spans.append(span)
        if len(spans) == MAX_MENTIONS:
            break
    return spans


def _title_is_grounded(title: str | None, evidence: Sequence[Span]) -> bool:
    return not title or any(contains(span.text, title) for span in evidence)


def ground_officials(drafts: Sequence[OfficialDraft], ctx: GroundingContext) -> Grounded[Official]:
    out: Grounded[Official] = Grounded()
    seen: set[str] = set()
    for i, d in enumerate(drafts, 1):
        evidence = _mentions(d.name, ctx)
        if not evidence:
            reason = f"officials[{i}]: the name {d.name!r} does not appear in the article"
            out.dropped.append(Dropped(kind="official", item=d.model_dump(), reason=reason))
            continue
        title = d.title
        if title and _NOT_GOVERNMENT.search(title):
            reason = f"officials[{i}]: {d.name!r} ({title}) is not a government official"
            out.dropped.append(Dropped(kind="official", item=d.model_dump(), reason=reason))
            continue
        if not _title_is_grounded(title, evidence):
            # The person is grounded; a title no sentence naming them carries is not.
            out.notes.append(f"officials[{i}]: title {title!r} not beside {d.name!r}; left unknown")
            title = None
        key = " ".join(d.name.casefold().split())
        if key not in seen:
            seen.add(key)
            out.items.append(
                Official(name=d.name, title=title, country=d.country, evidence=evidence)
            )
    return out


def add_office_holders(
    officials: Sequence[Official], holders: Sequence[OfficeHolder], ctx: GroundingContext
) -> list[Official]:
    """The model's officials plus those named with an office it missed, in order of mention.

    Where both name one person, the model's entry stands and the office fills a missing title
    or country.
    """
    out = list(officials)
    for holder in holders:
        parts = name_parts(holder.name)
        match = next((i for i, o in enumerate(out) if same_person(parts, name_parts(o.name))), None)
        if match is None:
            evidence = _mentions(holder.name, ctx)
            if evidence:
                out.append(
                    Official(
                        name=holder.name,
                        title=holder.office,
                        country=holder.country,
                        evidence=evidence,
                    )
                )
            continue
        known = out[match]
        out[match] = known.model_copy(
            update={
                "title": known.title or holder.office,
                "country": known.country or holder.country,
            }
        )
    return sorted(out, key=lambda o: o.evidence[0].start)


def _reports_trip(text: str, d: VisitDraft) -> bool:
    """Whether a sentence names the traveler and, when one is given, the destination."""
    places = [p for p in (d.destination_city, d.destination_country) if p]
    return _mentions_name(text, d.traveler) and (
        not places or any(contains(text, p) for p in places)
    )


def _place_problem(d: VisitDraft) -> str | None:
    """A trip goes abroad, and its city lies in its country."""
    home = country_key(d.traveler_country)
    where = country_key(d.destination_country)
    city_in = city_country(d.destination_city)
    if city_in and where and city_in != where:
        return (
            f"{d.destination_city} is in {country_display(city_in)}, not in "
            f"{d.destination_country}; give the place the traveler went to"
        )
    if home and home == (where or city_in):
        return (
            f"{d.traveler!r} represents {d.traveler_country}, so going to "
            f"{d.destination_city or d.destination_country} is not a trip abroad; list only "
            "trips to another country"
        )
    return None


def _trip_sentence(d: VisitDraft, ctx: GroundingContext) -> Span | None:
    """The first sentence naming both the traveler and the destination."""
    for sentence in ctx.sentences:
        if _reports_trip(sentence.text, d):
            span = ctx.body.to_article(sentence.start, sentence.end)
            if span is not None:
                return span.model_copy(update={"alignment": "fuzzy"})
    return None


def ground_visits(
    drafts: Sequence[VisitDraft], ctx: GroundingContext
) -> Grounded[tuple[VisitDraft, Span]]:
    """Visits stay drafts here: dates are resolved later, against the publication date.

    A date the article does not contain is cleared rather than sent back: the trip itself is
    grounded, and an unknown date is the honest value.
    """
    out: Grounded[tuple[VisitDraft, Span]] = Grounded()
    seen: set[tuple[str, int]] = set()
    for i, d in enumerate(drafts, 1):
        span = _evidence(d.quote, ctx, mentioning=d.traveler)
        if span is None or not _reports_trip(span.text, d):
            span = _trip_sentence(d, ctx)
        problem = _place_problem(d)
        if not contains(ctx.body.text, d.traveler):
            reason = f"visits[{i}]: the traveler {d.traveler!r} does not appear in the article"
        elif problem:
            reason = f"visits[{i}]: {problem}"
        elif span is None:
            reason = (
                f"visits[{i}]: no sentence of the article names {d.traveler!r} together with "
                "the destination; quote the sentence that reports this trip"
            )
        else:
            if d.when and not contains(ctx.body.text, d.when):
                out.notes.append(
                    f"visits[{i}]: date {d.when!r} is not in the article; left unknown"
                )
                d = d.model_copy(update={"when": None})
            key = (" ".join(d.traveler.casefold().split()), span.start)
            if key not in seen:
                seen.add(key)
                out.items.append((d, span))
            continue
        out.dropped.append(Dropped(kind="visit", item=d.model_dump(), reason=reason))
    return out


_WORD = re.compile(r"[^\W\d_]{4,}")


def _says(quote: str, claim: str) -> bool:
    """Most of the claim's longer words occur in the quote (a paraphrase may reorder them)."""
    words = {w.casefold() for w in _WORD.findall(claim)}
    said = {w.casefold() for w in _WORD.findall(quote)}
    stems = {w[:5] for w in said}
    hits = sum(w in said or w[:5] in stems for w in words)
    return not words or hits * 2 >= len(words)


def ground_aims(drafts: Sequence[AimDraft], ctx: GroundingContext) -> Grounded[StatedAim]:
    out: Grounded[StatedAim] = Grounded()
    seen: set[tuple[str, int]] = set()
    for i, d in enumerate(drafts, 1):
        span = _evidence(d.quote, ctx)
        if span is None:
            reason = f"stated_aims[{i}]: the quote is not copied word for word from the article"
        elif _OUTSIDE_VOICES.search(span.text) or _OUTSIDE_VOICES.search(d.stated_by):
            reason = (
                f"stated_aims[{i}]: this is a prediction by outside experts or analysts, "
                "not an aim a government or official stated; leave it out"
            )
        elif not _says(span.text, d.aim):
            reason = f"stated_aims[{i}]: the quote does not say {d.aim!r}; give the aim it states"
        else:
            key = (" ".join(d.aim.casefold().split()), span.start)
            if key not in seen:
                seen.add(key)
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


_SCHEMAS: dict[type[BaseModel], dict[str, Any]] = {}


class DraftList(BaseModel):
    """Base of every pass's response model; subclasses add one bounded list field."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Generated once per class: every request asks for it twice and it never changes."""
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        if cls not in _SCHEMAS:
            _SCHEMAS[cls] = super().model_json_schema()
        return copy.deepcopy(_SCHEMAS[cls])

    @classmethod
    def items_of(cls, value: BaseModel) -> list[Any]:
        return list(getattr(value, cls.list_field()))

    @classmethod
    def list_field(cls) -> str:
        return next(iter(cls.model_fields))

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> DraftList:
        ctx = info.context.get("grounding") if isinstance(info.context, dict) else None
        if isinstance(ctx, GroundingContext) and isinstance(info.context, dict):
            grounded = GROUNDERS[self.list_field()](self.items_of(self), ctx)
            info.context["grounded"] = grounded  # the caller takes it from here: grounded once
            problems = grounded.problems
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
