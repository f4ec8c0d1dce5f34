"""Partial dates as the contract writes them: ``2024-07-23``, ``2025-05``, ``2024``, ``--10-28``.

News gives dates at every precision and often without a year. One value type parses the ISO
8601 forms the extractions carry (the truncated ``--MM-DD`` and ``--MM`` when the year was never
stated), and formats, orders and compares them, so no stage re-parses them by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_ISO = re.compile(r"^(?:(?P<year>[0-9]{4})|-)(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?$")
# AP style: the memo reads like the wire copy it summarizes.
_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
_FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to the year, the month or the day; the year itself may be unknown."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> PartialDate | None:
        """The date an ISO 8601 string (full, truncated or year-less) names; None if none."""
        if not value:
            return None
        match = _ISO.match(value.strip())
        if match is None or not (match["year"] or match["month"]):
            return None
        year = int(match["year"]) if match["year"] else None
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None:
            try:
                date(year or 2000, month or 1, day)  # 2000 is a leap year: Feb. 29 is fine
            except ValueError:
                return None
        return cls(year, month, day)

    @property
    def year_known(self) -> bool:
        return self.year is not None

    def iso(self) -> str:
        """The ISO 8601 form this value was parsed from."""
        head = f"{self.year:04d}" if self.year is not None else "-"
        if self.month is None:
            return head
        tail = f"-{self.month:02d}" + (f"-{self.day:02d}" if self.day is not None else "")
        return head + tail

    def interval(self) -> tuple[date, date] | None:
        """The first and last day this date covers; None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.day is None:
            first = date(self.year, self.month, 1)
            following = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        day = date(self.year, self.month, self.day)
        return day, day

    def in_year(self, year: int) -> PartialDate:
        """This date placed in ``year`` (for comparing a year-less date with a dated one)."""
        return PartialDate(year, self.month, self.day)

    def sort_key(self) -> tuple[int, int, int, int]:
        """Dated values first in time order, then year-less ones by month and day."""
        return (0 if self.year is not None else 1, self.year or 0, self.month or 0, self.day or 0)

    def compatible_with(self, other: PartialDate) -> bool:
        """Whether ``self`` states ``other`` at its precision or a coarser one, never finer.

        The year must agree exactly (a year the source never stated is not "any year"), and
        so must the month; the day may be left out but must agree when given.
        """
        if self.year != other.year or self.month != other.month:
            return False
        return self.day is None or self.day == other.day

    def text(self) -> str:
        """``July 23, 2024``, ``May 2025``, ``2024``, ``Oct. 28`` (AP style)."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return _FULL_MONTHS[self.month - 1] + (f" {self.year}" if self.year else "")
        return f"{_MONTHS[self.month - 1]} {self.day}" + (f", {self.year}" if self.year else "")


def format_date(value: str | None) -> str:
    """``2024-07-23`` → ``July 23, 2024``; ``--10-28`` → ``Oct. 28``; other text as is."""
    if not value:
        return "date not stated"
    parsed = PartialDate.parse(value)
    return value if parsed is None else parsed.text()


def format_date_range(start: str | None, end: str | None) -> str:
    """One compact range, ``Oct. 28-30, 2024`` or ``Oct. 30 - Nov. 2`` (with en dashes)."""
    if not start and not end:
        return "date not stated"
    if not start or not end or start == end:
        single = format_date(start or end)
        return single if start else f"until {single}"
    first, last = PartialDate.parse(start), PartialDate.parse(end)
    if first and last and first.year == last.year and first.day and last.day:
        year = f", {first.year}" if first.year else ""
        bare = [PartialDate(None, d.month, d.day).text() for d in (first, last)]
        if first.month == last.month:
            return f"{bare[0]}\u2013{last.day}{year}"
        return f"{bare[0]} \u2013 {bare[1]}{year}"
    return f"{format_date(start)} \u2013 {format_date(end)}"


def date_sort_key(value: str | None) -> tuple[int, int, int, int]:
    """Dated items first in time order, then year-not-stated ones by month, then undated."""
    parsed = PartialDate.parse(value)
    return (2, 0, 0, 0) if parsed is None else parsed.sort_key()
