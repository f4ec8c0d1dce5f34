"""Someone there with a visit under way, with no day of their own, is there on its day; those
who accompany a traveler go where and when the traveler goes."""

from __future__ import annotations

from summarize.contract.extraction import Span, Visit
from summarize.extract.companions import accompanying, date_companions
from summarize.extract.grounding import Person
from summarize.extract.numbered import number_sentences
from summarize.ingest.body import assemble_body

TALKS = (
    "Trade Secretary Tomas Dell told a news conference in Lisbon on Thursday that talks went well."
)
ALSO = "Interior Secretary Ana Ruiz was also in Lisbon, where she met her counterpart."
THEN = "Ruiz said on Friday the visit had been useful."


def _span(text: str, start: int) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def _visit(traveler: str, span: Span, **more: object) -> Visit:
    fields = {"traveler": traveler, "destination_country": "Portugal"}
    fields |= {"destination_city": "Lisbon", "evidence": [span], **more}
    return Visit.model_validate(fields)


DELL = _visit(
    "Tomas Dell", _span(TALKS, 0), status="ongoing", date_text="Thursday",
    start_date="2025-03-13", year_stated=True,
)  # fmt: skip
ALSO_SPAN = _span(ALSO, len(TALKS) + 1)


def test_an_undated_companion_takes_the_day_and_the_sentence_of_the_visit_under_way() -> None:
    ruiz = _visit("Ana Ruiz", ALSO_SPAN, status="past")

    dell, dated = date_companions([DELL, ruiz])

    assert dell == DELL
    assert (dated.status, dated.start_date, dated.year_stated) == ("ongoing", "2025-03-13", True)
    assert [s.text for s in dated.evidence] == [ALSO, TALKS]  # what dates it, cited


def test_a_visit_with_its_own_date_words_or_a_plan_keeps_them() -> None:
    own = _visit("Ana Ruiz", _span(THEN, 200), status="past", date_text="Friday")
    planned = _visit("Ana Ruiz", ALSO_SPAN, status="planned")

    assert date_companions([DELL, own])[1] == own
    assert date_companions([DELL, planned])[1] == planned


def test_with_two_visits_under_way_on_different_days_the_day_is_unknown() -> None:
    later = _visit(
        "Ilse Marang", _span(THEN, 300), status="ongoing", start_date="2025-03-14",
        year_stated=True,
    )  # fmt: skip
    ruiz = _visit("Ana Ruiz", ALSO_SPAN, status="past")

    assert date_companions([DELL, later, ruiz])[2] == ruiz


def test_elsewhere_is_another_occasion() -> None:
    porto = _visit("Ana Ruiz", ALSO_SPAN, status="past", destination_city="Porto")

    assert date_companions([DELL, porto])[1] == porto


def test_those_who_accompany_a_traveler_go_on_the_trip() -> None:
    text = (
        "Prime Minister Kenta Oda will fly to Lisbon on Friday. "
        "The Prime Minister will be accompanied by Finance Minister Taro Ilse and "
        "Mayor Rui Sarno. "
        "Trade Secretary Tomas Dell was accompanied by aides."
    )
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    first = numbered.sentences[0].span
    trip = _visit("Oda", first, status="past", start_date="2025-03-14")  # as answered
    people = [
        Person("Kenta Oda", True, "Prime Minister", "Japan", (first,)),
        Person("Taro Ilse", True, "Finance Minister", "Japan", ()),
        Person("Rui Sarno", True, "Mayor", "Portugal", ()),  # the host's: he does not travel
        Person("Tomas Dell", True, "Trade Secretary", "Canada", ()),
    ]

    (along,) = accompanying(numbered, people, [trip])

    assert (along.traveler, along.traveler_country) == ("Taro Ilse", "Japan")
    assert (along.destination_country, along.start_date, along.status) == (
        "Portugal",
        "2025-03-14",
        "planned",
    )
    assert [s.text for s in along.evidence] == [numbered.sentences[1].text, first.text]
