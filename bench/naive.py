"""The naive baseline: one instructor call per article with the whole schema.

One pydantic model holds every list; llama.cpp enforces its JSON Schema as a grammar
(``Mode.JSON`` with the schema in ``extra_body.response_format``: the only structured mode
that works against ``llama_cpp.server``). Same sampling as summarize: temperature 0, seed 0,
repeat_penalty 1.0. One attempt, no reask. Lists are bounded like summarize's passes
(officials 12, visits 4, aims 5, hedges 8) and the reply at ``--max-tokens``, so a looping
list ends in a cut-off reply (recorded as a failure) rather than a 8k-token ramble.

Each item carries a verbatim ``quote``; it is placed in the article with an exact
``str.find``. A quote that is not found verbatim keeps its item with a span that does not
slice (``start == end == 0``, the quote as text) and is counted as unlocated.

    python bench/naive.py --base-url http://127.0.0.1:PORT/v1 --out DIR seeds/*.txt
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import instructor
import openai
from bench_common import (
    EXTRA_BODY,
    FIELD_GUIDE,
    MODEL_ID,
    SEED,
    TEMPERATURE,
    Grounding,
    article_summary,
    new_extraction,
    stated,
    unlocated_span,
    visit_dates,
    write_json,
)
from pydantic import BaseModel, Field

import summarize
from summarize.contract.extraction import Extraction, HedgedClaim, Official, Span, StatedAim, Visit

QUOTE = "one sentence copied word for word from the article that supports this item"


class NaiveOfficial(BaseModel):
    name: str
    title: str | None
    country: str | None
    quote: str = Field(description=QUOTE)


class NaiveVisit(BaseModel):
    traveler: str
    traveler_country: str | None
    destination_country: str | None
    destination_city: str | None
    date: str | None
    purpose: str | None
    quote: str = Field(description=QUOTE)


class NaiveAim(BaseModel):
    aim: str
    stated_by: str
    quote: str = Field(description=QUOTE)


class NaiveHedge(BaseModel):
    claim: str
    cue: str
    voiced_by: str
    quote: str = Field(description=QUOTE)


class ArticleFacts(BaseModel):
    """Everything asked of one article, in one reply."""

    officials: list[NaiveOfficial] = Field(max_length=12)
    visits: list[NaiveVisit] = Field(max_length=4)
    stated_aims: list[NaiveAim] = Field(max_length=5)
    hedged_claims: list[NaiveHedge] = Field(max_length=8)


SYSTEM = (
    "You read one news article and answer in JSON.\n\n"
    + FIELD_GUIDE
    + '\nFor every item also give "quote": one sentence copied word for word from the '
    "article that supports it."
)


def ask(client: instructor.Instructor, article: Any, max_tokens: int) -> ArticleFacts:
    schema = ArticleFacts.model_json_schema()
    return client.chat.completions.create(
        model=MODEL_ID,
        response_model=ArticleFacts,
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f'ARTICLE:\n"""\n{article.text}\n"""'},
        ],
        max_retries=0,  # one attempt, no reask (instructor 1.17 makes max_retries + 1)
        max_tokens=max_tokens,
        temperature=TEMPERATURE,
        seed=SEED,
        extra_body={**EXTRA_BODY, "response_format": {"type": "json_object", "schema": schema}},
    )


def span_of(quote: str, text: str, tally: Grounding, would_locate: list[int]) -> Span:
    """Exact ``str.find``; otherwise a non-slicing span (and note whether summarize's
    normalizing locator would have found it, for the report only)."""
    at = text.find(quote) if quote else -1
    if at >= 0:
        tally.exact += 1
        return Span(start=at, end=at + len(quote), text=quote)
    tally.unlocated += 1
    if quote and summarize.locate(quote, text) is not None:
        would_locate[0] += 1
    return unlocated_span(quote)


def convert(facts: ArticleFacts, article: Any, tally: Grounding) -> tuple[Extraction, int]:
    text = article.text
    would = [0]
    ex = new_extraction(article, "naive")
    ex.officials = [
        Official(
            name=o.name,
            title=stated(o.title),
            country=stated(o.country),
            evidence=[span_of(o.quote, text, tally, would)],
        )
        for o in facts.officials
    ]
    ex.visits = [
        Visit(
            traveler=v.traveler,
            traveler_country=stated(v.traveler_country),
            destination_country=stated(v.destination_country),
            destination_city=stated(v.destination_city),
            purpose=stated(v.purpose),
            evidence=[span_of(v.quote, text, tally, would)],
            **visit_dates(article, v.date),
        )
        for v in facts.visits
    ]
    ex.stated_aims = [
        StatedAim(aim=a.aim, stated_by=a.stated_by, evidence=[span_of(a.quote, text, tally, would)])
        for a in facts.stated_aims
    ]
    ex.hedged_claims = [
        HedgedClaim(
            claim=h.claim,
            cue=h.cue,
            voiced_by=h.voiced_by,
            evidence=[span_of(h.quote, text, tally, would)],
        )
        for h in facts.hedged_claims
    ]
    return ex, would[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--base-url", required=True, help="OpenAI-compatible /v1 address")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--max-tokens", type=int, default=2048)
    args = parser.parse_args()

    http = openai.OpenAI(base_url=args.base_url, api_key="no-key-needed", max_retries=0)
    http = http.with_options(timeout=1800.0)
    client = instructor.from_openai(http, mode=instructor.Mode.JSON)
    summary: dict[str, object] = {"articles": {}, "method": "exact str.find"}
    failures = 0
    for path in args.files:
        article = summarize.read_article(path)
        tally = Grounding()
        began = time.perf_counter()
        would = 0
        try:
            ex, would = convert(ask(client, article, args.max_tokens), article, tally)
        except Exception as exc:  # a cut-off or invalid reply fails this article only
            failures += 1
            ex = new_extraction(article, "naive")
            ex.warnings.append(f"naive call failed: {type(exc).__name__}: {str(exc)[:300]}")
        seconds = time.perf_counter() - began
        write_json(args.out / f"{path.stem}.json", ex.model_dump(mode="json"))
        summary["articles"][path.stem] = article_summary(  # type: ignore[index]
            ex, seconds, tally, unlocated_but_found_by_normalized_locate=would
        )
        print(f"naive: {path.name}: {seconds:.1f} s, {tally.as_dict()}", file=sys.stderr)
    summary["failures"] = failures
    write_json(args.out.parent / f"{args.out.name}.runinfo.json", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
