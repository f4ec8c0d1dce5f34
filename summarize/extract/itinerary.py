"""The other stops of a trip, read from the sentence that reports it.

A report often gives a whole itinerary in one sentence ("speaking in Tokyo, ahead of stops in
Seoul and Beijing", "travels to South Korea on Friday, before heading to China on Saturday"),
and a small model answers one trip for it, or a region ("Asia"). Each further place that a
travel word leads to in that sentence is a trip of the same traveler: a trip they make next
when the sentence looks ahead, dated by the day words right after the place. A place in the
traveler's own country (going home) is no visit; a sentence where someone else is named
nearer the travel word than the traveler is left alone.

The same travel words tell whether a sentence reports a journey at all: a trip answered
where none is written, by someone not known to be abroad, is no trip.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from summarize.contract.extraction import Span, Visit
from summarize.extract.grounding import (
    Event,
    PlaceAndDay,
    destination,
    name_positions,
    place_and_day,
    same_name,
)
from summarize.ingest.date_phrases import resolve_dates
from summarize.ingest.text_match import normalize
from summarize.knowledge.places import city_country, country_key, find_country
from summarize.llm.prompts import word_list

_PLACE_WORD = r"[A-Z][\w.'\u2019-]*"
_PLACE = rf"(?:[Tt]he\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
_MORE = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
)
_DAY_NAME = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)"
)
_WHEN_AFTER = re.compile(rf"^\s*,?\s*(?:on\s+|this\s+|next\s+|later\s+on\s+)?({_DAY})\b")
# Words before a stop that put it ahead of the sentence's own time.
AHEAD = re.compile(
    r"\b(?:ahead\s+of|before|then|next|later|afterwards?|followed\s+by|will|is\s+to|"
    r"are\s+to|is\s+due|are\s+due|scheduled|plans?\s+to|planned|expected\s+to|"
    r"travels|heads|flies|goes|moves\s+on|continues)\b",
    re.IGNORECASE,
)


def _travel_alternatives() -> str:
    """The travel words as regex alternatives, longest first; "*" ends a stem."""
    words = sorted(word_list("travel_leads"), key=len, reverse=True)
    return "|".join(
        re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if w.endswith("*") else "")
        for w in words
    )


@cache
def _leads() -> re.Pattern[str]:
    """A travel word, an optional "on", a preposition (optional after "visit"), the places."""
    alternatives = _travel_alternatives()
    # The travel word in any case; the places only capitalised.
    return re.compile(
        rf"(?i:\b(?:{alternatives})\s+(?:on\s+)?(?:to|in|into|for|at)\s+)"
        rf"(?P<places>{_PLACE}(?:{_MORE}{_PLACE})*)"
        rf"|(?i:\bvisit(?:s|ed|ing)?\s+)(?P<visited>{_PLACE}(?:{_MORE}{_PLACE})*)"
    )


@cache
def _travel_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_travel_alternatives()}|visit\w*|landed)\b", re.IGNORECASE)


def tells_travel(text: str) -> bool:
    """Whether the text has a word of travel ("flew", "visited", "arrived", "trip")."""
    return _travel_word().search(text) is not None


def journey_or_meeting(event: Event, home: str | None) -> bool:
    """False for a trip answered where no cited sentence has a word of travel, by someone
    not known to be abroad there (their country unknown, or the place's own): talks "for
    Syria", a news conference at home, an address. Someone of another country at the place
    ("X was also in Mexico City where he met Y") is abroad: that stays a trip."""
    if event.kind != "trip" or any(tells_travel(s.text) for s in event.evidence):
        return True
    there = country_key(destination(event.place)[0])
    return home is not None and country_key(home) != there  # a place no gazetteer knows: kept


@dataclass(frozen=True)
class Stop:
    """A place a travel word leads to in a sentence, with the day words after it."""

    place: str
    start: int
    end: int
    when: str | None


def _a_place(phrase: str) -> str | None:
    """The phrase, less day and month names after it, when all of it names a country or a
    city: not a demonym ("to Chinese leaders"), not an institution ("to the US Embassy")."""
    words = phrase.rstrip(".'\u2019").split()  # a full stop or a closing quote after it
    while len(words) > 1 and re.fullmatch(_DAY_NAME, words[-1]):
        words.pop()
    bare = re.sub(r"^the\s+", "", " ".join(words), flags=re.IGNORECASE)
    country = find_country(bare)
    if country is not None and bare.casefold() != (country.demonym or "").casefold():
        return bare
    return bare if city_country(bare) is not None else None


def stops_in(text: str) -> list[Stop]:
    """Every place a travel word leads to in ``text``, in order."""
    out: list[Stop] = []
    for match in _leads().finditer(text):
        group = "places" if match.group("places") else "visited"
        listed, offset = match.group(group), match.start(group)
        for part in re.finditer(rf"{_PLACE}", listed):
            place = _a_place(part.group(0))
            if place is None:
                continue
            start = offset + part.start() + part.group(0).find(place)
            end = start + len(place)
            after = _WHEN_AFTER.match(text[end:])
            out.append(Stop(place, start, end, after.group(1) if after else None))
    return out


def mentions_before(text: str, stop: Stop, name: str) -> list[int]:
    """Where ``text`` names the person before the stop, in :func:`name_positions`' offsets
    (into the normalized text, so the stop's own offset is converted once, here)."""
    at = len(normalize(text[: stop.start], fold_case=True).text)
    return [p for p in name_positions(text, name) if p < at]


def _travels_there(text: str, traveler: str, stop: Stop, others: Sequence[str]) -> bool:
    """The traveler, not someone else, is the one named nearest before the stop."""
    nearest = max(mentions_before(text, stop, traveler), default=-1)
    return not any(
        nearest < p
        for name in others
        if not same_name(name, traveler)
        for p in mentions_before(text, stop, name)
    )


def add_stops(
    visits: Sequence[Visit], people: Sequence[str], published: date | None
) -> list[Visit]:
    """The visits with the further stops their sentences name; a trip to a place that is no
    country or city (a region) gives way to the stops its sentences name."""
    out: list[Visit] = []
    added: list[Visit] = []
    for visit in visits:
        stops = _stops_of(visit, people) if visit.kind == "trip" else []
        if visit.kind == "trip" and visit.destination_country is None and stops:
            added.extend(_stop_visit(visit, span, stop, published) for span, stop in stops)
            continue
        out.append(visit)
        added.extend(_stop_visit(visit, span, stop, published) for span, stop in stops)
    for stop_visit in added:
        if not any(same_trip(stop_visit, v) for v in out):
            out.append(stop_visit)
    return out


def _stops_of(visit: Visit, people: Sequence[str]) -> list[tuple[Span, Stop]]:
    found: list[tuple[Span, Stop]] = []
    for span in visit.evidence:
        for stop in stops_in(span.text):
            country, _city = destination(stop.place)
            if country is None or country == visit.traveler_country:
                continue  # going home is no visit
            if not _travels_there(span.text, visit.traveler, stop, people):
                continue
            found.append((span, stop))
    return found


def stop_fields(stop: Stop, published: date | None, *, ahead: bool) -> PlaceAndDay:
    """The stop's country and city, and its day words resolved (forward when ``ahead``)."""
    return place_and_day(stop.place, stop.when, resolve_dates(stop.when, published, ahead=ahead))


def _stop_visit(visit: Visit, span: Span, stop: Stop, published: date | None) -> Visit:
    ahead = visit.status == "planned" or bool(AHEAD.search(span.text[: stop.start]))
    return visit.model_copy(  # the same traveler; whom they met and why were at the first stop
        update={
            **stop_fields(stop, published, ahead=ahead),
            "status": "planned" if ahead else visit.status,
            "purpose": None,
            "met": [],
            "evidence": [span],
        }
    )


def same_trip(a: Visit, b: Visit) -> bool:
    """The same traveler in the same country, on the same day where both give one."""
    return (
        same_name(a.traveler, b.traveler)
        and a.destination_country == b.destination_country
        and (a.start_date is None or b.start_date is None or a.start_date == b.start_date)
    )


__all__ = [
    "AHEAD",
    "Stop",
    "add_stops",
    "journey_or_meeting",
    "mentions_before",
    "same_trip",
    "stop_fields",
    "stops_in",
    "tells_travel",
]
