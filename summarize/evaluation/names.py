"""Is a system's name the gold person? The project's own variant rules, plus what a scorer
must also forgive: initials ("O. Brandt"), a title inside the name field
("Foreign Minister Lee Min Soo"), and a lone surname the gold lists as a variant."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from summarize.knowledge.person_names import contains_name, name_parts, same_person


def _part_ok(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return contains_name((a,), (b,))  # the project's per-part transliteration test


def _initials_match(a: Sequence[str], b: Sequence[str]) -> bool:
    """Parts agree one by one, an initial standing for any part starting with it."""
    if len(a) < 2 or len(a) != len(b):
        return False
    if not any(len(p) == 1 for p in (*a, *b)):
        return False
    return all(_part_ok(x, y) for x, y in zip(a, b, strict=True))


def name_matches(candidate: str | None, variants: Iterable[str]) -> bool:
    """Whether ``candidate`` names the person known by any of ``variants``."""
    if not candidate:
        return False
    cand = name_parts(candidate)
    if not cand:
        return False
    for variant in variants:
        gold = name_parts(variant)
        if not gold:
            continue
        if cand == gold or same_person(cand, gold) or _initials_match(cand, gold):
            return True
        # "Estonian Foreign Minister Oskar Brandt": a full gold name inside the field.
        if len(gold) >= 2 and contains_name(cand, gold):
            return True
    return False
