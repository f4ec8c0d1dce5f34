"""The narrative for a merged brief: the rule's sentences, worded by a model if given one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from summarize.brief.narrative import Wording, narrative_of, worded
from summarize.contract.brief import Brief


@dataclass
class BriefResult:
    brief: Brief
    warnings: list[str] = field(default_factory=list)


def with_narrative(
    brief: Brief, wording: Wording | None = None, texts: Mapping[str, str] | None = None
) -> BriefResult:
    """``brief`` with its narrative from the merged facts; ``wording`` may reword it.

    ``texts`` (article text by SHA-256) tells which scripts the sources are written in, so a
    wording in another script is refused.
    """
    if wording is None:
        return BriefResult(brief.model_copy(update={"narrative": narrative_of(brief)}))
    by_number = {s.n: (texts or {}).get(s.sha256, "") for s in brief.sources}
    narrative, warnings = worded(brief, by_number, wording)
    return BriefResult(brief.model_copy(update={"narrative": narrative}), warnings)
