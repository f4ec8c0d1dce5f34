"""The further stops one sentence gives for a trip become trips of the same traveler."""

from __future__ import annotations

from datetime import date

import pytest

from summarize.contract.extraction import Span, Visit, VisitStatus
from summarize.extract.grounding import Event
from summarize.extract.itinerary import (
    add_stops,
    ahead_in,
    dated_by_the_trip,
    done_before_page,
    journey_or_meeting,
    on_its_day,
    placed_by_home,
    posted_in,
    sentence_dates,
    status_and_dates,
    stop_fields,
    stops_in,
    tells_travel,
    under_way,
)
from summarize.ingest.date_phrases import ResolvedDates

PUBLISHED = date(2021, 6, 2)  # a Wednesday

TOUR = "Dell spoke in Lisbon on Wednesday, ahead of stops in Madrid and Rabat."
DAYS = "Dell travels to Spain on Friday, before heading to Morocco on Saturday."


def _trip(place: str | None, text: str, **more: object) -> Visit:
    return Visit.model_validate(
        {
            "traveler": "Tomas Dell",
            "traveler_country": "Canada",
            "destination_country": place,
            "status": "past",
            "evidence": [Span(start=0, end=len(text), text=text)],
            **more,
        }
    )


def _where(visits: list[Visit]) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(v.destination_country, v.destination_city, v.start_date, v.status) for v in visits]


def test_the_stops_a_trip_sentence_names_are_trips_ahead() -> None:
    lisbon = _trip("Portugal", TOUR, destination_city="Lisbon", status="ongoing")

    visits = add_stops([lisbon], ["Tomas Dell"], PUBLISHED)

    assert _where(visits) == [
        ("Portugal", "Lisbon", None, "ongoing"),
        ("Spain", "Madrid", None, "planned"),
        ("Morocco", "Rabat", None, "planned"),
    ]
    assert all(v.traveler == "Tomas Dell" and v.evidence == lisbon.evidence for v in visits)


def test_a_region_gives_way_to_the_countries_each_with_its_own_day() -> None:
    tour = _trip(None, DAYS, destination_city="Europe", status="planned")

    visits = add_stops([tour], ["Tomas Dell"], PUBLISHED)

    assert _where(visits) == [
        ("Spain", None, "2021-06-04", "planned"),
        ("Morocco", None, "2021-06-05", "planned"),
    ]
    assert [v.date_text for v in visits] == ["Friday", "Saturday"]


def test_a_stop_the_model_already_answered_is_not_added_twice() -> None:
    spain = _trip("Spain", DAYS, start_date="2021-06-04", status="planned")

    visits = add_stops([spain], ["Tomas Dell"], PUBLISHED)

    assert [v.destination_country for v in visits] == ["Spain", "Morocco"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Dell flew to Ottawa on Friday after talks in Lisbon.", "going home"),
        ("Dell met Ilse Marang, who will travel to Madrid in June.", "someone else travels"),
        ("Dell met Spanish officials in Lisbon.", "a demonym names no place"),
        ("Dell went to the Spain Pavilion in Lisbon.", "an institution, not a country"),
    ],
)
def test_no_stop_where_the_sentence_gives_none_for_the_traveler(text: str, why: str) -> None:
    lisbon = _trip("Portugal", text, destination_city="Lisbon")

    visits = add_stops([lisbon], ["Tomas Dell", "Ilse Marang"], PUBLISHED)

    assert _where(visits) == [("Portugal", "Lisbon", None, "past")], why


def test_a_capital_written_by_its_state_is_a_stop_in_that_state() -> None:
    text = "On Monday, Dell arrived in the Portuguese capital, then flew to Spain's capital."
    found = stops_in(text)

    assert [(s.place, s.country) for s in found] == [
        ("Portuguese capital", "Portugal"),
        ("Spain's capital", "Spain"),
    ]
    assert all(text[s.start : s.end] == s.place for s in found)
    # its city is not named; a capital set beside a city's name is that city
    assert stop_fields(found[0], None, ahead=False)["destination_city"] is None
    beside = stops_in("Dell arrived in Lisbon, the Portuguese capital, on Monday.")
    assert [(s.place, s.country) for s in beside] == [("Lisbon", None)]
    assert stops_in("Dell flew to the nation's capital.") == []


def test_stops_are_read_with_their_day_words_and_lists_of_places() -> None:
    found = stops_in("She will visit Japan, South Korea and China, and flew to Paris on March 3.")

    assert [(s.place, s.when) for s in found] == [
        ("Japan", None),
        ("South Korea", None),
        ("China", None),
        ("Paris", "March 3"),
    ]
    assert all(
        "She will visit Japan, South Korea and China, and flew to Paris on March 3."[
            s.start : s.end
        ]
        == s.place
        for s in found
    )


def _event(
    place: str, text: str, kind: str = "trip", status: VisitStatus = "past", when: str | None = None
) -> Event:
    span = Span(start=0, end=len(text), text=text)
    return Event(1, "Tomas Dell", kind, status, place, when, None, (span,))


def test_a_trip_is_told_by_a_word_of_travel_or_by_someone_abroad() -> None:
    talks = "In late December the two countries brokered a ceasefire for Syria."
    # No word of travel, and nothing says the person is from elsewhere: no trip.
    assert not journey_or_meeting(_event("Syria", talks), None)
    assert not journey_or_meeting(_event("Canada", "Dell addressed a rally in Canada."), "Canada")
    # Someone of another country at the place is abroad, travel word or not.
    abroad = "Dell was also in Mexico City, where he met his counterpart."
    assert journey_or_meeting(_event("Mexico City", abroad), "Canada")
    # A word of travel tells a trip whatever is known of the traveler; a meeting needs none.
    assert journey_or_meeting(_event("Syria", "Dell flew to Syria."), None)
    assert journey_or_meeting(_event("Syria", "Dell visited Syria."), None)
    assert journey_or_meeting(_event("Syria", talks, kind="meeting"), None)
    # A place no gazetteer knows, reached by someone of a known country: kept, as it may be abroad.
    assert journey_or_meeting(
        _event("White House", "Merkel held talks at the White House."), "Germany"
    )


def test_no_trip_for_an_office_held_there_and_no_meeting_at_home_with_no_one() -> None:
    posted = "Dell, the charge d'affaires at the Canadian embassy in Lisbon, said no."
    title = "charge d'affaires at the Canadian embassy in Lisbon"
    assert not journey_or_meeting(_event("Lisbon", posted), "Canada", title)
    assert journey_or_meeting(_event("Lisbon", posted), "Canada", "Foreign Minister")
    # Without a title, the appositive after the name says what they are.
    assert not journey_or_meeting(_event("Lisbon", posted), "Canada")
    visiting = "Dell, the visiting trade minister, met the press in Lisbon."
    assert journey_or_meeting(_event("Lisbon", visiting), "Canada")
    norms = "We expect Lisbon to meet the norms, Dell said."
    assert not journey_or_meeting(_event("Portugal", norms, kind="meeting"), "Portugal")
    met = Event(1, "Tomas Dell", "meeting", "past", "Portugal", None, "Ana Ruiz", ())
    assert journey_or_meeting(met, "Portugal")  # a meeting at home with someone is one


def test_hosting_foreign_officials_at_home_is_an_engagement_and_an_absence_is_none() -> None:
    hosts = "Dell is to meet with interior ministers from a number of EU countries in Lisbon."
    assert journey_or_meeting(_event("Lisbon", hosts), "Portugal")
    alone = "Dell is to meet with the press in Lisbon."
    assert not journey_or_meeting(_event("Lisbon", alone), "Portugal")
    absent = "Dell's absence from the summit in Rome underscores the rift."
    assert not journey_or_meeting(_event("Rome", absent), "Canada")
    assert not journey_or_meeting(_event("Rome", absent, kind="meeting"), "Canada")
    skipped = "Dell skipped the summit in Rome."
    assert not journey_or_meeting(_event("Rome", skipped), "Canada")
    there = "Dell attended the summit in Rome."
    assert journey_or_meeting(_event("Rome", there), "Canada")
    # A boycott or an attendance denied, where another sentence is cited for the place.
    boycott = "Forty states boycott the talks in Rome."
    lead = Span(start=0, end=len(boycott), text=boycott)
    denied = 'Dell said: "Canada is not attending the negotiations on the treaty."'
    quoted = Span(start=len(boycott) + 1, end=len(boycott) + 1 + len(denied), text=denied)
    assert not journey_or_meeting(
        Event(2, "Tomas Dell", "trip", "past", "Rome", None, None, (lead, quoted)), "Canada"
    )
    boycotted = "Dell boycotted the summit in Rome."
    assert not journey_or_meeting(_event("Rome", boycotted), "Canada")
    # Someone else's boycott, after the traveler's name, says nothing of theirs.
    blamed = "In Astana, Dell blamed Lyon for the opposition boycott."
    assert journey_or_meeting(_event("Astana", blamed), "Canada")


def test_a_meeting_at_home_needs_the_one_met_near_its_place() -> None:
    ours = "At a meeting of the commission in Lisbon in 2016, we had a useful discussion."
    named = "Tomas Dell and Mira Castell spoke on Monday."
    # The place's sentence puts no one there; the one that names both has no place.
    assert not journey_or_meeting(_met_in(ours, named), "Portugal")
    there = "Dell met Castell in Lisbon on Monday."
    assert journey_or_meeting(_met_in(there), "Portugal")
    by_office = "The prime minister has met the first minister in Lisbon."
    assert journey_or_meeting(_met_in(by_office), "Portugal")


def _met_in(*texts: str) -> Event:
    """Dell's meeting with Castell in Lisbon, citing ``texts``."""
    spans = tuple(Span(start=0, end=len(t), text=t) for t in texts)
    return Event(1, "Tomas Dell", "meeting", "past", "Lisbon", None, "Mira Castell", spans)


def test_a_half_year_after_the_place_or_a_month_owning_the_visit_dates_the_trip() -> None:
    found = stops_in("Dell will pay a visit to Spain in the first half of 2022, she said.")
    assert [(s.place, s.when) for s in found] == [("Spain", "in the first half of 2022")]
    owned = stops_in("Visits lie ahead, including Dell's July visit to Spain and Morocco.")
    assert [(s.place, s.when) for s in owned] == [("Spain", "July"), ("Morocco", "July")]
    # A month that is a name is no owner's month: "Mrs May visited Wales".
    assert [(s.place, s.when) for s in stops_in("Mrs May visited Wales.")] == [("Wales", None)]


def test_the_day_a_body_reported_it_does_not_date_what_it_reports() -> None:
    published = date(2017, 3, 24)  # a Friday
    plans = "Dell plans to visit Lisbon next week, the Canadian Foreign Ministry said on Friday."
    # "next week" dates it to the week's months (March 27 to April 2), not to the Friday
    assert sentence_dates(plans, published, ahead=True) == ResolvedDates("2017-03", "2017-04", True)
    # What was said dates what it tells; the day of saying only where it has none.
    confirmed = "On Monday, Dell confirmed that he flew to Lisbon last week."
    assert sentence_dates(confirmed, published, ahead=False).start == "2017-03"
    # One who speaks where they are dates their own stay.
    spoke = "Lisbon (CNN) Foreign Minister Tomas Dell said Thursday that talks went well."
    assert sentence_dates(spoke, published, ahead=False).start == "2017-03-23"


@pytest.mark.parametrize(
    "text",
    [
        "Dell, along with his deputy, is in Lisbon for a brief trip.",
        "Dell is currently on an official visit to Lisbon.",
        "Dell is visiting Lisbon this week.",
        "The mayor told visiting Canadian Foreign Minister Tomas Dell that talks went well.",
        "Speaking in Lisbon ahead of his meeting with the president, Dell said it would go well.",
        # A day ahead in the sentence is another event's: the trip is under way today.
        "Speaking in Lisbon ahead of his meeting with the president tomorrow, Dell said so.",
        "The mayor hopes the current visit to Lisbon by Dell will open a new page.",
        "Dell is travelling to Lisbon for the last summit before the vote.",
        "The delegations of Canada and Spain are holding a meeting in Portugal's Lisbon.",
        "Tomas Dell and Mira Castell are meeting in Lisbon two days before the vote.",
    ],
)
def test_a_trip_told_as_under_way_is_dated_by_its_page(text: str) -> None:
    # The model answered it as done or to come, with no date words: the sentence says
    # the traveler is there now, so it is under way on the day the page was published.
    for answered in ("past", "planned"):
        status, dates = status_and_dates(_event("Lisbon", text, status=answered), PUBLISHED)

        assert (status, dates.start) == ("ongoing", "2021-06-02")


@pytest.mark.parametrize(
    "text",
    [
        "Dell was in Lisbon last year.",
        "Dell is in talks with Lisbon's mayor.",
        "Dell is interested in Lisbon.",
        "The visiting delegation met Dell in Lisbon.",
        "Dell said that speaking in Lisbon was an honour.",
        "Speaking in Lisbon last year, Dell said so.",
    ],
)
def test_a_trip_not_told_as_under_way_keeps_the_answered_status(text: str) -> None:
    assert not under_way(text, "Tomas Dell", "Lisbon")
    status, dates = status_and_dates(_event("Lisbon", text), PUBLISHED)
    assert status == "past"
    assert dates.start in (None, "2020")  # not the page's day; "last year" after the place


def test_a_trip_counted_back_from_the_page_is_done_and_dated_so() -> None:
    # The model answered it as under way, with no date words: "ten months ago" says when.
    text = "At the last Lisbon talks, ten months ago, Dell had to shuttle between the parties."
    status, dates = status_and_dates(_event("Lisbon", text, status="ongoing"), PUBLISHED)
    assert (status, dates.start) == ("past", "2020-08")


def test_the_one_who_invited_the_visit_travels_nowhere() -> None:
    invited = "The Portuguese president is on a visit to Canada at the invitation of Tomas Dell."
    assert not journey_or_meeting(_event("Canada", invited), "Canada")
    # Named also as the one who travels, the inviter's own trip stands.
    both = "Dell flew to Lisbon at the invitation of Ana Ruiz, whom Dell met there."
    assert journey_or_meeting(_event("Lisbon", both), "Canada")


def test_a_trip_done_on_the_day_is_under_way_unless_its_sentence_says_it_is_over() -> None:
    done = "Talks stalled on Wednesday as Dell visited Lisbon."
    over = "Talks stalled on Wednesday as Dell wrapped up his first trip to Lisbon."
    assert status_and_dates(_event("Lisbon", done, when="on Wednesday"), PUBLISHED)[0] == (
        "ongoing"
    )
    status, dates = status_and_dates(_event("Lisbon", over, when="on Wednesday"), PUBLISHED)
    assert (status, dates.start) == ("past", "2021-06-02")


def test_a_meeting_still_being_prepared_is_planned_and_a_wire_dateline_does_not_date_it() -> None:
    headline = "Chile, Peru working on Dell-Castell meeting in Lisbon"
    dateline = (
        "LIMA, June 2. /EFE/. Chile and Peru are working on the possibility of a meeting of "
        "Foreign Minister Tomas Dell and Mira Castell in Lisbon, a spokeswoman said."
    )
    for text in (headline, dateline):
        status, dates = status_and_dates(_event("Lisbon", text, status="ongoing"), PUBLISHED)

        assert (status, dates.start) == ("planned", None)


def test_date_words_answered_still_date_a_trip_under_way() -> None:
    text = "Dell is in Lisbon, where he arrived on Monday."
    status, dates = status_and_dates(_event("Lisbon", text, when="on Monday"), PUBLISHED)
    assert (status, dates.start) == ("ongoing", "2021-05-31")


def test_a_future_form_before_the_place_makes_a_trip_answered_as_past_planned() -> None:
    text = "After Spain, on June 4 Dell will pay a one-day visit to Lisbon."
    status, dates = status_and_dates(_event("Lisbon", text, when="June 4"), PUBLISHED)
    assert (status, dates.start) == ("planned", "2021-06-04")
    # A future form about somewhere else, in another clause, says nothing of this trip.
    other = "Dell, who will fly home on Friday, was in Lisbon in May."
    assert status_and_dates(_event("Lisbon", other), PUBLISHED)[0] == "past"


def test_a_trip_answered_as_past_but_dated_after_the_page_is_planned() -> None:
    text = "Talks between Dell and Marang are due in Lisbon on June 20."
    status, dates = status_and_dates(_event("Lisbon", text, when="June 20"), PUBLISHED)
    assert (status, dates.start) == ("planned", "2021-06-20")
    same_month = status_and_dates(_event("Lisbon", "Dell met Marang in Lisbon in June."), PUBLISHED)
    assert same_month[0] == "past"  # at the month's precision, not after the page


def test_a_future_form_before_the_place_makes_a_trip_answered_as_under_way_planned() -> None:
    # "On Friday" ahead of a Wednesday page is two days on, not five days back.
    text = "Dell and Marang will hold talks at the Belem Palace on Friday."
    status, dates = status_and_dates(
        _event("Belem Palace", text, status="ongoing", when="on Friday"), PUBLISHED
    )
    assert (status, dates.start) == ("planned", "2021-06-04")


def test_a_trip_done_on_the_day_of_the_report_is_still_under_way() -> None:
    text = "Dell met his counterpart in Lisbon on Wednesday."
    status, dates = status_and_dates(_event("Lisbon", text, when="on Wednesday"), PUBLISHED)
    assert (status, dates.start) == ("ongoing", "2021-06-02")
    earlier = status_and_dates(_event("Lisbon", text, when="on Monday"), PUBLISHED)
    assert (earlier[0], earlier[1].start) == ("past", "2021-05-31")


def test_an_undated_news_conference_there_is_the_days_news() -> None:
    text = "Dell told a news conference in Lisbon after meeting his counterpart."
    status, dates = status_and_dates(_event("Lisbon", text), PUBLISHED)
    assert (status, dates.start) == ("ongoing", "2021-06-02")
    # With a day of its own, or spoken by someone else, it keeps what the model answered.
    dated = "Dell told a news conference in Lisbon in 2019 that talks had stalled."
    assert status_and_dates(_event("Lisbon", dated), PUBLISHED)[0] == "past"
    other = "Ruiz told a news conference that Dell had been in Lisbon."
    assert status_and_dates(_event("Lisbon", other), PUBLISHED)[0] == "past"


def test_what_they_were_doing_there_opening_the_sentence_is_the_days_news() -> None:
    text = "Addressing a gathering of business figures in Lisbon, Mr Dell said he would work on."
    status, dates = status_and_dates(_event("Lisbon", text), PUBLISHED)
    assert (status, dates.start) == ("ongoing", "2021-06-02")
    # What they did after an event there may be days old.
    after = "Speaking after a NATO conference in Lisbon, Dell described the talks as useful."
    assert status_and_dates(_event("Lisbon", after), PUBLISHED)[0] == "past"


def test_no_journey_to_a_place_named_as_a_topic_or_told_of_others_by_the_traveler() -> None:
    topic = "Dell said Canada would host a conference on Somalia on May 11."
    assert not journey_or_meeting(_event("Somalia", topic), "Canada")
    # Where a gathering being prepared will be held is no one's journey yet.
    prepared = "Dell and the rebels have discussed preparations for intra-Lyonnais talks in Geneva."
    assert not journey_or_meeting(_event("Geneva", prepared), "Canada")
    others = "Canadian troops had entered the centre of Mosul, Dell said on Sunday."
    assert not journey_or_meeting(_event("Mosul", others), "Canada")
    # Said there, after the verb of saying, it is theirs.
    there = '"There will be no deportations", Mr Dell told a news conference in Lisbon.'
    assert journey_or_meeting(_event("Lisbon", there), "Canada")
    # Talks being prepared, and talks the place only names, in the traveler's sentence.
    preparing = "Dell and Ruiz agreed to cooperate in preparing the intra-Lyonnais talks in Geneva."
    assert not journey_or_meeting(_event("Geneva", preparing), "Canada")
    preparatory = "Dell and other ministers are holding preparatory meetings in Jordan."
    assert journey_or_meeting(_event("Jordan", preparatory), "Canada")
    named = "Dell expects Geneva talks on Syria to be successful"
    assert not journey_or_meeting(_event("Geneva", named), "Canada")
    assert journey_or_meeting(_event("Geneva", "Dell arrived for the Geneva talks."), "Canada")
    with_dell, in_tokyo = "Ruiz was meeting with Tomas Dell.", "The Tokyo talks may end the row."
    meeting = Span(start=0, end=len(with_dell), text=with_dell)
    tokyo = Span(start=len(with_dell) + 1, end=len(with_dell) + 1 + len(in_tokyo), text=in_tokyo)
    assert journey_or_meeting(
        Event(1, "Tomas Dell", "trip", "past", "Tokyo", None, None, (meeting, tokyo)), "Canada"
    )
    # What a speaker says that others did there; not what they say of their own trip.
    reported = "Dell said that the meeting in Astana had brought together three delegations."
    assert not journey_or_meeting(_event("Astana", reported), "Canada")
    own = "Dell confirmed that he traveled to Astana last week."
    assert journey_or_meeting(_event("Astana", own), "Canada")
    said_there = "Dell said in Astana that the meeting had brought together three delegations."
    assert journey_or_meeting(_event("Astana", said_there), "Canada")
    # A source of what the sentence tells, and who says what others should do there.
    source = "The talks in Geneva, according to UN envoy Tomas Dell, are scheduled for May 3."
    assert not journey_or_meeting(_event("Geneva", source), "Canada")
    urged = "The United Nations should speed up the talks in Geneva, Dell said."
    assert not journey_or_meeting(_event("Geneva", urged), "Canada")
    # The traveler only in a clause of another event, after someone else's attribution.
    other = (
        "Lima and Oslo will hold talks in Brussels, the ministry said after talks headed by Dell."
    )
    assert not journey_or_meeting(_event("Brussels", other), "Canada")
    speaking = "Speaking in Brussels after a meeting with Ruiz, Dell said the deal was close."
    assert journey_or_meeting(_event("Brussels", speaking), "Canada")


def test_a_year_or_month_right_after_the_place_dates_the_trip() -> None:
    (stop,) = stops_in("When Dell visited Chile in 2014, the president received him.")
    assert stop.when == "in 2014"
    text = "Dell met Marang in Lisbon last November, and has spoken of it since 2014."
    status, dates = status_and_dates(_event("Lisbon", text), PUBLISHED)
    assert (status, dates.start) == ("past", "2020-11")
    # Farther from the place a coarse date dates nothing.
    other = "Dell, who has led the party since 2014, was in Lisbon."
    assert status_and_dates(_event("Lisbon", other), PUBLISHED)[1].start is None


def test_a_meeting_scheduled_to_be_held_there_puts_the_trip_ahead() -> None:
    text = (
        "On Friday, Dell will take part in the meeting of the two ministers scheduled to be "
        "held in Portugal's capital of Lisbon."
    )
    status, dates = status_and_dates(_event("Lisbon", text, when="On Friday"), PUBLISHED)
    assert (status, dates.start) == ("planned", "2021-06-04")
    # "due to" alone is a cause: it puts nothing ahead.
    cause = "Talks were shelved due to the crisis in Lisbon."
    assert status_and_dates(_event("Lisbon", cause), PUBLISHED)[0] == "past"


def test_a_later_this_year_right_after_the_place_dates_the_trip() -> None:
    (stop,) = stops_in("The talks would plan a visit by Dell to Lisbon later this year.")
    assert stop.when == "later this year"
    (stop,) = stops_in("Dell will travel to Lisbon next month to meet Marang.")
    assert stop.when == "next month"
    status, dates = status_and_dates(_event("Lisbon", "Dell was in Lisbon last year."), PUBLISHED)
    assert (status, dates.start) == ("past", "2020")
    (stop,) = stops_in("During Dell's visit to Portugal, at the end of last year, they met.")
    assert stop.when == "at the end of last year"
    assert stop_fields(stop, PUBLISHED, ahead=False)["start_date"] == "2020"
    (stop,) = stops_in("Dell travelled to Lisbon late last month.")
    assert stop.when == "late last month"


def test_a_trip_told_ahead_but_dated_before_the_page_was_made() -> None:
    text = "The meeting will follow the deal reached during Dell's visit to Lisbon in May 2020."
    told = _trip("Portugal", text, status="planned", start_date="2020-05")
    ahead = _trip("Portugal", text, status="planned", start_date="2021-07")
    (made, still_ahead) = done_before_page([told, ahead], PUBLISHED)
    assert (made.status, still_ahead.status) == ("past", "planned")
    # One called off, or only ever planned, was never made.
    off = "The strike forced Dell to cancel a planned visit to Lisbon in May 2020."
    called_off = _trip("Portugal", off, status="planned", start_date="2020-05")
    assert done_before_page([called_off], PUBLISHED)[0].status == "planned"
    # A year-less day is not placed before the page.
    yearless = _trip("Portugal", text, status="planned", start_date="--05-10")
    assert done_before_page([yearless], PUBLISHED)[0].status == "planned"


def test_a_day_the_sentence_opens_with_or_that_owns_the_journey_dates_it() -> None:
    (stop,) = stops_in("On Tuesday, Dell will make a brief, packed visit to Lisbon.")
    assert stop.when == "Tuesday"
    # only the first stop: "then" takes the next one to another day
    first, then = stops_in("On Friday, Dell flew to Madrid, then went to Rabat.")
    assert (first.when, then.when) == ("Friday", None)
    (stop,) = stops_in("The trip returns last year's Lisbon visit by Mira Castell.")
    assert stop.when == "last year"
    (stop,) = stops_in("Sunday's visit to Lisbon was brief.")
    assert stop.when == "Sunday"


def test_a_regime_of_travel_leads_nowhere() -> None:
    assert stops_in("It is early to speak of visa-free travel for Georgia, Dell said.") == []
    assert [s.place for s in stops_in("Dell will travel to Georgia.")] == ["Georgia"]


def test_heading_somewhere_is_ahead_and_a_topic_is_no_journey() -> None:
    heading = "Dell is heading to Lisbon, seeking common ground."
    assert status_and_dates(_event("Lisbon", heading), PUBLISHED)[0] == "planned"
    assert stops_in("When it comes to Spain, Dell and Castell agree.") == []
    assert not tells_travel("When it comes to Spain, Dell and Castell agree.")


def test_a_trip_done_on_the_day_of_the_report_is_under_way_unless_said_to_be_over() -> None:
    today = PUBLISHED.isoformat()
    assert on_its_day("past", today, PUBLISHED, "Dell's visit to Lisbon marked a first.") == (
        "ongoing"
    )
    assert on_its_day("past", today, PUBLISHED, "Dell left Lisbon.") == "past"
    assert on_its_day("past", "2021-06-01", PUBLISHED, "Dell's visit to Lisbon.") == "past"


def test_a_visit_to_someones_own_place_leads_there() -> None:
    stops = stops_in("It was as when Castell visited his Braga, Portugal, estate in 2001.")
    assert [s.place for s in stops] == ["Braga", "Portugal"]
    assert stops_in("Dell visited his mother in hospital.") == []


def test_attending_an_event_named_after_its_place_leads_there() -> None:
    def venues(place: str) -> str | None:
        return "Portugal" if place == "Lisbon Forum" else None

    (stop,) = stops_in("Dell will attend the Lisbon Forum on Friday.", venues)
    assert (stop.place, stop.country, stop.when) == ("Lisbon Forum", "Portugal", "Friday")
    assert stops_in("Dell attended the cabinet meeting.", venues) == []


def test_a_travelers_own_coming_still_ahead_makes_the_trip_planned() -> None:
    text = "All eyes are on the Lisbon Forum, where Tomas Dell is expected to arrive on Friday."
    status, dates = status_and_dates(_event("Lisbon", text, when="on Friday"), PUBLISHED)
    assert (status, dates.start) == ("planned", "2021-06-04")
    # Someone else's coming says nothing of his.
    other = "Dell was in Lisbon, where Castell is expected to arrive on Friday."
    assert status_and_dates(_event("Lisbon", other), PUBLISHED)[0] != "planned"
    # The traveler, the subject of a future form, at the place later in the clause.
    later = "Dell will seek to offer a steadier message during remarks and talks in Lisbon."
    assert status_and_dates(_event("Lisbon", later), PUBLISHED)[0] == "planned"


def test_what_the_traveler_means_to_do_at_the_place_is_still_ahead() -> None:
    for text, when in (
        ("Tomas Dell-hopes to meet Castell at the side of the Lisbon Forum on June 9.", "June 9"),
        ("Dell plans raising it when he meets the new U.S. envoy in Lisbon on June 9.", "June 9"),
        ("Canada's Dell to meet Castell in Lisbon on June 9-10", "June 9-10"),
    ):
        status, dates = status_and_dates(_event("Lisbon", text, when=when), PUBLISHED)
        assert (status, dates.start) == ("planned", "2021-06-09"), text
    # The family name a sentence uses: "Xi" of "Xi Jinping".
    xi = "China's Xi to meet Castell in Lisbon on June 9-10"
    span = Span(start=0, end=len(xi), text=xi)
    event = Event(1, "Xi Jinping", "trip", "past", "Lisbon", "June 9-10", None, (span,))
    assert status_and_dates(event, PUBLISHED)[0] == "planned"


def test_a_place_read_whole_or_the_site_visited_is_in() -> None:
    # A character the page lost runs on from the name: "Aroná" is no "Aron" (a town in India).
    assert stops_in("He spoke during the visit to Aron\ufffd\ufffd camp.") == []
    assert [s.place for s in stops_in("Dell visits FARC demobilisation camp in Colombia")] == [
        "Colombia"
    ]
    # A scrape's hyphen after a full stop ends a listed place.
    listed = 'before his departure on a visit to Bahrain, Saudi Arabia and Qatar.- "We did"'
    assert [s.place for s in stops_in(listed)] == ["Bahrain", "Saudi Arabia", "Qatar"]
    # Only for the site visited, not for a name listed after the place.
    said = (
        "During a visit to Poland, Chancellor Ana Quist has said the situation in Ukraine is bad."
    )
    assert [s.place for s in stops_in(said)] == ["Poland"]


def test_a_meeting_just_done_or_told_from_its_place_is_the_page_s_news() -> None:
    for text in (
        "Dell has met the Portuguese president in a Lisbon hotel.",
        "In Lisbon, Canadian envoy Tomas Dell blamed the rebels for the delay.",
    ):
        status, dates = status_and_dates(_event("Lisbon", text), PUBLISHED)
        assert (status, dates.start) == ("ongoing", "2021-06-02"), text
    # A count of meetings is no news of the day.
    status, dates = status_and_dates(
        _event("Lisbon", "Dell has met her in Lisbon twice."), PUBLISHED
    )
    assert (status, dates.start) == ("past", None)


def test_the_sentence_naming_the_place_for_the_cited_one_can_put_them_there_now() -> None:
    place = "Delegations are holding talks in Lisbon at the Ritz hotel."
    cited = "Canada's delegation is led by Tomas Dell."
    spans = (
        Span(start=61, end=61 + len(cited), text=cited),
        Span(start=0, end=len(place), text=place),
    )
    event = Event(2, "Tomas Dell", "trip", "past", "Lisbon", None, None, spans)
    status, dates = status_and_dates(event, PUBLISHED)
    assert (status, dates.start) == ("ongoing", "2021-06-02")


def test_someone_met_at_home_is_an_engagement_without_a_border_crossed() -> None:
    text = "The prime minister has met the first minister in a Glasgow hotel."
    met = Event(
        1,
        "Tomas Dell",
        "trip",
        "past",
        "Glasgow",
        None,
        "Mira Castell",
        (Span(start=0, end=len(text), text=text),),
    )
    assert journey_or_meeting(met, "United Kingdom")
    alone = Event(1, "Tomas Dell", "trip", "past", "Glasgow", None, None, met.evidence)
    assert not journey_or_meeting(alone, "United Kingdom")


def test_a_department_is_no_departure() -> None:
    assert not tells_travel("A lecturer at Marmara University's Department of Politics said so.")
    assert tells_travel("The minister departed for Lisbon.")


def test_a_plan_said_in_the_traveler_own_or_a_host_words_makes_the_trip_planned() -> None:
    # A page of June 2 speaks of April: next year's, once the trip is known to lie ahead.
    for text in (
        '"We are going to visit Lisbon in April," she said.',
        "Dell has also agreed to attend a summit of NATO leaders in Lisbon in April.",
        "Dell has accepted invitations to visit Lisbon in April.",
        "Dell said he was ready to meet Castell in Lisbon in April.",
        "Castell will host Canadian Prime Minister Tomas Dell for talks in Lisbon in April.",
    ):
        status, dates = status_and_dates(_event("Lisbon", text, when="in April"), PUBLISHED)
        assert (status, dates.start) == ("planned", "2022-04"), text
    # A host who hosted, or one who will host someone else, says nothing of this trip.
    hosted = "Castell hosted Dell for talks in Lisbon in April."
    assert status_and_dates(_event("Lisbon", hosted, when="in April"), PUBLISHED)[0] == "past"


def test_a_plan_after_a_name_written_family_name_first_makes_the_trip_planned() -> None:
    # "Xi" is what later sentences write of "Xi Jinping"; the name in full may come first.
    text = "China's President Zhou Mingli plans to visit Lisbon in midyear, an envoy said."
    span = Span(start=0, end=len(text), text=text)
    event = Event(1, "Zhou Mingli", "trip", "past", "Lisbon", "in midyear", None, (span,))
    assert status_and_dates(event, PUBLISHED) == ("planned", ResolvedDates("2021", None, True))


def test_a_trip_answered_as_planned_that_the_traveler_made_is_past() -> None:
    text = "Foreign Minister Tomas Dell visited Spain and Lisbon on his first trip abroad."
    assert status_and_dates(_event("Lisbon", text, status="planned"), PUBLISHED)[0] == "past"
    # A visit the sentence says is still to come stays planned.
    ahead = "Dell visited Spain in May and will go on to Lisbon in June."
    assert status_and_dates(_event("Lisbon", ahead, status="planned"), PUBLISHED)[0] == "planned"


def test_the_traveler_plan_in_any_sentence_the_event_cites_makes_it_planned() -> None:
    headline = "Canadian leader to visit Lisbon, meet Portugal's president in April"
    body = "Canadian Prime Minister Tomas Dell plans to visit Lisbon in April, an aide said."
    spans = (
        Span(start=0, end=len(headline), text=headline),
        Span(start=70, end=70 + len(body), text=body),
    )
    event = Event(1, "Tomas Dell", "trip", "past", "Lisbon", "April", None, spans)
    status, dates = status_and_dates(event, PUBLISHED)
    assert (status, dates.start) == ("planned", "2022-04")
    # Another sentence's future form near the place, not the traveler's own, does not.
    venue = 'Dell\'s meeting will take place at the Hotel Bristol, known in Lisbon as "neutral".'
    other = (spans[0], Span(start=70, end=70 + len(venue), text=venue))
    past = Event(1, "Tomas Dell", "trip", "past", "Lisbon", "April", None, other)
    assert status_and_dates(past, PUBLISHED)[0] == "past"


def test_a_day_with_its_year_or_range_and_a_return_from_a_place_are_stops() -> None:
    listed = (
        "Leaders have gone to a neighbor first: Ana Ruiz visited Canada on February 19, 2009; "
        "Mira Castell went to Mexico April 3-4, 1993."
    )
    assert [(s.place, s.when) for s in stops_in(listed)] == [
        ("Canada", "February 19, 2009"),
        ("Mexico", "April 3-4, 1993"),
    ]
    back = "Dell told reporters on a plane on his return journey from Pakistan."
    assert [s.place for s in stops_in(back)] == ["Pakistan"]
    assert [s.place for s in stops_in("Dell, returning from Chile, said so.")] == ["Chile"]


def test_an_office_held_in_a_country_posts_its_holder_there() -> None:
    assert posted_in("Chilean ambassador to Portugal") == "portugal"
    assert posted_in("Permanent Representative to the UN Office in Geneva") == "switzerland"
    assert posted_in("the charge d'affaires at the embassy in Lisbon") == "portugal"
    # An envoy "to" a country is sent there from elsewhere; an office that names none posts no one.
    assert posted_in("UN special envoy to Syria") is None
    assert posted_in("Italian Ambassador") is None


def test_a_place_several_countries_name_is_in_the_traveler_s_own_where_it_is_one() -> None:
    text = "On his first trip there as president, Dell mingled at his club in Florida."
    home = _trip(None, text, destination_city="Florida", traveler_country="United States")
    away = _trip(None, text, destination_city="Florida", traveler_country="Canada")
    placed = placed_by_home([home, away])
    # Florida: a US state, a department of Uruguay, a town in Cuba; not a Canadian place.
    assert [v.destination_country for v in placed] == ["United States", None]


def test_a_town_written_with_a_region_of_the_traveler_s_country_is_there() -> None:
    text = "Dell joined his family in Aspen, Colorado, on Monday."
    trip = _trip(None, text, destination_city="Aspen, Colorado", traveler_country="United States")
    assert [v.destination_country for v in placed_by_home([trip])] == ["United States"]


def test_a_month_and_year_a_visit_is_scheduled_for_dates_it() -> None:
    found = stops_in("It is to be signed during the visit of Dell to Lisbon set for March 2017.")
    assert [(s.place, s.when) for s in found] == [("Lisbon", "March 2017")]
    (stop,) = stops_in("Dell will travel to Lisbon in March 2017, aides said.")
    assert stop.when == "March 2017"


def test_the_coming_weeks_are_a_time_ahead_not_a_journey() -> None:
    assert not tells_travel("He expects a discussion within the coming weeks, he said.")
    assert tells_travel("He is coming to Lisbon next week.")


def test_a_meeting_someone_is_planning_lies_ahead() -> None:
    assert ahead_in("Dell is planning to also meet in ")
    assert not ahead_in("Dell met in ")


def test_the_day_of_telling_is_not_the_day_of_the_trip_told() -> None:
    told = "On Monday, Dell confirmed that he traveled to Lisbon last week to meet a source."
    event = dated_by_the_trip(_event("Lisbon", told, when="Monday"))
    assert event.when == "last week"
    assert status_and_dates(event, PUBLISHED)[1].start == "2021-05"
    # Words that date the trip itself stay, though other date words follow the place.
    went = "On Monday, Dell traveled to Lisbon, and he will return next week."
    assert dated_by_the_trip(_event("Lisbon", went, when="Monday")).when == "Monday"
    # The week after a place dates an undated trip as a year or a month does.
    undated = "Dell visited Lisbon last week."
    assert status_and_dates(_event("Lisbon", undated), PUBLISHED)[1].start == "2021-05"
    planned = "Dell will visit Lisbon next week for talks."
    assert status_and_dates(_event("Lisbon", planned, status="planned"), PUBLISHED)[1].start == (
        "2021-06"
    )
