"""read_metadata fills a field only when the article states it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summarize.ingest.metadata import ArticleMetadata, read_metadata

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_000_states_only_a_headline() -> None:
    assert read_metadata(_seed("000")) == ArticleMetadata(
        title="Delegation from Belarus to hold economic discussions in North Korea",
        outlet=None,
        byline=None,
        published=None,
        dateline=None,
    )


def test_seed_001_caption_is_not_a_title() -> None:
    meta = read_metadata(_seed("001"))
    assert meta.title is None
    assert meta.published is None
    assert meta.outlet is None  # "[Image by NK News]" credits a photo, not the article
    assert meta.byline is None
    assert meta.dateline is None


def test_seed_002_stamp_and_dateline_without_agency() -> None:
    assert read_metadata(_seed("002")) == ArticleMetadata(
        title="Belarusian Foreign Minister Visits North Korea Amid Growing Ties with Russia",
        outlet=None,
        byline=None,
        published=date(2024, 7, 23),
        dateline="SEOUL, South Korea",
    )


def test_seed_003_page_furniture_names_no_outlet() -> None:
    assert read_metadata(_seed("003")) == ArticleMetadata(
        title="Belarus\u2019 Foreign Minister Will Visit North Korea for Possible Talks on Russia "
        "Cooperation",
        outlet=None,
        byline=None,
        published=None,
        dateline=None,
    )


def test_seed_004_wire_story() -> None:
    assert read_metadata(_seed("004")) == ArticleMetadata(
        title="Belarus\u2019 foreign minister arrives in North Korea for talks expected to focus "
        "on Russia cooperation",
        outlet="The Associated Press",
        byline="Hyung-jin Kim",
        published=date(2024, 7, 23),
        dateline="SEOUL, South Korea",
    )


def test_empty_text_states_nothing() -> None:
    assert read_metadata("") == ArticleMetadata(None, None, None, None, None)


# --- title -------------------------------------------------------------------------------

STORY = (
    "WASHINGTON (AP) — The two leaders met for three hours on Tuesday and agreed to keep talking "
    "about trade, security and the exchange of prisoners before the end of the year."
)
PLAIN_STORY = STORY.replace(" (AP)", "")  # no agency marker: the outlet can only come from a byline


def test_title_skips_section_label_navigation_and_caption() -> None:
    text = "\n".join(
        [
            "World News",
            "Home | World | Asia | Business",
            "Leaders shake hands in Hanoi [Image by Example Photos]",
            "Leaders agree to keep talking after summit in Hanoi",
            STORY,
        ]
    )
    assert read_metadata(text).title == "Leaders agree to keep talking after summit in Hanoi"


def test_title_prefers_line_repeated_on_the_page() -> None:
    text = "\n".join(
        [
            "Sign up for our free morning newsletter today",
            "Leaders agree to keep talking after summit",
            "Leaders agree to keep talking after summit",
            STORY,
        ]
    )
    assert read_metadata(text).title == "Leaders agree to keep talking after summit"


def test_title_not_taken_from_after_the_story_starts() -> None:
    text = "\n".join([STORY, "Leaders agree to keep talking after summit"])
    assert read_metadata(text).title is None


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe and John Roe",
        "Posted July 23, 2024 9:52 am.",
        "Tuesday, July 23, 2024, 1:51 PM",
        "Try The Diplomat's jobs board.",
        "• Leaders agree to keep talking after the summit",
        "Find your Asia-Pacific job:",
    ],
)
def test_non_headline_lines_are_not_titles(line: str) -> None:
    assert read_metadata(f"{line}\n{STORY}").title is None


# --- published ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted July 23, 2024 9:52 am.", date(2024, 7, 23)),
        ("Published: Sept. 3, 2025", date(2025, 9, 3)),
        ("Published Sept 3, 2025 at 10:00 a.m. EDT", date(2025, 9, 3)),
        ("Jul 23, 2024, 1:51 PM", date(2024, 7, 23)),
        ("Tuesday, 23 July 2024", date(2024, 7, 23)),
        ("2024-07-23", date(2024, 7, 23)),
        ("Oct. 28, 2024", date(2024, 10, 28)),
    ],
)
def test_published_stamp_forms(line: str, expected: date) -> None:
    assert read_metadata(
        f"Leaders agree to keep talking after summit\n{line}\n{STORY}"
    ).published == (expected)


def test_posted_beats_last_updated_whatever_the_order() -> None:
    text = "Last Updated July 24, 2024 8:00 am.\nPosted July 23, 2024 9:52 am.\n" + STORY
    assert read_metadata(text).published == date(2024, 7, 23)


def test_date_in_story_prose_is_not_published() -> None:
    text = "Leaders meet\n" + STORY + "\nThe talks resumed on July 23, 2024.\nJuly 24, 2024"
    assert read_metadata(text).published is None


def test_date_without_year_is_not_a_stamp() -> None:
    assert read_metadata("Posted July 23\n" + STORY).published is None


# --- byline and outlet -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Hyung-jin Kim, The Associated Press", "Hyung-jin Kim", "The Associated Press"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("By Jane Doe", "Jane Doe", None),
        ("By JANE DOE", "JANE DOE", None),
        ("By Jane Doe, John Roe and Kim Tong-hyung", "Jane Doe, John Roe and Kim Tong-hyung", None),
        (
            "By Jane Doe, John Roe, and Kim Tong-hyung",
            "Jane Doe, John Roe, and Kim Tong-hyung",
            None,
        ),
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("By Jane Doe, NK News", "Jane Doe", "NK News"),
        ("By Jane Doe, Staff Writer", "Jane Doe", None),
        ("By Jane Doe, July 23, 2024", "Jane Doe", None),
        (
            "By Jane Doe and John Roe, The Associated Press",
            "Jane Doe and John Roe",
            "The Associated Press",
        ),
        ("By Jane Doe, AP", "Jane Doe", "The Associated Press"),
        (
            "By Ludwig van Beethoven | The Daily Example",
            "Ludwig van Beethoven",
            "The Daily Example",
        ),
    ],
)
def test_byline_and_affiliation(line: str, byline: str, outlet: str | None) -> None:
    meta = read_metadata(f"Leaders agree to keep talking after summit\n{line}\n{PLAIN_STORY}")
    assert (meta.byline, meta.outlet) == (byline, outlet)


def test_prose_starting_with_by_is_not_a_byline() -> None:
    meta = read_metadata("By Tuesday, the ministers had agreed\n" + STORY)
    assert meta.byline is None


def test_sign_off_line_gives_byline_when_no_by_line() -> None:
    text = "Leaders meet in Hanoi for talks\n" + PLAIN_STORY + "\nJane Doe, The Associated Press\n"
    meta = read_metadata(text)
    assert (meta.byline, meta.outlet) == ("Jane Doe", "The Associated Press")


def test_place_comma_country_is_not_a_sign_off() -> None:
    assert read_metadata("Leaders meet\nSEOUL, South Korea\n").byline is None


@pytest.mark.parametrize(
    ("marker", "outlet"),
    [
        ("(AP)", "The Associated Press"),
        ("(Reuters)", "Reuters"),
        ("(AFP)", "Agence France-Presse"),
        ("(Yonhap)", "Yonhap News Agency"),
        ("(UPI)", "United Press International"),
        ("(KCNA)", "KCNA"),
        ("", None),
    ],
)
def test_outlet_from_dateline_marker(marker: str, outlet: str | None) -> None:
    text = f"SEOUL, South Korea {marker} — North Korea fired a missile into the sea on Tuesday."
    assert read_metadata(" ".join(text.split())).outlet == outlet


def test_byline_affiliation_beats_dateline_marker() -> None:
    text = "By Jane Doe, Reuters\nSEOUL (AP) — North Korea fired a missile into the sea."
    assert read_metadata(text).outlet == "Reuters"


def test_page_furniture_is_not_an_outlet() -> None:
    text = "Leaders meet\n" + PLAIN_STORY + "\nTry The Diplomat's jobs board.\n"
    assert read_metadata(text).outlet is None


# --- dateline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        (
            "SEOUL, South Korea (AP) — Belarus\u2019 foreign minister arrived in North Korea.",
            "SEOUL, South Korea",
        ),
        (
            "SEOUL, South Korea — Belarus\u2019 foreign minister arrived in North Korea.",
            "SEOUL, South Korea",
        ),
        ("WASHINGTON -- The Senate passed the bill late on Monday night.", "WASHINGTON"),
        ("ST. LOUIS, Mo. \u2013 The city council voted to approve the budget.", "ST. LOUIS, Mo."),
        ("SEOUL (Reuters) - North Korea fired a ballistic missile on Tuesday.", "SEOUL"),
        ("Seoul, South Korea — the city is not written in capitals here at all.", None),
        ("NEW YORK — Short.", None),
    ],
)
def test_dateline(paragraph: str, dateline: str | None) -> None:
    assert read_metadata(paragraph).dateline == dateline
