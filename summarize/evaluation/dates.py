"""Date compatibility: a less precise date is acceptable, an invented year or a wrong day is not."""

from __future__ import annotations

import re

_ISO = re.compile(r"^(?:(\d{4})|-)(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_parts(value: str | None) -> tuple[str | None, str | None, str | None] | None:
    """(year, month, day) of ``2024-07-23``, ``2025-05``, ``2024``, ``--10-28`` or ``--06``."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if year is None and month is None:
        return None
    return year, month, day


def dates_compatible(predicted: str | None, gold: str | None) -> bool:
    """Whether a system's ISO date agrees with the gold one.

    No gold date accepts anything. Otherwise the year must be given exactly when the gold
    gives it (a year the article never states is invented), the month must agree, and the
    day may be left out but must agree when given.
    """
    want = date_parts(gold)
    if want is None:
        return True
    got = date_parts(predicted)
    if got is None:
        return False
    (gy, gm, gd), (py, pm, pd) = want, got
    if py != gy or pm != gm:
        return False
    return pd is None or pd == gd
