"""Answers checked against the numbered sentences: a trip stands only on a sentence that names
who went and where, and a traveler named nowhere is replaced only by construction."""

from __future__ import annotations

from pydantic import BaseModel

from summarize.extract.grounding import (
    ArticleContext,
    Event,
    Person,
    ground_events,
    person_name,
)
from summarize.extract.numbered import number_sentences
from summarize.ingest.body import assemble_body

TEXT = (
    "Officials in Minsk welcomed the plan. "
    "A delegation led by Deputy Prime Minister Yuri Shuleiko paid a visit to Hanoi in May. "
    "Foreign Minister Maxim Ryzhenkov met Choe Son Hui and Yuri Shuleiko in Hanoi."
)


class _Event(BaseModel):
    who: str
    kind: str = "trip"
    place: str | None = "Hanoi"
    when: str | None = "May"
    status: str = "past"
    met: str | None = None
    n: int


def _ctx() -> ArticleContext:
    numbered = number_sentences(assemble_body(TEXT, [(0, len(TEXT))], []))
    people = [
        Person(name, True, None, "Belarus", ())
        for name in ("Yuri Shuleiko", "Maxim Ryzhenkov", "Choe Son Hui")
    ]
    return ArticleContext(numbered, None, people)


def test_a_traveler_named_nowhere_becomes_the_one_person_the_sentence_names() -> None:
    ctx = _ctx()
    wrong = _Event(who="Maxim Ryzhenkov", met="Yuri Shuleiko", n=2)

    grounded = ground_events([wrong], ctx, [1, 2])

    assert [(e.who, e.place, e.met) for e in grounded.items] == [("Yuri Shuleiko", "Hanoi", None)]
    assert "the one person sentence 2 names, 'Yuri Shuleiko'" in grounded.notes[0]


def test_a_sentence_naming_several_people_is_not_guessed_from() -> None:
    ctx = _ctx()
    # Sentence 3 names three people; a traveler the model put where none of the given
    # sentences names them is dropped, not reassigned to one of the three.
    outsider = _Event(who="Kim Jong Un", when=None, n=3)

    grounded = ground_events([outsider], ctx, [3])

    assert grounded.items == []
    assert "no sentence given names 'Kim Jong Un'" in grounded.dropped[0].reason


def test_a_common_noun_or_a_possessive_is_not_a_name() -> None:
    text = (
        "The British surveillance agency denied it. "
        "Clinton wants to be America's Angela Merkel, he said."
    )
    ctx = ArticleContext(number_sentences(assemble_body(text, [(0, len(text))], [])))

    assert person_name("Agency", ctx) is None  # the article never capitalizes it
    assert person_name("America's Angela Merkel", ctx) == "Angela Merkel"
    assert person_name("Clinton", ctx) == "Clinton"


PLACE_TEXT = (
    "The host told the visiting Foreign Minister Maxim Ryzhenkov that trade would grow. "
    "Choe Son Hui spoke in Hanoi last week. "
    "Officials prepared the talks in Geneva. "
    "Mr Ryzhenkov said in Hanoi that the talks had gone well."
)


def _place_ctx() -> ArticleContext:
    numbered = number_sentences(assemble_body(PLACE_TEXT, [(0, len(PLACE_TEXT))], []))
    people = [Person(n, True, None, None, ()) for n in ("Maxim Ryzhenkov", "Choe Son Hui")]
    return ArticleContext(numbered, None, people)


def _evidence(event: Event) -> list[str]:
    for span in event.evidence:
        assert PLACE_TEXT[span.start : span.end] == span.text
    return [span.text for span in event.evidence]


def test_a_trips_place_comes_from_the_nearest_sentence_about_the_same_person() -> None:
    ctx = _place_ctx()
    trip = _Event(who="Maxim Ryzhenkov", place="Hanoi", when=None, n=1)

    [event] = ground_events([trip], ctx, [1]).items

    # Sentence 2 names Hanoi too and is nearer, but it is about Choe: sentence 4 is taken.
    assert (event.n, event.place) == (1, "Hanoi")
    assert _evidence(event) == [
        "The host told the visiting Foreign Minister Maxim Ryzhenkov that trade would grow.",
        "Mr Ryzhenkov said in Hanoi that the talks had gone well.",
    ]


def test_else_from_the_nearest_sentence_that_names_the_place() -> None:
    ctx = _place_ctx()
    trip = _Event(who="Maxim Ryzhenkov", place="Geneva", when=None, n=1)

    [event] = ground_events([trip], ctx, [1]).items

    assert _evidence(event)[1] == "Officials prepared the talks in Geneva."


def test_a_place_the_article_never_names_does_not_ground_a_trip() -> None:
    ctx = _place_ctx()
    trip = _Event(who="Maxim Ryzhenkov", place="Minsk", when=None, n=1)

    grounded = ground_events([trip], ctx, [1])

    assert grounded.items == []
    assert "no sentence given names 'Maxim Ryzhenkov' and the place" in grounded.dropped[0].reason
