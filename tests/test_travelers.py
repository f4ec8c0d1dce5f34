"""A visit is an official's: anyone else's trip is dropped, with the reason."""

from __future__ import annotations

from summarize.contract.extraction import Official, Span, Visit
from summarize.extract.travelers import at_their_post, officials_trips

TEXT = "Foreign Minister Ilse Marang flew to Lisbon, as did analyst Arno Velt and Lyon Oil."
SPAN = Span(start=0, end=len(TEXT), text=TEXT)


def _visit(traveler: str) -> Visit:
    return Visit(traveler=traveler, destination_country="Portugal", evidence=[SPAN])


def test_a_visit_by_none_of_the_officials_is_dropped_with_its_reason() -> None:
    officials = [Official(name="Ilse Marang", title="Foreign Minister", evidence=[SPAN])]
    visits = [_visit("Ilse Marang"), _visit("Marang"), _visit("Arno Velt"), _visit("Lyon Oil")]

    kept, dropped = officials_trips(visits, officials)

    # The official, also by her family name alone, as a small model answers it.
    assert [v.traveler for v in kept] == ["Ilse Marang", "Marang"]
    assert [d.item["traveler"] for d in dropped] == ["Arno Velt", "Lyon Oil"]
    assert all(d.kind == "visit" for d in dropped)
    assert "Arno Velt is none of the officials the article names" in dropped[0].reason


def test_a_given_name_alone_is_not_the_official() -> None:
    officials = [Official(name="Ilse Marang", evidence=[SPAN])]

    kept, dropped = officials_trips([_visit("Ilse")], officials)

    assert kept == []
    assert [d.item["traveler"] for d in dropped] == ["Ilse"]


def test_a_family_name_written_first_alone_is_the_official() -> None:
    # Pinyin names put the family name first: later sentences write "Zhou" for Zhou Mingli.
    officials = [Official(name="Zhou Mingli", title="Premier", evidence=[SPAN])]

    kept, dropped = officials_trips([_visit("Zhou"), _visit("Ilse")], officials)

    assert [v.traveler for v in kept] == ["Zhou"]
    assert [d.item["traveler"] for d in dropped] == ["Ilse"]


def test_an_ambassadors_trip_to_the_country_of_the_post_is_dropped() -> None:
    officials = [
        Official(name="Ilse Marang", title="Ambassador to Portugal", evidence=[SPAN]),
        Official(name="Arno Velt", title="Ambassador in Lisbon", evidence=[SPAN]),
        Official(name="Mira Castell", title="Ambassador to the United Nations", evidence=[SPAN]),
        Official(name="Tomas Dell", title="envoy to Portugal", evidence=[SPAN]),
    ]
    visits = [_visit(name) for name in ("Ilse Marang", "Arno Velt", "Mira Castell", "Tomas Dell")]
    spain = Visit(traveler="Ilse Marang", destination_country="Spain", evidence=[SPAN])

    kept, dropped = at_their_post([*visits, spain], officials)

    # An ambassador lives in the country of the post (named, or by its city); an envoy
    # travels, and a post at a body names no country.
    assert [(v.traveler, v.destination_country) for v in kept] == [
        ("Mira Castell", "Portugal"),
        ("Tomas Dell", "Portugal"),
        ("Ilse Marang", "Spain"),
    ]
    assert [d.item["traveler"] for d in dropped] == ["Ilse Marang", "Arno Velt"]
    assert dropped[0].reason == "Ilse Marang is posted in Portugal: no trip"
