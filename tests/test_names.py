"""Spelling and transliteration variants are one person; different people stay apart."""

from __future__ import annotations

import pytest

from summarize.extract.event_grounding import destination
from summarize.extract.itinerary import a_place
from summarize.extract.name_mentions import names_person
from summarize.knowledge.person_names import (
    contains_name,
    is_name_particle,
    name_parts,
    same_person,
)
from summarize.knowledge.places import (
    city_country,
    countries_mentioned,
    country_display,
    country_key,
    names_a_region_elsewhere,
    region_of,
    venue_country,
)
from summarize.knowledge.titles import head_words, names_a_post, only_modifiers


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tan Wei Ling", "Tan Wei-ling"),
        ("Lee Kah Jun", "Lee Kah-jun"),
        ("Yevgeny Lapin", "Evgeniy Lapin"),
        ("Alexei Voronin", "Aleksei Voronin"),
        ("Arman Tokhtarov", "Arman Serikovich Tokhtarov"),
        ("Dmitri Balakin", "DMITRI BALAKIN"),
    ],
)
def test_variants_are_one_person(a: str, b: str) -> None:
    assert same_person(name_parts(a), name_parts(b))
    assert same_person(name_parts(b), name_parts(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lee Kah Jun", "Lee Kah Wo"),
        ("Yevgeny Lapin", "Yevgeny Sorokin"),
        ("Arman Tokhtarov", "Bolat Sadykov"),
        ("Lee Kah Jun", "Lee Kah"),
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_person(name_parts(a), name_parts(b))


def test_a_name_is_found_inside_a_title_phrase() -> None:
    phrase = name_parts("Kazakh Foreign Minister Arman Tokhtarov")
    assert contains_name(phrase, name_parts("Arman Tokhtarov"))
    assert not contains_name(phrase, name_parts("Tan Wei Ling"))


def test_country_adjectives_and_aliases() -> None:
    assert country_key("Kazakhstani") == country_key("Kazakhstan") == "kazakhstan"
    assert country_key("UAE") == country_key("United Arab Emirates") == "united arab emirates"
    assert country_key(None) is None


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("New Jersey", "united states"),  # a state no city is named after
        ("Western Cape", "south africa"),
        ("Kerala", "india"),
        ("Punjab", None),  # a province of India and of Pakistan: not placed
        ("North", None),  # words that name subdivisions in many countries: a direction
    ],
)
def test_a_state_or_province_is_placed_in_its_country(place: str, country: str | None) -> None:
    assert city_country(place) == country


@pytest.mark.parametrize(
    ("venue", "country"),
    [
        ("Hamburg Harbour Conference", "germany"),
        ("Lagos trade fair", "nigeria"),
        ("Osaka's castle grounds", "japan"),
        ("Rio de Janeiro Summit", "brazil"),
        ("Union Station", None),  # a town of a common word's name is no city to place by
        ("Central Committee headquarters", None),
        ("US Embassy", None),  # a country's embassy stands abroad
        ("German Chancellery", None),  # a demonym places nothing
        ("Hamburg", None),  # a city alone is a city, not a venue (city_country places it)
        ("Harbour Conference", None),
    ],
)
def test_a_venue_named_after_its_city_is_in_that_citys_country(
    venue: str, country: str | None
) -> None:
    assert venue_country(venue) == country


def test_a_chunk_that_saw_only_a_surname_folds_into_the_one_fuller_name() -> None:
    from summarize.contract.extraction import Official, Span
    from summarize.extract.chunk_fold import fold_officials

    def official(name: str, at: int, title: str | None = None) -> Official:
        return Official(name=name, title=title, evidence=[Span(start=at, end=at + 5, text="x" * 5)])

    names_at = [("Carla Ruedas", 0), ("Lee", 90), ("Lee Min Soo", 120), ("Lee Ha Eun", 150)]
    folded = fold_officials(
        [*(official(name, at) for name, at in names_at), official("Ruedas", 50, "President")]
    )
    names = [o.name for o in folded]
    assert names.count("Carla Ruedas") == 1 and "Ruedas" not in names
    ruedas = next(o for o in folded if o.name == "Carla Ruedas")
    assert ruedas.title == "President" and [s.start for s in ruedas.evidence] == [0, 50]
    assert "Lee" in names  # two people named Lee: which one is not guessed


def test_a_country_named_inside_another_countrys_state_is_not_mentioned() -> None:
    text = "Police in New Jersey and New Mexico met Mexican officials; Jersey's envoy came too."

    names = [c.name for c in countries_mentioned(text)]

    assert names == ["Mexico", "Jersey"]  # by "Mexican" and by "Jersey's", not by the states


def test_a_country_the_data_writes_twice_is_known_by_each_entrys_words() -> None:
    # countryinfo has "burma" beside "myanmar", and the Palestine entry with its demonym
    # beside the one named as ISO names it; Wales shares GB's code and is no second name.
    text = "Palestinian envoys flew from Burma to the Holy See; Welsh officials stayed home."

    names = [c.name for c in countries_mentioned(text)]

    assert names == ["Palestine", "Myanmar", "Holy See"]
    # Shown as a sentence writes it, not as ISO inverts it ("Palestine, State of").
    assert country_display(country_key("Palestinian")) == "Palestine"


def test_a_town_named_like_another_countrys_state_is_not_settled_by_a_rule() -> None:
    # Florida is a town in Cuba, a US state and a department of Uruguay: no rule picks one.
    assert names_a_region_elsewhere("Florida")
    assert destination("Florida") == (None, "Florida")
    assert a_place("Florida") is None
    # A city that shares its name only with its own country's state, or none, is placed.
    assert not names_a_region_elsewhere("Washington")
    assert destination("Kazan") == ("Russia", "Kazan")


def test_a_city_written_with_its_country_is_that_city_in_that_country() -> None:
    assert destination("Brussels, Belgium") == ("Belgium", "Brussels")
    assert destination("Lyon, France") == ("France", "Lyon")
    # An abbreviation after the comma is no country ("D.C." is not Congo's code).
    assert destination("Washington, D.C.")[0] != "Democratic Republic of the Congo"


def test_a_korean_name_with_a_hyphenated_given_name_is_mentioned_by_its_family_name() -> None:
    assert names_person("Ahead of the talks, Baek had met the president.", "Baek Mi-ran")
    assert names_person("Yoon said the drills would go on.", "Yoon Tae-sik")
    # Written without the hyphen, the last parts stay the key: "Kim" alone could be any of
    # several people.
    assert not names_person("Kim said no.", "Kim Min Soo")
    assert names_person("Ayrault said no.", "Jean-Marc Ayrault")


def test_a_chinese_name_in_pinyin_is_mentioned_by_its_family_name() -> None:
    assert names_person("Xi told the visitors the talks went well.", "Xi Jinping")
    assert names_person("Wang said the proposal stands.", "Wang Yi")
    assert not names_person("Jinping said no.", "Xi Jinping")
    # Names that do not spell as pinyin keep their last part: "Rex" is not Tillerson.
    assert not names_person("Rex said no.", "Rex Tillerson")
    assert not names_person("Kim said no.", "Kim Jong Un")


def test_nameparsers_vocabulary_tells_an_office_from_a_word_that_only_modifies_one() -> None:
    assert only_modifiers(head_words("Federal")) and only_modifiers(["Air"])
    assert not names_a_post(["Federal"])
    for office in ("President", "Assistant Director", "Chief of the General Staff", "Gen."):
        assert names_a_post(head_words(office)) and not only_modifiers(head_words(office))
    assert head_words("Minister for Trade and Industry") == ["Minister"]
    # nameparser spells "councillor"; American news "councilor".
    assert names_a_post(["Councilor"])
    # An occupation is no post, nor is a word nameparser does not know.
    assert not names_a_post(["Economist"]) and not only_modifiers(["Spokesman"])


def test_a_given_name_written_as_its_nickname_names_the_same_person() -> None:
    assert same_person(name_parts("Jim Mattis"), name_parts("James Mattis"))
    assert same_person(name_parts("James N. Mattis"), name_parts("Jim Mattis"))
    assert same_person(name_parts("Bill Clinton"), name_parts("William Clinton"))
    # Another given name, or the same nickname with another family name, is someone else.
    assert not same_person(name_parts("Hillary Clinton"), name_parts("Bill Clinton"))
    assert not same_person(name_parts("Jim Mattis"), name_parts("James Mattiss Ortega"))


def test_a_region_of_a_country_is_placed_and_told_apart_from_another() -> None:
    # ISO 3166-2 writes "Wales [Cymru GB-CYM]": both names place it in the United Kingdom.
    assert destination("Wales") == ("United Kingdom", "Wales")
    assert city_country("Cymru") == "united kingdom"
    # A city and the region it lies in are one region; another region is not.
    assert region_of("Glasgow") == region_of("Scotland") == region_of("East Kilbride") == "GB-SCT"
    assert region_of("Cardiff") == "GB-WLS"
    assert region_of("Houston") == region_of("Texas") == "US-TX"
    # No region where the data use another scheme, or for a country.
    assert region_of("United Kingdom") is None


@pytest.mark.parametrize("word", ["van", "de", "bin", "ibn", "dos", "El", "al"])
def test_name_particles_come_from_the_name_data(word: str) -> None:
    # "El" and "al" are particles that a hyphen may also join ("el-Sisi", "al-Assad").
    assert is_name_particle(word)


@pytest.mark.parametrize("word", ["President", "and", "the", "in", "Reuters"])
def test_other_words_are_no_name_particles(word: str) -> None:
    assert not is_name_particle(word)
