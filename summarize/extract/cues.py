"""Pick the sentences worth asking about with cue lexicons, before the model reads them.

A 1.5B model asked to "list the hedges" loops; asked about a numbered handful of sentences
that already carry a cue, it only has to judge and attribute. The lexicons are data in
``prompts/`` (``hedge_cues``, ``event_cues``, ``aim_cues``); the cue found is in the sentence
by construction, so a hedge's cue is evidence-grade.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from summarize.extract.numbered import Numbered
from summarize.knowledge.places import state_named
from summarize.knowledge.word_classes import adjective, base_verb, past_participle, verb_lemmas
from summarize.llm.prompts import entry_pattern, grammar_words, word_list

Lexicon = Literal["hedge_cues", "event_cues", "aim_cues"]


@dataclass(frozen=True)
class Candidate:
    """Sentence ``n`` and the cues it contains, as written there."""

    n: int
    cues: tuple[str, ...]


@cache
def _pattern(lexicon: Lexicon) -> re.Pattern[str]:
    cues = sorted(word_list(lexicon), key=len, reverse=True)
    # "emphasi*" is a stem: it matches "emphasize", "emphasized", "emphasizing".
    alternatives = "|".join(entry_pattern(c) for c in cues)
    return re.compile(rf"\b({alternatives})\b", re.IGNORECASE)


# Hedge words used in a way that states a fact (CoNLL-2010-style cue disambiguation): past or flat
# inability ("could not verify"), an outcome compared with an expectation ("than expected", "was
# widely expected"), a category rather than a guess ("possible deportation", "potential terrorists",
# "the potential for"), a risk taken ("risked", "at the risk of", "take political risks"), something
# taken on ("assumed office"), and a noun that only looks like the verb: the person sought ("the
# suspect", "a 28-year-old suspect", "the suspect's car"), an event ("her joint appearance with",
# "an appearance arranged by"; not "the appearance of" or "that"), advice or a proposal given
# ("readers have suggestions", "Merkel's suggestion"), and "indicate" with a plain object
# ("indicated interest in", "indicates the importance"): it introduces a claim only with "that" or a
# clause whose verb is a modal or a form of "be" or "have" ("indicated Russia would join"). "Believe
# it or not" and "you won't believe it" voice surprise, not belief. A hope is a wish, not a guess
# ("he hoped she would stay"; "hopefully" and a closing "..., I hope." that softens what was just
# said stay cues); "I am (not) going to" states an intent (not "we're going to see", a forecast) and
# "going to the talks" a movement, neither a guess; a worry is a feeling unless a "that" clause
# follows with what may happen; an inference denied ("did not suggest", "no indication", "need not
# fear") is none, and so is advice ("suggesting allies need to do more"); "an estimated $4 billion"
# and "maybe 30 people" round a figure. A modal of time or purpose ("before it could be resolved",
# "so that they might leave"), one inside a question left open ("How that may affect the EU remains
# an unanswered question", "too early to say how we could advance", "uncertainty about what steps
# Trump may take") and one inside a question asked ("asked whether it could put people in danger")
# guess nothing either; nor do "thought of" (a thing called to mind) and "is supposed to attend" (a
# plan; "is supposed to be" stays a cue, hearsay). A belief that judges a value ("I don't think it
# is normal", "Moscow believes it important to", "I am confident that a good partnership ... is
# necessary"), possibilities a meeting will assess, a risk something poses and "little doubt" state
# a position, a topic, an assessment, a certainty. What ought to be ("In my view it's not right",
# "I think we need to start somewhere"), a feeling about a thing ("fearful of armed groups") and a
# topic denied ("talks ... for Article 50, not the possibility of a referendum") are no guess
# either; fears named as a thing ("the nations' fears of a resurgent Kremlin", "is fueling
# primordial fears") are a factor, no guess; an arrival or a meeting "expected" on the day it
# names ("where Pence is expected to arrive on Friday") states a schedule, and so does a speech
# "expected" with its words given ("She is expected to say: ..."). What
# someone "sees as" something ("what it sees as a lack of engagement") is how they name it, and
# "Most worryingly," and "particularly worrisome" how bad a fact is: no guess. An opinion given
# in the first person with nothing to come after it ("I think it's one of the greats", "We think
# you are very brave": no modal, no future) judges, it does not guess; "think tank" and "thought
# leaders" are nouns, and "the allegations" names a thing, as "the fears" does. What "would be"
# foresees is a guess ("rebuilding the relationship would be a long process"), but not a plan
# told in the progressive ("he would be speaking in a direct way") nor an assurance that
# something will not happen ("there would be no mass deportations"; "there would be no ISIS
# had the US kept Iraq's oil" stays a guess, on its condition), and "what would be" names what
# something is to be ("to establish what would be a binding treaty"). Speculation named as a
# thing is talk, no guess ("preferring to make speculations about it"; "speculation that" and
# a clause with its "that" left out, "speculation she will delay", stay cues). A scrape's mark
# for an apostrophe is one ("I don"t think"). A preference or a judgement of what "would be"
# right, wise or better to do guesses nothing ("it would be right to speak about"), nor does
# someone who "indicated he would not" do a thing: their own plan, reported. A question asked
# claims nothing (:data:`_QUESTION`), nor one reported unanswered ("did not explain on what
# basis more time would be given"); "not a single decision could be made" tells what was
# impossible, and signs said to be absent ("in the absence of signs that suggest") infer
# nothing. Appearing before a committee or in court is attending; a risk staved off or
# averted, and a possibility dismissed or ruled out, are no guess.
_DETERMINER = r"(?:a|an|the|this|that|his|her|its|their|our|one|each|another|every)"
# A day the schedule names: "is expected to arrive on Friday" states a plan.
_WEEKDAYS = "|".join([*(d.casefold() for d in calendar.day_name), "today", "tomorrow", "tonight"])
# What a belief can judge rather than guess: "I don't think it is normal", "Moscow believes it
# important to use the format" state a position, not a possibility.
_VALUE_WORDS = (
    r"important|necessary|unnecessary|normal|abnormal|crucial|essential|vital|right|wrong|fair"
    r"|unfair|acceptable|unacceptable|appropriate|inappropriate|useful|wise|unwise|imperative"
    r"|reasonable|unreasonable|justified|unjustified|legitimate|illegitimate"
)
_CLAUSE_VERB = (
    r"(?:would|will|could|can|may|might|should|must|is|are|was|were|be|been|has|have|had)"
)
_NOUN_MODIFIER = (
    r"(?:main|prime|primary|principal|chief|sole|key|lead|alleged|first|second|third|only|other|"
    r"male|female)"
)
# A clause after a noun with its "that" left out: "speculation she will delay", "speculation
# over whether he would resign" (a modal within four words).
ZERO_THAT_CLAUSE = r"(?:\s+[\w\'\u2019-]+){1,4}\s+(?:will|would|could|might|may)\b"
# A question word opening a clause, and the modal a question left open carries ("How that
# may affect the EU remains an unanswered question", "too early to say how we could advance").
_ASKED = r"(?:how|what|whether|where|when|which|who|why|if)"
_MODAL = r"(?:may|might|could|would|will)"
_NOT_SPECULATING = re.compile(
    r"\bcould\s*(?:not|n[o'\u2019]?t)\b"
    r"|\b(?:than|as)\s+(?:\w+\s+){0,2}expected\b|\b(?:was|were)\s+widely\s+expected\b"
    r"|\b(?:possible|potential|prospective)\s+(?!to\b|that\b)[a-z]+"
    r"|\brisked\b|\bat\s+the\s+risk\s+of\b"
    r"|\b(?:take|takes|taking|taken|took)\s+(?:(?!the\b)[\w-]+\s+){0,2}risks?\b"
    rf"|\bassum\w*\s+(?:{_DETERMINER}\s+)?(?:\w+er\s+|new\s+|full\s+)?"
    r"(?:responsibilit|office|role|power|command|control|dut|post|leadership|presidency|charge)\w*"
    rf"|\b{_DETERMINER}\s+(?:\w+-[\w-]+\s+|{_NOUN_MODIFIER}\s+)?suspects?\b"
    r"|\bsuspect[\'\u2019]s?\b"
    r"|\bappearances?\b(?!\s+(?:of|that)\b)"
    r"|\bappear(?:s|ed|ing)?\s+(?=before\b|in\s+court\b)"
    r"|\b(?:stav(?:e|es|ed|ing)\s+off|avert(?:s|ed|ing)?)\s+(?:the\s+|a\s+)?risks?\b"
    r"|\b(?:dismiss|reject|den(?:y|ies|ied)|rul(?:e|es|ed|ing)\s+out)\w*\s+"
    r"(?:this|that|the|any|such|a)?\s*possibilit\w*"
    r"|\bsuggestions?\b(?!\s+(?:of|that)\b)"
    rf"|\bindicat(?:e|es|ed|ing)\b(?=\s+(?!that\b)(?:(?!\b{_CLAUSE_VERB}\b)[^,.;:])*(?:[,.;:]|$))"
    r"|\b(?P<who>he|she|they|I|we)\s+(?:also\s+|has\s+|had\s+|have\s+)?indicat(?:e|es|ed)\b"
    r"(?=(?:\s+[\w\'\u2019-]+){0,6}?\s+(?:that\s+)?(?P=who)\s+(?:would|will)\b)"
    r"|\bbelieve\s+it\b(?=\s+or\s+not\b|\s*[,.;:!?\"\u201d\u2019]|\s*$)"
    r"|(?<!\bI\s)(?<!\bwe\s)\bhop(?:e|es|ed|ing)\b"
    r"|\b(?:I|we)\s+hope\b(?!\s*[.!?\"\u201d\u2019]*\s*$)"
    r"|\b(?:I|we)\s*(?:am|are|[\'\u2019]m|[\'\u2019]re|[\'\u2019]r)?\s+(?:not\s+)?"
    r"going\s+to\b(?!\s+see\b)"
    r"|\bgoing\s+to\s+(?=(?:the|a|an|his|her|their|our|its|this|that|these|those)\b"
    r"|(?-i:[A-Z]|[a-z]+[^su\W]s\b))"
    r"|\bworr(?:y|ies|ied|ying)\b(?!\s+that\b)|\bworr(?:yingly|isome)\b"
    r"|\bsees\s+(?:[\w\'\u2019\"\u201c\u201d-]+\s+){0,4}?as\b"
    r"|(?:\b(?:the|their|his|her|its|our|these|those|such)|[\'\u2019]s?)\s+(?:[\w-]+\s+)?"
    r"fears?\b(?!\s+that\b)"
    r"|\b(?:fuel|stok|rais|eas|allay|calm|heighten|spark|deepen|prompt)\w*\s+(?:[\w-]+\s+)?"
    r"fears?\b(?!\s+that\b)"
    r"|\b(?:think|thinks|thinking|thought)\s+(?:of|about)\b"
    r"|\bthink[\s-]+tanks?\b|\bthought\s+leaders?\b|\ballegations?\b"
    r"|\b(?:I|we)\s+(?:also\s+|really\s+|still\s+|do\s+|do\s+not\s+|don[\'\u2019\"]t\s+)?"
    r"(?:think|believe)\b(?![^;!?]*\b(?:will|would|could|can|may|might|should|must|going\s+to"
    r"|likely|won[\'\u2019]t|wouldn[\'\u2019]t|can[\'\u2019]t|couldn[\'\u2019]t)\b|[^;!?]*[\'\u2019]ll\b)"
    r"|\b(?:is|are|was|were)\s+(?:not\s+)?supposed\s+to\b(?!\s+be\b)"
    r"|\b(?:not|no|never)\s+(?:\w+\s+)?(?:suggest|indicat|fear)\w*"
    r"|\b(?:absence|lack)\s+of\s+(?:\w+\s+){1,3}?(?:suggest|indicat)\w*"
    r"|\bnot\s+(?:a\s+single|one)\s+[a-z]+\s+could\b"
    r"|\bsuggest\w*(?=\s+(?:that\s+)?(?:[\w\'\u2019-]+\s+){1,6}"
    r"(?:should|must|ought\s+to|needs?\s+to)\b)"
    r"|\ban\s+estimated\b"
    r"|\bmaybe\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:few|dozen))\b"
    r"|\b(?:before|until|so\s+that|in\s+order\s+that)\s+(?:[\w\'\u2019-]+\s+){1,4}?"
    r"(?:could|might|may)\b"
    r"|\b(?:ask\w*|wonder\w*)\s+(?:[\w\'\u2019-]+\s+){0,6}?(?:whether|if)\b[^,.;:?!]{0,80}?"
    r"\b(?:could|might|may|would|will)\b"
    r"|\bnot\s+(?:explain|say|disclose|reveal|specify|elaborate)\w*\s+(?:[\w\'\u2019-]+\s+){0,3}?"
    r"(?:how|what|why|when|whether|which|if)\b[^,.;:?!]{0,80}?\b(?:could|might|may|would|will)\b"
    rf"|\b{_ASKED}\b[^.;:?!]{{0,100}}?\b{_MODAL}\b(?=[^.;:?!]{{0,100}}\b(?:remains?|is|was)\s+"
    r"(?:still\s+)?(?:an?\s+)?(?:open|unanswered|unresolved|unclear|unknown|uncertain)\b)"
    r"|\b(?:too\s+early|hard|difficult|impossible)\s+to\s+(?:say|tell|know|predict|judge)\b"
    rf"[^.;:?!]{{0,20}}?\b{_ASKED}\b[^.;:?!]{{0,100}}?\b{_MODAL}\b"
    r"|\b(?:uncertain\w*|unclear|questions?|doubts?)\s+(?:about|over|as\s+to)\s+"
    rf"{_ASKED}\b[^.;:?!]{{0,100}}?\b{_MODAL}\b"
    rf"|\b(?:believ\w*|think\w*|thought|in\s+(?:my|our|his|her|their)\s+view)\s+(?:that\s+)?"
    rf"it(?:\s+(?:is|was|would\s+be)|[\'\u2019]s)?\s+"
    rf"(?:not\s+)?(?:(?:very|so|most|particularly|especially|extremely)\s+)?(?:{_VALUE_WORDS})\b"
    r"|\b(?:believ\w*|think\w*|thought|confident)\s+(?:that\s+)?(?:[\w\'\u2019-]+\s+){1,10}?"
    rf"(?:is|are|was|were|would\s+be)\s+(?:not\s+)?"
    rf"(?:(?:very|so|most|particularly|especially|extremely)\s+)?(?:{_VALUE_WORDS})\b"
    r"|\b(?:assess|explor|discuss|examin|stud|consider|review|weigh)\w*\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?possibilit\w*|\bnot\s+(?:the\s+)?possibilit\w*\s+of\b"
    r"|\b(?:believ\w*|think\w*|thought)\s+(?:that\s+)?(?:we|you|they|he|she|it)\s+"
    r"(?:need|needs|ought|have|has)\s+to\b"
    r"|\bfearful\s+of\b"
    r"|\bpos(?:e|es|ed|ing)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,2}risks?\b"
    r"|\b(?:little|no|without|beyond)\s+(?:a\s+)?doubts?\b"
    r"|\b(?:(?:is|are|was|were)\s+)?expected\s+to\s+(?:say|tell|declare)\b[^.;:?!\"\u201c]{0,40}[:\"\u201c]"
    rf"|\b(?:(?:is|are|was|were)\s+)?expected\s+to\s+(?:arrive|attend|travel|fly|come|land|visit|meet)\b"
    rf"(?=[^.;:?!]{{0,80}}?\b(?:{_WEEKDAYS})\b)"
    r"|\bpossibilit\w*\s+of\b[^;:?!]{0,100}?\b(?:is|are|was|were|will\s+be)\s+(?:to\s+be\s+)?"
    r"(?:assess|explor|discuss|examin|stud|consider|review|weigh)\w*"
    r"|\b(?:make|makes|made|making)\s+it\s+possible\b"
    r"|\bwould\s+(?:not\s+)?be\s+[\"\u201c]?(?-i:[a-z]{3,}ing)\b|\bwhat\s+would\s+be\b"
    rf"|\bspeculations?\b(?!\s+that\b|{ZERO_THAT_CLAUSE})"
    rf"|\bwould\s+be\s+(?:better|best|preferable|desirable|ideal|{_VALUE_WORDS})\s+(?:if|to)\b"
    r"|\bthere\s+would\s+(?:not\s+)?be\s+[\"\u201c]?no\b(?![^.;]*\b(?:had|if|unless)\b)"
    r"|\bproceed\w*\s+from\s+the\s+assumption\b"
    r"|\bsuggest\w*\s+(?:possible\s+[a-z]+|(?-i:[a-z]+ing)\b"
    r"|(?:that\s+)?(?:[A-Z][\w\'\u2019-]*\s+){1,3}be\s+[a-z]+ed\b)",
    re.IGNORECASE,
)


# Aim words that state no aim: a feeling expressed or offered ("expressed his condolences",
# "has expressed \"irritation\""), a plan named as a thing ("his planned trip", "the
# proposed deal"), who hosts ("at the invitation of"), and a purpose the writer only expects
# ("talks expected to focus on trade": a guess, a hedged claim, not an aim someone states),
# speech, agreement, a plan or a purpose denied ("did not say why", "I don't agree with", "the
# ban is not aimed at Muslims", "does not plan to visit"), an intent only asked about ("no
# discussion over how the government intends to manage"), and an aim given up ("abandoned, at
# least for now, his vow to").
# The plan's determiners are :data:`_DETERMINER`'s less "that", which also opens a relative
# clause ("the ministry that planned a second round" states an aim).
_FEELING = (
    r"condolences|sympathy|sympathies|regrets?|irritation|worry|worries|concerns?|anger|"
    r"gratitude|thanks|dismay|disappointment|frustration|outrage|shock|sadness|sorrow"
    r"|satisfaction|pleasure|appreciation|delight"
)
_FELT = r"(?:his|her|their|its|our|deep|deepest|sincere|heartfelt)"
_NOT_AIMING = re.compile(
    rf"\b(?:express|offer)\w*\s+(?:{_FELT}\s+){{0,2}}[\"\'\u201c\u2018]?(?:{_FEELING})\b"
    r"|(?:\b(?:a|an|the|this|these|those|his|her|its|their|our)|[\'\u2019]s?)[\s-]+"
    r"(?:planned|proposed)\b(?=\s+[a-z])"
    r"|\bat\s+(?:the\s+)?invitation\b"
    r"|\b(?:expected|likely)\s+to\s+\w+"
    r"|(?:\bnot|\bnever|\bno|n[\'\u2019]t)\s+(?:\w+\s+)?"
    r"(?:say|said|says|agree\w*|indicat\w*|aim\w*|announc\w*|plan\w*|intend\w*)\b"
    r"|\b(?:how|what|which|whether)\s+(?:[\w\'\u2019-]+\s+){1,5}?(?:intend|plan|want)(?:s|ed)?\s+to\b"
    r"|\b(?:abandon\w*|dropped|scrapped|shelved|renege\w*)\b[^.;]{0,30}?\b(?:vow|pledge|promise|plan)s?\b",
    re.IGNORECASE,
)
# Aim words that are nouns naming a thing, not an intent someone states: a document, an
# event, a feeling ("the agreement reached during Putin's visit", "China has floated this
# plan", "a focus on shared priorities", "their hopes"). Used so, a determiner stands before
# them with at most two adjectives between ("a similar proposal" is still a proposal: the
# nouns of committing, "promise", "pledge", "vow", "commitment", "proposal", and of purpose,
# "goal", "aim", stay cues); "a plan to expand", "a plan on expanding cooperation" state
# their intent in the verb after.
_THING_NOUN = re.compile(
    r"\b(?:agreements?|plans?|announcements?|declarations?|focus|discussions?|hopes?|offers?"
    r"|invitations?)\b(?!\s+(?:to\s+[a-z]|(?:on|for|of)\s+[a-z]+ing\b))",
    re.IGNORECASE,
)
_BEFORE_A_NOUN = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|his|her|its|their|our|your|my|some|any|no|such"
    r"|every|each)|[\'\u2019]s?)\s+(?P<between>(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)


def _things_named(text: str) -> list[tuple[int, int]]:
    """(start, end) of each aim word used as a noun naming a thing (:data:`_THING_NOUN`)."""
    out: list[tuple[int, int]] = []
    for match in _THING_NOUN.finditer(text):
        before = _BEFORE_A_NOUN.search(text, 0, match.start())
        if before is not None and all(
            w[0].islower() and adjective(w) for w in before.group("between").split()
        ):
            out.append(match.span())
    return out


def _demands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each "expect" a speaker or a state addresses to a state ("we expect
    Russia to honor its commitments", "Russia still expects Belarus to repay its gas debt"): a
    demand, not a guess. Not one about anything else ("we expect inflation to rise")."""
    return [
        m.span("cue")
        for m in _EXPECTS_OF.finditer(text)
        if state_named(m.group("whom")) is not None
        and (m.group("state") is None or state_named(m.group("state")) is not None)
    ]


# "we expect", "I fully expect", "Russia still expects", then whom, then "to" and a verb.
_EXPECTS_OF = re.compile(
    r"\b(?:[Ww]e|I|(?P<state>[A-Z][\w.\'\u2019-]*))\s+(?:[a-z]+ly\s+|also\s+|still\s+)?"
    r"(?P<cue>expects?)\s+"
    r"(?P<whom>(?:the\s+)?[A-Z][\w.\'\u2019-]*(?:\s+[A-Z][\w.\'\u2019-]*){0,2})\s+to\s+[a-z]"
)


def _obligations_aiming_at_nothing(text: str) -> list[tuple[int, int]]:
    """(start, end) of each "should" or "must" that states no aim: one that tells how to
    read something ("You should know", "should be understood as", "should not be confused
    with": a verb of :func:`grammar_words` "cognition" after it), or one inside a question
    ("Where should its pieces land?", "deadlocked over who should do the fighting")."""
    return [
        m.span("modal")
        for m in _OBLIGATION.finditer(text)
        if m.group("asked") or _construes(m.group("verb"))
    ]


def _construes(verb: str | None) -> bool:
    """Whether ``verb`` is a form of a verb of knowing or construing."""
    cognition = grammar_words("cognition")
    return verb is not None and any(lemma in cognition for lemma in verb_lemmas(verb))


# "should" or "must", a question word before it, the verb after it (past "not" and "be").
_OBLIGATION = re.compile(
    r"(?P<asked>\b(?:who|whom|what|where|when|how|which|whether)\s+(?:[\w\'\u2019-]+\s+){0,3}?)?"
    r"\b(?P<modal>should|must)\b(?:\s+(?:not\s+)?(?:be\s+)?[\"\'\u201c\u2018]?(?P<verb>[a-z]+))?",
    re.IGNORECASE,
)


_NOT_A_CUE: dict[Lexicon, re.Pattern[str]] = {
    "hedge_cues": _NOT_SPECULATING,
    "aim_cues": _NOT_AIMING,
}


# A direct question asks, it claims nothing: "how might they vote if a referendum were held?",
# '"... what will you do?" asked Franken'. Not a scrape's mark for a dash or an apostrophe
# glued to a word ("NATO countries"?security").
_QUESTION = re.compile(r"[^.!?;:\"\u201c\u201d]*\?(?![\w\'\u2019])")


# A prediction on a condition ("if they go on, there will be consequences"; "it would be
# caught in the middle if talks fail"): the "if" of a clause with "will" or "would" on either
# side. Not an indirect question ("asked if he would run", "unclear if it will").
_CONDITIONAL = re.compile(
    r"(?<![\w\'\u2019])(?P<cue>if)\b[^.;:?!\"\u201c\u201d]*?\b(?:will|would)\b"
    r"|\b(?:will|would)\b[^.;:?!\"\u201c\u201d]*?\b(?P<late>if)\b",
    re.IGNORECASE,
)
_ASKS_IF = re.compile(
    r"\b(?:ask\w*|wonder\w*|know|knew|see|saw|decide\w*|sure|unclear|clear|whether)\s*$",
    re.IGNORECASE,
)


def lexicon_words(text: str, lexicon: Lexicon = "hedge_cues") -> tuple[str, ...]:
    """Every word or phrase of the lexicon in ``text``, in whatever sense it is used there:
    the plain lexicon a trivial baseline calls speculation with (:func:`find_cues` reads
    the sense)."""
    return tuple(dict.fromkeys(m.group(0) for m in _pattern(lexicon).finditer(text)))


def find_cues(text: str, lexicon: Lexicon = "hedge_cues") -> tuple[str, ...]:
    """Cue phrases in ``text`` as written there, longest match first, no repeats; for
    hedges, a possibility the sentence opens with where no other cue is found, and a
    conditional's "if" (:data:`_CONDITIONAL`) and "seen by X as" last."""
    not_cues = _NOT_A_CUE.get(lexicon)
    no_cue_spans = [m.span() for m in not_cues.finditer(text)] if not_cues is not None else []
    if lexicon == "aim_cues":
        no_cue_spans += _things_named(text) + _obligations_aiming_at_nothing(text)
    if lexicon == "hedge_cues":
        no_cue_spans += _demands(text) + [m.span() for m in _QUESTION.finditer(text)]
    seen: dict[str, None] = {}
    for match in _pattern(lexicon).finditer(text):
        if match.group(0) == "May":  # the month, not the modal
            continue
        if any(a <= match.start() < b for a, b in no_cue_spans):
            continue
        seen.setdefault(match.group(0), None)
    if lexicon == "hedge_cues":
        if not seen and (opening := _POSSIBILITY_OPENS.match(text)) is not None:
            seen.setdefault(opening.group(1), None)
        regarded = _SEEN_BY_AS.search(text)
        condition = _conditional(text)
        if condition is not None and any(a <= condition[1] < b for a, b in no_cue_spans):
            condition = None  # "it would be better if ...": a preference, on its condition
        for cue in (condition[0] if condition else None, regarded.group(0) if regarded else None):
            if cue is not None:
                seen.setdefault(cue, None)
    return tuple(seen)


# A possibility the sentence opens with, bare or with "a", is put forward, not named as a
# category: "Potential trade wars loom", "A possible solution for Abe would be" (where no other
# cue says so; "The potential terrorists were arrested" stays a category).
_POSSIBILITY_OPENS = re.compile(r"^\W*(?:an?\s+)?(possible|potential)\s", re.IGNORECASE)
# "seen as" with its agent between ("have been seen by the US as flexing its muscles").
_SEEN_BY_AS = re.compile(r"\bseen\s+by\s+(?:[\w.\'\u2019-]+\s+){1,4}?as\b", re.IGNORECASE)


def _conditional(text: str) -> tuple[str, int] | None:
    """The "if" of a prediction on a condition, and where it stands."""
    for match in _CONDITIONAL.finditer(text):
        group = "cue" if match.group("cue") else "late"
        if not _ASKS_IF.search(text, 0, match.start(group)):
            return match.group(group), match.start(group)
    return None


def candidates(numbered: Numbered, lexicon: Lexicon) -> list[Candidate]:
    """The numbered sentences that carry at least one cue of ``lexicon``; for aims, a
    sentence whose cues only report speech, a mood or an act needs a form of intent too."""
    out: list[Candidate] = []
    for sentence in numbered:
        cues = find_cues(sentence.text, lexicon)
        if lexicon == "aim_cues" and cues and not _intent_beyond_schedule(sentence.text):
            continue
        if cues:
            out.append(Candidate(n=sentence.n, cues=cues))
    return out


@cache
def _report_cues() -> frozenset[str]:
    return frozenset(c.casefold() for c in word_list("aim_report_cues"))


def _intent_beyond_schedule(text: str) -> bool:
    """Whether a sentence states an intent once its travel plans are set aside: "Mattarella
    plans to visit Moscow", "Trump will host el-Sisi for talks", "has agreed to attend a NATO
    summit" tell a schedule, not an aim; "he hoped the visit would shine a spotlight on the
    crisis" keeps its aim."""
    rest = _TRAVEL_PLAN.sub(" ", text)
    cues = find_cues(rest, "aim_cues")
    return bool(cues) and _states_intent(rest, cues)


# A plan, a hope, an invitation or a future form whose verb is a journey or a meeting.
_TRAVEL_PLAN = re.compile(
    r"\b(?:(?:plan\w*|hop(?:e|es|ed|ing)|intend\w*|agree\w*|want\w*|seek\w*|decide[sd]?"
    r"|invit\w*(?:\s+\w+)?|accept\w*\s+(?:an\s+|the\s+)?invitations?)\s+to"
    r"|will|(?:is|are)\s+(?:due|set|scheduled)\s+to)\s+(?:also\s+)?"
    r"(?:visit|travel|attend|meet|go|come|fly|host|hold\s+talks"
    r"|pay\s+(?:a|an)\s+(?:[\w-]+\s+)?visit)\b",
    re.IGNORECASE,
)


# The aim cues that are modals: alone, with no one said to state it, a forecast or a
# schedule ("would significantly boost", "will be held"), not an aim.
_MODALS = frozenset({"would", "should", "will be", "will not"})


def _states_intent(text: str, cues: tuple[str, ...]) -> bool:
    """An aim cue beyond speech, mood and acts done ("pledged", "to strengthen"), or an
    infinitive or a modal before a verb ("said it would expand ties", "told them to leave",
    "will also be addressed")."""
    words = {" ".join(c.casefold().split()) for c in cues}
    if any(w not in _report_cues() for w in words):
        return True
    if words <= _MODALS:
        return False  # "the missiles would boost", "talks will be held": no one states it
    idioms = [m.span() for m in _REDUPLICATED.finditer(text)]
    aimless = _obligations_aiming_at_nothing(text)
    return any(
        match.span("modal") not in aimless
        if match.group("modal")
        else _intends(text, match, idioms)
        for match in _INTENT.finditer(text)
    )


def _intends(text: str, match: re.Match[str], idioms: list[tuple[int, int]]) -> bool:
    """Whether a "to" or a modal and the word after it state an intent: a verb in its plain
    form ("to leave"; not "to reporters", "to regional security"), or a modal's passive
    ("will be addressed"; not "would be a long process"), outside a ranking ("the first to
    travel"), an ability, an outcome or a difficulty ("able to relax", "failed to
    acknowledge", "hard to take") and an idiom of "X to X" ("from time to time", "face to
    face")."""
    verb = match.group("verb")
    if any(a <= match.start() < b for a, b in idioms):
        return False
    if _RANKED.search(text, 0, match.start()) or _NO_INTENT.search(text, 0, match.start()):
        return False
    if match.group("to") and _EXPECTED_OF.search(text, 0, match.start()):
        return False  # "expected NAFTA negotiations to conclude": a forecast of others
    if verb == "be":
        after = match.group("after")
        return match.group("to") is None and after is not None and past_participle(after)
    return verb not in grammar_words("not_a_subject") and base_verb(verb)


# "to" or a modal, then the word it governs, past "not" and an adverb ("would not expand",
# "will also be addressed"); and the word after "be", for a passive.
_ADVERB = (
    r"(?:(?:not|also|just|still|never|only|soon|then|now|even|again|already|ever|[a-z]+ly)\s+)"
)
_INTENT = re.compile(
    rf"\b(?:(?P<to>to)\s+|will\s+|would(?:\s+|-(?!be\b))(?!have\b))"  # a scrape's "would-deal"
    rf"{_ADVERB}{{0,2}}(?P<verb>[a-z]+)\b"
    rf"(?:\s+{_ADVERB}?(?P<after>[a-z]+)\b)?"
    r"|\b(?P<modal>must|should)\b"
)
# "from time to time", "face to face", "shoulder to shoulder": "to" between a word and itself.
_REDUPLICATED = re.compile(r"\b(\w+)\s+to\s+\1\b", re.IGNORECASE)
# An ability, an outcome or a difficulty, not an aim: "able to relax", "failed to
# acknowledge", "due to", "will be hard to take", "not going to be easy to end". Nor where
# the infinitive's subject intends nothing by it: after a verb of seeming or of a phase
# begun ("appeared to contradict", "began to lose control"), of permission or belief
# ("allowed to come", "believing it to contain"), or "quick to", "the right to".
_NO_INTENT = re.compile(
    r"\b(?:able|unable|fail(?:s|ed|ing)?|due|hard|harder|easy|easier|difficult|impossible"
    r"|seem(?:s|ed|ing)?|appear(?:s|ed|ing)?|tend(?:s|ed|ing)?|happen(?:s|ed|ing)?"
    r"|beg[ai]n(?:s|ning)?|begun|start(?:s|ed|ing)?"
    r"|(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|enabl(?:e|es|ed|ing)|believ(?:e|es|ed|ing))"
    r"(?:\s+(?:it|them|him|her|us|me))?"
    r"|quick|right)\s*$",
    re.IGNORECASE,
)
# What someone expects others to do is a forecast, no aim of theirs: "he expected NAFTA
# negotiations with US and Canada to conclude", "I expect Pence to express".
_EXPECTED_OF = re.compile(
    r"\bexpect(?:s|ed|ing)?\s+(?!to\b)(?:[\w\'\u2019-]+\s+){1,8}$", re.IGNORECASE
)
# An infinitive after a ranked noun describes, it intends nothing: "the first foreign
# minister to travel there", "the only leader to attend", "the last to leave".
_RANKED = re.compile(
    r"(?:\b(?:the|a|his|her|its|their|our)|[\'\u2019]s?)\s+(?:first|second|third|last|only|next)"
    r"\s+(?:(?!(?:is|are|was|were|be|will|would|has|have)\b)[\w\'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)
