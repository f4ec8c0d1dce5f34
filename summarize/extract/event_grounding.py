"""Trips and meetings from the events replies: each checked against the sentence it cites.

The model names who, the place as written, the date words and the sentence number. The place
must be in that sentence or in the nearest one about the same person (both join the
evidence), the traveler must be named there, and the place must be one the data packages know
(a country, a city, a first-level region) or a building the article's venues place; the date
words resolve against the page's own dates. What fails is dropped with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypedDict

from summarize.extract.grounding import (
    DAY_NAME,
    ArticleContext,
    Event,
    Grounded,
    in_its_region,
    stated,
)
from summarize.extract.homeland import homeland
from summarize.extract.name_mentions import names_person, same_name
from summarize.extract.numbered import NumberedSentence
from summarize.ingest.date_phrases import ResolvedDates
from summarize.ingest.text_match import locate
from summarize.knowledge.places import (
    city_country,
    country_display,
    country_key,
    find_country,
    is_country,
    names_a_region_elsewhere,
)


def _place_in(sentence: str, place: str | None) -> str | None:
    if not place or not place.strip():
        return None
    found = locate(place, sentence)
    return found.text if found is not None else None


# A place the sentence puts something in: "at the EU summit in Malta", "talks in Geneva".
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _own_place(sentence: str) -> str | None:
    """The one country or city the sentence puts something in, where it names one."""
    found = {
        m.group(1) for m in _IN_PLACE.finditer(sentence) if destination(m.group(1))[0] is not None
    }
    return found.pop() if len(found) == 1 else None


def place_pattern(place: str) -> str:
    """The place's words as a regex, any punctuation or space between them ("Baden-Baden",
    "Mexico City")."""
    return r"\W+".join(re.escape(w) for w in re.findall(r"\w+", place))


def _dateline(sentence: str, place: str) -> bool:
    """Whether the sentence opens with the place as a dateline ("Ottawa, Ontario (CNN)You
    know him", "BEIJING -- ", "PRAGUE, February 7. /TASS/."): where the report was filed,
    not where anyone went."""
    words = place_pattern(place)
    return bool(words) and (
        re.match(
            rf"\s*{words}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\(|--|\u2014|\u2013)"
            rf"|\s*{words},\s*[A-Z][a-z]+\.?\s+\d{{1,2}}\.?\s*/[A-Z]+/",
            sentence,
            re.IGNORECASE,
        )
        is not None
    )


def left_from(sentence: str, place: str | None) -> bool:
    """Whether the sentence names the place only as where someone sets out from ("will
    travel to China from South Korea on Saturday"): its day words are the day they leave,
    not the day of the trip there."""
    found = _place_mentions(sentence, place)
    return bool(found) and all(m.group("left") for m in found)


def _only_an_origin(place: str | None, sentences: Sequence[str]) -> bool:
    """Whether the sentences name the place only as the start of a move to somewhere else
    ("his vow to move the U.S. Embassy from Tel Aviv to Jerusalem"): no trip went there."""
    found = [m for t in sentences for m in _place_mentions(t, place)]
    return bool(found) and all(
        (m.group("left") or "").casefold() == "from" and m.group("to") for m in found
    )


def _place_mentions(sentence: str, place: str | None) -> list[re.Match[str]]:
    """Each mention of the place in the sentence, with the word of leaving before it
    ("from", "leaving") and the "to" after it, where they stand."""
    if not place or not place.strip():
        return []
    words = place_pattern(place)
    return list(
        re.finditer(
            rf"\b(?:(?P<left>from|leaving|left|leaves)\s+(?:the\s+)?)?{words}\b(?P<to>\s+to\b)?",
            sentence,
            re.I,
        )
    )


def _anchor(
    cited: int,
    numbers: Sequence[int],
    score: Callable[[int], int],
    near: Callable[[int], bool] = lambda n: False,
) -> int | None:
    """The sentence that says it: the cited one if it fits best, else the best-fitting one.

    A small model often reports the right event and cites a neighbouring sentence (a
    headline, the next line); the evidence must be the sentence that says it. A sentence
    next to the cited one that the cues did not list counts where ``near`` takes it. A
    score of 0 means the sentence does not fit at all.
    """
    beside = {n for n in (cited - 1, cited + 1) if near(n)}
    best = max((score(n), -abs(n - cited), n) for n in {cited, *numbers, *beside})
    if best[0] <= 0:
        return None
    return cited if score(cited) == best[0] else best[2]


@dataclass(frozen=True)
class _PlaceNamed:
    """The sentences that name an event's place: those about the same person, and all.

    Found once per event: the anchor scores every candidate sentence against them.
    """

    about: tuple[NumberedSentence, ...]
    naming: tuple[NumberedSentence, ...]  # with those about someone else left out

    @classmethod
    def of(cls, e: Any, ctx: ArticleContext) -> _PlaceNamed:
        place = stated(e.place)
        if place is None:
            return cls((), ())
        naming = tuple(
            s
            for s in ctx.numbered
            if _place_in(s.text, place) is not None and not _dateline(s.text, place)
        )
        about = tuple(s for s in naming if ctx.mentions(e.who, s.n))
        return cls(about, tuple(s for s in naming if s in about or not ctx.names_others(e.who, s)))

    def elsewhere(self, n: int) -> NumberedSentence | None:
        """Where sentence ``n`` names the traveler but not the place the model gives: the
        sentence that names it, nearest to ``n`` among those about the same person, else
        among those that name no one else. A report often says who is travelling in one
        sentence ("... told the visiting minister") and where in another ("the minister said
        in Geneva", "the talks in Geneva"); the trip's evidence is then both sentences, each
        holding what it is cited for.
        """
        about = [s for s in self.about if s.n != n]
        found = about or [s for s in self.naming if s.n != n]
        return min(found, key=lambda s: (abs(s.n - n), s.n), default=None)


def _fit(
    e: Any, ctx: ArticleContext, place_named: _PlaceNamed | None = None
) -> Callable[[int], int]:
    """How well sentence ``n`` says the event: 0 unless it names who (and, for a trip, the
    place, or with ``place_named`` another sentence does); more with the place and most with
    the date words."""

    def score(n: int) -> int:
        sentence = ctx.sentence(n)
        if sentence is None or not ctx.mentions(e.who, n):
            return 0
        has_place = _place_in(sentence.text, stated(e.place)) is not None
        placed = has_place or (place_named is not None and place_named.elsewhere(n) is not None)
        if e.kind == "trip" and not placed:
            return 0
        has_date = _place_in(sentence.text, stated(e.when)) is not None
        return 1 + has_place + 2 * has_date

    return score


def _all_named(e: Any, ctx: ArticleContext, n: int) -> bool:
    """Whether sentence ``n`` names the traveler, whom they met and the place, all by name:
    what lets a sentence the cues did not list stand in for the one the model cited."""
    sentence = ctx.sentence(n)
    place = stated(e.place)
    return (
        sentence is not None
        and place is not None
        and names_person(sentence.text, e.who)
        and (not stated(e.met) or names_person(sentence.text, e.met))
        and _place_in(sentence.text, place) is not None
        and not _dateline(sentence.text, place)  # where the report was filed
    )


def _with_someone_there(text: str, place: str | None, ctx: ArticleContext) -> str | None:
    """The one person an opening "With X in P," puts in the place: "With Secretary of State
    Rex Tillerson in Asia on his first overseas trip, Trump took a swipe at China" is
    Tillerson's stay, not Trump's."""
    if not place:
        return None
    opening = re.search(
        rf"(?:^|[,;:]\s+)With\s+(?P<who>[^,;]+?)\s+(?:in|at)\s+{re.escape(place)}\b[^,;]*,", text
    )
    if opening is None:
        return None
    named = [p.name for p in ctx.people if names_person(opening["who"], p.name)]
    return named[0] if len(named) == 1 else None


def _the_one_named(e: Any, ctx: ArticleContext) -> str | None:
    """The traveler by construction when the model's choice is named nowhere it cites: the
    only listed person the cited sentence names (with the place, for a trip)."""
    sentence = ctx.sentence(e.n)
    if sentence is None or (e.kind == "trip" and _place_in(sentence.text, stated(e.place)) is None):
        return None
    named = [p.name for p in ctx.people if names_person(sentence.text, p.name)]
    return named[0] if len(named) == 1 and not same_name(named[0], e.who) else None


def ground_events(
    drafts: Sequence[Any], ctx: ArticleContext, numbers: Sequence[int]
) -> Grounded[Event]:
    """Each event's sentence names who (or calls them by office or refers back to them) and,
    for a trip, the place, or another sentence of the article names the place (it joins the
    evidence); the date words are in it, or in another sentence given that names the same
    person ("During her visit on May 4 to 6, Castell...")."""
    out: Grounded[Event] = Grounded()
    seen: set[tuple[str, str | None, str | None]] = set()
    for i, e in enumerate(drafts, 1):
        home = homeland(e.who, e.n, ctx) if e.kind == "trip" else None
        cited = ctx.sentence(e.n)
        if home and cited is not None and _place_in(cited.text, stated(e.place)) is None:
            out.notes.append(f"events[{i}]: {e.place!r} for 'homeland' is {home!r}, by birth")
            e = e.model_copy(update={"place": home})
        n = _anchor(e.n, numbers, _fit(e, ctx), partial(_all_named, e, ctx))
        if n is None and (named := _the_one_named(e, ctx)) is not None:
            out.notes.append(
                f"events[{i}]: {e.who!r} is not named where it is reported; the one person "
                f"sentence {e.n} names, {named!r}, is"
            )
            e = e.model_copy(update={"who": named, "met": None if e.met == named else e.met})
            n = _anchor(e.n, numbers, _fit(e, ctx))
        elsewhere: _PlaceNamed | None = None
        if n is None:  # the sentences name the traveler, another one the place
            elsewhere = _PlaceNamed.of(e, ctx)
            n = _anchor(e.n, numbers, _fit(e, ctx, elsewhere))
        sentence = ctx.sentence(n) if n is not None else None
        if n is None or sentence is None:
            what = "the place they went to" if e.kind == "trip" else "them"
            reason = f"events[{i}]: no sentence given names {e.who!r} and {what}"
            out.refuse("visit", e, reason)
            continue
        evidence = [sentence.span]
        if not names_person(sentence.text, e.who) and (naming := ctx.naming(e.who, n)):
            evidence.append(naming.span)  # "the minister" / "he": the sentence that names them
        place = _place_in(sentence.text, stated(e.place))
        if place is None and stated(e.place) and (own := _own_place(sentence.text)) is not None:
            # the sentence puts the event elsewhere: its own place, where it names the traveler
            note = f"events[{i}]: sentence {n} puts the event in {own!r}, not {e.place!r}"
            if not (names_person(sentence.text, e.who) or ctx.by_office(sentence.text, e.who)):
                out.refuse("visit", e, note)
                continue
            out.notes.append(note)
            e = e.model_copy(update={"place": own})
            place = own
        if place is None:
            where = (elsewhere or _PlaceNamed.of(e, ctx)).elsewhere(n)
            if where is not None:
                place = _place_in(where.text, stated(e.place))
                evidence.append(where.span)
        if stated(e.place) and place is None:
            out.notes.append(f"events[{i}]: place {e.place!r} is not in sentence {n}")
        if place is not None and (fuller := _written_after_a_city(place, ctx)) is not None:
            place, where_written = fuller  # "made it to D.C." where "Washington, D.C." is written
            if where_written.span not in evidence:
                evidence.append(where_written.span)
        there = _with_someone_there(sentence.text, place, ctx)
        if e.kind == "trip" and there is not None and not same_name(there, e.who):
            out.notes.append(
                f"events[{i}]: sentence {n} puts {there!r} in {place!r}, not {e.who!r}"
            )
            e = e.model_copy(update={"who": there, "met": None})
        if e.kind == "trip" and _only_an_origin(place, [s.text for s in evidence]):
            out.refuse("visit", e, f"events[{i}]: {place!r} is only where something set out from")
            continue
        left = e.kind == "trip" and left_from(sentence.text, stated(e.place))
        when = None if left else _place_in(sentence.text, stated(e.when))
        if stated(e.when) and when is None:
            dated = next(
                (
                    s
                    for k in numbers
                    if k != n
                    and (s := ctx.sentence(k)) is not None
                    and ctx.mentions(e.who, k)
                    and _place_in(s.text, stated(e.when)) is not None
                    and not (e.kind == "trip" and left_from(s.text, stated(e.place)))
                ),
                None,
            )
            if dated is not None:
                when = _place_in(dated.text, stated(e.when))
                evidence.append(dated.span)
            else:
                out.notes.append(f"events[{i}]: date {e.when!r} is not in sentence {n}")
        key = (" ".join(e.who.casefold().split()), country_key(place), when)
        if key in seen:
            continue
        seen.add(key)
        met = e.met if e.met and not same_name(e.met, e.who) else None
        if met is not None and not any(names_person(s.text, met) for s in evidence):
            out.notes.append(f"events[{i}]: {met!r} is not named where the event is reported")
            met = None  # whom they met must be in the evidence, like everything passed on
        if e.kind == "meeting" and place is None and met is None:
            reason = f"events[{i}]: a meeting of {e.who!r} with no one, at no place named"
            out.refuse("visit", e, reason)
            continue
        if (
            e.kind == "trip"
            and ctx.venue_country(place) is None
            and not _a_destination(place, [s.text for s in evidence])
        ):
            out.refuse("visit", e, f"events[{i}]: {place!r} {UNPLACED}")
            continue
        out.items.append(Event(n, e.who, e.kind, e.status, place, when, met, tuple(evidence)))
    return out


def _written_after_a_city(place: str, ctx: ArticleContext) -> tuple[str, NumberedSentence] | None:
    """A place no gazetteer knows as written, and the sentence where the article writes it
    after a city that places it: "made it to D.C." where the article also writes
    "Washington, D.C."."""
    if destination(place)[0] is not None:
        return None
    city = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"
    after = re.compile(rf"\b({city}),\s+{re.escape(place)}")
    for sentence in ctx.numbered:
        for m in after.finditer(sentence.text):
            fuller = m.group()
            if destination(fuller)[0] is not None:
                return fuller, sentence
    return None


UNPLACED = "is no known place and no sentence says they went there"
_TOWARD = r"(?:to|in|at|into|inside|visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|reach(?:es|ed)?)"


def _a_destination(place: str | None, sentences: Sequence[str]) -> bool:
    """A country, a city the gazetteer knows, or a place a sentence says someone went to or
    was at ("landed at Osan airbase", "a trip to the DMZ"): not a name that only owns or
    hosts something ("an interview on NBC's programme")."""
    if place is None or is_placed(place):
        return True
    words = place_pattern(place)
    toward = re.compile(rf"\b{_TOWARD}\s+(?:the\s+)?{words}\b(?!['\u2019]s)", re.IGNORECASE)
    return any(toward.search(s) for s in sentences)


def is_placed(place: str) -> bool:
    """Whether the data place ``place`` as written: a country, or a city or state whose
    country the gazetteer knows."""
    return destination(place)[0] is not None or city_country(place) is not None


def destination(place: str | None) -> tuple[str | None, str | None]:
    """``(country, city)`` of a place as written: a country stays a country, a city is placed,
    a city written with its country ("Bonn, Germany") is that city in that country, and a
    site written with its city ("United Nations Headquarters in New York") is in that city."""
    if not place or re.fullmatch(DAY_NAME, place.strip()):
        return None, None  # "at a dinner on Thursday": a day the pattern took for a place
    if (state := capitals_state(place)) is not None:
        return state, None  # "the Swiss capital": in that state, its city not named
    if is_country(place):
        return country_display(country_key(place)), None
    town, comma, state = place.rpartition(",")
    # "Bonn, Germany"; not an abbreviation ("Washington, D.C." is no city of Congo's).
    if comma and town.strip() and len(re.sub(r"\W", "", state)) > 3 and is_country(state):
        return country_display(country_key(state.strip())), town.strip()
    home = in_its_region(town.strip(), state) if comma else None
    if home is not None:
        return home.name, town.strip()  # "West Palm Beach, Florida", "Washington, D.C."
    if names_a_region_elsewhere(place):
        return None, place  # "Florida": a town in Cuba, a US state, a department of Uruguay
    country = find_country(place)
    site, within, where = place.rpartition(" in ")
    if country is None and within and site.strip() and where[:1].isupper():
        placed = destination(where)  # "United Nations Headquarters in New York": New York
        if placed[0] is not None:
            return placed
    return (country.name if country is not None else None), place


def capitals_state(place: str) -> str | None:
    """The country of a capital written by its state ("the Swiss capital", "Kazakhstan's
    capital"), or None."""
    match = _A_CAPITAL.fullmatch(place.strip())
    country = find_country(match["state"]) if match is not None else None
    return country.name if country is not None else None


_A_CAPITAL = re.compile(r"(?:[Tt]he\s+)?(?P<state>.+?)(?:['\u2019]s)?\s+capital")


class PlaceAndDay(TypedDict):
    """A visit's place and day: where it was and the date words with what they resolve to."""

    destination_country: str | None
    destination_city: str | None
    date_text: str | None
    start_date: str | None
    end_date: str | None
    year_stated: bool


def place_and_day(place: str | None, when: str | None, dates: ResolvedDates) -> PlaceAndDay:
    """The visit fields for a place as written and its date words, already resolved."""
    country, city = destination(place)
    return PlaceAndDay(
        destination_country=country,
        destination_city=city,
        date_text=when,
        start_date=dates.start,
        end_date=dates.end,
        year_stated=dates.year_stated,
    )
