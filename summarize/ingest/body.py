"""The text the model sees, as segments of the article: every offset maps back exactly.

Stripping page furniture and injected instructions removes whole lines and sentences, so the
body is a sequence of kept article ranges. A span of the body (a sentence, a name) maps to the
article through them, which is how every piece of evidence slices the article exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.contract.extraction import Span


@dataclass(frozen=True)
class Segment:
    """``length`` characters that sit at ``body_start`` in the body and ``start`` in the article."""

    body_start: int
    start: int
    length: int


@dataclass(frozen=True)
class Body:
    """The article text the model sees, and how it maps back to the original."""

    article: str
    text: str
    segments: tuple[Segment, ...]
    removed: tuple[Span, ...]
    injected: tuple[Span, ...] = ()

    def to_article(self, start: int, end: int) -> Span | None:
        """Map a body slice to the article; None if it straddles removed furniture."""
        for seg in self.segments:
            if seg.body_start <= start and end <= seg.body_start + seg.length:
                offset = seg.start - seg.body_start
                a, b = start + offset, end + offset
                return Span(start=a, end=b, text=self.article[a:b])
        return None


def assemble_body(
    article: str, kept: list[tuple[int, int]], removed: list[tuple[int, int]]
) -> Body:
    """The body made of ``kept`` article ranges, in order; ``removed`` is what was left out."""
    segments: list[Segment] = []
    pieces: list[str] = []
    body_pos = 0
    for start, end in merge_ranges(kept):
        segments.append(Segment(body_start=body_pos, start=start, length=end - start))
        pieces.append(article[start:end])
        body_pos += end - start
    spans = tuple(
        Span(start=s, end=e, text=article[s:e])
        for s, e in merge_ranges(removed)
        if article[s:e].strip()
    )
    return Body(article=article, text="".join(pieces), segments=tuple(segments), removed=spans)


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` sorted, those that touch or overlap joined into one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
