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
home country named as a country is always going home. "Will visit the country" is a trip to
the one country the sentence before names, and both sentences are its evidence.

A building is a place here once the article's venues place it ("Merkel was scheduled to come
to the White House"), and a day the visit is moved to is its day; a building at home is no
trip. More kinds are stated trips: a meeting at a known place, or at a placed building, is a
trip for each person named there who is from elsewhere ("Castell met Canadian Foreign
Minister Dell in Lisbon"); a guest welcomed, hosted, received or brought somewhere travelled
there, in the host's country where no gazetteer knows the place ("Castell welcomed Dell to
the Belem Palace"; one who brings a guest abroad travels with them); and talks on a
continent's tour were in the country of the one met ("began his Asian tour, holding talks
with Japan's Foreign Minister"). "The meeting between Dell and Castell" is a meeting even
where no place is named, unless a trip of either of them already tells it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache

from summarize.contract.extraction import Span, Visit
from summarize.extract.event_grounding import PlaceAndDay, destination, place_and_day
from summarize.extract.grounding import Person, called_by_office
from summarize.extract.itinerary import (
    DAY_NAME,
    JUST_DONE,
    POSSESSIVE_END,
    SOURCE_BEFORE,
    Stop,
    a_place,
    ahead_in,
    buildings_led_to,
    mentions_before,
    named_for_another_event,
    of_others,
    on_its_day,
    posted_in,
    same_trip,
    sentence_dates,
    stop_fields,
    stops_in,
    stops_in_the_country,
    under_way,
)
from summarize.extract.name_mentions import name_positions, names_person, same_name
from summarize.extract.numbered import Numbered, NumberedSentence
from summarize.extract.office_holders import find_office_holders, office_after, office_word_set
from summarize.extract.retold import adds_a_day
from summarize.extract.voices import attribution_verbs
from summarize.ingest.date_phrases import ResolvedDates, resolve_dates
from summarize.ingest.text_match import contains, normalize
from summarize.knowledge.person_names import contains_name, mention_key, name_parts
from summarize.knowledge.places import (
    continent_countries,
    countries_named,
    country_display,
    country_key,
    find_country,
)
from summarize.knowledge.titles import names_a_post

# A modal, an invitation or an infinitive before the place ("talks that could lead to a visit
# to X", "invited Y to visit X", "wants to travel to X") puts the trip ahead: it has not
# happened.
_NOT_YET = re.compile(
    r"\b(?:could|would|(?-i:may)|might|should|can|shall|invit\w*"
    r"|to\s+(?:visit|travel|fly|go|head))\b",  # "may", not "Mrs May visited"
    re.IGNORECASE,
)
# "will not visit", "does not plan to visit", "never went to": no trip at all.
_DENIED = re.compile(r"\b(?:not|never|n['\u2019]t)(?:\s+[\w-]+){1,4}\s+$", re.IGNORECASE)
# How far before the place a denial may stand ("does not plan to visit").
_DENIAL_CHARS = 40
# "Earlier this month, Mrs May visited Wales": a time the sentence opens with, set off by a
# comma, dates what it tells.
_FRONTED_TIME = re.compile(r"^(?P<when>[A-Z][^,]{2,40}),\s")


def stated_trips(
    numbered: Numbered,
    people: Sequence[Person],
    published: date | None,
    answered: Sequence[Visit] = (),
    venues: Callable[[str], str | None] | None = None,
) -> list[Visit]:
    """The trips of named people that a travel word states and no answered visit covers; to a
    building, where ``venues`` places it (the article's venues, as already placed)."""
    out: list[Visit] = []
    stated = [
        *_every_stated_trip(numbered, people, published, venues),
        *_every_meeting_abroad(numbered, people, published, venues),
        *_every_guest(numbered, people, published),
        *_every_guest_of_a_host(numbered, people, published),
        *_every_tour_host(numbered, people, published),
        *_every_attendee(numbered, people, published),
    ]
    posts: dict[str, frozenset[str | None]] = {}  # each traveler's posts, read once
    for trip in stated:
        if _posted_there(trip, people, numbered.text, posts):
            continue
        # an answered retelling without the day this sentence gives is folded in later
        # (:func:`retold.fold_retold`): the stated trip stands, to date it
        if not any(
            same_trip(known, trip) and not adds_a_day(known, trip) for known in [*answered, *out]
        ):
            out.append(trip)
    for meeting in _every_meeting_between(numbered, people, published, venues):
        if not any(_same_meeting(known, meeting) for known in [*answered, *out]):
            out.append(meeting)
    return out


def _posted_there(
    trip: Visit, people: Sequence[Person], text: str, posts: dict[str, frozenset[str | None]]
) -> bool:
    """Whether the traveler's office, as the article gives it, posts them in the country
    ("Sergey Kislyak, the Russian ambassador to the United States", met "in Cleveland"): being
    there is their post, not a journey. ``posts`` keeps each person's, read once per article."""
    person = next((p for p in people if same_name(p.name, trip.traveler)), None)
    if person is None or trip.destination_country is None:
        return False
    if person.name not in posts:
        offices = [
            person.title,
            office_after(person.name, text),
            *(
                h.office
                for h in find_office_holders(text, [person.name])
                if same_name(h.name, person.name)
            ),
        ]
        posts[person.name] = frozenset(posted_in(office) for office in offices if office)
    return country_key(trip.destination_country) in posts[person.name]


def _every_stated_trip(
    numbered: Numbered,
    people: Sequence[Person],
    published: date | None,
    venues: Callable[[str], str | None] | None,
) -> list[Visit]:
    out: list[Visit] = []
    previous: NumberedSentence | None = None
    for sentence in numbered:
        abroad: set[str] = set()  # who this sentence has already taken abroad
        stops = [(stop, [sentence.span]) for stop in stops_in(sentence.text, venues)]
        stops += _anaphoric(sentence, previous)
        before_it, previous = previous, sentence
        for stop, evidence in stops:
            traveler = _traveler(sentence.text, stop, people, by_office=True)
            if traveler is None and before_it is not None:
                # "In addition, he's accepted invitations to visit ...": the sentence before
                # names him, and joins the evidence
                traveler = _pronoun_means(sentence, stop, before_it, people)
                evidence = [*evidence, before_it.span] if traveler else evidence
            if traveler is None:
                continue
            before = sentence.text[: stop.start]
            if _DENIED.search(before[-_DENIAL_CHARS:]):
                continue
            ahead = ahead_in(before) or bool(_NOT_YET.search(before)) or stop.moved
            where = stop_fields(stop, published, ahead=ahead)
            fronted = _FRONTED_TIME.match(before)
            if where["start_date"] is None and fronted is not None:
                dates = resolve_dates(fronted["when"], published, ahead=ahead)
                if dates.start is not None:
                    where["date_text"], where["start_date"] = fronted["when"], dates.start
                    where["end_date"], where["year_stated"] = dates.end, dates.year_stated
            country, city = where["destination_country"], where["destination_city"]
            home = country_display(country_key(traveler.country))
            if country is None:
                continue
            if country == home and (city is None or traveler.name in abroad or stop.country):
                continue  # going home: the country, a building, a city after a stop abroad
            if country != home:
                abroad.add(traveler.name)
            if not ahead and where["start_date"] is None and published and JUST_DONE.search(before):
                # "has gone to France": the news of the page's day
                where["start_date"], where["year_stated"] = published.isoformat(), True
            status = on_its_day("past", where["start_date"], published, sentence.text)
            if not ahead and under_way(sentence.text, traveler.name, stop.place):
                status = "ongoing"  # "the current visit to Russia by": there as written
                if where["start_date"] is None and published is not None:
                    where["start_date"], where["year_stated"] = published.isoformat(), True
            trip = Visit(
                kind="trip",
                status="planned" if ahead else status,
                traveler=traveler.name,
                traveler_country=home,
                evidence=evidence,
                **where,
            )
            out.append(trip)
            for partner in _joined_before(sentence.text, stop, traveler, people):
                partner_home = country_display(country_key(partner.country))
                if partner_home is not None and partner_home != country:
                    update = {"traveler": partner.name, "traveler_country": partner_home}
                    out.append(trip.model_copy(update=update))
    return out


def _joined_before(
    text: str, stop: Stop, traveler: Person, people: Sequence[Person]
) -> list[Person]:
    """Who the sentence joins to the traveler with "and" right before them ("Prince William
    and Princess Kate touched down in Paris", "William's and Kate's July visit to Germany"):
    one subject, one journey."""
    named = list(re.finditer(rf"\b{re.escape(mention_key(traveler.name))}\b", text[: stop.start]))
    if not named:
        return []
    head = text[: named[-1].start()]
    return [
        p
        for p in people
        if p is not traveler
        and re.search(
            rf"\b{re.escape(mention_key(p.name))}(?:['\u2019]s)?\s+and\s+"
            r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}$",
            head,
        )
    ]


def buildings_travelled_to(numbered: Numbered, people: Sequence[Person]) -> list[str]:
    """The buildings a named person travels to ("Merkel was to come to the White House") or
    meets at ("the two leaders are due to meet Monday at the White House"), as printed: what
    the venue question asks to place, so that such a trip is stated. Not a person of the
    article, nor an office."""
    travelled = [
        stop.place
        for sentence in numbered
        for stop in buildings_led_to(sentence.text)
        if _traveler(sentence.text, stop, people) is not None
        and not any(names_person(stop.place, p.name) for p in people)
        and not names_a_post(stop.place.split())  # "visiting US Secretary of State Dell"
    ]
    met_at = [
        building
        for sentence in numbered
        if (building := _meeting_building(sentence.text)) is not None
        and any(names_person(sentence.text, p.name) for p in people)
        and not any(names_person(building, p.name) for p in people)
        and not names_a_post(building.split())
    ]
    return [*travelled, *met_at]


def _pronoun_means(
    sentence: NumberedSentence, stop: Stop, previous: NumberedSentence, people: Sequence[Person]
) -> Person | None:
    """Whom "he" or "she" travelling means where the sentence names no one before the place
    ("Trump has also agreed to attend a May summit in Brussels. In addition, he's accepted
    invitations to visit the United Kingdom and Japan."): the person the sentence before
    opens with, its subject."""
    if not _PRONOUN_TRAVELS.search(sentence.text, 0, stop.start):
        return None
    if _mentions(sentence.text[: stop.start], people):
        return None
    mentioned = _mentions(previous.text, people)
    return mentioned[0][2] if mentioned and mentioned[0][0] <= _SUBJECT_CHARS else None


# "he" or "she" opening the sentence or a clause, before the travel word: the subject.
_PRONOUN_TRAVELS = re.compile(r"(?:^|[,;]\s+|\b(?:and|then)\s+)(?:[Hh]e|[Ss]he)(?:['\u2019]s)?\s")


def _anaphoric(
    sentence: NumberedSentence, previous: NumberedSentence | None
) -> list[tuple[Stop, list[Span]]]:
    """ "China ... will be the last stop on the tour. Tillerson will visit the country on
    March 18.": "the country" is the one country the sentence before names (by name, not
    demonym); none where it names several, or the sentence itself names one before. Both
    sentences are the evidence."""
    if previous is None or "the country" not in sentence.text.casefold():
        return []
    named = countries_named(previous.text)
    if len(named) != 1:
        return []
    stops = stops_in_the_country(sentence.text, next(iter(named.values())))
    return [
        (stop, [previous.span, sentence.span])
        for stop in stops
        if not countries_named(sentence.text[: stop.start])
    ]


def _traveler(
    text: str, stop: Stop, people: Sequence[Person], *, by_office: bool = False
) -> Person | None:
    """The one person named right after "<place> visit by" or "visit to <place> by", where
    the sentence says so; the sentence's subject, named at its start, for "before traveling
    to <place>"; the person named nearest before the place, if any is named before it; else, for
    "During his visit to Beijing, Tillerson met Xi", the subject the clause after names;
    else, ``by_office``, the one person the words before it call by office and country ("The
    German Foreign Minister's visit, which comes on the heels of a visit to Poland"): for a
    country or city, not for a building, whose capitals may be a headline's."""
    by = _JOURNEY_BY.match(text, stop.end)
    if by is None and _JOURNEY_TO.search(text, 0, stop.start):
        by = _BY.match(text, stop.end)
    if by is not None:
        named = _named_in(text[by.end() : by.end() + _BY_CHARS], people)
        return named[0] if len(named) == 1 else None
    if _THEN_TRAVELLING.search(text, 0, stop.start):
        mentioned = _mentions(text, people)
        if mentioned and mentioned[0][0] <= _SUBJECT_CHARS:
            return mentioned[0][2]  # the sentence's subject travels on, not whom it met
    owned = _OFFICE_OWNS.search(text, 0, stop.start)
    if owned is not None:  # "during the prime minister's trip to Scotland": its one holder
        office = owned["office"].split()
        holders = [
            p for p in people if p.title and p.title.casefold().split()[-len(office) :] == office
        ]
        return holders[0] if len(holders) == 1 else None
    best: tuple[int, Person] | None = None
    for person in people:
        before = mentions_before(text, stop, person.name)
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    if best is not None and _own_subject(text[best[0] : stop.start], best[1]):
        return None
    if best is None and _OWN_JOURNEY.search(text, 0, stop.start):
        subject = _NEXT_SUBJECT.match(text, stop.end)
        named = [p for p in people if subject and names_person(subject.group(1), p.name)]
        return named[0] if len(named) == 1 else None
    if best is None and by_office:
        called = [p for p in people if called_by_office(text[: stop.start], p)]
        return called[0] if len(called) == 1 else None
    return best[1] if best is not None else None


def _own_subject(between: str, person: Person) -> bool:
    """Whether a clause after the person's mention, before the place, has a named subject of
    its own ("Since President Ronald Reagan, first-term presidents have traveled ...: Barack
    Obama visited Canada ...; George W. Bush traveled to Mexico"): the stop is that one's."""
    return any(
        not names_person(subject["who"], person.name)
        for subject in _CLAUSE_SUBJECT.finditer(between)
    )


# A clause opening with a capitalized name and a verb, after a semicolon or a colon.
_CLAUSE_SUBJECT = re.compile(r"[;:]\s+(?:and\s+)?(?P<who>(?:[A-Z][\w.'\u2019-]*\s+){1,4})(?=[a-z])")


# "the prime minister's trip to", "the German minister's visit to": a journey whose traveler
# the sentence calls by office, not by the name it printed last.
_OFFICE_OWNS = re.compile(
    r"\b[Tt]he\s+(?P<office>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)['\u2019]s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|tour|journey|stopover)s?\s+(?:to|in)\s+(?:the\s+)?$"
)


# "Dell will attend the summit and meet Castell before traveling to Lisbon": a participle
# whose subject is the sentence's, named at its start.
_THEN_TRAVELLING = re.compile(
    r"\b(?:before|after)\s+(?:travel\w*|head\w*|flying|going|leaving\s+for|moving\s+on)"
    r"\s+(?:on\s+)?(?:to\s+)?$",
    re.IGNORECASE,
)
# How far into the sentence its subject's name may start ("Foreign Minister Tomas Dell").
_SUBJECT_CHARS = 40
# "last year's Berlin visit by Castell, the Portuguese prime minister": the traveler follows.
_JOURNEY_BY = re.compile(r"\s+(?:visit|trip|tour|stopover)\s+by\s+", re.IGNORECASE)
# "the current visit to Russia by Iranian President Hassan Rouhani": the traveler follows too.
_JOURNEY_TO = re.compile(
    r"\b(?:visit|trip|tour|journey|stopover)s?\s+to\s+(?:the\s+)?$", re.IGNORECASE
)
_BY = re.compile(r"\s+by\s+")
# How far after "by" the traveler's name may run ("by Portuguese Prime Minister Mira Castell").
_BY_CHARS = 60


# "his visit to", "her first trip to", "as he flew to": a journey whose traveler the sentence
# names after it, in the clause after the comma.
_OWN_JOURNEY = re.compile(
    r"(?:\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour|journey|stop)\w*\s+"
    r"(?:to|in)|\b(?:as|when|while|after|before|once)\s+(?:he|she|they)\b)\s+[^,;]*$",
    re.IGNORECASE,
)


# A word that tells a meeting (also read by ``hosts``, where a host meets a guest at home).
MEETING_WORD = re.compile(r"\b(?:meet|met|meets|meeting|talks|summit)\b", re.IGNORECASE)
# "in Lisbon", "at the Kremlin", "in the riverside city of Porto": a preposition, then a
# known place among the next few words.
_AT = re.compile(r"\b(?:in|at)\s+((?:[^\s,;]+\s+){0,5}[^\s,;]+)", re.IGNORECASE)
# What puts a meeting ahead: a look-ahead word or a modal ("could meet in"), not an
# invitation made at it ("invited Y during their meeting in Beijing").
# Case-sensitive: "In May" is a month. Not "ahead of" or "before": those name another event
# ("Ahead of his visit to Oslo, Dell had met Castell in Athens").
_MODAL = re.compile(r"\b(?:[Cc]ould|[Ww]ould|may|[Mm]ight|[Ss]hould|[Cc]an|[Ss]hall)\b")
_TO_COME = re.compile(
    r"\b(?:will|is\s+to|are\s+to|(?:is|are)\s+due|scheduled|slated|planned|"
    r"(?:plans?|hopes?|intends?)\s+(?:to|\w+ing)|"
    r"(?:is|are)\s+supposed\s+to|"
    r"(?:is|are)\s+expected\s+to|(?:is|are|was|were)\s+set\s+to)\b",
    re.IGNORECASE,
)
# "in" or "at" must start this close after the meeting word: a run-on scrape may put a
# place of some other event in the same "sentence".
_NEAR_CHARS = 60
# Unless "again" ties it to the meeting: "due to meet Dell next week, and again at the
# Lisbon Forum a week later".
_AGAIN = re.compile(r"\bagain\s+$", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}")
# The capitalized words that open the clause after the place's: ", Tillerson met ...".
_NEXT_SUBJECT = re.compile(r"[^,;]{0,40},\s*(" + _CAPITALISED.pattern + ")")


def _meeting_word(text: str) -> re.Match[str] | None:
    """The sentence's first meeting word, unless it names what is discussed or prepared
    ("Dell and Castell will also discuss ... the upcoming peace talks in Geneva", "agreed to
    cooperate in preparing the talks in Geneva": a topic, not where they meet)."""
    met = MEETING_WORD.search(text)
    if met is None or _DISCUSSED.search(text, 0, met.start()):
        return None
    return met


# A verb of discussing or preparing and at most a dozen words of its object before a meeting
# word; not past a word that sets another event in time ("discussed trade before the talks in
# Geneva").
_DISCUSSED = re.compile(
    r"\b(?:discuss\w*|debat\w*|address\w*|(?:talk\w*|spoke|speak\w*)\s+about|focus\w*\s+on"
    r"|prepar(?:e|es|ed|ing|ations?)(?:\s+for)?)"
    r"\s+(?:(?!(?:before|after|during|ahead|following|since|until|when|while|at)\b)"
    r"[^\s,;:.]+\s+){0,12}$",
    re.IGNORECASE,
)


def _meeting_place(
    text: str, venues: Callable[[str], str | None] | None = None
) -> tuple[str, int, str | None] | None:
    """The first known place after "in" or "at" following a meeting word (close after it, or
    after "again"), where that word stands, and the country of a building ``venues`` places
    ("meet Monday at the White House")."""
    met = _meeting_word(text)
    if met is None:
        return None
    for at in _AT.finditer(text, met.end()):
        if at.start() > met.end() + _NEAR_CHARS and not _AGAIN.search(text, 0, at.start()):
            continue
        for run in _CAPITALISED.finditer(at.group(1)):
            if (place := a_place(run.group(0))) is not None:
                return place, met.start(), None
            building = _building(run.group(0))
            if venues is not None and (country := venues(building)) is not None:
                return building, met.start(), country
    return None


def _meeting_building(text: str) -> str | None:
    """The building a meeting word puts a meeting at ("meet Monday at the White House"),
    where no known place is named there: not a day, a country or its demonym ("in the
    Mexican capital")."""
    met = _meeting_word(text)
    if met is None or _meeting_place(text) is not None:
        return None
    for at in _AT.finditer(text, met.end()):
        if at.start() > met.end() + _NEAR_CHARS:
            break
        run = _CAPITALISED.search(at.group(1))
        if run is None:
            continue
        name = _building(run.group(0))
        if re.fullmatch(DAY_NAME, name) or find_country(name) is not None:
            return None
        return name
    return None


def _building(phrase: str) -> str:
    """The building's name without the full stop or quote that ends its sentence."""
    return phrase.rstrip(".'\u2019")


def _every_meeting_abroad(
    numbered: Numbered,
    people: Sequence[Person],
    published: date | None,
    venues: Callable[[str], str | None] | None = None,
) -> list[Visit]:
    """ "Castell met Canadian Foreign Minister Dell in Lisbon": each person named in a sentence
    where a meeting took place at a known place, whose country is known and is not that
    place's, travelled there to meet the others named; not one who only tells of the talks
    (:func:`reports_it`)."""
    out: list[Visit] = []
    for sentence in numbered:
        found = _meeting_place(sentence.text, venues)
        if found is None:
            continue
        place, at, country = found
        named = _named_in(sentence.text, people)
        ahead = _to_come(sentence.text[:at])
        where = place_and_day(place, None, sentence_dates(sentence.text, published, ahead=ahead))
        where["destination_country"] = where["destination_country"] or country
        at_it = [
            p
            for p in named
            if not (reports_it(sentence.text, p.name, at) or _only_a_topic(sentence.text, p))
        ]
        for person in at_it:
            others = _met_by(person, at_it)
            if (
                trip := _trip_abroad(person, others, sentence.span, where, ahead, published)
            ) is not None:
                out.append(trip)
    return out


# "amid Tusk re-election row", "over Trump's remarks": a name in what a meeting is about.
_TOPIC_BEFORE = re.compile(
    r"\b(?:amid|over|about|despite|regarding|concerning)\s+(?:the\s+)?$", re.IGNORECASE
)


def _only_a_topic(text: str, person: Person) -> bool:
    """Whether every mention of the person in the sentence follows a word that makes it what
    the meeting is about ("EU leaders meet in Brussels amid Tusk re-election row")."""
    key = mention_key(person.name)
    named = list(re.finditer(rf"\b{re.escape(key)}\b", text))
    return bool(named) and all(
        _TOPIC_BEFORE.search(text, 0, _name_start(text, m.start())) for m in named
    )


def _name_start(text: str, surname_at: int) -> int:
    """Where the name whose family name starts at ``surname_at`` begins: its capitalised
    words before it ("Donald Tusk")."""
    before = re.search(r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}$", text[:surname_at])
    return before.start() if before is not None else surname_at


# What may follow a verb of saying that ends a sentence: where and when it was said, no
# clause of its own ("said in an interview with TASS on Thursday.").
_ATTRIBUTION_TAIL = re.compile(r"(?:\s+(?!that\b)[\w'\u2019.-]+){0,8}\s*[.!]?\s*")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:[\w.'\u2019-]+\s+){0,3}$", re.IGNORECASE)
# A finite verb: a clause of its own between a verb of saying and the talks it tells of.
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|did|does)\b")


def reports_it(text: str, name: str, at: int) -> bool:
    """Whether the person only tells of the meeting at ``at``: a verb of saying after their
    name opens a clause of its own that holds it ("Barakat ... told Al Jazeera the
    opposition was not clear on the plans for the talks in Kazakhstan's capital")."""
    key = mention_key(name)
    named = list(re.finditer(rf"\b{re.escape(key)}\b", text[:at]))
    if not named:
        # named only after the talks, as who says so at the sentence's end: "..., the Israeli
        # Minister ..., Ze'ev Elkin said in an interview with TASS on Thursday" (not "During a
        # meeting with Putin in Sochi, Lukashenko suggested that ..."), or as its source
        # ("according to UN Special Envoy for Syria Staffan de Mistura")
        after = list(re.finditer(rf"\b{re.escape(key)}\b", text[at:]))
        verbs = attribution_verbs()
        return any(
            (verb := verbs.match(text, at + m.end() + 1)) is not None
            and _ATTRIBUTION_TAIL.fullmatch(text, verb.end()) is not None
            for m in after
        ) or any(
            SOURCE_BEFORE.search(text, at, at + m.start())
            or named_for_another_event(text, at, at + m.start())
            for m in after
        )
    if _ACCORDING_TO.search(text, 0, named[-1].start()):
        return True  # "According to Ersen, the refusal to join the talks in Astana"
    verb = attribution_verbs().search(text, named[-1].end(), at)
    if verb is None:
        return False
    clause = text[verb.end() : at]
    # "Zakharova said that the meeting in Astana had brought together ...": a clause opened by
    # "that" and not about the speaker ("said that he met Dell in Lisbon" is their own trip)
    reported = re.search(r"\bthat\b", clause) is not None and of_others(clause)
    return reported or _FINITE.search(text, verb.end(), at) is not None


def _named_in(text: str, people: Sequence[Person]) -> list[Person]:
    """The people ``text`` names. A family name two of them bear names the one written in
    full here, else the official: "the two leaders are due to meet Monday at the White House
    -- Trudeau might well be sensing a storm" is Justin Trudeau's, not his father Pierre's."""
    named = [p for p in people if names_person(text, p.name)]
    return [
        p
        for p in named
        if contains(text, p.name)
        or not any(
            mention_key(q.name) == mention_key(p.name)
            and (contains(text, q.name) or (q.official and not p.official))
            for q in named
            if q is not p
        )
    ]


@cache
def _headline_plan() -> re.Pattern[str]:
    """A headline's future: names or an office, then "to" and a verb ("Tillerson to meet with
    NATO members in Brussels", "Trump, Abe to hold talks", "US president to hold talks")."""
    offices = "|".join(re.escape(w) for w in sorted(office_word_set(), key=len, reverse=True))
    return re.compile(
        rf"^\s*(?:(?:[A-Z][\w.'\u2019-]*|{offices}),?\s+(?:and\s+)?){{1,5}}to(?:\s+[a-z]+\b|\s*$)"
    )


def _to_come(before: str) -> bool:
    return bool(_TO_COME.search(before) or _MODAL.search(before) or _headline_plan().search(before))


def _met_by(traveler: Person, named: Sequence[Person]) -> list[str]:
    """The others a sentence names, once each: not "Abe" beside Shinzo Abe, the traveler, nor
    "Trump" beside Donald Trump (the fuller name stands)."""
    names = [p.name for p in named if p is not traveler]
    return [
        name
        for name in names
        if not any(
            other != name and contains_name(name_parts(other), name_parts(name), exact=True)
            for other in [*names, traveler.name]
        )
    ]


def _trip_abroad(
    traveler: Person,
    met: list[str],
    evidence: Span,
    where: PlaceAndDay,
    ahead: bool,
    published: date | None,
) -> Visit | None:
    """The traveler's trip to ``where``, if it is abroad for them (their country known):
    planned, done, or under way where its sentence dates it on the page's own day."""
    home = country_display(country_key(traveler.country))
    if home is None or where["destination_country"] in (None, home):
        return None
    done = on_its_day("past", where["start_date"], published, evidence.text)
    return Visit(
        kind="trip",
        status="planned" if ahead else done,
        traveler=traveler.name,
        traveler_country=home,
        met=met,
        evidence=[evidence],
        **where,
    )


_WELCOMED = re.compile(
    r"\b(?:(?:welcom|host|receiv)(?:e|es|ed|ing|s)?|bring|brings|bringing|brought)\b",
    re.IGNORECASE,
)
# One who brings a guest somewhere is their host only at home; abroad they travel with them.
_BRING = re.compile(r"br(?:ing|ought)", re.IGNORECASE)
# "to the Belem Palace", "in Ottawa", "to his southern retreat Mar-a-Lago": the place after
# a preposition, past a few lower-case words that describe it.
_TO_PLACE = re.compile(
    r"^[^,;.]{0,80}?\b(?:to|at|in)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}(" + _CAPITALISED.pattern + ")"
)


def _every_guest(
    numbered: Numbered, people: Sequence[Person], published: date | None
) -> list[Visit]:
    """ "Castell welcomed Foreign Minister Dell to the Belem Palace", "in bringing Dell to her
    riverside retreat Sintra Lodge, Castell hopes": the guest's trip to the place, in the host's
    country where no gazetteer knows the place. The host is the person named nearest before
    the verb, else the subject of the clause after the place; the guest the first named
    after the verb."""
    out: list[Visit] = []
    for sentence in numbered:
        text = sentence.text
        for verb in _WELCOMED.finditer(text):
            before, after = text[: verb.start()], text[verb.end() :]
            mentioned = _mentions(after, people)
            if not mentioned:
                continue
            named_at, _, guest = mentioned[0]
            place = _TO_PLACE.match(after[named_at:])
            if place is None:
                continue
            host = _nearest(people, before, last=True) or _subject_after(
                people, after, named_at + place.end()
            )
            if host is None or host is guest:
                continue
            ahead = _to_come(before)
            # "in Ottawa." ends the sentence; "to Lisbon's best restaurant": in Lisbon
            named = POSSESSIVE_END.sub("", place.group(1).rstrip("."))
            where = place_and_day(named, None, sentence_dates(text, published, ahead=ahead))
            there = country_display(country_key(host.country))
            where["destination_country"] = where["destination_country"] or there
            if _BRING.match(verb.group(0)) and where["destination_country"] != there:
                continue  # "bringing with her to Washington the chief executives": she goes too
            if (
                trip := _trip_abroad(guest, [host.name], sentence.span, where, ahead, published)
            ) is not None:
                out.append(trip)
    return out


# "will host Israeli leader Dell Wednesday": hosting or welcoming, then the guest within a few
# words that are no preposition (not "welcomed the decision by Dell", "hosted talks with Dell").
_HOSTS = re.compile(r"\b(?:host(?:s|ed|ing)?|welcom(?:e|es|ed|ing))\s+", re.IGNORECASE)
# "Dell was greeted warmly by a green tie-wearing President Castell": the guest right before.
_HOSTED_BY = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?"
    r"(?:greeted|welcomed|received|hosted)\s+(?:\w+ly\s+)?by\s+",
    re.IGNORECASE,
)
# Words between the verb and the guest (or "by" and the host): titles and demonyms, not a
# clause ("welcomed the decision of Dell").
_BEFORE_A_NAME = re.compile(
    r"(?:(?!(?:of|to|for|with|at|in|on|from|by|and|or|that)\b)[\w.'\u2019-]+\s+){0,6}",
    re.IGNORECASE,
)
# A call or a letter is no visit: "welcomed Dell's call", "was received by phone".
_AT_A_DISTANCE = re.compile(
    r"\b(?:call|called|calls|phone\w*|telephon\w*|video|letter|message|tweet\w*)\b",
    re.IGNORECASE,
)
# "In his first weeks, he has also welcomed ...": the host is a pronoun before the verb.
_HE_OR_SHE = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def _every_guest_of_a_host(
    numbered: Numbered, people: Sequence[Person], published: date | None
) -> list[Visit]:
    """ "Castell will host Foreign Minister Dell on Wednesday", "Last year, Dell was greeted
    warmly by President Castell": where no place is named, the guest's trip to the host's
    country. The host named before the verb, or after "by"; for "he" or "she", the one person
    the sentence before names, and that sentence joins the evidence. Not a call or a letter."""
    out: list[Visit] = []
    previous: NumberedSentence | None = None
    for sentence in numbered:
        text, before_this = sentence.text, previous
        previous = sentence
        if _AT_A_DISTANCE.search(text):
            continue
        for guest, host, evidence, at in [
            *_hosted(text, people, sentence.span, before_this),
            *_hosted_by(text, people, sentence.span),
        ]:
            ahead = _to_come(text[:at])
            where = place_and_day(
                country_display(country_key(host.country)),
                None,
                sentence_dates(text, published, ahead=ahead),
            )
            if (
                trip := _trip_abroad(guest, [host.name], evidence[-1], where, ahead, published)
            ) is not None:
                out.append(trip.model_copy(update={"evidence": evidence}))
    return out


def _hosted(
    text: str, people: Sequence[Person], span: Span, previous: NumberedSentence | None
) -> list[tuple[Person, Person, list[Span], int]]:
    """Each guest that hosting or welcoming names right after the verb, with the host named
    before it (else "he" or "she" before it, the one person ``previous`` names), the evidence
    and where the verb stands."""
    out: list[tuple[Person, Person, list[Span], int]] = []
    for verb in _HOSTS.finditer(text):
        guest = _opening_name(text[verb.end() :], people)
        if guest is None:
            continue
        before, evidence = text[: verb.start()], [span]
        host = _nearest(people, before, last=True)
        if host is None and previous is not None and _HE_OR_SHE.search(before):
            named = _named_in(previous.text, people)
            host, evidence = (named[0], [previous.span, span]) if len(named) == 1 else (None, [])
        if host is not None and host is not guest:
            out.append((guest, host, evidence, verb.start()))
    return out


def _hosted_by(
    text: str, people: Sequence[Person], span: Span
) -> list[tuple[Person, Person, list[Span], int]]:
    """Each guest named right before "was greeted (welcomed, received, hosted) by", with the
    host named right after it."""
    out: list[tuple[Person, Person, list[Span], int]] = []
    for verb in _HOSTED_BY.finditer(text):
        guest = _closing_name(text[: verb.start()], people)
        host = _opening_name(text[verb.end() :], people)
        if guest is not None and host is not None and host is not guest:
            out.append((guest, host, [span], verb.start()))
    return out


def _mentions(text: str, people: Sequence[Person]) -> list[tuple[int, int, Person]]:
    """Where ``text`` names each person, as (start, end) offsets into ``text`` itself."""
    among = [p.name for p in people]
    folded = normalize(text, fold_case=True)
    out: list[tuple[int, int, Person]] = []
    for person in people:
        size = len(normalize(mention_key(person.name), fold_case=True).text)
        for at in name_positions(text, person.name, among):
            if size > 0 and at + size <= len(folded.origin):
                out.append((folded.origin[at], folded.origin[at + size - 1] + 1, person))
    return sorted(out, key=lambda m: m[0])


def _opening_name(text: str, people: Sequence[Person]) -> Person | None:
    """The person ``text`` opens with, past a few titles and demonyms ("Israeli leader
    Benjamin"); none past a preposition or a clause ("the decision of Dell"), before a
    possessive ("Dell's call") or a place (the guest rules with a place have it)."""
    named = _mentions(text, people)
    if not named:
        return None
    start, end, person = named[0]
    if not _BEFORE_A_NAME.fullmatch(text[:start]):
        return None
    if POSSESSIVE_END.match(text[end : end + 2]) or _TO_PLACE.match(text[end:]):
        return None
    return person


def _closing_name(text: str, people: Sequence[Person]) -> Person | None:
    """The person whose name ends ``text``."""
    named = [m for m in _mentions(text, people) if m[1] == len(text.rstrip())]
    return named[-1][2] if named else None


def _subject_after(people: Sequence[Person], text: str, at: int) -> Person | None:
    """The one person the clause after ``at`` opens with (", Castell hopes"), if any."""
    subject = _NEXT_SUBJECT.match(text, at)
    named = [p for p in people if subject and names_person(subject.group(1), p.name)]
    return named[0] if len(named) == 1 else None


def _nearest(people: Sequence[Person], text: str, *, last: bool) -> Person | None:
    """The person named last in ``text`` (or first), by :func:`name_positions` ("Abe" for
    Shinzo Abe where no one else of them is an Abe)."""
    among = [p.name for p in people]
    found = [(at, p) for p in people for at in name_positions(text, p.name, among)]
    if not found:
        return None
    return (max if last else min)(found, key=lambda f: f[0])[1]


# "the meeting between President Dell and President Castell", "talks between Dell and Castell".
_BETWEEN = re.compile(r"\b(?:meeting|summit|talks|meet|met)\s+between\s+", re.IGNORECASE)
# A meeting told as what something followed: "said on Wednesday after talks between".
_AFTER_IT = re.compile(r"\b(?:after|following)\s+(?:the\s+)?$", re.IGNORECASE)
# A later sentence that dates "the talks" ("The talks may take place on April 6-7").
_THE_MEETING = re.compile(r"\bthe\s+(?:meeting|summit|talks)\b", re.IGNORECASE)
# Words before the meeting that put it ahead ("preparing for the meeting between ...").
_AWAITED = re.compile(r"\b(?:prepar\w*\s+for|upcoming|forthcoming|ahead\s+of)\b", re.IGNORECASE)
# A meeting the sentence only calls possible ("is not ruled out some time in future"): one
# to come, if at all, not one held.
_ONLY_POSSIBLE = re.compile(
    r"\bruled\s+out\b|\bpossib\w+|\bin\s+(?:the\s+)?future\b", re.IGNORECASE
)
# How far after "between" the two names may stand.
_BETWEEN_CHARS = 160


def _every_meeting_between(
    numbered: Numbered,
    people: Sequence[Person],
    published: date | None,
    venues: Callable[[str], str | None] | None = None,
) -> list[Visit]:
    """ "The trip prepares the meeting between Dell and Castell. The talks may take place on
    April 6-7.": a meeting of the first person named after "between" with the second, at
    the known place the sentence names or at none; dated by the sentence, or else by the
    next one if it dates "the talks" (that sentence joins the evidence)."""
    out: list[Visit] = []
    sentences = list(numbered)
    for k, sentence in enumerate(sentences):
        match = _BETWEEN.search(sentence.text)
        if match is None:
            continue
        after = sentence.text[match.end() : match.end() + _BETWEEN_CHARS]
        named = sorted((min(found), p) for p in people if (found := name_positions(after, p.name)))
        if len(named) < 2:
            continue
        (_, first), (_, second) = named[0], named[1]
        evidence = [sentence.span]
        before = sentence.text[: match.start()]
        # "..., the ministry said after talks between the delegations headed by ...": a meeting
        # done, told in a clause of its own; what comes before it is another event
        done = _AFTER_IT.search(before) is not None
        # "... preparing for the meeting between", "the meeting between ... will take place"
        ahead = not done and (
            _to_come(before)
            or _AWAITED.search(before) is not None
            or _to_come(after)
            or _ONLY_POSSIBLE.search(after) is not None
        )
        dates = sentence_dates(sentence.text, published, ahead=ahead)
        following = sentences[k + 1] if k + 1 < len(sentences) else None
        if dates.start is None and following and _THE_MEETING.search(following.text):
            ahead = ahead or _to_come(following.text)
            later = sentence_dates(following.text, published, ahead=ahead)
            if later.start is not None:
                dates, evidence = later, [sentence.span, following.span]
        place = _meeting_place(sentence.text[match.start() :] if done else sentence.text, venues)
        where = place_and_day(place[0] if place else None, None, dates)
        where["destination_country"] = where["destination_country"] or (place[2] if place else None)
        out.append(
            Visit(
                kind="meeting",
                status="planned" if ahead else "past",
                traveler=first.name,
                traveler_country=country_display(country_key(first.country)),
                met=[second.name],
                evidence=evidence,
                **where,
            )
        )
    return out


def _same_meeting(known: Visit, meeting: Visit) -> bool:
    """A visit of either person of the meeting that may be this meeting: the other one met
    there, or a trip to the meeting's place (any place, where it names none) on a day that
    does not differ ("Tillerson went to China" and "the talks between Tillerson and Xi in
    Beijing" are one engagement)."""
    pair = [meeting.traveler, *meeting.met]
    if not any(same_name(known.traveler, p) for p in pair):
        return False
    if any(same_name(m, p) for m in known.met for p in pair):
        return True
    where = meeting.destination_country
    day = meeting.start_date
    return (where is None or known.destination_country == where) and (
        day is None or known.start_date is None or known.start_date == day
    )


# "Key participants include", "are also attending", "will also be present", "are expected to
# attend Wednesday's meeting, including", "will take part", "is supposed to attend", "will be
# represented by": who will be at a gathering the article names.
_ATTEND = r"(?:attend|be\s+present|take\s+part|participate)"
_ATTENDING = re.compile(
    r"\b(?:participants\s+(?:include|are)"
    r"|(?:is|are)\s+(?:also\s+)?(?:attending|present|taking\s+part|participating)"
    rf"|will\s+(?:also\s+)?(?:{_ATTEND}|be\s+represented\s+by)"
    r"|(?:is|are)\s+(?:also\s+)?(?:expected|supposed|due|set|scheduled|slated)\s+to"
    rf"\s+{_ATTEND})\b",
    re.IGNORECASE,
)
_ATTENDING_NOW = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:attending|taking\s+part|participating)\b", re.IGNORECASE
)
# A gathering and its host: "the bloc's annual summit", "are convening near", "plays host";
# not a news conference, where someone speaks of it.
_GATHERING = re.compile(
    r"\b(?<!press\s)(?<!news\s)(?:summit|meetings?|talks|conference|gather\w*|conven\w*"
    r"|plays\s+host|hosts?|hosting)\b",
    re.IGNORECASE,
)
# Where a gathering is: a place, or its country's demonym ("near the Jordanian Dead Sea"),
# after "in", "at" or "near", or opening the gathering's name ("the Astana talks", "the
# Munich Security Conference").
_LOCATED = re.compile(
    r"\b(?i:in|at|near)\s+(?:the\s+)?((?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)"
    r"|\b(?:[Tt]he\s+)?((?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)"
    r"\s+(?i:summit|talks|meeting|conference|forum)\b"
)


def _placed_at(text: str) -> list[str]:
    """The countries a sentence locates something in, once each."""
    found: list[str] = []
    for match in _LOCATED.finditer(text):
        words = (match.group(1) or match.group(2)).split()
        for size in range(len(words), 0, -1):  # "Kazakhstan's Astana", "the Jordanian Dead Sea"
            phrase = re.sub(r"['\u2019]s$", "", " ".join(words[:size]))
            country = find_country(phrase)
            place = destination(phrase)[0] if country is None else country.name
            if place is not None:
                found.append(place)
                break
    return list(dict.fromkeys(found))


# How many sentences back the gathering may be named; the lede is read too.
_GATHERING_BACK = 6
_LEDE = 3


def _every_attendee(
    numbered: Numbered, people: Sequence[Person], published: date | None
) -> list[Visit]:
    """ "Foreign ministers are holding meetings in Jordan ahead of the summit on Wednesday.
    ... Key participants include King Salman of Saudi Arabia and Egyptian President
    Abdel-Fattah el-Sissi.": each person a sentence names as attending a gathering travelled
    to the one country that the story's opening sentences, else the nearest sentence before,
    place a gathering in (by name or demonym, "near the Jordanian Dead Sea"), if it is not
    their own; dated by the sentence, else by the first of those sentences that gives a day;
    one attending now is there on the page's day."""
    out: list[Visit] = []
    sentences = list(numbered)
    for k, sentence in enumerate(sentences):
        if _ATTENDING.search(sentence.text) is None:
            continue
        named = _named_in(sentence.text, people)
        told = [*range(min(_LEDE, k + 1)), *range(k, max(-1, k - _GATHERING_BACK - 1), -1)]
        gatherings = [
            sentences[j] for j in dict.fromkeys(told) if _GATHERING.search(sentences[j].text)
        ]
        there = next(((g, c[0]) for g in gatherings if len(c := _placed_at(g.text)) == 1), None)
        if not named or there is None:
            continue
        dates, dated = _attended_on(sentence, gatherings, published, people)
        later = (
            dates.start is not None
            and published is not None
            and dates.start > published.isoformat()
        )
        # no day, or only the page's month: the sentence's words tell whether it is to come
        day = dates.start is not None and len(dates.start) == len("2017-03-29")
        ahead = later or (not day and _to_come(sentence.text))
        where = place_and_day(there[1], None, dates)
        # The sentence, the one that places the gathering and the one that dates it.
        told_in = [sentence, there[0], *([dated] if dated is not None else [])]
        evidence = [s.span for s in dict.fromkeys(told_in)]
        for person in named:
            trip = _trip_abroad(person, [], sentence.span, where, ahead, published)
            if trip is not None:
                out.append(trip.model_copy(update={"evidence": evidence}))
    return out


# "where Pence is expected to arrive on Friday": the day of someone's arrival.
_ARRIVAL_DAY = re.compile(
    rf"\b(?:arriv|land|fl[yie]|flew|travel)\w*\b[^.;,]{{0,30}}?\b(?:on\s+)?{DAY_NAME}\b"
)


def _arrives_on(text: str, people: Sequence[Person]) -> bool:
    """Whether the sentence gives the day a person it names arrives: theirs, not the
    gathering's."""
    return _ARRIVAL_DAY.search(text) is not None and bool(_named_in(text, people))


# A gathering that "begins on Friday" lasts longer than that day.
_BEGINS = re.compile(r"\b(?:begins|began|opens|opened|starts|started|kicks\s+off)\b", re.I)


def _attended_on(
    sentence: NumberedSentence,
    gatherings: Sequence[NumberedSentence],
    published: date | None,
    people: Sequence[Person],
) -> tuple[ResolvedDates, NumberedSentence | None]:
    """The day of the attendance and the sentence that gives it: the page's for one
    attending now; else the first day the sentence, then the gathering's sentences, give (not
    the day someone named there arrives: "where Pence is expected to arrive on Friday"), as
    this day or one to come (one attends, or will attend: the gathering is not past). The
    day a gathering begins dates only its month for those attending."""
    if published is not None and _ATTENDING_NOW.search(sentence.text):
        return ResolvedDates(published.isoformat(), None, True), None
    own = [g for g in gatherings if g is not sentence and not _arrives_on(g.text, people)]
    for told in (sentence, *own):
        dates = sentence_dates(told.text, published, ahead=True)
        if dates.start is None:
            continue
        if told is not sentence and _BEGINS.search(told.text):
            return ResolvedDates(dates.start[:7], None, dates.year_stated), told
        return dates, told
    return ResolvedDates(None, None, False), None


# "his first Asian tour", "a tour of Europe": a journey to a continent.
_CONTINENT_JOURNEY = re.compile(
    r"\b(?P<before>[A-Z][a-z]+)\s+(?:tour|trip|swing|journey)\b"
    r"|\b(?:tour|trip|swing|journey)\s+(?:of|to|through)\s+(?P<after>[A-Z][a-z]+)\b"
)
# "holding talks with", "met", "a meeting with": whom the traveler met, named after it.
_TALKS_WITH = re.compile(r"\b(?:talks|meetings?)\s+with\b|\bmet\s+(?:with\s+)?", re.IGNORECASE)


def _every_tour_host(
    numbered: Numbered, people: Sequence[Person], published: date | None
) -> list[Visit]:
    """ "Dell began his first Asian tour on Friday, holding talks with Japan's Foreign Minister
    Kishida": the traveler named before the continent's journey went to the country of the
    first person met after it, if that country is on the continent and not the traveler's."""
    out: list[Visit] = []
    for sentence in numbered:
        text = sentence.text
        journey = _CONTINENT_JOURNEY.search(text)
        if journey is None:
            continue
        continent = continent_countries(journey.group("before") or journey.group("after"))
        talks = _TALKS_WITH.search(text, journey.end())
        traveler = _nearest(people, text[: journey.start()], last=True)
        host = _nearest(people, text[talks.end() :], last=False) if talks else None
        if traveler is None or host is None or host is traveler:
            continue
        there = country_key(host.country)
        if there is None or there not in continent or there == country_key(traveler.country):
            continue
        ahead = _to_come(text[: journey.start()])
        where = place_and_day(host.country, None, sentence_dates(text, published, ahead=ahead))
        if (
            trip := _trip_abroad(traveler, [host.name], sentence.span, where, ahead, published)
        ) is not None:
            out.append(trip)
    return out
