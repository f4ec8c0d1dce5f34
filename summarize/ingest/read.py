"""Read an article file, or say in one line why it cannot be read.

Every offset the tool emits points into ``Article.text``, the exact text the model saw:
the file itself for plain text, the article body trafilatura found for an HTML page. What
had to be guessed on the way (an encoding, the body of a page, the language) becomes a
note that travels into the extraction's warnings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarize.errors import ArticleError
from summarize.ingest.metadata import ArticleMetadata
from summarize.ingest.page_metadata import page_metadata

_SNIFF = 8192
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
# Short words that make up a third of running English text and are rare in other languages.
_ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
    "at", "it", "from", "he", "his", "said", "be", "has", "have", "are", "were", "will", "its",
    "their", "this", "an", "or", "not", "but", "which", "who", "they",
))  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS_FOR_LANGUAGE = 40
_MIN_ENGLISH_SHARE = 0.12


@dataclass(frozen=True)
class Article:
    """The text the model sees for one file; every offset we emit points into ``text``."""

    path: Path
    text: str
    basis: Literal["file", "html-body"] = "file"
    # What an HTML page's markup states about it (title, site, date): gone from ``text``.
    page: ArticleMetadata | None = None
    notes: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_article(path: Path) -> Article:
    """Decode the file without touching line endings, so offsets stay exact."""
    raw = _read_bytes(path)
    if b"\x00" in raw[:_SNIFF]:
        raise ArticleError(path, "binary file, not text")
    text, notes = _decode(path, raw)
    basis: Literal["file", "html-body"] = "file"
    page: ArticleMetadata | None = None
    if path.suffix.lower() in _HTML_SUFFIXES or _HTML_START.match(raw[:_SNIFF]):
        html = text
        text = _html_body(path, html)
        basis = "html-body"
        page = page_metadata(html)
        notes.append(
            "HTML page: the article body was extracted with trafilatura; offsets point into "
            "that extracted text (source.text), not into the HTML file"
        )
    if not text.strip():
        raise ArticleError(path, "empty file" if not text else "only whitespace")
    if (language_note := _language_note(text)) is not None:
        notes.append(language_note)
    return Article(path=path, text=text, basis=basis, notes=tuple(notes), page=page)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ArticleError(path, "no such file")
    if not path.is_file():
        raise ArticleError(path, "not a regular file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read: {exc.strerror or exc}") from exc


def _decode(path: Path, raw: bytes) -> tuple[str, list[str]]:
    """UTF-8, else Windows-1252 (what most mis-saved Western text is) with a note, else refuse."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as utf8_error:
        where = f"byte 0x{raw[utf8_error.start]:02x} at offset {utf8_error.start}"
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ArticleError(path, f"not UTF-8 or Windows-1252 text ({where})") from exc
        return text, [f"not UTF-8 ({where}); decoded as Windows-1252"]


def _html_body(path: Path, html: str) -> str:
    import trafilatura  # lazy: lxml is only worth loading for HTML input

    body = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not body or not body.strip():
        raise ArticleError(path, "HTML page with no article text that trafilatura could find")
    return str(body)


def _language_note(text: str) -> str | None:
    """A warning when the text is not English: cues, office patterns and prompts are."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if share >= _MIN_ENGLISH_SHARE:
        return None
    return (
        f"the text does not look like English ({share:.0%} English function words, "
        f"expected {_MIN_ENGLISH_SHARE:.0%} or more); the prompts, hedge cues and office "
        "patterns are English, so expect fewer items. Every item kept is still grounded"
    )
