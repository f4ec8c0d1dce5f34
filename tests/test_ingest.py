"""Bad input gets one clear line naming the file and the reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from summarize.errors import ArticleError
from summarize.ingest.metadata import read_metadata
from summarize.ingest.page_metadata import page_metadata
from summarize.ingest.read import read_article

FIXTURES = Path(__file__).parent / "fixtures"
ENGLISH = sorted((FIXTURES / "ingest").glob("*.txt"))
SIDEBAR_NAMES = ("Elena Marsh", "Tomas Reyes", "Iris Calloway")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"Caf\xe9 \x81 Almaty", "not UTF-8 or Windows-1252 text (byte 0xe9 at offset 3)"),
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
    path.write_bytes("Caf\u00e9 talks in Astana \u2014 \u201cgood\u201d".encode("cp1252"))
    article = read_article(path)
    assert article.text == "Caf\u00e9 talks in Astana \u2014 \u201cgood\u201d"
    assert article.notes == ("not UTF-8 (byte 0xe9 at offset 3); decoded as Windows-1252",)


def test_html_input_is_reduced_to_its_article_body(tmp_path: Path) -> None:
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.basis == "html-body"
    assert "Wanjiru Otieno landed in Santiago on Tuesday" in article.text
    assert "Subscribe" not in article.text and "<p>" not in article.text
    assert "Copyright" not in article.text and "Most read" not in article.text
    for name in SIDEBAR_NAMES:  # related links and the "most read" list are not the story
        assert name in page and name not in article.text
    assert any("trafilatura" in note for note in article.notes)
    # Sniffed by content too, whatever the file is called.
    renamed = tmp_path / "page.txt"
    renamed.write_text(page, encoding="utf-8")
    assert read_article(renamed).text == article.text


def test_an_html_page_keeps_what_its_markup_says_about_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text((FIXTURES / "news-page.html").read_text(encoding="utf-8"), encoding="utf-8")
    article = read_article(path)

    meta = read_metadata(article.text, article.page)

    assert meta.title == "Kenyan trade minister lands in Chile to push for direct shipping line"
    assert meta.published == date(2025, 3, 11)  # from <time datetime>, not from the body


def test_a_page_date_its_own_address_contradicts_is_not_kept() -> None:
    def page(stamp: str, address: str) -> str:
        return (
            f'<html><head><title>Envoy visits Tallinn</title><link rel="canonical" '
            f'href="https://news.example/story/{address}/envoy-visits-tallinn">'
            f'<meta property="article:published_time" content="{stamp}"></head>'
            "<body><article><p>The envoy arrived on Monday.</p></article></body></html>"
        )

    assert page_metadata(page("2016-10-04", "2016/10")).published == date(2016, 10, 4)
    assert page_metadata(page("2016-04-10", "2016/10")).published is None  # read day first


def test_a_publication_time_tag_is_read_whichever_attribute_holds_it() -> None:
    # Saved pages may keep a meta tag's value in "value", which htmldate does not read; it
    # then guesses from the other dates on the page ("12.09.2016" read as September 12).
    def page(attribute: str) -> str:
        return (
            "<html><head><title>Candidate withdraws from consideration</title>"
            f'<meta {attribute}="2016-12-09T22:51:26+00:00" name="article:published_time">'
            '</head><body><div class="time">12.09.2016 @ 5:51 PM</div><article><p>The former '
            "mayor said on Friday he had removed himself from consideration.</p></article>"
            "</body></html>"
        )

    assert page_metadata(page("value")).published == date(2016, 12, 9)
    assert page_metadata(page("content")).published == date(2016, 12, 9)


def test_a_non_english_article_is_read_with_a_clear_note() -> None:
    (note,) = read_article(FIXTURES / "fr-article.txt").notes
    assert note.startswith("the text does not look like English")
    assert "Every item kept is still grounded" in note


def test_english_articles_carry_no_language_note() -> None:
    assert len(ENGLISH) >= 5
    for path in ENGLISH:
        assert read_article(path).notes == ()


def test_an_abbreviated_office_before_a_name_ends_no_sentence() -> None:
    from summarize.ingest.sentences import split_sentences

    text = (
        "Critics urged a boycott, including one from former Maryland Gov. Ana Ruiz, a lawyer. "
        "Sen. Jon Hale and Rep. Mira Castell agreed. The talks ended."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Critics urged a boycott, including one from former Maryland Gov. Ana Ruiz, a lawyer.",
        "Sen. Jon Hale and Rep. Mira Castell agreed.",
        "The talks ended.",
    ]


def test_initials_before_a_family_name_end_no_sentence() -> None:
    from summarize.ingest.sentences import split_sentences

    text = "An adviser, J.D. Hale, met Ana Ruiz. Then Mira H.W. Castell spoke. The talks ended."
    assert [s.text for s in split_sentences(text)] == [
        "An adviser, J.D. Hale, met Ana Ruiz.",
        "Then Mira H.W. Castell spoke.",
        "The talks ended.",
    ]


def test_a_sentence_may_open_with_two_marks() -> None:
    from summarize.ingest.sentences import split_sentences

    # A scrape's doubled quote, and a quote that opens with a bracket.
    text = 'Ruiz noted progress. ""The visit is a new start. "(Lisbon) would like that," he said.'
    assert [s.text for s in split_sentences(text)] == [
        "Ruiz noted progress.",
        '""The visit is a new start.',
        '"(Lisbon) would like that," he said.',
    ]
    # A scrape's stray hyphen after the stop ends the sentence all the same.
    glued = 'It voted to leave.- An effective Europe matters.- "You are vital," he said.'
    assert [s.text for s in split_sentences(glued)] == [
        "It voted to leave.-",
        "An effective Europe matters.-",
        '"You are vital," he said.',
    ]
