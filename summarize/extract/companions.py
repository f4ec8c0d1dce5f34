"""A traveler there with others is there when they are.

A report of a visit under way often names who came along without a day of their own: "US
Secretary of State X was also in Mexico City, where he met his counterpart", "It fell to
Homeland Security Secretary Y to reassure his hosts". On its own such a sentence is an
undated trip in the past; read with the article, it is the same occasion as the visit under
way in that city, and a reader dates it so. The date comes from that visit, and so does its
evidence: the sentence that dates it joins the companion's.

"The Prime Minister will be accompanied by Finance Minister X and Foreign Minister Y": the
people named after "accompanied by" go on the trip of the one it accompanies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.contract.extraction import Visit
from summarize.extract.grounding import Person
from summarize.extract.name_mentions import names_person, same_name
from summarize.extract.numbered import Numbered
from summarize.knowledge.places import country_display, country_key

_ACCOMPANIED = re.compile(r"\baccompanied\s+by\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|shall|is\s+to|are\s+to)\s+be\s*$", re.IGNORECASE)
# The subject before it called by title: "The Prime Minister will be".
_THE_TITLE = re.compile(
    r"^\s*the\s+(?P<title>[\w\s-]+?)\s+(?:will|was|were|is|are|has|had)\b", re.IGNORECASE
)


def date_companions(visits: Sequence[Visit]) -> list[Visit]:
    """Each undated visit (no date words, not planned) to a city where exactly one dated
    visit by someone else is under way takes that visit's dates, and is under way too."""
    return [_dated_by(visit, visits) for visit in visits]


def _dated_by(visit: Visit, visits: Sequence[Visit]) -> Visit:
    if visit.start_date is not None or visit.date_text is not None or visit.status == "planned":
        return visit
    city = (visit.destination_city or "").casefold()
    if not city:
        return visit
    under_way = [
        other
        for other in visits
        if other.status == "ongoing"
        and other.start_date is not None
        and (other.destination_city or "").casefold() == city
        and not same_name(other.traveler, visit.traveler)
    ]
    if len({(o.start_date, o.end_date) for o in under_way}) != 1:
        return visit  # none, or visits under way on different days: which one is unknown
    occasion = under_way[0]
    known = {(s.start, s.end) for s in visit.evidence}
    dating = [s for s in occasion.evidence[:1] if (s.start, s.end) not in known]
    return visit.model_copy(
        update={
            "status": "ongoing",
            "start_date": occasion.start_date,
            "end_date": occasion.end_date,
            "year_stated": occasion.year_stated,
            "evidence": [*visit.evidence, *dating],
        }
    )


def accompanying(
    numbered: Numbered, people: Sequence[Person], visits: Sequence[Visit]
) -> list[Visit]:
    """The trips of the people a sentence names after "accompanied by": the trip nearest
    that sentence of the one its subject names or calls by title; each companion from
    elsewhere goes there on the same days (planned where the sentence looks ahead, "will be
    accompanied"), and the sentence joins the trip's evidence."""
    names = [p.name for p in people]
    out: list[Visit] = []
    for sentence in numbered:
        found = _ACCOMPANIED.search(sentence.text)
        if found is None:
            continue
        before, after = sentence.text[: found.start()], sentence.text[found.end() :]
        leaders = [p for p in people if _subject_is(before, p, names)]
        trips = [v for v in visits if any(_travels_as(v.traveler, p.name) for p in leaders)]
        trips = [v for v in trips if v.kind == "trip" and v.evidence]
        if len(leaders) != 1 or not trips:
            continue
        trip = min(trips, key=lambda v: abs(v.evidence[0].start - sentence.span.start))
        for person in people:
            home = country_display(country_key(person.country))
            if (
                person is leaders[0]
                or not names_person(after, person.name, names)
                or home == trip.destination_country
            ):
                continue
            out.append(
                trip.model_copy(
                    update={
                        "traveler": person.name,
                        "traveler_country": home,
                        # "will be accompanied": ahead, however the trip it joins was answered
                        "status": "planned" if _AHEAD.search(before) else trip.status,
                        "met": [],  # whom they met there the sentence does not say
                        "evidence": [sentence.span, *trip.evidence],
                    }
                )
            )
    return out


def _travels_as(traveler: str, name: str) -> bool:
    """Whether a trip's traveler is the person: the same name, or their family name alone
    as the model answered it ("Abe")."""
    alone = traveler.split()
    return same_name(traveler, name) or (len(alone) == 1 and alone == name.split()[-1:])


def _subject_is(before: str, person: Person, names: Sequence[str]) -> bool:
    """Whether the words before "accompanied by" name the person or call them by their
    title ("The Prime Minister")."""
    if names_person(before, person.name, names):
        return True
    title = _THE_TITLE.match(before)
    return (
        title is not None
        and person.title is not None
        and title.group("title").casefold().split() == person.title.casefold().split()
    )


__all__ = ["accompanying", "date_companions"]
