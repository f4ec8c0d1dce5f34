"""A host at home is part of the visitor's trip, not a trip of their own; anyone else stays."""

from __future__ import annotations

from summarize.contract.extraction import Official, Span, Visit
from summarize.extract.hosts import alone_at_home, as_guests, fold_hosts, host_countries

TALKS = "Foreign Minister Ilse Marang met visiting Secretary Tomas Dell in Lisbon on Monday."
LATER = "Marang will travel to Madrid in June."


def _visit(traveler: str, home: str | None, place: str, *spans: Span, **more: object) -> Visit:
    return Visit.model_validate(
        {
            "traveler": traveler,
            "traveler_country": home,
            "destination_country": place,
            "evidence": list(spans),
            **more,
        }
    )


def _span(text: str, start: int) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def test_the_host_answered_as_travelling_home_is_folded_into_the_visit() -> None:
    talks = _span(TALKS, 0)
    visitor = _visit("Tomas Dell", "Canada", "Portugal", talks)
    host = _visit("Ilse Marang", "Portugal", "Portugal", talks, kind="meeting")

    kept, dropped = fold_hosts([visitor, host])

    assert [v.traveler for v in kept] == ["Tomas Dell"]
    assert kept[0].met == ["Ilse Marang"]  # the visit's own sentence names the host
    (record,) = dropped
    assert record.kind == "visit"
    assert record.item["traveler"] == "Ilse Marang"
    assert "hosts Tomas Dell's visit to Portugal" in record.reason


def test_a_host_named_as_met_is_folded_even_from_another_sentence() -> None:
    visitor = _visit("Tomas Dell", "Canada", "Portugal", _span(TALKS, 0), met=["Ilse Marang"])
    host = _visit("Ilse Marang", "Portugal", "Portugal", _span(TALKS, 200))

    kept, _ = fold_hosts([visitor, host])

    assert [v.traveler for v in kept] == ["Tomas Dell"]
    assert kept[0].met == ["Ilse Marang"]  # once


def test_the_hosts_own_trip_abroad_and_unrelated_events_at_home_stay() -> None:
    talks = _span(TALKS, 0)
    visitor = _visit("Tomas Dell", "Canada", "Portugal", talks)
    abroad = _visit("Ilse Marang", "Portugal", "Spain", _span(LATER, len(TALKS) + 1))
    # At home, but reported on its own: no sentence or meeting ties it to the visit.
    rally = _visit("Rui Sarno", "Portugal", "Portugal", _span("Sarno spoke in Porto.", 300))
    # Someone whose country is not known is never taken for a host.
    unknown = _visit("Ana Quist", None, "Portugal", talks)

    kept, dropped = fold_hosts([visitor, abroad, rally, unknown])

    assert [v.traveler for v in kept] == ["Tomas Dell", "Ilse Marang", "Rui Sarno", "Ana Quist"]
    assert kept[0].met == []
    assert dropped == []


def test_two_people_at_home_are_not_each_others_hosts() -> None:
    talks = _span(TALKS, 0)
    a = _visit("Ilse Marang", "Portugal", "Portugal", talks)
    b = _visit("Tomas Dell", "Portugal", "Portugal", talks)

    kept, dropped = fold_hosts([a, b])

    assert len(kept) == 2
    assert dropped == []


def test_a_visitors_meeting_abroad_has_a_host_too() -> None:
    talks = _span(TALKS, 0)
    visitor = _visit("Tomas Dell", "Canada", "Portugal", talks, kind="meeting")
    host = _visit("Ilse Marang", "Portugal", "Portugal", talks, kind="trip")

    kept, dropped = fold_hosts([visitor, host])

    assert [(v.traveler, v.kind) for v in kept] == [("Tomas Dell", "meeting")]
    assert kept[0].met == ["Ilse Marang"]
    assert len(dropped) == 1


def test_an_official_of_unknown_country_met_abroad_is_the_hosts() -> None:
    talks = _span(TALKS, 0)
    officials = [
        Official(name="Ilse Marang", title="Foreign Minister", evidence=[talks]),
        Official(name="Ana Ruiz", title="President", evidence=[talks]),
        Official(name="Jon Hale", title="Mayor", country="Chile", evidence=[talks]),
    ]
    visits = [
        _visit("Tomas Dell", "Canada", "Portugal", talks, met=["Ilse Marang", "Jon Hale"]),
        _visit("Tomas Dell", "Canada", "Portugal", talks, met=["Ana Ruiz"]),
        _visit("Tomas Dell", "Canada", "Spain", talks, met=["Ana Ruiz"]),
    ]

    # Met on a visit to Portugal: Portugal's. Met in two countries, or of a known country:
    # as before.
    assert [o.country for o in host_countries(officials, visits)] == ["Portugal", None, "Chile"]


def test_a_hosts_event_at_home_that_tells_a_meeting_is_the_guests_trip() -> None:
    meeting = _span("On Friday, Dell will meet Marang again at the Belem Palace.", 0)
    host = _visit("Ilse Marang", "Portugal", "Portugal", meeting, met=[])
    countries = {"Ilse Marang": "Portugal", "Tomas Dell": "Canada", "Ana Quist": None}

    (guest,) = as_guests(host, countries)

    assert (guest.traveler, guest.traveler_country, guest.met) == (
        "Tomas Dell",
        "Canada",
        ["Ilse Marang"],
    )
    assert guest.destination_country == "Portugal"
    assert guest.evidence == [meeting]
    # No meeting told, or no one from elsewhere named: the event stays the host's own.
    rally = _visit("Ilse Marang", "Portugal", "Portugal", _span("Marang spoke in Porto.", 0))
    assert as_guests(rally, countries) == [rally]
    alone = _visit("Ilse Marang", "Portugal", "Portugal", _span("Marang met voters.", 0))
    assert as_guests(alone, countries) == [alone]
    # A trip abroad is no host's event.
    abroad = _visit("Tomas Dell", "Canada", "Portugal", meeting)
    assert as_guests(abroad, countries) == [abroad]
    # One named only as who tells of the meeting is no guest.
    told = _span("Dell hopes to meet Marang in Porto, Canada's envoy, Ana Quist told reporters.", 0)
    host = _visit("Ilse Marang", "Portugal", "Portugal", told, met=[])
    tellers = {**countries, "Ana Quist": "Canada"}
    assert [g.traveler for g in as_guests(host, tellers)] == ["Tomas Dell"]


def test_a_trip_to_a_building_at_home_meeting_no_one_is_no_engagement() -> None:
    club = _span("Marang hopes to use visits to the Quinta da Lapa to warm ties.", 0)
    at_club = _visit("Ilse Marang", "Portugal", "Portugal", club, destination_city="Quinta da Lapa")
    with_guest = at_club.model_copy(update={"met": ["Tomas Dell"]})
    in_porto = at_club.model_copy(update={"destination_city": "Porto, Portugal"})
    abroad = _visit("Tomas Dell", "Canada", "Portugal", club, destination_city="Quinta da Lapa")

    source = _span("Marang went to the Quinta da Lapa in order to meet a source.", 0)
    to_meet = at_club.model_copy(update={"evidence": [source]})

    kept, dropped = alone_at_home([at_club, with_guest, in_porto, abroad, to_meet])

    # Meeting someone there (named or not), a city at home (with its country), a building
    # abroad: each stays.
    assert kept == [with_guest, in_porto, abroad, to_meet]
    assert [d.item["traveler"] for d in dropped] == ["Ilse Marang"]
    assert "no border crossed, no meeting" in dropped[0].reason


def test_a_host_whose_own_sentence_names_the_visitor_in_the_same_city_is_folded() -> None:
    landed = _span("Dell landed in Lisbon on Wednesday.", 0)
    visitor = _visit("Tomas Dell", "Canada", "Portugal", landed, destination_city="Lisbon")
    told = _span("Marang told Dell in Lisbon's Belem Palace that ties were strong.", 40)
    host = _visit("Ilse Marang", "Portugal", "Portugal", told, destination_city="Lisbon")
    # In another city the same sentence ties nothing: a guess at the host's country is no
    # reason to fold someone's own journey into the visit.
    other = _span("Sarno once showed Dell around a ranch in Porto.", 120)
    away = _visit("Rui Sarno", "Portugal", "Portugal", other, destination_city="Porto")

    kept, dropped = fold_hosts([visitor, host, away])

    assert [v.traveler for v in kept] == ["Tomas Dell", "Rui Sarno"]
    assert [d.item["traveler"] for d in dropped] == ["Ilse Marang"]
