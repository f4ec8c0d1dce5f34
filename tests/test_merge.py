"""The merge: engagements, one roster across variants, claim groups, contradictions, and
order-independence (merging in any order, or one more article into a brief, agrees)."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.brief.merge import merge, merge_into
from summarize.brief.narrative import drafts_of
from summarize.contract.extraction import (
    Extraction,
    HedgedClaim,
    ModelInfo,
    Official,
    Source,
    Span,
    StatedAim,
    Visit,
)
from summarize.contract.partial_date import format_date_range
from summarize.render.document import engagement_dates

MODEL = ModelInfo(provider="test", model="none")


def span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def article(
    name: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
    officials: list[tuple[str, str | None, str | None]] = (),  # type: ignore[assignment]
    visits: list[dict[str, object]] = (),  # type: ignore[assignment]
    aims: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    hedges: list[tuple[str, str, str, str]] = (),  # type: ignore[assignment]
    text: str | None = None,
) -> Extraction:
    body = text or f"text of {name}"
    return Extraction(
        source=Source(
            path=f"{name}.txt",
            sha256=hashlib.sha256(body.encode()).hexdigest(),
            chars=len(body),
            outlet=outlet,
            published=published,
            title=title,
        ),
        model=MODEL,
        officials=[
            Official(name=n, title=t, country=c, evidence=[span(f"{t} {n}")])
            for n, t, c in officials
        ],
        visits=[Visit(evidence=[span(str(v["traveler"]))], **v) for v in visits],  # type: ignore[arg-type]
        stated_aims=[StatedAim(aim=a, stated_by=b, evidence=[span(q)]) for a, b, q in aims],
        hedged_claims=[
            HedgedClaim(claim=c, cue=cue, voiced_by=by, evidence=[span(q)])
            for c, cue, by, q in hedges
        ],
    )


TOKHTAROV_VISIT = {
    "traveler": "Kazakh Foreign Minister Arman Tokhtarov",
    "traveler_country": "Kazakhstan",
    "destination_country": "Singapore",
    "start_date": "2025-03-11",
    "year_stated": True,
}

WIRE = article(
    "wire",
    outlet="The Harbor Wire Service",
    published="2025-03-11",
    officials=[
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Lee Kah Jun", "Prime Minister", "Singapore"),
        ("Lee Kah Wo", "Senior Minister of State", "Singapore"),
        ("Yevgeny Lapin", "President", "Kazakhstan"),
    ],
    visits=[TOKHTAROV_VISIT],
    hedges=[
        (
            "the visit could yield a three-way freight deal with Vietnam",
            "could",
            "analysts",
            "analysts say the visit could yield a three-way freight deal with Vietnam",
        )
    ],
)
REVIEW = article(
    "review",
    officials=[
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstani"),
        ("Evgeniy Lapin", "President", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
    ],
    visits=[{**TOKHTAROV_VISIT, "start_date": None, "year_stated": False}],
    hedges=[
        (
            "the talks may produce a transit agreement covering Vietnamese ports",
            "may",
            "Priya Raman",
            "Tokhtarov's talks in Singapore may produce a transit agreement covering Vietnamese "
            "ports",
        )
    ],
)
BULLETIN = article(
    "bulletin",
    officials=[
        ("Tan Wei-ling", "Foreign Minister", "Singapore"),
        ("Lee Kah-jun", "Premier", "Singapore"),
    ],
    visits=[
        {
            "traveler": "Tan Wei-ling",
            "traveler_country": "Singapore",
            "destination_country": "Kazakhstan",
            "destination_city": "Astana",
            "date_text": "Nov. 4 to 6",
            "start_date": "--11-04",
            "end_date": "--11-06",
            "year_stated": False,
        },
        {
            "traveler": "Tan Wei-ling",
            "traveler_country": "Singapore",
            "destination_country": "Vietnam",
            "destination_city": "Hanoi",
        },
    ],
    aims=[
        (
            "deepening cooperation in trade and education",
            "Kazakh Ministry of Foreign Affairs",
            "agreed a road map for deepening cooperation in trade and education",
        )
    ],
)
REPRINT = article(  # the same wire story on another site: one source, not two
    "reprint",
    outlet="HWS",
    published="2025-03-11",
    officials=[("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")],
    visits=[{**TOKHTAROV_VISIT, "start_date": "2025-03-12"}],
    text="reprinted text",
)
ALL = [WIRE, REVIEW, BULLETIN, REPRINT]


def test_one_roster_entry_per_person_across_variants() -> None:
    brief = merge(ALL)
    assert len(brief.officials) == 5
    tan = next(o for o in brief.officials if o.name.startswith("Tan"))
    assert set(tan.variants) == {"Tan Wei Ling", "Tan Wei-ling"}
    lees = [o for o in brief.officials if o.name.startswith("Lee")]
    assert len(lees) == 2  # Lee Kah Jun and Lee Kah Wo are two people
    lapin = next(o for o in brief.officials if "Lapin" in o.name)
    assert set(lapin.variants) == {"Yevgeny Lapin", "Evgeniy Lapin"}
    tokhtarov = next(o for o in brief.officials if "Tokhtarov" in o.name)
    assert tokhtarov.countries == ["Kazakhstan"]  # "Kazakhstani" and "Kazakhstan" are one
    assert tokhtarov.corroboration == 2  # the wire and its reprint count once, plus the review
    assert len(tokhtarov.sources) == 3


def test_spellings_that_differ_in_every_part_are_still_one_person() -> None:
    dw = article("dw", officials=[("Beata Szydlo", "Prime Minister", "Poland")])
    rte = article("rte", officials=[("Beate Szyd\u0142o", "Prime Minister", "Poland")])
    brief = merge([dw, rte])
    assert [set(o.variants) for o in brief.officials] == [{"Beata Szydlo", "Beate Szyd\u0142o"}]


def test_engagements_cluster_by_traveler_destination_and_date() -> None:
    brief = merge(ALL)
    main = [e for e in brief.engagements if e.role == "engagement"]
    context = [e for e in brief.engagements if e.role == "context"]
    singapore = next(e for e in main if e.destination_country == "Singapore")
    assert singapore.traveler == "Arman Tokhtarov"
    assert len(singapore.sources) == 3 and singapore.corroboration == 2
    astana = next(e for e in main if e.destination_city == "Astana")
    assert not astana.year_known and astana.start_date == "--11-04"
    assert astana.date_note == "year not stated by the source"
    assert [e.destination_city for e in context] == ["Hanoi"]  # Singapore-Vietnam: context
    # An undated trip has no year to be missing: no caveat beside "date not stated".
    assert context[0].start_date is None and context[0].date_note is None
    assert engagement_dates(context[0]) == format_date_range(None, None)


# Singapore's foreign minister meeting guests at home, the day of TOKHTAROV_VISIT.
TAN_HOSTS = {
    "kind": "meeting",
    "traveler": "Tan Wei Ling",
    "traveler_country": "Singapore",
    "destination_country": "Singapore",
    "start_date": "2025-03-11",
    "year_stated": True,
}


def test_a_meeting_told_by_the_host_joins_the_guests_trip() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
    ]
    guest = article(
        "guest", officials=people, visits=[{**TOKHTAROV_VISIT, "destination_city": "Singapore"}]
    )
    host = article(
        "host",
        officials=people,
        visits=[{**TAN_HOSTS, "destination_city": "Singapore", "met": ["Arman Tokhtarov"]}],
    )
    other = article(  # another minister in the same city that week, whom no report has meet
        "other",
        visits=[{**TOKHTAROV_VISIT, "traveler": "Trade Minister Bolat Sadykov"}],
    )
    brief = merge([guest, host, other])
    assert len(brief.engagements) == 2
    (joint,) = [e for e in brief.engagements if e.traveler == "Arman Tokhtarov"]
    assert (joint.kind, joint.met, joint.corroboration) == ("trip", ["Tan Wei Ling"], 2)
    assert brief.title == "Briefing: Arman Tokhtarov's visit to Singapore"
    met_only = merge([host])
    assert [e.kind for e in met_only.engagements] == ["meeting"]
    assert met_only.title == "Briefing: Tan Wei Ling meets Arman Tokhtarov in Singapore"


def test_two_ministers_abroad_together_are_two_engagements_sharing_the_hosts_side() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Bolat Sadykov", "Trade Minister", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
    ]
    met = {"met": ["Tan Wei Ling"], "destination_city": "Singapore"}
    foreign = article("foreign", officials=people, visits=[{**TOKHTAROV_VISIT, **met}])
    trade = article(
        "trade",
        officials=people,
        visits=[{**TOKHTAROV_VISIT, **met, "traveler": "Bolat Sadykov"}],
    )
    host = article(
        "host",
        officials=people,
        visits=[{**TAN_HOSTS, "met": ["Arman Tokhtarov", "Bolat Sadykov"]}],
    )
    brief = merge([foreign, trade, host])
    # One engagement per traveler (the contract's): each with the host's report of the talks.
    assert sorted((e.traveler, e.corroboration) for e in brief.engagements) == [
        ("Arman Tokhtarov", 2),
        ("Bolat Sadykov", 2),
    ]
    assert all("Tan Wei Ling" in e.met for e in brief.engagements)
    assert {e.role for e in brief.engagements} == {"engagement"}
    # The title names the visit the two make together, not one of them.
    assert brief.title == "Briefing: Arman Tokhtarov and Bolat Sadykov's visit to Singapore"


def test_the_title_names_the_central_engagement() -> None:
    assert merge(ALL).title == "Briefing: Arman Tokhtarov's visit to Singapore"
    assert "news reports" not in merge([article("untitled")]).title


NEXT_STOP = {
    "traveler": "Arman Tokhtarov",
    "traveler_country": "Kazakhstan",
    "destination_country": "Vietnam",
    "status": "planned",
}


def test_what_happened_is_central_before_a_next_stop_every_report_mentions() -> None:
    reports = [
        article("a", visits=[{**TOKHTAROV_VISIT, "status": "ongoing"}, NEXT_STOP]),
        article("b", visits=[{**TOKHTAROV_VISIT, "status": "ongoing"}, NEXT_STOP]),
        article("c", visits=[NEXT_STOP]),  # the next stop has one more report
    ]
    brief = merge(reports)
    (central,) = [e for e in brief.engagements if e.role == "engagement"]
    assert central.destination_country == "Singapore"
    assert [e.destination_country for e in brief.engagements if e.role == "context"] == ["Vietnam"]
    assert brief.title.endswith("Arman Tokhtarov's visit to Singapore")


def test_a_trip_one_of_several_reports_mentions_is_central_only_if_its_headline_places_it() -> None:
    in_town = {
        "traveler": "President Ines Mora",
        "traveler_country": "Chile",
        "destination_country": "Chile",
        "destination_city": "Valparaiso",
        "status": "past",
    }
    manhunt = article("manhunt", title="Police arrest the port bombing suspect", visits=[in_town])
    in_the_title = article("visit", title="Mora tours Valparaiso port", visits=[in_town])
    her_name_only = article("mora", title="Mora says the bomber will be found", visits=[in_town])
    untitled = article("untitled", visits=[in_town])
    other = article("other", outlet="Other", title="Port bombing suspect named")

    def roles(report: Extraction) -> list[str]:
        return [e.role for e in merge([report, other]).engagements]

    assert roles(manhunt) == ["context"]
    assert roles(in_the_title) == ["engagement"]
    assert roles(her_name_only) == ["context"]  # a headline naming her is about her
    assert roles(untitled) == ["engagement"]
    # One report alone: its trip is what it is about, whatever its headline says.
    assert [e.role for e in merge([manhunt]).engagements] == ["engagement"]


def test_a_planned_trip_one_report_gives_is_listed_as_planned() -> None:
    brief = merge([article("a", visits=[TOKHTAROV_VISIT, NEXT_STOP]), article("b")])
    single = {s.label for s in brief.single_source if s.kind == "engagement"}
    assert "Arman Tokhtarov to Vietnam (planned)" in single
    assert not any(label.endswith("(planned)") and "Singapore" in label for label in single)


def test_contradictions_and_single_source_items_are_listed() -> None:
    brief = merge(ALL)
    # Only the start day differs between two sources; the review's missing date, the
    # bulletin's year-less days and the premier's two titles are no contradictions.
    assert [(c.subject, c.field) for c in brief.contradictions] == [
        ("Arman Tokhtarov to Singapore", "start date")
    ]
    (dates,) = brief.contradictions
    assert {v.value for v in dates.values} == {"2025-03-11", "2025-03-12"}
    assert all(len(v.sources) == 1 for v in dates.values)
    lee = next(o for o in brief.officials if o.name.startswith("Lee Kah") and len(o.variants) > 1)
    assert lee.titles == ["Premier", "Prime Minister"]  # both wordings kept, not in conflict
    single = {(s.kind, s.label) for s in brief.single_source}
    assert ("official", "Lee Kah Wo") in single


def _to_kazakhstan(city: str, day: str = "2025-11-04") -> dict[str, object]:
    return {
        "traveler": "Tan Wei Ling",
        "traveler_country": "Singapore",
        "destination_country": "Kazakhstan",
        "destination_city": city,
        "start_date": day,
        "year_stated": True,
    }


def test_cities_and_days_contradict_only_across_sources() -> None:
    a = article("a", visits=[_to_kazakhstan("Astana")])
    b = article("b", visits=[_to_kazakhstan("Almaty", "2025-11-05")])
    clash = merge([a, b]).contradictions
    assert sorted((c.field, tuple(sorted(v.value for v in c.values))) for c in clash) == [
        ("city", ("Almaty", "Astana")),
        ("start date", ("2025-11-04", "2025-11-05")),
    ]
    # One report giving two cities and two days tells a tour, not a disagreement.
    tour = article(
        "tour", visits=[_to_kazakhstan("Astana"), _to_kazakhstan("Almaty", "2025-11-05")]
    )
    assert merge([tour]).contradictions == []
    assert len(merge([tour]).engagements) == 1


def test_aims_and_speculation_stay_apart_and_near_duplicates_group() -> None:
    brief = merge(ALL)
    assert [g.text for g in brief.stated_aims] == ["deepening cooperation in trade and education"]
    assert all(g.kind == "hedged_claim" for g in brief.speculation)
    assert all(g.kind == "stated_aim" for g in brief.stated_aims)
    every_member = [m.citation.span.text for g in brief.speculation for m in g.members]
    assert len(every_member) == 2


def test_every_statement_keeps_its_citations() -> None:
    brief = merge(ALL)
    numbers = {s.n for s in brief.sources}
    for entry in [*brief.engagements, *brief.officials]:
        assert entry.citations and {c.source for c in entry.citations} <= numbers
    for group in [*brief.stated_aims, *brief.speculation]:
        assert all(m.citation.source in numbers for m in group.members)


def test_a_sources_page_furniture_is_carried_for_the_page_to_dim() -> None:
    body = "Home | World\nTan Wei Ling arrived in Astana."
    paged = article("paged", text=body)
    menu = span("Home | World\n")
    paged = paged.model_copy(
        update={"source": paged.source.model_copy(update={"furniture": [menu]})}
    )
    assert [s.furniture for s in merge([paged, WIRE]).sources if s.path == "paged.txt"] == [[menu]]
    # Kept when one more article is merged into a brief that holds it.
    more = merge_into(merge([paged]), WIRE)
    assert [s.furniture for s in more.sources if s.path == "paged.txt"] == [[menu]]


def test_identical_texts_under_two_names_are_one_source() -> None:
    twin = WIRE.model_copy(
        update={"source": WIRE.source.model_copy(update={"path": "wire-copy.txt"})}
    )
    brief = merge([WIRE, twin])
    assert len(brief.sources) == 1
    assert (brief.sources[0].path, brief.sources[0].also_at) == ("wire-copy.txt", ["wire.txt"])


@settings(max_examples=30, deadline=None)
@given(st.permutations(ALL))
def test_merge_does_not_depend_on_order(order: list[Extraction]) -> None:
    assert merge(order) == merge(ALL)


@settings(max_examples=30, deadline=None)
@given(st.permutations(ALL), st.integers(min_value=1, max_value=len(ALL) - 1))
def test_merging_one_more_article_equals_merging_all_at_once(
    order: list[Extraction], split: int
) -> None:
    brief = merge(order[:split])
    for extra in order[split:]:
        brief = merge_into(brief, extra)
    assert brief == merge(ALL)


def test_title_wordings_are_never_contradictions() -> None:
    a = article("a", officials=[("Tan Wei Ling", "Foreign Minister", "Singapore")])
    b = article("b", officials=[("Tan Wei Ling", "foreign minister", "Singapore")])
    c = article("c", officials=[("Tan Wei Ling", "senior official", "Singapore")])
    assert merge([a, b]).contradictions == []
    assert merge([a, b]).officials[0].titles == ["Foreign Minister"]  # case aside, one title
    three = merge([a, b, c])
    assert three.contradictions == []
    assert three.officials[0].titles == ["Foreign Minister", "senior official"]


def test_a_place_one_report_gives_no_country_takes_the_one_another_report_gives() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
    ]
    at_istana = {
        "traveler": "Arman Tokhtarov",
        "traveler_country": "Kazakhstan",
        "destination_city": "Istana",  # a building no gazetteer places
        "met": ["Tan Wei Ling"],
    }
    placed = article(
        "placed",
        officials=people,
        visits=[{**at_istana, "destination_country": "Singapore"}],
    )
    unplaced = [article(name, officials=people, visits=[at_istana]) for name in ("a", "b")]

    brief = merge([placed, *unplaced])

    # One engagement in Singapore told by all three, not a placeless one beside it.
    assert [(e.destination_country, e.corroboration) for e in brief.engagements] == [
        ("Singapore", 3)
    ]


# Singapore's foreign minister's visit to Kazakhstan, told beside Tokhtarov's to Singapore.
TAN_TO_ASTANA = {
    "traveler": "Tan Wei Ling",
    "traveler_country": "Singapore",
    "destination_country": "Kazakhstan",
    "year_stated": True,
}


def test_a_visit_between_the_same_countries_a_month_before_the_storys_is_context() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
    ]
    # "last year's Astana visit by Tan Wei Ling"
    last_year = {**TAN_TO_ASTANA, "status": "past", "start_date": "2024"}
    last_month = {**last_year, "start_date": "2025-02-20"}  # three weeks before: the story's
    reports = [
        article("a", officials=people, visits=[TOKHTAROV_VISIT, last_year]),
        article("b", officials=people, visits=[TOKHTAROV_VISIT, last_month]),
    ]

    roles = {(e.traveler, e.start_date): e.role for e in merge(reports).engagements}

    assert roles == {
        ("Arman Tokhtarov", "2025-03-11"): "engagement",
        ("Tan Wei Ling", "2024"): "context",
        ("Tan Wei Ling", "2025-02-20"): "engagement",
    }


def test_a_plan_for_a_month_the_story_is_past_is_context() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
    ]
    # "cancelled a planned Astana visit last month"
    called_off = {**TAN_TO_ASTANA, "status": "planned", "start_date": "2025-02"}
    next_year = {**called_off, "start_date": "2026-04"}
    reports = [
        article("a", officials=people, visits=[TOKHTAROV_VISIT, called_off, next_year]),
        article("b", officials=people, visits=[TOKHTAROV_VISIT]),
    ]

    brief = merge(reports)

    roles = {(e.traveler, e.start_date): e.role for e in brief.engagements}
    assert roles == {
        ("Arman Tokhtarov", "2025-03-11"): "engagement",
        ("Tan Wei Ling", "2025-02"): "context",  # overtaken by the visit it preceded
        ("Tan Wei Ling", "2026-04"): "engagement",  # still to come: part of the story
    }


def test_a_trip_takes_the_day_most_reports_give_and_the_other_is_a_contradiction() -> None:
    # One outlet's slip ("began the tour on Friday") neither moves the trip nor hides.
    one = article("one", visits=[_to_kazakhstan("Astana", "2025-11-01")])
    two = article("two", visits=[_to_kazakhstan("Astana", "2025-11-04")])
    three = article("three", visits=[_to_kazakhstan("Astana", "2025-11-04")])
    brief = merge([one, two, three])
    [trip] = brief.engagements
    assert trip.start_date == "2025-11-04"
    [clash] = brief.contradictions
    assert sorted(v.value for v in clash.values) == ["2025-11-01", "2025-11-04"]


def test_a_fellow_traveler_is_no_one_met() -> None:
    # Two officials of one country on one trip: each met the hosts, not each other.
    def trip(who: str, met: list[str]) -> dict[str, object]:
        return {
            "traveler": who,
            "traveler_country": "Kazakhstan",
            "destination_country": "Singapore",
            "start_date": "2025-03-11",
            "year_stated": True,
            "met": met,
        }

    report = article(
        "joint",
        visits=[
            trip("Arman Tokhtarov", ["Bolat Sadykov", "Tan Wei Ling"]),
            trip("Bolat Sadykov", ["Arman Tokhtarov"]),
        ],
    )
    met = {e.traveler: e.met for e in merge([report]).engagements}
    assert met == {"Arman Tokhtarov": ["Tan Wei Ling"], "Bolat Sadykov": []}
    # A traveler from elsewhere, met there, is still met.
    other = article(
        "two",
        visits=[
            trip("Arman Tokhtarov", ["Bolat Sadykov"]),
            {**trip("Bolat Sadykov", []), "traveler_country": "Chile"},
        ],
    )
    met = {e.traveler: e.met for e in merge([other]).engagements}
    assert met["Arman Tokhtarov"] == ["Bolat Sadykov"]


GUEST = {
    "traveler": "Prime Minister Kenta Oda",
    "traveler_country": "Japan",
    "destination_country": "Chile",
    "start_date": "2025-03-14",
    "status": "planned",
    "met": ["Ines Mora"],
}


def test_a_visit_previewed_by_more_reports_is_central_and_not_yet_made() -> None:
    past = {
        "traveler": "Defense Minister Luis Ortega",
        "traveler_country": "Chile",
        "destination_country": "Japan",
        "status": "past",
    }
    # "Oda" alone in one report is the roster's Kenta Oda; the visit on the 14th, reported on
    # the 11th to the 13th, has not happened, whatever tense one report gave it.
    reports = [
        article("a", outlet="A", published="2025-03-11", visits=[GUEST, past]),
        article(
            "b",
            outlet="B",
            published="2025-03-12",
            visits=[{**GUEST, "traveler": "Oda", "status": "past"}, past],
        ),
        article(
            "c",
            outlet="C",
            published="2025-03-13",
            visits=[GUEST],
            officials=[("Kenta Oda", "Prime Minister", "Japan")],
        ),
    ]
    brief = merge(reports)
    central = [e for e in brief.engagements if e.corroboration == 3]
    assert [(e.traveler, e.status) for e in central] == [("Kenta Oda", "planned")]
    assert brief.title == "Briefing: Kenta Oda's planned visit to Chile"


def test_a_report_published_on_or_after_the_day_tells_whether_it_happened() -> None:
    # A preview a week ahead and a same-day "planned" answer do not outweigh the next day's
    # report that the visit took place.
    reports = [
        article("a", outlet="A", published="2025-03-07", visits=[GUEST]),
        article("b", outlet="B", published="2025-03-14", visits=[GUEST]),
        article("c", outlet="C", published="2025-03-15", visits=[{**GUEST, "status": "past"}]),
    ]
    [visit] = [e for e in merge(reports).engagements if e.corroboration == 3]
    assert visit.status == "past"
    # Told only before the day, it stays planned.
    early = [article("d", outlet="D", published="2025-03-10", visits=[GUEST])]
    assert [e.status for e in merge(early).engagements] == ["planned"]


def test_a_hosts_event_with_a_guest_of_its_own_is_not_anothers_visit() -> None:
    host = {
        "traveler": "Ines Mora",
        "traveler_country": "Chile",
        "destination_country": "Chile",
        "destination_city": "Valparaiso",
        "status": "planned",
        "met": ["Ana Ruiz"],
    }
    brief = merge([article("a", visits=[GUEST]), article("b", visits=[host])])
    assert sorted(len(e.sources) for e in brief.engagements) == [1, 1]
    (visit,) = [e for e in brief.engagements if e.traveler.endswith("Oda")]
    assert "Ana Ruiz" not in visit.met


def test_two_visitors_each_keep_their_own_trip_and_the_host_facts_that_name_them() -> None:
    aide = {**GUEST, "traveler": "Taro Ilse", "met": []}
    host_alone = {  # the host at home, no one named: the visit most told, not every visitor's
        "traveler": "Ines Mora",
        "traveler_country": "Chile",
        "destination_country": "Chile",
        "status": "past",
    }
    host_with_aide = {**host_alone, "met": ["Taro Ilse"]}
    brief = merge(
        [
            article("a", outlet="A", visits=[GUEST]),
            article("b", outlet="B", visits=[GUEST, aide]),
            article("c", outlet="C", visits=[host_alone]),
            article("d", outlet="D", visits=[host_with_aide]),
        ]
    )
    by_traveler = {e.traveler: e for e in brief.engagements}
    assert by_traveler["Prime Minister Kenta Oda"].sources == [1, 2, 3]
    assert by_traveler["Taro Ilse"].sources == [2, 4]


def test_one_travelers_facts_stay_one_engagement_where_a_report_puts_them_at_home() -> None:
    # One report gives the traveler the host's country: the fact reads as a host's at home
    # with a guest of its own, yet it is the same traveler's visit.
    at_home = {**GUEST, "traveler_country": "Chile", "met": ["Ana Ruiz"]}
    brief = merge(
        [article("a", outlet="A", visits=[GUEST]), article("b", outlet="B", visits=[at_home])]
    )
    assert [e.sources for e in brief.engagements] == [[1, 2]]


def test_the_title_and_the_bottom_line_lead_with_the_same_engagement() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Bolat Sadykov", "Trade Minister", "Kazakhstan"),
    ]
    later = {**TOKHTAROV_VISIT, "traveler": "Bolat Sadykov", "start_date": "2025-03-12"}
    reports = [
        article(name, officials=people, visits=[TOKHTAROV_VISIT, later])
        for name in ("first", "second")
    ]
    brief = merge(reports)
    # Two visits told by as many outlets: the earlier one leads, in the title and the memo.
    assert brief.title == "Briefing: Arman Tokhtarov's visit to Singapore"
    bottom, _ = drafts_of(brief)
    assert "Arman Tokhtarov" in bottom[0].text and "Bolat Sadykov" not in bottom[0].text


def test_an_undated_mention_joins_the_one_trip_that_is_the_news() -> None:
    people = [("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")]
    recalled = {**TOKHTAROV_VISIT, "start_date": "2024-11", "status": "past"}
    ahead = {**TOKHTAROV_VISIT, "status": "planned"}
    undated = {**TOKHTAROV_VISIT, "start_date": None, "year_stated": False, "status": "past"}
    reports = [
        article("recalls", officials=people, visits=[recalled, ahead]),
        article("previews", officials=people, visits=[ahead]),
        article("mentions", officials=people, visits=[undated]),
    ]

    trips = [e for e in merge(reports).engagements if e.destination_country == "Singapore"]

    # The November meeting one report recalls stays apart; the undated mention is the visit
    # every report previews, not a third trip.
    assert sorted((e.start_date, len(e.sources)) for e in trips) == [
        ("2024-11", 1),
        ("2025-03-11", 3),
    ]


def test_at_home_another_region_is_another_trip_and_context() -> None:
    people = [("Mira Castell", "Prime Minister", "United Kingdom")]
    today = {
        "traveler": "Mira Castell",
        "traveler_country": "United Kingdom",
        "destination_country": "United Kingdom",
        "destination_city": "Glasgow",
        "status": "ongoing",
        "start_date": "2025-03-27",
        "year_stated": True,
    }
    scotland = {**today, "destination_city": "Scotland"}
    wales = {**today, "destination_city": "Wales", "status": "past", "start_date": "2025-03"}
    brief = merge(
        [
            article("a", officials=people, visits=[today]),
            article("b", officials=people, visits=[scotland, wales]),
        ]
    )
    # Glasgow lies in Scotland: one trip told twice; Wales, earlier in the month, is another
    # region of the same country, so another trip, and context to the day's.
    roles = {
        (e.destination_city, e.start_date): (e.role, len(e.sources)) for e in brief.engagements
    }
    assert roles == {
        ("Glasgow", "2025-03-27"): ("engagement", 2),
        ("Wales", "2025-03"): ("context", 1),
    }


def test_everyone_at_the_story_s_gathering_on_its_day_is_part_of_the_story() -> None:
    people = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Tan Wei Ling", "Foreign Minister", "Singapore"),
        ("Ana Ruiz", "Secretary General", "Chile"),
    ]
    summit = {"destination_country": "Jordan", "status": "planned", "start_date": "2025-03-29"}
    guests = [
        {**summit, "traveler": name, "traveler_country": country, "year_stated": True}
        for name, country in (("Tan Wei Ling", "Singapore"), ("Ana Ruiz", "Chile"))
    ]
    earlier = {**guests[1], "start_date": "2025-01"}
    brief = merge(
        [
            article("a", officials=people, visits=[guests[0], guests[1]]),
            article("b", officials=people, visits=[guests[0], earlier]),
        ]
    )
    roles = {(e.traveler, e.start_date): e.role for e in brief.engagements}
    # Ruiz comes from elsewhere than the central traveler, to the same summit on its day.
    assert roles == {
        ("Tan Wei Ling", "2025-03-29"): "engagement",
        ("Ana Ruiz", "2025-03-29"): "engagement",
        ("Ana Ruiz", "2025-01"): "context",
    }
