"""Read an article file, or say in one line why it cannot be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

_SNIFF = 8192


class ArticleError(Exception):
    """An input file that cannot be processed; ``str()`` is the one-line reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Article:
    """The exact text of one article file; every offset we emit points into ``text``."""

    path: Path
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def read_article(path: Path) -> Article:
    """Decode the file as UTF-8 without touching line endings, so offsets stay exact."""
    if not path.exists():
        raise ArticleError(path, "no such file")
    if not path.is_file():
        raise ArticleError(path, "not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in raw[:_SNIFF]:
        raise ArticleError(path, "binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            path, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from exc
    if not text.strip():
        raise ArticleError(path, "empty file" if not text else "only whitespace")
    return Article(path=path, text=text)
