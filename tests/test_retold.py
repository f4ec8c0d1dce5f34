"""A trip told twice in one article is listed once, with the day the lead gives it."""

from __future__ import annotations

from datetime import date

from summarize.contract.extraction import Span, Visit, VisitStatus
from summarize.extract.grounding import Person
from summarize.extract.numbered import number_sentences
from summarize.extract.retold import fold_retold
from summarize.extract.stated_trips import stated_trips
from summarize.ingest.body import assemble_body

LEAD = "The two ministers met in Lisbon on Monday."
LATER = "Dell sat down for talks with Mira Castell."
ARTICLE = f"{LEAD} {LATER}"


def _visit(
    city: str | None,
    text: str,
    start: str | None = None,
    status: VisitStatus = "past",
    met: tuple[str, ...] = (),
    traveler: str = "Tomas Dell",
) -> Visit:
    return Visit(
        traveler=traveler,
        destination_country="Portugal",
        destination_city=city,
        start_date=start,
        status=status,
        met=list(met),
        evidence=[Span(start=ARTICLE.index(text), end=ARTICLE.index(text) + len(text), text=text)],
    )


def test_an_undated_retelling_folds_into_the_dated_trip() -> None:
    dated = _visit("Lisbon", LEAD, "2021-05-31")
    retold = _visit("Lisbon", LATER, met=("Mira Castell",))

    (trip,) = fold_retold([retold, dated])

    assert (trip.start_date, trip.met) == ("2021-05-31", ["Mira Castell"])
    assert [s.text for s in trip.evidence] == [LEAD, LATER]


def test_other_trips_stay_apart() -> None:
    dated = _visit("Lisbon", LEAD, "2021-05-31")
    # someone else; another city; a plan against a trip made
    others = [
        _visit("Lisbon", LATER, traveler="Mira Castell"),
        _visit("Porto", LATER),
        _visit("Lisbon", LATER, status="planned"),
    ]
    assert fold_retold([dated, *others]) == [dated, *others]
    # two dated trips there: which one is retold is unknown
    again = _visit("Lisbon", LEAD, "2020-01-10")
    assert len(fold_retold([dated, again, _visit("Lisbon", LATER)])) == 3


def test_a_stated_day_stands_beside_an_undated_answer_to_be_folded_in() -> None:
    text = f"Dell travelled to Lisbon on Monday. {LATER}"
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    people = [Person("Tomas Dell", True, "Foreign Minister", "Canada", ())]
    answered = _visit("Lisbon", LATER)

    told = stated_trips(numbered, people, date(2021, 6, 2), [answered])

    assert [(t.destination_city, t.start_date) for t in told] == [("Lisbon", "2021-05-31")]
    (trip,) = fold_retold([answered, *told])
    assert trip.start_date == "2021-05-31"


def test_an_undated_telling_that_names_only_the_country_folds_into_the_dated_trip() -> None:
    # "During a visit to Portugal, Dell said ..." and "Dell's visit to Lisbon on Monday"
    dated = _visit("Lisbon", LEAD, "2021-05-31")
    (trip,) = fold_retold([_visit(None, LATER), dated])
    assert (trip.destination_city, trip.start_date) == ("Lisbon", "2021-05-31")
