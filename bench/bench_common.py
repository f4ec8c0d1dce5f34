"""What the comparison's peers share: field definitions, sampling, and conversion helpers.

Every system is asked for the same four kinds of fact with the same definitions (taken from
the project's prompts in ``prompts/``), sampled the same way (temperature 0, seed 0,
``repeat_penalty`` 1.0) from the same server, and its answers are written as the project's
:class:`~summarize.contract.extraction.Extraction` so one scorer and one merger judge them all.

The deterministic, model-free post-processing that summarize applies to every article is
applied to the peers as well, so the comparison measures the model-facing design only:

- ``summarize.read_metadata`` for the article's title, outlet, byline, date and dateline;
- ``summarize.resolve_dates`` to turn a visit's date words into ISO dates (a missing year from the
  article's publication date, never a guess);
- ``stated`` to read "null", "unknown" and the like as no value.

An evidence span always holds the article's own text when it slices the article. A quote
that cannot be placed gets ``start == end == 0`` with the model's words as its text: a span
that does not slice, so the scorer can see it is ungrounded. Each runner counts them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import summarize
from summarize.contract.extraction import Extraction, ModelInfo, Source, Span, Usage

MODEL_ID = summarize.EMBEDDED_MODEL
_NO_VALUE = frozenset({"", "null", "none", "n/a", "na", "unknown", "not stated", "-"})


def stated(value: str | None) -> str | None:
    """None for the words a small model writes instead of a JSON null ("null", "unknown")."""
    if value is None or value.strip().casefold() in _NO_VALUE:
        return None
    return value.strip()


TEMPERATURE = 0.0
SEED = 0
# The same server-side sampling summarize sends (summarize/providers/routes.py).
EXTRA_BODY: dict[str, Any] = {"repeat_penalty": 1.0}

# The field definitions, worded as in prompts/*.txt.
FIELD_GUIDE = """\
Extract four kinds of fact from the article. Use only what the article states. Copy names, \
dates and quotes exactly as they are written in the article; never invent, translate or \
complete them.

1. official: every government official and political leader named in the article: \
presidents, prime ministers, deputy prime ministers, ministers, vice ministers, foreign \
ministers, heads of state, party leaders, ambassadors and other state officials. Leave out \
journalists, academics, analysts, experts and private people. Give the full name as written, \
the title (their office, copied from the article, or null) and the country they serve (or \
null). List each person once.

2. visit: the trips the article reports: an official or a delegation travelling to another \
country (arrived in, will visit, paid a visit to, flew to, led a delegation to). Leave out \
meetings that involve no trip. Give the traveler (the person who travelled or led the \
delegation, name as written), traveler_country, destination_country, destination_city (or \
null), date (the date words copied from the article, such as "on Tuesday", "Oct. 28 to 30" \
or "in May 2025", or null) and purpose (why, in a few words taken from the article, or null).

3. stated_aim: the aims that a government, a ministry, a state news agency or a named \
official stated for the visit or the talks, as the article reports them ("the ministry \
said", "they pledged", "the talks focused on"). Predictions by experts, analysts or observers \
are not stated aims: leave them out. Give the aim in a few words and stated_by (who stated \
it, as named in the article).

4. hedged_claim: speculation: a prediction, an expectation, a possibility or a guess rather \
than an established fact, carried by a hedge word (likely, could, may, might, expected to, \
possibly, reportedly, ...). Give the claim in a few words, the cue (the hedge word as \
written) and voiced_by: the person named as saying or suggesting it, or "experts", \
"analysts" or "observers" when the article says so, or "the outlet" when the article \
itself speculates.
"""

# An invented article for few-shot examples: no person, quote or event from the seeds.
EXAMPLE_TEXT = (
    "SANTIAGO, Chile (AP) \u2014 Estonia's Foreign Minister Kadri Lepp arrived in Santiago on "
    "Monday for a three-day visit aimed at expanding trade and digital cooperation, Chile's "
    "foreign ministry said.\n\n"
    "Lepp is scheduled to meet President Tom\u00e1s Ibarra and Economy Minister Rosa Fuentes "
    "on Tuesday. The ministry said the two sides would sign an agreement on electronic "
    "government services.\n\n"
    "Analysts said the visit could pave the way for a free trade agreement later this year. "
    '"Estonia is likely looking for a foothold in South America," said Marta Sol\u00eds, a '
    "researcher at the University of Chile.\n\n"
    "Chile's Deputy Foreign Minister Andr\u00e9s Pino will travel to Tallinn in June to "
    "continue the talks, according to the ministry.\n"
)

# (class, verbatim text from EXAMPLE_TEXT, attributes), in order of appearance.
EXAMPLE_FACTS: list[tuple[str, str, dict[str, str]]] = [
    ("official", "Kadri Lepp", {"title": "Foreign Minister", "country": "Estonia"}),
    (
        "visit",
        "arrived in Santiago on Monday for a three-day visit",
        {
            "traveler": "Kadri Lepp",
            "traveler_country": "Estonia",
            "destination_country": "Chile",
            "destination_city": "Santiago",
            "date": "on Monday",
            "purpose": "expanding trade and digital cooperation",
        },
    ),
    (
        "stated_aim",
        "expanding trade and digital cooperation",
        {"stated_by": "Chile's foreign ministry"},
    ),
    ("official", "Tom\u00e1s Ibarra", {"title": "President", "country": "Chile"}),
    ("official", "Rosa Fuentes", {"title": "Economy Minister", "country": "Chile"}),
    (
        "stated_aim",
        "sign an agreement on electronic government services",
        {"stated_by": "the ministry"},
    ),
    (
        "hedged_claim",
        "the visit could pave the way for a free trade agreement later this year",
        {"cue": "could", "voiced_by": "Analysts"},
    ),
    (
        "hedged_claim",
        "Estonia is likely looking for a foothold in South America",
        {"cue": "likely", "voiced_by": "Marta Sol\u00eds"},
    ),
    ("official", "Andr\u00e9s Pino", {"title": "Deputy Foreign Minister", "country": "Chile"}),
    (
        "visit",
        "will travel to Tallinn in June",
        {
            "traveler": "Andr\u00e9s Pino",
            "traveler_country": "Chile",
            "destination_country": "Estonia",
            "destination_city": "Tallinn",
            "date": "in June",
            "purpose": "continue the talks",
        },
    ),
]


@dataclass
class Grounding:
    """How many evidence spans each runner could place in the article, and how."""

    exact: int = 0
    fuzzy: int = 0
    unlocated: int = 0
    dropped: int = 0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact,
            "fuzzy": self.fuzzy,
            "unlocated": self.unlocated,
            "dropped": self.dropped,
        }


def unlocated_span(quote: str) -> Span:
    """A span that does not slice the article: the scorer sees the quote is not grounded."""
    return Span(start=0, end=0, text=quote, alignment="exact")


def source_of(article: Any) -> Source:
    """The Source record summarize writes for an article (path, hash, stated metadata)."""
    source: Source = summarize.source_record(article)
    return source


def visit_dates(article: Any, date_text: str | None) -> dict[str, Any]:
    """start_date, end_date and year_stated, resolved exactly as summarize resolves them."""
    published = summarize.read_metadata(article.text).published
    dates = summarize.resolve_dates(date_text, published)
    return {
        "date_text": stated(date_text),
        "start_date": dates.start,
        "end_date": dates.end,
        "year_stated": dates.year_stated,
    }


def text_value(value: object) -> str | None:
    """An attribute as one string (lists joined), or None for an empty or null-like value."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    return stated(str(value))


def new_extraction(article: Any, provider: str) -> Extraction:
    return Extraction(
        source=source_of(article),
        model=ModelInfo(provider=provider, model=MODEL_ID),
        usage=Usage(),
    )


def write_json(path: Path, payload: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def article_summary(
    ex: Extraction, seconds: float, tally: Grounding, **extra: Any
) -> dict[str, Any]:
    """One article's line in a runner's ``runinfo.json``: time, item counts, span placement."""
    return {
        "seconds": round(seconds, 2),
        "counts": {
            "officials": len(ex.officials),
            "visits": len(ex.visits),
            "stated_aims": len(ex.stated_aims),
            "hedged_claims": len(ex.hedged_claims),
        },
        "spans": tally.as_dict(),
        "warnings": ex.warnings,
        **extra,
    }
