"""A visit is an official's: a trip by anyone the article does not name as one is no
engagement of the brief.

The events question answers with the people the article names, and a small model also
answers a body ("Saudi Aramco"), a region ("Nenets Autonomous District"), an analyst or the
report's own writer as travelling. The brief's timeline holds officials' engagements (and
those of royals or a president's family, whom the people pass counts as officials), so a
visit whose traveler is none of the article's officials is dropped, with the reason. On the
tune split ten such trips went, one of them right: an official the people pass had missed.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.contract.extraction import Dropped, Official, Visit
from summarize.extract.grounding import same_name
from summarize.knowledge.person_names import mention_key, name_parts


def officials_trips(
    visits: Sequence[Visit], officials: Sequence[Official]
) -> tuple[list[Visit], list[Dropped]]:
    """The visits whose traveler is one of ``officials``, and a drop record for each other."""
    kept: list[Visit] = []
    dropped: list[Dropped] = []
    for visit in visits:
        if any(_is(visit.traveler, official.name) for official in officials):
            kept.append(visit)
            continue
        dropped.append(
            Dropped(
                kind="visit",
                item=visit.model_dump(include={"kind", "traveler", "destination_country"}),
                reason=f"{visit.traveler} is none of the officials the article names: "
                "no official's engagement",
            )
        )
    return kept, dropped


def _is(traveler: str, official: str) -> bool:
    """The official by name, or by the family name alone: "Abe" of "Shinzo Abe", and "Xi"
    of "Xi Jinping", whose family name comes first (:func:`mention_key`)."""
    parts, full = name_parts(traveler), name_parts(official)
    return (
        same_name(traveler, official)
        or (0 < len(parts) < len(full) and full[-len(parts) :] == parts)
        or (bool(parts) and parts == name_parts(mention_key(official)))
    )


__all__ = ["officials_trips"]
