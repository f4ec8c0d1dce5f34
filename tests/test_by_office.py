"""An undated trip takes the day of the sentence that tells it by the traveler's office."""

from __future__ import annotations

from datetime import date

from summarize.contract.extraction import Visit
from summarize.extract.by_office import date_by_office
from summarize.extract.grounding import ArticleContext, Person
from summarize.extract.numbered import number_sentences
from summarize.ingest.body import assemble_body

PUBLISHED = date(2021, 6, 2)  # a Wednesday
LEDE = "Canada's foreign minister arrived in Portugal on Tuesday for talks on fishing."
NAMED = "Foreign Minister Tomas Dell flew to Lisbon from Madrid and was met by officials."


def _people() -> list[Person]:
    dell = Person(
        name="Tomas Dell", official=True, title="Foreign Minister", country="Canada", evidence=()
    )
    ruiz = Person(
        name="Ana Ruiz", official=True, title="Trade Minister", country="Canada", evidence=()
    )
    return [dell, ruiz]


def _dated(text: str, **visit: object) -> Visit:
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    ctx = ArticleContext(numbered, PUBLISHED, _people())
    named = next(s for s in numbered if "Tomas Dell" in s.text)
    fields: dict[str, object] = {
        "traveler": "Tomas Dell",
        "traveler_country": "Canada",
        "destination_country": "Portugal",
        "destination_city": "Lisbon",
        "status": "past",
        "evidence": [named.span],
    }
    [found] = date_by_office([Visit.model_validate(fields | visit)], ctx)
    return found


def test_the_sentence_that_tells_the_trip_by_office_dates_it() -> None:
    found = _dated(f"{LEDE} {NAMED}")

    assert (found.start_date, found.date_text) == ("2021-06-01", "Tuesday")
    assert [s.text for s in found.evidence] == [NAMED, LEDE]  # what dates it, cited


def test_another_office_another_country_or_a_plan_dates_nothing() -> None:
    other_office = LEDE.replace("foreign minister", "trade minister")
    other_country = LEDE.replace("Portugal", "Spain")
    ahead = "Canada's foreign minister will travel to Portugal on Tuesday for talks."

    for lede in (other_office, other_country, ahead):
        assert _dated(f"{lede} {NAMED}").start_date is None, lede


def test_a_trip_with_date_words_or_two_days_told_keeps_its_own() -> None:
    again = "Canada's foreign minister also flew to Portugal on Friday."

    assert _dated(f"{LEDE} {NAMED}", date_text="in May").start_date is None
    assert _dated(f"{LEDE} {again} {NAMED}").start_date is None  # which day is unknown
