"""One person under two names: an alias the article introduces is that person."""

from __future__ import annotations

from summarize.contract.extraction import Official, Span, Visit
from summarize.extract.aliases import aliases, under_one_name

TEXT = (
    "Chile's President Ana Ruiz, also known as La Jefa, left for Peru on Thursday. "
    "Ruiz met Tomas Dell there. Marang, better known as the Admiral, stayed home."
)


def _span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start=start, end=start + len(text), text=text)


def test_an_alias_the_article_introduces_is_the_person_named_before_it() -> None:
    names = ["Ana Ruiz", "La Jefa", "Tomas Dell", "Ilse Marang"]
    assert aliases(TEXT, names) == {"La Jefa": "Ana Ruiz"}
    # No alias among the people found, or no one named before it: nothing to read twice.
    assert aliases(TEXT, ["Ana Ruiz", "Tomas Dell"]) == {}


def test_an_alias_s_journey_and_office_are_the_person_s() -> None:
    evidence = [
        _span("Chile's President Ana Ruiz, also known as La Jefa, left for Peru on Thursday.")
    ]
    officials = [
        Official(name="La Jefa", title="President", country="Chile", evidence=evidence),
        Official(name="Ana Ruiz", title="President", country="Chile", evidence=evidence),
        Official(
            name="Tomas Dell",
            title=None,
            country="Peru",
            evidence=[_span("Ruiz met Tomas Dell there.")],
        ),
    ]
    trip = Visit(
        traveler="La Jefa",
        traveler_country="Chile",
        destination_country="Peru",
        met=["Tomas Dell"],
        evidence=evidence,
    )
    met = trip.model_copy(update={"traveler": "Tomas Dell", "met": ["La Jefa", "Ana Ruiz"]})

    kept, visits = under_one_name(officials, [trip, met], {"La Jefa": "Ana Ruiz"})

    assert [o.name for o in kept] == ["Ana Ruiz", "Tomas Dell"]
    assert [(v.traveler, v.met) for v in visits] == [
        ("Ana Ruiz", ["Tomas Dell"]),
        ("Tomas Dell", ["Ana Ruiz"]),
    ]
    # Listed under the alias alone, the official keeps the office under the full name.
    (alone,) = under_one_name(officials[:1], [], {"La Jefa": "Ana Ruiz"})[0]
    assert (alone.name, alone.title) == ("Ana Ruiz", "President")
