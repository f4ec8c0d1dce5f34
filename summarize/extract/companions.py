"""A traveler there with others is there when they are.

A report of a visit under way often names who came along without a day of their own: "US
Secretary of State X was also in Mexico City, where he met his counterpart", "It fell to
Homeland Security Secretary Y to reassure his hosts". On its own such a sentence is an
undated trip in the past; read with the article, it is the same occasion as the visit under
way in that city, and a reader dates it so. The date comes from that visit, and so does its
evidence: the sentence that dates it joins the companion's.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.contract.extraction import Visit
from summarize.extract.grounding import same_name


def date_companions(visits: Sequence[Visit]) -> list[Visit]:
    """Each undated visit (no date words, not planned) to a city where exactly one dated
    visit by someone else is under way takes that visit's dates, and is under way too."""
    return [_dated_by(visit, visits) for visit in visits]


def _dated_by(visit: Visit, visits: Sequence[Visit]) -> Visit:
    if visit.start_date is not None or visit.date_text is not None or visit.status == "planned":
        return visit
    city = (visit.destination_city or "").casefold()
    if not city:
        return visit
    under_way = [
        other
        for other in visits
        if other.status == "ongoing"
        and other.start_date is not None
        and (other.destination_city or "").casefold() == city
        and not same_name(other.traveler, visit.traveler)
    ]
    if len({(o.start_date, o.end_date) for o in under_way}) != 1:
        return visit  # none, or visits under way on different days: which one is unknown
    occasion = under_way[0]
    known = {(s.start, s.end) for s in visit.evidence}
    dating = [s for s in occasion.evidence[:1] if (s.start, s.end) not in known]
    return visit.model_copy(
        update={
            "status": "ongoing",
            "start_date": occasion.start_date,
            "end_date": occasion.end_date,
            "year_stated": occasion.year_stated,
            "evidence": [*visit.evidence, *dating],
        }
    )


__all__ = ["date_companions"]
