"""Where a venue stands: the one fact about a place the tool asks the model.

A trip "to the White House" or "to the Naval Observatory" names a building that no data the
tool ships places (GeoNames' cities, ISO's countries and subdivisions, a venue named after its
city). Where the article sets the venue in a place ("the Mar-a-Lago resort in Florida",
"Trump Tower in New York"), that place's country is the venue's, among the countries the
article names. The places the events named that nothing else places are
put to the model once, each a closed choice among the countries the article itself names, or
"not known"; a place the article does not print is not placed. The article stays in the
system message, so the model reads the place where the article uses it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from summarize.extract.drafts import NOT_KNOWN
from summarize.extract.event_grounding import is_placed
from summarize.extract.grounding import ArticleContext, Grounded, venue_key
from summarize.ingest.text_match import spaced
from summarize.knowledge.places import (
    continent_countries,
    country_display,
    country_key,
    names_a_region_elsewhere,
    place_countries,
    venue_country,
)

# At most this many places in one question: an article's trips name few venues.
MAX_VENUES = 6


def needs_placing(place: str | None) -> bool:
    """Whether no data places ``place``: not a country, a city, a state, a venue named after
    its city, a continent, or a town's name that is also another country's region."""
    if not place or not place.strip():
        return False
    return (
        not is_placed(place)
        and venue_country(place) is None
        and not continent_countries(place)
        and not names_a_region_elsewhere(place)
    )


def places_to_ask(places: Sequence[str | None], ctx: ArticleContext) -> tuple[str, ...]:
    """The places to ask about, once each, in the order named, and only those not yet placed
    (the question takes the first :data:`MAX_VENUES`)."""
    out: dict[str, str] = {}
    for place in places:
        if place and needs_placing(place) and ctx.venue_country(place) is None:
            out.setdefault(venue_key(place), " ".join(place.split()))
    return tuple(out.values())


# After the venue, at most two words of its own ("resort", "estate") and "in", then the place:
# up to four capitalized words ("in Palm Beach Florida").
_SET_IN = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2},?\s+in\s+(?P<place>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
)


def set_in_article(place: str, text: str, countries: Sequence[str]) -> str | None:
    """The country of the place the article sets a venue in ("the Mar-a-Lago resort in
    Florida": Florida names a US state, a department of Uruguay and a town in Cuba, and the
    article names the United States alone of them), or None."""
    named = {country_key(c) for c in countries}
    words = spaced(place)
    for venue in re.finditer(rf"\b{words}\b", text, re.IGNORECASE):
        after = _SET_IN.match(text, venue.end())
        if after is None:
            continue
        parts = after.group("place").rstrip(".,").split()
        runs = [parts[i:j] for i in range(len(parts)) for j in range(len(parts), i, -1)]
        for run in sorted(runs, key=len, reverse=True):
            found = place_countries(" ".join(run)) & named
            if len(found) == 1:
                return country_display(next(iter(found)))
    return None


def ground_venues(drafts: list[Any], ctx: ArticleContext) -> Grounded[tuple[str, str]]:
    """Each placed venue as ``(place, country)``; a place the article does not print, or one
    the model does not know, stays unplaced."""
    out: Grounded[tuple[str, str]] = Grounded()
    printed = venue_key(ctx.numbered.text)
    for d in drafts:
        if d.country == NOT_KNOWN:
            out.notes.append(f"places: where {d.place!r} stands is not known")
        elif venue_key(d.place) not in printed:
            out.notes.append(f"places: {d.place!r} is not in the article")
        elif (country := country_display(country_key(d.country))) is not None:
            out.items.append((d.place, country))
    return out
