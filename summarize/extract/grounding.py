"""Check each reply against the sentences it cites, and turn it into grounded items.

Evidence is the cited sentence's own span, so it slices the article by construction. What
is checked is the claim the model makes about that sentence: the name it gives is in it, the
place and the date words are in it, the person it says travelled or voices a claim is named
there (or just before, for "he said"), and an aim's words are the sentence's. A failure is
dropped with the reason (or goes back to the model as a reask, when the pass asks for it); a
detail that fails (a title, a date) is cleared with a note instead, since the item stands.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, partial
from typing import Any, Generic, TypedDict, TypeVar

from summarize.contract.extraction import (
    GENERIC_VOICES,
    THE_OUTLET,
    UNNAMED_EXPERTS,
    UNNAMED_OFFICIALS,
    UNNAMED_SOURCES,
    Dropped,
    DroppedKind,
    HedgedClaim,
    Span,
    StatedAim,
    VisitStatus,
)
from summarize.extract.clauses import claim_clause
from summarize.extract.drafts import NAME_CHARS
from summarize.extract.homeland import homeland
from summarize.extract.numbered import Numbered, NumberedSentence
from summarize.extract.office_holders import (
    REGNAL,
    find_office_holders,
    joined_particles,
    office_word_set,
    titles_nameparser_lacks,
)
from summarize.extract.voices import Speakers, voice_groups
from summarize.ingest.date_phrases import ResolvedDates
from summarize.ingest.text_match import contains, locate, normalize, spaced
from summarize.knowledge.person_names import (
    korean_given_name,
    mention_key,
    name_parts,
    name_prefixes,
    same_person,
)
from summarize.knowledge.places import (
    Country,
    city_country,
    city_population,
    countries_mentioned,
    country_display,
    country_key,
    country_words_pattern,
    find_country,
    is_country,
    names_a_region_elsewhere,
    place_countries,
    state_named,
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


def names_person(text: str, name: str, among: Sequence[str] = ()) -> bool:
    """Whether ``text`` names the person, by full name or by the part a later mention uses;
    given the people the article names (``among``), also by a three-letter family name
    written as a name that no one else of them bears ("Abe will meet Trump"; not "May", a
    month's name too, and not "Abe" where Shinzo Abe and Akie Abe are both named)."""
    if contains(text, name):
        return True
    mention = mention_key(name)
    key = normalize(mention, fold_case=True).text
    hay = normalize(text, fold_case=True).text
    if key and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", hay) is not None:
        return True
    bare = _without_joined_particle(mention)
    if bare and re.search(rf"(?<![\w'\u2019-]){re.escape(bare)}(?![\w'\u2019-])", text):
        return True  # "Sisi" for Abdel Fattah el-Sisi, "Assad" for Bashar al-Assad
    short = _short_name(name, among)
    return short is not None and short.search(normalize(text).text) is not None


_BARE_NAME_LETTERS = 3


def _without_joined_particle(key: str) -> str | None:
    """A family name without the particle joined to it by a hyphen, as news style also
    writes it ("el-Sisi" and "Sisi", "al-Assad" and "Assad"): capitalized, of three letters or
    more; None where the name has no such particle."""
    head, hyphen, rest = key.partition("-")
    if not hyphen or not re.fullmatch(joined_particles(), f"{head.casefold()}-"):
        return None
    return rest if len(rest) >= _BARE_NAME_LETTERS and rest[:1].isupper() else None


def _short_name(name: str, among: Sequence[str]) -> re.Pattern[str] | None:
    """The three-letter family name written as a name, where the person is among the
    article's people and no one else of them bears it (:func:`names_person`)."""
    short = _short_family_name(name)
    if short is None or not any(same_name(other, name) for other in among):
        return None
    if any(_short_family_name(other) == short for other in among if not same_name(other, name)):
        return None
    return re.compile(rf"(?<![\w'\u2019-]){short}(?![\w'\u2019-])(?!\s+[A-Z])")


def _short_family_name(name: str) -> str | None:
    """The last part of a name of two or more, where it has three letters ("Shinzo Abe",
    "Taro Aso") and is no month's or weekday's name: what a later mention calls them by."""
    parts = name.split()
    last = parts[-1] if len(parts) > 1 else ""
    if len(last) != 3 or not last.isalpha() or not last[0].isupper():
        return None
    return None if last.casefold() in _CALENDAR_WORDS else last


_WEEKDAYS = frozenset(d.casefold() for d in calendar.day_name)
# A weekday or a month, written in full ("Thursday", "March"): a day's name, no place's.
DAY_NAME = rf"(?:{'|'.join(w for w in (*calendar.day_name, *calendar.month_name) if w)})"
# Month and weekday names, in full and abbreviated ("May", "Jan", "Sun"), from the stdlib.
_CALENDAR_WORDS = frozenset(
    w.casefold()
    for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if w
)


def name_positions(text: str, name: str, among: Sequence[str] = ()) -> list[int]:
    """Where ``text`` names the person (by the part a later mention uses, which the full
    name contains; given the article's people, also by a three-letter family name only they
    bear), as offsets into ``normalize(text)``: comparable with each other."""
    key = normalize(mention_key(name), fold_case=True).text
    if not key:
        return []
    hay = normalize(text, fold_case=True).text
    found = {m.start() for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", hay)}
    family = normalize(name.split()[-1], fold_case=True).text if " " in name else ""
    if family and family != key:  # "Mrs May": an honorific makes a short family name one
        found |= {m.start(1) for m in re.finditer(rf"{_HONORIFIC}({re.escape(family)})(?!\w)", hay)}
    plain = normalize(text).text
    if (short := _short_name(name, among)) is not None and len(plain) == len(hay):
        found |= {m.start() for m in short.finditer(plain)}
    return sorted(found)


_HONORIFIC = r"(?<!\w)(?:mr|mrs|ms|dr)\.?\s+"


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


def same_name(a: str, b: str) -> bool:
    pa, pb = name_parts(a), name_parts(b)
    return pa == pb or same_person(pa, pb)


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
        _in_its_region(word, region) is not None
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


# ------------------------------------------------------------------ events


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


def _in_its_region(town: str, region: str) -> Country | None:
    """The town's country where ``region`` is one of its states or provinces, by name or by
    code ("West Palm Beach", "Florida"; "Washington", "D.C."), else None."""
    home = find_country(town)
    if home is not None and (
        home.key in place_countries(region.strip()) or writes_a_region_of(home, region)
    ):
        return home
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
    home = _in_its_region(town.strip(), state) if comma else None
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


# ------------------------------------------------------------------ aims


def says(sentence: str, claim: str) -> bool:
    """Most of the claim's longer words occur in the sentence (a paraphrase may reorder them)."""
    words = {w.casefold() for w in _WORD.findall(claim)}
    said = {w.casefold() for w in _WORD.findall(sentence)}
    stems = {w[:5] for w in said}
    hits = sum(w in said or w[:5] in stems for w in words)
    return not words or hits * 2 >= len(words)


def _voice_ok(voice: str, n: int, ctx: ArticleContext) -> bool:
    return voice in GENERIC_VOICES or ctx.mentions(voice, n)


# Who may not state an aim: the sentence gives the view to people outside government.
OUTSIDE_VOICES = (UNNAMED_EXPERTS, UNNAMED_SOURCES)


# How far after a name its description may run: "Lee, a professor at Tartu University".
_APPOSITIVE_CHARS = 80


def _outside_government(person: Person) -> bool:
    """Someone the article describes as outside government: "Lee, a professor at ...".
    (The model's own "official: false" is not enough: it says so of presidents too.)"""
    if person.official:
        return False
    if person.title and outside_government(person.title):
        return True
    return any(_described_outside(span.text, person.name) for span in person.evidence)


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


def _described_outside(text: str, name: str) -> bool:
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


def ground_aims(
    drafts: Sequence[Any], ctx: ArticleContext, cues: dict[int, tuple[str, ...]]
) -> Grounded[StatedAim]:
    """Sentences judged to state an aim: the aim is the clause after its cue, and the stater
    is who the sentence says voices it (:mod:`voices`), else the officials it names, else
    unnamed officials. A view the sentence gives to experts, sources or someone described as
    outside government is not a stated aim."""
    out: Grounded[StatedAim] = Grounded()
    officials = [p.name for p in ctx.people if p.official]
    outsiders = {p.name for p in ctx.people if _outside_government(p)}  # an analyst's view
    for d in drafts:
        sentence = ctx.sentence(d.n)
        if not d.stated_aim or sentence is None:
            continue
        said_by = ctx.voice(d.n, cues[d.n][-1])
        known = said_by in (None, *GENERIC_VOICES) or any(p.name == said_by for p in ctx.people)
        if (
            said_by in OUTSIDE_VOICES
            or said_by in outsiders
            or (not known and _described_outside(sentence.text, said_by or ""))
        ):
            out.refuse("stated_aim", d, f"sentence {d.n}: a view of {said_by}, not a stated aim")
            continue
        if said_by is None or said_by == THE_OUTLET:
            named = _in_order_named(sentence.text, [o for o in officials if ctx.mentions(o, d.n)])
            if not named and not _names_a_government(sentence.text):
                reason = f"sentence {d.n}: no one states it, and it names no state or government"
                out.refuse("stated_aim", d, reason)
                continue
            said_by = " and ".join(named[:2]) if named else UNNAMED_OFFICIALS
        aim = claim_clause(sentence.text, cues[d.n][-1])
        out.items.append(StatedAim(aim=aim, stated_by=said_by, evidence=[sentence.span]))
    return out


def _names_a_government(text: str) -> bool:
    """Whether ``text`` names a state, by name, demonym, initials or capital ("Israel has
    pledged", "the UK's intention", "Berlin and Warsaw are in agreement"), or a body the voice
    words count as officials' ("the ministry", "the White House"): an aim no one in the
    sentence states is then unnamed officials'. Sentences naming neither give a company's,
    a crowd's or a weather service's plans ("Toyota promised", "Demonstrators called for"):
    of the 52 such aims on the tune split, 5 were gold aims, 17 optional ones."""
    return (
        any(True for _ in countries_mentioned(text))
        or any(state_named(m.group()) for m in _CAPITALIZED_RUN.finditer(text))
        or any(voice == UNNAMED_OFFICIALS and p.search(text) for p, voice in voice_groups())
    )


# One to three capitalized words: where a state's capital or initials stand ("Washington").
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}")


def _in_order_named(text: str, names: Sequence[str]) -> list[str]:
    """The names in the order the text first names them (the subject first: "Seko responded
    to Trump, saying..."), one of a person named twice over ("Trump", "Donald Trump"), and
    those only referred to ("he") last."""
    out: list[str] = []
    for name in names:
        if any(_one_person(name, kept) for kept in out):
            continue
        out = [kept for kept in out if not _one_person(kept, name)] + [name]
    first = {n: min(name_positions(text, n), default=len(text) + 1) for n in out}
    return sorted(out, key=lambda n: first[n])


def _one_person(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` by the part a later mention uses ("Trump")."""
    return short == full or (len(short.split()) < len(full.split()) and short == mention_key(full))


# ------------------------------------------------------------------ hedges


def ground_hedges(
    drafts: Sequence[Any], ctx: ArticleContext, cues: dict[int, tuple[str, ...]]
) -> Grounded[HedgedClaim]:
    """Speculative verdicts become claims: the cue's clause, voiced by the sentence's subject.

    Who voices it is read from the article (:mod:`voices`): a quotation's speaker, else the
    subject of the attribution, else the outlet. The model's own choice is not used: where
    no attribution was found, it named the sentence's subject ("X is expected to") as often
    as its speaker, and taking it changed no score on the tune split.
    """
    out: Grounded[HedgedClaim] = Grounded()
    for d in drafts:  # the reply's schema fixes one verdict per sentence, in order
        sentence = ctx.sentence(d.n)
        if not d.speculative or sentence is None:
            continue
        cue = cues[d.n][0]
        # a condition's "if" opens a claim its whole sentence makes: "If X prevails, Ischinger
        # says, it would be a disaster" is Ischinger's, though no one is named before "if"
        voice = ctx.voice(d.n, None if cue.casefold() == "if" else cue) or THE_OUTLET
        out.items.append(
            HedgedClaim(
                claim=claim_clause(sentence.text, cue),
                cue=cue,
                voiced_by=voice,
                evidence=[sentence.span],
            )
        )
    return out
