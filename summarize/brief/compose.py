"""From extractions to a brief: merge, then (optionally) the model-worded narrative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from summarize.brief.merge import merge
from summarize.brief.narrative import write_narrative
from summarize.contract.brief import Brief
from summarize.contract.extraction import Extraction
from summarize.llm import Backend


@dataclass
class BriefResult:
    brief: Brief
    warnings: list[str] = field(default_factory=list)


def compose(extractions: Sequence[Extraction], backend: Backend | None) -> BriefResult:
    """Merge, then ask the model for the narrative when a backend is given."""
    brief = merge(extractions)
    result = BriefResult(brief=brief)
    if backend is not None:
        narrative, problem = write_narrative(backend, brief)
        result.brief = brief.model_copy(update={"narrative": narrative})
        if problem:
            result.warnings.append(problem)
    return result
