"""Bad input gets one clear line naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import ArticleError
from summarize.ingest.read import read_article
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"Caf\xe9 \x81 Minsk", "not UTF-8 or Windows-1252 text (byte 0xe9 at offset 3)"),
        (b"<html><body><script>var a = 1;</script></body></html>", "HTML page with no article"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert caught.value.reason.startswith(reason)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
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


def test_windows_1252_text_is_decoded_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 talks in Minsk \u2014 \u201cgood\u201d".encode("cp1252"))
    article = read_article(path)
    assert article.text == "Caf\u00e9 talks in Minsk \u2014 \u201cgood\u201d"
    assert article.notes == ("not UTF-8 (byte 0xe9 at offset 3); decoded as Windows-1252",)


def test_html_input_is_reduced_to_its_article_body(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.basis == "html-body"
    assert "Viktor Khrenin visited Pyongyang" in article.text
    assert "Subscribe" not in article.text and "<p>" not in article.text
    assert any("trafilatura" in note for note in article.notes)
    # Sniffed by content too, whatever the file is called.
    renamed = tmp_path / "page.txt"
    renamed.write_text(HTML_PAGE, encoding="utf-8")
    assert read_article(renamed).text == article.text


def test_a_non_english_article_is_read_with_a_clear_note(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    (note,) = read_article(path).notes
    assert note.startswith("the text does not look like English")
    assert "Every item kept is still grounded" in note


def test_english_seeds_carry_no_language_note() -> None:
    for path in SEEDS:
        assert read_article(path).notes == ()


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Minister visits Pyongyang</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sub">Subscribe</a></nav>
<article>
<h1>Belarus defense minister visits Pyongyang</h1>
<p>Belarus Defense Minister Viktor Khrenin visited Pyongyang on Monday, state media said,
in the first such trip by a Belarusian defense chief in decades.</p>
<p>He met North Korean leader Kim Jong Un and discussed military cooperation, according to
the Korean Central News Agency. Analysts said the visit could signal closer ties.</p>
</article>
<aside><h2>Most read</h2><ul><li>Subscribe to our newsletter</li></ul></aside>
<footer>Copyright 2026 Example News</footer>
</body></html>
"""

FRENCH = (
    "Le ministre bi\u00e9lorusse de la D\u00e9fense s'est rendu lundi \u00e0 Pyongyang, selon "
    "les m\u00e9dias d'\u00c9tat, pour une visite de trois jours consacr\u00e9e \u00e0 la "
    "coop\u00e9ration militaire. Il a rencontr\u00e9 le dirigeant nord-cor\u00e9en, qui a "
    "salu\u00e9 des relations d'amiti\u00e9 entre les deux pays. Selon des analystes, cette "
    "visite pourrait annoncer un rapprochement plus \u00e9troit entre Minsk et Pyongyang, "
    "alors que la Russie reste le principal alli\u00e9 des deux capitales dans la r\u00e9gion "
    "et que les sanctions occidentales se multiplient depuis plusieurs ann\u00e9es.\n"
)
