"""summarize: news articles in, source-grounded extractions and one briefing memo out.

The front door for Python users::

    from summarize import brief, extract, render

    extraction = extract("seeds/002_e07722750158865d.txt")  # the embedded model, cached
    memo = brief([extraction])                               # merged; no model needed
    print(render(memo, "markdown"))

Importing the package is cheap: each function loads its stage when it is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from summarize.contract.brief import Brief
    from summarize.contract.extraction import Extraction

__version__ = "0.2.0"
__all__ = [
    "Brief",
    "Extraction",
    "SummarizeError",
    "brief",
    "extract",
    "render",
]

Format = Literal["markdown", "html", "json"]
CacheSetting = Path | str | bool | None


def _session_options(cache: CacheSetting) -> dict[str, Any]:
    if cache is False:
        return {"no_cache": True}
    if cache is None or cache is True:
        return {}
    return {"cache_dir": Path(cache)}


def extract(
    source: str | Path,
    *,
    model: str | None = None,
    base_url: str | None = None,
    cache: CacheSetting = None,
) -> Extraction:
    """Extract one article: a file's path, or the article's text itself.

    ``model`` picks the provider as ``--model`` does (``None``: ``SUMMARIZE_MODEL``, else the
    embedded model); ``cache`` is a folder, ``False`` for none, ``None`` for the default.
    Raises :class:`SummarizeError` when the article cannot be read or extracted.
    """
    from summarize.errors import ArticleError
    from summarize.extract.passes import extract as run_passes
    from summarize.ingest.read import Article, read_article
    from summarize.llm.routes import resolve
    from summarize.run.session import open_session

    path = Path(source)
    if isinstance(source, Path) or ("\n" not in source and path.is_file()):
        article = read_article(path)
    elif not str(source).strip():
        raise ArticleError(Path("<text>"), "empty text")
    else:
        article = Article(path=Path("<text>"), text=str(source))
    with open_session(resolve(model, base_url), **_session_options(cache)) as session:
        if session.store is not None and (known := session.store.recall(article)) is not None:
            return known
        extraction = run_passes(session.backend(), article)
        if session.store is not None:
            session.store.remember(article, extraction)
        return extraction


def brief(extractions: Iterable[Extraction]) -> Brief:
    """Merge extractions into one brief: engagements, roster, aims, speculation, sources.

    Deterministic and order-independent; no model is asked anything.
    """
    from summarize.brief.merge import merge

    return merge(extractions)


def render(
    brief: Brief, format: Format = "markdown", texts: Mapping[int, str] | None = None
) -> str:
    """The memo as Markdown, a self-contained HTML page, or the brief's JSON.

    ``texts`` (article text by source number) lets the HTML page show each article with its
    evidence highlighted.
    """
    if format == "json":
        return brief.model_dump_json(indent=2) + "\n"
    if format == "html":
        from summarize.render.html import render_html

        return render_html(brief, dict(texts or {}))
    from summarize.render.markdown import render_markdown

    return render_markdown(brief)


def __getattr__(name: str) -> Any:
    """The contract's types and the error family, imported when first asked for."""
    if name == "Extraction":
        from summarize.contract.extraction import Extraction

        return Extraction
    if name == "Brief":
        from summarize.contract.brief import Brief

        return Brief
    if name == "SummarizeError":
        from summarize.errors import SummarizeError

        return SummarizeError
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
