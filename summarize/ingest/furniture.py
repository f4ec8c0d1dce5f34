"""Strip page furniture before the model sees an article.

Scraped pages carry navigation labels, repeated headlines, bylines, time stamps and whole
"Top Stories" sidebars about unrelated news. A small model pulls names out of them, so they go
first. What marks furniture is the page's structure, not any site's wording (the jusText and
trafilatura kind of evidence, for text without markup):

- shape: a short line with no sentence in it (a label, a button, a menu entry); a time stamp,
  a duration, a dateline or a byline; "Section | Section" breadcrumbs;
- repetition: a line the page already printed (a headline shown twice, a byline signed off);
- position: short labels before the first paragraph of prose, a byline a scrape split between
  the headline's end and the standfirst's (:mod:`summarize.ingest.displaced_byline`), and a
  trailing block, after the article, made mostly of such lines (a sidebar, a promotion, "more
  videos").

Removal is by whole lines, and the kept text is a list of segments of the original, so any
offset into what the model saw maps back to an offset into the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from summarize.contract.extraction import Span
from summarize.ingest.body import Body, assemble_body, merge_ranges
from summarize.ingest.displaced_byline import displaced_byline
from summarize.ingest.injection import injected_ranges

# Lines that are furniture by their shape wherever they stand: time stamps and durations,
# datelines and bylines, credits.
_LINE_FURNITURE = re.compile(
    r"^(\d+\s?[smhd] ago|\d+ (minutes?|hours?|days?) ago|\d{1,2}:\d{2}( ?[ap]\.?m\.?)?"
    r"|(photo|image|credit|source|file)s?:.*"
    r"|(posted|published|last updated|updated)\b.*\d{4}.*|updated"
    r"|by [A-Z][\w.'\u2019-]+( [A-Z][\w.'\u2019-]+){0,3}(,.*)?"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}.*)$",
    re.IGNORECASE,
)
# "Section | Section | Section" breadcrumbs, with ordinary or non-breaking spaces.
_NAV_SEPARATOR = re.compile(r"\s\|\s")
# A line of prose has more words than this; a label, a button or a teaser has at most this.
_SHORT_LINE_WORDS = 8
_SHORT_LABEL_WORDS = 3
# Only look for a trailing block once this much article text stands before it.
_MIN_TEXT_BEFORE_TAIL = 400
_SENTENCE_ENDS = (".", "?", "!", "\u201d", '"', "\u2019", "'", ")")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end including its newline."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line)))
        pos += len(line)
    return out


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def _is_label(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _SHORT_LABEL_WORDS:
        return False
    return not line.rstrip().endswith((*_SENTENCE_ENDS, ":"))


def _is_prose(stripped: str) -> bool:
    """A paragraph of the story: longer than a label and ending as a sentence ends.

    A headline is as long but ends without a full stop, so labels under it are still
    furniture.
    """
    return len(stripped.split()) > _SHORT_LINE_WORDS and stripped.endswith(_SENTENCE_ENDS)


def _furniture_shape(stripped: str) -> bool:
    return bool(_NAV_SEPARATOR.search(stripped) or _LINE_FURNITURE.match(stripped))


def _is_furniture(line: str, seen: set[str], kept_prose: bool) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _key(stripped) in seen or _furniture_shape(stripped):
        return True
    # A short label before the first line of prose is a section name ("Key Points" under the
    # headline); after prose, a subhead worth keeping.
    return _is_label(stripped) and not kept_prose


def _evidence(stripped: str, seen: set[str]) -> float:
    """How much a line says "furniture" (> 0) or "article" (< 0).

    A time stamp, a duration, a byline or a breadcrumb is strong evidence, a line the page
    already printed is good evidence, a short line is weak evidence; prose counts against,
    by its length, so one paragraph outweighs a few short lines.
    """
    words = len(stripped.split())
    if _furniture_shape(stripped):
        return 3.0
    if _key(stripped) in seen:
        return 2.0
    if words <= _SHORT_LINE_WORDS:
        return 1.0
    return -words / 10


def _tail_start(article: str, lines: list[tuple[int, int]]) -> int | None:
    """Index of the first line of a trailing block that is furniture, if there is one.

    Scanned from the end: the block opens with a furniture-like line, holds at least two,
    and opens where its evidence, summed from the end, peaks (further back, prose outweighs).
    """
    seen: set[str] = set()
    evidence: list[float | None] = []
    for start, end in lines:
        stripped = article[start:end].strip()
        if not stripped:
            evidence.append(None)
            continue
        evidence.append(_evidence(stripped, seen))
        seen.add(_key(stripped))
    best: int | None = None
    best_score = score = 0.0
    furniture = 0
    for i in range(len(lines) - 1, -1, -1):
        weight = evidence[i]
        if weight is None:
            continue
        score += weight
        furniture += weight > 0
        # The block's edge is where its evidence peaks: going further back adds prose.
        if weight > 0 and furniture >= 2 and score >= max(best_score, 2.0):
            best, best_score = i, score
    if best is None:
        return None
    before = sum(len(article[a:b].strip()) for a, b in lines[:best])
    return best if before >= _MIN_TEXT_BEFORE_TAIL else None


def strip_furniture(article: str) -> Body:
    """Drop furniture lines and a trailing sidebar; keep everything else byte for byte."""
    kept: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    seen: set[str] = set()
    kept_prose = False
    lines = _lines(article)
    tail = _tail_start(article, lines)
    if tail is not None:
        removed.append((lines[tail][0], lines[-1][1]))
        lines = lines[:tail]
    for start, end in lines:
        line = article[start:end]
        stripped = line.strip()
        if _is_furniture(line, seen, kept_prose=kept_prose):
            removed.append((start, end))
        else:
            kept.append((start, end))
            kept_prose = kept_prose or _is_prose(stripped)
        if stripped:
            key = _key(stripped)
            seen.add(key)
            if key.startswith("by "):
                seen.add(key[3:])  # the sign-off that repeats the byline at the end
    kept, credits = _without(article, kept, embed_credits)
    kept, wire = _without(article, kept, wire_credits)
    kept, authors = _without(article, kept, author_credits)
    kept, links = _without(article, kept, linked_headlines)
    kept, shares = _without(article, kept, share_bars)
    kept, teasers = _without(article, kept, dated_teasers)
    kept, injected = _without(article, kept, injected_ranges)
    kept, reader = _at_end(article, kept, reader_addressed)
    moved = _moved_byline(article)
    kept = _subtract(kept, moved)
    cut = credits + wire + authors + links + shares + teasers + injected + reader + moved
    body = assemble_body(article, kept, removed + cut)
    spans = tuple(Span(start=s, end=e, text=article[s:e]) for s, e in injected)
    return replace(body, injected=spans)


def _moved_byline(article: str) -> list[tuple[int, int]]:
    """The names a scrape glued to the headline's end and the "By" it left dangling at the
    standfirst's (:mod:`summarize.ingest.displaced_byline`)."""
    found = displaced_byline(article)
    return [] if found is None else [found.in_headline, found.dangling]


# The credit line of a post embedded in the story ("pic.twitter.com/ULqOMRrvt1 — Caitriona
# Perry (@CaitrionaPerry) March 16, 2017"): the post's author, handle and day, which a
# scraped page runs into the prose around it. The post's own words stay (they are quoted).
_EMBED_CREDIT = re.compile(
    r"(?:pic\.twitter\.com/\w+\s*)?(?:[\"\u201c\u201d]?\?|\u2014|--)?\s*"
    r"[A-Z][^()\n\u2014]{0,60}?\s\(@\w{1,30}\)\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},\s+\d{4}\s*"
    r"|\s?pic\.twitter\.com/\w+"
)


def embed_credits(text: str) -> list[tuple[int, int]]:
    """(start, end) of each embedded post's credit in ``text``, with the space after it, and
    of each link to its picture."""
    return [match.span() for match in _EMBED_CREDIT.finditer(text)]


# A wire service's credit to the writers who contributed, which a scraped page runs into the
# last sentence ('... her policy interest. "?Associated Press writer Rob Gillies in Ottawa,
# Ontario, contributed to this report.'): their names and cities are no part of the story.
_WIRE_CREDIT = re.compile(
    r"(?:[\"\u201c\u201d]?\?|\u2014|--)?\s*(?:The\s+)?(?:Associated\s+Press|AP|Reuters|AFP)\s+"
    r"(?:writers?|journalists?|reporters?|correspondents?)\s+[A-Z][^\n]{0,200}?"
    r"\bcontributed\b[^.\n]{0,40}\.\s*"
)


def wire_credits(text: str) -> list[tuple[int, int]]:
    """(start, end) of each wire service's contribution credit in ``text``, and of each
    writer's sign-off with where to find them ('... keep talking. "?Reach Josh Lederman on
    Twitter at http://twitter.com/joshledermanAP')."""
    return [match.span() for match in (*_WIRE_CREDIT.finditer(text), *_SIGN_OFF.finditer(text))]


# The credit that closes a box run into the prose, a picture gallery's or a fact file's
# ("... is on the rise. Author: Rachel Stewart Points of clarification ..."): given and family
# name, one credit or several.
_NAME = r"[A-Z][\w'\u2019.-]*\s+[A-Z][\w'\u2019-]+"
_AUTHOR_CREDIT = re.compile(rf"\bAuthors?:\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s*")


def author_credits(text: str) -> list[tuple[int, int]]:
    """(start, end) of each "Author: Name" credit in ``text``, with the space after it."""
    return [match.span() for match in _AUTHOR_CREDIT.finditer(text)]


_SIGN_OFF = re.compile(
    r"(?:[\"\u201c\u201d]?\?|\u2014|--)?\s*(?:Follow|Reach|Contact)\s+"
    r"(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:on|at|via)\s+(?:Twitter|Facebook|Instagram)\s+at\s+\S+\s*$"
)


# A row of sharing buttons, which a scrape runs into the prose ("Send Facebook Twitter Google+
# Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink http://dw.com/p/2WI3Y").
_SHARE_BAR = re.compile(
    r"(?:\bSend\s+)?(?:\b(?:Facebook|Twitter|Google\+|WhatsApp|Tumblr|LinkedIn|stumble"
    r"|StumbleUpon|Digg|reddit|Newsvine|Pinterest|Xing|VK|Email|Print)(?:\s+|$)){4,}"
    r"(?:Permalink\s+\S+\s*)?",
    re.IGNORECASE,
)


def share_bars(text: str) -> list[tuple[int, int]]:
    """(start, end) of each row of sharing buttons in ``text``."""
    return [match.span() for match in _SHARE_BAR.finditer(text)]


# A teaser for another story, dated in parentheses after its last sentence ("... the case of
# the Tunisian terrorist Anis Amri. (11.02.2017)"): a few short sentences a scrape runs into
# the prose, after the story's sentence or the teaser before it. Not a date inside a
# sentence ("begins on Friday (17.02.2017).").
_TEASER_DATE = re.compile(r"(?<=[.!?\"\u201d])\s*\(\d{2}\.\d{2}\.\d{4}\) *")
_TEASER_SENTENCES = 3
_TEASER_CHARS = 320


def _text_start(piece: re.Match[str]) -> int:
    """Where a sentence's text starts, past the spaces before it."""
    return piece.start() + len(piece.group()) - len(piece.group().lstrip())


def dated_teasers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dated teaser in ``text``: the sentences before its date, at most
    three and 320 characters, back to the teaser before it."""
    out: list[tuple[int, int]] = []
    after = 0
    for date in _TEASER_DATE.finditer(text):
        pieces = [m for m in _PIECE.finditer(text, after, date.start()) if m.group().strip()]
        start = date.start()
        for piece in reversed(pieces[-_TEASER_SENTENCES:]):
            if date.start() - piece.start() > _TEASER_CHARS:
                break
            start = _text_start(piece)
        out.append((start, date.end()))  # with the spaces after it: the story runs on there
        after = date.end()
    return out


# A page's closing calls to the reader, which a scrape runs into the last paragraph ("Get
# news from the BBC in your inbox ... Do you have a question about Article 50? Or a question
# about Brexit? Let us know by using this form: If you are reading this page on the app,
# you will need to ..."): sentences in the second person, or questions, outside quotations.
_READER_WORDS = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
# A sentence ends at a mark before a space or the end, not inside "pic.twitter.com/...".
_PIECE = re.compile(r".+?(?:[.?!]+(?=\s|$)|$)", re.DOTALL)
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")
_READER_SENTENCES = 2
# A link's label between them: "Here's how.", "Learn more".
_LABEL_WORDS = 3


def reader_addressed(text: str) -> list[tuple[int, int]]:
    """(start, end) of the run of sentences that ends ``text`` and speaks to its reader:
    two in the second person at least, questions and links' labels ("Here's how. ...
    Learn more") allowed between them."""
    start: int | None = None
    addressed = 0
    for piece in reversed([m for m in _PIECE.finditer(text) if m.group().strip()]):
        sentence = piece.group()
        if _QUOTE_MARKS.search(sentence):
            break
        if _READER_WORDS.search(sentence):
            addressed += 1
        elif not sentence.rstrip().endswith("?") and len(sentence.split()) > _LABEL_WORDS:
            break
        start = _text_start(piece)
    end = len(text.rstrip())
    return [(start, end)] if start is not None and addressed >= _READER_SENTENCES else []


def _at_end(
    article: str,
    lines: list[tuple[int, int]],
    finder: Callable[[str], list[tuple[int, int]]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """:func:`_without` on the last line that holds text only: what ends a page."""
    last = max((k for k, (s, e) in enumerate(lines) if article[s:e].strip()), default=None)
    if last is None:
        return lines, []
    kept, cut = _without(article, lines[last : last + 1], finder)
    return lines[:last] + kept + lines[last + 1 :], cut


# A link to another story, labelled in capitals, which a scraped page runs into the prose
# ("RELATED: Theresa May in trouble over Trump's UK state visit invite At Mar-a-Lago, ...").
_LINK_LABEL = re.compile(
    r"\b(?:RELATED|READ MORE|READ ALSO|SEE ALSO|OPINION|ANALYSIS|EXPLAINER|INSIDE STORY"
    r"|INTERACTIVE|WATCH|IN PICTURES)\s*:\s+"
)
# Function words that, capitalized right after a lower-case word, open a new sentence: where
# the linked headline stops and the prose goes on ("... invite At Mar-a-Lago, Trump ...").
_OPENERS = frozenset(
    re.findall(
        r"\w+",
        "a an the this that these those his her its their our at in on for with from by after "
        "before as when while if but and so he she it they we i there",
    )
)


# A link with no label, in the shape of a headline that quotes someone ("Erdogan: Syrian Kurd
# forces used to take Raqqa 'naive'- Though the US ..."): at a sentence's start, a name of up
# to four capitalized words and a colon, then at most twenty words, the last with the link's
# dash glued to it and the prose going on in capitals. The colon and the glued dash together
# mark it: prose has either alone ("He travelled to- China", "Ross said: We ...").
_QUOTED_HEADLINE = re.compile(
    r"(?:^|(?<=[.?!\"'\u201d]\s))"
    r"[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,3}:\s"
    r"(?:[^\s.?!]+\s){0,19}[^\s.?!]*[^\s.?!,;:-]-(?:\s+|$)(?=[A-Z\"\u201c]|$)"
)


def linked_headlines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each link to another story in ``text``: a headline quoting someone
    with its glued dash, and each labelled link: the label and the linked headline, up
    to a function word capitalized after a lower-case word (the prose going on) or through a
    word that ends a headline (a question's "?", the link's dash left glued to its last word:
    "A critical juncture-  Turkey considers"), or the whole line where the link is all of it;
    a colon opens a headline's second part ("Turkey visit: A critical juncture"). A headline
    run into prose with no such word to end it is left as it is: cutting to the line's end
    would cut the story."""
    out = [match.span() for match in _QUOTED_HEADLINE.finditer(text)]
    for label in _LINK_LABEL.finditer(text):
        line_end = text.find("\n", label.end())
        rest = text[label.end() : len(text) if line_end == -1 else line_end]
        words = list(re.finditer(r"\S+", rest))[: _HEADLINE_WORDS + 1]
        cut = _headline_end(words)
        if cut is not None:
            out.append((label.start(), label.end() + cut))
        elif len(words) <= _HEADLINE_WORDS:
            out.append((label.start(), label.end() + len(rest)))
    return merge_ranges(out)  # a labelled link is also headline-shaped


def _headline_end(words: list[re.Match[str]]) -> int | None:
    """Where a linked headline stops in the words after its label: before a function word
    capitalized after a lower-case word outside a quotation, or a name the scrape glued to
    its verb of saying ("... for Palestinian state Safadi-told his counterparts"), or after a
    word that ends a headline."""
    after_lower = quoted = False
    for word in words:
        token = word.group(0)
        if after_lower and not quoted and token[0].isupper() and token.casefold() in _OPENERS:
            return word.start()
        if after_lower and _GLUED_SAYING.fullmatch(token):
            return word.start()
        if len(token) > 1 and token.endswith(_HEADLINE_ENDS) and word is not words[-1]:
            return word.end()
        after_lower = token[0].islower() and not token.endswith(":")
        # a quotation in the headline ("'Hope is all I have', Syrian journalist says") holds
        # its own capitals: its "I" is no new sentence
        closes = token.rstrip(",.;:?!-").endswith(_CLOSING_MARKS)
        quoted = (quoted or token.startswith(_OPENING_MARKS)) and not closes
    return None


_OPENING_MARKS = ("'", '"', "\u2018", "\u201c")
_CLOSING_MARKS = ("'", '"', "\u2019", "\u201d")


_GLUED_SAYING = re.compile(r"[A-Z][\w'\u2019]*-(?:told|said|says|added|warned|tells)")
# How a linked headline's last word ends where the scrape ran it into the prose.
_HEADLINE_ENDS = ("?", "-")
# The most words a linked headline runs to.
_HEADLINE_WORDS = 20


def _without(
    article: str,
    lines: list[tuple[int, int]],
    finder: Callable[[str], list[tuple[int, int]]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Kept lines minus the ranges ``finder`` marks in each (the sentences aimed at the
    model, an embedded post's credit), and those ranges.

    A line that is nothing but such ranges goes whole, with the blank line after it when
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
        found = _shifted(finder(text), start)
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
