"""Bad input gets one clear line naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.ingest import ArticleError, read_article


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"Caf\xe9 in Minsk", "not UTF-8 text (byte 0xe9 at offset 3)"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert caught.value.reason == reason
    assert str(caught.value) == f"{path}: {reason}"
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(tmp_path)


def test_text_is_kept_exactly_so_offsets_hold(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffLine one\r\nLine \u2019two\u2019\r\n".encode())
    article = read_article(path)
    assert article.text == "Line one\r\nLine \u2019two\u2019\r\n"  # BOM dropped, CRLF kept
    assert len(article.sha256) == 64
