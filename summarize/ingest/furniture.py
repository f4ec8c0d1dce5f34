"""Strip page furniture before the model sees an article.

Scraped pages carry navigation labels, repeated headlines, bylines, time stamps and whole
"Top Stories" sidebars about unrelated news. A small model pulls names out of them, so we
remove them here. Removal is by whole lines, and the kept text is a list of segments of the
original, so any offset into what the model saw maps back to an offset into the article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarize.contract.extraction import Span
from summarize.ingest.body import Body, assemble_body
from summarize.ingest.injection import injected_ranges

# A line that opens a trailing block of unrelated content: everything from it on is dropped.
_TAIL_MARKERS = re.compile(
    r"^(top stories|most (watched|read|popular)( today)?|more videos|related (stories|articles)"
    r"|recommended( for you)?|trending( now)?|more from .{1,40}|read more|read next"
    r"|submit a correction|accessibility feedback|you['\u2019]ve reached the end"
    r"|dreaming of a career.*|sign up for .{0,60}newsletter.*|share this (article|story))$",
    re.IGNORECASE,
)
# Lines that are furniture on their own wherever they stand.
_LINE_FURNITURE = re.compile(
    r"^(recent features|highlights|story|opinions?|advertisement|updated|share|comments?"
    r"|\d+[smhd] ago|\d{1,2}:\d{2}"
    r"|(photo|image|credit|source)s?:.*"
    r"|(posted|published|last updated|updated)\b.*\d{4}.*"
    r"|by [A-Z][\w.'\u2019-]+( [A-Z][\w.'\u2019-]+){0,3}(,.*)?"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}.*)$",
    re.IGNORECASE,
)
# "Section | Section | Section" breadcrumbs, with ordinary or non-breaking spaces.
_NAV_SEPARATOR = re.compile(r"\s\|\s")
# Only trust a tail marker once this much article text has been kept before it.
_MIN_TEXT_BEFORE_TAIL = 400
_SHORT_LABEL_WORDS = 3


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end including its newline."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line)))
        pos += len(line)
    return out


def _is_label(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _SHORT_LABEL_WORDS:
        return False
    return not line.rstrip().endswith((".", "?", "!", "\u201d", '"', ":"))


def _is_furniture(line: str, seen: set[str], kept_any: bool) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    key = " ".join(stripped.casefold().split())
    if key in seen:
        return True
    if _NAV_SEPARATOR.search(stripped) or _LINE_FURNITURE.match(stripped):
        return True
    # A short label before any prose is a section name; after it, a subhead worth keeping.
    return _is_label(stripped) and not kept_any


def strip_furniture(article: str) -> Body:
    """Drop furniture lines and trailing sidebars; keep everything else byte for byte."""
    kept: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    seen: set[str] = set()
    kept_chars = 0
    lines = _lines(article)
    for start, end in lines:
        line = article[start:end]
        stripped = line.strip()
        if _TAIL_MARKERS.match(stripped) and kept_chars >= _MIN_TEXT_BEFORE_TAIL:
            removed.append((start, lines[-1][1]))
            break
        if _is_furniture(line, seen, kept_any=kept_chars > 0) or _TAIL_MARKERS.match(stripped):
            removed.append((start, end))
        else:
            kept.append((start, end))
            if stripped:
                kept_chars += len(stripped)
        if stripped:
            key = " ".join(stripped.casefold().split())
            seen.add(key)
            if key.startswith("by "):
                seen.add(key[3:])  # the sign-off that repeats the byline at the end
    kept, injected = _without_injections(article, kept)
    body = assemble_body(article, kept, removed + injected)
    spans = tuple(Span(start=s, end=e, text=article[s:e]) for s, e in injected)
    return replace(body, injected=spans)


def _without_injections(
    article: str, lines: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Kept lines minus the sentences aimed at the model, and those sentences' ranges.

    A line that is nothing but such sentences goes whole, with the blank line after it when
    one stands before it too, so the body reads as if the line had never been there.
    """
    kept: list[tuple[int, int]] = []
    cut: list[tuple[int, int]] = []
    skip_blank = False
    for k, (start, end) in enumerate(lines):
        text = article[start:end]
        if skip_blank and not text.strip():
            cut.append((start, end))
            skip_blank = False
            continue
        skip_blank = False
        found = _shifted(injected_ranges(text), start)
        if not found:
            kept.append((start, end))
            continue
        rest = _subtract([(start, end)], found)
        if all(not article[a:b].strip() for a, b in rest):
            cut.append((start, end))
            skip_blank = k == 0 or not article[lines[k - 1][0] : lines[k - 1][1]].strip()
        else:
            kept.extend(rest)
            cut.extend(found)
    return kept, cut


def _shifted(ranges: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
    return [(start + by, end + by) for start, end in ranges]


def _subtract(kept: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``kept`` outside every range in ``cut``."""
    out: list[tuple[int, int]] = []
    for start, end in kept:
        pos = start
        for c_start, c_end in sorted(cut):
            if c_end <= pos or c_start >= end:
                continue
            if c_start > pos:
                out.append((pos, c_start))
            pos = max(pos, c_end)
        if pos < end:
            out.append((pos, end))
    return out
