"""Extract many files, one at a time, writing each result as soon as it exists.

A failure on one article (unreadable file, provider fault) is reported in one line and the
rest go on; results already written, and every model answer already cached, survive a
crash or Ctrl-C later in the run.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.ingest import Article, ArticleError, read_article
from summarize.memo import Memo
from summarize.models import Extraction
from summarize.providers.spec import ProviderError

if TYPE_CHECKING:
    from summarize.providers.backend import Backend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    path: Path
    output: Path | None = None
    extraction: Extraction | None = None
    error: str | None = None


def expand_inputs(items: Iterable[Path]) -> list[Path]:
    """Files as given, and the visible files inside any directory given, in order."""
    out: list[Path] = []
    for item in items:
        if item.is_dir():
            out.extend(
                sorted(p for p in item.iterdir() if p.is_file() and not p.name.startswith("."))
            )
        else:
            out.append(item)
    return out


def write_text_atomic(path: Path, text: str) -> None:
    """Write via a temp file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _is_provider_fault(exc: Exception) -> bool:
    """Faults that fail one article; anything else is a bug and propagates."""
    import openai
    from instructor.core.exceptions import InstructorError

    return isinstance(
        exc, openai.OpenAIError | InstructorError | ProviderError | RuntimeError | OSError
    )


def _extract_one(
    article: Article, get_backend: Callable[[], Backend], memo: Memo | None
) -> Extraction:
    if memo is not None and (known := memo.recall(article)) is not None:
        return known
    from summarize.extract import extract

    extraction = extract(get_backend(), article)
    if memo is not None:
        memo.remember(article, extraction)
    return extraction


def extract_files(
    paths: Iterable[Path],
    get_backend: Callable[[], Backend],
    out_dir: Path,
    *,
    memo: Memo | None = None,
    on_start: Callable[[Path], None] = lambda _p: None,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per path, after its JSON has been written.

    ``get_backend`` opens the provider on the first article the memo cannot answer.
    """
    for path in paths:
        on_start(path)
        try:
            article = read_article(path)
        except ArticleError as exc:
            yield Outcome(path=path, error=exc.reason)
            continue
        try:
            extraction = _extract_one(article, get_backend, memo)
        except Exception as exc:
            if not _is_provider_fault(exc):
                raise
            log.debug("extraction failed for %s", path, exc_info=True)
            yield Outcome(path=path, error=_one_line(exc))
            continue
        target = out_dir / f"{path.stem}.json"
        write_text_atomic(target, extraction.model_dump_json(indent=2) + "\n")
        yield Outcome(path=path, output=target, extraction=extraction)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text[:300]}"
