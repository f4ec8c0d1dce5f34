"""The on-disk response cache: a rerun on the same inputs makes no model call.

Entries are whole HTTP response bodies keyed on the provider's identity (name, endpoint,
model, model file hash) and the full request body, which carries the prompt templates' text,
the article text, the response schema and every generation parameter. A reask sends
different messages, so it can never be answered with the response it is correcting.
Request headers, and with them any API key, are never part of a key or a value.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import diskcache
import platformdirs

log = logging.getLogger(__name__)

# Bump when the layout of keys or values changes, so old entries become misses.
CACHE_FORMAT = "1"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("summarize")) / "responses"


def cache_key(namespace: Mapping[str, Any], path: str, body: bytes) -> str:
    """A stable key: JSON bodies are canonicalised so key order never matters."""
    try:
        canonical: Any = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        canonical = body.decode("utf-8", errors="replace")
    material = json.dumps(
        {"format": CACHE_FORMAT, "namespace": dict(namespace), "path": path, "body": canonical},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class ResponseCache:
    """A thin, fault-tolerant face over :class:`diskcache.Cache`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        try:
            self._cache = diskcache.Cache(str(directory))
        except sqlite3.DatabaseError as exc:
            self._cache = self._start_over(exc)

    def _start_over(self, error: Exception) -> diskcache.Cache:
        """A damaged store is set aside (not deleted: it may matter to someone) and replaced."""
        aside = self.directory.with_name(f"{self.directory.name}.damaged-{int(time.time())}")
        self.directory.rename(aside)
        self.directory.mkdir(parents=True)
        log.warning(
            "response cache %s is damaged (%s); moved it to %s and started an empty one",
            self.directory,
            error,
            aside,
        )
        return diskcache.Cache(str(self.directory))

    def get(self, key: str) -> bytes | None:
        try:
            value = self._cache.get(key)
        except Exception as exc:  # a damaged entry is a miss, never a crash
            log.warning("cache entry %s unreadable (%s); recomputing", key[:12], exc)
            return None
        return value if isinstance(value, bytes) else None

    def set(self, key: str, value: bytes) -> None:
        self._cache.set(key, value)

    def discard(self, key: str) -> None:
        """Forget one entry (a damaged one), quietly if it is already gone."""
        try:
            self._cache.delete(key)
        except Exception as exc:  # the store itself is damaged: the next set() replaces it
            log.warning("could not delete cache entry %s (%s)", key[:12], exc)

    def entry_keys(self) -> list[str]:
        return [str(key) for key in self._cache.iterkeys()]

    def info(self) -> dict[str, object]:
        return {
            "directory": str(self.directory),
            "entries": len(self._cache),
            "bytes": int(self._cache.volume()),
        }

    def clear(self) -> int:
        return int(self._cache.clear())

    def close(self) -> None:
        self._cache.close()
