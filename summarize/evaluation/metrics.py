"""Counts that add up across articles (micro-averaging) and the rates derived from them.

A rate with an empty denominator is None ("not applicable"), never a made-up 0 or 1: an
article with no gold stated aims says nothing about stated-aim recall.
"""

from __future__ import annotations

from dataclasses import dataclass


def rate(hit: int, total: int) -> float | None:
    return None if total == 0 else hit / total


@dataclass
class Counts:
    """Precision counts predictions, recall counts gold items; the two can differ when several
    predictions hit one gold sentence.

    ``predicted`` leaves out predictions that matched only an optional (borderline) gold item.
    """

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.predicted += other.predicted
        self.correct += other.correct
        self.gold += other.gold
        self.found += other.found
        return self

    @property
    def precision(self) -> float | None:
        return rate(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return rate(self.found, self.gold)

    @property
    def f1(self) -> float | None:
        """None only when there is nothing to find and nothing was found.

        A system that finds nothing where gold has items scores 0, not "n/a": silence is
        not a way to dodge the metric.
        """
        if self.gold == 0 and self.predicted == 0:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted": self.predicted,
            "correct": self.correct,
            "gold": self.gold,
            "found": self.found,
        }


@dataclass
class Ratio:
    """Hits out of a total: grounding, title and country accuracy."""

    hit: int = 0
    total: int = 0

    def __iadd__(self, other: Ratio) -> Ratio:
        self.hit += other.hit
        self.total += other.total
        return self

    @property
    def rate(self) -> float | None:
        return rate(self.hit, self.total)

    def as_dict(self) -> dict[str, float | int | None]:
        return {"rate": self.rate, "hit": self.hit, "total": self.total}
