"""A stated aim or a hedge is read from the story, not from its headline.

A headline restates the body in telegraphese: its verbs lose their tense and its speakers
their names ("Russian envoy, Syrian opposition discuss upcoming Geneva talks", "Berlin,
Moscow seek to bolster city partnership, says mayor"). What it says, the body says in full,
with who said it, and the brief cites that sentence. The gold rules make a headline's hedge
optional; of the aims judged in headlines on the tune split, 23 matched no gold sentence, 8
only optional ones and 1 a required one, so the headline's aims and hedges are dropped with
the reason. Visits stay: a headline may be the one line that dates a trip.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from summarize.contract.extraction import Dropped, DroppedKind, HedgedClaim, StatedAim

Claim = TypeVar("Claim", StatedAim, HedgedClaim)


def headline_range(article: str, title: str | None) -> tuple[int, int] | None:
    """Where the article prints its headline ``title`` (as read from its header), or None
    where it does not (a page whose markup alone states it)."""
    if not title:
        return None
    at = article.find(title)
    return None if at < 0 else (at, at + len(title))


def from_the_body(
    items: Sequence[Claim], headline: tuple[int, int] | None
) -> tuple[list[Claim], list[Dropped]]:
    """The items with evidence outside ``headline``, and a drop record for each other."""
    if headline is None:
        return list(items), []
    start, end = headline
    kept: list[Claim] = []
    dropped: list[Dropped] = []
    for item in items:
        if any(span.start < end and start < span.end for span in item.evidence):
            kind: DroppedKind = "stated_aim" if isinstance(item, StatedAim) else "hedged_claim"
            reason = "is the headline's: the body says it in full, with who said it"
            dropped.append(Dropped(kind=kind, item=item.model_dump(), reason=reason))
        else:
            kept.append(item)
    return kept, dropped
