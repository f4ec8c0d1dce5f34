"""A meeting the lead leaves undated takes the day the next sentence gives it."""

from __future__ import annotations

from datetime import date

from summarize.contract.extraction import Span, Visit, VisitStatus
from summarize.extract.meeting_day import dated_by_next
from summarize.extract.numbered import number_sentences
from summarize.ingest.body import assemble_body

PUBLISHED = date(2021, 6, 2)  # a Wednesday
LEAD = "Lyon hailed a turning point after a meeting between Oskar Brandt and Mira Castell."


def _dated(after: str, status: VisitStatus = "past") -> Visit:
    text = f"{LEAD} {after}"
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    visit = Visit(
        traveler="Oskar Brandt",
        destination_country="France",
        destination_city="Lyon",
        status=status,
        evidence=[Span(start=0, end=len(LEAD), text=LEAD)],
    )
    (out,) = dated_by_next([visit], numbered, PUBLISHED)
    return out


def test_the_meeting_named_again_with_its_day_dates_it() -> None:
    visit = _dated("The meeting on Monday was the first since May.")
    assert (visit.start_date, visit.status) == ("2021-05-31", "past")
    assert [s.text for s in visit.evidence][-1] == "The meeting on Monday was the first since May."
    today = _dated("The talks on Wednesday went well.")
    assert (today.start_date, today.status) == ("2021-06-02", "ongoing")  # the page's day


def test_a_next_sentence_about_something_else_or_a_plan_dates_nothing() -> None:
    assert _dated("Markets rose on Monday.").start_date is None
    assert _dated("The meeting was long. It ended on Monday.").start_date is None
    assert _dated("The meeting on Friday will be the first.", status="planned").start_date is None
