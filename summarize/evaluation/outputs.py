"""Read a system's extraction files without trusting them.

Other systems' outputs (and broken runs of ours) may miss fields, carry empty evidence lists
or offsets that do not slice the text. The scorer must measure those faults, not crash on
them: each file is checked against the :class:`Extraction` contract (the result is reported),
then read as plain JSON, every field taken only when it has the expected type.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarize.contract.extraction import Extraction
from summarize.errors import ArticleError
from summarize.evaluation.spans import LooseSpan, Range
from summarize.ingest.read import read_article


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
    kind: str | None = None
    status: str | None = None
    met: tuple[str, ...] = ()


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
    headline: str | None = None
    contract_valid: bool = False
    notes: list[str] = field(default_factory=list)

    def items(self) -> list[Item]:
        return [*self.officials, *self.visits, *self.stated_aims, *self.hedged_claims]


def _str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _dicts(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _span(value: Any) -> LooseSpan | None:
    if not isinstance(value, dict):
        return None
    return LooseSpan(start=_int(value, "start"), end=_int(value, "end"), text=_str(value, "text"))


def _evidence(item: Mapping[str, Any]) -> tuple[LooseSpan | None, ...]:
    value = item.get("evidence")
    return tuple(_span(v) for v in value) if isinstance(value, list) else ()


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


def _read(path: Path, notes: list[str]) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        notes.append(f"unreadable output ({type(exc).__name__}): scored as empty")
        return {}
    if not isinstance(data, dict):
        notes.append("output is not a JSON object: scored as empty")
        return {}
    return data


def load_output(path: Path, repo_root: Path) -> SystemOutput:
    """Read one ``<stem>.json``; problems become notes on the result, never exceptions."""
    out = SystemOutput(stem=path.stem)
    data = _read(path, out.notes)
    try:
        Extraction.model_validate(data)
        out.contract_valid = True
    except ValidationError as exc:
        if data:
            out.notes.append(f"breaks the Extraction contract ({exc.error_count()} errors)")
    source = data.get("source") if isinstance(data.get("source"), dict) else {}
    assert isinstance(source, dict)
    out.text = _str(source, "text") or _article_text(
        _str(source, "path"), path.stem, [path.parent, repo_root]
    )
    if out.text is None:
        out.notes.append("article text not found: spans cannot be checked")
    out.headline = _str(source, "title")
    out.furniture = [
        (start, end)
        for s in _dicts(source, "furniture")
        if (start := _int(s, "start")) is not None and (end := _int(s, "end")) is not None
    ]
    out.officials = [
        Item(
            who=_str(o, "name"),
            evidence=_evidence(o),
            title=_str(o, "title"),
            country=_str(o, "country"),
        )
        for o in _dicts(data, "officials")
    ]
    out.visits = [
        Item(
            who=_str(v, "traveler"),
            evidence=_evidence(v),
            destination_country=_str(v, "destination_country"),
            destination_city=_str(v, "destination_city"),
            start_date=_str(v, "start_date"),
            kind=_str(v, "kind"),
            status=_str(v, "status"),
            met=tuple(m for m in v.get("met") or [] if isinstance(m, str)),
        )
        for v in _dicts(data, "visits")
    ]
    out.stated_aims = [
        Item(who=_str(a, "stated_by"), evidence=_evidence(a)) for a in _dicts(data, "stated_aims")
    ]
    out.hedged_claims = [
        Item(who=_str(h, "voiced_by"), evidence=_evidence(h)) for h in _dicts(data, "hedged_claims")
    ]
    return out
