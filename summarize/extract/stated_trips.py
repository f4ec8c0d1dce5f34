"""Trips a sentence states in so many words, found without the model.

"Dell heads for Rabat next", "Castell will travel to Lima on Friday": a person
the people pass found, a travel word, and a country or city it leads to. The events question
asks a 1.5B model to list at most a few events over a dozen sentences, and it leaves many of
these out. A stated trip is grounded by construction: the sentence names the traveler, the
travel word and the place. It is added only where the model's events have no trip of that
person to that country, and once per traveler, country and day; the same checks as an
itinerary's stops apply (the traveler is the person named nearest before the place), but a
city at home is a trip ("arrived in New York" for a US president) unless the sentence has
taken the traveler abroad first ("went to Lisbon, then left for Ottawa": going home), and the
home country named as a country is always going home.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from summarize.contract.extraction import Visit
from summarize.extract.grounding import Person
from summarize.extract.itinerary import (
    AHEAD,
    Stop,
    mentions_before,
    same_trip,
    stop_fields,
    stops_in,
)
from summarize.extract.numbered import Numbered
from summarize.knowledge.places import country_display, country_key

# A modal, an invitation or an infinitive before the place ("talks that could lead to a visit
# to X", "invited Y to visit X", "wants to travel to X") puts the trip ahead: it has not
# happened.
_NOT_YET = re.compile(
    r"\b(?:could|would|may|might|should|can|shall|invit\w*|to\s+(?:visit|travel|fly|go|head))\b",
    re.IGNORECASE,
)


def stated_trips(
    numbered: Numbered,
    people: Sequence[Person],
    published: date | None,
    answered: Sequence[Visit] = (),
) -> list[Visit]:
    """The trips of named people that a travel word states and no answered visit covers."""
    out: list[Visit] = []
    for trip in _every_stated_trip(numbered, people, published):
        if not any(same_trip(known, trip) for known in [*answered, *out]):
            out.append(trip)
    return out


def _every_stated_trip(
    numbered: Numbered, people: Sequence[Person], published: date | None
) -> list[Visit]:
    out: list[Visit] = []
    for sentence in numbered:
        abroad: set[str] = set()  # who this sentence has already taken abroad
        for stop in stops_in(sentence.text):
            traveler = _traveler(sentence.text, stop, people)
            if traveler is None:
                continue
            before = sentence.text[: stop.start]
            ahead = bool(AHEAD.search(before) or _NOT_YET.search(before))
            where = stop_fields(stop, published, ahead=ahead)
            country, city = where["destination_country"], where["destination_city"]
            home = country_display(country_key(traveler.country))
            if country is None:
                continue
            if country == home and (city is None or traveler.name in abroad):
                continue  # going home: the country itself, or a home city after a stop abroad
            if country != home:
                abroad.add(traveler.name)
            out.append(
                Visit(
                    kind="trip",
                    status="planned" if ahead else "past",
                    traveler=traveler.name,
                    traveler_country=home,
                    evidence=[sentence.span],
                    **where,
                )
            )
    return out


def _traveler(text: str, stop: Stop, people: Sequence[Person]) -> Person | None:
    """The person named nearest before the place, if any is named before it."""
    best: tuple[int, Person] | None = None
    for person in people:
        before = mentions_before(text, stop, person.name)
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    return best[1] if best is not None else None
