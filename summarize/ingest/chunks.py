"""Split an article too long for the model's window into overlapping chunks.

A chunk is a :class:`Body` built from a run of the article's kept lines, so every offset the
model's answer yields maps straight back into the whole article; nothing needs re-basing by
hand. Chunks overlap by a few lines so a sentence cut at one border is whole in the next
chunk; the items found twice in the overlap are folded by :mod:`summarize.extract.chunk_fold`.
"""

from __future__ import annotations

from summarize.ingest.body import Body, assemble_body
from summarize.ingest.sentences import split_sentences

OVERLAP_SHARE = 0.1

Range = tuple[int, int]


def split_body(body: Body, max_chars: int) -> list[Body]:
    """``[body]`` when it fits in ``max_chars``, else overlapping chunks that each fit."""
    if len(body.text) <= max_chars:
        return [body]
    units = _units(body, max_chars)
    overlap = int(max_chars * OVERLAP_SHARE)
    removed = [(s.start, s.end) for s in body.removed]
    chunks: list[Body] = []
    first = 0
    while first < len(units):
        last, size = first, 0
        while last < len(units) and size + _len(units[last]) <= max_chars:
            size += _len(units[last])
            last += 1
        chunks.append(assemble_body(body.article, units[first:last], removed))
        if last >= len(units):
            break
        first = _overlap_start(units, first, last, overlap)
    return chunks


def _len(unit: Range) -> int:
    return unit[1] - unit[0]


def _overlap_start(units: list[Range], first: int, last: int, overlap: int) -> int:
    """Where the next chunk starts: back from ``last`` by at most ``overlap`` characters."""
    start, carried = last, 0
    while start - 1 > first and carried + _len(units[start - 1]) <= overlap:
        start -= 1
        carried += _len(units[start])
    return start


def _units(body: Body, max_chars: int) -> list[Range]:
    """Article ranges of the body's lines; a line longer than a chunk is cut at sentences."""
    units: list[Range] = []
    for seg in body.segments:
        pos = seg.start
        for line in body.article[seg.start : seg.start + seg.length].splitlines(keepends=True):
            line_range = (pos, pos + len(line))
            pos += len(line)
            if _len(line_range) <= max_chars:
                units.append(line_range)
            else:
                units.extend(_cut_line(body.article, line_range, max_chars))
    return units


def _cut_line(article: str, line: Range, max_chars: int) -> list[Range]:
    """Sentence-sized pieces of one long line; a sentence longer than a chunk is cut hard."""
    start, end = line
    cuts = [start + s.start for s in split_sentences(article[start:end])][1:]
    pieces: list[Range] = []
    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
        while b - a > max_chars:
            split = article.rfind(" ", a + 1, a + max_chars) + 1 or a + max_chars
            pieces.append((a, split))
            a = split
        pieces.append((a, b))
    return pieces
