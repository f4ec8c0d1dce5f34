"""The memo's layout, built once from a Brief and written out as Markdown or HTML.

Both renderers walk the same small document model (sections of paragraphs, lists and tables
made of text and citations), so the two outputs cannot drift apart: what a section says and
in which order is decided here, and only the syntax lives in each renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from summarize.contract.brief import (
    Brief,
    Citation,
    ClaimGroup,
    Contradiction,
    Engagement,
    RosterEntry,
    SingleSource,
    SourceRef,
    Statement,
)
from summarize.contract.extraction import Span
from summarize.contract.partial_date import date_sort_key, format_date, format_date_range

__all__ = [
    "Block",
    "Cite",
    "Inline",
    "Item",
    "ListBlock",
    "Memo",
    "Paragraph",
    "Section",
    "Strong",
    "Table",
    "build_memo",
    "format_date",
    "format_date_range",
    "iter_cites",
]

_KIND_LABELS = {
    "engagement": "Engagement",
    "official": "Official",
    "stated_aim": "Stated aim",
    "hedged_claim": "Speculation",
}


# ---------------------------------------------------------------- document model


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Cite:
    """``[source]``; ``spans`` are the sentences it rests on (none: the whole article)."""

    source: int
    spans: tuple[Span, ...] = ()


Inline = str | Strong | Cite


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Item:
    parts: tuple[Inline, ...]
    children: tuple[Item, ...] = ()
    number: int | None = None  # a numbered list's own label (source n), not its position


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]


Block = Paragraph | ListBlock | Table


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Memo:
    title: str
    period: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- dates


def engagement_dates(engagement: Engagement) -> str:
    """The dates with the caveat an analyst must not miss: the article never gave the year."""
    text = format_date_range(engagement.start_date, engagement.end_date)
    if not (engagement.start_date or engagement.end_date):
        return f"{text} ({engagement.date_note})" if engagement.date_note else text
    if not engagement.year_known:
        return f"{text}, {engagement.date_note or 'year not stated'}"
    return f"{text} ({engagement.date_note})" if engagement.date_note else text


# ---------------------------------------------------------------- small labels


def count_label(independent: int, articles: int) -> str:
    """``2 sources``; says so when fewer outlets than articles stand behind an item."""
    noun = "source" if independent == 1 else "sources"
    if articles > independent:
        return f"{independent} {noun} ({articles} articles)"
    return f"{independent} {noun}"


def _join(values: Iterable[str], empty: str = "\u2014") -> str:
    kept = [v for v in values if v]
    return "; ".join(kept) if kept else empty


def _cites(pairs: Iterable[tuple[int, Span | None]]) -> tuple[Cite, ...]:
    """One citation per source, in source order, carrying every distinct span it rests on."""
    by_source: dict[int, dict[tuple[int, int], Span]] = {}
    for source, span in pairs:
        spans = by_source.setdefault(source, {})
        if span is not None:
            spans.setdefault((span.start, span.end), span)
    return tuple(
        Cite(source, tuple(spans[key] for key in sorted(spans)))
        for source, spans in sorted(by_source.items())
    )


def _place(city: str | None, country: str | None) -> str:
    return ", ".join(p for p in (city, country) if p) or "destination not stated"


def _traveler(engagement: Engagement) -> str:
    country = engagement.traveler_country
    return f"{engagement.traveler} ({country})" if country else engagement.traveler


def _route(engagement: Engagement, traveler: str) -> str:
    """ "Ana Ruiz (Chile) → Lima, Peru" for a trip; a meeting names whom it was with, and
    says so when no report places it ("Ana Ruiz meeting Tomas Dell, place not stated")."""
    e = engagement
    if e.kind == "meeting" and e.met:
        where = ", ".join(p for p in (e.destination_city, e.destination_country) if p)
        place = f" in {where}" if where else ", place not stated"
        return f"{traveler} meeting {', '.join(e.met)}{place}"
    return f"{traveler} \u2192 {_place(e.destination_city, e.destination_country)}"


# ---------------------------------------------------------------- sections


def _statement(statement: Statement) -> tuple[Inline, ...]:
    """A sentence with its citations: each opens the spans that support the sentence."""
    pairs: list[tuple[int, Span | None]] = [(c.source, c.span) for c in statement.citations]
    cited = {source for source, _ in pairs}
    pairs += [(n, None) for n in statement.sources if n not in cited]
    return (statement.text, " ", *_cites(pairs))


def _bottom_line(brief: Brief) -> Section | None:
    narrative = brief.narrative
    if narrative is None or not (narrative.bottom_line or narrative.key_judgments):
        return None
    parts: list[Inline] = []
    for statement in narrative.bottom_line:
        parts += [*_statement(statement), " "]
    blocks: list[Block] = [Paragraph(tuple(parts[:-1]))] if parts else []
    if narrative.key_judgments:
        blocks.append(Paragraph((Strong("Key judgments"),)))
        items = tuple(Item(_statement(s)) for s in narrative.key_judgments)
        blocks.append(ListBlock(items, numbered=True))
    return Section("bottom-line", "Bottom line", tuple(blocks))


def _cites_with_sources(citations: Iterable[Citation], sources: Iterable[int]) -> tuple[Cite, ...]:
    """Span citations, plus whole-article ones for sources listed without a span."""
    pairs: list[tuple[int, Span | None]] = [(c.source, c.span) for c in citations]
    cited = {source for source, _ in pairs}
    return _cites(pairs + [(n, None) for n in sources if n not in cited])


def _engagement_cites(engagement: Engagement) -> tuple[Cite, ...]:
    return _cites_with_sources(engagement.citations, engagement.sources)


def _ordered(engagements: Iterable[Engagement], role: str) -> list[Engagement]:
    chosen = [e for e in engagements if e.role == role]
    return sorted(chosen, key=lambda e: (date_sort_key(e.start_date), e.start_date or "", e.id))


def _timeline(brief: Brief) -> Section:
    items = []
    for e in _ordered(brief.engagements, "engagement"):
        parts: list[Inline] = [
            Strong(engagement_dates(e)),
            f" \u2014 {_route(e, _traveler(e))}{_planned(e)}.",
        ]
        if e.purposes:
            parts.append(f" Purposes: {_join(e.purposes)}.")
        parts.append(f" {count_label(e.corroboration, len(e.sources))} ")
        parts.extend(_engagement_cites(e))
        items.append(Item(tuple(parts)))
    return Section("timeline", "Timeline of engagements", _list_or_none(items))


def _planned(engagement: Engagement) -> str:
    """A trip the sources only announce must not read as one that took place."""
    return " (planned)" if engagement.status == "planned" else ""


def _context(brief: Brief) -> Section:
    items = []
    for e in _ordered(brief.engagements, "context"):
        parts: tuple[Inline, ...] = (
            f"{engagement_dates(e)} \u2014 {_route(e, e.traveler)}{_planned(e)} ",
            *_engagement_cites(e),
        )
        items.append(Item(parts))
    return Section("context", "Context", _list_or_none(items))


def _officials(brief: Brief) -> Section:
    rows = []
    for person in sorted(brief.officials, key=lambda p: (p.name.casefold(), p.id)):
        rows.append(
            (
                (person.name,),
                (_join(v for v in person.variants if v != person.name),),
                (_join(person.titles),),
                (_join(person.countries),),
                _roster_cites(person),
            )
        )
    if not rows:
        return Section("officials", "Officials", (_none(),))
    header = ("Name", "Variants seen", "Titles", "Country", "Sources")
    return Section("officials", "Officials", (Table(header, tuple(rows)),))


def _roster_cites(person: RosterEntry) -> tuple[Cite, ...]:
    return _cites_with_sources(person.citations, person.sources)


def _claim_cites(group: ClaimGroup) -> tuple[Cite, ...]:
    return _cites_with_sources((m.citation for m in group.members), group.sources)


def _claims(groups: Sequence[ClaimGroup], hedged: bool) -> tuple[Block, ...]:
    items = []
    for group in groups:
        parts: list[Inline] = [group.text]
        who = _join(group.voiced_by, "")
        if not who:
            parts.append(" \u2014 speaker not stated")
        else:
            parts.append(f" \u2014 voiced by {who}" if hedged else f" \u2014 {who}")
        if hedged:
            cues = _join(f"\u201c{c}\u201d" for c in group.cues)
            parts.append(f" \u2014 cue: {cues}")
        parts.append(" \u2014 ")
        parts.extend(_claim_cites(group))
        parts.append(f" \u2014 {count_label(group.corroboration, len(group.sources))}")
        items.append(Item(tuple(parts)))
    return _list_or_none(items)


def _contradictions(items: Sequence[Contradiction]) -> tuple[Block, ...]:
    out = []
    for c in items:
        values = tuple(
            Item(
                (
                    f"\u201c{v.value}\u201d ",
                    *_cites_with_sources(v.citations, v.sources),
                )
            )
            for v in c.values
        )
        out.append(Item((Strong(c.subject), f" \u2014 {c.field}"), values))
    return _list_or_none(out)


def _single_source(items: Sequence[SingleSource]) -> tuple[Block, ...]:
    rows = [
        Item((f"{_KIND_LABELS.get(s.kind, s.kind)}: {s.label} ", Cite(s.source)))
        for s in sorted(items, key=lambda s: (s.source, s.kind, s.ref))
    ]
    return _list_or_none(rows)


def _day_of(timestamp: str) -> str:
    """``2024-07-23T09:52:00`` → ``2024-07-23``: the memo cites days, not minutes."""
    return timestamp[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", timestamp) else timestamp


def source_line(ref: SourceRef) -> str:
    """``outlet, date, "title", path``: the numbered list an analyst checks citations against."""
    outlet = ref.outlet or "outlet not stated"
    published = format_date(_day_of(ref.published)) if ref.published else "date not stated"
    title = f'"{ref.title}"' if ref.title else "(untitled)"
    line = f"{outlet}, {published}, {title}, {ref.path}"
    if ref.also_at:
        line += f" (also at: {', '.join(ref.also_at)})"
    return line


def _sources(brief: Brief) -> Section:
    ordered = sorted(brief.sources, key=lambda s: s.n)
    items = tuple(Item((source_line(s),), number=s.n) for s in ordered)
    if not items:
        return Section("sources", "Sources", (_none(),))
    return Section("sources", "Sources", (ListBlock(items, numbered=True),))


def _none() -> Paragraph:
    return Paragraph(("None.",))


def _list_or_none(items: Sequence[Item]) -> tuple[Block, ...]:
    return (ListBlock(tuple(items)),) if items else (_none(),)


def build_memo(brief: Brief) -> Memo:
    """The memo's sections in reading order; same brief, same memo."""
    sections = [
        _bottom_line(brief),
        _timeline(brief),
        _context(brief),
        _officials(brief),
        Section("stated-aims", "Stated aims", _claims(brief.stated_aims, hedged=False)),
        Section("speculation", "Speculation and assessments", _claims(brief.speculation, True)),
        Section("contradictions", "Contradictions", _contradictions(brief.contradictions)),
        Section("single-source", "Single-source items", _single_source(brief.single_source)),
        _sources(brief),
    ]
    period = format_date_range(brief.date_range.start, brief.date_range.end)
    unknown = brief.date_range.year_unknown
    if unknown:
        period += f"; the year of {unknown} engagement{'s' if unknown > 1 else ''} is not stated"
    return Memo(brief.title, period, tuple(s for s in sections if s is not None))


def _item_parts(item: Item) -> Iterator[Inline]:
    yield from item.parts
    for child in item.children:
        yield from _item_parts(child)


def iter_cites(memo: Memo) -> Iterator[Cite]:
    """Every citation in the memo, so the HTML can mark exactly the spans it links to."""
    for section in memo.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts: Iterable[Inline] = block.parts
            elif isinstance(block, ListBlock):
                parts = (p for item in block.items for p in _item_parts(item))
            else:
                parts = (p for row in block.rows for cell in row for p in cell)
            yield from (p for p in parts if isinstance(p, Cite))
