"""Answers checked against the numbered sentences: a trip stands only on a sentence that names
who went and where, and a traveler named nowhere is replaced only by construction."""

from __future__ import annotations

from pydantic import BaseModel

from summarize.extract.grounding import ArticleContext, Person, ground_events, person_name
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
