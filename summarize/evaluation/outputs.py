"""Read a system's extraction files without trusting them.

Other systems' outputs (and broken runs of ours) may miss optional fields, carry empty
evidence lists or offsets that do not slice the text. The scorer must measure those faults,
not crash on them, so each file is checked against the :class:`Extraction` contract (the
result is reported) and then read through a lenient mirror of it where every field may be
missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from summarize.contract.extraction import Extraction
from summarize.errors import ArticleError
from summarize.evaluation.lenient import Loose, read_leniently
from summarize.evaluation.spans import LooseSpan, Range
from summarize.ingest.read import read_article


class _Span(Loose):
    start: int | None = None
    end: int | None = None
    text: str | None = None


class _Item(Loose):
    evidence: list[_Span | None] | None = None


class _Official(_Item):
    name: str | None = None
    title: str | None = None
    country: str | None = None


class _Visit(_Item):
    traveler: str | None = None
    destination_country: str | None = None
    destination_city: str | None = None
    start_date: str | None = None


class _Aim(_Item):
    aim: str | None = None
    stated_by: str | None = None


class _Hedge(_Item):
    claim: str | None = None
    cue: str | None = None
    voiced_by: str | None = None


class _Source(Loose):
    path: str | None = None
    text: str | None = None  # the text offsets point into, when it is not the file's
    furniture: list[_Span] | None = None


class _Extraction(Loose):
    source: _Source | None = None
    officials: list[_Official] | None = None
    visits: list[_Visit] | None = None
    stated_aims: list[_Aim] | None = None
    hedged_claims: list[_Hedge] | None = None


@dataclass(frozen=True)
class Item:
    """One extracted item as the scorer sees it.

    ``who`` is the name the item attributes: official, traveler, stater or voicer.
    """

    who: str | None
    evidence: tuple[LooseSpan | None, ...]
    title: str | None = None
    country: str | None = None
    destination_country: str | None = None
    destination_city: str | None = None
    start_date: str | None = None


@dataclass
class SystemOutput:
    """A system's extraction for one article, with the article text its offsets point into."""

    stem: str
    text: str | None = None
    officials: list[Item] = field(default_factory=list)
    visits: list[Item] = field(default_factory=list)
    stated_aims: list[Item] = field(default_factory=list)
    hedged_claims: list[Item] = field(default_factory=list)
    furniture: list[Range] = field(default_factory=list)
    contract_valid: bool = False
    notes: list[str] = field(default_factory=list)

    def items(self) -> list[Item]:
        return [*self.officials, *self.visits, *self.stated_aims, *self.hedged_claims]


def _spans(item: _Item) -> tuple[LooseSpan | None, ...]:
    return tuple(
        None if s is None else LooseSpan(start=s.start, end=s.end, text=s.text)
        for s in item.evidence or []
    )


def _article_text(source_path: str | None, stem: str, bases: list[Path]) -> str | None:
    """The article the offsets point into: ``source.path`` (as given, or under one of
    ``bases``), else the seed of the same stem."""
    candidates: list[Path] = []
    if source_path:
        given = Path(source_path)
        candidates.append(given)
        if not given.is_absolute():
            candidates.extend(base / given for base in bases)
    candidates.extend(base / "seeds" / f"{stem}.txt" for base in bases)
    for path in candidates:
        try:
            return read_article(path).text
        except ArticleError:
            continue
    return None


def load_output(path: Path, repo_root: Path) -> SystemOutput:
    """Read one ``<stem>.json``; problems become notes on the result, never exceptions."""
    out = SystemOutput(stem=path.stem)
    loose, out.contract_valid = read_leniently(path, Extraction, _Extraction, "output", out.notes)
    source = loose.source or _Source()
    out.text = source.text or _article_text(source.path, path.stem, [path.parent, repo_root])
    if out.text is None:
        out.notes.append("article text not found: spans cannot be checked")
    out.furniture = [
        (s.start, s.end)
        for s in source.furniture or []
        if s.start is not None and s.end is not None
    ]
    out.officials = [
        Item(who=o.name, evidence=_spans(o), title=o.title, country=o.country)
        for o in loose.officials or []
    ]
    out.visits = [
        Item(
            who=v.traveler,
            evidence=_spans(v),
            destination_country=v.destination_country,
            destination_city=v.destination_city,
            start_date=v.start_date,
        )
        for v in loose.visits or []
    ]
    out.stated_aims = [Item(who=a.stated_by, evidence=_spans(a)) for a in loose.stated_aims or []]
    out.hedged_claims = [
        Item(who=h.voiced_by, evidence=_spans(h)) for h in loose.hedged_claims or []
    ]
    return out
