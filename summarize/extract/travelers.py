"""A visit is an official's: a trip by anyone the article does not name as one is no
engagement of the brief.

The events question answers with the people the article names, and a small model also
answers a body ("Saudi Aramco"), a region ("Nenets Autonomous District"), an analyst or the
report's own writer as travelling. The brief's timeline holds officials' engagements (and
those of royals or a president's family, whom the people pass counts as officials), so a
visit whose traveler is none of the article's officials is dropped, with the reason. On the
tune split ten such trips went, one of them right: an official the people pass had missed.

An ambassador lives in the country of the post, so a trip there is none either: the model
gives one to an ambassador for what they said of someone else's visit ("Ambassador to China
Andrei Denisov said" of Putin's trip to Beijing); two such trips went on the tune split.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from summarize.contract.extraction import Dropped, Official, Visit
from summarize.extract.name_mentions import same_name
from summarize.knowledge.person_names import mention_key, name_parts
from summarize.knowledge.places import country_key, find_country
from summarize.llm.prompts import grammar_words


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
        reason = "is none of the officials the article names: no official's engagement"
        dropped.append(_dropped(visit, reason))
    return kept, dropped


def at_their_post(
    visits: Sequence[Visit], officials: Sequence[Official]
) -> tuple[list[Visit], list[Dropped]]:
    """The visits without an official's trip to the country of their post ("Ambassador to
    China" in Beijing), and a drop record for each: they live there, so the trip is one a
    small model gave them for what they said of someone else's."""
    kept: list[Visit] = []
    dropped: list[Dropped] = []
    for visit in visits:
        post = next(
            (
                country
                for official in officials
                if _is(visit.traveler, official.name)
                and (country := _posted_in(official.title)) is not None
            ),
            None,
        )
        if visit.kind != "trip" or post is None or post != country_key(visit.destination_country):
            kept.append(visit)
            continue
        dropped.append(_dropped(visit, f"is posted in {visit.destination_country}: no trip"))
    return kept, dropped


def _dropped(visit: Visit, why: str) -> Dropped:
    """The drop record of a visit: who, where, and why ``{traveler} {why}``."""
    return Dropped(
        kind="visit",
        item=visit.model_dump(include={"kind", "traveler", "destination_country"}),
        reason=f"{visit.traveler} {why}",
    )


def _posted_in(title: str | None) -> str | None:
    """The country key a resident post names, or its city's ("ambassador to China", "Russian
    ambassador in France", "Ambassador in Moscow"), or None."""
    found = _posted().search(title or "")
    country = find_country(found.group("place")) if found else None  # or its city's
    return country.key if country is not None else None


@cache
def _posted() -> re.Pattern[str]:
    """A resident post and the place after "to" or "in" ("ambassador to China")."""
    posts = "|".join(re.escape(w) for w in sorted(grammar_words("resident_post")))
    place = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*"
    return re.compile(rf"\b(?:{posts})\s+(?:to|in)\s+(?:the\s+)?(?P<place>{place})", re.IGNORECASE)


def _is(traveler: str, official: str) -> bool:
    """The official by name, or by the family name alone: "Abe" of "Shinzo Abe", and "Xi"
    of "Xi Jinping", whose family name comes first (:func:`mention_key`)."""
    parts, full = name_parts(traveler), name_parts(official)
    return (
        same_name(traveler, official)
        or (0 < len(parts) < len(full) and full[-len(parts) :] == parts)
        or (bool(parts) and parts == name_parts(mention_key(official)))
    )


__all__ = ["at_their_post", "officials_trips"]
