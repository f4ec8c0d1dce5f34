"""A trip told twice in one article: the lead dates it, a later sentence tells whom was met.

"The foreign and defense ministers from Japan and Russia met in Tokyo on Monday" and, further
down, "Inada sat down for talks with Russian Defense Minister Sergei Shoigu" are one trip of
Shoigu's to Tokyo; the second telling names no day. An undated telling folds into the one
dated telling of the same traveler's trip to the same city (to the same country, where it
names no city: "During a visit to Poland, Merkel said" and "Merkel's brief visit to Warsaw
on Tuesday"), planned with planned and done with done, so the trip is listed once, with its
day and everyone met.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.contract.extraction import Visit
from summarize.extract.name_mentions import same_name


def _undated(visit: Visit) -> bool:
    return visit.start_date is None and visit.date_text is None


def adds_a_day(known: Visit, trip: Visit) -> bool:
    """Whether ``trip`` gives the day that ``known``, a telling of the same trip (the same
    city, where ``known`` names one), lacks: it stands beside it until :func:`fold_retold`
    folds the two."""
    return _undated(known) and trip.start_date is not None and _city_fits(known, trip)


def _retells(undated: Visit, dated: Visit) -> bool:
    """The same traveler's trip to the same country, to the same city where the undated
    telling names one ("During a visit to Poland" retells "her visit to Warsaw on Tuesday")."""
    return (
        undated.destination_country is not None
        and not _undated(dated)
        and same_name(undated.traveler, dated.traveler)
        and undated.destination_country == dated.destination_country
        and _city_fits(undated, dated)
        and (undated.status == "planned") == (dated.status == "planned")
    )


def _city_fits(undated: Visit, dated: Visit) -> bool:
    """The dated telling's city is the undated one's, where the undated one names a city."""
    city = undated.destination_city
    return city is None or city.casefold() == (dated.destination_city or "").casefold()


def _merged(dated: Visit, undated: Visit) -> Visit:
    seen = {(s.start, s.end) for s in dated.evidence}
    met = [*dated.met, *(m for m in undated.met if not any(same_name(m, k) for k in dated.met))]
    more = [s for s in undated.evidence if (s.start, s.end) not in seen]
    return dated.model_copy(
        update={
            "met": met,
            "purpose": dated.purpose or undated.purpose,
            "evidence": [*dated.evidence, *more],
        }
    )


def fold_retold(visits: Sequence[Visit]) -> list[Visit]:
    """Each undated visit that retells exactly one dated visit folded into it."""
    out = list(visits)
    for undated in [v for v in visits if _undated(v)]:
        dated = [i for i, v in enumerate(out) if _retells(undated, v)]
        if len(dated) != 1:
            continue  # none, or trips there on different days: which one is unknown
        out[dated[0]] = _merged(out[dated[0]], undated)
        out.remove(undated)
    return out


__all__ = ["adds_a_day", "fold_retold"]
