"""The day the sentence after a meeting gives it: "The meeting on Tuesday was the first ...".

A lead often tells who met where and leaves the day to the next sentence, which opens by
naming the event again ("Saudi Arabia has hailed a turning point after a meeting between
Trump and the deputy crown prince at the White House. The meeting on Tuesday was the first
since ..."). An undated visit whose first sentence is such a lead takes that day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from summarize.contract.extraction import Visit
from summarize.extract.numbered import Numbered
from summarize.ingest.date_phrases import resolve_dates

# The event named again, and its day right after: "The meeting on Tuesday", "The talks last
# Friday", "The visit on March 14".
_NAMED_AGAIN = re.compile(
    r"^(?:The|That|This)\s+(?:meeting|talks|visit|trip|summit)s?\s+"
    r"(?P<day>(?:on|last|this)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+\s+\d{1,2}))\b"
)


def dated_by_next(
    visits: Sequence[Visit], numbered: Numbered, published: date | None
) -> list[Visit]:
    """Each undated visit, not planned, whose first sentence is followed by one naming the
    event again with its day, dated by that day (and under way if that is the page's day, as
    a trip done on the day of the report is)."""
    following = {a.span.start: b for a, b in zip(numbered, list(numbered)[1:], strict=False)}
    out: list[Visit] = []
    for visit in visits:
        undated = visit.start_date is None and visit.date_text is None
        after = following.get(visit.evidence[0].start) if visit.evidence and undated else None
        again = _NAMED_AGAIN.match(after.text) if after is not None else None
        dates = resolve_dates(again.group("day"), published) if again is not None else None
        if after is None or again is None or dates is None or dates.start is None:
            out.append(visit)
            continue
        if visit.status == "planned":  # a plan's day is its own sentence's to give
            out.append(visit)
            continue
        today = published is not None and dates.start == published.isoformat()
        out.append(
            visit.model_copy(
                update={
                    "status": "ongoing" if today else visit.status,
                    "date_text": again.group("day"),
                    "start_date": dates.start,
                    "end_date": dates.end,
                    "year_stated": dates.year_stated,
                    "evidence": [*visit.evidence, after.span],
                }
            )
        )
    return out


__all__ = ["dated_by_next"]
