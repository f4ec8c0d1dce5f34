"""A trip "to his homeland": the country the article says the traveler was born in.

The 1.5B model, asked where "Mr. Rahami traveled to his homeland" went, names a place from
elsewhere in the article (the city of the story). The sentence names no place; the article
does, where it says where that person was born ("was born ... in Afghanistan", "a native of
Peru"). That country is the trip's destination, and the birth sentence joins its evidence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarize.knowledge.places import find_country

if TYPE_CHECKING:
    from summarize.extract.grounding import ArticleContext

_HOMELAND = re.compile(
    r"\b(?:his|her|their)\s+(?:homeland|home\s+country|native\s+(?:country|land)"
    r"|country\s+of\s+(?:birth|origin))\b",
    re.IGNORECASE,
)
# "was born on Jan. 23, 1988, in Afghanistan", "a native of Peru": the place, capitalized.
_BORN_IN = re.compile(
    r"\b(?:born\b.{0,60}?\bin|native\s+of)\s+"
    r"(?P<place>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})"
)


def homeland(who: str, n: int, ctx: ArticleContext) -> str | None:
    """The country sentence ``n`` means by "his homeland" for ``who``, as the article writes
    it where it says where they were born; None when it says no homeland or no birthplace."""
    sentence = ctx.sentence(n)
    if sentence is None or not _HOMELAND.search(sentence.text) or not ctx.mentions(who, n):
        return None
    for other in ctx.numbered:
        if other.n == n or not ctx.mentions(who, other.n):
            continue
        for match in _BORN_IN.finditer(other.text):
            if find_country(match.group("place")) is not None:
                return match.group("place")
    return None
