"""The memo's bottom line and key judgments: sentences built from the merged facts, checked.

Every sentence is made from facts the merge already holds (an engagement, a stated aim, a
speculation group), cites the spans those facts rest on, and reads well as it stands. A model
may reword a sentence, from that sentence's facts only; its wording is shown only when every
person, place, date and number in it occurs in those facts, it is written in a script the
sources use, holds no markup, and was not cut off. Otherwise the rule's sentence stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from summarize.brief.engagements import as_written, central_first
from summarize.contract.brief import (
    Brief,
    Citation,
    ClaimGroup,
    ClaimMember,
    Engagement,
    Narrative,
    RosterEntry,
    Statement,
)
from summarize.contract.extraction import (
    THE_OUTLET,
    UNNAMED_EXPERTS,
    UNNAMED_OFFICIALS,
    UNNAMED_SOURCES,
)
from summarize.contract.partial_date import PartialDate, format_date_range
from summarize.errors import ModelCallError
from summarize.extract.cues import find_cues
from summarize.extract.itinerary import tells_travel
from summarize.extract.voices import attribution_verbs
from summarize.ingest.text_match import normalize
from summarize.knowledge.person_names import contains_name, mention_key, name_parts
from summarize.knowledge.places import (
    city_country,
    countries_mentioned,
    countries_named,
    country_key,
    without_country_words,
)

MAX_JUDGMENTS = 4

# How the rule's sentences name the voices of the closed list.
_VOICE_PHRASES = {
    THE_OUTLET: "the reports",
    UNNAMED_OFFICIALS: "officials",
    UNNAMED_EXPERTS: "analysts and experts",
    UNNAMED_SOURCES: "unnamed sources",
}
# Words the rule's own sentences use: never an entity to check.
_TEMPLATE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "according analysts and experts officials the reports unnamed sources said say says "
        "visited travelled is was visiting due to visit met meet meeting in on of with year not "
        "stated outlets report it also mention earlier related trips including disagree about "
        "date place they expect that a an as for at from his her its their this these",
    )
)
_ENTITY = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|of|de|bin|al|van))*")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_MARKUP = re.compile(r"[{}<>\[\]|`*_#]|\"\w+\"\s*:|\\[nt]|https?://")
# Prose about the memo itself, or the prompt's words: never shown as the memo's prose.
_SELF_REFERENCE = re.compile(
    r"\b(this (memo|briefing|brief|summary)|the findings|json|source numbers?|key judgments?|"
    r"bottom line|as an ai|the facts (given|above))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Draft:
    """A sentence the rule wrote, what it rests on, and what it may mention."""

    text: str
    rests_on: tuple[str, ...]
    sources: tuple[int, ...]
    citations: tuple[Citation, ...]
    vocabulary: frozenset[str]  # normalized words and phrases the facts contain
    # Who the sentence says voices it (a claim's): a wording must keep one of them, or a
    # prediction would read as a fact.
    voices: tuple[str, ...] = ()

    def statement(self, text: str | None = None, worded_by: str = "rule") -> Statement:
        return Statement(
            text=text or self.text,
            rests_on=list(self.rests_on),
            sources=list(self.sources),
            citations=list(self.citations),
            worded_by="model" if worded_by == "model" else "rule",
        )


def _fold(text: str) -> str:
    return normalize(text, fold_case=True).text


def _words_of(*texts: str | None) -> set[str]:
    out: set[str] = set()
    for text in texts:
        if text:
            folded = _fold(text)
            out.add(folded)
            out.update(re.findall(r"[\w'.-]+", folded))
    return out


def _date_words(start: str | None, end: str | None) -> set[str]:
    """The date as the rule writes it, and its parts, so "July 23, 2024" is allowed."""
    words = _words_of(format_date_range(start, end))
    for value in (start, end):
        parsed = PartialDate.parse(value)
        if parsed is not None:
            words |= _words_of(parsed.text(), str(parsed.year or ""), str(parsed.day or ""))
    return words


def _span_words(citations: Iterable[Citation]) -> set[str]:
    return _words_of(*(c.span.text for c in citations))


def _roster_of(brief: Brief) -> dict[str, RosterEntry]:
    by_name: dict[str, RosterEntry] = {}
    for entry in brief.officials:
        for variant in (entry.name, *entry.variants):
            by_name[_fold(variant)] = entry
    return by_name


def _office(
    name: str, roster: dict[str, RosterEntry], citations: Sequence[Citation]
) -> tuple[str, Citation | None] | None:
    """The person's office without the country words ("Estonian Foreign Minister" →
    "Foreign Minister"), with the roster's span that writes it where no cited span does:
    the rule's sentence names the country itself, and cites whatever it tells (an office
    no span writes, "White House President", is not told)."""
    entry = roster.get(_fold(name))
    if entry is None or not entry.titles:
        return None
    cited = _cited(citations).replace("-", " ")  # "Secretary-General" writes "Secretary General"
    for title in sorted(entry.titles, key=len, reverse=True):
        bare = without_country_words(title)
        if not bare or not bare[0].isupper():
            continue
        if _fold(bare).replace("-", " ") in cited:
            return bare, None
        if (citation := _roster_span(entry, bare)) is not None:
            return bare, citation
    return None


def _cited(citations: Sequence[Citation]) -> str:
    """The cited spans' text, folded: what a sentence citing them may tell."""
    return _fold(" ".join(c.span.text for c in citations))


def _roster_span(entry: RosterEntry, phrase: str) -> Citation | None:
    """The roster's first span that writes ``phrase``: cited beside a sentence's own spans
    where those do not write it."""
    return next((c for c in entry.citations if _fold(phrase) in _fold(c.span.text)), None)


def _date_phrase(e: Engagement) -> str:
    """``on July 23, 2024``, ``in May 2025``, ``on Oct. 28 (year not stated)``, or nothing."""
    start = PartialDate.parse(e.start_date)
    if start is None:
        return ""
    text = format_date_range(e.start_date, e.end_date)
    lead = "on" if start.day is not None else "in"
    return f" {lead} {text}" + ("" if start.year is not None else " (year not stated)")


def _place(e: Engagement) -> str:
    """ "Hanoi, Vietnam", the country only where a cited span writes its name: a
    city's country from the gazetteer ("New York" is in the United States), or one the
    spans give only as "American" or "U.S.", is not what the sentence may print."""
    country = e.destination_country
    if e.destination_city and country:
        cited = _cited(e.citations)
        named = re.search(rf"\b{re.escape(_fold(country))}\b", cited) is not None
        country = country if named else None
    city = as_written(e, e.destination_city) if e.destination_city else None
    return ", ".join(p for p in (city, country) if p)


def _stated_country(country: str | None, citations: Sequence[Citation]) -> str | None:
    """The country, when the cited spans say it (by name, demonym or a city of it): the
    sentence must not tell more than what it cites."""
    key = country_key(country)
    if key is None:
        return None
    text = " ".join(c.span.text for c in citations)
    said = {c.key for c in countries_mentioned(text)}
    said |= {k for w in re.findall(r"[A-Z][\w'-]+", text) if (k := city_country(w))}
    return country if key in said else None


def _who(
    name: str, country: str | None, roster: dict[str, RosterEntry], citations: Sequence[Citation]
) -> tuple[str, tuple[Citation, ...]]:
    """How the sentence names the person, and the span its office is cited from, if any."""
    found = _office(name, roster, citations)
    office, cited = found if found is not None else (None, None)
    extra = (cited,) if cited is not None else ()
    if office and country:
        return f"{office} {name} of {_the(country)}", extra
    if office:
        return f"{office} {name}", extra
    return (f"{name} of {_the(country)}" if country else name), extra


# A country named by a common noun takes "the": "the United States", "the Czech Republic",
# "the Solomon Islands" (not "Belarus", "Honduras").
_COMMON_NOUN_NAME = re.compile(r"^United\s|\b(?:Republic|Kingdom|States|Islands|Emirates)\b")


def _the(country: str) -> str:
    return f"the {country}" if _COMMON_NOUN_NAME.search(country) else country


def _name_cited(
    name: str, roster: dict[str, RosterEntry], citations: Sequence[Citation]
) -> Citation | None:
    """The roster's span that writes the name in full, where no cited span names the person
    ("When Abe tried bringing Obama to Tokyo" tells the trip; the memo says "Shinzo Abe")."""
    cited = _cited(citations)
    entry = roster.get(_fold(name))
    if entry is None:
        return None
    if any(_fold(n) in cited or _fold(mention_key(n)) in cited for n in {name, *entry.variants}):
        return None  # "Choe Son-hui" names Choe Son Hui
    return _roster_span(entry, name)


def _engagement_sentence(
    e: Engagement, roster: dict[str, RosterEntry]
) -> tuple[str, tuple[Citation, ...]]:
    country = _stated_country(e.traveler_country, e.citations)
    if e.kind == "trip" and country_key(country) == country_key(e.destination_country):
        country = None  # a trip abroad: the country the spans name is where they went
    who, extra = _who(e.traveler, country, roster, e.citations)
    for name in (e.traveler, *e.met[:2]):
        if (cited := _name_cited(name, roster, (*e.citations, *extra))) is not None:
            extra = (*extra, cited)
    place = _place(e)
    others = " and ".join(e.met[:2])
    when = _date_phrase(e)
    if e.kind == "meeting" and place and not others:  # talks with no one named: where
        verb = {"planned": "is due in", "ongoing": "is in"}.get(e.status or "", "was in")
        return f"{who} {verb} {place}{when}.", extra
    if e.kind == "meeting" or not place:
        verb = {"planned": "is due to meet", "ongoing": "is meeting"}.get(e.status or "", "met")
        target = f" {others}" if others else ""
        where = f" in {place}" if place else ""
        return f"{who} {verb}{target}{where}{when}".rstrip() + ".", extra
    verb = {"planned": "is due to visit", "ongoing": "is visiting"}.get(e.status or "", "visited")
    also = f", meeting {others}" if others else ""
    return f"{who} {verb} {place}{when}{also}.", extra


_COUNT = re.compile(r"\(\d+ outlets report it\)")


def _corroboration(count: int) -> str:
    return "" if count < 2 else f" ({count} outlets report it)"


def _engagement_draft(e: Engagement, roster: dict[str, RosterEntry]) -> Draft:
    text, extra = _engagement_sentence(e, roster)
    citations = (*e.citations, *extra)
    vocabulary = _words_of(
        e.traveler, e.traveler_country, e.destination_city, e.destination_country, *e.met
    )
    vocabulary |= _date_words(e.start_date, e.end_date) | _span_words(citations)
    for name in (e.traveler, *e.met):
        entry = roster.get(_fold(name))
        if entry is not None:
            vocabulary |= _words_of(*entry.variants, *entry.countries)
    return Draft(
        text=text[:-1] + _corroboration(e.corroboration) + ".",
        rests_on=(e.id,),
        sources=tuple(sorted({*e.sources, *(c.source for c in extra)})),
        citations=citations,
        vocabulary=frozenset(vocabulary),
    )


def _named_in_spans(voice: str, group: ClaimGroup, roster: dict[str, RosterEntry]) -> bool:
    entry = roster.get(_fold(voice))
    spellings = [voice, mention_key(voice), *(entry.variants if entry is not None else ())]
    return any(
        contains_name(name_parts(m.citation.span.text), parts, exact=len(parts) == 1)
        for m in group.members
        for parts in map(name_parts, spellings)
    )


def _voices(group: ClaimGroup, roster: dict[str, RosterEntry]) -> list[str]:
    """Who the sentence says voices the claim: a person only where a cited span names them
    (otherwise the reports are what says it)."""
    named = [
        v for v in group.voiced_by if v not in _VOICE_PHRASES and _named_in_spans(v, group, roster)
    ]
    generic = [_VOICE_PHRASES[v] for v in group.voiced_by if v in _VOICE_PHRASES]
    return (named[:2] + generic[:1]) or [_VOICE_PHRASES[THE_OUTLET]]


_CLAUSE_START = re.compile(
    r"^(the|a|an|this|that|these|those|his|her|their|its|our|[A-Z][a-z]+)\b", re.IGNORECASE
)
# Words that open a fragment, not a clause: prepositions, conjunctions, relatives, "it"
# (whose antecedent the clause left behind) and a modal (whose subject it left behind:
# "could soon find himself ...").
_NOT_A_SUBJECT = frozenset(
    re.findall(
        r"\w+",
        "to which who whom whose what whatever whether if when whenever while because although "
        "though after before since unless until so than where how why with given focusing "
        "promises and but or as in from on at for by of about during amid despite into over "
        "it could would should may might must can will shall is are was were has have had",
    )
)
# An attribution at a clause's end ("..., Turkey's military said", "a spokesperson said"):
# the clause is someone's report, which "<voice> said that" would attribute twice.
_TAIL_WORDS = 6


def _ends_attributed(text: str, words: list[str]) -> bool:
    tail = text.rsplit(",", 1)[1] if "," in text else " ".join(words[-2:])
    return len(tail.split()) <= _TAIL_WORDS and bool(attribution_verbs().search(tail))


# Adverbs that may stand before a clause's verb or a participle: "also stressing ...".
_ADVERB = re.compile(r"^(?:also|then|still|again|further|later|now|[a-z]+ly)$")


def _opens_with_participle(words: list[str]) -> bool:
    """ "suggesting ...", "also stressing ...": a participle, after any adverbs, opens it."""
    rest = list(words)
    while len(rest) > 1 and _ADVERB.match(rest[0]):
        rest.pop(0)
    return rest[0].islower() and rest[0].endswith("ing")


def _is_clause(text: str) -> bool:
    """Whether ``text`` reads as a clause with a subject ("the talks focused on ..."), not a
    fragment ("which promises ...", "to strengthen ...", "suggesting ...", "From X:") or a
    report that names its own speaker ("..., the ministry said")."""
    words = text.split()
    quotes = text.count('"') + text.count("\u201c") + text.count("\u201d")
    return (
        len(words) >= 5
        and words[0].casefold() not in _NOT_A_SUBJECT
        and not attribution_verbs().match(text)  # "told Al Jazeera the ...": its verb, no subject
        and not re.fullmatch(r"[a-z]+ly,?", words[0])  # "presumably in part because of ..."
        and not _refers_back(text)
        and not _opens_with_participle(words)
        # "addresses where he was reported to have stayed": a noun and its relative clause
        and words[1].casefold() not in _RELATIVES
        and bool(_CLAUSE_START.match(text))
        and not re.search(r"[\[\]•|]|:\s*[\"\u201c]|:$", text)  # no list marks or open quote
        and quotes % 2 == 0  # a quotation cut in two is not a clause
        and not _ends_attributed(text, words)
    )


_LIST_MARK = re.compile(r"^[\s\u2022\u2013*-]+")
_RELATIVES = frozenset({"where", "which", "who", "whom", "whose"})
# The fewest words a quoted sentence needs to say something in a memo.
_QUOTED_WORDS = 6
# A person the sentence before named: "He also emphasized ..." in a memo names no one.
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "them", "his", "her", "their"})


def _said_by_a_pronoun(text: str) -> bool:
    """Whether the sentence gives its words to "he" or "she" ("..., she said", "' he warned,
    without elaborating"): named in a sentence the memo does not show."""
    for match in attribution_verbs().finditer(text):
        before = text[: match.start()].split()
        if before and before[-1].casefold() in _PERSONAL_PRONOUNS:
            return True
    return False


def _refers_back(text: str) -> bool:
    """Whether the text opens with a pronoun for someone named elsewhere ("He's", "She'd"
    too)."""
    words = text.strip("\"'\u201c\u2018 ").split()
    first = re.sub(r"['\u2019](?:s|d|ll|re|ve)$", "", words[0].casefold()) if words else ""
    return first in _PERSONAL_PRONOUNS


def _already_said(text: str, used: set[str]) -> bool:
    """Whether the memo already states ``text``, or a sentence holding it or held by it."""
    folded = _fold(text)
    return any(folded in u or u in folded for u in used)


def _in_their_words(group: ClaimGroup, member: ClaimMember, outlets: dict[int, str]) -> ClaimGroup:
    """The group narrowed to the members that word the claim as ``member`` does: a sentence
    in those words is theirs to voice and theirs to support, and is corroborated by their
    outlets alone; the others said something like it, in their own words (the Speculation
    and Stated aims lists keep the whole group)."""
    key = _fold(member.text)
    members = [m for m in group.members if _fold(m.text) == key]
    bys = {m.by for m in members if m.by}
    parts = {mention_key(p) for by in bys for p in re.split(r"\s+and\s+(?=[A-Z])", by) if p}
    voiced = [v for v in group.voiced_by if v in bys or mention_key(v) in parts]
    sources = sorted({m.source for m in members})
    return group.model_copy(
        update={
            "voiced_by": voiced or sorted(bys),
            "sources": sources,
            "corroboration": len({outlets.get(n, str(n)) for n in sources}),
            "members": members,
        }
    )


def _by_reach(group: ClaimGroup, outlets: dict[int, str]) -> list[ClaimMember]:
    """The members, those whose wording the most outlets share first (else in order)."""
    reach: dict[str, set[str]] = {}
    for m in group.members:
        reach.setdefault(_fold(m.text), set()).add(outlets.get(m.source, str(m.source)))
    return sorted(group.members, key=lambda m: -len(reach[_fold(m.text)]))


def _claim_sentence(
    group: ClaimGroup,
    verb: str,
    roster: dict[str, RosterEntry],
    used: set[str],
    outlets: dict[int, str],
) -> tuple[str, ClaimGroup] | None:
    """ "Analysts and experts expect that <clause>", or one report's own sentence in
    quotation marks, when the clause would not stand alone; voiced, cited and counted by the
    reports that word it so (:func:`_in_their_words`), the wording most outlets share first.
    None when every wording the group has is already in the memo."""
    members = _by_reach(group, outlets)
    for member in members:
        clause = member.text.strip().rstrip(".-")  # "Brexit.-": a scrape's stray hyphen
        if member.text.endswith("\u2026") or not _is_clause(clause):
            continue
        if verb == "said" and not attribution_verbs().search(member.citation.span.text):
            continue  # no one says it in the report ("The pair discussed ..."): quoted below
        if not _already_said(clause, used) and not _MARKUP.search(clause):
            used.add(_fold(clause))
            if _common_opening(clause.split()[0], roster):
                clause = clause[:1].lower() + clause[1:]
            theirs = _in_their_words(group, member, outlets)
            # A clause that hedges itself ("could open", "is expected to") is said, not
            # expected: "expect that ... is expected to" hedges it twice.
            hedged = verb == "expect" and bool(find_cues(clause, "hedge_cues"))
            return f"{_lead(theirs, roster, 'say' if hedged else verb)} that {clause}", theirs
    for member in members:
        sentence = _LIST_MARK.sub("", " ".join(member.citation.span.text.split()))
        sentence = sentence.strip("\"'\u201c\u201d ")
        # A line that leads into a quotation ("From Goldman on the announcement:"), one too
        # short to say anything ("I hope they'll be OK.") and one about "he" are no
        # judgment; a hashtag, a link or a list mark is the page's markup, not prose.
        if sentence.endswith(":") or len(sentence.split()) < _QUOTED_WORDS:
            continue
        sentence = sentence.rstrip(".-")
        if _refers_back(sentence) or _said_by_a_pronoun(sentence):
            continue
        if not _already_said(sentence, used) and not _MARKUP.search(sentence):
            used.add(_fold(sentence))
            # The claim is quoted: the other outlets' sentences of it would say it again.
            used.update(_fold(" ".join(m.citation.span.text.split())) for m in group.members)
            alone = group.model_copy(update={"members": [member]})  # its own span, its voice
            quoted = _in_their_words(alone, member, outlets)
            return f"{_quote_lead(quoted, roster)}: \u201c{sentence}.\u201d", quoted
    return None


def _quote_lead(group: ClaimGroup, roster: dict[str, RosterEntry]) -> str:
    """Who a quoted sentence is from: its voices, unless they are people it names itself
    ("Lukashenko: 'Belarusian President Alexander Lukashenko has ...'" says the name twice),
    then the report it is quoted from."""
    voices = _voices(group, roster)
    if all(v not in _VOICE_PHRASES.values() for v in voices):
        return "A report"  # a person is a voice only where the quoted span names them
    return _lead(group, roster)


# Words capitalised only because they open the sentence: determiners, quantifiers and
# pronouns ("Both sides pledged" reads "said that both sides pledged").
_COMMON_OPENINGS = frozenset(
    re.findall(
        r"\w+",
        "the this that a an these those his her their its our both all some many most each "
        "every neither either several few such other another he she they we there",
    )
)


def _common_opening(word: str, roster: dict[str, RosterEntry]) -> bool:
    """Whether the clause's first word is capitalised only for opening it: a determiner or a
    pronoun, or an adverb in "-ly" that names no one ("Publicly", not "Kelly")."""
    bare = word.strip("\"'\u201c\u2018")
    if bare.casefold() in _COMMON_OPENINGS:
        return True
    if not re.fullmatch(r"[A-Z][a-z]+ly", bare):
        return False
    named = {p for variant in roster for p in name_parts(variant)}
    return bare.casefold() not in named and not any(countries_mentioned(bare))


def _lead(group: ClaimGroup, roster: dict[str, RosterEntry], verb: str = "") -> str:
    """Who voices the claim, capitalised, with the verb in agreement ("Okafor expects",
    "the reports expect")."""
    named = _voices(group, roster)
    voices = " and ".join(named)
    if verb in ("expect", "say") and len(named) == 1 and named[0] not in _VOICE_PHRASES.values():
        verb += "s"
    lead = voices[:1].upper() + voices[1:]
    return f"{lead} {verb}" if verb else lead


def _claim_draft(
    group: ClaimGroup,
    verb: str,
    roster: dict[str, RosterEntry],
    used: set[str],
    outlets: dict[int, str],
) -> Draft | None:
    said = _claim_sentence(group, verb, roster, used, outlets)
    if said is None:
        return None
    text, group = said
    citations = tuple(m.citation for m in group.members)
    # Who voices it only as the sentence may name them: a voice no cited span names ("He
    # said ..." read as Tillerson's) is no word a wording may add ("Tillerson said ...").
    voices = _voices(group, roster)
    vocabulary = _words_of(*voices, group.text, *(m.text for m in group.members))
    vocabulary |= _span_words(citations)
    count = _corroboration(group.corroboration)
    end = "" if text.endswith("\u201d") and not count else "."
    return Draft(
        text=text + count + end,
        rests_on=(group.id,),
        sources=tuple(group.sources),
        citations=citations,
        vocabulary=frozenset(vocabulary),
        voices=tuple(voices),
    )


def _claim_drafts(
    groups: Sequence[ClaimGroup],
    verb: str,
    roster: dict[str, RosterEntry],
    used: set[str],
    outlets: dict[int, str],
) -> Iterator[Draft]:
    """Drafts for the groups in order, skipping one whose every wording is already used."""
    for group in groups:
        draft = _claim_draft(group, verb, roster, used, outlets)
        if draft is not None:
            yield draft


def _restates(group: ClaimGroup, e: Engagement) -> bool:
    """Whether every wording of the claim tells the engagement again, a word of travel and
    its destination ("Belarus' foreign minister arrives in North Korea for talks ..."): the
    memo's first sentence already says what happened."""
    places = [p.casefold() for p in (e.destination_city, e.destination_country) if p]
    return bool(places) and all(
        tells_travel(m.text) and any(p in m.text.casefold() for p in places) for m in group.members
    )


def _without_headlines(groups: Sequence[ClaimGroup], headlines: set[str]) -> list[ClaimGroup]:
    """The groups less the members that are an article's headline: headline style drops the
    verb and the speaker ("Taoiseach to discuss EU and immigration with Trump"), so the
    memo cannot say who said it; the lists below the prose keep them."""
    out: list[ClaimGroup] = []
    for group in groups:
        members = [m for m in group.members if _fold(m.citation.span.text) not in headlines]
        if members:
            out.append(group.model_copy(update={"members": members}))
    return out


def drafts_of(brief: Brief) -> tuple[list[Draft], list[Draft]]:
    """The rule's bottom line and key judgments, from the merged facts alone."""
    roster = _roster_of(brief)
    own = sorted((e for e in brief.engagements if e.role == "engagement"), key=central_first)
    used: set[str] = set()
    outlets = {s.n: s.outlet_key for s in brief.sources}
    headlines = {_fold(s.title) for s in brief.sources if s.title}
    aim_groups = _without_headlines(brief.stated_aims, headlines)
    speculation_groups = _without_headlines(brief.speculation, headlines)
    if own:
        aim_groups = [g for g in aim_groups if not _restates(g, own[0])]
        speculation_groups = [g for g in speculation_groups if not _restates(g, own[0])]
    aims = _claim_drafts(aim_groups, "said", roster, used, outlets)
    speculation = _claim_drafts(speculation_groups, "expect", roster, used, outlets)
    bottom: list[Draft] = []
    judgments: list[Draft] = []
    if own:
        bottom.append(_engagement_draft(own[0], roster))
    bottom += [d for d in (next(aims, None), next(speculation, None)) if d is not None]
    judgments += [_engagement_draft(e, roster) for e in own[1:3]]
    judgments += [d for d in (next(aims, None), next(speculation, None)) if d is not None]
    return bottom, judgments[:MAX_JUDGMENTS]


def narrative_of(brief: Brief) -> Narrative:
    """The narrative in the rule's own words: what ``--no-narrative`` and a failed model give."""
    bottom, judgments = drafts_of(brief)
    return Narrative(
        bottom_line=[d.statement() for d in bottom],
        key_judgments=[d.statement() for d in judgments],
    )


# ------------------------------------------------------------------ checking a wording


def _scripts(text: str) -> set[str]:
    """Unicode scripts of the letters in ``text`` ("LATIN", "CJK", "CYRILLIC"...)."""
    found: set[str] = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            found.add(name.split()[0] if name else "UNKNOWN")
    return found


# A sentence ends with its full stop and any quotation marks or brackets that close after it,
# or with the quotation mark that closes it.
_FINISHED = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$|\u201d$")


# Where one sentence of a wording ends and the next begins: a full stop (and closing marks),
# space, then a capital or an opening quotation mark.
_NEXT_SENTENCE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c])")
# Words two sentences of one wording may share before they say the same thing.
_SAME_SHARE = 0.75


def _says_twice(text: str) -> bool:
    """Whether a wording is two sentences that say one thing ("Officials said that X
    launched four missiles. Last week, X launched four missiles.", "Officials said that
    Russia announced its presence in the city. Shortly after, Russia announced its presence
    in the city."): the model sometimes restates its sentence, and the reader would read it
    twice."""
    parts = [set(re.findall(r"\w+", _fold(p))) for p in _NEXT_SENTENCE.split(text)]
    return any(
        len(a & b) >= _SAME_SHARE * min(len(a), len(b))
        for i, a in enumerate(parts)
        for b in parts[i + 1 :]
        if min(len(a), len(b)) >= 5
    )


# A sentence this long copied whole from a source is pasted, not worded.
_PASTED_WORDS = 6


def _pastes_a_source(text: str, draft: Draft) -> bool:
    """Whether a sentence after the wording's first is a cited span copied whole, which the
    rule's own sentence does not quote ("James Mattis is due to visit Germany. Munich Security
    Conference to stress the value of Europe. In addition to Pence, ... is supposed to
    attend."): the reader gets the source's headline as the memo's prose."""
    spans = {_fold(c.span.text).strip() for c in draft.citations}
    own = _fold(draft.text)
    return any(
        len(part.split()) >= _PASTED_WORDS and folded in spans and folded not in own
        for part in _NEXT_SENTENCE.split(text)[1:]
        if (folded := _fold(part).strip())
    )


# "of" and a country after a person's name, and the capitalized words before it (an office's
# own "of" among them): "Russian Minister of Foreign Affairs Sergey Lavrov of Russia".
_OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})")
_DESCRIBED = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+|of\s+){2,10})$")


def _country_twice(text: str) -> str | None:
    """The phrase that names a person's country twice, by demonym or name before the name and
    after it ("North Korean Foreign Minister Choe Son Hui of North Korea"): the model
    sometimes puts an office before the rule's "Choe Son Hui of North Korea"; None where
    no phrase does."""
    for match in _OF_COUNTRY.finditer(text):
        words = match.group(1).split()
        after = {k for n in range(len(words), 0, -1) if (k := country_key(" ".join(words[:n])))}
        lead = _DESCRIBED.search(text, 0, match.start())
        if after and lead and after & {c.key for c in countries_mentioned(lead.group(1))}:
            return text[lead.start() : match.end()]
    return None


def problems_of(text: str, draft: Draft, source_scripts: set[str]) -> list[str]:
    """Why a wording of ``draft`` must not be shown; empty when it may."""
    problems: list[str] = []
    if not text.strip():
        return ["empty"]
    if text.rstrip().endswith(("\u2026", "...")) or not _FINISHED.search(text.rstrip()):
        problems.append("it is not a finished sentence")
    if _says_twice(text):
        problems.append("it says one thing twice: say it once")
    if _pastes_a_source(text, draft):
        problems.append("it pastes a source's sentence after it: word the fact once")
    if _MARKUP.search(text):
        problems.append("markup or field names in the prose")
    if _SELF_REFERENCE.search(text):
        problems.append("it talks about the memo or the prompt, not the events")
    if (twice := _country_twice(text)) is not None:
        problems.append(f"it names the country twice ({twice!r}): say it once")
    foreign = _scripts(text) - source_scripts
    if foreign:
        problems.append(f"letters in a script no cited source uses ({', '.join(sorted(foreign))})")
    for match in _ENTITY.finditer(text):
        phrase = match.group(0)
        words = [w for w in re.findall(r"[\w'.-]+", _fold(phrase)) if w not in _TEMPLATE_WORDS]
        missing = [w for w in words if w.strip(".") and w.strip(".") not in draft.vocabulary]
        if missing and _fold(phrase) not in draft.vocabulary:
            problems.append(f"{phrase!r} is not in the facts it cites")
    if draft.voices and not any(_voice_kept(v, text) for v in draft.voices):
        problems.append(f"it drops who says it: keep {' or '.join(draft.voices)}")
    if not _keeps_the_claim(text, draft.text):
        problems.append("it drops what is said: keep the claim")
    count = _COUNT.search(draft.text)
    if count is not None and count.group(0) not in text:
        problems.append(f"it leaves out {count.group(0)}: keep it as written")
    if count is not None:  # the count is the merge's own, not a number from the facts
        text = text.replace(count.group(0), "")
    for number in _NUMBER.findall(text):
        if number.strip(".,") not in draft.vocabulary:
            problems.append(f"the number {number} is not in the facts it cites")
    return problems


def _keeps_the_claim(text: str, draft: str) -> bool:
    """Whether a wording keeps at least half the draft's words of four letters or more (by
    their first five letters, so "visited" keeps "visiting"): "John Delury, a professor at
    Yonsei University, told CNN" keeps the speaker of a quotation and none of what he said."""

    def stems(words: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", _fold(_COUNT.sub("", words)))}

    wanted = stems(draft) - _LEAD_STEMS
    return len(wanted & stems(text)) * 2 >= len(wanted)


# The words a rule sentence leads with, which a wording may say otherwise.
_LEAD_STEMS = frozenset({"said", "says", "expec", "repor", "offic", "unnam", "sourc", "analy"})


def _voice_kept(voice: str, text: str) -> bool:
    """Whether a wording still says who voices the claim: the person's surname, or one of
    the generic voice's own words ("analysts", "officials", "reports")."""
    words = set(re.findall(r"\w+", _fold(text)))
    if voice in _VOICE_PHRASES.values():
        return bool(words & (set(re.findall(r"\w+", voice)) - {"the", "and", "unnamed"}))
    return _fold(mention_key(voice)) in _fold(text)


# The capitalized words just before a name: how a wording describes the person.
_DESCRIPTOR = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){1,5})$")


def _misdescribed(text: str, roster: dict[str, RosterEntry]) -> list[str]:
    """A person given another country's demonym ("Belarusian Foreign Minister Choe Son Hui"
    for North Korea's minister): each word of it is in the facts, yet the sentence is false."""
    problems: list[str] = []
    for entry in {id(e): e for e in roster.values()}.values():
        theirs = {country_key(c) for c in entry.countries} - {None}
        if not theirs:
            continue
        for variant in (entry.name, *entry.variants):
            for match in re.finditer(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text):
                lead = _DESCRIPTOR.search(text[: match.start()])
                if lead is None:
                    continue
                named = countries_named(lead.group(1))  # "In Belarus Choe met ...": a place
                other = [
                    c
                    for c in countries_mentioned(lead.group(1))
                    if c.code not in named and c.key not in theirs
                ]
                if other:
                    problems.append(
                        f"{lead.group(1).strip()!r} is not {entry.name}: the facts give "
                        f"{' or '.join(entry.countries)}"
                    )
    return problems[:1]


Wording = Callable[[Sequence[Draft], Sequence[str] | None], list[str | None]]


def _repeats(wording: str, i: int, final: Sequence[Statement]) -> list[str]:
    """A wording that says what another sentence of the memo says, word for word: the model
    sometimes words two drafts alike, and a reader would see one sentence twice."""
    key = " ".join(_fold(wording).split())
    return [
        f"it repeats sentence {j + 1}: say what its own facts say"
        for j, other in enumerate(final)
        if j != i and " ".join(_fold(other.text).split()) == key
    ][:1]


def worded(brief: Brief, texts: dict[int, str], word: Wording) -> tuple[Narrative, list[str]]:
    """The narrative with each sentence as the model words it, where the wording passes.

    ``word(drafts, problems)`` returns one wording per draft (None: none came back, or the
    reply was cut off). A wording that fails is asked for once more with its problems; then
    the rule's sentence stands, and a warning says why.
    """
    bottom, judgments = drafts_of(brief)
    drafts = [*bottom, *judgments]
    if not drafts:
        return narrative_of(brief), []
    scripts = _scripts(" ".join(texts.values())) or {"LATIN"}
    roster = _roster_of(brief)
    final: list[Statement] = [d.statement() for d in drafts]
    warnings: list[str] = []
    pending = list(range(len(drafts)))
    feedback: list[str] | None = None
    for attempt in range(2):
        try:
            wordings = word([drafts[i] for i in pending], feedback)
        except ModelCallError as exc:  # a failed model still leaves a memo one would send
            warnings.append(f"narrative: {exc}; the rule's wording is shown")
            break
        failed: list[int] = []
        notes: list[str] = []
        for i, wording in zip(pending, wordings, strict=False):
            found = (
                ["no wording came back"]
                if wording is None
                else problems_of(wording, drafts[i], scripts)
                + _repeats(wording, i, final)
                + _misdescribed(wording, roster)
            )
            if found:
                failed.append(i)
                notes.append(f"sentence {i + 1}: {'; '.join(found)}")
            else:
                final[i] = drafts[i].statement(wording, worded_by="model")
        if not failed:
            break
        pending, feedback = failed, notes
        if attempt == 1:
            warnings += [f"narrative {n}; the rule's wording is shown" for n in notes]
    return (
        Narrative(bottom_line=final[: len(bottom)], key_judgments=final[len(bottom) :]),
        warnings,
    )
