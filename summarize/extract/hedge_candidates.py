"""Find candidate hedged sentences with a cue lexicon before asking the model about them.

A 1.5B model asked to "list the hedges" loops; asked about a numbered handful of sentences
that already contain a cue, it only has to judge and attribute. The cue found here is the
evidence-grade hedge word: it is in the sentence by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.ingest.sentences import Sentence, split_sentences
from summarize.llm.prompts import word_list


@dataclass(frozen=True)
class Candidate:
    """A sentence of the body with the hedge cues it contains."""

    sentence: Sentence
    cues: tuple[str, ...]


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(word_list("hedge_cues"), key=len, reverse=True)
    alternatives = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"\b({alternatives})\b", re.IGNORECASE)


def find_cues(text: str) -> tuple[str, ...]:
    """Cue phrases in ``text`` as written there, longest match first, no repeats."""
    seen: dict[str, None] = {}
    for match in _cue_pattern().finditer(text):
        if match.group(0) == "May":  # the month, not the modal
            continue
        seen.setdefault(match.group(0), None)
    return tuple(seen)


def hedge_candidates(text: str) -> list[Candidate]:
    """Sentences of ``text`` that carry at least one hedge cue."""
    out: list[Candidate] = []
    for sentence in split_sentences(text):
        cues = find_cues(sentence.text)
        if cues:
            out.append(Candidate(sentence=sentence, cues=cues))
    return out
