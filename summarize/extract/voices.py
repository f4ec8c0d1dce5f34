"""Who voices a sentence's claim: the subject of its attribution verb, from a closed list.

Measured on the 1.5B model, asked to name who voices a hedge it answered "the outlet" for
nearly every sentence, including "analysts suggest that..." and "Lukashenko suggested...".
Attribution is a matter of syntax that a rule reads reliably: the subject just before an
attribution verb ("analysts suggest", "Lukashenko suggested") or the object of "according to"
is the voice. A named person wins (by the people the article names), then a group noun
("experts", "officials", "sources", data in ``prompts/voice_words.txt``); with no attribution
the article itself speaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from summarize.contract.extraction import THE_OUTLET
from summarize.llm.prompts import word_list

_SUBJECT_WORDS = (
    7  # how far before the verb a subject may start ("The Belarusian foreign ministry")
)


@cache
def attribution_verbs() -> re.Pattern[str]:
    """Any attribution verb of ``prompts/attribution_verbs.txt``, as a whole word."""
    verbs = []
    for entry in word_list("attribution_verbs"):
        stem = re.escape(entry.rstrip("*")).replace(r"\ ", r"\s+")
        verbs.append(stem + (r"\w*" if entry.endswith("*") else ""))
    return re.compile(rf"\b(?:{'|'.join(verbs)})\b", re.IGNORECASE)


@cache
def _groups() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for entry in word_list("voice_words"):
        voice, _, word = entry.partition(":")
        pattern = re.compile(rf"\b{re.escape(word.strip())}\b", re.IGNORECASE)
        out.append((pattern, voice.strip()))
    return tuple(out)


_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;]{2,80})", re.IGNORECASE)


def _voice_in(phrase: str, people: Sequence[str], names: Sequence[str]) -> str | None:
    """A named person in ``phrase`` (by name or surname), else a group noun's voice."""
    from summarize.extract.grounding import names_person

    for person in people:
        if names_person(phrase, person):
            return person
    for pattern, voice in _groups():
        if pattern.search(phrase):
            return voice
    return None


def voice_of(
    sentence: str,
    people: Sequence[str],
    *,
    before: int | None = None,
    previous: str = "",
) -> str | None:
    """Who the sentence says voices what it reports, or None when it names no one.

    ``before`` limits the search to attributions that open before that offset (the cue's),
    so "Ryzhenkov arrived..., as experts speculate..." is the experts'. ``previous`` is the
    sentence before, for a "he said" that refers back to a person named there.
    """
    limit = len(sentence) if before is None else before
    found: list[tuple[int, str]] = []
    for match in _ACCORDING.finditer(sentence):
        voice = _voice_in(match.group("who"), people, ())
        if voice is not None:
            found.append((match.start(), voice))
    for match in attribution_verbs().finditer(sentence):
        start = match.start()
        words = sentence[:start].split()
        subject = " ".join(words[-_SUBJECT_WORDS:])
        clause = re.split(r"[,;:\u2014]|\bas\b|\bwhile\b|\bthat\b", subject)[-1]
        voice = _voice_in(clause, people, ())
        if voice is None and re.search(r"\b(he|she|they)\s*$", clause, re.IGNORECASE):
            voice = _voice_in(previous, people, ())
        if voice is None:  # "..., said Maxim Ryzhenkov" / "said the ministry"
            after = " ".join(sentence[match.end() :].split()[:_SUBJECT_WORDS])
            inverted = re.split(r"[,;.]", after)[0]
            voice = _voice_in(inverted, people, ())
        if voice is not None:
            found.append((start, voice))
    if not found:
        return None
    before_cue = [f for f in found if f[0] <= limit]
    return (before_cue or found)[-1 if before_cue else 0][1]


def voice_or_outlet(sentence: str, people: Sequence[str], **where: object) -> str:
    """:func:`voice_of`, or the outlet when the sentence attributes nothing to anyone."""
    voice = voice_of(sentence, people, **where)  # type: ignore[arg-type]
    return voice if voice is not None else THE_OUTLET
