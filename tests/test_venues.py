"""A venue no gazetteer lists ("the White House") is placed by asking the model once, as a
closed choice among the countries the article names; the answer must name a printed place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.extract.drafts import NOT_KNOWN
from summarize.extract.grounding import ArticleContext
from summarize.extract.numbered import number_sentences
from summarize.extract.passes import extract
from summarize.extract.venues import (
    ground_venues,
    needs_placing,
    places_to_ask,
    set_in_article,
)
from summarize.ingest.body import assemble_body
from summarize.ingest.read import read_article
from summarize.llm import open_backend, resolve
from summarize.llm.response_cache import ResponseCache

ARTICLE = Path(__file__).parent / "fixtures" / "venues" / "white-house-visit.txt"


@pytest.mark.parametrize(
    ("place", "asked"),
    [
        ("White House", True),
        ("Naval Observatory", True),
        ("Chile", False),  # a country
        ("Santiago", False),  # a city GeoNames lists
        ("Hamburg Harbour Conference", False),  # a venue named after its city
        ("Asia", False),  # a continent is no venue
        ("", False),
    ],
)
def test_only_a_place_no_data_places_is_asked_about(place: str, asked: bool) -> None:
    assert needs_placing(place) is asked


def _ctx(text: str) -> ArticleContext:
    return ArticleContext(number_sentences(assemble_body(text, [(0, len(text))], [])))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # "Florida" is a US state, a department of Uruguay and a town in Cuba: of them the
        # article names the United States only.
        ("Ruiz will fly to the Mar-a-Lago resort in Florida for the weekend.", "United States"),
        ("They met at Mar-a-Lago in Palm Beach Florida last year.", "United States"),
        # A place that stands for none of the article's countries, or no place after "in".
        ("Ruiz dined at Mar-a-Lago in Hertfordshire.", None),
        ("Ruiz dined at Mar-a-Lago on Friday.", None),
    ],
)
def test_a_venue_the_article_sets_in_a_place_is_in_that_places_country(
    text: str, country: str | None
) -> None:
    countries = ("United States", "Japan")
    assert set_in_article("Mar-a-Lago", text, countries) == country
    assert set_in_article("Mar-a-Lago", text, ("Cuba", "Uruguay", "United States")) is None


class _Venue:
    def __init__(self, place: str, country: str) -> None:
        self.place, self.country = place, country


def test_an_unprinted_or_unknown_venue_stays_unplaced() -> None:
    ctx = _ctx("Ruiz flew to the White House and then to the Naval Observatory.")
    grounded = ground_venues(
        [
            _Venue("White House", "United States"),
            _Venue("Naval Observatory", NOT_KNOWN),
            _Venue("Blue House", "South Korea"),  # not in the article
        ],
        ctx,
    )
    assert grounded.items == [("White House", "United States")]
    ctx.place_venue("White  House", "United States")
    # Once placed, a venue is not asked about again; each other one once, as first written.
    assert places_to_ask(["White House", "Naval Observatory", "naval  observatory"], ctx) == (
        "Naval Observatory",
    )


@pytest.mark.vcr
def test_a_trip_to_a_building_is_placed_in_its_country(embedded: bool, tmp_path: Path) -> None:
    article = read_article(ARTICLE)
    cache = ResponseCache(tmp_path / "cache")
    try:
        with open_backend(resolve(), cache) as backend:
            extraction = extract(backend, article)
    finally:
        cache.close()
    data = json.loads(extraction.model_dump_json())
    to_the_building = [v for v in data["visits"] if v["destination_city"] == "White House"]
    assert to_the_building, data["visits"]
    assert {v["destination_country"] for v in to_the_building} == {"United States"}
    assert {v["traveler"] for v in to_the_building} == {"Ana Ruiz"}
    # People, events, and the one question where the building stands.
    assert extraction.usage.model_calls == 3
