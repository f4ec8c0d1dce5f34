"""Providers: one setting picks the model; all of them speak the OpenAI chat API.

The backend (the openai client and instructor) is imported on first use only: a run answered
wholly from the extraction memo never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarize.providers.routes import ROUTES, resolve
from summarize.providers.spec import ProviderError, ProviderSpec

if TYPE_CHECKING:
    from summarize.providers.backend import Backend, open_backend

__all__ = ["ROUTES", "Backend", "ProviderError", "ProviderSpec", "open_backend", "resolve"]


def __getattr__(name: str) -> Any:
    if name in {"Backend", "open_backend"}:
        from summarize.providers import backend

        return getattr(backend, name)
    raise AttributeError(name)
