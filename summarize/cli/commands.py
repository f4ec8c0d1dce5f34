"""summarize: news articles in, source-grounded extractions and one briefing memo out."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from summarize.cli.eval_command import eval_command
from summarize.contract.schema import default_schema_dir, export, stale
from summarize.errors import InputError, Interrupted, ProviderConfigError
from summarize.llm.redact import install_log_redaction
from summarize.llm.response_cache import ResponseCache, default_cache_dir
from summarize.llm.routes import ROUTES, resolve
from summarize.llm.spec import ProviderSpec
from summarize.run.batch import EXIT_INTERRUPTED, BatchResult, Outcome, expand_inputs, extract_all
from summarize.run.session import Session, open_session

if TYPE_CHECKING:
    from summarize.brief.compose import BriefResult

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
cache_app = typer.Typer(help="Inspect or clear the response cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, never wrapped
# A GPU server batches many sequences at once (vLLM: 256 by default); more threads than this
# would only queue at the server.
MAX_CONCURRENCY = 64

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        envvar="SUMMARIZE_MODEL",
        help="embedded (default), openai/MODEL, anthropic/MODEL, google/MODEL, ollama/MODEL, "
        "llamacpp/MODEL or a model name with --base-url.",
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", envvar="SUMMARIZE_BASE_URL", help="OpenAI-compatible /v1 URL."),
]
CacheDirOpt = Annotated[
    Path | None,
    typer.Option("--cache-dir", envvar="SUMMARIZE_CACHE_DIR", help="Response cache folder."),
]


def _cache(cache_dir: Path | None) -> ResponseCache:
    return ResponseCache(cache_dir or default_cache_dir())


@contextmanager
def _cache_unless(no_cache: bool, cache_dir: Path | None) -> Iterator[ResponseCache | None]:
    """The response cache for one command, closed after it; None with --no-cache."""
    if no_cache:
        yield None
        return
    cache = _cache(cache_dir)
    try:
        yield cache
    finally:
        cache.close()


def _sigterm_as_exit(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(143)  # unwinds context managers, so the embedded server is stopped


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def _progress(total: int) -> Iterator[tuple[Progress | None, TaskID | None]]:
    if not _interactive():
        yield None, None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
    ) as progress:
        yield progress, progress.add_task("extracting", total=total)


def _report(outcome: Outcome) -> str:
    if outcome.error is not None:
        return f"error: {outcome.path}: {outcome.error}"
    if outcome.duplicate_of is not None:
        return (
            f"duplicate: {outcome.path}: same text as {outcome.duplicate_of}, extracted once "
            f"-> {outcome.output}"
        )
    ex = outcome.extraction
    assert ex is not None
    notes = "".join(f"\nnote: {outcome.path}: {note}" for note in ex.input_notes)
    return (
        f"ok: {outcome.path} -> {outcome.output} ({len(ex.officials)} officials, "
        f"{len(ex.visits)} visits, {len(ex.stated_aims)} aims, {len(ex.hedged_claims)} hedges, "
        f"{len(ex.dropped)} dropped; {ex.usage.model_calls} calls, {ex.usage.cache_hits} cached, "
        f"{ex.usage.prompt_tokens}+{ex.usage.completion_tokens} tokens; "
        f"{outcome.seconds:.1f} s){notes}"
    )


def _effective_concurrency(spec: ProviderSpec, requested: int) -> int:
    """``requested``, bounded by what the provider can take at once."""
    if spec.max_parallel is not None and requested > spec.max_parallel:
        err.print(
            f"note: --concurrency {requested} lowered to {spec.max_parallel}: the embedded "
            f"engine runs at most {spec.max_parallel} slots on this machine (bench/README.md)"
        )
        return spec.max_parallel
    return requested


def _extract_all(session: Session, paths: list[Path], out: Path) -> BatchResult:
    """Extract every path, printing one line each; exit 130 on Ctrl-C (the report says so)."""
    with _progress(len(paths)) as (progress, task):

        def on_start(path: Path) -> None:
            if progress is not None and task is not None:
                progress.update(task, description=f"extracting {path.name}")

        def on_outcome(outcome: Outcome) -> None:
            if progress is not None and task is not None:
                progress.console.print(_report(outcome))
                progress.advance(task)
            else:
                print(_report(outcome), file=sys.stderr, flush=True)

        try:
            return extract_all(
                paths,
                session,
                out,
                concurrency=session.parallel,
                on_start=on_start,
                on_outcome=on_outcome,
            )
        except Interrupted as stop:
            err.print(
                f"{stop}; every model answer already received is cached, so a rerun pays "
                "only for the rest"
            )
            raise typer.Exit(EXIT_INTERRUPTED) from None


@contextmanager
def _session(
    spec: ProviderSpec, no_cache: bool, cache_dir: Path | None, concurrency: int
) -> Iterator[Session]:
    parallel = _effective_concurrency(spec, concurrency)
    with open_session(spec, cache_dir=cache_dir, no_cache=no_cache, parallel=parallel) as s:
        yield s


def _compose(session: Session, batch: BatchResult, no_narrative: bool) -> BriefResult:
    """The brief, its narrative worded by the model unless --no-narrative; a narrative
    already worded for this very brief comes from the store, without loading the model."""
    from summarize.brief.compose import BriefResult, with_narrative
    from summarize.brief.merge import merge

    brief = merge(batch.extractions)
    if no_narrative:
        return with_narrative(brief)
    store = session.store
    known = store.recall_narrative(brief) if store is not None else None
    if known is not None:
        return BriefResult(brief.model_copy(update={"narrative": known[0]}), known[1])
    from summarize.brief.wording import model_wording

    result = with_narrative(brief, model_wording(session.backend()), batch.texts)
    if store is not None and result.brief.narrative is not None:
        store.remember_narrative(brief, result.brief.narrative, result.warnings)
    return result


def _prepare(
    files: list[Path], model: str | None, base_url: str | None, verbose: bool
) -> tuple[list[Path], ProviderSpec]:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)
    install_log_redaction()
    if not verbose:
        # Exhausted reasks are handled (salvaged, dropped with a reason in the output); the
        # library's ERROR lines about them would only alarm.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
    signal.signal(signal.SIGTERM, _sigterm_as_exit)
    try:
        paths = expand_inputs(files)
    except InputError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    if not paths:
        err.print("error: no input files")
        raise typer.Exit(2)
    try:
        return paths, resolve(model, base_url)
    except ProviderConfigError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc


FilesArg = Annotated[list[Path], typer.Argument(help="Article files or folders.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v")]
ConcurrencyOpt = Annotated[
    int,
    typer.Option(
        "--concurrency",
        "-j",
        min=1,
        max=MAX_CONCURRENCY,
        envvar="SUMMARIZE_CONCURRENCY",
        help="Articles extracted at once; above 1 only pays off against a server that "
        "answers requests in parallel (vLLM, hosted APIs, llama.cpp with parallel slots).",
    ),
]


@app.command("extract")
def extract_cmd(
    files: FilesArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON files.")] = Path(
        "out"
    ),
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    concurrency: ConcurrencyOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Write one source-grounded JSON per article into OUT."""
    paths, spec = _prepare(files, model, base_url, verbose)
    with _session(spec, no_cache, cache_dir, concurrency) as session:
        failed = _extract_all(session, paths, out).failed
    if failed:
        err.print(f"{failed} of {len(paths)} articles failed")
        raise typer.Exit(1)


@app.command("brief")
def brief_cmd(
    files: FilesArg,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The Markdown memo; .json and .html go beside it.")
    ] = Path("brief.md"),
    extractions: Annotated[
        Path, typer.Option("--extractions", help="Folder for the per-article JSON files.")
    ] = Path("out"),
    no_narrative: Annotated[
        bool, typer.Option("--no-narrative", help="Leave out the model-written bottom line.")
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    concurrency: ConcurrencyOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Extract every article, merge them and write the briefing memo (md, json, html)."""
    from summarize.render.outputs import write_outputs

    paths, spec = _prepare(files, model, base_url, verbose)
    with _session(spec, no_cache, cache_dir, concurrency) as session:
        batch = _extract_all(session, paths, extractions)
        if not batch.extractions:
            err.print("error: no article could be extracted; no brief written")
            raise typer.Exit(1)
        try:
            result = _compose(session, batch, no_narrative)
        except KeyboardInterrupt:
            err.print("interrupted while writing the brief; the extractions are saved")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    for warning in result.warnings:
        err.print(f"warning: {warning}")
    for path in write_outputs(result.brief, out, batch.texts):
        print(f"wrote {path}", file=sys.stderr)
    failed = batch.failed
    if failed:
        err.print(f"{failed} of {len(paths)} articles failed; the brief covers the rest")
        raise typer.Exit(1)


@app.command("providers")
def providers_cmd() -> None:
    """List the providers and whether each can be used here."""
    from importlib.util import find_spec

    from summarize.errors import ModelFileError
    from summarize.llm.embedded.engine import cpu_problem
    from summarize.llm.embedded.model_file import part_paths

    try:
        part_paths()
        if find_spec("xllamacpp") is None:
            raise ModelFileError("xllamacpp is not installed: pip install -e '.[embedded]'")
        embedded = f"unavailable: {problem}" if (problem := cpu_problem()) else "ready"
    except ModelFileError as exc:
        embedded = f"unavailable: {exc}"
    print(f"embedded      default; Qwen2.5-Coder-1.5B-Instruct on llama.cpp: {embedded}")
    for prefix, route in ROUTES.items():
        if route.key_env:
            have = any(os.environ.get(k) for k in route.key_env)
            keys = " or ".join(route.key_env)
            state = f"key found in {keys}" if have else f"no key: set {keys}"
            if prefix == "compatible":
                state = "key optional (" + keys + ")"
        else:
            state = "no key needed"
        print(f"{prefix:<13} {route.about}; {state}")


@cache_app.command("info")
def cache_info(cache_dir: CacheDirOpt = None) -> None:
    """Where the cache is and how much it holds."""
    cache = _cache(cache_dir)
    for key, value in cache.info().items():
        print(f"{key}: {value}")
    cache.close()


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOpt = None) -> None:
    """Delete every cached response."""
    cache = _cache(cache_dir)
    print(f"removed {cache.clear()} entries from {cache.directory}")
    cache.close()


@app.command("schema")
def schema_cmd(
    out: Annotated[Path | None, typer.Option("--out", help="Folder to write.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Fail if the files are stale.")] = False,
) -> None:
    """Export the JSON Schema contract (or check that it is current)."""
    directory = out or default_schema_dir()
    if check:
        names = stale(directory)
        if names:
            err.print(f"stale schemas in {directory}: {', '.join(names)}; run `summarize schema`")
            raise typer.Exit(1)
        print(f"schemas in {directory} are current")
        return
    for path in export(directory):
        print(f"wrote {path}")


app.command("eval", help="Score an output folder against gold answers.")(eval_command)

if __name__ == "__main__":
    app()
