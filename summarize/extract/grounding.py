"""Check each reply against the sentences it cites: the article's context and the people.

Evidence is the cited sentence's own span, so it slices the article by construction. What
is checked is the claim the model makes about that sentence: the name it gives is in it, the
place and the date words are in it, the person it says travelled or voices a claim is named
there (or just before, for "he said"), and an aim's words are the sentence's. A failure is
dropped with the reason (or goes back to the model as a reask, when the pass asks for it); a
detail that fails (a title, a date) is cleared with a note instead, since the item stands.

This module holds what every kind of item is checked with (:class:`ArticleContext`,
:class:`Grounded`) and the people; trips and meetings are :mod:`event_grounding`'s, aims
and hedges :mod:`claim_grounding`'s, and where a text names a person :mod:`name_mentions`'.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Generic, TypeVar

from summarize.contract.extraction import (
    Dropped,
    DroppedKind,
    Span,
    VisitStatus,
)
from summarize.extract.drafts import NAME_CHARS
from summarize.extract.name_mentions import names_person, same_name
from summarize.extract.numbered import Numbered, NumberedSentence
from summarize.extract.office_holders import (
    REGNAL,
    find_office_holders,
    joined_particles,
    office_word_set,
    titles_nameparser_lacks,
)
from summarize.extract.voices import Speakers
from summarize.ingest.text_match import contains, normalize, spaced
from summarize.knowledge.person_names import (
    korean_given_name,
    mention_key,
    name_prefixes,
)
from summarize.knowledge.places import (
    Country,
    city_population,
    country_words_pattern,
    find_country,
    is_country,
    place_countries,
    writes_a_region_of,
)
from summarize.knowledge.titles import american_spelling, only_modifiers, title_stems, title_word
from summarize.knowledge.word_classes import only_a_noun, verb_lemmas
from summarize.llm.prompts import grammar_words, word_list

Item = TypeVar("Item")
MAX_MENTIONS = 3
# A pronoun or a role word may carry the person from a sentence just before ("He said").
# A speaker's own words: "I", "we" and theirs.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Uu]s|[Oo]ur|[Mm]y|[Mm]e)\b")
_REFERS_BACK = re.compile(
    r"\b(he|she|they|his|her|their|him|them|the (minister|president|leader|premier|chancellor|"
    r"official|envoy|ambassador|diplomat|delegation|spokesman|spokeswoman|spokesperson))\b",
    re.IGNORECASE,
)
LOOKBACK = 2
_WORD = re.compile(r"[^\W\d_]{4,}")
# Words for a body or a trade outside government: what an appositive after a name may say
# of it ("Lee, president of the Council on Foreign Relations, a nonpartisan think tank,"; "Al
# Jazeera's Hashem Ahelbarra, reporting from Beirut,": a correspondent).
_OUTSIDE_WORDS = (
    r"institute|university|professor|analyst|researcher|journalist|correspondent|think\s+tank"
    r"|scientist|scholar|academic|historian|economist|commentator|columnist|editor"
    r"|reporting\s+from|non-?governmental"
)
_OUTSIDE_BODY = re.compile(rf"\b({_OUTSIDE_WORDS})\b", re.IGNORECASE)
# Kinship words (a closed class of the language): no office ("his father, Pierre Trudeau": a
# small model gives the father the title "father"); nor is a leader's spouse's role ("first
# lady Melania Trump").
_KIN_WORDS = r"father|mother|wife|husband|son|daughter|brother|sister|widow|widower|first\s+lady"
# An office or a description outside government: those words, kinship, and an earlier post
# ("former"), which an appositive may give an official too ("Tillerson, the former Exxon
# chief"), so only a title is read for it.
_NOT_GOVERNMENT = re.compile(
    rf"\b(former|ex-|expert|reporter|{_OUTSIDE_WORDS}|{_KIN_WORDS})\b", re.IGNORECASE
)


@dataclass
class Grounded(Generic[Item]):
    """The outcome of checking one reply against the article."""

    items: list[Item] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [d.reason for d in self.dropped]

    def refuse(self, kind: DroppedKind, draft: Any, reason: str) -> None:
        """Drop one draft with its reason (a reask tells the model; a salvage keeps it)."""
        item = draft.model_dump() if hasattr(draft, "model_dump") else {"value": repr(draft)}
        self.dropped.append(Dropped(kind=kind, item=item, reason=reason))


@dataclass(frozen=True)
class Person:
    """Someone the article names, with the sentences that name them as evidence."""

    name: str
    official: bool
    title: str | None
    country: str | None
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class Event:
    """A grounded trip or meeting, before its date words are resolved."""

    n: int
    who: str
    kind: str
    status: VisitStatus
    place: str | None
    when: str | None
    met: str | None
    evidence: tuple[Span, ...]


def venue_key(place: str) -> str:
    """A venue as its spellings compare: case and spacing aside ("White  house")."""
    return " ".join(place.casefold().split())


@dataclass
class ArticleContext:
    """What replies are checked against: the numbered body and the people found so far."""

    numbered: Numbered
    published: date | None = None
    people: list[Person] = field(default_factory=list)
    # Where the venues the model named stand ("White House" -> "United States"), as it said.
    venues: dict[str, str] = field(default_factory=dict)
    # The quotations' speakers, read for the people they were read with.
    _speakers: tuple[tuple[Person, ...], Speakers] | None = field(
        default=None, repr=False, compare=False
    )

    def venue_country(self, place: str | None) -> str | None:
        """The country the model placed a venue in, or None."""
        return self.venues.get(venue_key(place or ""))

    def place_venue(self, place: str, country: str) -> None:
        self.venues[venue_key(place)] = country

    def sentence(self, n: int) -> NumberedSentence | None:
        return self.numbered.get(n)

    def voice(self, n: int, cue: str | None = None) -> str | None:
        """Who sentence ``n`` says voices its words at ``cue`` (the whole sentence without one),
        among the people found so far: a quotation's speaker, else the attribution's subject."""
        sentence = self.sentence(n)
        if sentence is None:
            return None
        people = tuple(self.people)
        if self._speakers is None or self._speakers[0] != people:
            self._speakers = people, self._read_speakers(people)
        speakers = self._speakers[1]
        found: tuple[int, int] | None = None
        if cue and (at := sentence.text.casefold().find(cue.casefold())) >= 0:
            found = (sentence.span.start + at, sentence.span.start + at + len(cue))
        return speakers.voice((sentence.span.start, sentence.span.end), found)

    def _read_speakers(self, people: tuple[Person, ...]) -> Speakers:
        """The article's speakers among ``people``, with their titles and countries: read once
        per people found, not once per sentence asked about."""
        names = tuple(p.name for p in people)
        offices = tuple((p.name, t) for p in people if (t := stated(p.title)))
        countries = tuple(
            (p.name, country.key) for p in people if (country := find_country(p.country))
        )
        spans = tuple((s.span.start, s.span.end) for s in self.numbered)
        return Speakers(self.numbered.body.article, spans, names, offices, countries)

    def mentions(self, name: str, n: int, lookback: int = LOOKBACK) -> bool:
        """Whether sentence ``n`` names the person, calls them by office, or refers back.

        "Cyprus' foreign minister arrived..." names Mira Castell by her office and
        country; "He said..." refers back to a person named just before, unless someone else
        is named before the pronoun in the sentence itself.
        """
        sentence = self.sentence(n)
        if sentence is None:
            return False
        among = [p.name for p in self.people]
        if names_person(sentence.text, name, among) or self.by_office(sentence.text, name):
            return True
        if _FIRST_PERSON.search(sentence.text) and same_name(self.voice(n) or "", name):
            return True  # '"We recently met in Bonn," Lavrov said': the speaker's "we"
        back = _REFERS_BACK.search(sentence.text)
        if back is None or self._named_before(sentence.text[: back.start()], name):
            return False  # "Mattis visited Japan on his first trip": "his" is Mattis's
        earlier = [self.sentence(k) for k in range(max(1, n - lookback), n)]
        return any(s is not None and names_person(s.text, name, among) for s in earlier)

    def _named_before(self, text: str, name: str) -> bool:
        """Whether ``text`` names someone other than the person: whom a pronoun after it
        more likely means."""
        return any(names_person(text, p.name) for p in self.people if not same_name(p.name, name))

    def names_others(self, name: str, sentence: NumberedSentence) -> bool:
        """Whether the sentence names a listed person other than ``name``: a place it names
        is where they are ("Dunford was set to meet Gerasimov in Azerbaijan"), not where the
        person went."""
        return self._named_before(sentence.text, name)

    def naming(self, name: str, n: int) -> NumberedSentence | None:
        """The sentence nearest to ``n`` that names the person, an earlier one first: what a
        sentence calling them by office or pronoun refers to."""
        found = [s for s in self.numbered if s.n != n and names_person(s.text, name)]
        return min(found, key=lambda s: (s.n > n, abs(s.n - n)), default=None)

    def by_office(self, text: str, name: str) -> bool:
        """Whether ``text`` calls the person by their office and country ("Belarus' foreign
        minister" for a Belarusian Foreign Minister the people pass found)."""
        person = next((p for p in self.people if same_name(p.name, name)), None)
        return person is not None and called_by_office(text, person)


def called_by_office(text: str, person: Person) -> bool:
    """Whether ``text`` calls the person by their office and country ("Belarus' foreign
    minister", "The German Foreign Minister's visit")."""
    if not person.title or not person.country:
        return False
    office = _office_words(person.title)
    return (
        bool(office)
        and contains(text, office)
        and any(contains(text, w) for w in _country_words(person.country))
    )


def _office_words(title: str) -> str:
    """ "Estonian Foreign Minister" → "Foreign Minister": the office without the country."""
    words = [w for w in title.split() if not is_country(w)]
    return " ".join(words)


def _country_words(country: str) -> list[str]:
    found = find_country(country)
    if found is None:
        return [country]
    return [found.name, *(found.demonym,) * (found.demonym is not None)]  # type: ignore[list-item]


_WEEKDAYS = frozenset(d.casefold() for d in calendar.day_name)
# A weekday or a month, written in full ("Thursday", "March"): a day's name, no place's.
DAY_NAME = rf"(?:{'|'.join(w for w in (*calendar.day_name, *calendar.month_name) if w)})"


def _printed_part(name: str, ctx: ArticleContext) -> str | None:
    """The longest run of two or more of the name's words that the article prints and that
    is itself a name, where the model wrote a word too many ("Abe Shinzo Abe" for Shinzo
    Abe; not "The United States" of "The United States Nations"); None if there is none."""
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        for start in range(len(words) - size + 1):
            run = " ".join(words[start : start + size])
            if person_name(run, ctx) == run and _printed_whole(run, ctx.numbered.text):
                return run
    return None


def _printed_undecoded(name: str, ctx: ArticleContext) -> str | None:
    """The name as the article prints it where the scrape could not decode a letter of it:
    the model writes "Federico Guti\u00e9rrez" for the printed "Federico Guti\ufffd\ufffdrrez"."""
    text = ctx.numbered.text
    if _UNDECODED not in text or name.isascii():
        return None
    pattern = "".join(f"{_UNDECODED}+" if not c.isascii() else re.escape(c) for c in name)
    found = re.search(rf"(?<!\w){pattern}(?!\w)", text)
    return found.group() if found is not None else None


_UNDECODED = "\ufffd"


def _family_name_by_office(name: str, ctx: ArticleContext) -> str | None:
    """The family name alone, where the article prints the full name nowhere but writes the
    family name after an office ("President Trump will host ...", never "Donald Trump"):
    what the article calls them, not a given name the model supplied."""
    family = name.split()[-1] if len(name.split()) > 1 else None
    if family is None or person_name(family, ctx) != family:
        return None
    holders = find_office_holders(ctx.numbered.text, [name])
    return family if any(h.name == family for h in holders) else None


def _printed_whole(run: str, text: str) -> bool:
    """Whether the text prints the words as a name of their own, not the start of a longer
    one ("The United" of "The United States")."""
    words = spaced(run)
    return re.search(rf"(?<!\w){words}(?![\w'\u2019-])(?![ \t]+[A-Z])", text) is not None


def _naming_sentences(name: str, numbered: Numbered) -> tuple[Span, ...]:
    return tuple(s.span for s in numbered if contains(s.text, name))[:MAX_MENTIONS]


# A capitalized word in brackets, round or square (a wire's insertion): "Prime Minister
# (Shinzo) Abe", "Finnish President [Sauli] Niinisto".
_BRACKETED_WORD = re.compile(r"\(([A-Z][\w'\u2019-]*)\)|\[([A-Z][\w'\u2019-]*)\]")
_A_BRACKET = re.compile(r"[()\[\]]")


def _printed_in_brackets(name: str, numbered: Numbered) -> tuple[Span, ...]:
    """The sentences that print the name with a part of it in brackets: "Prime Minister
    (Shinzo) Abe", "Finnish President [Sauli] Niinisto", "(US President Donald) Trump", a
    wire's way of adding the given name a quotation or a headline left out."""
    parts = name.split()
    if len(parts) < 2:
        return ()
    written = r"\s+".join(rf"[(\[]?{re.escape(part)}[)\]]?" for part in parts)
    pattern = re.compile(rf"(?<![\w(\[]){written}(?![\w'\u2019-])")
    return tuple(
        s.span
        for s in numbered
        if (m := pattern.search(s.text)) is not None and _A_BRACKET.search(m.group())
    )[:MAX_MENTIONS]


def _unbracketed(text: str) -> str:
    """The text with the brackets around a capitalized word taken off, and a space where
    a word was glued to the closing one ("(CNN)President Donald Trump")."""
    spaced = re.sub(r"(?<=[)\]])(?=\w)", " ", text)
    return _BRACKETED_WORD.sub(lambda m: m.group(1) or m.group(2), spaced)


# ------------------------------------------------------------------ people


def _glued_verb(word: str) -> bool:
    """Whether a name's last word ends in a verb a scrape's hyphen glued on ("Modi-hopes");
    not a Korean given name's syllable ("Hwang Kyo-ahn", "Baek Mi-ran")."""
    _, _, glued = word.rpartition("-")
    return glued.islower() and bool(verb_lemmas(glued)) and not korean_given_name(word)


def person_name(raw: str, ctx: ArticleContext | None = None) -> str | None:
    """The name itself, or None when the phrase does not name a person.

    A small model writes "Fisheries and Maritime Affairs Minister Pavel Marek" or lists
    "Moscow" and "the Ministry of Foreign Affairs" as people. A name is capitalized words and
    name particles only (``nameparser``'s prefixes: "bin", "de", "van"); a leading office or
    country word is dropped; a place is not a person.
    """
    words = stated(raw)
    if words is None:
        return None
    tokens = words.split()
    tokens[0] = _unjoined(tokens[0], ctx)
    while len(tokens) > 1 and _POSSESSIVE_WORD.match(tokens[0]):  # "America's Angela Merkel"
        tokens = tokens[1:]
    leading = len(tokens)
    opening = tokens
    while tokens and (_is_title_word(tokens[0]) or is_country(tokens[0])):
        tokens = tokens[1:]
    before = [t for t in opening[: leading - 1] if not is_country(t)]
    if len(tokens) == 1 < leading and before and only_modifiers(before):
        # "United Nations", "Federal Reserve", "Syrian Air Force": a modifier (past a country
        # word) opens a body's name
        return None
    while len(tokens) > 2 and ctx is not None and _city_before(tokens, ctx.numbered.text):
        tokens = tokens[1:]  # "Ambassador in Moscow Riyad Haddad": the post's city, no name
    if 0 < len(tokens) == 1 < leading and ctx and _also_lowercase(tokens[0], ctx.numbered.text):
        return None  # "Foreign Ministry" of "Russia's Foreign Ministry": a common noun
    while len(tokens) > 1 and tokens[-1].casefold() in _WEEKDAYS:
        tokens = tokens[:-1]  # "President Donald Trump Friday": the day after the name
    last, _, glued = tokens[-1].rpartition("-") if tokens else ("", "", "")
    if last and (glued in grammar_words("not_a_subject") or _glued_verb(tokens[-1])):
        # "Jim Mattis-for the first time", "Narendra Modi-hopes to meet": a scrape's hyphen
        # for a space
        tokens[-1] = last
    while len(tokens) > 2 and ctx is not None and _used_as_noun(tokens[0], ctx.numbered.text):
        tokens = tokens[1:]  # "Taoiseach Enda Kenny": an office no title list knows
    for size in (3, 2):
        lead = " ".join(tokens[:size])
        if len(tokens) > size and is_country(lead):
            tokens = tokens[size:]
    if tokens:  # "Palestinian Authority-Mahmoud Abbas": the joined word after the words cut
        tokens[0] = _unjoined(tokens[0], ctx)
    particles = name_prefixes()
    # "... Affairs Minister Pavel Marek", "Lyon Bank President Morel": the name is the run
    # after the last office word, or after the body an office is held at ("envoy to the UN
    # Bashar Jaafari": no one's name holds an acronym).
    for k in range(len(tokens) - 1, 0, -1):
        run = tokens[k:]
        if (
            (_is_title_word(tokens[k - 1]) or (len(run) > 1 and _acronym(tokens[k - 1])))
            and run[0][0].isupper()
            and all(_name_word(t, particles) and not _is_title_word(t) for t in run)
        ):
            if len(run) == 1 and ctx is not None and _also_lowercase(run[0], ctx.numbered.text):
                return None  # "Police Department": a common noun after the office word
            tokens = tokens[k:]
            break
    name = " ".join(tokens)
    if not name or is_country(name) or _a_known_city(name) or _part_of_a_place(tokens):
        return None
    if len(tokens) == 1 and ctx is not None and _written_with_its_region(name, ctx.numbered.text):
        return None  # "in Ypsilanti, Michigan": a town, though small enough to be a name
    if ctx is not None and _always_a_noun(name, ctx.numbered.text, alone=len(tokens) == 1):
        # "The Taoiseach has said": an office the article never uses as a name; "the
        # so-called Global Gag Rule": a thing
        return None
    if tokens[0].casefold() in grammar_words("article") or name.casefold() in _group_words():
        return None  # "The White House", "White House", "Kremlin": a body, no one's name
    if any(
        _acronym(t) and not _initials_of(tokens, k) and not _regnal(tokens, k)
        for k, t in enumerate(tokens)
    ):
        return None  # "NATO", "UN": a body; not "Mohammed VI"
    if any(_PLURAL_ACRONYM.fullmatch(t) for t in tokens):
        return None  # "Fine Gael MEPs", "Tory MPs": a group
    if any(t.casefold() in grammar_words("number") for t in tokens):  # "Air Force One"
        return None
    if not tokens[0][0].isupper() or not all(_name_word(t, particles) for t in tokens):
        return None
    if ctx is not None and any(
        _only_lowercase(t, ctx.numbered.text)
        for t in tokens
        if t.casefold() not in particles and t[0].isupper()
    ):
        return None  # "Agency" where the article writes "the surveillance agency" (not "bin")
    return name


def _regnal(tokens: Sequence[str], k: int) -> bool:
    """Whether token ``k`` is the regnal number after a given name ("Mohammed VI")."""
    return k == len(tokens) - 1 == 1 and re.fullmatch(REGNAL, tokens[k]) is not None


def _unjoined(word: str, ctx: ArticleContext | None) -> str:
    """A name's first word without the word a hyphen joined to it for a space: a title
    ("Mr-Kenny", a wire text's) or a body's word the article prints apart too ("the
    Palestinian Authority-Mahmoud Abbas", a scrape's)."""
    head, _, rest = word.partition("-")
    if rest[:1].isupper() and _is_title_word(head):
        return rest
    return (_scrape_joined(word, ctx.numbered.text) if ctx is not None else None) or word


def _scrape_joined(word: str, text: str) -> str | None:
    """What follows the hyphen in ``word`` where a scrape put the hyphen for a space
    between two words the article also prints apart (:func:`_apart_elsewhere`); else None."""
    head, _, rest = word.partition("-")
    return rest if rest[:1].isupper() and _apart_elsewhere(head, rest, text) else None


def _apart_elsewhere(head: str, rest: str, text: str) -> bool:
    """Whether the word before a hyphen stands without what follows it elsewhere in the
    article ("the Palestinian Authority may", beside "Authority-Mahmoud Abbas"): two words a
    scrape joined, not one hyphenated name ("Jean-Claude"), nor one also printed with a space
    ("Abdel Fattah el-Sisi" beside "Abdel-Fattah el-Sissi")."""
    alone = rf"(?<![\w-]){re.escape(head)}(?![\w-])(?!\s+{re.escape(rest)}\b)"
    return re.search(alone, text) is not None and (
        re.search(rf"(?<![\w-]){re.escape(head)}-{re.escape(rest)}\b", text) is not None
    )


def _city_before(tokens: Sequence[str], text: str) -> bool:
    """Whether the first word is a city the article writes after "in" or "at" right before
    the rest of the name ("Syria's Ambassador in Moscow Riyad Haddad"): not a given name
    that is also a city's ("Sydney", "Lincoln")."""
    city, rest = tokens[0], " ".join(tokens[1:])
    return (
        _a_known_city(city)
        and re.search(rf"\b(?:in|at)\s+{re.escape(city)}\s+{re.escape(rest)}\b", text) is not None
    )


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _acronym(word: str) -> bool:
    return word.isupper() and len(word.rstrip(".")) > 1


def _initials_of(tokens: Sequence[str], k: int) -> bool:
    """Whether token ``k`` is a person's initials, not a body's: letters each with its full
    stop before a family name ("J.D. Gordon", "George H.W. Bush"); not a country ("U.S.")."""
    word = tokens[k]
    return (
        _DOTTED_INITIALS.fullmatch(word) is not None
        and k < len(tokens) - 1
        and not is_country(word)
    )


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


@cache
def _group_words() -> frozenset[str]:
    """The bodies and groups that voice claims (``prompts/voice_words.txt``)."""
    return frozenset(e.partition(":")[2].strip().casefold() for e in word_list("voice_words"))


# A name that is also a town's ("Clinton", "Kim") is still a name; a city the size news
# names as a place ("Moscow", "Sochi") is a place.
_PLACE_SIZE = 100_000


def _written_with_its_region(word: str, text: str) -> bool:
    """Whether the article writes a town's name with a state or province of the town's
    country after it ("Ypsilanti, Michigan", "Austin, TX"): a place, not a family name."""
    after = re.finditer(rf"(?<![\w-]){re.escape(word)},\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", text)
    return any(
        in_its_region(word, region) is not None
        for m in after
        for region in dict.fromkeys([m.group(1), m.group(1).split()[0]])
    )


def _a_known_city(name: str) -> bool:
    """A place the gazetteer knows, of the size news names as a place ("Moscow", "Sochi")."""
    return find_country(name) is not None and _a_city(name)


def _part_of_a_place(tokens: Sequence[str]) -> bool:
    """A compass word and a known place: a part of it ("West Berlin", "East Jerusalem")."""
    rest = " ".join(tokens[1:])
    return (
        len(tokens) > 1
        and tokens[0].casefold() in _COMPASS
        and (is_country(rest) or _a_known_city(rest))
    )


_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
)


def _a_city(name: str) -> bool:
    population = city_population(name)
    return population >= _PLACE_SIZE or not population


_POSSESSIVE_WORD = re.compile(r"\w+['\u2019]s$")


def _only_lowercase(word: str, text: str) -> bool:
    """Whether the article writes ``word`` and never capitalized: a common noun, not a name."""
    found = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE)
    return bool(found) and not any(f[0].isupper() for f in found)


_CAPITALIZED = re.compile(r"[A-Z][\w'\u2019.-]*$")


def _also_lowercase(word: str, text: str) -> bool:
    """Whether the article also writes ``word`` in lower case: a common word."""
    lower = word.casefold()
    return lower != word and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


def fullest_name(name: str, text: str) -> str:
    """The longest form of a name the article prints: "Tillerson" → "Rex Tillerson".

    A small model often answers with a surname the article first gives in full. The full
    form is the run of capitalized words just before the name, stopping at an office word
    ("Secretary of State Rex Tillerson") or a country word ("Chinese Premier Li Keqiang").
    """
    best = name
    found: set[str] = set()
    # "Abadi" printed as "Haider al-Abadi": a particle joined to it by a hyphen is the name's.
    joined = rf"(?:{joined_particles()})?"
    for match in re.finditer(rf"(?<![\w-]){joined}{re.escape(name)}(?![\w-])", text):
        lines = text[: match.start()].split("\n")
        words = lines[-1].split()[-4:]
        lead: list[str] = []
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            initial = re.fullmatch(r"[A-Z]\.", word) is not None  # "Donald J. Trump"
            ends_clause = word[-1] in ".,;:!?\u201d\"'" and not initial
            if ends_clause or not _CAPITALIZED.match(word):
                break
            if (rest := _scrape_joined(word, text)) is not None:
                lead.insert(0, rest)  # "Authority-Mahmoud Abbas": the body's word is no name's
                break
            if _is_title_word(word) or is_country(word) or len(lead) == 3:
                break
            if _used_as_noun(word, text):
                break  # "Taoiseach Enda Kenny" where the article writes "told the Taoiseach he"
            if k > 0 and words[k - 1] in ("in", "at") and _a_known_city(word):
                break  # "Ambassador in Moscow Riyad Haddad": the post's city
            opens_sentence = k == 0 or words[k - 1][-1] in '.!?\u201d"'
            if opens_sentence and (_also_lowercase(word, text) or _function_word(word)):
                break  # "But" opening a sentence is the word "but", not part of the name
            lead.insert(0, word)
        candidate = " ".join([*lead, match.group(0)])
        if lead and person_name(candidate) == candidate:
            found.add(candidate)
            best = max(best, candidate, key=len)
    # Two people who share the surname ("Ivanka Trump", "Donald J. Trump"): which one the
    # surname means is not known, so it stays as written.
    given = {c.removesuffix(name).split()[0] for c in found}
    if len(given) > 1 or (best != name and _named_first_alone(name, best, text)):
        return name
    return best


def _function_word(word: str) -> bool:
    """A closed-class word ("Although", "When", "The"): no part of a name, even where the
    article never writes it in lower case."""
    kinds = ("subordinator", "not_a_subject", "article")
    return any(word.casefold() in grammar_words(kind) for kind in kinds)


def _used_as_noun(word: str, text: str) -> bool:
    """Whether the article writes the word after "the", "as" or "an" with no name after it
    ("the Taoiseach agreed", "as Taoiseach and"): an office or a thing, not a given name
    ("the Rex Tillerson era" has a name after it)."""
    return re.search(rf"\b(?i:the|as|an)\s+{re.escape(word)}\b(?!\s+[A-Z])", text) is not None


def _always_a_noun(word: str, text: str, *, alone: bool = True) -> bool:
    """Whether every time the article writes the word, "the", "a", "an" or "as" stands before
    it ("The Taoiseach is in Brussels", "the Taoiseach's meeting"), but where a line opens
    with it as headlines do ("Taoiseach wants Brexit deal ..."): a noun, never a name. Words
    more than one (``alone`` false) are a body's name where "the" itself stands before most
    of them, past "so-called" or country words ("the so-called Global Gag Rule", "the Russian
    Aerospace Force", "the Arab League" beside "Arab League assistant secretary"): news never
    writes "the" before a person's full name, and "such as Mary Barra" names her. Where the
    words modify a noun ("the Pavel Orlin era") they are read neither way."""
    found = [
        m
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        if text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()  # not a line's first
    ]
    if not alone:
        named = [m for m in found if not _modifies_a_noun(text[m.end() :])]
        return 2 * sum(_after_the(text[: m.start()]) for m in named) > len(named)
    return bool(found) and all(
        re.search(r"\b(?i:the|an?|as)\s+$", text[max(0, m.start() - 16) : m.start()]) for m in found
    )


def _modifies_a_noun(after: str) -> bool:
    """Whether a noun, and only a noun, follows ("era" in "the Rex Tillerson era")."""
    word = re.match(r"\s+([a-z]+)\b", after)
    return word is not None and only_a_noun(word.group(1))


def _after_the(before: str) -> bool:
    """Whether ``before`` ends in "the", but for "so-called" and country words after it, all
    in one sentence ("the Russian", not "the U.S. Sergey Kislyak")."""
    words = before[-80:].split()
    while words and (
        words[-1].casefold() == "so-called"
        or (is_country(words[-1]) and not words[-1].endswith((".", ",", ";", ":")))
    ):
        words.pop()
    return bool(words) and words[-1].lstrip("\"'\u201c\u2018(").casefold() == "the"


def _named_first_alone(name: str, full: str, text: str) -> bool:
    """Whether a sentence uses the surname alone ("Mr. Trump said") before the article first
    prints the full name: news style names a person in full first, so that surname is
    someone else's ("Ivanka Trump", named once, later, is not the Trump of every sentence)."""
    before = text[: max(text.find(full), 0)]
    for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", before):
        line = before[before.rfind("\n", 0, match.start()) + 1 : match.start()]
        if re.search(r"[.!?]\s", line) or line.rstrip().endswith(("Mr.", "Ms.", "Mrs.")):
            return True  # in a sentence, past a headline
    return False


def _is_title_word(word: str) -> bool:
    """A title in ``nameparser``'s vocabulary or a post it lacks ("Spokeswoman"), or one
    formed from it as English forms offices: "Chairman" of "chair", "Leaders" (of two people
    named) of "leader"."""
    from nameparser.config import CONSTANTS

    folded = title_word(word)
    forms = (folded, *title_stems(folded))
    return any(form in CONSTANTS.titles or form in titles_nameparser_lacks() for form in forms)


def _name_word(token: str, particles: frozenset[str]) -> bool:
    """A capitalized word, a particle ("bin", "de") or a word joined to its particle by a
    hyphen ("al-Assad", "el-Sisi")."""
    head, hyphen, rest = token.partition("-")
    return (
        token[0].isupper()
        or token.casefold() in particles
        or (bool(hyphen) and f"{head.casefold()}-" in particles and rest[:1].isupper())
    )


def ground_people(
    drafts: Sequence[Any], ctx: ArticleContext, *, fullest: bool = True
) -> Grounded[Person]:
    """A person must be named in the article; their title must stand beside their name.
    A name is given its fullest printed form unless it was read with its bounds already
    (``fullest=False``: the office pattern's "Premier of the State Council Li Keqiang" is
    not "Council Li Keqiang")."""
    out: Grounded[Person] = Grounded()
    for i, d in enumerate(drafts, 1):
        name = person_name(d.name, ctx)
        if name is not None and fullest:
            name = fullest_name(name, ctx.numbered.text)
        if name is None:
            out.notes.append(f"people[{i}]: {d.name!r} does not name a person; left out")
            continue
        title = stated(d.title) or _office_in_name(d.name, name)
        name = _without_title_words(name, title)
        evidence = _naming_sentences(name, ctx.numbered)
        if not evidence and (printed := _printed_part(name, ctx)) is not None:
            out.notes.append(f"people[{i}]: {name!r} is not printed; {printed!r}, part of it, is")
            name, evidence = printed, _naming_sentences(printed, ctx.numbered)
        if not evidence and (damaged := _printed_undecoded(name, ctx)) is not None:
            out.notes.append(f"people[{i}]: {name!r} is printed {damaged!r}, a letter undecoded")
            name, evidence = damaged, _naming_sentences(damaged, ctx.numbered)
        if not evidence and (bracketed := _printed_in_brackets(name, ctx.numbered)):
            out.notes.append(f"people[{i}]: {name!r} is printed with a part in brackets")
            evidence = bracketed
        if not evidence and (alone := _family_name_by_office(name, ctx)) is not None:
            out.notes.append(f"people[{i}]: {name!r} is not printed; {alone!r} after an office is")
            name, evidence = alone, _naming_sentences(alone, ctx.numbered)
        if not evidence:
            out.refuse("official", d, f"people[{i}]: the name {name!r} is not in the article")
            continue
        if any(same_name(p.name, name) for p in out.items):
            continue
        texts = [span.text for span in evidence]
        if title and not any(_beside(text, title, name) for text in texts):
            bare = _less_country_word(title)  # "Russian Envoy" written "Russia's Envoy"
            if bare and any(_beside(text, bare, name) for text in texts):
                title = _as_printed(bare, texts, cased=True)
            else:
                note = f"people[{i}]: title {title!r} is not beside {name!r}; left unknown"
                out.notes.append(note)
                title = None
        if title:
            title = fuller_title(_uncut(_as_printed(title, texts), name, texts), name, texts)
        official = (
            (bool(d.official) or _office_by_news_style(title, name, ctx.numbered.text))
            and not (title and _NOT_GOVERNMENT.search(title))
            and not any(_appositive_outside(span.text, name) for span in evidence)
        )
        out.items.append(Person(name, official, title, stated(d.country), evidence))
    # "Taoiseach Enda Kenny" listed beside "Enda Kenny", whose title is "Taoiseach": one person.
    out.items = [
        p
        for p in out.items
        if not any(
            q is not p and q.title and _without_title_words(p.name, q.title) == q.name
            for q in out.items
        )
    ]
    return out


def _office_by_news_style(title: str | None, name: str, text: str) -> bool:
    """Whether the article writes the title as news style writes an office, whatever the
    model answered: capitalized right before the name ("Taoiseach Enda Kenny") and, alone,
    inside a sentence ("trusted the Taoiseach in his judgement"). An occupation is
    capitalized only at a sentence's start ("Protester Jaob told DW"), a name's first words
    are not alone ("the Conservative Political Action Conference"), and an honorific is no
    office ("Prof")."""
    if not title or not title[:1].isupper() or outside_government(title):
        return False
    if title.split()[0].rstrip(".").casefold() not in office_word_set() and _is_title_word(
        title.split()[0]
    ):
        return False  # "Dr", "Prof": nameparser's titles that name no office
    written = spaced(title)
    before_name = re.search(rf"(?<![\w-]){written}\s+{re.escape(name)}\b", text)
    inside = re.search(rf"\b[a-z]+,?\s+{written}\b(?![ \t]+[A-Z])", text)
    return before_name is not None and inside is not None


# How near a title must stand to the name it is the title of: before it ("Secretary of
# State Rex Tillerson", "Foreign Minister of Japan Fumio Kishida") or set off after it
# ("Josh Earnest, the White House press secretary").
_BESIDE_CHARS = 30


def _beside(text: str, title: str, name: str) -> bool:
    """Whether ``text`` writes the title next to the name: a small model copies one
    person's title onto another named in the same sentence ("Army General Valery Gerasimov
    has expressed his condolences to General Hulusi Akar")."""
    hay = _american(normalize(_unbracketed(text), fold_case=True).text)  # "(Shinzo) Abe"
    wanted = _american(normalize(_unbracketed(title), fold_case=True).text.strip(" .,;:"))
    if not wanted:
        return False
    named = [
        (m.start(), m.end())
        for form in {name, mention_key(name)}
        if (key := normalize(form, fold_case=True).text)
        for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", hay)
    ]
    # a whole word, or its plural before the names it is all of theirs ("Russian and German
    # Foreign Ministers, Sergey Lavrov and Sigmar Gabriel"; not "Choe and other senior
    # officials")
    for m in re.finditer(rf"(?<!\w){re.escape(wanted)}(?P<plural>s(?!\w))?", hay):
        if any(
            0 <= start - m.end() <= _BESIDE_CHARS
            or (not m.group("plural") and 0 <= m.start() - end <= _BESIDE_CHARS)
            for start, end in named
        ):
            return True
    return False


def _american(text: str) -> str:
    """Lower-case text with office words spelled the American way: "Defence Secretary" and
    "Defense Secretary" are one title."""
    return re.sub(r"[a-z]+", lambda m: american_spelling(m.group()), text)


def _uncut(title: str, name: str, texts: Sequence[str]) -> str:
    """A title near the schema's length cap that the article prints on, right before the name
    or set off after it ("leader of the political group, Alliance of Liberals and Dem" of
    "... Alliance of Liberals and Democrats for Europe, Jordi Xucla"; "Jordi Xucla, leader of
    ..., said"): the whole of it, as the model could not write it."""
    if len(title) < NAME_CHARS - _CUT_SLACK:
        return title
    words = spaced(title)
    # on to a comma, a full stop or the name; past a bracket the title opened, not into a
    # clause of its own ("chairman of ... committee who also arrived in Damascus")
    whole = rf"(?P<title>(?i:{words})(?:(?!\s(?:who|which|that|whose)\b)[^,.;:(\[\n])*?)"
    person = re.escape(name)
    before = re.compile(rf"{whole},?\s+{person}\b")
    after = re.compile(rf"\b{person},\s+{whole}\s*[,.;:]")
    for text in texts:
        if (found := before.search(text) or after.search(text)) is not None:
            return found.group("title").strip()
    return title


# A title this many characters short of the cap may have been cut: the model stops inside a
# word or after one ("... legal affairs and").
_CUT_SLACK = 8


def _as_printed(title: str, texts: Sequence[str], *, cased: bool = False) -> str:
    """The title as the article spells it ("Defence Secretary" where the model wrote
    "Defense Secretary"); as given where the article writes it so, in any case, unless
    ``cased`` asks for its case too ("President" of "president of Turkey")."""
    if not cased and any(title.casefold() in normalize(t, fold_case=True).text for t in texts):
        return title
    wanted = _american(title.casefold()).split()
    for text in texts:
        words = list(re.finditer(r"[\w'\u2019-]+", text))
        for k in range(len(words) - len(wanted) + 1):
            run = words[k : k + len(wanted)]
            if [_american(w.group().casefold()) for w in run] == wanted:
                return text[run[0].start() : run[-1].end()]
    return title


def _less_country_word(title: str) -> str | None:
    """The title less the country word it opens with ("Permanent Representative to NATO" of
    "Russian Permanent Representative to NATO") or the country it closes with ("Foreign
    Minister" of "Foreign Minister of Russia"), as the article may write that otherwise
    ("Russia's Permanent Representative to NATO", "Russian and German Foreign Ministers");
    None where it has neither."""
    lead = country_words_pattern().match(title)
    rest = title[lead.end() :].strip() if lead is not None else title
    first, _, after = rest.partition(" ")
    if after and re.fullmatch(r"[A-Z]{2}", first) and is_country(first):
        rest = after  # "US President"
    office, of, country = rest.rpartition(" of ")
    if of and office.strip() and is_country(country.strip()):
        rest = office.strip()
    return rest if rest and rest != title else None


# Capitalized words before an office that are no part of it: a determiner, an earlier post.
_NOT_AN_OFFICE_WORD = "The|A|An|His|Her|Their|Its|Our|Former|Ex|Then|Late|Mr|Mrs|Ms|Dr"


def fuller_title(title: str, name: str, texts: Sequence[str]) -> str:
    """The office as printed right before the name, inside a sentence, where the title given
    is its last word or words: "Foreign Ministry spokesman" of "spokesman" ("said Chinese
    Foreign Ministry spokesman Lu Kang"), "Ambassador to China" of "ambassador"; without the
    country word it opens with. Not a sentence's first words ("During Russian President")."""
    words = spaced(title)
    # ... with one word in lower case after a body's name ("White House press secretary" of
    # "secretary"; not "Thursday during Secretary of State")
    body = rf"(?P<body>(?:(?!(?:{_NOT_AN_OFFICE_WORD})\b)[A-Z][\w.-]*\s+){{1,4}}?)"
    before = rf"{body}(?:(?P<lower>[a-z]+)\s+)?"
    post = r"(?:\s+(?:to|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]*)?"
    # What ends the words before the office: a word in lower case ("new U.N. Ambassador"), a
    # comma ("In Jerusalem, White House envoy"), a possessive ("Britain's UN Ambassador") or
    # the sentence's start ("Chinese Foreign Ministry spokesman Lu Kang said").
    lead = (
        r"(?:(?<![\w'\u2019-])[a-z][\w'\u2019-]*,?\s+|(?<=,)\s+|(?<=['\u2019]s)\s+"
        r"|(?<=[\"\u201d])\s+|(?P<start>^))"
    )
    pattern = re.compile(
        rf"{lead}(?P<office>(?:{before})?(?i:{words}){post})\s+{re.escape(name)}\b"
    )
    for text in texts:
        if (m := pattern.search(text)) is None or not _modifies(m["lower"], m["body"]):
            continue
        opening = m.group("office").split()
        while m.group("start") is not None and len(opening) > 1 and not _of_an_office(opening[0]):
            opening = opening[1:]  # "During Russian President", "Both Speaker": the sentence's
        office = " ".join(opening)
        office = _less_country_word(office) or office
        # only more words than given: not "President" for "president"
        return office if len(office.split()) > len(title.split()) else title
    return title


def _modifies(word: str | None, body: str | None) -> bool:
    """Whether a word in lower case inside an office's name may modify it: after the name of
    a body that voices claims ("White House press secretary"), not a verb's form ("the White
    House said")."""
    if word is None:
        return True
    named = " ".join((body or "").split()).casefold() in _group_words()
    return named and all(lemma == word for lemma in verb_lemmas(word))


def _of_an_office(word: str) -> bool:
    """Whether a sentence's first word may open an office's name: a country ("Chinese
    Foreign Ministry spokesman"), a city ("Medellin Mayor"), an office word or a body ("White
    House press secretary"); not "During", "Has" or "Both"."""
    return (
        is_country(word)
        or _is_title_word(word)
        or find_country(word) is not None
        or any(body.split()[0] == word.casefold() for body in _group_words())
    )


def _without_title_words(name: str, title: str | None) -> str:
    """The name less the words of its own title that lead it: an office no title list knows
    ("Taoiseach Enda Kenny"), or the place of one ("Mayor of Boston Martin Walsh" read as
    "Boston Martin Walsh"). Two words at least stay: "Jackson Smith", mayor of Jackson, keeps
    his given name."""
    if not title:
        return name
    own = {w.casefold() for w in re.findall(r"[\w'\u2019-]+", title)}
    words = name.split()
    while len(words) > 2 and words[0].casefold() in own:
        words.pop(0)
    return " ".join(words)


def _office_in_name(written: str, name: str) -> str | None:
    """The office a model wrote into a name ("Lyon Bank President" of "Lyon Bank President
    Morel"), as the title it left out."""
    lead = written.strip()[: -len(name)].strip() if written.strip().endswith(name) else ""
    words = lead.split()
    return lead if words and _is_title_word(words[-1]) else None


_NO_VALUE = frozenset({"", "null", "none", "n/a", "na", "unknown", "not stated", "-"})


def stated(value: str | None) -> str | None:
    """None for the words a small model writes instead of a JSON null ("null", "unknown")."""
    if value is None or value.strip().casefold() in _NO_VALUE:
        return None
    return value.strip()


# How far after a name its description may run: "Lee, a professor at Tartu University".
_APPOSITIVE_CHARS = 80


def described_as_outsider(person: Person) -> bool:
    """Someone the article describes as outside government: "Lee, a professor at ...".
    (The model's own "official: false" is not enough: it says so of presidents too.)"""
    if person.official:
        return False
    if person.title and outside_government(person.title):
        return True
    return any(described_outside(span.text, person.name) for span in person.evidence)


def outside_government(words: str) -> bool:
    """Whether an office or description says its holder is outside government ("former",
    "professor", "analyst", "correspondent")."""
    return _NOT_GOVERNMENT.search(words) is not None


def _appositive_outside(text: str, name: str) -> bool:
    """Whether the words set off after the name describe a body outside government: "Haas,
    president of the Council on Foreign Relations, a nonpartisan think tank, said"."""
    at = text.find(name)
    if at < 0 or not text[at + len(name) :].startswith(","):
        return False
    return _OUTSIDE_BODY.search(text[at : at + len(name) + _APPOSITIVE_CHARS]) is not None


def described_outside(text: str, name: str) -> bool:
    """Whether ``text`` describes the person just after naming them as outside government,
    or just before by a trade or a body outside it ("The BBC's Scotland editor, Sarah
    Smith, said")."""
    at = text.find(mention_key(name))
    if at < 0:
        return False
    if _NOT_GOVERNMENT.search(text[at : at + _APPOSITIVE_CHARS]) is not None:
        return True
    full = text.find(name)
    return _DESCRIBED_BEFORE.search(text, 0, full if full >= 0 else at) is not None


# A trade or a body outside government within the three words before a name.
_DESCRIBED_BEFORE = re.compile(
    rf"\b(?:{_OUTSIDE_WORDS})\b(?:\s+[\w'\u2019-]+){{0,2}},?\s*$", re.IGNORECASE
)


def in_its_region(town: str, region: str) -> Country | None:
    """The town's country where ``region`` is one of its states or provinces, by name or by
    code ("West Palm Beach", "Florida"; "Washington", "D.C."), else None."""
    home = find_country(town)
    if home is not None and (
        home.key in place_countries(region.strip()) or writes_a_region_of(home, region)
    ):
        return home
    return None
