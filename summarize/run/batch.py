"""Extract many files, writing each result as soon as it exists.

A failure on one article (unreadable file, provider fault) is reported in one line and the
rest go on; results already written, and every model answer already cached, survive a
crash or Ctrl-C later in the run. Files with identical text are extracted once. With
``concurrency`` above one, articles are extracted side by side on a bounded thread pool,
for servers that answer requests in parallel.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from glob import glob, has_magic
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.atomic import write_text_atomic
from summarize.contract.extraction import Extraction
from summarize.errors import ArticleError, InputError, Interrupted, SummarizeError
from summarize.ingest.read import Article, read_article
from summarize.llm.structured import one_line
from summarize.run.extraction_store import ExtractionStore

if TYPE_CHECKING:
    from summarize.llm.backend import Backend
    from summarize.run.session import Session

log = logging.getLogger(__name__)

EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by SIGINT
# On Ctrl-C with articles in parallel, how long requests already sent may take to come back.
INTERRUPT_GRACE_S = 15.0


@dataclass(frozen=True)
class Outcome:
    path: Path
    output: Path | None = None
    extraction: Extraction | None = None
    error: str | None = None
    duplicate_of: Path | None = None
    seconds: float = 0.0
    text: str | None = None  # the article text, so the brief's pages need not re-read it


def expand_inputs(items: Iterable[Path]) -> list[Path]:
    """Files as given, the visible files inside folders, and matches of quoted globs.

    A file that does not exist is kept (it fails on its own, in one line); a folder or a
    glob that yields nothing is an :class:`InputError`, since the user meant something else.
    """
    out: list[Path] = []
    for item in items:
        if item.is_dir():
            found = sorted(p for p in item.iterdir() if p.is_file() and not p.name.startswith("."))
            if not found:
                raise InputError(f"{item}: folder holds no files")
            out.extend(found)
        elif not item.exists() and has_magic(str(item)):
            matches = sorted(Path(p) for p in glob(str(item), recursive=True))
            if not matches:
                raise InputError(f"{item}: no file matches this pattern")
            out.extend(expand_inputs(matches))
        else:
            out.append(item)
    return list(dict.fromkeys(out))


@dataclass
class _Job:
    """One distinct text to extract, and every path that holds it."""

    article: Article
    paths: list[Path] = field(default_factory=list)


def _read_all(paths: Iterable[Path]) -> tuple[list[_Job], list[Outcome]]:
    jobs: dict[str, _Job] = {}
    refused: list[Outcome] = []
    for path in paths:
        try:
            article = read_article(path)
        except ArticleError as exc:
            refused.append(Outcome(path=path, error=exc.reason))
            continue
        jobs.setdefault(article.sha256, _Job(article)).paths.append(path)
    return list(jobs.values()), refused


def extract_remembered(
    article: Article, get_backend: Callable[[], Backend], store: ExtractionStore | None
) -> Extraction:
    """The store's extraction of ``article``, else a new one (remembered): the backend is
    opened only when the store cannot answer."""
    if store is not None and (known := store.recall(article)) is not None:
        return known
    from summarize.extract.passes import extract

    extraction = extract(get_backend(), article)
    if store is not None:
        store.remember(article, extraction)
    return extraction


class _Extractor:
    """Extract one job: the store first, else the backend (opened once, even across threads)."""

    def __init__(
        self, get_backend: Callable[[], Backend], out_dir: Path, store: ExtractionStore | None
    ) -> None:
        self._get_backend = get_backend
        self._lock = threading.Lock()
        self._opened: Backend | None = None
        self._out_dir = out_dir
        self._store = store

    def _backend(self) -> Backend:
        with self._lock:
            self._opened = self._get_backend()
            return self._opened

    def cancel(self) -> None:
        """Make the requests still in flight on other threads stop at their next send."""
        if self._opened is not None:
            self._opened.cancel()

    def __call__(self, job: _Job) -> list[Outcome]:
        started = time.perf_counter()
        path, *copies = job.paths
        try:
            extraction = self._extract(job.article)
        except SummarizeError as exc:  # anything else is a bug, and surfaces
            log.debug("extraction failed for %s", path, exc_info=True)
            return [Outcome(path=p, error=_one_line(exc)) for p in job.paths]
        extraction = extraction.model_copy(
            update={
                "source": extraction.source.model_copy(update={"also_at": [str(p) for p in copies]})
            }
        )
        target = self._out_dir / f"{path.stem}.json"
        write_text_atomic(target, extraction.model_dump_json(indent=2) + "\n")
        seconds = time.perf_counter() - started
        first = Outcome(
            path=path, output=target, extraction=extraction, seconds=seconds, text=job.article.text
        )
        return [first] + [Outcome(path=p, output=target, duplicate_of=path) for p in copies]

    def _extract(self, article: Article) -> Extraction:
        return extract_remembered(article, self._backend, self._store)


def extract_files(
    paths: Iterable[Path],
    get_backend: Callable[[], Backend],
    out_dir: Path,
    *,
    store: ExtractionStore | None = None,
    concurrency: int = 1,
    on_start: Callable[[Path], None] = lambda _p: None,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per path, after its JSON has been written.

    Unreadable files come first, then extractions in the order they finish. ``get_backend``
    opens the provider on the first article the store cannot answer.
    """
    jobs, refused = _read_all(paths)
    yield from refused
    extractor = _Extractor(get_backend, out_dir, store)
    if concurrency <= 1:
        for job in jobs:
            on_start(job.paths[0])
            yield from extractor(job)
        return
    yield from _in_parallel(jobs, extractor, concurrency, on_start)


def _in_parallel(
    jobs: list[_Job],
    extractor: _Extractor,
    concurrency: int,
    on_start: Callable[[Path], None],
) -> Iterator[Outcome]:
    """At most ``concurrency`` jobs in flight; on an interrupt the rest are cancelled.

    The pool is not joined on the way out: the caller then closes the client and stops the
    server, which ends the requests still in flight at once instead of after minutes.
    """
    pending = iter(jobs)
    running: dict[Future[list[Outcome]], _Job] = {}
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="extract")
    try:
        while True:
            while len(running) < concurrency and (job := next(pending, None)) is not None:
                on_start(job.paths[0])
                running[pool.submit(extractor, job)] = job
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                del running[future]
                yield from future.result()
    except BaseException:
        extractor.cancel()
        _let_in_flight_finish(list(running))
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _let_in_flight_finish(running: list[Future[list[Outcome]]]) -> None:
    """Give answers already on their way a moment to arrive, so the cache keeps them."""
    if not running:
        return
    log.warning(
        "interrupted: letting %d article(s) in flight finish their current request "
        "(up to %.0f s; Ctrl-C again to stop now)",
        len(running),
        INTERRUPT_GRACE_S,
    )
    wait(running, timeout=INTERRUPT_GRACE_S)


def _one_line(exc: SummarizeError) -> str:
    """``Type: message``, key-free, on one line."""
    return f"{type(exc).__name__}: {one_line(exc)}"


@dataclass
class BatchResult:
    """What a run produced: the extractions, the article texts by SHA-256, the failures."""

    extractions: list[Extraction] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    failed: int = 0


def extract_all(
    paths: list[Path],
    session: Session,
    out: Path,
    *,
    concurrency: int = 1,
    on_start: Callable[[Path], None] = lambda _p: None,
    on_outcome: Callable[[Outcome], None] = lambda _o: None,
) -> BatchResult:
    """Extract every path into ``out``, keeping ``summarize-run.json`` there current.

    Raises :class:`~summarize.errors.Interrupted` on Ctrl-C, after closing the report as
    interrupted; every answer received so far is cached, so a rerun pays only for the rest.
    """
    from summarize.run.report import RunReport

    result = BatchResult()
    report = RunReport(out, paths)
    try:
        for outcome in extract_files(
            paths,
            session.backend,
            out,
            store=session.store,
            concurrency=concurrency,
            on_start=on_start,
        ):
            report.record(outcome)
            if outcome.error is not None:
                result.failed += 1
            elif outcome.extraction is not None:
                result.extractions.append(outcome.extraction)
                if outcome.text is not None:
                    result.texts[outcome.extraction.source.sha256] = outcome.text
            on_outcome(outcome)
    except KeyboardInterrupt:
        report.finish("interrupted", EXIT_INTERRUPTED)
        counts = report.counts()
        raise Interrupted(len(paths) - counts.get("pending", 0), len(paths), report.path) from None
    report.finish("done", 1 if result.failed else 0)
    return result
