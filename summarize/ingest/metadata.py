"""Read what an article states about itself: headline, outlet, byline, date and dateline.

Each field is filled only when the page states it and left None otherwise, because a
briefing that cites an invented outlet or date is worse than one that admits it does not know.
Only the page header (the lines before the story starts), the byline or sign-off line and the
dateline are read; a date or name in the story prose says nothing about the article itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from summarize.ingest.date_phrases import parse_date
from summarize.ingest.displaced_byline import displaced_byline
from summarize.knowledge.person_names import is_name_particle

__all__ = ["ArticleMetadata", "read_metadata"]


@dataclass(frozen=True)
class ArticleMetadata:
    """What the article states about itself; None wherever it states nothing."""

    title: str | None
    outlet: str | None
    byline: str | None
    published: date | None
    dateline: str | None


_HEADER_LINES = 15  # The title, byline and stamps sit within the first few non-empty lines.
_MAX_HEADLINE_WORDS = 25  # Longer than this is a story paragraph, which ends the header.
_MIN_HEADLINE_WORDS = 4  # Shorter than this is a section label ("The Koreas").

_AGENCIES = {
    "AP": "The Associated Press",
    "REUTERS": "Reuters",
    "AFP": "Agence France-Presse",
    "YONHAP": "Yonhap News Agency",
    "UPI": "United Press International",
}
# A sign-off ("Hye-jin Lee, Reuters") is trusted only for known outlets:
# "SEOUL, South Korea" has the same shape.
_SIGN_OFF_OUTLETS = frozenset(_AGENCIES.values()) | {
    "Associated Press",
    "AP",
    "Reuters",
    "AFP",
    "Yonhap",
    "UPI",
}
_OUTLET_WORDS = frozenset(
    {
        "Press", "News", "Agency", "Times", "Post", "Journal", "Network", "Media", "Service",
        "Herald", "Tribune", "Daily", "Radio", "TV", "Television", "Broadcasting", "Magazine",
        "Wire", "Gazette", "Review", "Reuters", "AFP", "AP", "UPI", "Yonhap", "Bloomberg",
        "Associated", "Xinhua", "Kyodo", "TASS", "Jazeera", "CNN", "BBC", "NPR",
    }
)  # fmt: skip
_ORG_LOWER_WORDS = frozenset({"of", "the", "for", "and", "de", "on", "&"})

_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<body>.+)$")
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*")
_STAMP_LABEL = re.compile(
    r"^(?P<label>posted|published|last\s+updated|updated|last\s+modified|modified)\b"
    r"(?:\s+on)?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_TIME_TAIL = re.compile(
    r"(?:\s*[,|@]\s*|\s+)(?:at\s+)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
    r"(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?\s*\.?$",
    re.IGNORECASE,
)
_WEEKDAY_PREFIX = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", re.IGNORECASE)
_CAPTION = re.compile(
    r"\[(?:image|photo|photograph|picture|credit)\b[^\]]*\]|\((?:\w+\s+)?photo\b|^(?:credit|photo):",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•\-*\u2013\u2014·]\s")
_ABBREVIATION_END = re.compile(r"(?:[A-Z]\.){2,}$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019\-]+(?:\s+[A-Z][A-Z.'\u2019\-]*)*"
    r"(?:,\s+[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*)*)?)"
    r"\s*(?:\((?P<agency>[^()]{1,30})\))?"
    r"(?:\s*(?:\u2014|\u2013|--)\s*|\s+-\s+)(?P<story>.+)$"
)
_MIN_STORY_WORDS = 5  # A dateline opens a paragraph, not a one-word label.


def read_metadata(text: str, page: ArticleMetadata | None = None) -> ArticleMetadata:
    """Read the header, byline and dateline; never infer a field the article does not state.

    ``page`` is what an HTML page's markup states (:mod:`page_metadata`); where it states a
    field, it is preferred to the text's, whose header the body extraction has cut away.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header = _header(lines)
    dateline, agency = _dateline(lines)
    byline, affiliation = _byline(header, lines)
    title = _title(header, lines)
    moved = displaced_byline(text)
    if moved is not None:
        # the names a scrape glued to the headline are its byline, not its words
        glued = text[moved.in_headline[0] : moved.in_headline[1]].strip()
        if title is not None and title.endswith(glued):
            title = title.removesuffix(glued).rstrip()
        byline = byline or ", ".join(moved.names)
    outlet = _outlet_name(affiliation) if affiliation else agency
    read = ArticleMetadata(
        title=title,
        outlet=outlet,
        byline=byline,
        published=_published(header),
        dateline=dateline,
    )
    if page is None:
        return read
    return ArticleMetadata(
        title=page.title or read.title,
        outlet=page.outlet or read.outlet,
        byline=page.byline or read.byline,
        published=page.published or read.published,
        dateline=page.dateline or read.dateline,
    )


def _header(lines: list[str]) -> list[str]:
    """The opening lines up to the first story paragraph; captions are skipped, not stops."""
    header: list[str] = []
    for line in lines[:_HEADER_LINES]:
        if _CAPTION.search(line):
            continue
        if len(line.split()) > _MAX_HEADLINE_WORDS or _dateline_match(line):
            break
        header.append(line)
    return header


def _title(header: list[str], lines: list[str]) -> str | None:
    """The first headline-like line; one repeated verbatim on the page is preferred."""
    candidates = [line for line in header if _is_headline(line)]
    repeated = [line for line in candidates if lines.count(line) > 1]
    chosen = repeated or candidates
    return chosen[0] if chosen else None


def _is_headline(line: str) -> bool:
    words = line.split()
    if not _MIN_HEADLINE_WORDS <= len(words) <= _MAX_HEADLINE_WORDS:
        return False
    if " | " in line or line.endswith(":") or _BULLET.match(line) or _CAPTION.search(line):
        return False  # navigation, a label, a list item, a photo caption
    if line.endswith(".") and not _ABBREVIATION_END.search(line):
        return False  # a sentence (dek, furniture), not a headline
    is_byline_or_stamp = _BYLINE.match(line) or _STAMP_LABEL.match(line)
    return not is_byline_or_stamp and _stamp_date(line) is None


def _published(header: list[str]) -> date | None:
    """Posted/Published beats a bare stamp line, which beats an Updated stamp."""
    posted: date | None = None
    stamp: date | None = None
    updated: date | None = None
    for line in header:
        labelled = _STAMP_LABEL.match(line)
        if labelled is None:
            stamp = stamp or _stamp_date(line)
        elif labelled["label"].lower() in {"posted", "published"}:
            posted = posted or _stamp_date(labelled["rest"])
        else:
            updated = updated or _stamp_date(labelled["rest"])
    return posted or stamp or updated


def _stamp_date(text: str) -> date | None:
    """The date of a line that is only a date, with an optional weekday and time of day."""
    bare = _WEEKDAY_PREFIX.sub("", _TIME_TAIL.sub("", text.strip()))
    return parse_date(bare.rstrip(". "))


def _byline(header: list[str], lines: list[str]) -> tuple[str | None, str | None]:
    """(names, affiliation) from a "By" line in the header, else from a known-outlet sign-off."""
    for line in header:
        match = _BYLINE.match(line)
        if match:
            parsed = _parse_byline(match["body"])
            if parsed is not None:
                return parsed
    for line in lines:
        names, sep, outlet = line.partition(", ")
        if sep and outlet.rstrip(".") in _SIGN_OFF_OUTLETS and _are_names(names):
            return names, outlet.rstrip(".")
    return None, None


def _parse_byline(body: str) -> tuple[str, str | None] | None:
    """Split "A and B, The Outlet" into names and affiliation; None if no names lead it."""
    body, _, piped = body.strip().rstrip(".").partition(" | ")
    parts = [part.strip() for part in body.split(",")]
    count = _leading_names(parts)
    if count == 0:
        return None
    affiliation = parts[count] if count < len(parts) else piped.strip()
    return ", ".join(parts[:count]), affiliation if _is_outlet(affiliation) else None


def _leading_names(parts: list[str]) -> int:
    """How many comma parts are names: the first, or a list closed by "and" ("A, B and C")."""
    if not _are_names(parts[0]):
        return 0
    for count, part in enumerate(parts[1:], start=2):
        if _looks_like_outlet(part) or not _are_names(part.removeprefix("and ")):
            break
        if part.startswith("and ") or re.search(r"\sand\s", part):
            return count
    return 1  # "Jane Doe, Staff Writer": a job title is neither a name nor an outlet


def _are_names(text: str) -> bool:
    """One or more personal names joined by "and": 2-5 capitalised words each."""
    return all(_is_name(name) for name in re.split(r"\s+and\s+", text.strip()))


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or not words[0][0].isupper():
        return False
    return all(
        _NAME_WORD.fullmatch(word) and (word[0].isupper() or is_name_particle(word))
        for word in words
    )


def _looks_like_outlet(text: str) -> bool:
    return text.startswith("The ") or any(word in _OUTLET_WORDS for word in text.split())


def _is_outlet(text: str) -> bool:
    """A short capitalised name that reads as a news organisation, not a job title."""
    words = text.split()
    if not 1 <= len(words) <= 6 or not words[0][0].isupper():
        return False
    if not all(word[0].isupper() or word.lower() in _ORG_LOWER_WORDS for word in words):
        return False
    return _looks_like_outlet(text) or text.upper() in _AGENCIES


def _dateline(lines: list[str]) -> tuple[str | None, str | None]:
    """(place, outlet named by its agency marker) from the first paragraph opened by a dateline."""
    for line in lines:
        match = _dateline_match(line)
        if match:
            agency = match["agency"]
            return match["place"], _outlet_name(agency) if agency else None
    return None, None


def _dateline_match(line: str) -> re.Match[str] | None:
    match = _DATELINE.match(line)
    if match is None or len(match["story"].split()) < _MIN_STORY_WORDS:
        return None
    return match


def _outlet_name(marker: str) -> str:
    """Expand a wire marker ("AP") to the outlet's name; unknown markers stay as written."""
    stripped = marker.strip()
    return _AGENCIES.get(stripped.upper(), stripped)
