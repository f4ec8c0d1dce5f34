"""Providers: one setting picks the model; all of them speak the OpenAI chat API."""

from summarize.providers.backend import Backend, open_backend
from summarize.providers.routes import ROUTES, resolve
from summarize.providers.spec import ProviderError, ProviderSpec

__all__ = ["ROUTES", "Backend", "ProviderError", "ProviderSpec", "open_backend", "resolve"]
