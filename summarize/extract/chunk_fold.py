"""Fold the items of overlapping chunks into one article's worth.

Each chunk's items already carry spans into the whole article. An item seen in two chunks
(a sentence in the overlap, an official named on both sides of a border) becomes one item
whose evidence is the union of both; a field one chunk left empty is filled by the other.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from summarize.contract.extraction import HedgedClaim, Official, Span, StatedAim, Visit
from summarize.knowledge.person_names import name_parts, same_person

Item = TypeVar("Item", Official, Visit, StatedAim, HedgedClaim)


def _union(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    seen = {(s.start, s.end): s for s in (*a, *b)}
    return [seen[k] for k in sorted(seen)]


def _fill(kept: Item, other: Item) -> Item:
    """``kept`` with the other's evidence added and its empty fields filled."""
    update: dict[str, object] = {"evidence": _union(kept.evidence, other.evidence)}
    for name, value in kept:
        if value is None and getattr(other, name) is not None:
            update[name] = getattr(other, name)
    return kept.model_copy(update=update)


def _fold(items: Sequence[Item], same: Callable[[Item, Item], bool]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        for i, kept in enumerate(out):
            if same(kept, item):
                out[i] = _fill(kept, item)
                break
        else:
            out.append(item)
    return out


def _first_span(item: Official | Visit | StatedAim | HedgedClaim) -> Hashable:
    return (item.evidence[0].start, item.evidence[0].end)


def _same_official(a: Official, b: Official) -> bool:
    return _same_name(a.name, b.name)


def _same_visit(a: Visit, b: Visit) -> bool:
    """One traveler's event, read twice: the same sentence, or the same place and date."""
    return _same_name(a.traveler, b.traveler) and (
        _first_span(a) == _first_span(b)
        or (a.destination_country, a.destination_city, a.start_date)
        == (b.destination_country, b.destination_city, b.start_date)
    )


def _same_name(a: str, b: str) -> bool:
    pa, pb = name_parts(a), name_parts(b)
    return pa == pb or same_person(pa, pb)


def fold_officials(items: Sequence[Official]) -> list[Official]:
    """One official per person. A name that is the tail of exactly one fuller name in the
    article is that person: "Brandt" of "Oskar Brandt", or "Ivanovich Varenko" cut
    from "includingPavel Ivanovich Varenko" where a space was lost. With two fuller
    names ending so ("Castell" of "Mira Castell" and "Jon Castell"), or none, it is left as
    it is."""
    folded = _fold(items, _same_official)
    parts = [name_parts(o.name) for o in folded]
    into: dict[int, int] = {}
    for i, short in enumerate(parts):
        fuller = [
            j
            for j, long in enumerate(parts)
            if len(long) > len(short) and long[-len(short) :] == short
        ]
        if len(fuller) == 1 and short:
            into[i] = fuller[0]
    kept = [i for i in range(len(folded)) if i not in into]
    merged = {i: folded[i] for i in kept}
    for i, target in into.items():
        while target in into:  # a tail of a tail: fold into the fullest
            target = into[target]
        merged[target] = _fill(merged[target], folded[i])
    return [merged[i] for i in kept]


def fold_visits(items: Sequence[Visit]) -> list[Visit]:
    return _fold(items, _same_visit)


def fold_by_evidence(items: Sequence[Item]) -> list[Item]:
    """Aims and hedged claims: the same sentence read in two chunks is one item."""
    return _fold(items, lambda a, b: _first_span(a) == _first_span(b))
