"""The host's side of a visit is part of the visit, not an event of its own.

When a foreign minister visits, the report names the host too ("closed-door meetings with
visiting Secretary X", "X met Foreign Minister Y in Tokyo"), and a small model answers the
host as travelling to their own country. The gold rules (``eval/dev/GOLD_RULES.md``) count
one trip with whom the traveler met; the host's side stands on its own only when the article
reports it on its own. So an event of someone at home is folded into a visitor's trip to
that country when the two share a cited sentence or one names the other as met. Where the
visitor's side was not answered at all ("On Friday, Abe will meet Trump again at the White
House", answered as Trump's trip to the White House), the host's event is the guests' trip.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from summarize.contract.extraction import Dropped, Official, Visit
from summarize.extract.event_grounding import destination
from summarize.extract.name_mentions import names_person, same_name
from summarize.extract.stated_trips import MEETING_WORD, reports_it


def fold_hosts(visits: Sequence[Visit]) -> tuple[list[Visit], list[Dropped]]:
    """The visits without the hosts' sides of them, and a drop record for each one folded.

    A folded host joins whom the visitor met when the visit's own evidence names them.
    """
    visitors = [v for v in visits if _abroad(v)]
    kept: list[Visit] = []
    dropped: list[Dropped] = []
    for visit in visits:
        visitor = next((w for w in visitors if _hosts(visit, w)), None)
        if visitor is None:
            kept.append(visit)
            continue
        named = any(names_person(s.text, visit.traveler) for s in visitor.evidence)
        if named and not any(same_name(m, visit.traveler) for m in visitor.met):
            visitor.met.append(visit.traveler)
        dropped.append(
            Dropped(
                kind="visit",
                item=visit.model_dump(include={"kind", "traveler", "destination_country"}),
                reason=f"{visit.traveler} hosts {visitor.traveler}'s visit to "
                f"{visitor.destination_country}: one event, not two",
            )
        )
    return kept, dropped


def alone_at_home(visits: Sequence[Visit]) -> tuple[list[Visit], list[Dropped]]:
    """The visits without a trip to a building in the traveler's own country where no one is
    met (a president at his own club, at a reception at his own residence): no border
    crossed and no meeting, so no engagement. One to meet someone unnamed stays ("traveled
    to the White House ... in order to meet a source"). What is left of a host's side once
    the guests' trips have taken it in (:func:`as_guests`, :func:`fold_hosts`)."""
    kept: list[Visit] = []
    dropped: list[Dropped] = []
    for visit in visits:
        if (
            visit.kind == "trip"
            and not visit.met
            and _at_home(visit)
            and _a_building(visit)
            and not any(_MET_UNNAMED.search(span.text) for span in visit.evidence)
        ):
            dropped.append(
                Dropped(
                    kind="visit",
                    item=visit.model_dump(include={"kind", "traveler", "destination_city"}),
                    reason=f"{visit.traveler} at {visit.destination_city}, at home, meeting "
                    "no one: no border crossed, no meeting",
                )
            )
        else:
            kept.append(visit)
    return kept, dropped


# Someone met whom the article does not name: "traveled to the White House ... in order to
# meet a source", "met with several lawmakers there".
_MET_UNNAMED = re.compile(
    r"\b(?:to\s+meet|met)(?:\s+with)?\s+(?:a|an|one|two|three|several|some)\s", re.IGNORECASE
)


def _a_building(visit: Visit) -> bool:
    """A destination no gazetteer places: a venue the article or the model placed (not a
    city written with its province, "Ottawa, Ontario")."""
    city = visit.destination_city
    return city is not None and all(destination(part)[0] is None for part in city.split(","))


# A word that tells a meeting, not a journey (the stated trips' own, or hosting or welcoming
# someone): where a host meets a guest at home.
_MEETING = re.compile(rf"{MEETING_WORD.pattern}|\b(?:host(?:s|ed|ing)?|welcom\w*)\b", re.IGNORECASE)


def as_guests(visit: Visit, country_of: Mapping[str, str | None]) -> list[Visit]:
    """The trips of the guests a host's event at home tells of: each person from elsewhere
    (``country_of``, the people pass's countries) named in its sentence where that sentence
    tells a meeting, with the host among whom they met; the event itself where it names none."""
    if not _at_home(visit) or not visit.evidence or not _MEETING.search(visit.evidence[0].text):
        return [visit]
    text = visit.evidence[0].text
    people = list(country_of)
    guests = [
        (name, country)
        for name, country in country_of.items()
        if country not in (None, visit.destination_country)
        and names_person(text, name, people)
        and not _tells_it(text, name)
    ]
    return [
        visit.model_copy(
            update={
                "traveler": name,
                "traveler_country": country,
                "met": [visit.traveler, *(m for m in visit.met if not same_name(m, name))],
            }
        )
        for name, country in guests
    ] or [visit]


def _tells_it(text: str, name: str) -> bool:
    """Whether the sentence names the person only as who tells of the meeting: "... hopes to
    meet ..., the Indian Ambassador in Moscow, Pankaj Saran told reporters"."""
    meeting = _MEETING.search(text)
    return meeting is not None and reports_it(text, name, meeting.start())


def _abroad(visit: Visit) -> bool:
    """A trip or a meeting away from the traveler's own country: either has a host."""
    return (
        visit.traveler_country is not None
        and visit.destination_country is not None
        and visit.traveler_country != visit.destination_country
    )


def _at_home(visit: Visit) -> bool:
    return visit.destination_country is not None and (
        visit.traveler_country == visit.destination_country
    )


def _hosts(host: Visit, visit: Visit) -> bool:
    """``host`` is at home where ``visit`` went, and the article ties the two together."""
    if not _at_home(host) or host.destination_country != visit.destination_country:
        return False
    shared = {s.start for s in host.evidence} & {s.start for s in visit.evidence}
    met = any(same_name(m, host.traveler) for m in visit.met) or any(
        same_name(m, visit.traveler) for m in host.met
    )
    # "Xi told Salman in Beijing's Great Hall of the People ...": the host's own sentence
    # names the visitor, in the city the visitor went to
    named = host.destination_city is not None and (
        host.destination_city == visit.destination_city
        and any(names_person(s.text, visit.traveler) for s in host.evidence)
    )
    return bool(shared) or met or named


def host_countries(officials: Sequence[Official], visits: Sequence[Visit]) -> list[Official]:
    """The officials; one of unknown country whom a visitor met abroad is of the country the
    visit was to ("will pay a visit to South Korea to meet with the acting President Hwang
    Kyo-ahn": South Korea's), unless they were met on visits to two countries."""
    out: list[Official] = []
    for official in officials:
        if official.country is None:
            hosts = {
                v.destination_country
                for v in visits
                if _abroad(v) and any(same_name(m, official.name) for m in v.met)
            }
            if len(hosts) == 1:
                official = official.model_copy(update={"country": hosts.pop()})
        out.append(official)
    return out


__all__ = ["as_guests", "fold_hosts", "host_countries"]
