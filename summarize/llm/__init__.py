"""Reach a model: routes, the HTTP stack, prompts, the one structured call, the engine.

Provider routes and specs; cache, retries, usage and redaction at the HTTP layer.

The backend (the openai client and instructor) is imported on first use only: a run answered
wholly from the extraction store never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarize.llm.routes import ROUTES, resolve
from summarize.llm.spec import ProviderSpec

if TYPE_CHECKING:
    from summarize.llm.backend import Backend, open_backend

__all__ = ["ROUTES", "Backend", "ProviderSpec", "open_backend", "resolve"]


def __getattr__(name: str) -> Any:
    if name in {"Backend", "open_backend"}:
        from summarize.llm import backend

        return getattr(backend, name)
    raise AttributeError(name)
