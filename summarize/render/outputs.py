"""The three memo files: ``brief.md``, and ``brief.json`` and ``brief.html`` beside it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from summarize.atomic import write_text_atomic
from summarize.contract.brief import Brief
from summarize.render.html import render_html
from summarize.render.markdown import render_markdown


def write_outputs(brief: Brief, markdown_path: Path, texts: Mapping[str, str]) -> list[Path]:
    """Write the memo in its three forms; ``texts`` are the article texts by SHA-256.

    The caller hands over the texts it already read (the HTML page shows each article with
    its evidence highlighted), so nothing is read or hashed twice.
    """
    by_number = {s.n: texts[s.sha256] for s in brief.sources if s.sha256 in texts}
    json_path = markdown_path.with_suffix(".json")
    html_path = markdown_path.with_suffix(".html")
    write_text_atomic(markdown_path, render_markdown(brief))
    write_text_atomic(json_path, brief.model_dump_json(indent=2) + "\n")
    write_text_atomic(html_path, render_html(brief, by_number))
    return [markdown_path, json_path, html_path]
