"""Date compatibility: a less precise date is acceptable, an invented year or a wrong day is not."""

from __future__ import annotations

from summarize.contract.partial_date import PartialDate


def dates_compatible(predicted: str | None, gold: str | None) -> bool:
    """Whether a system's ISO date agrees with the gold one.

    No gold date accepts anything, and no predicted date is the least precise answer: it
    matches, and the date column counts it wrong. Otherwise the year must be given exactly
    when the gold gives it (a year the article never states is invented), the month must
    agree, and the day may be left out but must agree when given.
    """
    want = PartialDate.parse(gold)
    if want is None or predicted is None:
        return True
    got = PartialDate.parse(predicted)
    return got is not None and got.compatible_with(want)
