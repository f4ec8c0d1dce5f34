"""Resolve a date phrase from an article to ISO 8601 without guessing.

News copy writes "Oct. 28 to 30" or "on Tuesday" and leaves the year to the page header. A year
is filled only from the phrase itself or from the article's own publication date; otherwise the
ISO 8601 truncated forms (``--10-28``, ``--06``) show that the year was never stated.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["ResolvedDates", "counted_back", "parse_date", "resolve_dates"]


@dataclass(frozen=True)
class ResolvedDates:
    """ISO 8601 start/end; ``year_stated`` is false when the year is absent (``--MM-DD``)."""

    start: str | None
    end: str | None
    year_stated: bool


_UNRESOLVED = ResolvedDates(start=None, end=None, year_stated=False)

# A handler turns one regex match (plus the publication date, the whole phrase and whether
# the event is still to come) into dates, or None when the match does not hold up (an
# impossible date) and the search goes on.
_Handler = Callable[[re.Match[str], date | None, str, bool], ResolvedDates | None]

_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)

_MONTH_ALT = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_TO = r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*"
_QUALIFIER = r"(?i:last|next|this|in|during|early|late|mid|from|since|until|by|throughout)"


def _mon(group: str) -> str:
    return rf"\b(?P<{group}>{_MONTH_ALT})\.?"


# Digits are [0-9], not \d, which would also read other scripts' digits as a stated year.
def _day(group: str) -> str:
    return rf"\b(?P<{group}>[0-9]{{1,2}})(?:st|nd|rd|th)?\b"


def _year(group: str) -> str:
    return rf"\b(?P<{group}>[0-9]{{4}})\b"


def _bare_year(group: str) -> str:
    # A year alone, with no month or day to mark it one, is one of a news report's two
    # centuries: "Resolution 2254" and "flight 1549" are numbers.
    return rf"\b(?P<{group}>(?:19|20)[0-9]{{2}})\b"


def _opt_year(group: str) -> str:
    return rf"(?:,?\s+{_year(group)})?"


def _iso(suffix: str) -> str:
    return rf"\b(?P<y{suffix}>[0-9]{{4}})-(?P<m{suffix}>[0-9]{{2}})-(?P<d{suffix}>[0-9]{{2}})\b"


def _ci(pattern: str) -> re.Pattern[str]:
    # ASCII: Unicode case folding lets the long s (U+017F) match "s", and _month cannot look it up.
    return re.compile(pattern, re.IGNORECASE | re.ASCII)


_MDY = rf"{_mon('m1')}\s+{_day('d1')},?\s+{_year('y1')}"
_DMY = rf"{_day('d1')}\s+(?:of\s+)?{_mon('m1')},?\s+{_year('y1')}"

# Day first with dots, as European pages print it ("17.03.2017"); slashes ("3/17/2017") are
# read either way round by different countries and are left alone.
_DMY_DOTTED = r"\b(?P<d1>[0-9]{1,2})\.(?P<m1>[0-9]{1,2})\.(?P<y1>[0-9]{4})\b"

# Most specific first: a range must win over the single date it starts with.
_DAY_PATTERNS = (
    _ci(rf"{_iso('1')}{_TO}{_iso('2')}"),
    _ci(_iso("1")),
    _ci(_DMY_DOTTED),
    _ci(
        rf"{_mon('m1')}\s+{_day('d1')}{_opt_year('y1')}{_TO}{_mon('m2')}\s+{_day('d2')}"
        rf"{_opt_year('y2')}"
    ),
    _ci(
        rf"{_day('d1')}\s+{_mon('m1')}{_opt_year('y1')}{_TO}{_day('d2')}\s+{_mon('m2')}"
        rf"{_opt_year('y2')}"
    ),
    _ci(rf"{_mon('m1')}\s+{_day('d1')}{_TO}{_day('d2')}{_opt_year('y2')}"),
    _ci(rf"{_day('d1')}{_TO}{_day('d2')}\s+(?:of\s+)?{_mon('m1')}{_opt_year('y2')}"),
    _ci(rf"{_mon('m1')}\s+{_day('d1')}{_opt_year('y1')}"),
    _ci(rf"{_day('d1')}\s+(?:of\s+)?{_mon('m1')}{_opt_year('y1')}"),
)
_MONTH_PATTERNS = (
    _ci(rf"{_mon('m1')}(?:,?\s+{_year('y1')})?{_TO}{_mon('m2')},?\s+{_year('y2')}"),
    _ci(rf"{_mon('m1')},?\s+{_year('y1')}"),
    # Bare month names are matched case-sensitively: "may" is a verb, "May" a month.
    re.compile(
        rf"(?:\b(?P<q>{_QUALIFIER})[\s-]+)?\b(?P<m1>{_FULL_MONTHS}){_TO}"
        rf"\b(?P<m2>{_FULL_MONTHS})\b"
    ),
    re.compile(rf"(?:\b(?P<q>{_QUALIFIER})[\s-]+)?\b(?P<m1>{_FULL_MONTHS})\b"),
)
_YEAR_PATTERNS = (
    _ci(rf"{_bare_year('y1')}{_TO}{_bare_year('y2')}"),
    _ci(_bare_year("y1")),
)
_WEEKDAY = re.compile(
    rf"(?:\b(?P<q>(?i:last|next|this|coming))\s+)?\b(?P<wd>{'|'.join(_WEEKDAYS)})\b"
)
_BETWEEN = re.compile(r"\bbetween\s+(.+?)\s+and\s+", re.IGNORECASE)
# "last month", "late last month", "earlier this month": a month counted from the page's;
# "last year", "next year" likewise, "this summer" and "midyear" at a year's precision (a
# season spans months, and "winter" two years), and "last week" at a month's precision.
_RELATIVE_MONTH = (
    _ci(
        r"\b(?P<rel>last|this|next)\s+(?P<unit>week|month|year|spring|summer|autumn|fall|winter)\b"
    ),
    _ci(r"\b(?P<unit>mid-?year)\b"),
)
# "today", "yesterday", "tomorrow", "this afternoon": a day counted from the page's.
_RELATIVE_DAY = (
    _ci(r"\b(?P<day>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b"),
)
# Keyed by the phrase's first word: "this afternoon" is "this".
_DAY_STEPS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0}
# "ten months ago", "3 days ago", "a year ago": counted back from the page's day, at the
# precision of the unit counted.
_COUNTS = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve")  # fmt: skip
_ELAPSED = (
    _ci(rf"\b(?P<n>[0-9]{{1,2}}|an?|{'|'.join(_COUNTS[1:])})\s+(?P<unit>day|month|year)s?\s+ago\b"),
)

# Year first with slashes, as page stamps print it: "2017/2/23", "2017/02/23".
_YMD_SLASHED = r"\b(?P<y1>[0-9]{4})/(?P<m1>[0-9]{1,2})/(?P<d1>[0-9]{1,2})\b"
_FULL_DATE_PATTERNS = (_ci(_iso("1")), _ci(_YMD_SLASHED), _ci(_DMY_DOTTED), _ci(_MDY), _ci(_DMY))


def parse_date(text: str) -> date | None:
    """Parse text that is exactly one complete calendar date ("Jul 23, 2024"), else None.

    Used to read page stamps, where anything besides the date means the line is not a stamp.
    """
    stripped = text.strip()
    for pattern in _FULL_DATE_PATTERNS:
        match = pattern.fullmatch(stripped)
        if match:
            return _date_or_none(int(match["y1"]), _month(match["m1"]), int(match["d1"]))
    return None


def resolve_dates(
    date_text: str | None, published: date | None, *, ahead: bool = False
) -> ResolvedDates:
    """Resolve a date phrase; a missing year comes only from ``published``, never a guess.

    ``ahead`` is for an event the article says is still to come: a bare weekday is then the
    next such day on or after publication ("will arrive on Friday"), not the last one.
    """
    if not date_text or not date_text.strip():
        return _UNRESOLVED
    text = _BETWEEN.sub(r"\1 to ", " ".join(date_text.split()))
    handlers: tuple[tuple[tuple[re.Pattern[str], ...], _Handler], ...] = (
        (_DAY_PATTERNS, _resolve_days),
        (_MONTH_PATTERNS, _resolve_months),
        (_RELATIVE_MONTH, _resolve_relative_month),
        (_RELATIVE_DAY, _resolve_relative_day),
        (_ELAPSED, _resolve_elapsed),
        (_YEAR_PATTERNS, _resolve_years),
    )
    for patterns, handler in handlers:
        for pattern in patterns:
            for match in pattern.finditer(text):
                resolved = handler(match, published, text, ahead)
                if resolved is not None:
                    return resolved
    return _resolve_weekday(text, published, ahead)


def _resolve_days(
    match: re.Match[str], published: date | None, _: str, ahead: bool
) -> ResolvedDates | None:
    groups = match.groupdict()
    month1, day1 = _month(groups["m1"]), int(groups["d1"])
    year1, year2 = _int_or_none(groups.get("y1")), _int_or_none(groups.get("y2"))
    if groups.get("d2") is None:
        if year1 is None and published is not None:
            year1 = _year_for(month1, published, None, ahead, day1)
        start = _iso_text(year1, month1, day1)
        return None if start is None else ResolvedDates(start, None, year1 is not None)
    day2 = int(groups["d2"])
    month2 = _month(groups["m2"]) if groups.get("m2") else month1
    if day2 < day1 and not groups.get("m2"):
        return None  # "Oct. 30-2" names no month for its end; don't invent one.
    forward = (month2, day2) >= (month1, day1)
    if year1 is None and year2 is None and published is not None:
        year1 = _year_for(month1, published, None, ahead, day1)
    if year1 is None and year2 is not None:
        year1 = year2 if forward else year2 - 1
    if year2 is None and year1 is not None:
        year2 = year1 if forward else year1 + 1
    return _range(year1, month1, day1, year2, month2, day2)


def _resolve_months(
    match: re.Match[str], published: date | None, text: str, ahead: bool
) -> ResolvedDates | None:
    groups = match.groupdict()
    qualifier = (groups.get("q") or "").lower() or None
    lone_may = (
        groups["m1"] == "May"
        and groups.get("m2") is None
        and groups.get("y1") is None
        and qualifier is None
    )
    if lone_may and text.strip() != match.group(0):
        return None  # "May" alone mid-phrase is too often the verb.
    month1 = _month(groups["m1"])
    year1, year2 = _int_or_none(groups.get("y1")), _int_or_none(groups.get("y2"))
    if groups.get("m2") is None:
        if year1 is None and published is not None:
            year1 = _year_for(month1, published, qualifier, ahead)
        return ResolvedDates(_iso_text(year1, month1, None), None, year1 is not None)
    month2 = _month(groups["m2"])
    if year1 is None and year2 is None and published is not None:
        year1 = _year_for(month1, published, qualifier, ahead)
    if year1 is None and year2 is not None:
        year1 = year2 if month2 >= month1 else year2 - 1
    if year2 is None and year1 is not None:
        year2 = year1 if month2 >= month1 else year1 + 1
    return _range(year1, month1, None, year2, month2, None)


def _resolve_relative_month(
    match: re.Match[str], published: date | None, _: str, _ahead: bool
) -> ResolvedDates | None:
    if published is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[(match.groupdict().get("rel") or "this").lower()]
    if match["unit"].lower() == "week":
        return _week_months(published + timedelta(weeks=step))
    if match["unit"].lower() != "month":  # a year, a season, the middle of a year
        year = published.year + step
        return ResolvedDates(f"{year:04d}", None, True) if 1 <= year <= 9999 else None
    months = published.year * 12 + published.month - 1 + step
    return ResolvedDates(f"{months // 12:04d}-{months % 12 + 1:02d}", None, True)


def _week_months(day: date) -> ResolvedDates:
    """The month of the week (Monday to Sunday) holding ``day``; the two months where it
    spans a month's end: "last week" knows no day."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    first, last = monday.strftime("%Y-%m"), sunday.strftime("%Y-%m")
    return ResolvedDates(first, None if last == first else last, True)


def _resolve_relative_day(
    match: re.Match[str], published: date | None, _: str, _ahead: bool
) -> ResolvedDates | None:
    if published is None:
        return None
    try:
        day = published + timedelta(days=_DAY_STEPS[match["day"].split()[0].lower()])
    except OverflowError:  # the day after 9999-12-31
        return None
    return ResolvedDates(day.isoformat(), None, True)


def counted_back(text: str, published: date | None) -> ResolvedDates | None:
    """The date an "ago" phrase in ``text`` counts back to from the page ("ten months ago"),
    or None where it has none."""
    for match in _ELAPSED[0].finditer(text):
        if (resolved := _resolve_elapsed(match, published, text, False)) is not None:
            return resolved
    return None


def _resolve_elapsed(
    match: re.Match[str], published: date | None, _: str, _ahead: bool
) -> ResolvedDates | None:
    if published is None:
        return None
    word = match["n"].lower()
    count = int(word) if word.isdigit() else _COUNTS.index("a" if word == "an" else word) or 1
    unit = match["unit"].lower()
    if unit == "day":
        try:
            return ResolvedDates((published - timedelta(days=count)).isoformat(), None, True)
        except OverflowError:
            return None
    if unit == "year":
        year = published.year - count
        return ResolvedDates(f"{year:04d}", None, True) if year >= 1 else None
    months = published.year * 12 + published.month - 1 - count
    return (
        ResolvedDates(f"{months // 12:04d}-{months % 12 + 1:02d}", None, True)
        if months >= 12
        else None
    )


def _resolve_years(
    match: re.Match[str], _published: date | None, _: str, _ahead: bool
) -> ResolvedDates | None:
    groups = match.groupdict()
    start, end = int(groups["y1"]), _int_or_none(groups.get("y2"))
    if start == 0 or end == 0 or (end is not None and end < start):
        return None
    return ResolvedDates(f"{start:04d}", None if end is None else f"{end:04d}", True)


def _resolve_weekday(text: str, published: date | None, ahead: bool) -> ResolvedDates:
    """AP style: a bare weekday is the most recent such day on or before publication, or
    for an event still to come the next one on or after it."""
    match = _WEEKDAY.search(text)
    if match is None or match["q"] is not None or published is None:
        return _UNRESOLVED  # "last/next Tuesday" is ambiguous about which week.
    wanted = _WEEKDAYS.index(match["wd"])
    if ahead:
        forward = (wanted - published.weekday()) % 7
        return ResolvedDates((published + timedelta(days=forward)).isoformat(), None, True)
    back = (published.weekday() - wanted) % 7
    return ResolvedDates((published - timedelta(days=back)).isoformat(), None, True)


def _range(
    year1: int | None,
    month1: int,
    day1: int | None,
    year2: int | None,
    month2: int,
    day2: int | None,
) -> ResolvedDates | None:
    start, end = _iso_text(year1, month1, day1), _iso_text(year2, month2, day2)
    if start is None or end is None:
        return None
    both_years = year1 is not None and year2 is not None
    if both_years and (year2, month2, day2 or 0) < (year1, month1, day1 or 0):
        return None  # stated end before stated start
    return ResolvedDates(start, end, both_years)


def _year_for(
    month: int, published: date, qualifier: str | None, ahead: bool = False, day: int = 0
) -> int:
    """The year a yearless month (and day) refers to, counted from the publication date:
    the latest such month on or before it; for an event still to come ("will visit in
    January", published in December), the next one, unless this year's fell within the
    month before publication (a plan the page reports a little late)."""
    if qualifier == "last":
        return published.year if month < published.month else published.year - 1
    if qualifier == "next":
        return published.year if month > published.month else published.year + 1
    if ahead:
        days_in_month = calendar.monthrange(published.year, month)[1]
        recent = date(published.year, month, min(day or days_in_month, days_in_month))
        return published.year if recent >= published - _LATE_PLAN else published.year + 1
    return published.year if month <= published.month else published.year - 1


_LATE_PLAN = timedelta(days=31)


def _iso_text(year: int | None, month: int, day: int | None) -> str | None:
    """ISO 8601 text, truncated (``--MM-DD``) without a year; None for impossible dates."""
    # 2000 is a leap year, so a yearless Feb. 29 stays valid.
    if _date_or_none(2000 if year is None else year, month, day or 1) is None:
        return None
    head = "-" if year is None else f"{year:04d}"
    return f"{head}-{month:02d}" if day is None else f"{head}-{month:02d}-{day:02d}"


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(token: str) -> int:
    """Month number for a name or abbreviation ("Sept.") or an ISO month ("07")."""
    if token.isdigit():
        return int(token)
    return _MONTH_NUMBERS[token[:3].lower()]


def _int_or_none(token: str | None) -> int | None:
    return None if token is None else int(token)
