"""Extract one article in focused passes, each grounded against the text.

Measured on the embedded 1.5B model: one call with the whole schema finds 2 of 6 officials
on the AP seed, a call that asks only for officials finds 6 of 6. So each pass asks for one
thing. Every pass sends the same system message (instructions, then the article) and puts
its task last, so llama.cpp reuses the article's KV prefix from one pass to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from summarize.contract.extraction import (
    Dropped,
    Extraction,
    HedgedClaim,
    Official,
    Source,
    StatedAim,
    Visit,
)
from summarize.errors import ExtractionError
from summarize.extract.asking import Answer, ask_list
from summarize.extract.chunk_fold import fold_by_evidence, fold_officials, fold_visits
from summarize.extract.drafts import (
    GroundingContext,
    ListName,
    add_office_holders,
)
from summarize.extract.hedge_candidates import Candidate, hedge_candidates
from summarize.extract.office_holders import find_office_holders
from summarize.ingest.chunks import split_body
from summarize.ingest.date_phrases import resolve_dates
from summarize.ingest.furniture import Body, strip_furniture
from summarize.ingest.metadata import ArticleMetadata, read_metadata
from summarize.ingest.read import Article
from summarize.llm.backend import Backend
from summarize.llm.prompts import render
from summarize.llm.usage import metering

_NO_VALUE = frozenset({"", "null", "none", "n/a", "na", "unknown", "not stated", "-"})


def stated(value: str | None) -> str | None:
    """None for the words a small model writes instead of a JSON null ("null", "unknown")."""
    if value is None or value.strip().casefold() in _NO_VALUE:
        return None
    return value.strip()


@dataclass(frozen=True)
class PassLimits:
    """Bounds that keep a small model from looping: list length and reply length."""

    max_items: int
    max_tokens: int


OFFICIALS = PassLimits(max_items=12, max_tokens=700)
VISITS = PassLimits(max_items=4, max_tokens=800)
AIMS = PassLimits(max_items=5, max_tokens=700)
HEDGE_BATCH = 1  # measured: judged one at a time, the 1.5B model attributes far better
HEDGE_TOKENS_PER_SENTENCE = 90


class ExtractionRun:
    """The passes over one article body (or one chunk of it) against one backend."""

    def __init__(self, backend: Backend, body: Body) -> None:
        self.backend = backend
        self.body = body
        self.ctx = GroundingContext(self.body)
        self.system = render("system", article=self.body.text)
        self.dropped: list[Dropped] = []
        self.warnings: list[str] = []
        self.passes = 0
        self.failed_passes = 0

    def _ask(
        self,
        list_name: ListName,
        task: str,
        limits: PassLimits,
        grounding: GroundingContext,
        min_items: int = 0,
    ) -> Answer:
        answer = ask_list(
            self.backend,
            messages=[
                {"role": "system", "content": self.system},
                {"role": "user", "content": task},
            ],
            list_name=list_name,
            max_items=limits.max_items,
            max_tokens=limits.max_tokens,
            grounding=grounding,
            min_items=min_items,
        )
        self.warnings.extend(answer.warnings)
        self.passes += 1
        self.failed_passes += answer.failed
        return answer

    def _grounded_pass(self, list_name: ListName, limits: PassLimits) -> list[Any]:
        """Ask one focused question and keep what the article supports."""
        task = render(list_name, max_items=limits.max_items)
        grounded = self._ask(list_name, task, limits, self.ctx).grounded
        self.dropped.extend(grounded.dropped)
        self.warnings.extend(grounded.notes)
        return grounded.items

    def officials(self) -> list[Official]:
        found = self._grounded_pass("officials", OFFICIALS)
        merged = add_office_holders(found, find_office_holders(self.body.text), self.ctx)
        return [
            o.model_copy(update={"title": stated(o.title), "country": stated(o.country)})
            for o in merged
        ]

    def visits(self, published: date | None) -> list[Visit]:
        out: list[Visit] = []
        for draft, span in self._grounded_pass("visits", VISITS):
            dates = resolve_dates(draft.when, published)
            out.append(
                Visit(
                    traveler=draft.traveler,
                    traveler_country=stated(draft.traveler_country),
                    destination_country=stated(draft.destination_country),
                    destination_city=stated(draft.destination_city),
                    date_text=stated(draft.when),
                    start_date=dates.start,
                    end_date=dates.end,
                    year_stated=dates.year_stated,
                    purpose=stated(draft.purpose),
                    evidence=[span],
                )
            )
        return out

    def stated_aims(self) -> list[StatedAim]:
        aims: list[StatedAim] = self._grounded_pass("stated_aims", AIMS)
        return aims

    def hedged_claims(self) -> list[HedgedClaim]:
        candidates = hedge_candidates(self.body.text)
        out: list[HedgedClaim] = []
        for start in range(0, len(candidates), HEDGE_BATCH):
            out.extend(self._judge(candidates[start : start + HEDGE_BATCH]))
        return out

    def _judge(self, batch: Sequence[Candidate]) -> list[HedgedClaim]:
        ctx = GroundingContext(self.body, candidates=tuple(batch))
        listing = "\n".join(f"{n}. {c.sentence.text}" for n, c in enumerate(batch, 1))
        limits = PassLimits(
            max_items=len(batch), max_tokens=HEDGE_TOKENS_PER_SENTENCE * len(batch) + 60
        )
        task = render("hedges", candidates=listing)
        grounded = self._ask("verdicts", task, limits, ctx, min_items=len(batch)).grounded
        self.dropped.extend(grounded.dropped)
        return list(grounded.items)


def extract(backend: Backend, article: Article) -> Extraction:
    """Run every pass over ``article`` (chunk by chunk when it is long) into an Extraction.

    Raises :class:`ExtractionError` when every question failed: an empty extraction would
    pass for an article that names nobody.
    """
    meta = read_metadata(article.text)
    body = strip_furniture(article.text)
    chunks = split_body(body, backend.spec.window_chars)
    runs = [ExtractionRun(backend, chunk) for chunk in chunks]
    with metering() as usage:
        parts = [
            (run.officials(), run.visits(meta.published), run.stated_aims(), run.hedged_claims())
            for run in runs
        ]
    passes = sum(run.passes for run in runs)
    if passes and all(run.failed_passes == run.passes for run in runs):
        first = next((w for run in runs for w in run.warnings), "no reason given")
        raise ExtractionError(first, questions=passes)
    return Extraction(
        source=source_record(article, meta, body),
        model=backend.info,
        visits=fold_visits([v for p in parts for v in p[1]]),
        officials=fold_officials([o for p in parts for o in p[0]]),
        stated_aims=fold_by_evidence([a for p in parts for a in p[2]]),
        hedged_claims=fold_by_evidence([h for p in parts for h in p[3]]),
        dropped=[d for run in runs for d in run.dropped],
        input_notes=_input_notes(article, body, chunks, backend),
        warnings=list(dict.fromkeys(w for run in runs for w in run.warnings)),
        usage=usage,
    )


def source_record(article: Article, meta: ArticleMetadata, body: Body | None = None) -> Source:
    """What the extraction says about the article itself; ``body`` adds what was removed."""
    return Source(
        path=str(article.path),
        sha256=article.sha256,
        chars=len(article.text),
        title=meta.title,
        outlet=meta.outlet,
        byline=meta.byline,
        published=meta.published.isoformat() if meta.published else None,
        dateline=meta.dateline,
        furniture=list(body.removed) if body is not None else [],
        text_basis=article.basis,
        text=article.text if article.basis != "file" else None,
    )


def _input_notes(
    article: Article, body: Body, chunks: Sequence[Body], backend: Backend
) -> list[str]:
    """What was guessed or removed before the model saw the text."""
    notes = list(article.notes)
    if body.injected:
        quoted = "; ".join(repr(s.text.strip()[:80]) for s in body.injected)
        notes.append(
            f"removed {len(body.injected)} sentence(s) addressed to the model, not the reader "
            f"(possible prompt injection), before the model saw the text: {quoted}"
        )
    if len(chunks) > 1:
        notes.append(
            f"the article body ({len(body.text)} characters) is longer than the "
            f"{backend.spec.window_chars}-character window for {backend.spec.label}: "
            f"extracted in {len(chunks)} overlapping chunks and merged"
        )
    return notes
