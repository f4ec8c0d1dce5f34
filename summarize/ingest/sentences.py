"""Split text into sentences with offsets, so a sentence can serve as evidence as is."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr",
    "gov", "sen", "rep", "adm", "amb", "atty", "supt", "cmdr", "brig", "rev", "hon", "pres",
    "no", "vs", "etc", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
))  # fmt: skip
# A stop, its closing quotes or brackets (and a scrape's stray hyphen, "it.- An"), then a capital
# or digit the next sentence opens with, after up to two opening marks ('"(North Korea) would',
# a scrape's doubled '""President').
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*-?(?=\s+[\"'\u201c\u2018(\[]{0,2}[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("\"'(\u201c\u2018[").casefold()
    # an initial ("J. Smith") or initials ("J.D. Gordon", "George H.W. Bush")
    return word in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


_INITIALS = re.compile(r"(?:[a-z]\.){0,2}[a-z]")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, trimmed of surrounding whitespace."""
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        cuts.append(match.end())
    cuts.extend(m.start() for m in _PARAGRAPH.finditer(text))
    cuts.append(len(text))
    out: list[Sentence] = []
    for a, b in zip(sorted(set(cuts)), sorted(set(cuts))[1:], strict=False):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            out.append(Sentence(start=a + lead, end=a + lead + len(body), text=body))
    return out
