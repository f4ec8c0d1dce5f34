"""The other stops of a trip, read from the sentence that reports it.

A report often gives a whole itinerary in one sentence ("speaking in Tokyo, ahead of stops in
Seoul and Beijing", "travels to South Korea on Friday, before heading to China on Saturday"),
and a small model answers one trip for it, or a region ("Asia"). Each further place that a
travel word leads to in that sentence is a trip of the same traveler: a trip they make next
when the sentence looks ahead, dated by the day words right after the place. A place in the
traveler's own country (going home) is no visit; a sentence where someone else is named
nearer the travel word than the traveler is left alone.

The same travel words tell whether a sentence reports a journey at all: a trip answered
where none is written, by someone not known to be abroad, is no trip. And the sentence tells
when: a trip it puts under way as written ("is in Mexico City") is ongoing, dated by its page
where no day is given.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from summarize.contract.extraction import Span, Visit, VisitStatus
from summarize.extract.event_grounding import (
    PlaceAndDay,
    capitals_state,
    destination,
    left_from,
    place_and_day,
    place_pattern,
)
from summarize.extract.grounding import DAY_NAME, Event
from summarize.extract.name_mentions import name_positions, same_name
from summarize.extract.office_holders import office_word_set
from summarize.extract.voices import attribution_verbs
from summarize.ingest.date_phrases import ResolvedDates, counted_back, resolve_dates
from summarize.ingest.text_match import normalize
from summarize.knowledge.person_names import mention_key
from summarize.knowledge.places import (
    city_country,
    country_key,
    find_country,
    place_countries,
    region_of,
)
from summarize.knowledge.word_classes import past_tense
from summarize.llm.prompts import entry_pattern, word_list

_PLACE_WORD = r"[A-Z][\w.'\u2019-]*"
_PLACE = rf"(?:[Tt]he\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
_MORE = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:\s*[-\u2013]\s*\d{1,2})?(?:,\s+\d{4}\b)?"  # "April 3-4, 1993"
)
# The months' names as a regex alternation, January first.
_MONTH = "|".join(m for m in calendar.month_name if m)
_RELATIVE_MONTH = r"(?:(?:late|early|earlier|later)\s+)?(?:last|this|next)\s+month"
# The day words right after a place: "to Lisbon on Friday", "to Moscow scheduled for March
# 2017".
_WHEN_AFTER = re.compile(
    rf"^\s*(?:visit|trip|tour|stopover)?\s*,?\s*"
    r"(?:on\s+|in\s+(?=[A-Z]\w+\s+\d{4})|this\s+|next\s+|later\s+on\s+"
    r"|(?:scheduled|planned|set|slated)\s+for\s+)?"
    rf"({_DAY}|(?:{_MONTH})\s+\d{{4}}|{_RELATIVE_MONTH}|today|tonight|tomorrow|yesterday)\b"
)
# Words before a stop that put it ahead of the sentence's own time; not "before" a date ("have
# traveled to a contiguous US neighbor before early April": a deadline, not a later leg).
_AHEAD = re.compile(
    rf"\b(?:ahead\s+of|before(?!\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}|\d))|then|next"
    r"|later|afterwards?|followed\s+by|will|is\s+to|are\s+to|is\s+due|are\s+due|scheduled"
    r"|plans?\s+to|planning\s+to|planned|forthcoming|upcoming|expected\s+to|travels|heads|flies"
    r"|goes"
    r"|moves\s+on|continues)\b",
    re.IGNORECASE,
)


def ahead_in(before: str) -> bool:
    """Whether the words before a stop put it ahead of the sentence's own time ("will", "then",
    "before heading to"); not "before" and a verb in the past ("announced shortly before
    Mohamed ... departed to Saudi Arabia"): that journey is done too."""
    return any(
        match.group(0).casefold() != "before"
        or not any(past_tense(w) for w in re.findall(r"\b[a-z]+\b", before[match.end() :]))
        for match in _AHEAD.finditer(before)
    )


def _travel_alternatives() -> str:
    """The travel words as regex alternatives, longest first; "*" ends a stem."""
    words = sorted(word_list("travel_leads"), key=len, reverse=True)
    return "|".join(entry_pattern(w) for w in words)


def _toward() -> str:
    """What leads to a place, in any case: a travel word, an optional "on" and a
    preposition; not "when it comes to Russia", which only names a topic."""
    return (
        rf"(?i:{_NOT_A_TOPIC}\b(?:{_travel_alternatives()})\s+(?:on\s+)?(?:to|in|into|for|at)\s+"
        rf"{_AN_EVENT_THERE}?)"
    )


# "when it comes to", "when it came to": an idiom of topic, no one comes anywhere; nor in
# "visa-free travel for Georgia", a regime.
_NOT_A_TOPIC = r"(?<!\bit\s)(?<!free\s)"


# "flew to a rally in Iowa", "went to the summit at Camp David": an occasion between the
# travel word and its place (lower-case words after an article, then "in" or "at").
_AN_EVENT_THERE = r"(?-i:(?:an?|the)\s+(?:[a-z][\w-]*\s+){1,3}(?:in|at)\s+)"


# "Visit" leads to a place with no preposition ("will visit Chile"), past an owner's word
# ("visited his Crawford, Texas, ranch"); so does "attend" to an event named after its place
# ("will attend the Munich Security Conference").
_VISIT = r"(?i:\b(?:visit|attend)(?:s|ed|ing)?\s+)(?:(?:his|her|their)\s+)?"
# A visit named as a noun, its traveler between it and the place ("the visit of Chancellor
# Dell to Lisbon", "a planned visit by Castell to the Belem Palace").
_VISIT_BY = r"(?i:\bvisit\s+(?:of|by)\s+[^,;.]{1,80}?\s+to\s+)"


@cache
def _leads() -> re.Pattern[str]:
    """A travel word, an optional "on", a preposition (optional after "visit"), the places;
    or a place before a journey noun ("a planned Washington visit", "his Cuba trip")."""
    # The travel word in any case; the places only capitalised.
    return re.compile(
        rf"{_toward()}(?P<places>{_PLACE}(?:{_MORE}{_PLACE})*)"
        rf"|{_VISIT}(?P<visited>{_PLACE}(?:{_MORE}{_PLACE})*)"
        rf"|{_VISIT_BY}(?P<visit_by>{_PLACE})"
        rf"|\b(?P<before>{_PLACE})(?=\s+(?i:visit|trip|tour|stopover)\b)"
        rf"|{_BACK_FROM}(?P<back_from>{_PLACE}(?:{_MORE}{_PLACE})*)"
    )


# Coming back from a place, which tells they were there: "on his return journey from
# Pakistan", "returning from Brussels", "on her way back from Kabul".
_BACK_FROM = (
    r"(?i:\b(?:return(?:s|ed|ing)?|(?:return|homeward)\s+(?:journey|flight|trip)"
    r"|(?:way|flight|journey)\s+back)\s+(?:home\s+)?from\s+)"
)


@cache
def _travel_word() -> re.Pattern[str]:
    return re.compile(
        rf"{_NOT_A_TOPIC}\b{_NOT_A_TIME}(?:{_travel_alternatives()}|visit\w*|landed)\b",
        re.IGNORECASE,
    )


# "within the coming weeks": a time ahead, no one comes anywhere.
_NOT_A_TIME = r"(?!coming\s+(?:hours|days|weeks|months|years|decades)\b)"


def tells_travel(text: str) -> bool:
    """Whether the text has a word of travel ("flew", "visited", "arrived", "trip")."""
    return _travel_word().search(text) is not None


def journey_or_meeting(event: Event, home: str | None, title: str | None = None) -> bool:
    """False for a trip answered where no cited sentence has a word of travel, by someone
    not known to be abroad there (their country unknown, or the place's own): talks "for
    Syria", a news conference at home, an address. Someone of another country at the place
    ("X was also in Mexico City where he met Y") is abroad: that stays a trip, unless their
    office posts them there ("the charge d'affaires at the embassy in Lisbon", as their title
    or, without one, as the sentence's appositive after their name). A meeting at
    home with no one met is none ("expects Iran to meet the norms"); one with someone met is
    an engagement, a border crossed or not ("has met Scotland's first minister in a Glasgow
    hotel"), as is one with officials of other countries, named or not ("is to meet with
    interior ministers from a number of EU countries"), and the one who invited
    the traveler travels nowhere ("on a visit to Russia at the invitation of Putin"), nor
    does one the sentences call absent ("Theresa May's absence from the summit")."""
    there = country_key(destination(event.place)[0])
    if event.kind == "trip" and _inviter_only(event):
        return False
    if _absent(event) or _place_only_a_topic(event) or _only_says_it(event):
        return False
    if _named_only_for_another_event(event):
        return False
    at_home = home is not None and country_key(home) == there
    if at_home and _hosts_foreign_officials(event):
        return True  # "is to meet with interior ministers from a number of EU countries"
    if event.kind == "meeting" or (event.met is not None and at_home):  # met someone at home
        if at_home and event.met is not None and not _met_at(event):
            return False  # whom the meeting at home was with is told nowhere near its place
        return event.met is not None or home is None or country_key(home) != there
    if event.kind != "trip" or any(tells_travel(s.text) for s in event.evidence):
        return True
    if there is not None and posted_in(title or _appositive(event)) == there:
        return False
    return home is not None and country_key(home) != there  # a place no gazetteer knows: kept


def _met_at(event: Event) -> bool:
    """Whether a cited sentence that names the place also names the one met, by name or by an
    office ("has met the first minister in a Glasgow hotel"): a meeting at home is an
    engagement only with someone the article puts there ("At a meeting of the
    intergovernmental commission in Ulan Bator in 2016, we had ..." puts no one there)."""
    place = place_pattern(event.place or "")
    if not event.evidence or not place:
        return True
    met = re.escape(_surname(event.met or ""))
    for span in event.evidence:
        if not re.search(rf"\b{place}\b", span.text):
            continue
        words = set(re.findall(r"[a-z]+", span.text.casefold()))
        if (met and re.search(rf"\b{met}\b", span.text)) or words & office_word_set():
            return True
    return False


# "meet with interior ministers from a number of EU countries", "held talks with his
# counterparts from": officials of other countries met, named or not.
_FOREIGN_OFFICIALS = (
    r"[^.;]{0,40}?\b(?:meet|meets|met|meeting|talks)\s+(?:with\s+)?(?:(?:his|her|their|the)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:counterparts|ministers|leaders|officials|delegations|presidents"
    r"|envoys|heads\s+of\s+(?:state|government))\s+(?:from|of)\b"
)


def _after_the_traveler(event: Event, tail: str) -> list[bool]:
    """For each cited sentence, whether ``tail`` follows the traveler's surname there; none
    for a traveler with no name."""
    surname = re.escape(_surname(event.who))
    if not surname:
        return []
    return [re.search(rf"\b{surname}{tail}", s.text) is not None for s in event.evidence]


def _hosts_foreign_officials(event: Event) -> bool:
    """Whether a cited sentence has the traveler meet officials of other countries."""
    return any(_after_the_traveler(event, rf"\b{_FOREIGN_OFFICIALS}"))


# "May's absence from the summit", "was absent from", "skipped the talks", "stayed away from",
# "boycotted the talks", "is not attending": the traveler was not there.
_ABSENT = (
    r"(?:['\u2019]s\s+(?:[\w-]+\s+)?absence\b"
    r"|\b[^.;]{0,40}?\b(?:absent|skip(?:s|ped|ping)?|stay(?:s|ed|ing)?\s+away|boycott(?:s|ed|ing)"
    r"|not\s+(?:be\s+)?attend\w*)\b)"
)


# "would host a conference on Somalia", "talks about Syria": a gathering's subject.
_SUBJECT_OF = re.compile(
    r"\b(?:conferences?|talks|summits?|meetings?|forums?|debates?|discussions?|negotiations"
    r"|hearings?)\s+(?:[\w-]+\s+){0,2}?(?:on|about|over|regarding|concerning)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _place_only_a_topic(event: Event) -> bool:
    """Whether the cited sentences name the place only as what a gathering is about, or as
    where a gathering being prepared will be held."""
    words = place_pattern(event.place or "")
    if not words:
        return False
    mentions = [
        _SUBJECT_OF.search(span.text, 0, m.start()) is not None
        or _PREPARED_FOR.search(span.text, 0, m.start()) is not None
        or _the_talks_named(span.text, m, _surname(event.who))
        for span in event.evidence
        for m in re.finditer(rf"\b{words}\b", span.text)
    ]
    return bool(mentions) and all(mentions)


# "Lavrov expects Geneva talks on Syria to be successful": the place names the talks, in the
# sentence that names the traveler; not where one is "at", "for", "in", "to", "during" or
# "attending" them, and not in another sentence, cited for where the traveler's talks are
# ("Kishida was meeting with Lavrov" and "The Tokyo talks are not expected to ...").
_TALKS_AFTER = re.compile(r"\s+(?:peace\s+)?(?:talks|process|negotiations|format)\b", re.IGNORECASE)
_AT_THE_TALKS = re.compile(
    r"\b(?:at|for|in|into|to|during|attend\w*|join\w*)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _the_talks_named(text: str, place: re.Match[str], surname: str) -> bool:
    """Whether the place is only the name of talks, in a sentence that names the traveler
    and says no one is at them."""
    return (
        bool(surname)
        and re.search(rf"\b{re.escape(surname)}\b", text) is not None
        and _TALKS_AFTER.match(text, place.end()) is not None
        and _AT_THE_TALKS.search(text, 0, place.start()) is None
    )


# A gathering still to be held there, whose preparations are discussed elsewhere ("have
# discussed preparations for intra-Syrian talks in Geneva", "agreed to cooperate in preparing
# the intra-Syrian talks in Geneva"): where it will be, not where those preparing it are.
_PREPARED_FOR = re.compile(
    r"\bprepar(?:e|es|ed|ing|ations?)\s+(?:for\s+)?(?:the\s+)?(?:start\s+of\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|conference|summit|meetings?|negotiations|round)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+$",
    re.IGNORECASE,
)


# A finite verb of a clause before the speaker's name: someone else's act it tells of ("The
# United Nations should speed up the talks in Geneva, Gatilov said").
_FINITE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|did|should|must|could|can|may|might)\b"
)
# A source named for what the sentence tells, with their office: "according to UN Special
# Envoy for Syria Staffan de Mistura".
SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:[\w.'\u2019-]+\s+){0,8}$", re.IGNORECASE)


def _only_says_it(event: Event) -> bool:
    """Whether each cited sentence names the traveler only as who says what others did
    there: "Turkish troops ... had entered the centre of Al Bab, Erdogan said on Sunday",
    "Zakharova said that the meeting in Astana had brought together delegations", or "the
    talks in Geneva, according to UN Special Envoy Staffan de Mistura, are scheduled" (not
    "Addressing a gathering in Washington, Mr Kenny said", nor "Mr Kelly told a news
    conference in Mexico City that ...": said there)."""
    surname = re.escape(_surname(event.who))
    if not surname or not event.evidence:
        return False
    saying = re.compile(rf"\b{surname}\b,?\s*{attribution_verbs().pattern}", re.IGNORECASE)
    place = place_pattern(event.place or "")
    for span in event.evidence:
        named = [m.start() for m in re.finditer(rf"\b{surname}\b", span.text)]
        if named and all(SOURCE_BEFORE.search(span.text, 0, at) for at in named):
            continue  # "according to ... Staffan de Mistura, they are to take place in Geneva"
        said = [m for m in saying.finditer(span.text)]
        if not named or named != [m.start() for m in said]:
            return False
        reported = _REPORTED_CLAUSE.match(span.text, said[0].end())
        if reported is not None and len(named) == 1 and of_others(span.text[said[0].end() :]):
            if place and re.search(rf"\b{place}\b", span.text[named[0] : reported.end()]):
                return False  # "said in Geneva that ...": said there
            continue
        if not _FINITE_BEFORE.search(span.text, 0, named[0]):
            return False
        if place and re.search(rf"\b{place}\b", span.text[named[0] :]):
            return False  # "..., Mr Kelly told a news conference in Mexico City": said there
    return True


# What opens the clause a speaker reports: "said that", "said on Monday that".
_REPORTED_CLAUSE = re.compile(r"(?:\s+[\w-]+){0,5}?\s+that\b")
# The speaker in what they report: "confirmed that he traveled", "said we will go".
_SPEAKER_AGAIN = re.compile(r"\b(?:he|she|his|her|him|I|we|our|us|my|me)\b", re.IGNORECASE)


def of_others(reported: str) -> bool:
    """Whether a reported clause tells of others, with no journey in it: not "(confirmed that)
    he traveled to the White House", "(noted that) during the trip the parliamentarians ..."."""
    return _SPEAKER_AGAIN.search(reported) is None and not tells_travel(reported)


# A clause set in time by another event: "..., the ministry said after talks between the
# delegations headed by Syromolotov and Serrano".
_ANOTHER_EVENT = re.compile(r"\b(?:after|following|before|ahead\s+of)\b", re.IGNORECASE)


def named_for_another_event(text: str, place_end: int, name_start: int) -> bool:
    """Whether the name after a place stands in a clause of another event, set off from the
    place by someone else's attribution and a word of time: "will hold talks in Brussels, the
    ministry said after talks between the delegations headed by Syromolotov" (not "Speaking in
    Brussels after a meeting with Juncker, Kenny said")."""
    turn = _ANOTHER_EVENT.search(text, place_end, name_start)
    return (
        turn is not None and attribution_verbs().search(text, place_end, turn.start()) is not None
    )


def _named_only_for_another_event(event: Event) -> bool:
    """Whether each cited sentence names the place, then the traveler only in a clause of
    another event (:func:`named_for_another_event`)."""
    surname = re.escape(_surname(event.who))
    place = place_pattern(event.place or "")
    if not surname or not place or not event.evidence:
        return False
    for span in event.evidence:
        places = [m.end() for m in re.finditer(rf"\b{place}\b", span.text)]
        named = [m.start() for m in re.finditer(rf"\b{surname}\b", span.text)]
        if (
            not places
            or not named
            or not named_for_another_event(span.text, max(places), min(named))
        ):
            return False
    return True


def _absent(event: Event) -> bool:
    """Whether every cited sentence that names the traveler says they stayed away (another
    cited only for the place says nothing of them)."""
    surname = re.escape(_surname(event.who))
    naming = [s for s in event.evidence if surname and re.search(rf"\b{surname}\b", s.text)]
    cited = [re.search(rf"\b{surname}{_ABSENT}", s.text) is not None for s in naming]
    return bool(cited) and all(cited)


# "at the invitation of Russian President Vladimir Putin": the host, named as the inviter.
_INVITED_BY = r"\binvitation\s+(?:of|from)\s+(?:[\w.'\u2019-]+\s+){0,5}?"


def _inviter_only(event: Event) -> bool:
    """Whether each cited sentence names the traveler only as whoever invited the visit."""
    surname = re.escape(_surname(event.who))
    return bool(surname) and all(
        len(re.findall(rf"\b{surname}\b", s.text))
        == len(re.findall(rf"{_INVITED_BY}{surname}\b", s.text))
        > 0
        for s in event.evidence
    )


# "embassy in Lisbon", "ambassador to Portugal", "envoy in Lisbon", "Permanent Representative
# to the UN Office in Geneva": an office held abroad, the place within a few words after it.
_POST = re.compile(r"\b(?i:embassy|consulate|mission|ambassador|envoy|representative)\b")
_ITINERANT = frozenset({"envoy", "representative"})
_IN_OR_TO = re.compile(
    r"\b(?P<to>in|to)\s+(?:the\s+)?(?P<place>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})"
)
_POST_CHARS = 40


# ", the charge d'affaires at the embassy in Beijing,": what a name's appositive says they are.
_APPOSITIVE = re.compile(r",\s+(?P<office>(?:the|an?)\s+[^,;]{3,120}),")


def _appositive(event: Event) -> str | None:
    """What a cited sentence says the traveler is, right after their name ("Pak, the charge
    d'affaires at the embassy in Beijing, said"): their office, where the people pass gave
    none."""
    surname = event.who.split()[-1] if event.who.split() else ""
    for span in event.evidence:
        at = span.text.find(surname) if surname else -1
        found = _APPOSITIVE.match(span.text, at + len(surname)) if at >= 0 else None
        if found:
            return found["office"]
    return None


def posted_in(title: str | None) -> str | None:
    """The country an office is held in, as its title says ("Russian ambassador to the United
    States", "Permanent Representative to the UN Office in Geneva"); None for any other."""
    office = title or ""
    for post in _POST.finditer(office):
        for found in _IN_OR_TO.finditer(office, post.end(), post.end() + _POST_CHARS):
            if found["to"] == "to" and post.group(0).casefold() in _ITINERANT:
                continue  # "the UN special envoy to Syria" travels to it, based elsewhere
            if (country := country_key(destination(found["place"])[0])) is not None:
                return country
    return None


# "is in", "are now at", "is currently visiting", "is travelling to", "is on a two-day visit
# to", "are holding a meeting in", "the current visit to": there now, or on the way; the
# city may follow its country's name ("in Kazakhstan's Astana").
_THERE_NOW = (
    r"(?:\b(?:is|are)\s+(?:now\s+|currently\s+|still\s+)?"
    r"(?:(?:in|at|visiting|touring)\s+|(?:travell?ing|flying)\s+to\s+"
    r"|on\s+an?\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+(?:to|of)\s+"
    r"|holding\s+(?:[\w-]+\s+){0,3}?(?:talks|meetings?|consultations|negotiations)\s+(?:in|at)\s+)"
    r"|\b(?:current|ongoing)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+(?:to|of)\s+)"
    r"(?:the\s+)?(?:[A-Z][\w-]*['\u2019]s\s+)?"
)


def _surname(traveler: str) -> str:
    """The last word of the traveler's name ("" for none), as a sentence calls them."""
    words = traveler.split()
    return words[-1] if words else ""


def under_way(sentence: str, traveler: str, place: str | None) -> bool:
    """Whether the sentence puts the traveler at the place as it is written: "X is in
    Mexico City", "X is on a two-day visit to Japan", "told the visiting X". A report
    of a trip under way that gives no day is dated by its page, whatever tense the model
    answered."""
    surname = _surname(traveler)
    if surname and re.search(
        rf"\bvisiting\s+(?:(?:[A-Z][\w.'\u2019-]*|of|for)\s+){{0,7}}{re.escape(surname)}\b",
        sentence,
    ):
        return True
    joined = r"(?:\s+and\s+(?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)?"
    if surname and re.search(rf"\b{re.escape(surname)}{joined}\s+{_MEETING_NOW}", sentence):
        return True  # "Nicola Sturgeon and Theresa May are meeting"
    words = place_pattern(place) if place else ""
    return bool(words) and (
        re.search(rf"{_THERE_NOW}{words}\b", sentence, re.IGNORECASE) is not None
        or re.search(rf"{_SPEAKING_IN}{words}\b(?!\s+(?:on|last|this|earlier)\b)", sentence)
        is not None
    )


# "are meeting", "is now holding talks": an engagement as the page is written.
_MEETING_NOW = r"(?:is|are)\s+(?:now\s+)?(?:meeting|holding\s+talks)\b"


# "Speaking in Washington ahead of his meeting, Kenny said": the sentence opens with the
# traveler speaking there, no day between (not "Speaking in Paris on Monday").
_SPEAKING_IN = (
    r"^(?:[Ss]peaking|[Tt]alking)\s+(?:to\s+(?:reporters|journalists|the\s+press)\s+)?"
    r"(?:in|at)\s+(?:the\s+)?"
)


# "Dell told a news conference in Lisbon", "Dell said at a news conference with".
_NEWS_CONFERENCE = r"\b(?:told|said|says|tells)\b[^.;]{0,30}?\b(?:news|press)\s+conference\b"


def _spoke_there_undated(event: Event, sentence: str, published: date | None) -> bool:
    """Whether an undated past trip is the day's news: the sentence reports the traveler
    speaking to a news conference there, or opens with the place, or with what they were
    doing there, and tells what they did ("In Astana, Syrian government envoy Bashar
    al-Jaafari blamed Turkey", "Addressing a gathering in Washington, Mr Kenny said"), and
    names no day. Background trips carry their dates ("in 2012"); a news conference with no date
    is what the report is about, dated by its page as a trip under way is."""
    surname = _surname(event.who)
    if event.status != "past" or event.when is not None or not surname or published is None:
        return False
    if resolve_dates(sentence, published).start is not None:
        return False
    spoke = rf"\b{re.escape(surname)}\b[^.;]{{0,40}}?{_NEWS_CONFERENCE}"
    there = place_pattern(event.place) if event.place else ""
    # "In Astana, ...", "Addressing a gathering of business figures in Washington, Mr Kenny"
    opening = (
        r"(?:\bIn|^\s*[A-Z][a-z]+ing\b(?:(?!\b(?:after|before|following)\b)[^,;.]){0,80}?\bin)"
    )
    opens_there = bool(there) and re.search(
        rf"{opening}\s+{there},\s+[^.;]{{0,80}}?\b{re.escape(surname)}\b", sentence
    )
    return re.search(spoke, sentence) is not None or bool(opens_there)


# A future form close before the place, in the same clause: "will pay a one-day visit to",
# "a meeting scheduled to be held in Tokyo" ("due to" alone is also "because of").
_WILL = (
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|is\s+set\s+to"
    r"|scheduled\s+to|(?:is|are)\s+heading|(?:is|are)\s+expected\s+to"
    r"|(?:am|is|are)\s+going\s+to|(?:is|are|was|were)\s+(?:ready|willing|prepared)\s+to)\b"
)
# An event still being prepared, the place anywhere later in its clause: "working on the
# possibility of a meeting of ... Lavrov and ... Tillerson in Bonn".
_PREPARED = (
    r"\b(?:working\s+on|possibility\s+of)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?"
    r"(?:meeting|visit|trip|talks|summit)\b[^.;:]*?"
)


def _told_ahead(sentence: str, place: str | None) -> bool:
    """Whether a future form leads to the place within a few words: "Tillerson will pay a
    one-day visit to South Korea", "will fly to Chile on Tuesday"."""
    words = place_pattern(place) if place else ""
    near = rf"{_WILL}(?:\s+[^\s,;.]+){{1,6}}?\s+(?:the\s+)?{words}\b|{_PREPARED}\b{words}\b"
    return bool(words) and re.search(near, sentence, re.IGNORECASE) is not None


def _travels_ahead(sentence: str, traveler: str, place: str | None = None) -> bool:
    """Whether the traveler's own verb of travel is still to come: "where Vice President
    Dell is expected to arrive on Friday", "Dell will fly in on Monday"; or the traveler, the
    subject of a future form or of a plan, does something at the place later in the same
    clause ("Dell will seek to offer a steadier message during talks in Lisbon", "Dell has
    agreed to attend a summit in Lisbon"); or a host's future form receives the traveler
    there ("Castell will host Dell for talks in Lisbon")."""
    named = _written_names(traveler)
    if named is None:
        return False
    own = rf"\b(?:{named})\b(?:,?\s+|-(?=[a-z]))(?:{_WILL}\s+|{_MEANS_TO})"
    if re.search(rf"{own}(?:to\s+)?{_ARRIVAL}", sentence):
        return True
    words = place_pattern(place) if place else ""
    hosted = rf"{_WILL}\s+{_HOST}\s+{_IN_CLAUSE}*?\b(?:{named})\b"
    return bool(words) and any(
        re.search(rf"{lead}{_IN_CLAUSE}*?\b{words}\b", sentence) is not None
        for lead in (own, hosted)
    )


# A host's verbs for a guest's coming: "Trump will host Egyptian President ... el-Sisi for
# talks in Washington on April 3".
_HOST = r"(?:host|welcome|receive)\b"


# What the traveler means or has agreed to do, or a headline's "to" and a verb: "Modi hopes
# to meet Putin on the sidelines of the ... Forum", "Netanyahu plans raising ... in
# Washington", "Trump has also agreed to attend a May summit ... in Brussels", "China's Xi to
# meet Trump in Mar-a-Lago".
_MEANS_TO = (
    r"(?:(?:has\s+|have\s+)?(?:also\s+)?(?:hopes?|plans?|intends?|wants?|aims?|seeks?"
    r"|agree[sd]?\s+to|accept(?:s|ed)?\s+(?:an\s+|the\s+)?invitations?\s+to)\s+(?:to\s+)?"
    r"|to\s+(?=(?:meet|visit|travel|hold|attend|fly)\b))"
)
# The rest of a clause, an initial's full stop included ("the new U.S. President").
_IN_CLAUSE = r"(?:[^.;:]|(?<=\b[A-Z])\.)"


# The verbs of a traveler's own coming: "is expected to arrive", "will fly in".
_ARRIVAL = r"(?:arrive|travel|fly|come|land|visit|attend)\b"


def status_and_dates(event: Event, published: date | None) -> tuple[VisitStatus, ResolvedDates]:
    """The event's status and its date words resolved.

    A sentence that puts the traveler there as it is written ("is in Mexico City") makes
    the trip under way, whatever tense the model answered; one where a future form leads to
    the place ("will pay a one-day visit to South Korea", "will hold talks at the White House
    on Friday") makes a past or under-way answer planned; and a
    trip done on the day of the report is still under way, unless its sentence says it is
    over ("wrapped up his first trip"). Where the model gave no date
    words, a day the cited sentence itself names ("on Thursday", "March 17") is taken: on the
    tune split the model often leaves the date out of an answer whose sentence holds one.
    Coarser dates in a sentence ("since 2014") are taken only right after the place
    ("visited Saudi Arabia in 2014", "will visit Berlin this week"), and not for a trip under
    way, which the page's day dates more finely: elsewhere they seldom date the event. One counted
    back from the page ("ten months ago") dates it and makes it done.
    An event under way with no date words at all is dated by the page: it is happening as
    the article is published.
    """
    status: VisitStatus = event.status
    first = event.evidence[0].text if event.evidence else ""
    # The sentence that names the place for the cited one may be what puts them there
    # ("... are holding a meeting in Kazakhstan's Astana. Russia's delegation is led by X").
    told = [span.text for span in event.evidence]
    if any(under_way(text, event.who, event.place) for text in told) or _spoke_there_undated(
        event, first, published
    ):
        status = "ongoing"
    elif event.when is None and (back := counted_back(first, published)) is not None:
        return "past", back  # "At the last Geneva talks, ten months ago": done, and when
    elif event.when is None and published and status != "planned" and JUST_DONE.search(first):
        today = ResolvedDates(published.isoformat(), None, True)  # "has met ... in Glasgow"
        return on_its_day("past", today.start, published, first), today
    elif status != "planned" and (
        _told_ahead(first, event.place)
        or any(_travels_ahead(text, event.who, event.place) for text in told)
    ):
        status = "planned"
    elif (
        status == "planned"
        and _went_there(first, event.who, event.place)
        and not _told_ahead(first, event.place)
    ):
        status = "past"  # "Mattis visited South Korea and Japan": done, whatever was answered
    dates = _dates(event, status, published)
    if status == "past" and published and _after_page(dates.start, published):
        status = "planned"  # "are due in Tokyo on March 20" on March 18: not done yet
    if status == "ongoing" and published and (dates.start or "") > published.isoformat():
        # under way as the page is written: a later day the sentence names ("ahead of his
        # meeting tomorrow") is some other event's, and the page dates the trip
        dates = ResolvedDates(published.isoformat(), None, True)
    return on_its_day(status, dates.start, published, first), dates


def _written_names(traveler: str) -> str | None:
    """The traveler's name as a regex alternation: in full, and as later sentences write it
    ("Xi" of "Xi Jinping", "Dell" of "Tomas Dell"); None for no name."""
    surname = mention_key(traveler) if traveler.strip() else ""
    if not surname:
        return None
    return "|".join(re.escape(n) for n in dict.fromkeys((traveler.strip(), surname)))


def _went_there(sentence: str, traveler: str, place: str | None) -> bool:
    """Whether the traveler is the subject of a verb of travel in the past that leads to the
    place in the same clause: "Secretary of Defense James Mattis visited South Korea"."""
    named = _written_names(traveler)
    words = place_pattern(place) if place else ""
    if named is None or not words:
        return False
    went = rf"\b(?:{named})\s+(?:{_WENT})\b{_IN_CLAUSE}*?\b{words}\b"
    return re.search(went, sentence) is not None


_WENT = r"visited|arrived|flew|travell?ed|toured|landed|went"


# "has met", "have arrived", "has held talks" with no day: the news of the page's day, not a
# count of times ("has met Xi twice", "has visited before").
JUST_DONE = re.compile(
    r"\b(?:has|have)\s+(?:just\s+|now\s+)?(?:met|arrived|landed|gone|held\s+(?:talks|meetings?))\b"
    r"(?![^.;]*\b(?:times|twice|before|previously|ever|since|already|repeatedly)\b)",
    re.IGNORECASE,
)


def on_its_day(
    status: VisitStatus, start: str | None, published: date | None, sentence: str
) -> VisitStatus:
    """A trip done on the day of the report is still going on, unless its sentence says it
    is over."""
    same_day = published is not None and start == published.isoformat()
    if status == "past" and same_day and not _TRIP_ENDED.search(sentence):
        return "ongoing"
    return status


# A trip its sentence says is over ("as Tillerson wrapped up his first trip to Turkey",
# "before leaving Ankara"), which stays past on the day of the report.
_TRIP_ENDED = re.compile(
    r"\b(?:wrap(?:s|ped|ping)?\s+up|ended|concluded"
    r"|(?:left|leaving|departed)(?!\s+(?:to|for)\b))\b",  # not "departed to Saudi Arabia"
    re.IGNORECASE,
)


def _before_page(start: str | None, published: date) -> bool:
    """Whether a date, at its own precision, ends before the page's day ("2016-12" before
    "2017-03-19"); a year-less date ("--10-28") is never placed before it."""
    if start is None or start.startswith("-"):
        return False
    return start < published.isoformat()[: len(start)]


def _after_page(start: str | None, published: date) -> bool:
    """Whether a date, at its own precision, begins after the page's day ("2017-04" after
    "2017-03-19"); a year-less date is never placed after it."""
    if start is None or start.startswith("-"):
        return False
    return start > published.isoformat()[: len(start)]


# A trip that was only ever planned: "prompted Mr Nieto to cancel a planned Washington visit".
_NEVER_MADE = re.compile(
    r"\b(?:cancel\w*|call(?:s|ed|ing)?\s+off|postpon\w*|scrap\w*|planned|scheduled)\b",
    re.IGNORECASE,
)


def done_before_page(visits: Sequence[Visit], published: date | None) -> list[Visit]:
    """A trip told with a future word but dated before its page is past: "the meeting will
    take place in accordance with the agreement reached during Putin's visit to Japan in
    December 2016" (the future is the meeting's, not the visit's). Not one its sentence calls
    planned or called off: that trip was never made."""
    if published is None:
        return list(visits)
    return [
        v.model_copy(update={"status": "past"})
        if v.status == "planned"
        and _before_page(v.start_date, published)
        and not any(_NEVER_MADE.search(s.text) for s in v.evidence[:1])
        else v
        for v in visits
    ]


# A year or a month right after the place: "visited Saudi Arabia in 2014", "in the first
# half of 2017", "in Tokyo last November", "visit to Japan, at the end of last year". Farther
# off, a coarse date seldom dates the trip ("since 2014").
_RIGHT_AFTER = re.compile(
    r"^\s*,?\s*((?:in|during)\s+(?:the\s+(?:first|second)\s+(?:half|quarter)\s+of\s+)?"
    r"(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?\d{4}"
    rf"|(?:in\s+|last\s+|this\s+)(?:{_MONTH})(?:\s+\d{{4}})?"
    r"|(?:(?:at\s+the\s+)?(?:end|start|beginning|middle|turn)\s+of\s+|(?:early|late)\s+)?"
    r"(?:(?:later|earlier)\s+this|this|next|last)\s+(?:year|month|week))\b"
)


def dated_by_the_trip(event: Event) -> Event:
    """The event with its date words, or those right after the place where the answered ones
    date the telling: "On Monday, Nunes confirmed that he traveled to the White House last
    week" is a trip of last week (a verb of saying and "that" stand between the answered
    words and the place), as :func:`sentence_dates` reads a sentence the model gave no date
    words for."""
    sentence = event.evidence[0].text if event.evidence else ""
    place = _place_mention(sentence, event.place)
    after = _RIGHT_AFTER.match(sentence[place.end() :]) if place else None
    at = sentence.find(event.when) if event.when else -1
    if place is None or after is None or event.when is None or at < 0 or place.start() < at:
        return event
    said = _SAID_THAT.search(sentence, at + len(event.when), place.start())
    return replace(event, when=after.group(1)) if said is not None else event


def _place_mention(sentence: str, place: str | None) -> re.Match[str] | None:
    """The place's first mention in the sentence, if any."""
    words = place_pattern(place) if place else ""
    return re.search(rf"\b{words}\b", sentence) if words else None


def _date_after_place(sentence: str, place: str | None) -> str | None:
    """The date words right after the place in the sentence, if any."""
    found = _place_mention(sentence, place)
    after = _RIGHT_AFTER.match(sentence[found.end() :]) if found else None
    return after.group(1) if after else None


# A wire dateline run into the sentence ("MOSCOW, February 9. /TASS/. Russia and the US are
# working on ..."): the day the report was filed, not the day of what it reports.
_DATELINE_DAY = re.compile(
    rf"^\s*[A-Z][A-Z.'\u2019 -]+,\s+(?:{_MONTH})\s+\d{{1,2}}\.?\s*/[A-Z]+/\.?\s*/?"
)


# The day a body made its report, not the day of what it reports: "..., the US State
# Department said on Friday", "the Kremlin announced on March 3". One who speaks where they
# are ("Tillerson said Thursday" in Bonn) dates their own stay, so only a body's counts.
_DAY_OF_SAYING = re.compile(
    r"(?P<body>,\s+the\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}"
    r"(?:said|says|announced|announces|reported|confirmed|stated)\s+)(?:on\s+)?(?:" + _DAY + r")\b"
)


def sentence_dates(text: str, published: date | None, *, ahead: bool) -> ResolvedDates:
    """The first date a whole sentence gives for what it tells: not a wire dateline's day,
    nor the day a body said it ("Tillerson plans to meet ... sometime next week, the US State
    Department said on Friday")."""
    told = _DAY_OF_SAYING.sub(lambda m: m["body"], _DATELINE_DAY.sub("", text))
    if (said := _SAID_THAT.search(told)) is not None:
        # "On Monday, Nunes confirmed that he traveled to the White House last week": the
        # clause said dates what it tells; the day of saying only where it has no date
        reported = resolve_dates(told[said.end() :], published, ahead=ahead)
        if reported.start is not None:
            return reported
    return resolve_dates(told, published, ahead=ahead)


# A verb of saying and the "that" opening what was said.
_SAID_THAT = re.compile(
    r"\b(?:said|says|confirmed|confirms|announced|announces|stated|revealed|told\s+\w+)"
    r"(?:\s+on\s+\w+)?\s+that\b",
    re.IGNORECASE,
)


def _dates(event: Event, status: VisitStatus, published: date | None) -> ResolvedDates:
    ahead = status == "planned"
    dates = resolve_dates(event.when, published, ahead=ahead)
    if dates.start is not None or event.when is not None:
        return dates
    for span in event.evidence[:1]:
        if event.kind == "trip" and left_from(span.text, event.place):
            break  # the day they set out from the place, not the day of a trip there
        in_sentence = sentence_dates(span.text, published, ahead=ahead)
        if in_sentence.start is not None and len(in_sentence.start) == len("2017-03-16"):
            return in_sentence
        if status == "ongoing" and published:
            break  # under way: the page's day, finer than "this week" after the place
        if (right_after := _date_after_place(span.text, event.place)) is not None:
            after = resolve_dates(right_after, published, ahead=ahead)
            if after.start is not None:
                return after
    if status == "ongoing" and published:
        return ResolvedDates(published.isoformat(), None, True)
    return dates


@dataclass(frozen=True)
class Stop:
    """A place a travel word leads to in a sentence, with the day words after it; a venue's
    country where the article's venues place it, and whether the visit was moved to that
    day (a day it is moved to lies ahead)."""

    place: str
    start: int
    end: int
    when: str | None
    country: str | None = None
    moved: bool = False


def a_place(phrase: str) -> str | None:
    """The phrase, less day and month names after it, when all of it names a country or a
    city: not a demonym ("to Chinese leaders"), not an institution ("to the US Embassy")."""
    # a full stop, a closing quote or a scrape's hyphen after it ("and Qatar.-")
    words = phrase.rstrip(".'\u2019-").split()
    while len(words) > 1 and re.fullmatch(DAY_NAME, words[-1]):
        words.pop()
    bare = re.sub(r"^the\s+", "", " ".join(words), flags=re.IGNORECASE)
    if re.fullmatch(DAY_NAME, bare):
        return None  # "a trip in March": a town of that name is not meant
    if destination(bare) == (None, bare):
        return None  # no known place, or a name a rule cannot settle ("Florida")
    country = find_country(bare)
    if country is not None and bare.casefold() != (country.demonym or "").casefold():
        return bare
    return bare if city_country(bare) is not None else None


def stops_in(text: str, venues: Callable[[str], str | None] | None = None) -> list[Stop]:
    """Every place a travel word leads to in ``text``, in order; with ``venues``, also the
    buildings it places ("to the White House")."""
    return [stop for stop, known in _led_to(text, venues) if known]


def buildings_led_to(text: str) -> list[Stop]:
    """What a travel word and a preposition, or "visit", lead to that is no country or city
    ("to the White House", "visited the Victory Monument"): a building, or words that are no
    place at all. Not a name before "visit" ("Dell's visit", "This visit"), nor a day ("in
    May")."""
    return [
        stop
        for stop, known in _led_to(text, None, buildings=True)
        if not known
        and not POSSESSIVE_END.search(stop.place)
        and not re.fullmatch(DAY_NAME, stop.place)
    ]


# A possessive ending a name ("Dell's", "Tokyo's"): it owns what follows.
POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def _led_to(
    text: str, venues: Callable[[str], str | None] | None, *, buildings: bool = False
) -> Iterator[tuple[Stop, bool]]:
    """Each phrase a travel word leads to, as a stop, and whether it is placed: a country or
    a city, or a building ``venues`` places."""
    opening = _OPENING_DAY.match(text)
    first = True
    for match in _leads().finditer(text):
        group = next(
            g for g in ("places", "visited", "visit_by", "before", "back_from") if match.group(g)
        )
        if buildings and group in ("before", "back_from"):
            continue  # no venue question for "a Washington visit" or a return from a place
        listed, offset = match.group(group), match.start(group)
        owned = _DAYS_OWN.search(text, 0, match.start()) or _MONTH_OWNS.search(
            text, 0, match.start()
        )
        for part in re.finditer(rf"{_PLACE}", listed):
            place, country = a_place(part.group(0)), None
            if place is None:
                place = _THE.sub("", part.group(0).rstrip(".'\u2019"))
                country = venues(place) if venues is not None else None
            start = offset + part.start() + part.group(0).find(place)
            end = start + len(place)
            capital = _CAPITAL.match(text, end)
            apposed = _APPOSED.search(listed, 0, part.start())
            if country is None and capital is not None and apposed is None:
                # "arrived in the Swiss capital": a state's capital is in that state (not
                # "Moscow, the Russian capital", which names it)
                country = capitals_state(text[start : capital.end()])
                if country is not None:
                    end, place = capital.end(), text[start : capital.end()]
            if text.startswith(_UNREADABLE, end):
                continue  # "visit to Aron\ufffd\ufffd": the name runs on, unread ("Aroná")
            site_in = _SITE_IN.match(text, end) if part.start() == 0 else None
            if not buildings and country is None and a_place(place) is None and site_in:
                # "visits FARC demobilisation camp in Colombia": the place the site is in
                place, (start, end) = site_in.group(1), site_in.span(1)
            moved = _MOVED_TO.match(text[end:])
            after = moved or _WHEN_AFTER.match(text[end:]) or _RIGHT_AFTER.match(text[end:])
            # the day right after the place, else one that owns the journey, else the
            # sentence's opening day for its first stop
            dated_by = (after, owned, opening if first else None)
            when = next((m.group(1) for m in dated_by if m is not None), None)
            first = False
            stop = Stop(place, start, end, when, country, moved=moved is not None)
            yield stop, country is not None or a_place(place) is not None


# A day that owns the journey: "last year's Berlin visit", "Sunday's trip to Kabul".
_DAYS_OWN = re.compile(
    rf"\b({_DAY}|(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:year|month))['\u2019]s\s+(?:[a-z-]+\s+){{0,2}}$"
)
# "Kate's July visit", "the March trip": a month that owns it, after an owner or "the" (not
# "Mrs May visited").
_MONTH_OWNS = re.compile(rf"(?:['\u2019]s|\b(?:the|his|her|their))\s+({_MONTH})\s+$")
# A day the sentence opens with dates its first stop where no day follows the place: "On
# Tuesday, Dell will make a brief visit to Lisbon".
_OPENING_DAY = re.compile(rf"^\s*(?:[Oo]n\s+)?({_DAY})\s*,")


_THE = re.compile(r"^[Tt]he\s+")
# The noun after a state's name or demonym that makes it a city: "the Swiss capital"; a
# comma before it sets it beside the place named ("Moscow, the Russian capital").
_CAPITAL = re.compile(r"\s+capital\b")
_APPOSED = re.compile(r",\s*$")
# The place a visited site is in: "... demobilisation camp in Colombia".
_SITE_IN = re.compile(
    rf"(?:\s+[a-z][\w'-]*){{1,4}}\s+in\s+({_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)
# A character the page's encoding lost (U+FFFD).
_UNREADABLE = "\ufffd"
# "was to come to the White House on Tuesday, but that visit was moved back to Friday", "the
# visit of Dell to Lisbon has been rescheduled to Friday": the day the visit (said right
# after the place, or called the visit or "it" later) is moved, put off or brought forward to.
_MOVED_TO = re.compile(
    r"^(?:[^;]*?\b(?:visit|trip|meeting|talks|summit|it))?"
    r"\s+(?:was|were|is|are|has|have|had)(?:[\s-]+been)?[\s-]+"
    r"(?:moved|rescheduled|postponed|put\s+off|pushed\s+back|brought\s+forward)"
    rf"(?:\s+(?:back|forward))?\s+(?:to|until|till|for)\s+(?:next\s+)?({_DAY})\b"
)


@cache
def _to_the_country() -> re.Pattern[str]:
    """A travel word or "visit", then "the country" (the place a sentence before named)."""
    return re.compile(rf"(?:{_toward()}|{_VISIT})(?P<place>the\s+country)\b", re.IGNORECASE)


def stops_in_the_country(text: str, antecedent: str) -> list[Stop]:
    """ "Tillerson will visit the country on March 18": a stop at ``antecedent``, the country
    the sentence before names (the caller's to find), where "the country" stands."""
    out: list[Stop] = []
    for match in _to_the_country().finditer(text):
        start, end = match.span("place")
        after = _WHEN_AFTER.match(text[end:])
        out.append(Stop(antecedent, start, end, after.group(1) if after else None))
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
    """The stop's country and city, and its day words resolved (forward when ``ahead``, or
    when the visit was moved to them)."""
    resolved = resolve_dates(stop.when, published, ahead=ahead or stop.moved)
    fields = place_and_day(stop.place, stop.when, resolved)
    fields["destination_country"] = fields["destination_country"] or stop.country
    return fields


def _stop_visit(visit: Visit, span: Span, stop: Stop, published: date | None) -> Visit:
    ahead = visit.status == "planned" or ahead_in(span.text[: stop.start])
    return visit.model_copy(  # the same traveler; whom they met and why were at the first stop
        update={
            **stop_fields(stop, published, ahead=ahead),
            "status": "planned" if ahead else visit.status,
            "purpose": None,
            "met": [],
            "evidence": [span],
        }
    )


def placed_by_home(visits: Sequence[Visit]) -> list[Visit]:
    """A place the data leave open between countries ("Florida": a US state, a department of
    Uruguay, a town in Cuba) is in the traveler's own one where that is among them: "Trump's
    first trip there as president" to Florida."""
    out: list[Visit] = []
    for visit in visits:
        city = visit.destination_city
        if visit.destination_country is None and city:
            # the whole name, or the region a town is written with ("Aspen, Colorado")
            among = place_countries(city) | place_countries(city.rpartition(",")[2].strip())
            if country_key(visit.traveler_country) in among:
                visit = visit.model_copy(update={"destination_country": visit.traveler_country})
        out.append(visit)
    return out


def same_trip(a: Visit, b: Visit) -> bool:
    """The same traveler in the same country, on the same day where both give one; at home,
    where the country tells nothing, in the same known place too ("visited Wales" is not
    the day's trip to Scotland)."""
    return (
        same_name(a.traveler, b.traveler)
        and a.destination_country == b.destination_country
        and (a.start_date is None or b.start_date is None or a.start_date == b.start_date)
        and not _other_places_at_home(a, b)
    )


def _other_places_at_home(a: Visit, b: Visit) -> bool:
    """Whether both visits are in the traveler's own country, in regions the data tell
    apart (Wales and Scotland; not Glasgow and Scotland)."""
    home = a.traveler_country or b.traveler_country
    regions = {region_of(v.destination_city) for v in (a, b)}
    return (
        home is not None
        and a.destination_country == home
        and None not in regions
        and len(regions) > 1
    )


__all__ = [
    "DAY_NAME",
    "JUST_DONE",
    "POSSESSIVE_END",
    "SOURCE_BEFORE",
    "Stop",
    "a_place",
    "add_stops",
    "ahead_in",
    "buildings_led_to",
    "done_before_page",
    "journey_or_meeting",
    "mentions_before",
    "named_for_another_event",
    "of_others",
    "on_its_day",
    "placed_by_home",
    "posted_in",
    "same_trip",
    "stop_fields",
    "stops_in",
    "tells_travel",
    "under_way",
]
