"""LangExtract 1.7.1 on the same llama.cpp server, written as the project's Extraction JSON.

Runs in ``bench/.venv`` (LangExtract and its Google dependencies stay out of the project's
environment); that venv has the project installed too, for the conversion.

Configuration, the same for every article:

- Provider: LangExtract's ``OpenAILanguageModel`` (its OpenAI-compatible provider) with
  ``base_url`` = the counting proxy, a dummy key, ``model_id`` = the embedded model's id,
  ``temperature=0``, ``seed=0``, one worker (the server answers one request at a time), and
  ``max_output_tokens`` per chunk. A three-line subclass adds ``extra_body={"repeat_penalty":
  1.0}``, the server-side sampling summarize sends; nothing else is changed.
- Prompt: the same field definitions summarize's prompts use, plus one few-shot
  ``ExampleData`` from an invented article (bench_common.EXAMPLE_TEXT) with every class.
- Schema (``--schema``):
  ``grammar`` (default): LangExtract's own example-derived schema
  (``OpenAISchema.from_examples``), sent the one way llama.cpp's server accepts a schema,
  ``response_format={"type": "json_object", "schema": …}``, so the server enforces it as a
  grammar, like summarize's and the naive baseline's. ``none``: LangExtract's plain JSON
  mode (``{"type": "json_object"}``, no schema). ``native``: LangExtract's stock
  ``use_schema_constraints`` path (``{"type": "json_schema", …}``), which llama-cpp-python's
  server refuses with HTTP 500.
- ``fence_output=False`` (raw JSON, as the OpenAI provider expects), chunking at LangExtract's
  default ``max_char_buffer=1000``, one extraction pass.

Spans come from each extraction's ``char_interval`` (article offsets); ``alignment_status``
``match_exact`` → exact, any other match → fuzzy (the text is still the article's slice).
An extraction LangExtract could not align keeps a non-slicing span and is counted.

    bench/.venv/bin/python bench/lx_run.py --base-url URL/v1 --out DIR seeds/*.txt
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import langextract as lx
from bench_common import (
    EXAMPLE_FACTS,
    EXAMPLE_TEXT,
    EXTRA_BODY,
    FIELD_GUIDE,
    MODEL_ID,
    SEED,
    TEMPERATURE,
    Grounding,
    article_summary,
    new_extraction,
    text_value,
    unlocated_span,
    visit_dates,
    write_json,
)
from langextract.core import data as lx_data
from langextract.providers.openai import OpenAILanguageModel
from langextract.providers.schemas.openai import OpenAISchema

import summarize
from summarize.contract.extraction import Extraction, HedgedClaim, Official, Span, StatedAim, Visit

PROMPT = (
    FIELD_GUIDE + "\nUse the extraction classes official, visit, stated_aim and hedged_claim. The "
    "extraction text is copied exactly from the article, in order of appearance, without "
    "paraphrase: for official the name; for visit the words that report the trip; for "
    "stated_aim the words of the aim; for hedged_claim the words of the claim. Give the other "
    "fields as attributes: official: title, country; visit: traveler, traveler_country, "
    "destination_country, destination_city, date, purpose; stated_aim: stated_by; "
    "hedged_claim: cue, voiced_by."
)


class LlamaCppOpenAI(OpenAILanguageModel):
    """LangExtract's OpenAI provider plus the server-side sampling summarize sends."""

    def _build_chat_completions_params(self, prompt: str, config: dict[str, Any]) -> dict[str, Any]:
        params: dict[str, Any] = super()._build_chat_completions_params(prompt, config)
        params["extra_body"] = dict(EXTRA_BODY)
        return params


def examples() -> list[lx_data.ExampleData]:
    return [
        lx_data.ExampleData(
            text=EXAMPLE_TEXT,
            extractions=[
                lx_data.Extraction(extraction_class=cls, extraction_text=text, attributes=attrs)
                for cls, text, attrs in EXAMPLE_FACTS
            ],
        )
    ]


def language_model(
    base_url: str, schema_mode: str, max_output_tokens: int, shots: list[lx_data.ExampleData]
) -> OpenAILanguageModel:
    kwargs: dict[str, Any] = {"seed": SEED, "max_output_tokens": max_output_tokens}
    schema = OpenAISchema.from_examples(shots)
    if schema_mode == "grammar":
        kwargs["response_format"] = {"type": "json_object", "schema": schema.schema_dict}
    model = LlamaCppOpenAI(
        model_id=MODEL_ID,
        api_key="no-key-needed",
        base_url=base_url,
        temperature=TEMPERATURE,
        max_workers=1,
        **kwargs,
    )
    if schema_mode == "native":
        model.apply_schema(schema)
    return model


def span_of(ext: lx_data.Extraction, text: str, tally: Grounding) -> Span:
    ci = ext.char_interval
    if ci is not None and ci.start_pos is not None and ci.end_pos is not None:
        start, end = ci.start_pos, ci.end_pos
        if 0 <= start < end <= len(text):
            exact = ext.alignment_status == lx_data.AlignmentStatus.MATCH_EXACT
            if exact:
                tally.exact += 1
            else:
                tally.fuzzy += 1
            return Span(
                start=start, end=end, text=text[start:end], alignment="exact" if exact else "fuzzy"
            )
    tally.unlocated += 1
    return unlocated_span(ext.extraction_text)


def convert(found: list[lx_data.Extraction], article: Any, tally: Grounding) -> Extraction:
    ex = new_extraction(article, "langextract")
    text = article.text
    for e in found:
        attrs = e.attributes or {}
        cls = e.extraction_class.strip().lower()
        words = e.extraction_text.strip()

        def attr(name: str, attrs: dict[str, Any] = attrs) -> str | None:
            return text_value(attrs.get(name))

        if cls == "official":
            ex.officials.append(
                Official(
                    name=words,
                    title=attr("title"),
                    country=attr("country"),
                    evidence=[span_of(e, text, tally)],
                )
            )
        elif cls == "visit":
            traveler = attr("traveler")
            if traveler is None:
                tally.dropped += 1
                tally.notes.append(f"visit without a traveler dropped: {words!r}")
                continue
            ex.visits.append(
                Visit(
                    traveler=traveler,
                    traveler_country=attr("traveler_country"),
                    destination_country=attr("destination_country"),
                    destination_city=attr("destination_city"),
                    purpose=attr("purpose"),
                    evidence=[span_of(e, text, tally)],
                    **visit_dates(article, attr("date")),
                )
            )
        elif cls == "stated_aim":
            ex.stated_aims.append(
                StatedAim(
                    aim=words, stated_by=attr("stated_by") or "", evidence=[span_of(e, text, tally)]
                )
            )
        elif cls == "hedged_claim":
            ex.hedged_claims.append(
                HedgedClaim(
                    claim=words,
                    cue=attr("cue") or "",
                    voiced_by=attr("voiced_by") or "",
                    evidence=[span_of(e, text, tally)],
                )
            )
        else:
            tally.dropped += 1
            tally.notes.append(f"unknown class {e.extraction_class!r} dropped")
    return ex


def raw_of(e: lx_data.Extraction) -> dict[str, Any]:
    ci = e.char_interval
    return {
        "extraction_class": e.extraction_class,
        "extraction_text": e.extraction_text,
        "attributes": e.attributes,
        "char_interval": None if ci is None else [ci.start_pos, ci.end_pos],
        "alignment_status": None if e.alignment_status is None else e.alignment_status.value,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--base-url", required=True, help="OpenAI-compatible /v1 address")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--schema", choices=["grammar", "none", "native"], default="grammar")
    parser.add_argument("--max-char-buffer", type=int, default=1000)
    parser.add_argument("--max-output-tokens", type=int, default=1024)
    args = parser.parse_args()

    shots = examples()
    model = language_model(args.base_url, args.schema, args.max_output_tokens, shots)
    summary: dict[str, Any] = {
        "langextract": _version(),
        "provider": f"{OpenAILanguageModel.__module__}.{OpenAILanguageModel.__name__} "
        "(subclass adds extra_body repeat_penalty=1.0)",
        "schema": args.schema,
        "max_char_buffer": args.max_char_buffer,
        "max_output_tokens": args.max_output_tokens,
        "prompt_description": PROMPT,
        "articles": {},
    }
    failures = 0
    for path in args.files:
        article = summarize.read_article(path)
        tally = Grounding()
        began = time.perf_counter()
        raw: list[dict[str, Any]] = []
        try:
            doc = lx.extract(
                text_or_documents=article.text,
                prompt_description=PROMPT,
                examples=shots,
                model=model,
                fence_output=False,
                use_schema_constraints=False,  # the model is configured above
                max_char_buffer=args.max_char_buffer,
                batch_length=10,
                max_workers=1,
                show_progress=False,
                resolver_params={"suppress_parse_errors": True},
            )
            found = list(doc.extractions or [])  # type: ignore[union-attr]
            raw = [raw_of(e) for e in found]
            ex = convert(found, article, tally)
        except Exception as exc:
            failures += 1
            ex = new_extraction(article, "langextract")
            ex.warnings.append(f"langextract failed: {type(exc).__name__}: {str(exc)[:300]}")
        ex.warnings.extend(tally.notes)
        seconds = time.perf_counter() - began
        write_json(args.out / f"{path.stem}.json", ex.model_dump(mode="json"))
        summary["articles"][path.stem] = article_summary(ex, seconds, tally, raw=raw)
        print(f"langextract: {path.name}: {seconds:.1f} s, {tally.as_dict()}", file=sys.stderr)
    summary["failures"] = failures
    write_json(args.out.parent / f"{args.out.name}.runinfo.json", summary)
    return 0


def _version() -> str:
    from importlib.metadata import version

    return version("langextract")


if __name__ == "__main__":
    sys.exit(main())
