"""resolve_dates never guesses a year: it comes from the phrase or the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.ingest.date_phrases import ResolvedDates, parse_date, resolve_dates

PUBLISHED = date(2024, 7, 23)  # a Tuesday, as in seed 004
UNRESOLVED = ResolvedDates(start=None, end=None, year_stated=False)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A full date in the text wins, whatever the publication date.
        ("July 23, 2024", None, ResolvedDates("2024-07-23", None, True)),
        ("23 July 2024", None, ResolvedDates("2024-07-23", None, True)),
        ("2024-07-23", None, ResolvedDates("2024-07-23", None, True)),
        ("on Tuesday, July 23, 2024", date(2030, 1, 1), ResolvedDates("2024-07-23", None, True)),
        ("Sept. 3, 2025", None, ResolvedDates("2025-09-03", None, True)),
        ("the 3rd of September 2025", None, ResolvedDates("2025-09-03", None, True)),
        # Month and day: the year comes from the publication date, or stays unknown.
        ("Oct. 28", None, ResolvedDates("--10-28", None, False)),
        ("Oct. 28", date(2024, 11, 5), ResolvedDates("2024-10-28", None, True)),
        ("Oct. 28", PUBLISHED, ResolvedDates("2023-10-28", None, True)),  # later month: last year
        ("Sept. 3", date(2025, 9, 10), ResolvedDates("2025-09-03", None, True)),
        ("Feb. 29", None, ResolvedDates("--02-29", None, False)),
        ("Feb. 29", date(2023, 3, 1), UNRESOLVED),  # no Feb. 29 in 2023
        ("Feb. 30", None, UNRESOLVED),
        # A day or a year counted from the page's; none without it.
        ("today", PUBLISHED, ResolvedDates("2024-07-23", None, True)),
        ("yesterday", PUBLISHED, ResolvedDates("2024-07-22", None, True)),
        ("this afternoon", PUBLISHED, ResolvedDates("2024-07-23", None, True)),
        ("this morning", PUBLISHED, ResolvedDates("2024-07-23", None, True)),
        ("last year", PUBLISHED, ResolvedDates("2023", None, True)),
        # A season or the middle of a year names its year only: a season spans months.
        ("later this summer", PUBLISHED, ResolvedDates("2024", None, True)),
        ("next spring", PUBLISHED, ResolvedDates("2025", None, True)),
        ("last winter", PUBLISHED, ResolvedDates("2023", None, True)),
        ("in midyear", PUBLISHED, ResolvedDates("2024", None, True)),
        ("mid-year", None, UNRESOLVED),
        ("the summer", PUBLISHED, UNRESOLVED),  # which summer, the text does not say
        ("tomorrow", None, UNRESOLVED),
        ("tomorrow", date(9999, 12, 31), UNRESOLVED),
        # Ranges.
        ("Oct. 28 to 30", None, ResolvedDates("--10-28", "--10-30", False)),
        ("Oct. 28-30", None, ResolvedDates("--10-28", "--10-30", False)),
        ("October 28\u201330", None, ResolvedDates("--10-28", "--10-30", False)),
        ("Oct. 28 to Nov. 2", None, ResolvedDates("--10-28", "--11-02", False)),
        ("Oct. 28 to 30", date(2024, 11, 5), ResolvedDates("2024-10-28", "2024-10-30", True)),
        (
            "During her official visit on Oct. 28 to 30",
            date(2025, 11, 4),
            ResolvedDates("2025-10-28", "2025-10-30", True),
        ),
        ("Oct. 28 to Nov. 2", date(2024, 11, 5), ResolvedDates("2024-10-28", "2024-11-02", True)),
        ("between Oct. 28 and 30", None, ResolvedDates("--10-28", "--10-30", False)),
        ("28-30 October 2024", None, ResolvedDates("2024-10-28", "2024-10-30", True)),
        ("Oct. 28 to 30, 2024", None, ResolvedDates("2024-10-28", "2024-10-30", True)),
        ("Dec. 30 to Jan. 2, 2025", None, ResolvedDates("2024-12-30", "2025-01-02", True)),
        ("Dec. 30 to Jan. 2", date(2025, 1, 5), ResolvedDates("2024-12-30", "2025-01-02", True)),
        ("2024-07-23 to 2024-07-25", None, ResolvedDates("2024-07-23", "2024-07-25", True)),
        # A range that cannot hold keeps only the date it states first; no end is invented.
        ("July 25, 2024 to July 23, 2024", None, ResolvedDates("2024-07-25", None, True)),
        ("Oct. 30-2", None, ResolvedDates("--10-30", None, False)),
        # Month and year; a month alone.
        ("May 2025", None, ResolvedDates("2025-05", None, True)),
        ("in July 2024", PUBLISHED, ResolvedDates("2024-07", None, True)),
        ("May to July 2024", None, ResolvedDates("2024-05", "2024-07", True)),
        ("in June", PUBLISHED, ResolvedDates("2024-06", None, True)),
        ("in July", PUBLISHED, ResolvedDates("2024-07", None, True)),
        ("in September", PUBLISHED, ResolvedDates("2023-09", None, True)),
        ("last September", PUBLISHED, ResolvedDates("2023-09", None, True)),
        ("last June", PUBLISHED, ResolvedDates("2024-06", None, True)),
        ("last July", PUBLISHED, ResolvedDates("2023-07", None, True)),  # strictly before
        ("in June", None, ResolvedDates("--06", None, False)),
        ("last September", None, ResolvedDates("--09", None, False)),
        ("from May to July", PUBLISHED, ResolvedDates("2024-05", "2024-07", True)),
        ("May", PUBLISHED, ResolvedDates("2024-05", None, True)),
        ("officials may meet again", PUBLISHED, UNRESOLVED),
        ("in 2023", PUBLISHED, ResolvedDates("2023", None, True)),
        ("since the early 1990s", PUBLISHED, UNRESOLVED),
        # Weekdays: the most recent such day on or before publication (AP style).
        ("Tuesday", PUBLISHED, ResolvedDates("2024-07-23", None, True)),
        ("on Tuesday", PUBLISHED, ResolvedDates("2024-07-23", None, True)),
        ("Monday", PUBLISHED, ResolvedDates("2024-07-22", None, True)),
        ("on Wednesday", PUBLISHED, ResolvedDates("2024-07-17", None, True)),
        ("Tuesday", None, UNRESOLVED),
        ("last Tuesday", PUBLISHED, UNRESOLVED),  # which week is ambiguous
        # A month counted from the page's.
        ("late last month", PUBLISHED, ResolvedDates("2024-06", None, True)),
        ("earlier this month", PUBLISHED, ResolvedDates("2024-07", None, True)),
        ("next month", date(2024, 12, 2), ResolvedDates("2025-01", None, True)),
        ("last month", None, UNRESOLVED),
        # Counted back from the page's day, at the unit's precision; weeks are too loose.
        ("At the last talks, ten months ago,", PUBLISHED, ResolvedDates("2023-09", None, True)),
        ("3 days ago", PUBLISHED, ResolvedDates("2024-07-20", None, True)),
        ("a year ago", PUBLISHED, ResolvedDates("2023", None, True)),
        ("two weeks ago", PUBLISHED, UNRESOLVED),
        ("ten months ago", None, UNRESOLVED),
        # Day first with dots, as European pages print it; slashes are read both ways round.
        ("Date 17.03.2017", PUBLISHED, ResolvedDates("2017-03-17", None, True)),
        ("3/17/2017", PUBLISHED, ResolvedDates("2017", None, True)),
        # Vague or empty.
        # A week counted from the page's, at its month's precision (two where it spans one's end).
        ("this week", PUBLISHED, ResolvedDates("2024-07", None, True)),
        ("last week", date(2024, 8, 2), ResolvedDates("2024-07", None, True)),
        ("next week", date(2024, 7, 25), ResolvedDates("2024-07", "2024-08", True)),
        ("recently", PUBLISHED, UNRESOLVED),
        ("", PUBLISHED, UNRESOLVED),
        (None, PUBLISHED, UNRESOLVED),
    ],
)
def test_resolve_dates(text: str | None, published: date | None, expected: ResolvedDates) -> None:
    assert resolve_dates(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jul 23, 2024", date(2024, 7, 23)),
        ("23 July 2024", date(2024, 7, 23)),
        ("2024-07-23", date(2024, 7, 23)),
        ("23.07.2024", date(2024, 7, 23)),
        ("31.02.2024", None),
        ("July 23", None),
        ("Posted July 23, 2024", None),
        ("Feb. 30, 2024", None),
    ],
)
def test_parse_date_takes_exactly_one_full_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


# strftime("%Y") does not zero-pad years before 1000, and news copy never writes them.
FOUR_DIGIT_YEARS = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(d=FOUR_DIGIT_YEARS, published=st.none() | st.dates())
def test_a_stated_full_date_is_returned_as_is(d: date, published: date | None) -> None:
    resolved = resolve_dates(d.strftime("%B %-d, %Y"), published)
    assert resolved.start == d.isoformat()
    assert resolved.end is None
    assert resolved.year_stated


DATE_WORDS = st.sampled_from(
    [
        "Monday",
        "Tuesday",
        "Sunday",
        "on",
        "in",
        "last",
        "next",
        "this",
        "to",
        "and",
        "between",
        "May",
        "June",
        "Sept.",
        "Oct.",
        "October",
        "December",
        "week",
        "year",
        "today",
        "tomorrow",
        "-",
        "\u2013",
        ",",
    ]
)
NO_DIGITS = st.text(st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs")), max_size=12)


@given(st.lists(DATE_WORDS | NO_DIGITS, max_size=8).map(" ".join))
def test_a_phrase_without_digits_never_yields_a_year(text: str) -> None:
    resolved = resolve_dates(text, None)
    for value in (resolved.start, resolved.end):
        assert value is None or value.startswith("--")
    assert not resolved.year_stated


@given(st.text(max_size=40), st.none() | st.dates())
def test_any_text_resolves_without_error(text: str, published: date | None) -> None:
    resolved = resolve_dates(text, published)
    assert resolved.end is None or resolved.start is not None


@pytest.mark.parametrize("text", ["in May 2025", "May 2025", "during May 2025"])
def test_may_with_a_year_is_the_month(text: str) -> None:
    assert resolve_dates(text, None) == ResolvedDates("2025-05", None, True)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Still to come, a yearless month or day is the next one: "in January" in December.
        ("in January", date(2024, 12, 10), "2025-01"),
        ("Jan. 5", date(2024, 12, 10), "2025-01-05"),
        ("in April", date(2024, 3, 18), "2024-04"),
        # Unless this year's fell in the month before the page: a plan reported late.
        ("March 10", date(2024, 3, 18), "2024-03-10"),
        ("tomorrow", date(2024, 3, 18), "2024-03-19"),
    ],
)
def test_an_event_still_to_come_is_dated_ahead(text: str, published: date, expected: str) -> None:
    assert resolve_dates(text, published, ahead=True).start == expected


def test_a_number_of_four_digits_alone_is_a_year_only_in_a_news_reports_centuries() -> None:
    assert resolve_dates("in 2016", None).start == "2016"
    assert resolve_dates("Resolution 2254 of the UN Security Council", None).start is None
    assert resolve_dates("flight 1549", None).start is None
    # With a month and a day, any year is one.
    assert resolve_dates("June 3, 2254", None).start == "2254-06-03"
