"""Order-independent clustering and the small tie-breaking helpers every section shares."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return sorted(out.values())


def cluster(
    keys: Sequence[K],
    related: Callable[[K, K], bool],
    blocks: Callable[[K], Iterable[str]],
) -> list[list[int]]:
    """Union-find over ``keys``, testing only distinct keys that share a block token.

    Equal keys are joined without a test, so thousands of copies of one claim cost one key.
    """
    first: dict[K, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    uf = _UnionFind(len(keys))
    for i, key in enumerate(keys):
        uf.union(first[key], i)
    distinct = sorted(first.values())
    index: dict[str, list[int]] = defaultdict(list)
    for i in distinct:
        for token in set(blocks(keys[i])):
            index[token].append(i)
    for members in index.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if uf.find(i) != uf.find(j) and related(keys[i], keys[j]):
                    uf.union(i, j)
    return uf.groups()


def most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], len(v), v))


def slug(prefix: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    words = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40]
    return f"{prefix}-{words}-{digest}"
