"""The memo's bottom line and key judgments, written by the model from merged data only.

The model sees the brief's findings with their source numbers, never the articles, and every
judgment must cite source numbers that exist; anything else is sent back as a reask.
"""

from __future__ import annotations

from typing import Any

from instructor.core.exceptions import InstructorRetryException
from pydantic import ValidationInfo, model_validator

from summarize.contract.brief import Brief, Narrative
from summarize.llm import Backend
from summarize.llm.prompts import render

MAX_JUDGMENTS = 4
MAX_TOKENS = 600


class NarrativeAnswer(Narrative):
    @model_validator(mode="after")
    def _cites_real_sources(self, info: ValidationInfo) -> NarrativeAnswer:
        known = info.context.get("sources") if isinstance(info.context, dict) else None
        if known is None:
            return self
        bad = sorted({n for j in self.key_judgments for n in j.sources if n not in known})
        if bad:
            raise ValueError(
                f"sources {bad} do not exist; cite only these source numbers: {sorted(known)}"
            )
        return self


def findings_text(brief: Brief) -> str:
    """A compact, numbered digest of the brief: what the model may draw on."""
    lines = ["Sources:"]
    for s in brief.sources:
        lines.append(f"[{s.n}] {s.outlet or 'outlet not stated'}, {s.published or 'undated'}")
    lines.append("Engagements:")
    for e in brief.engagements:
        when = e.start_date or "date unknown"
        if not e.year_known:
            when += " (year not stated)"
        cites = "".join(f"[{n}]" for n in e.sources)
        kind = "" if e.role == "engagement" else " (context)"
        lines.append(
            f"- {e.traveler} ({e.traveler_country or '?'}) to {e.destination_city or ''} "
            f"{e.destination_country or '?'}, {when}{kind}: {'; '.join(e.purposes)} {cites}"
        )
    lines.append(
        "Officials: " + "; ".join(f"{o.name} ({', '.join(o.titles)})" for o in brief.officials)
    )
    lines.append("Stated aims:")
    lines += [
        f"- {g.text} (by {', '.join(g.voiced_by)}) {_cites(g.sources)}" for g in brief.stated_aims
    ]
    lines.append("Speculation:")
    lines += [
        f"- {g.text} (voiced by {', '.join(g.voiced_by)}) {_cites(g.sources)}"
        for g in brief.speculation
    ]
    return "\n".join(lines)


def _cites(sources: list[int]) -> str:
    return "".join(f"[{n}]" for n in sources)


def write_narrative(backend: Backend, brief: Brief) -> tuple[Narrative | None, str | None]:
    """The narrative, or None with the reason when the model could not give a valid one."""
    schema_model = NarrativeAnswer
    messages = [
        {"role": "system", "content": render("narrative_system", findings=findings_text(brief))},
        {"role": "user", "content": render("narrative", max_items=MAX_JUDGMENTS)},
    ]
    options: dict[str, Any] = backend.spec.request_options(schema_model.model_json_schema())
    try:
        answer = backend.client.chat.completions.create(
            model=backend.spec.model,
            messages=messages,  # type: ignore[arg-type]
            response_model=schema_model,
            max_retries=2,
            max_tokens=MAX_TOKENS,
            context={"sources": {s.n for s in brief.sources}},
            **options,
        )
    except InstructorRetryException as exc:
        return None, f"narrative: no valid answer after {exc.n_attempts} attempts"
    return Narrative.model_validate(answer.model_dump()), None
