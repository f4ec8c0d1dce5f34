"""A trip a sentence states in so many words is found without the model, once, and only for
the person named nearest before the place."""

from __future__ import annotations

from datetime import date

from summarize.contract.extraction import Span, Visit
from summarize.extract.grounding import Person
from summarize.extract.itinerary import same_trip
from summarize.extract.numbered import number_sentences
from summarize.extract.retold import fold_retold
from summarize.extract.stated_trips import buildings_travelled_to, stated_trips
from summarize.ingest.body import assemble_body

PUBLISHED = date(2021, 6, 2)  # a Wednesday
TEXT = (
    "Foreign Minister Tomas Dell will travel to Spain on Friday. "
    "Officials said Dell flew to Hanoi in May, where Mira Castell met him. "
    "Castell said talks could lead to Dell's visit to Brazil. "
    "Castell invited Dell to visit Chile. "
    "Castell said Dell went to Lisbon, then left for Ottawa. "
    "The delegation heads for Rabat next. "
    "Dell's trip to Spain is his first since taking office."
)


def _people() -> list[Person]:
    return [
        Person(
            name="Tomas Dell",
            official=True,
            title="Foreign Minister",
            country="Canada",
            evidence=(),
        ),
        Person(name="Mira Castell", official=False, title=None, country="Portugal", evidence=()),
    ]


def _trips(answered: list[Visit] | None = None) -> list[tuple[str, str | None, str | None, str]]:
    numbered = number_sentences(assemble_body(TEXT, [(0, len(TEXT))], []))
    found = stated_trips(numbered, _people(), PUBLISHED, answered=answered or [])
    for trip in found:
        assert trip.evidence[0].text in TEXT
    return [(t.traveler, t.destination_country, t.start_date, t.status) for t in found]


def _stated(text: str) -> list[Visit]:
    """The trips ``text`` states, for the two people of :func:`_people`."""
    return stated_trips(
        number_sentences(assemble_body(text, [(0, len(text))], [])), _people(), PUBLISHED
    )


def test_each_trip_a_travel_word_states_is_found_once_for_its_traveler() -> None:
    assert _trips() == [
        ("Tomas Dell", "Spain", "2021-06-04", "planned"),
        ("Tomas Dell", "Vietnam", "2021-05", "past"),  # "in May" right after the place
        ("Tomas Dell", "Brazil", None, "planned"),
        ("Tomas Dell", "Chile", None, "planned"),
        ("Tomas Dell", "Portugal", None, "past"),
    ]


def test_a_trip_the_model_answered_is_not_stated_again() -> None:
    said = "Dell flew to Hanoi in May"
    where = Span(start=TEXT.index(said), end=TEXT.index(said) + len(said), text=said)
    answered = Visit(
        traveler="Tomas Dell",
        destination_country="Vietnam",
        status="past",
        start_date="2021-05",
        evidence=[where],
    )

    assert ("Tomas Dell", "Vietnam", "2021-05", "past") not in _trips([answered])
    assert len(_trips([answered])) == 4
    # Answered without its day, the stated trip stands beside it to give the day, and the
    # two fold into one.
    undated = answered.model_copy(update={"start_date": None})
    numbered = number_sentences(assemble_body(TEXT, [(0, len(TEXT))], []))
    told = stated_trips(numbered, _people(), PUBLISHED, answered=[undated])
    (trip,) = [t for t in fold_retold([undated, *told]) if t.destination_country == "Vietnam"]
    assert (trip.destination_city, trip.start_date) == ("Hanoi", "2021-05")


def test_a_place_before_a_journey_noun_is_a_trip_dated_by_the_words_after_it() -> None:
    text = (
        "The dispute led Tomas Dell to cancel a planned Lima visit late last month. "
        "Dell made a trip in March."
    )
    found = _stated(text)

    # "a trip in March" names a month, not the town of March that a gazetteer may hold.
    assert [(t.destination_country, t.destination_city, t.start_date, t.status) for t in found] == [
        ("Peru", "Lima", "2021-05", "planned")
    ]


def test_someone_from_abroad_at_a_meeting_in_a_known_place_travelled_there() -> None:
    text = (
        "In May, Mira Castell met Canadian Foreign Minister Tomas Dell in Lisbon. "
        "During a meeting with Castell in the riverside city of Toronto last month, Dell "
        "spoke of trade. "
        "Castell invited Dell during their meeting in Rabat on June 1. "
        "Dell and Castell could meet in Madrid. "
        "Ahead of his visit to Oslo, Dell had met Castell in Athens."
    )
    found = _stated(text)

    # Each trip is the foreigner's: Dell in Lisbon, Castell in Toronto; both in Rabat and
    # Madrid. An invitation made at a meeting does not put the meeting ahead, nor does
    # another event it comes before; a modal does. "His visit to Oslo" is Dell's, ahead.
    assert [(t.traveler, t.destination_city, t.start_date, t.status, t.met) for t in found] == [
        ("Tomas Dell", "Oslo", None, "planned", []),
        ("Tomas Dell", "Lisbon", "2021-05", "past", ["Mira Castell"]),
        ("Mira Castell", "Toronto", "2021-05", "past", ["Tomas Dell"]),
        ("Tomas Dell", "Rabat", "2021-06-01", "past", ["Mira Castell"]),
        ("Mira Castell", "Rabat", "2021-06-01", "past", ["Tomas Dell"]),
        ("Tomas Dell", "Madrid", None, "planned", ["Mira Castell"]),
        ("Mira Castell", "Madrid", None, "planned", ["Tomas Dell"]),
        ("Tomas Dell", "Athens", None, "past", ["Mira Castell"]),
        ("Mira Castell", "Athens", None, "past", ["Tomas Dell"]),
    ]


def test_a_headline_s_to_and_a_verb_puts_the_meeting_ahead_and_a_body_s_day_dates_nothing() -> None:
    text = (
        "Dell to meet with NATO members in Lisbon\n\n"
        "Dell plans to meet with NATO ministers in Lisbon next week, the Canadian Foreign "
        "Ministry said on Wednesday."
    )
    found = _stated(text)
    assert [(t.traveler, t.destination_city, t.start_date, t.status) for t in found] == [
        ("Tomas Dell", "Lisbon", None, "planned"),
        # the body's line tells the same trip and dates it by "next week" (its month), not by
        # the ministry's Wednesday: it stands beside the headline's until fold_retold folds them
        ("Tomas Dell", "Lisbon", "2021-06", "planned"),
    ]


def test_a_place_phrase_that_starts_near_the_meeting_word_is_read_to_its_end() -> None:
    # "in" starts close after "meet"; the country closes a long phrase. "Was set to" on the
    # day of the report puts the meeting ahead.
    text = (
        "Also on Wednesday, Tomas Dell, the minister, was set to meet with his long-time "
        "counterpart, Mira Castell, in the former Portuguese colony of Mozambique."
    )
    found = _stated(text)

    assert [(t.traveler, t.destination_country, t.start_date, t.status) for t in found] == [
        ("Tomas Dell", "Mozambique", "2021-06-02", "planned"),
        ("Mira Castell", "Mozambique", "2021-06-02", "planned"),
    ]


def test_talks_named_as_a_topic_are_not_where_anyone_meets() -> None:
    topic = _stated(
        "Tomas Dell and Mira Castell will also discuss the war and the upcoming peace talks "
        "in Madrid."
    )
    before = _stated("Tomas Dell and Mira Castell discussed trade before the talks in Madrid.")

    assert topic == []
    assert [t.destination_city for t in before] == ["Madrid", "Madrid"]
    # Talks being prepared are no meeting yet; nor are talks a speaker tells of, not about
    # themselves ("said that he met ..." is their own).
    prepared = "Tomas Dell and Mira Castell agreed to cooperate in preparing the talks in Madrid."
    told = "Tomas Dell said that the meeting in Madrid had brought together ten delegations."
    own = "Tomas Dell said that he met Mira Castell in Madrid."
    assert _stated(prepared) == []
    assert _stated(told) == []
    assert [t.destination_city for t in _stated(own)] == ["Madrid", "Madrid"]
    # The source of what the sentence tells is at no meeting.
    source = "The talks in Madrid, according to Canada's envoy Tomas Dell, start on June 20."
    assert _stated(source) == []


def test_a_meeting_told_as_what_something_followed_is_done_and_placed_on_its_own() -> None:
    text = (
        "Canada and Portugal will hold talks in Madrid, the ministry said after talks between "
        "the delegations headed by Tomas Dell and Mira Castell."
    )
    found = _stated(text)
    assert [(t.kind, t.traveler, t.met, t.destination_city, t.status) for t in found] == [
        ("meeting", "Tomas Dell", ["Mira Castell"], None, "past")
    ]


def test_a_traveler_called_by_office_and_country_takes_the_trip() -> None:
    text = "The Canadian Foreign Minister's visit comes on the heels of a visit to Chile."

    assert [(t.traveler, t.destination_country) for t in _stated(text)] == [("Tomas Dell", "Chile")]


def test_a_place_far_after_the_meeting_word_is_some_other_events() -> None:
    # A scrape without sentence breaks runs two stories' lines together.
    text = (
        "Tomas Dell and Mira Castell pledged in talks on Saturday to work towards a deal but "
        "gave no details on how they would go about it - Before that Dell was seen in Madrid."
    )
    assert _stated(text) == []


def test_a_guest_welcomed_to_a_place_travelled_to_the_hosts_country() -> None:
    text = (
        "Mira Castell welcomed Foreign Minister Tomas Dell to the Belem Palace for talks "
        "on a host of issues. "
        "Dell hosted Castell in Ottawa. "
        "The ministry received Dell's letter."
    )
    found = _stated(text)

    # A building no gazetteer knows is in the host's country; "a host of" and a ministry
    # receiving a letter name no guest.
    assert [(t.traveler, t.destination_country, t.destination_city, t.met) for t in found] == [
        ("Tomas Dell", "Portugal", "Belem Palace", ["Mira Castell"]),
        ("Mira Castell", "Canada", "Ottawa", ["Tomas Dell"]),
    ]


def test_a_guest_of_a_host_with_no_place_named_travelled_to_the_hosts_country() -> None:
    text = (
        "Last year, Dell was greeted warmly by a smiling President Mira Castell. "
        "The talks are Castell's third this month. "
        "In her first weeks, she has also welcomed two prime ministers, and will host "
        "Canadian Foreign Minister Tomas Dell on Friday. "
        "Castell welcomed Dell's decision. "
        "Castell hosted talks with Dell. "
        "Dell was welcomed by Castell in a phone call."
    )
    found = _stated(text)

    # The host named after "by", or as "she", the one person the sentence before names; not
    # a decision, talks hosted or a call.
    assert [(t.traveler, t.destination_country, t.start_date, t.status, t.met) for t in found] == [
        ("Tomas Dell", "Portugal", "2020", "past", ["Mira Castell"]),
        ("Tomas Dell", "Portugal", "2021-06-04", "planned", ["Mira Castell"]),
    ]
    assert [len(t.evidence) for t in found] == [1, 2]


def test_the_country_the_sentence_before_names_is_where_the_country_is() -> None:
    text = (
        "Morocco, which hosts the talks, is the last stop of the tour. "
        "Tomas Dell will visit the country on Friday. "
        "Spain and Chile signed a pact. Dell will visit the country next. "
        "The Chilean press was told that Dell went to the country in May."
    )
    found = _stated(text)

    # One country before: that one, dated by the words after it, both sentences as evidence.
    # Two countries before, or a demonym only: no saying which.
    assert [(t.destination_country, t.start_date, t.status) for t in found] == [
        ("Morocco", "2021-06-04", "planned")
    ]
    assert [e.text for e in found[0].evidence] == [
        "Morocco, which hosts the talks, is the last stop of the tour.",
        "Tomas Dell will visit the country on Friday.",
    ]


def test_the_country_named_with_a_possessive_is_still_that_country() -> None:
    text = "China's leaders expect him. Tomas Dell will travel to the country on Friday."
    assert [(t.destination_country, t.destination_city) for t in _stated(text)] == [("China", None)]


def test_landing_driving_and_coming_lead_to_a_place() -> None:
    for text in (
        "Dell landed in Hanoi on Monday.",
        "Dell drove to Hanoi from the coast.",
        "Dell came to Hanoi for the summit.",
    ):
        assert [(t.traveler, t.destination_city) for t in _stated(text)] == [
            ("Tomas Dell", "Hanoi")
        ], text


def test_his_visit_before_the_name_is_the_visit_of_the_clause_subject() -> None:
    [trip] = _stated("During his visit to Hanoi, Dell met Castell.")
    assert (trip.traveler, trip.destination_city) == ("Tomas Dell", "Hanoi")
    # Whose visit it was is unsure where the clause after opens with no one named.
    assert _stated("During his visit to Hanoi, the minister met Castell.") == []


def test_a_journey_in_a_clause_before_the_name_is_the_subjects() -> None:
    # The traveler of "as he flew" is the subject after the comma, and an occasion may
    # stand between the travel word and its place.
    [trip] = _stated("Speaking to reporters as he flew to a rally in Hanoi, Mr. Dell said it.")
    assert (trip.traveler, trip.destination_city, trip.status) == ("Tomas Dell", "Hanoi", "past")
    # A pronoun that opens the sentence is someone the sentence before named, not the speaker.
    assert _stated("He flew to Hanoi, Dell said.") == []


def test_a_meeting_between_two_people_is_one_engagement_even_with_no_place() -> None:
    text = (
        "The trip prepares for the meeting between Foreign Minister Tomas Dell and Mira "
        "Castell. Reports said the talks may take place on July 6-7."
    )
    [meeting] = _stated(text)

    # Dated by the next sentence, which dates "the talks" and joins the evidence.
    assert (meeting.kind, meeting.traveler, meeting.met, meeting.destination_country) == (
        "meeting",
        "Tomas Dell",
        ["Mira Castell"],
        None,
    )
    assert (meeting.start_date, meeting.status) == ("2021-07-06", "planned")
    assert [e.text for e in meeting.evidence] == [
        "The trip prepares for the meeting between Foreign Minister Tomas Dell and Mira Castell.",
        "Reports said the talks may take place on July 6-7.",
    ]
    # A meeting the sentence only calls possible is one to come, if at all.
    [maybe] = _stated("A meeting between Castell and Dell is not ruled out, an aide said.")
    assert (maybe.traveler, maybe.status) == ("Mira Castell", "planned")
    # A future form after the names puts it ahead too.
    [ahead] = _stated("The meeting between Castell and Dell will take place in June.")
    assert (ahead.traveler, ahead.met, ahead.status) == ("Mira Castell", ["Tomas Dell"], "planned")
    # A trip of either of them to the meeting's place is that meeting, not a second one.
    found = _stated("Dell flew to Lisbon on Monday. The talks between Dell and Castell went well.")
    assert [(t.kind, t.traveler, t.destination_city) for t in found] == [
        ("trip", "Tomas Dell", "Lisbon")
    ]
    # A meeting in a known place is already the foreigner's trip there, Castell met.
    found = _stated("Officials said the talks between Dell and Castell in Lisbon went well.")
    assert [(t.kind, t.traveler, t.met, t.destination_country) for t in found] == [
        ("trip", "Tomas Dell", ["Mira Castell"], "Portugal")
    ]


def test_talks_on_a_tour_of_a_continent_are_in_the_country_of_the_one_met() -> None:
    found = _stated("Dell began his first European tour on Monday, holding talks with Castell.")
    assert [(t.traveler, t.destination_country, t.met, t.start_date) for t in found] == [
        ("Tomas Dell", "Portugal", ["Mira Castell"], "2021-05-31")
    ]
    # Castell's Portugal is not in Asia, and "American" names a country, not a continent.
    assert _stated("Dell began his first Asian tour on Monday, holding talks with Castell.") == []
    assert _stated("Dell began his American tour, holding talks with Castell.") == []


def _placed(place: str) -> str | None:
    """The article's venues as the venue question placed them."""
    return {"Belem Palace": "Portugal", "Rideau Hall": "Canada"}.get(place)


def test_a_trip_to_a_building_the_venues_place_is_stated_and_a_moved_day_is_its_day() -> None:
    text = (
        "Tomas Dell was scheduled to come to the Belem Palace on Tuesday, but that visit was "
        "moved back to Friday because of the storm. "
        "The visit of Mira Castell to Rideau Hall has been rescheduled to Monday. "
        "Dell went to Rideau Hall on Sunday. "
        "Castell went to the Belem Palace on Sunday. "
        "Dell flew to the Quinta Palace."
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    found = stated_trips(numbered, _people(), PUBLISHED, venues=_placed)

    # Friday and Monday lie ahead of the day the visits were moved on; a building at home
    # is no trip; a building nothing places is left.
    assert [(t.traveler, t.destination_country, t.start_date, t.status) for t in found] == [
        ("Tomas Dell", "Portugal", "2021-06-04", "planned"),
        ("Mira Castell", "Canada", "2021-06-07", "planned"),
    ]
    assert _stated(text) == []  # no venues placed: no building is a place


def test_the_buildings_a_named_person_travels_to_are_what_the_venue_question_asks() -> None:
    text = (
        "Tomas Dell will fly to the Quinta Palace on Friday. "
        "Mira Castell met visiting Foreign Secretary Dell. "
        "Dell's visit in May was his first. "
        "Officials went to the Belem Palace. "
        "A planned visit by Castell to Rideau Hall, Dell said."
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))

    # Not an office ("visiting Foreign Secretary"), a month, or a building nobody named goes to.
    assert buildings_travelled_to(numbered, _people()) == ["Quinta Palace", "Rideau Hall"]


def test_a_guest_brought_somewhere_by_the_host_named_after_the_clause_travelled_there() -> None:
    people = [
        *_people(),
        Person(name="Jun Ota", official=True, title=None, country="Japan", evidence=()),
        Person(name="Ana Ota", official=False, title=None, country="Japan", evidence=()),
        Person(name="Kenji Aso", official=True, title=None, country="Japan", evidence=()),
    ]
    text = (
        "But in bringing Dell to her ornate riverside retreat Sintra Lodge, Castell hopes "
        "to warm ties. "
        "When Aso brought Dell to Tokyo's best restaurant in 2014, the talks ran late. "
        "Castell brought Ota to Lisbon. "
        "Castell brought Tomas Dell with her to Berlin."
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    found = stated_trips(numbered, people, PUBLISHED)

    # The host after the clause; a three-letter family name only one person bears ("Aso",
    # not "Ota": two Otas); a place owning what follows is where the guest went; one who
    # brings someone abroad is no host there (Castell goes to Berlin too).
    assert [(t.traveler, t.destination_country, t.destination_city, t.met) for t in found] == [
        ("Tomas Dell", "Portugal", "Sintra Lodge", ["Mira Castell"]),
        ("Tomas Dell", "Japan", "Tokyo", ["Kenji Aso"]),
    ]


def test_a_meeting_at_a_building_the_venues_place_is_a_trip_for_whoever_is_from_elsewhere() -> None:
    text = (
        "With the budget mounting, Tomas Dell and Mira Castell are due to meet Monday at the "
        "Belem Palace. "
        "Dell met Castell in the Portuguese capital. "
        "Dell and Castell first met in November."
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    found = stated_trips(numbered, _people(), PUBLISHED, venues=_placed)

    # Castell is at home there: only Dell travelled.
    assert [(t.traveler, t.destination_country, t.start_date, t.status, t.met) for t in found] == [
        ("Tomas Dell", "Portugal", "2021-06-07", "planned", ["Mira Castell"]),
    ]
    # The venue question is asked the building, not a demonym or a month.
    assert buildings_travelled_to(numbered, _people()) == ["Belem Palace"]


def test_whom_a_traveler_met_is_named_once_by_the_fullest_name() -> None:
    people = [
        *_people(),
        Person(name="Castell", official=False, title=None, country=None, evidence=()),
        Person(name="Dell", official=False, title=None, country=None, evidence=()),
    ]
    text = "Tomas Dell met Mira Castell in Lisbon, where Castell hosted Dell at a dinner."
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    (trip,) = stated_trips(numbered, people, PUBLISHED)
    # "Castell" is Mira Castell and "Dell" the traveler himself: neither is met again.
    assert (trip.traveler, trip.destination_country, trip.met) == (
        "Tomas Dell",
        "Portugal",
        ["Mira Castell"],
    )


def test_a_family_name_two_people_bear_names_the_official_not_a_relative() -> None:
    text = "Anna Dell raised her son in Ottawa. Dell met Mira Castell in Lisbon on Monday."
    people = [
        Person("Tomas Dell", True, "Foreign Minister", "Canada", ()),
        Person("Anna Dell", False, None, "Canada", ()),
        Person("Mira Castell", True, None, "Portugal", ()),
    ]
    found = stated_trips(
        number_sentences(assemble_body(text, [(0, len(text))], [])), people, PUBLISHED
    )

    assert [(t.traveler, t.destination_city, t.met) for t in found] == [
        ("Tomas Dell", "Lisbon", ["Mira Castell"])
    ]


def test_a_journey_by_someone_named_after_it_is_theirs() -> None:
    text = "Dell's trip returns last year's Lisbon visit by Mira Castell, the prime minister."
    (trip,) = _stated(text)
    assert (trip.traveler, trip.destination_city, trip.start_date) == (
        "Mira Castell",
        "Lisbon",
        "2020",
    )


def test_a_stated_trip_gives_the_day_an_undated_answer_of_it_lacks() -> None:
    text = "Dell's visit to Lisbon on Tuesday marked his first trip there."
    undated = Visit(
        traveler="Tomas Dell",
        destination_country="Portugal",
        destination_city="Lisbon",
        status="past",
        evidence=[Span(start=0, end=len(text), text=text)],
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    (trip,) = stated_trips(numbered, _people(), PUBLISHED, answered=[undated])
    # Told on the page's own day, the visit is still under way.
    assert (trip.start_date, trip.status) == ("2021-06-01", "past")
    (today,) = stated_trips(numbered, _people(), date(2021, 6, 1), answered=[undated])
    assert (today.start_date, today.status) == ("2021-06-01", "ongoing")
    # An answer with the day already covers it.
    dated = undated.model_copy(update={"start_date": "2021-06-01"})
    assert stated_trips(numbered, _people(), PUBLISHED, answered=[dated]) == []


def test_a_meeting_again_at_a_place_far_after_the_meeting_word_is_there() -> None:
    text = (
        "Ministers are due to meet with Canadian Foreign Minister Tomas Dell for the first "
        "time next week, and again in Lisbon a week later."
    )
    (trip,) = _stated(text)
    assert (trip.traveler, trip.destination_country, trip.status) == (
        "Tomas Dell",
        "Portugal",
        "planned",
    )


def test_travelling_on_after_a_meeting_is_the_sentences_subjects_trip() -> None:
    text = (
        "Dell, abroad for the first time, will attend talks in Madrid and huddle with "
        "Mira Castell before traveling to Lisbon for more meetings."
    )
    trips = [(t.traveler, t.destination_city) for t in _stated(text)]
    assert ("Tomas Dell", "Lisbon") in trips
    assert ("Mira Castell", "Lisbon") not in trips


def test_a_visit_to_a_place_by_someone_named_after_it_is_theirs() -> None:
    text = "Castell said she hopes the current visit to Portugal by Tomas Dell will go well."
    (trip,) = _stated(text)
    # Not Castell's, named first; and "current": under way, dated by the page.
    assert (trip.traveler, trip.destination_country, trip.status, trip.start_date) == (
        "Tomas Dell",
        "Portugal",
        "ongoing",
        "2021-06-02",
    )


def test_a_guest_the_host_meets_on_the_page_s_own_day_is_there_now() -> None:
    text = "Mira Castell holds talks with Foreign Minister Tomas Dell in Lisbon on Wednesday."
    (trip,) = _stated(text)
    assert (trip.traveler, trip.destination_city, trip.start_date, trip.status) == (
        "Tomas Dell",
        "Lisbon",
        "2021-06-02",
        "ongoing",
    )


def test_a_visit_denied_is_no_trip_and_a_time_the_sentence_opens_with_dates_one() -> None:
    assert _stated("Tomas Dell will not visit Chile before the vote.") == []
    assert _stated("Officials said Tomas Dell does not plan to visit Chile tomorrow.") == []
    (trip,) = _stated("Earlier this month, Mr Dell visited Chile as part of a tour.")
    assert (trip.destination_country, trip.start_date, trip.status) == ("Chile", "2021-06", "past")


def test_a_family_name_that_is_a_modal_word_does_not_put_a_trip_ahead() -> None:
    people = [Person("Theresa May", True, "Prime Minister", "United Kingdom", ())]
    text = "Earlier this month, Mrs May visited Wales as part of a tour."
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    (trip,) = stated_trips(numbered, people, PUBLISHED)
    # Wales is a country of the United Kingdom (ISO 3166-2 "Wales [Cymru GB-CYM]"): a trip at
    # home to another region, done, not planned by a modal "may".
    assert (trip.destination_country, trip.destination_city, trip.status) == (
        "United Kingdom",
        "Wales",
        "past",
    )
    # The day's trip to Glasgow, Scotland, answered by the model, is another trip.
    today = Visit(
        traveler="Theresa May",
        traveler_country="United Kingdom",
        destination_country="United Kingdom",
        destination_city="Glasgow",
        status="ongoing",
        start_date="2021-06-02",
        evidence=[Span(start=0, end=5, text=text[:5])],
    )
    assert len(stated_trips(numbered, people, PUBLISHED, answered=[today])) == 1
    scotland = today.model_copy(update={"destination_city": "Scotland"})
    glasgow = today.model_copy(update={"start_date": None})
    assert same_trip(scotland, glasgow)


def test_a_journey_owned_by_an_office_is_its_holder_s_not_the_last_name_s() -> None:
    text = "Tomas Dell and Mira Castell held talks during the foreign minister's trip to Chile."
    (trip,) = _stated(text)
    assert trip.traveler == "Tomas Dell"
    # No one holds that office: no traveler is guessed.
    assert _stated("Dell and Castell met during the prime minister's trip to Chile.") == []


def test_who_only_tells_of_talks_abroad_did_not_travel_to_them() -> None:
    told = "Tomas Dell told Al Jazeera the rebels were not clear on the talks in Hanoi."
    assert _stated(told) == []  # he tells of them, in a clause of their own
    according = "According to Tomas Dell, the refusal to join the talks in Hanoi is a signal."
    assert _stated(according) == []
    held = _stated("Tomas Dell held talks in Hanoi with Mira Castell.")
    assert [(t.traveler, t.destination_country) for t in held] == [
        ("Tomas Dell", "Vietnam"),
        ("Mira Castell", "Vietnam"),
    ]


def test_who_says_so_after_the_talks_did_not_travel_to_them_and_was_not_met() -> None:
    told = (
        "Mira Castell plans raising the issue when she has her first meeting with Tomas Dell "
        "on June 9 in Ottawa, the minister, Tomas Dell said in an interview."
    )
    trips = _stated(told)
    assert [(t.traveler, t.destination_country, t.status, t.start_date, t.met) for t in trips] == [
        ("Mira Castell", "Canada", "planned", "2021-06-09", [])
    ]
    # The subject of the clause after a meeting told first says something of their own there.
    during = "During a meeting with Mira Castell in Hanoi, Tomas Dell suggested that they talk."
    assert sorted(t.traveler for t in _stated(during)) == ["Mira Castell", "Tomas Dell"]


def test_one_who_has_gone_there_is_the_days_news() -> None:
    (trip,) = _stated("Foreign Minister Tomas Dell has gone to France for meetings on trade.")
    assert (trip.destination_country, trip.start_date, trip.status) == (
        "France",
        "2021-06-02",
        "ongoing",
    )


def test_who_attends_a_gathering_the_story_places_travelled_to_it() -> None:
    text = (
        "Foreign ministers are holding meetings in Portugal ahead of the summit on Friday. "
        "Officials expect little. Key participants include Foreign Minister Tomas Dell. "
        "The talks in Madrid last month failed."
    )
    (trip,) = _stated(text)
    # The opening sentence places the gathering and gives its day, one still to come.
    assert (trip.traveler, trip.destination_country, trip.start_date, trip.status) == (
        "Tomas Dell",
        "Portugal",
        "2021-06-04",
        "planned",
    )
    assert len(trip.evidence) == 2
    # One attending now is there on the page's day, whatever day the sentence names.
    now = "The Lisbon talks opened today. Tomas Dell is attending the talks, which end on Friday."
    (trip,) = _stated(now)
    assert (trip.destination_country, trip.start_date, trip.status) == (
        "Portugal",
        "2021-06-02",
        "ongoing",
    )
    # A news conference is where someone speaks of a gathering, not the gathering.
    spoke = "Castell told a press conference in Madrid it went well. Tomas Dell is attending."
    assert _stated(spoke) == []


def test_who_is_supposed_to_attend_a_conference_named_for_its_city_travelled_there() -> None:
    text = (
        "The Lisbon Security Conference opens its doors. "
        "All eyes are on the conference, where Mira Castell is expected to arrive on Friday. "
        "Foreign Minister Tomas Dell is supposed to attend."
    )
    found = [(t.traveler, t.destination_country, t.start_date, t.status) for t in _stated(text)]
    # The conference's name places it; the day Castell arrives is hers, not Dell's.
    assert ("Tomas Dell", "Portugal", None, "planned") in found
    represented = "The Lisbon summit begins on Friday. Canada will be represented by Tomas Dell."
    (trip,) = _stated(represented)
    # A gathering that begins on a day lasts longer: those attending it are dated by month.
    assert (trip.traveler, trip.destination_country, trip.start_date, trip.status) == (
        "Tomas Dell",
        "Portugal",
        "2021-06",
        "planned",
    )


def test_a_name_in_what_a_meeting_is_about_is_no_one_at_it() -> None:
    # Castell is Portuguese, Dell Canadian: at talks in Madrid both would be abroad.
    text = "Ministers meet in Madrid amid Mira Castell row over Tomas Dell's remarks."
    assert _stated(text) == []
    met = "Tomas Dell met ministers in Madrid amid the row."
    assert [(t.traveler, t.destination_country) for t in _stated(met)] == [("Tomas Dell", "Spain")]


def test_two_people_joined_by_and_before_the_journey_make_it_together() -> None:
    text = (
        "Foreign Minister Tomas Dell and Mira Castell touched down in Paris today. "
        "Officials have scheduled Dell's and Castell's July visit to Chile."
    )
    found = {(t.traveler, t.destination_country, t.start_date, t.status) for t in _stated(text)}
    # "touched down", and "today" right after the place: the page's day, under way.
    assert ("Tomas Dell", "France", "2021-06-02", "ongoing") in found
    assert ("Mira Castell", "France", "2021-06-02", "ongoing") in found
    # A month that owns the visit dates it, for both owners.
    assert ("Tomas Dell", "Chile", "2021-07", "planned") in found
    assert ("Mira Castell", "Chile", "2021-07", "planned") in found


def test_a_headline_office_to_and_a_verb_puts_the_meeting_ahead() -> None:
    text = "Portuguese president to hold talks with Tomas Dell in Lisbon on June 9."
    found = _stated(text)
    assert [(t.traveler, t.destination_city, t.start_date, t.status) for t in found] == [
        ("Tomas Dell", "Lisbon", "2021-06-09", "planned")
    ]


def test_a_stop_in_a_clause_with_a_subject_of_its_own_is_not_the_first_named() -> None:
    text = (
        "Since Foreign Minister Tomas Dell, ministers have travelled to a neighbor before "
        "early April: Ana Ruiz visited Chile on February 19, 2009; Rui Costa went to Peru."
    )
    assert _stated(text) == []  # neither Ana Ruiz nor Rui Costa is among the people known
    # Dell's own stop, in his own clause, with its year; "before early April" is no later leg.
    own = "Dell travelled to Chile on February 19, 2009, before early April."
    assert [(t.traveler, t.start_date, t.status) for t in _stated(own)] == [
        ("Tomas Dell", "2009-02-19", "past")
    ]
    back = "Dell told reporters on the plane on his return journey from Chile."
    assert [(t.traveler, t.destination_country, t.status) for t in _stated(back)] == [
        ("Tomas Dell", "Chile", "past")
    ]


def test_he_travelling_is_the_subject_of_the_sentence_before() -> None:
    text = (
        "Dell will travel to Madrid for a summit. "
        "In addition, he's accepted invitations to visit Chile and Peru."
    )
    found = _stated(text)
    assert [(t.traveler, t.destination_country, t.status) for t in found] == [
        ("Tomas Dell", "Spain", "planned"),
        ("Tomas Dell", "Chile", "planned"),
        ("Tomas Dell", "Peru", "planned"),
    ]
    assert [s.text[:8] for s in found[1].evidence] == ["In addit", "Dell wil"]
    # Not where the sentence before opens with no one known, nor past someone it names.
    assert _stated("The talks ended. In addition, he's accepted invitations to visit Chile.") == []


def test_a_forthcoming_visit_is_ahead_and_one_left_for_before_the_news_is_done() -> None:
    coming = "Officials in Lisbon spoke of Minister Tomas Dell's forthcoming visit to Chile."
    assert [(t.destination_country, t.status) for t in _stated(coming)] == [("Chile", "planned")]
    left = "It was announced shortly before Dell departed to Chile on Wednesday."
    assert [(t.destination_country, t.start_date, t.status) for t in _stated(left)] == [
        ("Chile", "2021-06-02", "ongoing")
    ]
    later = "Dell spoke in Lisbon shortly before heading to Chile."
    assert [(t.destination_country, t.status) for t in _stated(later)] == [("Chile", "planned")]


def test_an_envoy_posted_in_the_country_met_there_made_no_journey() -> None:
    people = [
        *_people(),
        Person(name="Ilse Marang", official=True, title="ambassador", country="Chile", evidence=()),
    ]
    text = (
        "Who is Ilse Marang, the Chilean ambassador to Portugal? "
        "Mira Castell met with Marang in Porto, Castell confirmed."
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    assert [t.traveler for t in stated_trips(numbered, people, PUBLISHED)] == []
    # Posted elsewhere, the same meeting is a journey to Porto.
    abroad = text.replace("ambassador to Portugal", "ambassador to Spain")
    numbered = number_sentences(assemble_body(abroad, [(0, len(abroad))], []))
    assert [t.traveler for t in stated_trips(numbered, people, PUBLISHED)] == ["Ilse Marang"]
