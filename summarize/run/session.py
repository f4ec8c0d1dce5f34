"""One provider for one command: its response cache, the extraction store, the backend.

The backend (the openai client, instructor and, for the embedded model, the engine) is opened
on the first article the store cannot answer, so a warm run never loads any of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.llm.response_cache import ResponseCache, default_cache_dir
from summarize.llm.spec import ProviderSpec
from summarize.run.extraction_store import ExtractionStore

if TYPE_CHECKING:
    from summarize.llm.backend import Backend


class Session:
    """The response cache, the extraction store and, opened on first need, the backend."""

    def __init__(
        self, spec: ProviderSpec, cache: ResponseCache | None, stack: ExitStack, parallel: int
    ) -> None:
        self.spec = spec
        self.cache = cache
        self.store = ExtractionStore(cache, spec) if cache is not None else None
        self.parallel = parallel
        self._stack = stack
        self._backend: Backend | None = None

    def backend(self) -> Backend:
        if self._backend is None:
            from summarize.llm.backend import open_backend

            self._backend = self._stack.enter_context(
                open_backend(self.spec, self.cache, parallel=self.parallel)
            )
        return self._backend


@contextmanager
def open_session(
    spec: ProviderSpec,
    *,
    cache_dir: Path | None = None,
    no_cache: bool = False,
    parallel: int = 1,
) -> Iterator[Session]:
    """A session whose cache is closed and whose engine is stopped on the way out."""
    with ExitStack() as stack:
        cache = None
        if not no_cache:
            cache = ResponseCache(cache_dir or default_cache_dir())
            stack.callback(cache.close)
        yield Session(spec, cache, stack, parallel)
