"""Engagements: visits grouped by traveler and destination, then split into trips by date."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from typing import Literal, NamedTuple

from summarize.brief.clustering import cluster, most_common, slug
from summarize.brief.facts import text_of
from summarize.brief.people import Person
from summarize.brief.sources import Context
from summarize.contract.brief import Engagement, Fact
from summarize.contract.partial_date import PartialDate
from summarize.ingest.text_match import spaced
from summarize.knowledge.person_names import contains_name, name_parts
from summarize.knowledge.places import (
    countries_mentioned,
    country_display,
    country_key,
    region_of,
)
from summarize.llm.prompts import grammar_words

SAME_TRIP_DAYS = 14


def _interval(iso: str | None) -> tuple[date, date] | None:
    """The days an ISO date (or month, or year) covers; None when the year is unknown."""
    parsed = PartialDate.parse(iso)
    return parsed.interval() if parsed is not None else None


def _near(a: tuple[date, date], b: tuple[date, date]) -> bool:
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= SAME_TRIP_DAYS


def _traveler_key(fact: Fact, people: list[Person]) -> str:
    return _name_key(text_of(fact, "traveler") or "", people)


def _traveler_name(key: str, facts: list[Fact], people: list[Person]) -> str:
    for person in people:
        if person.id == key:
            return person.name
    return most_common(text_of(f, "traveler") or "" for f in facts) or key


def _person_name(key: str, facts: list[Fact], people: list[Person]) -> str:
    """A participant's name: the roster's, else as a visit wrote it (traveler or met)."""
    for person in people:
        if person.id == key:
            return person.name
    written = [text_of(f, "traveler") or "" for f in facts]
    written += [m.strip() for f in facts for m in (text_of(f, "met") or "").split(";")]
    return next((w for w in written if w and " ".join(name_parts(w)) == key), key)


def _yearless(iso: str | None) -> PartialDate | None:
    """A day whose year the source never stated (``--10-28``)."""
    parsed = PartialDate.parse(iso)
    if parsed is None or parsed.year is not None or parsed.day is None:
        return None
    return parsed


def _fits(day: PartialDate, interval: tuple[date, date]) -> bool:
    """Whether a year-less date falls near a dated trip, in that trip's year."""
    placed = day.in_year(interval[0].year).interval()
    return placed is not None and _near(placed, interval)


def _split_by_date(facts: list[Fact]) -> list[list[Fact]]:
    """Visits of one traveler to one country: one trip per cluster of nearby dates.

    A visit with a year-less date joins the dated trip its month and day fall near; one with
    no date at all joins the only trip there is, or else the only trip with a known year, or
    else the one trip still ahead or under way (the news: a meeting in November that one
    report recalls does not take the undated mentions of the visit every report previews).
    Otherwise each stands as its own trip.
    """
    dated = [(f, iv) for f in facts if (iv := _interval(text_of(f, "start_date"))) is not None]
    intervals = [iv for _, iv in dated]
    groups = cluster(intervals, _near, lambda _iv: ["all"])
    trips = [[dated[i][0] for i in g] for g in groups]
    spans = [(min(intervals[i][0] for i in g), max(intervals[i][1] for i in g)) for g in groups]
    loose: list[Fact] = []
    yearless: dict[PartialDate, list[Fact]] = defaultdict(list)
    for f in facts:
        if _interval(text_of(f, "start_date")) is not None:
            continue
        md = _yearless(text_of(f, "start_date"))
        homes = [i for i, iv in enumerate(spans) if md is not None and _fits(md, iv)]
        if len(homes) == 1:
            trips[homes[0]].append(f)
        elif md is not None:
            yearless[md].append(f)
        else:
            loose.append(f)
    trips.extend(yearless[md] for md in sorted(yearless, key=PartialDate.sort_key))
    news = [i for i, trip in enumerate(trips) if any(_ahead_or_now(f) for f in trip)]
    if loose and len(trips) == 1:
        trips[0].extend(loose)
    elif loose and len(spans) == 1:
        trips[0].extend(loose)  # the one trip with a known year is the likeliest home
    elif loose and len(news) == 1:
        trips[news[0]].extend(loose)  # else the one trip that is the news
    elif loose:
        trips.append(loose)
    return trips


def _split_by_region(facts: list[Fact]) -> list[list[Fact]]:
    """Visits at home, where the country tells nothing, one group per region the data tell
    apart ("visited Wales" earlier this month is not the day's trip to Glasgow, Scotland).
    A visit whose region is unknown joins the only group, or the one that is the news, or
    stands alone. Visits abroad stay together: a tour of one country's cities is one trip."""
    if not facts or not all(_at_home(f) for f in facts):
        return [facts]
    regions: dict[str, list[Fact]] = defaultdict(list)
    unknown: list[Fact] = []
    for f in facts:
        region = region_of(text_of(f, "destination_city"))
        (regions[region] if region is not None else unknown).append(f)
    groups = list(regions.values())
    if len(groups) <= 1:
        return [facts]
    news = [g for g in groups if any(_ahead_or_now(f) for f in g)]
    if unknown and len(news) == 1:
        news[0].extend(unknown)
    elif unknown:
        groups.append(unknown)
    return groups


def _destination(trip: list[Fact]) -> str | None:
    """The country key most of a trip's tellings give, if any."""
    return most_common(country_key(text_of(f, "destination_country")) or "" for f in trip)


def _home_region(trip: list[Fact]) -> str | None:
    """The region of a trip at home (:func:`_split_by_region`): another region of the same
    country than the story's own meeting is context, as another country would be."""
    if not trip or not all(_at_home(f) for f in trip):
        return None
    return most_common(r for f in trip if (r := region_of(text_of(f, "destination_city"))))


def _ahead_or_now(fact: Fact) -> bool:
    return text_of(fact, "status") in ("planned", "ongoing")


def _best_date(facts: list[Fact], name: str) -> str | None:
    """The most precise date given, and of those the one most reports give (the earliest
    where as many give each): one outlet's "Friday" does not move a trip others date."""
    values = [v for f in facts if (v := text_of(f, name))]
    if not values:
        return None

    def precision_first(v: str) -> tuple[bool, int, int, str]:
        parsed = PartialDate.parse(v)
        return (parsed is None or not parsed.year_known, -len(v), -values.count(v), v)

    return min(values, key=precision_first)


def _participants(fact: Fact, people: list[Person]) -> set[str]:
    """The people a visit fact involves: its traveler, and whom they met."""
    met = [m.strip() for m in (text_of(fact, "met") or "").split(";") if m.strip()]
    return {_traveler_key(fact, people), *(_name_key(m, people) for m in met)}


def _name_key(name: str, people: list[Person]) -> str:
    """The roster's id for a name as a visit wrote it; a family name alone ("Abe") is the one
    person on the roster who bears it."""
    phrase = name_parts(name)
    for person in people:
        if any(contains_name(phrase, name_parts(v)) for v in person.variants):
            return person.id
    if len(phrase) == 1:
        bearers = {p.id for p in people for v in p.variants if name_parts(v)[-1:] == phrase}
        if len(bearers) == 1:
            return bearers.pop()
    return " ".join(phrase)


def _events(visits: list[Fact], people: list[Person]) -> list[list[Fact]]:
    """Visits that tell one event: the same destination and a participant in common.

    A meeting told from the host's side ("Trump met Merkel") and from the guest's ("Merkel
    travelled to Washington") share a participant and a place, so they are one engagement;
    two ministers on one trip stay two unless a report has them meet.
    """
    placed = _countries_of_places(visits)
    keys = [
        _EventKey(
            country_key(text_of(f, "destination_country"))
            or placed.get((text_of(f, "destination_city") or "").casefold(), ""),
            frozenset(_participants(f, people)),
            _traveler_key(f, people),
            _at_home(f),
        )
        for f in visits
    ]

    def same_event(a: _EventKey, b: _EventKey) -> bool:
        shared = a.participants & b.participants
        return (
            a.country == b.country
            and bool(shared)
            and not (_host_with_other_guests(a, b, shared) or _host_with_other_guests(b, a, shared))
        )

    groups = cluster(keys, same_event, lambda k: [f"{k.country}|{p}" for p in k.participants])
    return [[visits[i] for i in g] for g in groups]


class _EventKey(NamedTuple):
    country: str
    participants: frozenset[str]
    traveler: str
    at_home: bool  # the traveler is in their own country: a host


def _at_home(fact: Fact) -> bool:
    home = country_key(text_of(fact, "traveler_country"))
    return home is not None and home == country_key(text_of(fact, "destination_country"))


def _host_with_other_guests(a: _EventKey, b: _EventKey, shared: frozenset[str]) -> bool:
    """Whether ``a`` is a host's event at home with guests of its own, and shares with
    ``b``, someone else's, only the host: Trump meeting Clinton at Camp David is not Abe's
    visit to Trump. Two events of one traveler stay one (a report may give them the wrong
    country, which puts them "at home")."""
    return (
        a.at_home
        and shared == {a.traveler}
        and b.traveler != a.traveler
        and len(a.participants) > 1
    )


def _countries_of_places(visits: list[Fact]) -> dict[str, str]:
    """A place as written → its country, where the reports that give one agree: another
    report's "the White House, United States" places a "White House" given alone."""
    seen: dict[str, set[str]] = defaultdict(set)
    for f in visits:
        city, country = (
            text_of(f, "destination_city"),
            country_key(text_of(f, "destination_country")),
        )
        if city and country:
            seen[city.casefold()].add(country)
    return {city: next(iter(c)) for city, c in seen.items() if len(c) == 1}


def _visitor(fact: Fact, people: list[Person]) -> str | None:
    """The traveler, when the fact has them abroad: their country known and not the place's."""
    home = country_key(text_of(fact, "traveler_country"))
    there = country_key(text_of(fact, "destination_country"))
    return _traveler_key(fact, people) if home and there and home != there else None


def _by_visitor(event: list[Fact], people: list[Person]) -> list[list[Fact]]:
    """One event per visitor: two ministers abroad together are two engagements (an
    engagement has one traveler), each with what the reports tell of the meeting they
    shared where it names them (the hosts' side, the talks)."""
    visitors = sorted({v for f in event if (v := _visitor(f, people)) is not None})
    if len(visitors) < 2:
        return [event]
    travelers = [_traveler_key(f, people) for f in event]
    own = {v: [f for f, t in zip(event, travelers, strict=True) if t == v] for v in visitors}
    main = max(visitors, key=lambda v: len(own[v]))
    for f, traveler in zip(event, travelers, strict=True):
        if traveler in visitors:
            continue
        # A host's fact goes with each visitor it names, else with the visit most told: a
        # host at home with no one named is not every visitor's source.
        involved = _participants(f, people)
        for v in [v for v in visitors if v in involved] or [main]:
            own[v].append(f)
    return [own[v] for v in visitors]


def _after_every_report(
    status: Literal["past", "ongoing", "planned"] | None, start: str | None, last: str | None
) -> Literal["past", "ongoing", "planned"] | None:
    """Planned, where the engagement's first day comes after every report that tells it was
    published: a visit "on Friday" in reports of Tuesday to Thursday has not happened, however
    some of them worded it."""
    day, published = PartialDate.parse(start), PartialDate.parse(last)
    first = day.interval() if day is not None else None
    printed = published.interval() if published is not None else None
    if first is not None and printed is not None and first[0] > printed[1]:
        return "planned"
    return status


def _as_told_after(
    status: Literal["past", "ongoing", "planned"] | None,
    start: str | None,
    trip: list[Fact],
    ctx: Context,
) -> Literal["past", "ongoing", "planned"] | None:
    """Past or under way, as the reports published on or after its day tell it, where more
    reports called it planned: a preview a week before ("working on a meeting in Bonn") and
    a same-day answer of "planned" do not outweigh the next day's report that it happened."""
    if status != "planned" or start is None or len(start) != len("2017-02-16"):
        return status
    told = [
        f
        for f in trip
        if (day := ctx.published_day(f)) is not None
        and day >= start
        and text_of(f, "status") in ("past", "ongoing")
    ]
    return _status(told) or status


def _plan_overtaken(status: str | None, start: str | None, central: str | None) -> bool:
    """A trip only planned, for a month or day the central engagement is past ("cancel a
    planned Washington visit late last month"): background to the story, not part of it."""
    if status != "planned" or start is None or central is None:
        return False
    planned, happened = PartialDate.parse(start), PartialDate.parse(central)
    if planned is None or happened is None or planned.year is None or happened.year is None:
        return False
    # By month: a plan for "late last month" is overtaken by a visit this month.
    return (planned.year, planned.month or 12) < (happened.year, happened.month or 1)


# More days than this from a trip's end to the story's start: an earlier visit, not the story's.
_SAME_VISIT_DAYS = 31


def _an_earlier_visit(start: str | None, central: str | None) -> bool:
    """A trip between the same countries that ended a month or more before the story's own
    began ("last year's Berlin visit by Beata Szydlo" beside Merkel's Warsaw visit, "the last
    Syria talks in Geneva 10 months ago"): background to the story. A later one still to
    come is part of it."""
    trip, own = PartialDate.parse(start), PartialDate.parse(central)
    trip_span = trip.interval() if trip is not None else None
    own_span = own.interval() if own is not None else None
    if trip_span is None or own_span is None:
        return False
    return (own_span[0] - trip_span[1]).days > _SAME_VISIT_DAYS


def _the_story_s_own(trip: list[Fact], ctx: Context) -> bool:
    """What the reports are about: more than one outlet tells it, or a headline of the one
    that does names where it went or whom the traveler met (a trip one of several reports
    mentions half-way down is background; a headline naming only the traveler is about
    them, not the trip). With one outlet, or no headline, nothing says otherwise."""
    titles = ctx.titles(trip)
    if ctx.corroboration(trip) >= 2 or not titles or len(set(ctx.outlet.values())) < 2:
        return True
    where = {k for f in trip if (k := country_key(text_of(f, "destination_country")))}
    met = {m.strip() for f in trip for m in (text_of(f, "met") or "").split(";")}
    surnames = {parts[-1:] for m in met if (parts := name_parts(m))}
    cities = {parts for f in trip if (parts := name_parts(text_of(f, "destination_city") or ""))}
    for title in titles:
        if any(c.key in where for c in countries_mentioned(title)):
            return True
        words = name_parts(title)
        if any(contains_name(words, n, exact=True) for n in surnames | cities):
            return True
    return False


def _countries(trip: list[Fact], people: list[Person]) -> frozenset[str]:
    """The countries an engagement involves: its travelers' and its destination."""
    found = {country_key(text_of(f, "traveler_country")) for f in trip}
    found |= {country_key(text_of(f, "destination_country")) for f in trip}
    return frozenset(c for c in found if c)


def _status(
    trip: list[Fact], start: str | None = None
) -> Literal["past", "ongoing", "planned"] | None:
    """What most tellings say; in a tie, what the one telling that gives the day ``start``
    says (an undated "visited Geneva" and a dated "is in Geneva" are under way)."""
    counts = Counter(s for f in trip if (s := text_of(f, "status")))
    top = max(counts.values(), default=0)
    tied = {s for s, n in counts.items() if n == top}
    dating = {text_of(f, "status") for f in trip if start and text_of(f, "start_date") == start}
    found = most_common(text_of(f, "status") or "" for f in trip)
    if len(tied) > 1 and len(tied & dating) == 1:
        (found,) = tied & dating
    statuses: dict[str, Literal["past", "ongoing", "planned"]] = {
        "past": "past",
        "ongoing": "ongoing",
        "planned": "planned",
    }
    return statuses.get(found or "")


def as_written(e: Engagement, place: str) -> str:
    """The place with "the" where the engagement's spans write it so ("at the White House
    on Friday"): a building reads "visit to the White House", a city no article. Not where
    "the" is a noun's after the place ("the Mar-a-Lago resort"): the place must end its
    phrase, before punctuation or a closed-class word."""
    if not place or place.lower().startswith("the "):
        return place
    words = spaced(place)
    spans = " ".join(c.span.text for c in e.citations)
    written = re.search(rf"\bthe\s+{words}{_phrase_ends()}", spans, re.IGNORECASE) is not None
    return f"the {place}" if written else place


@cache
def _phrase_ends() -> str:
    """What may follow a name that ends its phrase: punctuation, the end, a closed-class word
    (read from the prompts folder on first use, not at import)."""
    words = grammar_words("not_a_subject") | grammar_words("be") | grammar_words("subordinator")
    return rf"(?:\s*[^\w\s]|\s*$|\s+(?:{'|'.join(sorted(words))})\b)"


def central_first(e: Engagement) -> tuple[bool, int, bool, int, str, str]:
    """The sort key that puts what the story is about first: a visit under way, else the one
    most outlets tell, what happened before what is planned, then the most reports, the
    earliest; the title and the bottom line lead with the same engagement."""
    return (
        e.status != "ongoing",
        -e.corroboration,
        e.status == "planned",
        -len(e.sources),
        e.start_date or "9999",
        e.id,
    )


def engagements_of(
    visits: list[Fact], people: list[Person], ctx: Context
) -> tuple[list[Engagement], list[list[Fact]]]:
    """Trips and meetings, one engagement per event; the central one's countries decide
    which are the story's own engagements and which are context.

    The central one is what is happening, else the most corroborated, what happened before
    what is planned where as many outlets tell both: a next stop every report mentions in
    passing ("ahead of stops in Seoul") is not what reports of a visit under way are about,
    but a visit four reports preview is more than a past one two of them recall.
    A story that is about no trip (a manhunt, with the president in town for the UN) has none,
    and every trip in it is context.
    """
    trips = [
        trip
        for event in _events(visits, people)
        for own in _by_visitor(event, people)
        for part in _split_by_region(own)
        for trip in _split_by_date(part)
        if trip
    ]
    central = max(
        (t for t in trips if _the_story_s_own(t, ctx)),
        key=lambda t: (
            _status(t) == "ongoing",
            ctx.corroboration(t),
            _status(t) != "planned",
            len(ctx.sources(t)),
            -min(ctx.sources(t)),
        ),
        default=None,
    )
    focus = _countries(central, people) if central is not None else frozenset()
    central_start = _best_date(central, "start_date") if central is not None else None
    central_region = _home_region(central) if central is not None else None
    central_place = _destination(central) if central is not None else None
    out: list[Engagement] = []
    for trip in trips:
        travelled = [f for f in trip if text_of(f, "kind") != "meeting"] or trip
        # One visitor's engagement (``_by_visitor``) is theirs, however many of the hosts'
        # facts it shares: the visitor travelled, the hosts were at home.
        travelled = [f for f in travelled if _visitor(f, people)] or travelled
        traveler = most_common(_traveler_key(f, people) for f in travelled) or ""
        traveler_country = most_common(
            k for f in travelled if (k := country_key(text_of(f, "traveler_country")))
        )
        dest = _destination(trip)
        year_known = any(f.fields.get("year_stated") is True for f in trip)
        start = _best_date(trip, "start_date")
        status = _after_every_report(_status(trip, start), start, ctx.last_published(trip))
        status = _as_told_after(status, start, trip, ctx)
        name = _traveler_name(traveler, travelled, people)
        participants = sorted(
            {_person_name(k, trip, people) for f in trip for k in _participants(f, people)} - {name}
        )
        out.append(
            Engagement(
                id=slug("e", f"{name} {dest} {start}"),
                role="engagement"
                if (
                    _countries(trip, people) == focus
                    and not _plan_overtaken(status, start, central_start)
                    and not _an_earlier_visit(start, central_start)
                    and _home_region(trip) in (None, central_region)
                )
                # at the story's own gathering: there on its day, from wherever they came
                or (
                    bool(dest)
                    and dest == central_place
                    and start is not None
                    and start == central_start
                )
                else "context",
                kind="trip" if any(text_of(f, "kind") != "meeting" for f in trip) else "meeting",
                status=status,
                traveler=name,
                traveler_country=country_display(traveler_country),
                met=participants,
                destination_country=country_display(dest or None),
                destination_city=most_common(text_of(f, "destination_city") or "" for f in trip),
                start_date=start,
                end_date=_best_date(trip, "end_date"),
                year_known=year_known,
                # An undated trip has no year to be missing: "date not stated" says it all.
                date_note=None if year_known or start is None else "year not stated by the source",
                purposes=sorted({p for f in trip if (p := text_of(f, "purpose"))}),
                sources=ctx.sources(trip),
                corroboration=ctx.corroboration(trip),
                citations=ctx.cite(trip),
            )
        )
    out = _without_fellow_travelers(out)
    order = sorted(range(len(out)), key=lambda i: (out[i].start_date or "9999", out[i].id))
    return [out[i] for i in order], [trips[i] for i in order]


def _without_fellow_travelers(engagements: list[Engagement]) -> list[Engagement]:
    """Each engagement less the people it met who travelled with its traveler: of the same
    country, to the same country, on the same day (or no day given). A report that Kelly
    and Tillerson held talks in Mexico City has them meet the Mexicans, not each other."""
    out: list[Engagement] = []
    for e in engagements:
        fellows = {
            o.traveler
            for o in engagements
            if o is not e
            and o.traveler in e.met
            and o.kind == "trip"
            and e.traveler_country is not None
            and o.traveler_country == e.traveler_country
            and o.destination_country == e.destination_country
            and (o.start_date == e.start_date or None in (o.start_date, e.start_date))
        }
        out.append(e.model_copy(update={"met": [m for m in e.met if m not in fellows]}))
    return out
