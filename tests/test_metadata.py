"""read_metadata fills a field only when the article states it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summarize.ingest.metadata import ArticleMetadata, read_metadata

PAGES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_a_page_that_states_only_a_headline() -> None:
    assert read_metadata(_page("headline-only.txt")) == ArticleMetadata(
        title="Chilean delegation heads to Nairobi for produce trade talks",
        outlet=None,
        byline=None,
        published=None,
        dateline=None,
    )


def test_a_photo_caption_is_not_a_title() -> None:
    meta = read_metadata(_page("caption-first.txt"))
    assert meta.title is None
    assert meta.published is None
    assert meta.outlet is None  # "[Image by Lakeside Daily News]" credits a photo, not the article
    assert meta.byline is None
    assert meta.dateline is None


def test_stamp_and_dateline_without_agency() -> None:
    assert read_metadata(_page("stamped-story.txt")) == ArticleMetadata(
        title="Kenyan Trade Minister Visits Chile Amid Push for New Export Markets",
        outlet=None,
        byline=None,
        published=date(2025, 3, 11),
        dateline="NAIROBI, Kenya",
    )


def test_page_furniture_names_no_outlet() -> None:
    assert read_metadata(_page("section-page.txt")) == ArticleMetadata(
        title="Kazakh Foreign Minister to Travel to Singapore as Freight Corridor Talks "
        "Gather Pace",
        outlet=None,
        byline=None,
        published=None,
        dateline=None,
    )


def test_wire_story() -> None:
    assert read_metadata(_page("wire-story.txt")) == ArticleMetadata(
        title="Kazakh foreign minister lands in Singapore seeking a rail-to-port freight deal",
        outlet="The Harbor Wire Service",
        byline="Ingrid Solberg",
        published=date(2025, 3, 11),
        dateline="SINGAPORE",
    )


def test_empty_text_states_nothing() -> None:
    assert read_metadata("") == ArticleMetadata(None, None, None, None, None)


# --- title -------------------------------------------------------------------------------

STORY = (
    "WASHINGTON (Reuters) — The two leaders met for three hours on Tuesday and agreed to keep "
    "talking about trade, security and the exchange of prisoners before the end of the year."
)
PLAIN_STORY = STORY.replace(
    " (Reuters)", ""
)  # no agency marker: the outlet can only come from a byline


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
        "Posted March 11, 2025 6:15 pm.",
        "Tuesday, March 11, 2025, 2:05 PM",
        "Browse The Meridian Review's careers page.",
        "• Leaders agree to keep talking after the summit",
        "Find a job near you:",
    ],
)
def test_non_headline_lines_are_not_titles(line: str) -> None:
    assert read_metadata(f"{line}\n{STORY}").title is None


# --- published ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted March 11, 2025 6:15 pm.", date(2025, 3, 11)),
        ("Published: Sept. 18, 2025", date(2025, 9, 18)),
        ("Published Sept 18, 2025 at 10:00 a.m. EDT", date(2025, 9, 18)),
        ("Mar 11, 2025, 2:05 PM", date(2025, 3, 11)),
        ("Tuesday, 11 March 2025", date(2025, 3, 11)),
        ("2025-03-11", date(2025, 3, 11)),
        ("Oct. 6, 2024", date(2024, 10, 6)),
    ],
)
def test_published_stamp_forms(line: str, expected: date) -> None:
    assert read_metadata(
        f"Leaders agree to keep talking after summit\n{line}\n{STORY}"
    ).published == (expected)


def test_posted_beats_last_updated_whatever_the_order() -> None:
    text = "Last Updated March 12, 2025 8:00 am.\nPosted March 11, 2025 6:15 pm.\n" + STORY
    assert read_metadata(text).published == date(2025, 3, 11)


def test_date_in_story_prose_is_not_published() -> None:
    text = "Leaders meet\n" + STORY + "\nThe talks resumed on March 11, 2025.\nMarch 12, 2025"
    assert read_metadata(text).published is None


def test_date_without_year_is_not_a_stamp() -> None:
    assert read_metadata("Posted March 11\n" + STORY).published is None


# --- byline and outlet -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Soo-min Park, The Harbor Wire Service", "Soo-min Park", "The Harbor Wire Service"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("By Jane Doe", "Jane Doe", None),
        ("By JANE DOE", "JANE DOE", None),
        ("By Jane Doe, John Roe and Lee Ha-eun", "Jane Doe, John Roe and Lee Ha-eun", None),
        (
            "By Jane Doe, John Roe, and Lee Ha-eun",
            "Jane Doe, John Roe, and Lee Ha-eun",
            None,
        ),
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("By Jane Doe, Coastline News", "Jane Doe", "Coastline News"),
        ("By Jane Doe, Staff Writer", "Jane Doe", None),
        ("By Jane Doe, March 11, 2025", "Jane Doe", None),
        (
            "By Jane Doe and John Roe, The Harbor Wire Service",
            "Jane Doe and John Roe",
            "The Harbor Wire Service",
        ),
        ("By Jane Doe, AFP", "Jane Doe", "Agence France-Presse"),
        (
            "By Ludwig van Beethoven | The Daily Example",
            "Ludwig van Beethoven",
            "The Daily Example",
        ),
        # Particles the name data knows beyond the common European ones.
        ("By Omar ibn Rashid, Reuters", "Omar ibn Rashid", "Reuters"),
        ("By Karim el Amrani", "Karim el Amrani", None),
        ("By Maria dos Santos", "Maria dos Santos", None),
    ],
)
def test_byline_and_affiliation(line: str, byline: str, outlet: str | None) -> None:
    meta = read_metadata(f"Leaders agree to keep talking after summit\n{line}\n{PLAIN_STORY}")
    assert (meta.byline, meta.outlet) == (byline, outlet)


def test_prose_starting_with_by_is_not_a_byline() -> None:
    meta = read_metadata("By Tuesday, the ministers had agreed\n" + STORY)
    assert meta.byline is None


@pytest.mark.parametrize(
    ("sign_off", "outlet"),
    [("Jane Doe, Reuters", "Reuters"), ("Jane Doe, AFP", "Agence France-Presse")],
)
def test_sign_off_line_gives_byline_when_no_by_line(sign_off: str, outlet: str) -> None:
    text = "Leaders meet in Hanoi for talks\n" + PLAIN_STORY + f"\n{sign_off}\n"
    meta = read_metadata(text)
    assert (meta.byline, meta.outlet) == ("Jane Doe", outlet)


def test_place_comma_country_is_not_a_sign_off() -> None:
    assert read_metadata("Leaders meet\nNAIROBI, Kenya\n").byline is None


@pytest.mark.parametrize(
    ("marker", "outlet"),
    [
        ("(Reuters)", "Reuters"),
        ("(AFP)", "Agence France-Presse"),
        ("(Yonhap)", "Yonhap News Agency"),
        ("(UPI)", "United Press International"),
        ("(ANSA)", "ANSA"),
        ("", None),
    ],
)
def test_outlet_from_dateline_marker(marker: str, outlet: str | None) -> None:
    text = f"NAIROBI, Kenya {marker} — Kenya's central bank cut its main lending rate on Tuesday."
    assert read_metadata(" ".join(text.split())).outlet == outlet


def test_byline_affiliation_beats_dateline_marker() -> None:
    text = "By Jane Doe, Reuters\nNAIROBI (AFP) — Kenya's central bank cut its main lending rate."
    assert read_metadata(text).outlet == "Reuters"


def test_page_furniture_is_not_an_outlet() -> None:
    text = "Leaders meet\n" + PLAIN_STORY + "\nBrowse The Meridian Review's careers page.\n"
    assert read_metadata(text).outlet is None


# --- dateline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        (
            "NAIROBI, Kenya (Reuters) — Chile\u2019s trade minister landed in Kenya on Monday.",
            "NAIROBI, Kenya",
        ),
        (
            "NAIROBI, Kenya — Chile\u2019s trade minister landed in Kenya on Monday.",
            "NAIROBI, Kenya",
        ),
        ("WASHINGTON -- The Senate passed the bill late on Monday night.", "WASHINGTON"),
        ("ST. LOUIS, Mo. \u2013 The city council voted to approve the budget.", "ST. LOUIS, Mo."),
        ("NAIROBI (Reuters) - Kenya's central bank cut its main lending rate.", "NAIROBI"),
        ("Nairobi, Kenya — the city is not written in capitals here at all.", None),
        ("NEW YORK — Short.", None),
    ],
)
def test_dateline(paragraph: str, dateline: str | None) -> None:
    assert read_metadata(paragraph).dateline == dateline


def test_names_glued_to_the_headline_over_a_dangling_by_are_the_byline() -> None:
    text = (
        "Port workers vote to end the strike 'for now' Marta Ruiz\n"
        "Published: 2017/3/2\n\n"
        "The union says the talks with the ministry will go on, officials say. By\n\n"
        "Minister Tomas Vidal said the port would reopen on Monday.\n"
    )
    meta = read_metadata(text)
    assert meta.title == "Port workers vote to end the strike 'for now'"
    assert meta.byline == "Marta Ruiz"
    assert meta.published == date(2017, 3, 2)
