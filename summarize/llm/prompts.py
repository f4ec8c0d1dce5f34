"""Prompt templates are data: text files under ``prompts/``, filled with ``str.format``.

They ship inside the wheel as ``summarize/_prompts`` and are read from the repository's
``prompts/`` folder in a source checkout. Their text reaches every model request, so editing a
template changes the cache key by itself.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_PACKAGED = _PACKAGE / "_prompts"
_CHECKOUT = _PACKAGE.parent / "prompts"


def prompts_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


@cache
def template(name: str) -> str:
    """The text of ``prompts/<name>.txt``."""
    return (prompts_dir() / f"{name}.txt").read_text(encoding="utf-8")


def render(name: str, **values: object) -> str:
    return template(name).format(**values)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of ``prompts/<name>.txt``."""
    lines = (line.strip() for line in template(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def entry_pattern(entry: str, stem_end: str = r"\w*") -> str:
    """A word list's entry as a regex: its words with any run of spaces between them, and a
    word ending in "*" a stem that ``stem_end`` completes ("call* for": "called for",
    "calling for")."""
    return r"\s+".join(
        re.escape(word.removesuffix("*")) + (stem_end if word.endswith("*") else "")
        for word in entry.split()
    )


@cache
def grammar_words(kind: str) -> frozenset[str]:
    """Closed-class words of one kind from ``prompts/grammar_words.txt`` ("be", ...)."""
    lines = (entry.partition(":") for entry in word_list("grammar_words"))
    return frozenset(
        w.casefold() for k, _, words in lines if k.strip() == kind for w in words.split()
    )
