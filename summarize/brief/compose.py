"""From extractions to the three memo files: merge, narrate (optionally), render."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarize.brief.merge import merge
from summarize.brief.narrative import write_narrative
from summarize.contract.brief import Brief
from summarize.contract.extraction import Extraction
from summarize.errors import ArticleError
from summarize.ingest.read import read_article
from summarize.llm import Backend
from summarize.render.html import render_html
from summarize.render.markdown import render_markdown
from summarize.run.batch import write_text_atomic


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


def _article_texts(brief: Brief) -> dict[int, str]:
    """Each source's text, re-read and checked against the hash the brief recorded."""
    texts: dict[int, str] = {}
    for source in brief.sources:
        try:
            article = read_article(Path(source.path))
        except ArticleError:
            continue
        if article.sha256 == source.sha256:
            texts[source.n] = article.text
    return texts


def write_outputs(result: BriefResult, markdown_path: Path) -> list[Path]:
    """``brief.md`` plus ``brief.json`` and ``brief.html`` beside it."""
    brief = result.brief
    json_path = markdown_path.with_suffix(".json")
    html_path = markdown_path.with_suffix(".html")
    write_text_atomic(markdown_path, render_markdown(brief))
    write_text_atomic(json_path, brief.model_dump_json(indent=2) + "\n")
    write_text_atomic(html_path, render_html(brief, _article_texts(brief)))
    return [markdown_path, json_path, html_path]
