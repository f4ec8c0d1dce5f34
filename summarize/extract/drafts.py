"""What the model fills in each pass: sentence numbers, closed choices and a few words.

Every reply cites sentence numbers, so no pass asks the model to copy a quote. Where a choice
is closed (who travelled, who voices a hedge, a country) the schema carries the article's own
list as an enum, and llama.cpp's grammar enforces it: the model cannot name anyone the article
does not. Every list and every string is bounded, so a small model cannot loop past them.

Each reply model is checked against the article in its validator (grounding, once per reply)
and leaves its grounded result in the call's context for the pass to take; what fails goes
back to the model as a reask only when the context asks for it (``reask_ungrounded``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, model_validator

NAME_CHARS = 60
PLACE_CHARS = 48
SHORT_CHARS = 64


PassName = Literal["people", "events", "aims", "hedges"]
Grounder = Callable[[Sequence[Any], Any], Any]


class Reply(BaseModel):
    """Base of every pass's reply: one bounded list, grounded in the validator."""

    model_config = ConfigDict(populate_by_name=True)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Generated once per class: every request asks for it and it never changes."""
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        cached: dict[str, Any] | None = cls.__dict__.get("_schema_cache")
        if cached is None:
            cached = super().model_json_schema()
            cls._schema_cache = cached  # type: ignore[attr-defined]
        return copy.deepcopy(cached)

    @classmethod
    def list_field(cls) -> str:
        return next(iter(cls.model_fields))

    def items(self) -> list[Any]:
        return list(getattr(self, self.list_field()))

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Reply:
        context = info.context if isinstance(info.context, dict) else None
        ground: Grounder | None = context.get("ground") if context is not None else None
        if context is not None and ground is not None:
            grounded = ground(self.items(), context["article"])
            context["grounded"] = grounded  # the pass takes it from here: grounded once
            if grounded.problems and context.get("reask_ungrounded", True):
                raise ValueError(
                    "Some answers do not match the cited sentences. Fix or remove them:\n- "
                    + "\n- ".join(grounded.problems)
                )
        return self


def _choice(values: Sequence[Any]) -> Any:
    """``Literal[...]`` of the values: a JSON-schema enum the grammar enforces."""
    return Literal[tuple(values)]


def _choice_or_null(values: Sequence[str]) -> Any:
    """``Literal[...] | None`` with the values sorted. typing caches unions by equality, and
    literals compare as sets, so two orders of one set would share one cached union: the
    schema, and the request, would then depend on which article was asked first."""
    return _choice(sorted(values)) | None


def _list_field(item: type[BaseModel], max_items: int, min_items: int = 0) -> Any:
    return (list[item], Field(min_length=min_items, max_length=max_items))  # type: ignore[valid-type]


# Fields are required even when nullable: llama.cpp's grammar lets the model skip optional
# keys, and a small model then skips them all.


@cache
def people_reply(countries: tuple[str, ...], max_items: int) -> type[Reply]:
    """``{"people": [{name, official, title, country}]}`` for an article."""
    country: Any = _choice_or_null(countries) if countries else None
    person = create_model(
        "Person",
        name=(str, Field(max_length=NAME_CHARS)),
        official=(bool, ...),
        title=(str | None, Field(max_length=NAME_CHARS)),
        country=(country, ...),
    )
    return create_model("PeopleReply", __base__=Reply, people=_list_field(person, max_items))


@cache
def events_reply(numbers: tuple[int, ...], people: tuple[str, ...], max_items: int) -> type[Reply]:
    """``{"events": [{who, kind, place, when, status, met, n}]}`` over candidate sentences.

    The sentence number comes last, after what the model reports: measured, a model made to
    pick a number first picks a headline that never names the traveler. (A fixed slot per
    sentence, tried too, made it answer null for every sentence: 0 visits on the seeds.)
    """
    event = create_model(
        "Event",
        who=(_choice(people), ...),
        kind=(_choice(("trip", "meeting")), ...),
        place=(str | None, Field(max_length=PLACE_CHARS)),
        when=(str | None, Field(max_length=PLACE_CHARS)),
        status=(_choice(("past", "ongoing", "planned")), ...),
        met=(_choice_or_null(people), ...),
        n=(_choice(numbers), ...),
    )
    return create_model("EventsReply", __base__=Reply, events=_list_field(event, max_items))


NOT_KNOWN = "not known"


@cache
def venues_reply(places: tuple[str, ...], countries: tuple[str, ...]) -> type[Reply]:
    """``{"places": [{place, country}, ...]}``: one fixed slot per place, its country one of
    the article's own or "not known". The model only says where a building or a venue
    stands ("White House"), which no gazetteer the tool ships lists."""
    choices = _choice((*sorted(countries), NOT_KNOWN))
    slots = [
        create_model(f"Venue{k}", place=(_choice((place,)), ...), country=(choices, ...))
        for k, place in enumerate(places)
    ]
    fixed: Any = tuple.__class_getitem__(tuple(slots))
    return create_model("VenuesReply", __base__=Reply, places=(fixed, ...))


class EventDraft(BaseModel):
    """An event as the events question answers it, read back from a refusal to ground it
    again once more is known (where a venue stands)."""

    who: str
    kind: str
    place: str | None
    when: str | None
    status: str
    met: str | None
    n: int


@cache
def aims_reply(numbers: tuple[int, ...]) -> type[Reply]:
    """``{"verdicts": [{n, stated_aim}, ...]}``: does each sentence report a stated aim?

    Like hedges, one fixed slot per sentence: the model only judges. Asked to write the aim
    and pick who stated it, it kept experts' predictions and cited the wrong sentences
    (precision 0.20 on the seeds); the aim's words and its stater are read from the sentence.
    """
    verdicts = [
        create_model(f"AimVerdict{n}", n=(_choice((n,)), ...), stated_aim=(bool, ...))
        for n in numbers
    ]
    fixed: Any = tuple.__class_getitem__(tuple(verdicts))
    return create_model("AimsReply", __base__=Reply, verdicts=(fixed, ...))


class UnjudgedAim(BaseModel):
    """An aim candidate taken without asking the model (it does not judge): the verdict
    "yes" in the shape the grounding reads, so a refusal reads as a judged one does."""

    n: int
    stated_aim: bool = True


class UnjudgedHedge(BaseModel):
    """A hedge candidate taken without asking the model, as :class:`UnjudgedAim`."""

    n: int
    speculative: bool = True


@cache
def hedges_reply(numbers: tuple[int, ...], speakers: tuple[str, ...]) -> type[Reply]:
    """``{"verdicts": [{n, speculative, by}, ...]}``: one verdict per sentence, in order.

    The verdicts are a fixed tuple, one position per sentence with its number as a constant,
    so the grammar makes the model judge each sentence exactly once and in the order given.
    The claim is not asked for: it is the cue's clause, cut from the sentence.
    """
    verdicts = [
        create_model(
            f"Verdict{n}",
            n=(_choice((n,)), ...),
            speculative=(bool, ...),
            by=(_choice(speakers), ...),
        )
        for n in numbers
    ]
    fixed: Any = tuple.__class_getitem__(tuple(verdicts))
    return create_model("HedgesReply", __base__=Reply, verdicts=(fixed, ...))
