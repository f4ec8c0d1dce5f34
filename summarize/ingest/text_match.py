"""Find a model's quote in the article and return the exact slice.

Models copy text imperfectly: straight quotes where the article has curly ones, dashes
flattened, whitespace and case changed. We match on a typographically normalized view that
keeps, for every normalized character, the offset it came from, then return the article's
own characters, so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.contract.extraction import Span
from summarize.ingest.sentences import Sentence

_TRANSLATE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    "\u2026": "...",
}  # fmt: skip

_STRIP = " \t\r\n\"'.,;:" + "\u201c\u201d\u2018\u2019"


@dataclass(frozen=True)
class Normalized:
    """A normalized string and, per character, the offset in the original text."""

    text: str
    origin: tuple[int, ...]


@lru_cache(maxsize=4096)
def normalize(text: str, *, fold_case: bool = False) -> Normalized:
    """Flatten quotes, dashes and whitespace runs; optionally case-fold.

    Memoized: grounding checks many names and quotes against the same article text.
    """
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                origin.append(i)
            in_space = True
            continue
        in_space = False
        mapped = _TRANSLATE.get(ch, ch)
        if fold_case:
            mapped = mapped.casefold()
        for piece in mapped:
            out.append(piece)
            origin.append(i)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return Normalized("".join(out), tuple(origin))


def _clean_quote(quote: str) -> str:
    return quote.strip().strip(_STRIP).strip()


def locate(quote: str, text: str) -> Span | None:
    """Return the span of ``text`` that ``quote`` reproduces, or None if it is not there.

    Tries an exact match first, then a typographically normalized one, then a case-folded
    one. Leading and trailing quote marks and punctuation the model added are ignored.
    """
    needle = _clean_quote(quote)
    if not needle:
        return None
    start = text.find(needle)
    if start >= 0:
        return Span(start=start, end=start + len(needle), text=needle)
    for fold in (False, True):
        hay = normalize(text, fold_case=fold)
        pin = normalize(needle, fold_case=fold).text
        if not pin:
            return None
        at = hay.text.find(pin)
        if at >= 0:
            begin = hay.origin[at]
            end = hay.origin[at + len(pin) - 1] + 1
            return Span(start=begin, end=end, text=text[begin:end])
    return None


def contains(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` under the same normalization as :func:`locate`."""
    return locate(phrase, text) is not None


def spaced(phrase: str) -> str:
    """The phrase's words as a regex with any run of spaces between them: a scrape breaks
    lines and doubles spaces inside a name or a title."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


_WORD = re.compile(r"\w+")
FUZZY_THRESHOLD = 0.75


def _words(text: str) -> set[str]:
    return set(_WORD.findall(normalize(text, fold_case=True).text))


def closest_sentence(
    quote: str,
    sentences: Sequence[Sentence],
    *,
    threshold: float = FUZZY_THRESHOLD,
) -> Sentence | None:
    """The sentence a reworded quote reproduces: most of its words are in the quote.

    A small model often quotes "Cypriot President" for "Cyprus' President" or runs two
    sentences together. We anchor such a quote on the article sentence whose words it covers
    best (at least ``threshold`` of them).
    """
    wanted = _words(quote)
    best: Sentence | None = None
    best_score = 0.0
    for sentence in sentences:
        words = _words(sentence.text)
        if not words:
            continue
        score = len(words & wanted) / len(words)
        if score > best_score:
            best, best_score = sentence, score
    return best if best_score >= threshold else None
