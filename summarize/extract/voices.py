"""Who voices a sentence's claim: the subject of its attribution verb, from a closed list.

Measured on the 1.5B model, asked to name who voices a hedge it answered "the outlet" for
nearly every sentence, including "analysts suggest that..." and "Brandt suggested...".
Attribution is a matter of syntax that a rule reads reliably: the subject just before an
attribution verb ("analysts suggest", "Brandt suggested") or the object of "according to"
is the voice. A named person wins (by the people the article names), then a group noun
("experts", "officials", "sources", data in ``prompts/voice_words.txt``), then a country or
its capital standing for its government; with no attribution the article itself speaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from summarize.contract.extraction import (
    GENERIC_VOICES,
    THE_OUTLET,
    UNNAMED_OFFICIALS,
    UNNAMED_SOURCES,
)
from summarize.extract.cues import ZERO_THAT_CLAUSE
from summarize.extract.name_mentions import name_positions, names_person, same_name
from summarize.extract.office_holders import capitalized_office_words, office_word_set
from summarize.extract.quotes import Quotation, quotations
from summarize.ingest.text_match import normalize
from summarize.knowledge.person_names import mention_key
from summarize.knowledge.places import find_country, is_country, state_named
from summarize.knowledge.titles import only_modifiers, title_stems
from summarize.knowledge.word_classes import past_tense
from summarize.llm.prompts import entry_pattern, grammar_words, word_list

_SUBJECT_WORDS = (
    7  # how far before the verb a subject may start ("The Lithuanian foreign ministry")
)
# Words after the verb of an attribution that closes its sentence ("said in an interview").
_TRAILING_WORDS = 4
# How far before a claim "he said" may look for the person it means.
_REFERENT_CHARS = 600
# A quotation's attribution stands within this many words of its mark ("..., the Lithuanian
# deputy foreign minister said" / "said Brandt"); past that the verb belongs to other words.
_NEAR_WORDS = 8
# A quotation this short inside a sentence is a word it marks ('the President "may"').
_QUOTED_WORDS = 3
_APPOSITIVE = re.compile(r"\s*(?:a|an|the|who|whose|\d{1,3})\b", re.IGNORECASE)  # or an age
_ENDS_WITH_PRONOUN = re.compile(r"\b(he|she|they)\s*$", re.IGNORECASE)
_ENDS_WITH_HE = re.compile(r"\b(he|she)\s*$", re.IGNORECASE)
# Or opens a clause whose verbs are joined by "and": "she criticized his demeanor and warned".
_PRONOUN_AND = re.compile(r"^\s*(?:he|she|they)\s+(?:[\w\'\u2019-]+\s+){1,6}and\s*$", re.IGNORECASE)
# The verb comes right after a comma, a closing mark or nothing: "..., said Brandt".
_INVERTS = re.compile(r"(?:^|[,\"\u201d\u2019]|\?)\s*$")


@cache
def attribution_verbs() -> re.Pattern[str]:
    """Any attribution verb of ``prompts/attribution_verbs.txt``, as a whole word."""
    verbs = [entry_pattern(entry, rf"\w*{_NOT_A_NOUN}") for entry in word_list("attribution_verbs")]
    return re.compile(rf"\b(?:{'|'.join(verbs)})\b", re.IGNORECASE)


# A stem's noun says nothing: "the agreement reached during Putin's visit", "the
# announcement", "a declaration" name a thing; "agreed", "announced", "declared" attribute;
# nor does its adjective ("is indicative of").
_NOT_A_NOUN = r"(?<!ment)(?<!ments)(?<!tion)(?<!tions)(?<!ive)"


@cache
def voice_groups() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each body or group word of ``prompts/voice_words.txt`` as a whole-word pattern, with
    the generic voice it stands for ("the ministry": unnamed officials)."""
    out = []
    for entry in word_list("voice_words"):
        voice, _, word = entry.partition(":")
        pattern = re.compile(rf"\b{re.escape(word.strip())}\b", re.IGNORECASE)
        out.append((pattern, voice.strip()))
    return tuple(out)


# Hearsay, and views held by no one named ("there are growing concerns that", "there were
# fears that", "there has been speculation she will", "there's a view that", "allegedly"):
# unnamed sources.
_HEARSAY = re.compile(
    r"\b(?:(?:is|are|was|were|been|being)\s+(?:said|reported|rumou?red)\s+to|reportedly|allegedly"
    r"|there(?:\s+(?:is|are|was|were|ha(?:s|ve)\s+been)|['\u2019]s)\s+(?:\w+\s+){0,2}"
    rf"(?:fears?|concerns?|worries|speculation|views?)(?:\s+that|(?={ZERO_THAT_CLAUSE})))\b",
    re.IGNORECASE,
)
# An institution's initials as the subject ("The FOMC", "NATO"): three to six capitals.
_BODY = re.compile(r"(?:^|\s)(?:the\s+)?[A-Z]{3,6}(?:\s+(?:still|also|now|again|\w+ly))?\s*$")
# Or one capitalized word after "the" ("the Fed", "the Pentagon"), an office excepted.
_THE_BODY = re.compile(
    r"(?:^|\s)[Tt]he\s+(?P<word>[A-Z][a-z]{2,})(?:\s+(?:still|also|now|again|\w+ly))?\s*$"
)
# Who regards something as something, named after the passive: "seen by the US as".
_REGARDED_BY = re.compile(
    r"\b(?:seen|regarded|viewed|considered)\s+by\s+"
    r"(?P<who>(?:[\w.\'\u2019-]+\s+){0,3}?[\w.\'\u2019-]+)\s+as\b",
    re.IGNORECASE,
)
# A name's possessive right before a group word: "Brandt's spokesman", "Putin's office".
_POSSESSIVE = re.compile(r"[A-Z][\w-]*['\u2019]s\s+(?:[\w-]+\s+)?$")
# Or a group word the person's name follows: "a spokesman for Brandt", "people close to him".
_OF = re.compile(r"\s+(?:for|of|to)\b", re.IGNORECASE)
_NAME_NEXT = re.compile(r"\s+[A-Z]")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;]{2,80})", re.IGNORECASE)


def _group_in(phrase: str) -> tuple[re.Match[str], str] | None:
    """The group word of ``phrase`` and its voice: the first the word list names, or the
    one right after it where two stand together, since the last noun of a compound is what
    it is ("a Foreign Ministry source" is a source, "embassy officials" are officials)."""
    found = next(((m, v) for p, v in voice_groups() if (m := p.search(phrase))), None)
    while found is not None:
        head = next(
            ((m, v) for p, v in voice_groups() if (m := p.match(phrase, found[0].end() + 1))),
            None,
        )
        if head is None or phrase[found[0].end() : head[0].start()] != " ":
            return found
        found = head
    return None


def _voice_in(phrase: str, people: Sequence[str], names: Sequence[str]) -> str | None:
    """The person ``phrase`` names first (by name or surname: the subject comes before
    whom it met), else a group noun's voice."""
    first: dict[str, int] = {}  # where the phrase first names each person it names
    for person in people:
        at = name_positions(phrase, person) or _family_name_first(phrase, person)
        if at or names_person(phrase, person, people):
            first[person] = min(at, default=0)
    group = _group_in(phrase)
    if group is not None and _POSSESSIVE.search(phrase[: group[0].start()]):
        named = _NAME_NEXT.match(phrase, group[0].end())  # "Brandt's spokesman Lee said"
        later = _voice_in(phrase[group[0].end() :], people, names) if named else None
        return later if later in people else group[1]  # "Brandt's spokesman": not Brandt
    if group is not None and _OF.match(phrase, group[0].end()):
        return group[1]  # "a spokesman for Brandt", "people close to him"
    if first:
        return min(first, key=first.__getitem__)
    if group is not None:
        return group[1]
    if state_named(phrase) is not None:  # "Washington insists", "China fears"
        return UNNAMED_OFFICIALS
    if _BODY.search(phrase):  # "the FOMC notes": a body known by its initials
        return UNNAMED_OFFICIALS
    body = _THE_BODY.search(phrase)  # "the Fed sees"; "the President", "the Chileans": people
    if body is not None and not _names_people(body.group("word")):
        return UNNAMED_OFFICIALS
    return None


def _names_people(word: str) -> bool:
    """Whether a capitalized word is an office ("President") or a demonym ("Chileans")."""
    if word.casefold() in office_word_set():
        return True
    return any(find_country(w) is not None for w in (word, word.removesuffix("s")))


def voice_of(
    sentence: str,
    people: Sequence[str],
    *,
    before: int | None = None,
    previous: str = "",
    offices: Sequence[tuple[str, str]] = (),
    countries: Sequence[tuple[str, str]] = (),
) -> str | None:
    """Who the sentence says voices what it reports, or None when it names no one.

    ``before`` limits the search to attributions that open before that offset (the cue's),
    so "Brandt arrived..., as experts speculate..." is the experts'. ``previous`` is the
    text before, for a "he said" that means the person named last there; ``offices`` pairs
    people with their titles, for "the minister said"; ``countries`` with the keys of the
    countries they serve, for "the Russian diplomat said".
    """
    limit = len(sentence) if before is None else before
    found: list[tuple[int, str, bool]] = []  # (where, voice, whether it closes the sentence)
    for match in _ACCORDING.finditer(sentence):
        voice = _voice_in(match.group("who"), people, ())
        if voice is not None:
            found.append((match.start(), voice, True))
    for match in _REGARDED_BY.finditer(sentence):
        voice = _voice_in(match.group("who"), people, ())
        if voice is not None:
            found.append((match.start(), voice, False))
    hearsay = [m.span() for m in _HEARSAY.finditer(sentence)]
    found.extend((start, UNNAMED_SOURCES, True) for start, _ in hearsay)  # "is said to"
    speakers: list[tuple[int, int, str]] = []  # a named speaker's verb: (start, end, voice)
    reported: set[int] = set()  # where a verb whose subject is a pronoun or a group stands
    for match in attribution_verbs().finditer(sentence):
        start = match.start()
        if any(a <= start < b for a, b in hearsay) or not _says(sentence, match):
            continue
        if _ABOUT_A_THING.search(sentence, 0, start):
            continue  # "A state visit, which May announced in January, was expected": the visit's
        words = _DASH_ASIDE.sub(" ", sentence[:start]).split()
        subject = " ".join(words[-_SUBJECT_WORDS:])
        clause = re.split(r"[,;:\u2014]|\bas\b|\bwhile\b|\bthat\b", subject)[-1]
        clause = _speech_announced().sub("", clause)  # "she is expected to (say)": she
        joined_on = _JOINED_PRONOUN.search(sentence, 0, start)
        here = sentence[: joined_on.start()] if joined_on else ""
        joined_verb = bool(words) and words[-1].casefold() in ("and", "but") and bool(found)
        # "Trump said he would consider Grenell but added": the verb before says it too
        voice = (
            found[-1][1]
            if joined_verb
            else _subject(clause, people, previous, offices, here=here, countries=countries)
        )
        pieces = sentence[:start].rstrip(" ,").split(",")
        if len(pieces) > 2 and _ADVERBS_ONLY.fullmatch(pieces[-1]):
            pieces.pop()  # "Mrs May, who ..., earlier told": the adverb is no aside
        if voice is None and len(pieces) > 1 and _ONLY_A_NAME.fullmatch(pieces[-1].strip()):
            # "Chile's envoy, Ana Ruiz, said"; "A professor of politics, Mahjoob Zweiri, said"
            voice = _voice_in(pieces[-1], people, ()) or _person_named(pieces[-1])
        if voice is None and len(pieces) > 1:  # "Lee, a ..., said", "Lee, however, said"
            voice = _set_off(pieces, people, previous, offices, countries)
        relative = _RELATIVE.fullmatch(pieces[-1]) if len(pieces) > 1 else None
        if voice is None and relative is not None:
            # "The president, who has acknowledged that": the person before it; "A joint
            # statement was adopted ..., which said that": the subject of the clause before
            antecedent = pieces[-2]
            voice = (
                _subject(antecedent, people, previous, offices, countries=countries)
                if relative.group("pronoun").casefold() == "who"
                and len(antecedent.split()) <= _SUBJECT_WORDS
                else _main_subject(antecedent, people, previous, offices, countries)
            )
        if voice is None and _INVERTS.search(sentence[:start]):  # ", said Oskar Brandt"
            voice = _inverted(sentence[match.end() :], people, match.group(0))
        if voice is None and _PARTICIPLE_AFTER_CLAUSE.search(sentence, 0, match.end()):
            # "Japan voted against the talks, saying"
            voice = _main_subject(sentence[:start], people, previous, offices, countries)
        if voice is None and words and words[-1].casefold() == "and" and not found:
            # "Belarus paid in advance and expressed the hope": the subject of its own clause
            own = sentence[:start].split(",")[-1]
            voice = _main_subject(own, people, previous, offices, countries)
        if voice is not None:
            found.append((start, voice, _closes(sentence, match)))
            if _ENDS_WITH_PRONOUN.search(clause) or voice in GENERIC_VOICES:
                reported.add(start)
            else:
                speakers.append((start, match.end(), voice))
    if (fronted := _fronted_belief(sentence, limit, people)) is not None:
        found.append(fronted)
    found.sort(key=lambda f: f[0])
    before_cue = [f for f in found if f[0] <= limit]
    # After the claim, only an attribution that ends the sentence voices it ("X could
    # happen, analysts said"), not one in a clause of its own ("..., when Chile hopes that").
    closing = [f for f in found if f[2]]
    if before_cue:
        at, voice, _ = before_cue[-1]
        voice = (_reporting(sentence, at, speakers) if at in reported else None) or voice
        reporter = [v for where, v, _ in closing if where > at and v not in GENERIC_VOICES]
        # "Russia expects the parties would ..., Russia's envoy said": a state's or a group's
        # view, in the words of the person the sentence closes on
        return reporter[-1] if voice in GENERIC_VOICES and reporter else voice
    return closing[0][1] if closing else None


@cache
def _speech_announced() -> re.Pattern[str]:
    """The words between a speaker and an announced or a quoted speech's verb: "is expected
    to", "was quoted as"."""
    be = "|".join(sorted(grammar_words("be")))
    when = "|".join(sorted(grammar_words("scheduled_speech")))
    return re.compile(rf"\s+(?:{be})\s+(?:(?:{when})\s+to|quoted\s+as)\s*$", re.IGNORECASE)


def _reporting(sentence: str, at: int, speakers: Sequence[tuple[int, int, str]]) -> str | None:
    """The named speaker whose reported words hold the attribution at ``at``, where that
    one's subject is a pronoun or a group ("Gabriel has said ahead of talks with Lavrov that
    Germany fears ...", "The minister noted he expected ..."): the speaker says it. Not past a
    break between clauses ("Ruiz spoke; officials said", "Ruiz said so, but officials fear")."""
    for start, end, voice in reversed(speakers):
        if start < at and not _CLAUSE_BREAK.search(sentence, end, at):
            return voice
    return None


# A relative pronoun as the subject of a verb of saying: ", who has repeatedly (denied)".
_RELATIVE = re.compile(
    r"\s*(?P<pronoun>who|which)(?:\s+(?:has|have|had|is|was|were|are|\w+ly))*\s*"
)
# A relative clause on a thing, the verb's own: ", which British Prime Minister Theresa May
# announced in January," says what was announced, not who voices the sentence's claim.
_ABOUT_A_THING = re.compile(
    r",\s+which\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[A-Z][\w.'\u2019-]*\s+){1,6}$"
)


# Where a speaker's reported words end: a semicolon, a dash, or a comma before a conjunction.
_CLAUSE_BREAK = re.compile(
    r";|\u2014|\s--\s|,\s*(?:but|while|and|as|although|though|whereas)\b|\bbut\b"
)


# How many comma-set pieces may stand before a clause of belief ("On Sunday, convinced ...").
_LEADING_PIECES = 2


def _fronted_belief(sentence: str, cue: int, people: Sequence[str]) -> tuple[int, str, bool] | None:
    """The voice of a belief held in a clause with no subject of its own ("On Sunday,
    increasingly confident that he might be involved, the police rushed"): the main
    clause's subject, where the cue is inside that clause and the subject names a person
    or a group."""
    at = 0
    pieces = sentence.split(",")
    for k, piece in enumerate(pieces[:_LEADING_PIECES]):
        words = [w for w in piece.split() if not re.fullmatch(r"\w+ly", w)]
        end = at + len(piece)
        if words and words[0].casefold() in grammar_words("belief") and at <= cue <= end + 1:
            # The subject after the clause, else the one it is set off from ("Brandt,
            # fearing the talks could fail, left early").
            around = [pieces[k + 1]] if k + 1 < len(pieces) else []
            around += [pieces[k - 1]] if k else []
            for other in around:
                voice = _voice_in(" ".join(other.split()[:_SUBJECT_WORDS]), people, ())
                if voice is not None:
                    return at, voice, False
            return None
        at = end + 1
    return None


def _closes(sentence: str, verb: re.Match[str]) -> bool:
    """Whether the attribution ends the sentence in a clause of its own: ", analysts said on
    Tuesday", not ", when Chile hopes that it can finish" or "said that ..."."""
    rest = [w.casefold() for w in sentence[verb.end() :].split() if any(c.isalnum() for c in w)]
    pieces = re.split(r"[,;:\u2014]", sentence[: verb.start()])
    clause = pieces[-1].split()
    opens = clause[0].casefold() if clause else ""
    return (
        len(pieces) > 1  # set off from the claim: not "expected to back Ms X's call for a vote"
        and (len(rest) <= _TRAILING_WORDS + 3 or _no_clause(rest))
        and "that" not in rest
        and opens not in grammar_words("subordinator")
    )


def _no_clause(words: Sequence[str]) -> bool:
    """Whether the words after a verb of saying are phrases only, no clause of their own:
    "told TASS prior to heading for Moscow on Monday", not "said the talks were over"."""
    return len(words) <= 2 * _TRAILING_WORDS + 4 and not any(
        w in grammar_words("be") or w in grammar_words("modal") or past_tense(w) for w in words
    )


# "added to" something, not to whom it was said ("added to reporters").
_ADDED_TO = re.compile(r"\s+to\s+(?!reporters\b|journalists\b|the\s+press\b)", re.IGNORECASE)


def _says(sentence: str, verb: re.Match[str]) -> bool:
    """Whether the matched word is a verb of saying in the active voice here."""
    words = [w.strip(",;:").casefold() for w in sentence[: verb.start()].split()[-3:]]
    if words and words[-1] == "and":  # a verb joined to another: the clause's subject says
        return True
    after = sentence[verb.end() :].split()[:1]
    if verb.group(0).casefold() in ("added", "adds") and _ADDED_TO.match(sentence, verb.end()):
        return False  # "Nunes' role has added to concerns that": more of something, not speech
    if (
        words
        and words[-1].endswith(("'s", "\u2019s", "s'", "s\u2019"))
        and after
        and after[0].casefold() in grammar_words("be")
    ):
        return False  # "Szydlo's claims are ...": the subject, a noun; not "Trump's pledge to"
    if words[-2:-1] and words[-1] == "to" and words[-2] in grammar_words("scheduled_speech"):
        return True  # "She is expected to say:": the speech's words are hers
    if words[-2:] == ["quoted", "as"]:
        return True  # "he was quoted as saying": his words
    if words and words[-1] in grammar_words("not_a_subject") and not _object_her(words):
        return False
    word = verb.group(0).casefold()
    if word in grammar_words("belief"):
        return True  # "the US has been concerned that": a state of mind, not a passive
    participle = word.endswith(("ed", "said", "thought", "told", "seen"))
    return not (participle and any(w in grammar_words("be") for w in words[-2:]))


def _object_her(words: list[str]) -> bool:
    """Whether "her" before the verb is the object of the word before it ("those who know
    her believe"), not a possessive ("and her hopes"): a word that is no determiner or
    preposition stands before it."""
    return (
        len(words) >= 2
        and words[-1] == "her"
        and words[-2].isalpha()
        and words[-2] not in grammar_words("not_a_subject")
    )


def voice_or_outlet(sentence: str, people: Sequence[str], **where: object) -> str:
    """:func:`voice_of`, or the outlet when the sentence attributes nothing to anyone."""
    voice = voice_of(sentence, people, **where)  # type: ignore[arg-type]
    return voice if voice is not None else THE_OUTLET


@dataclass(frozen=True)
class Speakers:
    """Who voices what in one article: the quotations and their speakers, read once.

    A claim inside a quotation is the speaker's: the attribution after the closing mark
    ('..., Brandt said.'), else before the opening one ('Brandt said: "...'), else the
    speaker of the quotation just before, when this one goes on from it ('"A," Brandt said.
    "B."'), else, where it opens its sentence, the person the sentence before gives its words
    to. Outside quotations, the subject of the attribution verb (:func:`voice_of`).
    """

    article: str
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence, in order
    people: tuple[str, ...]
    offices: tuple[tuple[str, str], ...] = ()  # (person, title as the article writes it)
    countries: tuple[tuple[str, str], ...] = ()  # (person, key of the country they serve)

    @cached_property
    def _quotations(self) -> tuple[Quotation, ...]:
        return quotations(self.article)

    def voice(self, span: tuple[int, int], cue: tuple[int, int] | None = None) -> str | None:
        """Who voices the sentence at ``span`` (article offsets) for its ``cue`` (the words
        at those offsets; the whole sentence without one). A verb of saying inside the cue
        counts ("experts say" is a hedge cue and its attribution)."""
        start, end = span
        at = cue[0] if cue else start
        # A sentence that opens with the quotation's mark is inside it: '"We met in Bonn.
        # Today we talk," he said.' is his, though its attribution is a sentence later.
        quoted = next((q for q in self._quotations if q.holds(at) or q.start == at), None)
        if quoted is not None:  # the speaker, or no one: the verbs outside are other voices'
            speaker = self._speaker(quoted)
            if speaker is not None or not self._a_quoted_word(quoted, start):
                return self._in_full(speaker)
            # 'aides told reporters that the President "may" hit a few balls': a word or two
            # marked inside a sentence are its attribution's, not a quotation with a speaker
        return self._in_full(
            voice_of(
                self.article[start:end],
                self.people,
                before=None if cue is None else cue[1] - start,
                previous=self.article[max(0, start - _REFERENT_CHARS) : start],
                offices=self.offices,
                countries=self.countries,
            )
        )

    def _a_quoted_word(self, quote: Quotation, sentence_start: int) -> bool:
        """Whether the quotation is a few words marked inside its sentence, not one that
        opens it."""
        words = self.article[quote.start : quote.end].split()
        return quote.start > sentence_start and len(words) <= _QUOTED_WORDS

    def _in_full(self, voice: str | None) -> str | None:
        """A surname alone ("Mr. Trump said") as the article prints the name in full
        ("Donald J. Trump"), as the people pass does (:func:`grounding.fullest_name`)."""
        if voice is None or " " in voice or not voice[:1].isupper():
            return voice
        from summarize.extract.grounding import fullest_name

        return fullest_name(voice, self.article)

    def _speaker(self, quote: Quotation, depth: int = 0) -> str | None:
        earlier = self.article[max(0, quote.start - _REFERENT_CHARS) : quote.start]
        after = self._after(quote)
        for match in attribution_verbs().finditer(after):
            lead, rest = after[: match.start()], after[match.end() :]
            pieces = lead.rstrip(" ,").split(",")  # '..." Lee, a professor at ... told': Lee
            described = len(pieces) > 1 and _APPOSITIVE.match(pieces[-1]) is not None
            # '..." to hold up, Brandt said.' names the speaker past a comma only where the
            # attribution ends the sentence, or the comma sets off who the speaker is ('...,"
            # Abdi, a political analyst, told The Associated Press news agency.'); '..."?Earlier,
            # Brandt told reporters the talks were over' is a new sentence of a scrape that
            # lost its full stop.
            long_rest = len(rest.split()) > _TRAILING_WORDS
            if "," in lead.lstrip(" ,?\u2014-") and long_rest and not described:
                break
            if len((pieces[-2] if described else pieces[-1]).split()) > _NEAR_WORDS:
                break
            lead_in = _speech_announced().sub("", pieces[-1])  # "he was quoted as (saying)"
            voice = None if described else self._subject(lead_in, earlier)
            if voice is None and len(pieces) > 1:
                voice = _set_off(pieces, self.people, earlier, self.offices, self.countries)
            voice = voice or _inverted(rest, self.people, match.group(0))
            if voice is not None:
                return voice
            break
        before = self._before(quote)
        verbs = list(attribution_verbs().finditer(before))
        if verbs and len(before[verbs[-1].end() :].split()) <= _NEAR_WORDS:
            opens = quote.start - len(before)  # 'She added: "...': "she" of the sentence before
            previous = self.article[max(0, opens - _REFERENT_CHARS) : opens]
            voice = self._voice_of(before, previous)
            if voice is not None:
                return voice
        chained = self._previous(quote)
        if chained and depth < 3:
            return self._speaker(chained, depth + 1)
        return self._led_in(quote) if not before.strip() else None

    def _led_in(self, quote: Quotation) -> str | None:
        """Whom the sentence before gives its words to, for a quotation that opens the next
        one with no attribution of its own ('..., said Mr Trudeau, needed to ... "If we are
        successful, ... "'): a named person, not a group."""
        k = next((i for i, (s, e) in enumerate(self.sentences) if s <= quote.start < e), 0)
        if k == 0:
            return None
        start, end = self.sentences[k - 1]
        voice = self._voice_of(self.article[start:end])
        return voice if voice in self.people else None

    def _voice_of(self, sentence: str, previous: str = "") -> str | None:
        """:func:`voice_of` with this article's people, their titles and their countries."""
        return voice_of(
            sentence, self.people, previous=previous, offices=self.offices, countries=self.countries
        )

    def _subject(self, clause: str, earlier: str) -> str | None:
        """:func:`_subject` with this article's people, their titles and their countries."""
        return _subject(clause, self.people, earlier, self.offices, countries=self.countries)

    def _after(self, quote: Quotation) -> str:
        """From the closing mark to the end of its sentence or the next quotation; or the
        next sentence, where the mark ends its own and that sentence is only who said it
        ('"... nuclear weapons?" Haley said.' is two sentences to the splitter)."""
        stop = next((e for s, e in self.sentences if s < quote.end <= e), quote.end)
        if stop == quote.end:
            bare = next((e for s, e in self.sentences if s >= quote.end), stop)
            if len(self.article[stop:bare].split()) <= _BARE_ATTRIBUTION_WORDS:
                stop = bare
        following = next((q.start for q in self._quotations if q.start >= quote.end), stop)
        return self.article[quote.end : min(stop, following)]

    def _before(self, quote: Quotation) -> str:
        """From the start of the quotation's sentence to its opening mark."""
        start = next((s for s, e in self.sentences if s <= quote.start < e), quote.start)
        return self.article[start : quote.start]

    def _previous(self, quote: Quotation) -> Quotation | None:
        """The quotation this one goes on from: it closes in the sentence before, which holds
        nothing after it but the rest of that sentence ('"A" to stop, Brandt said. "B."')."""
        before = [q for q in self._quotations if q.end <= quote.start]
        if not before:
            return None
        last = before[-1]
        between = self.article[last.end : quote.start]
        sentence_breaks = len(re.findall(r"[.!?](?:\s|$)|\n", between))
        return last if sentence_breaks <= 1 and len(between.split()) <= 2 * _NEAR_WORDS else None


# A verb of saying as a participle after its clause: "Japan voted against the talks, saying".
# Adverbs may stand before it: "..., instead repeatedly telling reporters".
_PARTICIPLE_AFTER_CLAUSE = re.compile(r",\s+(?:(?:\w+ly|instead|also|again)\s+){0,2}\w+ing$")


def _main_subject(
    clause: str,
    people: Sequence[str],
    previous: str,
    offices: Sequence[tuple[str, str]],
    countries: Sequence[tuple[str, str]],
) -> str | None:
    """Who a participle of saying, or a verb of saying joined by "and", gives the words to:
    the subject of the clause it follows, the words before that clause's first verb in the
    past ("Even Japan - the only country to have suffered atomic attacks - voted against the
    talks, saying ...": Japan; "In end-2016, Belarus transferred ... and expressed": Belarus)."""
    for piece in _DASH_ASIDE.sub(" ", clause).split(","):  # past a fronted time ("In 2016,")
        words = piece.split()
        verb = next((i for i, w in enumerate(words) if i and past_tense(w.casefold())), None)
        if verb is not None:
            return _subject(" ".join(words[:verb]), people, previous, offices, countries=countries)
    return None


# The longest sentence that can be only an attribution: "Nikki Haley told reporters."
_BARE_ATTRIBUTION_WORDS = 4
# A name set off by commas right before the verb, after what it names: "..., Ana Ruiz, said".
_ONLY_A_NAME = re.compile(r"(?:[A-Z][\w.\'\u2019-]*\s+){0,3}[A-Z][\w\'\u2019-]*")
# What opens an aside between a subject and its verb: a preposition ("in an interview"), a
# participle ("speaking in Paris") or an adverb ("however", "for her part" by its "for").
_ASIDE_OPENS = re.compile(
    r"^(?:in|at|on|for|during|after|before|from|with|without|by|speaking|writing|\w+ing"
    r"|however|meanwhile|though|too|also|instead|\w+ly)$"
)


def _set_off(
    pieces: Sequence[str],
    people: Sequence[str],
    earlier: str,
    offices: Sequence[tuple[str, str]] = (),
    countries: Sequence[tuple[str, str]] = (),
) -> str | None:
    """The subject before words set off by commas ahead of the verb: a description ("Lee, a
    professor at ..., said", "Lee, 45, said", "Lee, director at X, the Y network, told":
    anyone the piece before the descriptions names) or an aside
    ("Lee, speaking in Paris, said", "Lee, however, said", "Lee, reporting from Paris, on the
    border, said": the piece before the asides must end with the name, "he" or "she", or a
    group word: "a senior official, speaking on condition of anonymity, said")."""
    subject, aside = pieces[-2], pieces[-1]
    if _describes(aside):
        # "Alaa Tartir, programme director at Al Shabaka, the Palestinian Policy Network,
        # told": past every description, the name they describe
        k = len(pieces) - 2
        while k > 0 and _describes(pieces[k]) and _ONLY_A_NAME.fullmatch(pieces[k].strip()) is None:
            k -= 1
        subject = pieces[k]
        voice = _voice_in(subject, people, ())
        full = _person_named(subject)
        if voice is not None and voice in people and full and _another_by_the_key(full, voice):
            return full  # "Mohamed Sheikh Abdi, a political analyst": not President Mohamed
        return voice or _addressed(subject) or _named(subject)
    if not _an_aside(aside):
        return None  # "..., which promises", "... with Brandt, senior aides said": the subject
    k = len(pieces) - 2
    while k > 0 and _an_aside(pieces[k]):
        k -= 1  # "Simmons, reporting from Gaziantep, on the Turkish side, said": Simmons
    subject = pieces[k]
    last = subject.split()[-1:] if subject.split() else []
    if not last:
        return None
    if _ENDS_WITH_PRONOUN.search(subject) and len(subject.split()) == 1:
        return _referent(subject, earlier, people, offices, countries)
    ending = _voice_in(" ".join(subject.split()[-3:]), people, ())
    if ending is None:  # "Al Jazeera's Andrew Simmons, reporting from Gaziantep, said"
        name = _POSSESSOR.sub("", subject).strip()
        return _person_named(name) if _ONLY_A_NAME.fullmatch(name) else None
    if ending not in people:  # "A senior official, speaking on condition of anonymity, said"
        group = _voice_in(last[0], (), ())
        return group if group == ending else None
    return ending if ending.split()[-1] == last[0].strip(".") else None


# An owner before a name: "Al Jazeera's (Andrew Simmons)".
_POSSESSOR = re.compile(r"^.*['\u2019]s\s+(?=[A-Z])")


def _another_by_the_key(full: str, person: str) -> bool:
    """Whether a full name opens with the part a later mention of ``person`` uses and names
    someone else ("Mohamed Sheikh Abdi" for Mohamed Abdullahi Mohamed, "Mohamed")."""
    return full.split()[0] == mention_key(person) and not same_name(full, person)


def _an_aside(piece: str) -> bool:
    """Whether words set off by commas are an aside: a few, opening as one does."""
    words = piece.split()
    return 0 < len(words) <= _NEAR_WORDS and _ASIDE_OPENS.match(words[0].casefold()) is not None


_ROLE_AT = re.compile(r"\s(?:at|of|for|to|in|with)\s")


def _describes(piece: str) -> bool:
    """Whether words set off by commas describe the one named before them: "a professor",
    "45", "who ...", "programme director at ...", "Secretary-General of the Arab League",
    "chairman of the committee"."""
    words = piece.split()
    if not words:
        return False
    first = words[0]
    return bool(
        _APPOSITIVE.match(piece)
        or (
            first[0].islower()
            and not _ASIDE_OPENS.match(first.casefold())
            and _group_in(piece) is None
            and _ROLE_AT.search(piece) is not None  # a role and where: not "..., senior aides said"
        )
        or (first[0].isupper() and first.split("-")[0].casefold() in office_word_set())
        # "chairman of the State Duma's committee": an office, whatever group word follows
        or (len(words) > 1 and _names_an_office(first) and _group_in(first) is None)
    )


def _names_an_office(word: str) -> bool:
    """An office word, or one formed from it as a holder's ("chairman" of "chair"); not a
    plural ("leaders" are a group)."""
    forms = (word, *title_stems(word)) if not word.endswith("s") else (word,)
    return any(form in office_word_set() for form in forms)


# Auxiliaries and adverbs between a subject and its verb: "the US has long been (concerned)".
_BEFORE_THE_VERB = r"still|also|now|earlier|later|again|(?-i:[a-z]+ly)"
_AUXILIARIES = re.compile(
    r"(?:(?:\s+|(?<=\w)-(?=ha(?:s|ve|d)\b))"  # "the ambassador to Syria-has": a scrape's hyphen
    rf"(?:has|have|had|is|are|was|were|been|be|being|long|already|{_BEFORE_THE_VERB}))+\s*$",
    re.IGNORECASE,
)
# Adverbs alone between an aside and the verb ("Mrs May, who ..., earlier told").
_ADVERBS_ONLY = re.compile(rf"(?:\s*(?:then|{_BEFORE_THE_VERB}))+\s*", re.IGNORECASE)
# An aside between dashes before the verb: "Mrs May - who did not take questions - also
# said", "Abdul Barakat - political adviser to the FSA - told".
_DASH_ASIDE = re.compile(r"\s[-\u2013\u2014]\s(?:(?!\s[-\u2013\u2014]\s).)*?\s[-\u2013\u2014]\s")
# "he" or "she" in a clause joined on to the sentence's own ("... Haley, reiterated this
# position on Thursday when she said"): the sentence before it names whom the pronoun means.
_JOINED_PRONOUN = re.compile(
    r"\b(?:when|as|while|after|before|because|since|although|though|where|until|once|and|but)"
    r"\s+(?:he|she)\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)


def _subject(
    clause: str,
    people: Sequence[str],
    earlier: str,
    offices: Sequence[tuple[str, str]] = (),
    *,
    here: str = "",
    countries: Sequence[tuple[str, str]] = (),
) -> str | None:
    """The voice the words before a verb of saying name: "Brandt", "officials", "he" ("he
    said", "he met them and said": the person the one ``earlier`` goes on from, or where a
    clause of the sentence joins the pronoun on, the person named last before it, ``here``),
    or "the minister" (the person whose title is the minister's), or "the high-ranking
    diplomat" (a role no title has: the person the sentence before opens with). "Haley
    reiterated this position when she said" is Haley's, whoever the sentence before named."""
    clause = _AUXILIARIES.sub("", clause)  # "the US has been (concerned)": the US
    joined = _PRONOUN_AND.match(clause)  # "she met Brandt and said": Brandt is the object
    voice = None
    called_back = not joined and _called_back(clause, offices, earlier)
    if not joined and not called_back:
        voice = _of_country(clause, countries) or _described(clause, offices)
        voice = voice or _voice_in(clause, people, ())
        voice = voice or _addressed(clause)
        if voice in GENERIC_VOICES and _ENDS_WITH_HE.search(clause):
            voice = None  # "The President has told aides he (hopes)": a group is no "he"
        if voice == UNNAMED_OFFICIALS and _SIDES.search(clause) and _two_named(earlier, people):
            voice = None  # "Choe and Ryzhenkov inked a plan. The two sides vowed": those two
    if called_back:
        voice = _opening_person(earlier, people)
    if voice is None and (_ENDS_WITH_PRONOUN.search(clause) or joined or called_back):
        voice = _last_named(_unquoted(here), people, offices) if here else None
        voice = voice or _referent(clause, earlier, people, offices, countries)
    if voice is None and _ENDS_WITH_IT.search(clause):
        voice = _body_opening(earlier)
    return voice or _full_name_before(clause, earlier)


# "the two sides", "both sides": the parties, whoever the text named last as two.
_SIDES = re.compile(r"\b(?:the\s+two|both)\s+sides\s*$", re.IGNORECASE)


def _two_named(earlier: str, people: Sequence[str]) -> bool:
    """Whether the sentence before names two or more of the people: whom "the two sides"
    then means, rather than unnamed officials."""
    last = _LAST_SENTENCE.search(earlier)
    text = _unquoted(last.group(1)) if last is not None else ""
    return sum(1 for person in people if name_positions(text, person)) >= 2


def _full_name_before(clause: str, earlier: str) -> str | None:
    """A family name alone as the subject ("Dawson said") of someone the people pass missed
    (an expert), where the text before writes it after a given name and describes them
    ("Laura Dawson, the director of the Canada Institute"): that full name."""
    alone = re.fullmatch(r"\s*([A-Z][a-z][\w'\u2019-]*)\s*", clause)
    if alone is None or alone.group(1).casefold() in grammar_words("not_a_subject"):
        return None
    described = rf"\b([A-Z][a-z]+\s+{re.escape(alone.group(1))}),\s+(?:the|a|an)\s"
    full = [n for n in re.findall(described, earlier) if _person_named(n) == n]
    return full[-1] if full and full[-1].split()[0].casefold() not in office_word_set() else None


# "the minister", "the Turkish president", "the economist" as the whole subject: a person
# called by what they are ("The Foreign Minister" capitalized only where it is an office).
# The post may follow ("the Russian ambassador to Syria", "the minister of defence").
_THE_DESCRIBED = re.compile(
    r"^\s*(?:and\s+|but\s+)?[Tt]he\s+"
    r"(?P<modifiers>(?:[\w'\u2019-]+\s+){0,2}?)(?P<noun>[A-Za-z][a-z-]+)"
    r"(?:\s+(?:to|of|for|in|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]*)?\s*$"
)
# "Russia's envoy", "Germany's top diplomat" as the whole subject: a state's possessive before
# the office.
_COUNTRY_S = re.compile(
    r"^\s*(?:and\s+|but\s+)?(?P<country>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['\u2019]s\s+"
    r"(?P<modifiers>(?:[\w'\u2019-]+\s+){0,2}?)(?P<noun>[a-z][a-z-]+)\s*$"
)
# A title's head noun stands before its first preposition: "economist at a bank".
_TITLE_HEAD = re.compile(r"^(?P<head>.*?)(?:\s+(?:at|of|for|in|to|with|from|on)\b.*)?$")


def _described(clause: str, offices: Sequence[tuple[str, str]]) -> str | None:
    """Whom "the minister said" means: the one person whose title's head noun that is; none
    where several hold such a title ("the president" in a story of two presidents)."""
    found = _THE_DESCRIBED.search(clause)
    if found is None:
        return None
    return _holder(found.group("noun"), offices, found.group("modifiers").split())


def _of_country(clause: str, countries: Sequence[tuple[str, str]]) -> str | None:
    """Whom "the Russian top diplomat said", "the Turkish president said" or "Russia's envoy
    said" means: the one person of the people found who serves that country; none where
    several do."""
    found = _THE_DESCRIBED.search(clause) or _COUNTRY_S.search(clause)
    if found is None or not found.group("noun").islower():
        return None
    if not _a_holders_office(found.group("noun")):
        return None  # "the Russian side", "the Turkish army", "Turkey's military": a body
    words = [found.group("country")] if "country" in found.groupdict() else []
    keys = {
        country.key
        for word in [*words, *found.group("modifiers").split()]
        if is_country(word) and (country := find_country(word)) is not None
    }
    serving = {person for person, key in countries if key in keys}
    return serving.pop() if len(keys) == 1 and len(serving) == 1 else None


def _a_holders_office(noun: str) -> bool:
    """Whether a described subject's noun names the office a person holds, so the one person
    found in it: not a body ("army", "military": a title's modifier only), nor a post that
    speaks for others ("the Kremlin spokesman said" is no callback to Putin)."""
    return (
        noun in office_word_set()
        and not only_modifiers([noun])
        and noun not in grammar_words("post")
    )


def _called_back(clause: str, offices: Sequence[tuple[str, str]], earlier: str) -> bool:
    """Whether the subject describes a person by a role no one's title has ("the retired
    four-star general said", "the Fine Gael leader insisted", "the diplomat said"): someone
    named before, as "he" is. Not "the official" (no office), nor one the text introduced
    unnamed ("a senior diplomat said ... the diplomat added"), nor one described by a country
    ("the Russian top diplomat", where the text may name two: :func:`_of_country` reads
    those)."""
    found = _THE_DESCRIBED.search(clause)
    if found is None:
        return False
    if any(is_country(word) for word in found.group("modifiers").split()):
        return False  # "the Japanese top diplomat" in a story of two: no surer than "he"
    noun = found.group("noun")
    return (
        noun.islower()
        and _a_holders_office(noun)
        and not any(_title_head(title) == noun for _, title in offices)
        and _unnamed_before(noun).search(earlier) is None
    )


def _opening_person(earlier: str, people: Sequence[str]) -> str | None:
    """The person the sentence before names first, outside quotations: whom a description
    goes on from ("Deputy Foreign Minister Vladimir Titov is travelling to London ... for
    Boris Johnson's visit. 'I am leaving today,' the high-ranking diplomat told TASS")."""
    last = _LAST_SENTENCE.search(earlier)
    if last is None:
        return None
    text = _unquoted(last.group(1))
    named = [(min(at), person) for person in people if (at := name_positions(text, person))]
    return min(named)[1] if named else None


def _unnamed_before(noun: str) -> re.Pattern[str]:
    """An unnamed one the text introduced: "a senior official", "one diplomat", "envoys"."""
    return re.compile(
        rf"\b(?:(?:a|an|one|another)\s+(?:[\w'\u2019-]+\s+){{0,3}}{re.escape(noun)}\b"
        rf"|{re.escape(noun)}s\b)",
        re.IGNORECASE,
    )


def _holder(
    noun: str, offices: Sequence[tuple[str, str]], modifiers: Sequence[str] = ()
) -> str | None:
    """The one person whose title's head noun is ``noun``, of several the one whose title
    holds the words before it too ("the Berlin mayor" of the Berlin Mayor and the Moscow
    Mayor). A capitalized noun is an office where the data lists it or the article gives it
    to someone as a title ("the Taoiseach"), else a body ("the Kremlin", "the Fed"); of two
    ministers, neither is sure."""
    holders = [p for p, title in offices if _title_head(title) == noun.casefold()]
    if noun[0].isupper() and noun.casefold() not in office_word_set() and not holders:
        return None
    if len(set(holders)) > 1 and modifiers:
        wanted = {m.casefold() for m in modifiers}
        holders = [
            p
            for p, title in offices
            if p in holders and wanted <= set(re.findall(r"[\w-]+", title.casefold()))
        ]
    if len(set(holders)) > 1 and not modifiers:
        # "the president" of a President and a Vice President: the one whose title is the
        # noun alone, past the words of a country ("US President")
        alone = [noun.casefold()]
        bare = [p for p, title in offices if p in holders and _bare_title(title) == alone]
        holders = bare if len(set(bare)) == 1 else holders
    return holders[0] if len(set(holders)) == 1 else None


def _bare_title(title: str) -> list[str]:
    """A title's words less the country's: "US President" -> ["president"]."""
    return [w.casefold() for w in title.split() if not is_country(w)]


def _title_head(title: str) -> str:
    head = _TITLE_HEAD.match(title.casefold().strip())
    words = re.findall(r"[a-z-]+", head.group("head")) if head else []
    return words[-1] if words else ""


_ENDS_WITH_IT = re.compile(r"(?:^|\s)it\s*$", re.IGNORECASE)
# The last sentence of a text, with the quotation mark that closes it ('... "by both sides."').
# A stop ends a sentence where a space follows it; not inside a link ("pic.twitter.com/x"),
# nor a question mark after a capital, a letter the scrape could not decode ("RT? News").
# Nor the point of a title before a name ("Ms. Haley", "Sen. Cruz"). Not
# `ingest.sentences.split_sentences`, which cuts at every "?" before a capital and so puts
# "RT? News (@rtenews) March 19, 2017" before "He did not believe ..., he added" as a
# sentence of its own, instead of the embedded tweet that names who said it (measured: the
# one hedge whose voice it changed on the tune articles went wrong).
_TITLE_POINT = "".join(
    rf"(?<!\b{t})"
    for t in ("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Prof")
)
_STOP = rf"(?:{_TITLE_POINT}\.|!|(?<![A-Z])\?)[\"\u201d\u2019]?\s"
_LAST_SENTENCE = re.compile(
    rf"(?:^|{_STOP}\s*)((?:(?!{_STOP})[\s\S])+?[.!?]?[\"\u201d\u2019]?)\s*$"
)


def _body_opening(earlier: str) -> str | None:
    """Whom "it says" means: the body or state that opens the sentence before ("The central
    bank continued to describe that pace as gradual. It sees..."), by a group word, initials
    or a state's name; not a person, whom "it" never means."""
    last = _LAST_SENTENCE.search(earlier)
    if last is None:
        return None
    opening = " ".join(last.group(1).split()[: _SUBJECT_WORDS - 3])
    return _voice_in(opening, (), ())


_FULL_NAME = re.compile(r"(?:^|\s)((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)\s*$")


def _named(phrase: str) -> str | None:
    """A full name ending ``phrase`` that the people found so far lack ("Lee Min-soo"): the
    subject an appositive describes is a person, even one the people pass missed. Capitals
    after a preposition or a determiner are no name ("On Wednesday, the company said")."""
    found = _FULL_NAME.search(phrase)
    if found is None or found.group(1).split()[0].casefold() in grammar_words("not_a_subject"):
        return None
    return found.group(1)


def _person_named(phrase: str) -> str | None:
    """A full name no group or office word ends ("Mahjoob Zweiri"; not "Foreign Ministry")."""
    name = _named(phrase)
    if name is None or _group_in(name) is not None:
        return None
    return None if name.split()[-1].casefold() in office_word_set() else name


_HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+((?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)\s*$"
)


def _addressed(phrase: str) -> str | None:
    """A person called by honorific or rank and name just before the verb ("Mr. Okafor
    said", "Captain Sarnicki said"), even one the people found so far lack: the name,
    without the honorific."""
    found = _HONORIFIC_NAME.search(phrase) or _titled_name().search(phrase)
    return found.group(1) if found else None


@cache
def _titled_name() -> re.Pattern[str]:
    """An office or rank word (``nameparser``'s titles, capitalized, "Capt." too) right
    before a capitalized name at the end of a phrase; not after "the" ("the General Staff"
    is a body)."""
    return re.compile(
        rf"(?<![Tt]he\s)\b(?:{capitalized_office_words()})\.?\s+"
        r"((?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)\s*$"
    )


def _inverted(rest: str, people: Sequence[str], verb: str = "said") -> str | None:
    """'said Brandt, ...' / 'said the ministry in a statement': the subject after the verb;
    after a verb with no object, a name there even where the people found so far lack it
    ('added Zaki', an official the people pass missed, 'said Tartir', an analyst; not
    'told Al Jazeera', whom it was told)."""
    words = " ".join(rest.split()[:_SUBJECT_WORDS])
    subject = re.split(r"[,;.]", words)[0]
    found = _voice_in(subject, people, ())
    if found is None and verb.casefold() in _INTRANSITIVE_SAYING:
        found = _named_next(subject)
    return found


_INTRANSITIVE_SAYING = frozenset({"said", "says", "added", "adds"})


# A name right after an inverted verb of saying: "added Zaki", "said Alaa Tartir".
_NAME_FIRST = re.compile(r"^\s*((?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)\b")


def _named_next(subject: str) -> str | None:
    found = _NAME_FIRST.match(subject)
    if found is None or found.group(1).split()[0].casefold() in grammar_words("not_a_subject"):
        return None
    name = found.group(1)
    return None if find_country(name) is not None or name.isupper() else name


_THEY = re.compile(r"^\s*they\b|\bthey\s*$", re.IGNORECASE)


def _referent(
    clause: str,
    earlier: str,
    people: Sequence[str],
    offices: Sequence[tuple[str, str]],
    countries: Sequence[tuple[str, str]] = (),
) -> str | None:
    """Whom "he said" or "they said" means. "They" is first the group that opens the sentence
    before ("Japanese officials also said the talks would include a visit by Abe. Logistics
    will also be addressed, they said": the officials, not Abe); then the person the sentence
    before gives its words to; then the person named last outside quotations, else anywhere."""
    if _THEY.search(clause) and (group := _body_opening(earlier)) is not None:
        return group
    if (speaker := _last_speaker(earlier, people, offices, countries)) is not None:
        return speaker
    return _last_named(_unquoted(earlier), people, offices) or _last_named(earlier, people, offices)


def _last_speaker(
    earlier: str,
    people: Sequence[str],
    offices: Sequence[tuple[str, str]],
    countries: Sequence[tuple[str, str]] = (),
) -> str | None:
    """The person the sentence before gives its words to: whom "he said" goes on from
    ("Gause, a Gulf expert, said that Riyadh might find the atmospherics better with Trump
    than with Obama. For example, he said, ..."), not whoever it named last."""
    last = _LAST_SENTENCE.search(earlier)
    if last is None:
        return None
    before = earlier[: last.start(1)]  # whom a "he said" there goes on from in turn
    voice = voice_of(last.group(1), people, previous=before, offices=offices, countries=countries)
    return voice if voice is not None and voice not in GENERIC_VOICES else None


def _unquoted(text: str) -> str:
    """``text`` with its quotations blanked: whom a quotation names is spoken of, not who
    goes on speaking ('"I plan talks with Minister Lavrov," he stressed. "..." he said')."""
    chars = list(text)
    for quote in quotations(text):
        chars[quote.start : quote.end] = " " * (quote.end - quote.start)
    return "".join(chars)


def _last_named(
    text: str, people: Sequence[str], offices: Sequence[tuple[str, str]] = ()
) -> str | None:
    """The person named last in ``text``, by name or as the subject "the <title>" of its one
    holder ("The Taoiseach agreed with him. He said..."): whom a later "he said" means; one named
    only as the possessive of an object ("rebuffed Wang's proposal") ranks after anyone
    named otherwise ("Merkel's visit began" keeps Merkel)."""
    plain = normalize(text).text  # name_positions' offsets, letter case kept
    found: list[tuple[bool, int, str]] = []
    for person in people:
        key = normalize(mention_key(person)).text
        spots = [(at, len(key)) for at in name_positions(text, person)]
        spots = spots or [(at, len(person.split()[0])) for at in _family_name_first(text, person)]
        found += [(not _owned_object(plain, at, n), at, person) for at, n in spots]
    for called in _CALLED_BY_TITLE.finditer(plain):
        if _AFTER_WORD.search(plain, 0, called.start()):
            continue  # "commended the Taoiseach": an object, not whom "he" goes on from
        if (holder := _holder(called.group("noun"), offices)) is not None:
            owned = _owned_object(plain, called.start("noun"), len(called.group("noun")))
            found.append((not owned, called.start(), holder))
    return max(found)[2] if found else None


# "the Taoiseach", "the Turkish president": a person called by the head of a title.
_CALLED_BY_TITLE = re.compile(r"\b[Tt]he\s+(?:[A-Za-z-]+\s+){0,2}?(?P<noun>[A-Za-z][a-z-]+)\b")


def _owned_object(text: str, at: int, length: int) -> bool:
    """Whether the name at ``at`` is a possessive after a lower-case word: an object's owner."""
    return bool(_POSSESSED.match(text, at + length)) and bool(_AFTER_WORD.search(text, 0, at))


_POSSESSED = re.compile(r"['\u2019]s?\b")
_AFTER_WORD = re.compile(r"\b[a-z]+\s+$")


def _family_name_first(text: str, person: str) -> list[int]:
    """Where ``text`` calls a two-part name by its first part alone ("Xiao said" for Xiao
    Qian, "Xi" for Xi Jinping: the family name comes first in Chinese names); a capitalized
    word on its own, not the first of another name ("Donald Tusk" is not Donald Trump).
    Offsets into ``normalize(text)``, as :func:`name_mentions.name_positions` gives them."""
    parts = person.split()
    if len(parts) != 2 or len(parts[0]) < 2 or not parts[0].isalpha():
        return []
    return [m.start() for m in _alone(parts[0]).finditer(normalize(text).text)]


@cache
def _alone(word: str) -> re.Pattern[str]:
    """``word`` on its own, not the first of a longer name."""
    return re.compile(rf"(?<![\w\'\u2019.-]){re.escape(word)}(?![\w\'\u2019-])(?!\s+[A-Z])")
