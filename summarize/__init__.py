"""summarize: news articles in, source-grounded extractions and one briefing memo out.

The front door for Python users::

    from summarize import brief, extract, render

    extraction = extract("seeds/002_e07722750158865d.txt")  # the embedded model, cached
    memo = brief([extraction])                               # merged; no model needed
    print(render(memo, "markdown"))

Importing the package is cheap: each function loads its stage when it is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from summarize.contract.brief import Brief
    from summarize.contract.extraction import Extraction

__version__ = "0.2.0"
__all__ = [
    "EMBEDDED_MODEL",
    "Brief",
    "Extraction",
    "SummarizeError",
    "brief",
    "extract",
    "locate",
    "model_file",
    "read_article",
    "read_metadata",
    "render",
    "resolve_dates",
    "serve_embedded",
    "source_record",
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
    from summarize.ingest.read import Article, read_article
    from summarize.llm.routes import resolve
    from summarize.run.batch import extract_remembered
    from summarize.run.session import open_session

    path = Path(source)
    if isinstance(source, Path) or ("\n" not in source and path.is_file()):
        article = read_article(path)
    elif not str(source).strip():
        raise ArticleError(Path("<text>"), "empty text")
    else:
        article = Article(path=Path("<text>"), text=str(source))
    with open_session(resolve(model, base_url), **_session_options(cache)) as session:
        return extract_remembered(article, session.backend, session.store)


def source_record(article: Any) -> Any:
    """The ``Source`` an extraction of ``article`` (from :func:`read_article`) carries: its
    path, hash and stated metadata; for peers that build extractions of their own."""
    from summarize.extract.passes import source_record as record
    from summarize.ingest.metadata import read_metadata as metadata

    return record(article, metadata(article.text, article.page))


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


@contextmanager
def serve_embedded(
    slots: int = 1, log_path: Path | None = None, *, lookup: bool = False
) -> Iterator[str]:
    """Start the embedded model's llama.cpp engine on loopback; yield its ``/v1`` URL.

    Other tools (a benchmark's peers) can then use the very server summarize uses; the
    engine is stopped when the block ends, whatever happens in it. ``lookup`` turns on n-gram
    lookup decoding (measured 0.92x the wall time on two cores, with slightly different
    answers; off by default, see ``bench/README.md``).
    """
    from summarize.llm.embedded.engine import Engine

    with Engine(model_file(), slots=slots, log_path=log_path, lookup=lookup) as engine:
        yield engine.base_url


def model_file() -> Path:
    """The embedded model's GGUF file, joined from its PyPI parts and verified on first use."""
    from summarize.llm.embedded.model_file import ensure_model, models_dir

    return ensure_model(models_dir() / "models")


def read_article(path: Path) -> Any:
    """Read an article file as the tool does (decoding, HTML body); ``.text`` is what every
    offset points into. Raises :class:`SummarizeError` with the reason when it cannot."""
    from summarize.ingest.read import read_article as read

    return read(path)


def read_metadata(text: str) -> Any:
    """Title, outlet, byline, publication date and dateline, where the article states them."""
    from summarize.ingest.metadata import read_metadata as read

    return read(text)


def resolve_dates(date_text: str | None, published: date | None) -> Any:
    """ISO 8601 dates for date words ("on Tuesday", "Oct. 28 to 30"); a missing year comes
    only from ``published``, never a guess (``--10-28`` when none)."""
    from summarize.ingest.date_phrases import resolve_dates as resolve

    return resolve(date_text, published)


def locate(quote: str, text: str) -> Any:
    """The span of ``text`` a quote reproduces, up to quote marks, dashes, case and spacing;
    ``None`` when it is not there."""
    from summarize.ingest.text_match import locate as find

    return find(quote, text)


def __getattr__(name: str) -> Any:
    """The contract's types and the error family, imported when first asked for."""
    if name == "Extraction":
        from summarize.contract.extraction import Extraction

        return Extraction
    if name == "Brief":
        from summarize.contract.brief import Brief

        return Brief
    if name == "EMBEDDED_MODEL":
        from summarize.llm.routes import EMBEDDED_MODEL

        return EMBEDDED_MODEL
    if name == "SummarizeError":
        from summarize.errors import SummarizeError

        return SummarizeError
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
