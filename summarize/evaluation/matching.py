"""One-to-one matching of predictions to gold items, required gold first.

Greedy matching can pair a prediction with the wrong one of two similar gold items and leave
the other unmatched; a maximum bipartite matching (augmenting paths, fine at article sizes)
cannot. Borderline gold items are matched only with what is left, so they never take a
prediction away from a required item.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

P = TypeVar("P")


class HasOptional(Protocol):
    @property
    def optional(self) -> bool: ...


G = TypeVar("G", bound=HasOptional)


def max_matching(
    preds: Sequence[P], golds: Sequence[G], ok: Callable[[P, G], bool]
) -> dict[int, int]:
    """pred index -> gold index for a largest set of disjoint acceptable pairs."""
    edges = [[g for g, gold in enumerate(golds) if ok(pred, gold)] for pred in preds]
    owner: dict[int, int] = {}  # gold index -> pred index

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return {p: g for g, p in owner.items()}


@dataclass(frozen=True)
class Matched:
    """Pairs with required gold items, and how many predictions only hit borderline ones."""

    pairs: list[tuple[int, int]]  # (pred index, gold index into the full gold list)
    borderline: int


def match_items(preds: Sequence[P], golds: Sequence[G], ok: Callable[[P, G], bool]) -> Matched:
    required = [i for i, g in enumerate(golds) if not g.optional]
    optional = [i for i, g in enumerate(golds) if g.optional]
    first = max_matching(preds, [golds[i] for i in required], ok)
    rest = [p for p in range(len(preds)) if p not in first]
    second = max_matching([preds[p] for p in rest], [golds[i] for i in optional], ok)
    pairs = sorted((p, required[g]) for p, g in first.items())
    return Matched(pairs=pairs, borderline=len(second))
