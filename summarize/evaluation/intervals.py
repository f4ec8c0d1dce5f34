"""How far each overall rate could move with another sample of articles.

The dev set samples articles, not items: the items of one article stand or fall together
(one model answer, one writer's style). So the interval is a percentile bootstrap over
articles: draw as many articles as were scored, with replacement, sum their counts as the
overall row does (micro-averaging), and take the middle 95% of the rates. On the 25
held-out articles the intervals are wide; a difference that stays inside them is no finding.
The draws come from a fixed seed, so a report is the same each time it is run.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.evaluation.articles import ArticleScore
from summarize.evaluation.metrics import Counts, Ratio

DRAWS = 1000
LEVEL = 0.95
_SEED = 2026

# A rate as its numerator and denominator for one article.
_Pair = Callable[[ArticleScore], tuple[int, int]]


def _precision(get: Callable[[ArticleScore], Counts]) -> _Pair:
    return lambda s: (get(s).correct, get(s).predicted)


def _recall(get: Callable[[ArticleScore], Counts]) -> _Pair:
    return lambda s: (get(s).found, get(s).gold)


def _ratio(get: Callable[[ArticleScore], Ratio]) -> _Pair:
    return lambda s: (get(s).hit, get(s).total)


# Each rate by its place in the report's JSON (section, key) and its column in the table.
RATES: tuple[tuple[str, str, str, _Pair], ...] = (
    ("officials", "precision", "off P", _precision(lambda s: s.officials)),
    ("officials", "recall", "off R", _recall(lambda s: s.officials)),
    ("officials", "title_accuracy", "title", _ratio(lambda s: s.titles)),
    ("officials", "country_accuracy", "country", _ratio(lambda s: s.countries)),
    ("visits", "precision", "visit P", _precision(lambda s: s.visits)),
    ("visits", "recall", "visit R", _recall(lambda s: s.visits)),
    ("visits", "date_accuracy", "visit date", _ratio(lambda s: s.visit_dates)),
    ("stated_aims", "precision", "aim P", _precision(lambda s: s.stated_aims)),
    ("stated_aims", "recall", "aim R", _recall(lambda s: s.stated_aims)),
    ("stated_aims", "speaker_accuracy", "aim spk", _ratio(lambda s: s.aim_speakers)),
    ("hedged_claims", "precision", "hedge P", _precision(lambda s: s.hedged_claims)),
    ("hedged_claims", "recall", "hedge R", _recall(lambda s: s.hedged_claims)),
    ("hedged_claims", "speaker_accuracy", "hedge spk", _ratio(lambda s: s.hedge_speakers)),
    ("hedged_claims", "false_alarm_rate", "false alarm", _ratio(lambda s: s.false_alarms)),
    ("grounding", "rate", "grounded", _ratio(lambda s: s.grounding)),
)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def as_list(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


def _percentile(ordered: Sequence[float], share: float) -> float:
    return ordered[round(share * (len(ordered) - 1))]


def _interval(pairs: Sequence[tuple[int, int]], draws: Sequence[Sequence[int]]) -> Interval | None:
    """The percentile interval of the rate over the drawn samples of articles; None where no
    article has a denominator (the rate itself is "n/a")."""
    if not any(total for _, total in pairs):
        return None
    rates = []
    for sample in draws:
        hit = total = 0
        for i in sample:
            hit += pairs[i][0]
            total += pairs[i][1]
        if total:  # a sample of only articles without any such item says nothing
            rates.append(hit / total)
    if not rates:
        return None
    rates.sort()
    tail = (1 - LEVEL) / 2
    return Interval(_percentile(rates, tail), _percentile(rates, 1 - tail))


def bootstrap_intervals(
    scores: Sequence[ArticleScore], draws: int = DRAWS
) -> dict[str, dict[str, Interval | None]]:
    """For each rate of the report, its interval over ``scores`` (one per article): the same
    samples of articles serve every rate."""
    out: dict[str, dict[str, Interval | None]] = {}
    if not scores:
        return out
    rng = random.Random(_SEED)
    n = len(scores)
    samples = [[rng.randrange(n) for _ in range(n)] for _ in range(draws)]
    for section, key, _, pair in RATES:
        out.setdefault(section, {})[key] = _interval([pair(s) for s in scores], samples)
    return out
