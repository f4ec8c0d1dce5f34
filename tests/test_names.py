"""Spelling and transliteration variants are one person; different people stay apart."""

from __future__ import annotations

import pytest

from summarize.knowledge.person_names import contains_name, name_parts, same_person
from summarize.knowledge.places import country_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Choe Son Hui", "Choe Son-hui"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Alexander Lukashenko", "Aleksandr Lukashenko"),
        ("Maxim Ryzhenkov", "Maxim Vladimirovich Ryzhenkov"),
        ("Vladimir Putin", "VLADIMIR PUTIN"),
    ],
)
def test_variants_are_one_person(a: str, b: str) -> None:
    assert same_person(name_parts(a), name_parts(b))
    assert same_person(name_parts(b), name_parts(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Jong Gyu"),
        ("Alexander Lukashenko", "Alexander Kozlov"),
        ("Maxim Ryzhenkov", "Yuri Shuleiko"),
        ("Kim Jong Un", "Kim Jong"),
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_person(name_parts(a), name_parts(b))


def test_a_name_is_found_inside_a_title_phrase() -> None:
    phrase = name_parts("Belarusian Foreign Minister Maxim Ryzhenkov")
    assert contains_name(phrase, name_parts("Maxim Ryzhenkov"))
    assert not contains_name(phrase, name_parts("Choe Son Hui"))


def test_country_adjectives_and_aliases() -> None:
    assert country_key("Belarusian") == country_key("Belarus") == "belarus"
    assert country_key("DPRK") == country_key("North Korea") == "north korea"
    assert country_key(None) is None
