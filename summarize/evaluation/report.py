"""The evaluation result: stable JSON for machines, one table for people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from summarize.evaluation.articles import ArticleScore
from summarize.evaluation.engagements import BriefScore
from summarize.evaluation.intervals import DRAWS, LEVEL, RATES, Interval
from summarize.evaluation.metrics import rate

OVERALL = "overall"


@dataclass
class ArticleResult:
    stem: str
    score: ArticleScore
    present: bool
    contract_valid: bool
    notes: list[str] = field(default_factory=list)


def _score_dict(s: ArticleScore) -> dict[str, Any]:
    officials: dict[str, Any] = s.officials.as_dict()
    officials["title_accuracy"] = s.titles.rate
    officials["titles_scored"] = s.titles.total
    officials["country_accuracy"] = s.countries.rate
    officials["countries_scored"] = s.countries.total
    visits: dict[str, Any] = s.visits.as_dict()
    visits["date_accuracy"] = s.visit_dates.rate
    visits["status_accuracy"] = s.visit_status.rate
    aims: dict[str, Any] = s.stated_aims.as_dict()
    aims["speaker_accuracy"] = s.aim_speakers.rate
    hedges: dict[str, Any] = s.hedged_claims.as_dict()
    hedges["speaker_accuracy"] = s.hedge_speakers.rate
    hedges["false_alarm_rate"] = s.false_alarms.rate
    return {
        "officials": officials,
        "visits": visits,
        "stated_aims": aims,
        "hedged_claims": hedges,
        "grounding": {
            "rate": s.grounding.rate,
            "grounded": s.grounding.hit,
            "spans": s.grounding.total,
        },
        "furniture_items": s.furniture_items,
    }


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _intervals_dict(
    by_section: dict[str, dict[str, Interval | None]],
) -> dict[str, dict[str, list[float] | None]]:
    return {
        section: {key: None if iv is None else iv.as_list() for key, iv in rates.items()}
        for section, rates in by_section.items()
    }


def _span(interval: Interval | None) -> str:
    return "" if interval is None else f"{interval.low:.2f}-{interval.high:.2f}"


def _rate_of(
    pair: Callable[[ArticleScore], tuple[int, int]],
) -> Callable[[ArticleScore], float | None]:
    return lambda s: rate(*pair(s))


# The table's columns: every rate the intervals cover, in their order, and the officials' F1.
_RATE_COLUMNS = [(column, _rate_of(pair)) for _, _, column, pair in RATES]
_COLUMNS: list[tuple[str, Callable[[ArticleScore], float | None]]] = [
    *_RATE_COLUMNS[:2],
    ("off F1", lambda s: s.officials.f1),
    *_RATE_COLUMNS[2:],
]


@dataclass
class EvalReport:
    """Per-article scores, their micro-averaged sum, and the brief's score if one was given."""

    articles: list[ArticleResult]
    overall: ArticleScore
    brief: BriefScore | None = None
    notes: list[str] = field(default_factory=list)
    splits: dict[str, ArticleScore] = field(default_factory=dict)
    baseline: ArticleScore | None = None
    baseline_splits: dict[str, ArticleScore] = field(default_factory=dict)
    # Per row ("overall" and each split): section -> rate -> its bootstrap interval.
    intervals: dict[str, dict[str, dict[str, Interval | None]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-serialisable; keys are stable, rates with an empty denominator are null."""
        return {
            "articles": {
                a.stem: {
                    "present": a.present,
                    "contract_valid": a.contract_valid,
                    **_score_dict(a.score),
                    "notes": list(a.notes),
                }
                for a in self.articles
            },
            OVERALL: _score_dict(self.overall),
            "splits": {name: _score_dict(score) for name, score in sorted(self.splits.items())},
            "cue_only_baseline": None
            if self.baseline is None
            else {
                OVERALL: _score_dict(self.baseline),
                **{n: _score_dict(b) for n, b in sorted(self.baseline_splits.items())},
            },
            "engagements": None if self.brief is None else self.brief.as_dict(),
            "intervals": {
                "level": LEVEL,
                "draws": DRAWS,
                "resampled": "articles",
                "rows": {row: _intervals_dict(r) for row, r in sorted(self.intervals.items())},
            },
            "notes": list(self.notes),
        }

    def render_table(self) -> str:
        """A markdown table, one row per article and one overall, plus the brief's line."""
        header = ["article", *(name for name, _ in _COLUMNS), "furniture"]
        rows = []
        for a in self.articles:
            label = a.stem if a.present else f"{a.stem} (missing)"
            rows.append(
                [label, *(_fmt(get(a.score)) for _, get in _COLUMNS), str(a.score.furniture_items)]
            )
        totals = [(f"**{OVERALL}**", self.overall)]
        totals += [(f"**{name}**", score) for name, score in sorted(self.splits.items())]
        if self.baseline is not None:
            totals.append((f"cue-only baseline, {OVERALL}", self.baseline))
            totals += [
                (f"cue-only baseline, {name}", score)
                for name, score in sorted(self.baseline_splits.items())
            ]
        for label, score in totals:
            rows.append(
                [label, *(_fmt(get(score)) for _, get in _COLUMNS), str(score.furniture_items)]
            )
        for row, by_section in sorted(self.intervals.items(), key=lambda r: r[0] != OVERALL):
            by_column = {column: by_section[section][key] for section, key, column, _ in RATES}
            cells = [_span(by_column.get(name)) for name, _ in _COLUMNS]
            rows.append([f"{round(LEVEL * 100)}% interval, {row}", *cells, ""])
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

        def line(cells: list[str]) -> str:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

        out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        out.extend(line(r) for r in rows)
        if self.brief is not None:
            b = self.brief
            out.append("")
            out.append(
                f"engagements clustered {b.clustered.hit}/{b.clustered.total} "
                f"({_fmt(b.clustered.rate)}), roles {b.roles.hit}/{b.roles.total}, "
                f"unexpected {b.unexpected}; roster {b.roster.hit}/{b.roster.total} "
                f"({_fmt(b.roster.rate)}), kept apart {b.apart.hit}/{b.apart.total}"
            )
        notes = [f"{a.stem}: {n}" for a in self.articles for n in a.notes] + self.notes
        if self.brief is not None:
            notes += [f"brief: {n}" for n in self.brief.notes]
        if notes:
            out.append("")
            out.extend(f"- {n}" for n in notes)
        return "\n".join(out)
