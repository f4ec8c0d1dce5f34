"""The article as the model reads it: numbered sentences, each mapped to exact offsets.

Every answer cites sentence numbers instead of copying quotes, so its evidence is the cited
sentence's span by construction: a quote the model never has to write cannot be misquoted.
The numbering is built from the furniture-stripped body, and each sentence maps back to the
article through the body's segments; a sentence that straddles removed text is cut there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from summarize.contract.extraction import Span
from summarize.ingest.body import Body
from summarize.ingest.sentences import split_sentences
from summarize.ingest.text_match import contains


@dataclass(frozen=True)
class NumberedSentence:
    """Sentence ``n`` of the body, and where it lies in the article."""

    n: int
    span: Span

    @property
    def text(self) -> str:
        return self.span.text


@dataclass(frozen=True)
class Numbered:
    """A body's sentences, numbered from 1 in reading order."""

    body: Body
    sentences: tuple[NumberedSentence, ...]

    def render(self) -> str:
        """``[1] First sentence.`` one per line: what the system message carries."""
        return "\n".join(f"[{s.n}] {' '.join(s.text.split())}" for s in self.sentences)

    def get(self, n: int) -> NumberedSentence | None:
        return self.sentences[n - 1] if 1 <= n <= len(self.sentences) else None

    def __iter__(self) -> Iterator[NumberedSentence]:
        return iter(self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    def naming(self, phrase: str) -> list[NumberedSentence]:
        """Sentences that contain ``phrase`` (up to typography and case)."""
        return [s for s in self.sentences if contains(s.text, phrase)]

    @cached_property
    def text(self) -> str:
        return self.body.text


def number_sentences(body: Body) -> Numbered:
    """Number the body's sentences; each keeps its exact article span."""
    out: list[NumberedSentence] = []
    for sentence in split_sentences(body.text):
        for start, end in _within_segments(body, sentence.start, sentence.end):
            span = body.to_article(start, end)
            if span is not None and span.text.strip():
                out.append(NumberedSentence(n=len(out) + 1, span=_trimmed(span)))
    return Numbered(body=body, sentences=tuple(out))


def _within_segments(body: Body, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` of the body cut where it crosses from one kept segment to the next."""
    pieces: list[tuple[int, int]] = []
    for seg in body.segments:
        a, b = max(start, seg.body_start), min(end, seg.body_start + seg.length)
        if a < b:
            pieces.append((a, b))
    return pieces


def _trimmed(span: Span) -> Span:
    lead = len(span.text) - len(span.text.lstrip())
    text = span.text.strip()
    start = span.start + lead
    return Span(start=start, end=start + len(text), text=text)
