"""A trip a sentence tells by office is the named traveler's trip, on the day it gives.

A report often opens with the office and the day ("Belarus' foreign minister arrived in
North Korea on Tuesday") and names the traveler a sentence later without one ("Foreign
Minister X flew to Pyongyang from Beijing"). The model answers the named sentence, so the
trip has no date; read with the opening, it is the trip that sentence dates, as a reader
takes it. The office and the country must be the traveler's (the people pass found them),
the sentence must name no one else before the place, and the trip must be to the same
country; the dating sentence joins the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.contract.extraction import Visit
from summarize.extract.event_grounding import PlaceAndDay
from summarize.extract.grounding import ArticleContext
from summarize.extract.itinerary import ahead_in, mentions_before, stop_fields, stops_in
from summarize.extract.name_mentions import names_person, same_name
from summarize.extract.numbered import NumberedSentence


def date_by_office(visits: Sequence[Visit], ctx: ArticleContext) -> list[Visit]:
    """Each undated trip (no date words, not planned) that exactly one day of a sentence
    naming its traveler by office fits takes that day."""
    return [_dated(visit, ctx) for visit in visits]


def _dated(visit: Visit, ctx: ArticleContext) -> Visit:
    if (
        visit.kind != "trip"
        or visit.start_date is not None
        or visit.date_text is not None
        or visit.status == "planned"
        or visit.destination_country is None
    ):
        return visit
    found = {
        (day["start_date"], day["end_date"], day["year_stated"], day["date_text"]): sentence
        for sentence in ctx.numbered
        for day in _days_by_office(visit, sentence, ctx)
    }
    if len(found) != 1:
        return visit  # none, or several days: which one is unknown
    (start, end, year_stated, words), sentence = next(iter(found.items()))
    known = {(s.start, s.end) for s in visit.evidence}
    dating = [] if (sentence.span.start, sentence.span.end) in known else [sentence.span]
    return visit.model_copy(
        update={
            "start_date": start,
            "end_date": end,
            "year_stated": year_stated,
            "date_text": words,
            "evidence": [*visit.evidence, *dating],
        }
    )


def _days_by_office(
    visit: Visit, sentence: NumberedSentence, ctx: ArticleContext
) -> list[PlaceAndDay]:
    if not ctx.by_office(sentence.text, visit.traveler):
        return []
    others = [p.name for p in ctx.people if not same_name(p.name, visit.traveler)]
    days: list[PlaceAndDay] = []
    for stop in stops_in(sentence.text):
        before = sentence.text[: stop.start]
        if stop.when is None or ahead_in(before):
            continue
        if any(mentions_before(sentence.text, stop, name) for name in others):
            continue  # someone else is named on the way to the place
        if names_person(before, visit.traveler):
            continue  # named, not told by office: the model's own sentence
        where = stop_fields(stop, ctx.published, ahead=False)
        if where["destination_country"] == visit.destination_country and where["start_date"]:
            days.append(where)
    return days


__all__ = ["date_by_office"]
