"""Where an evidence span sits in the article, and whether it is grounded at all.

Grounded means ``text[start:end] == span.text``. Matching claims to gold sentences needs a
position; an ungrounded span still gets one when its text occurs verbatim in the article, so a
system with sloppy offsets loses on the grounding rate only, not twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class LooseSpan:
    """An evidence span as another system may write it: any field can be missing."""

    start: int | None
    end: int | None
    text: str | None


Range = tuple[int, int]


def is_grounded(span: LooseSpan | None, article: str) -> bool:
    if span is None or span.start is None or span.end is None or not span.text:
        return False
    if not 0 <= span.start <= span.end <= len(article):
        return False
    return article[span.start : span.end] == span.text


def position(span: LooseSpan | None, article: str) -> Range | None:
    """The span's character range: its offsets when grounded, else its text's first occurrence."""
    if span is None:
        return None
    if is_grounded(span, article) and span.start is not None and span.end is not None:
        return span.start, span.end
    if span.text and (at := article.find(span.text)) >= 0:
        return at, at + len(span.text)
    return None


def overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlaps_any(a: Range, ranges: Iterable[Range]) -> bool:
    return any(overlaps(a, r) for r in ranges)


def locate_sentence(sentence: str, article: str) -> list[Range]:
    """Every occurrence of a gold sentence: a headline printed three times is one sentence."""
    found: list[Range] = []
    at = article.find(sentence) if sentence else -1
    while at >= 0:
        found.append((at, at + len(sentence)))
        at = article.find(sentence, at + 1)
    return found
