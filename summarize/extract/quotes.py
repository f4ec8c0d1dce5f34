"""Where an article's quotations open and close, across sentence borders.

A claim inside quotation marks is the speaker's, not the outlet's, even when its sentence
names nobody ("\u201cThat could lead to a collapse.\u201d" after "..., the envoy said.").
Curly marks pair by their shape. A straight mark opens after a space or a bracket and
closes after a word or a punctuation mark (scraped texts often lose the space after a
closing mark: ``operation,"?Secretary``); a mark that reads both ways toggles, and one
between two letters is an apostrophe the scrape turned into a mark (``won"t``), as is one
before a question mark and a small letter: a dash or an apostrophe the scrape could not
decode (``parties "?likely future partners "?won``, ``countries"?leaders``). A quotation
left open at a paragraph's end closes there: news style leaves the closing mark off when a
quotation runs on into the next paragraph, which opens it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"[\u201c\u201d\"]")
# A straight mark, a question mark and a small letter, or a capital after a space: a dash or
# an apostrophe undecoded ('parties "?likely', 'pic.twitter.com/x "?RT\u00c9 News'); after a
# stop, a closing mark ('be done."?Some reporters').
_UNDECODED = re.compile(r'"\?[a-z]|(?<=\s)"\?[A-Z]')
_OPENS_AFTER = frozenset("([{\u2014\u2013-:")
_CLOSES_BEFORE = frozenset(".,;:!?)]}\u2014\u2013-")
# An unclosed quotation in a text without paragraph breaks ends here at the latest.
MAX_OPEN_CHARS = 600


@dataclass(frozen=True)
class Quotation:
    """``text[start:end]`` is the quotation, marks included (``end`` is past its close)."""

    start: int
    end: int

    def holds(self, offset: int) -> bool:
        return self.start < offset < self.end


def quotations(text: str) -> tuple[Quotation, ...]:
    """Every quotation of ``text``, in order."""
    out: list[Quotation] = []
    start = 0
    for paragraph in text.split("\n"):
        out.extend(_in_paragraph(text, start, start + len(paragraph)))
        start += len(paragraph) + 1
    return tuple(out)


def _in_paragraph(text: str, start: int, end: int) -> list[Quotation]:
    out: list[Quotation] = []
    opened: int | None = None
    for match in _MARK.finditer(text, start, end):
        at = match.start()
        if _inside_a_word(text, at, start, end) or _UNDECODED.match(text, at, end):
            continue  # 'won"t', 'parties "?likely': what a scrape turned into a quotation mark
        if opened is not None and at - opened > MAX_OPEN_CHARS:
            out.append(Quotation(opened, _sentence_end(text, opened, end)))
            opened = None
        if _opens(text, at, start, end, is_open=opened is not None):
            if opened is not None:  # a quotation reopened: the one before ran to here
                out.append(Quotation(opened, at))
            opened = at
        elif opened is not None:
            out.append(Quotation(opened, at + 1))
            opened = None
    if opened is not None:
        stop = end if end - opened <= MAX_OPEN_CHARS else _sentence_end(text, opened, end)
        out.append(Quotation(opened, stop))
    return out


def _opens(text: str, at: int, start: int, end: int, *, is_open: bool) -> bool:
    mark = text[at]
    if mark != '"':
        return mark == "\u201c"
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    opening = (before.isspace() or before in _OPENS_AFTER) and not after.isspace()
    closing = not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE)
    if opening != closing:
        return opening
    return not is_open


def _inside_a_word(text: str, at: int, start: int, end: int) -> bool:
    return start < at < end - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


def _sentence_end(text: str, start: int, end: int) -> int:
    found = re.compile(r"[.!?](?=\s|$)").search(text, start, end)
    return found.end() if found else end


__all__ = ["Quotation", "quotations"]
