"""Quotes are found despite typographic drift, and always come back as exact slices."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarize.ingest.text_match import locate, normalize

ARTICLE = (
    "Chile\u2019s trade minister landed \u2014 economists said \u201ca two-track approach\u201d "
    "was likely.\nPeru\u2019s  Andina said so."
)


def test_exact_quote_is_found_as_is() -> None:
    span = locate("trade minister landed", ARTICLE)
    assert span is not None
    assert ARTICLE[span.start : span.end] == span.text == "trade minister landed"


def test_straight_quotes_dashes_and_spaces_match_the_curly_original() -> None:
    span = locate(
        'Chile\'s trade minister landed - economists said "a two-track approach"', ARTICLE
    )
    assert span is not None
    assert span.text.startswith("Chile\u2019s trade")
    assert span.text.endswith("approach\u201d") or span.text.endswith("approach")
    assert ARTICLE[span.start : span.end] == span.text


def test_case_and_line_breaks_are_forgiven() -> None:
    span = locate("WAS LIKELY. PERU'S ANDINA", ARTICLE)
    assert span is not None
    assert span.text == "was likely.\nPeru\u2019s  Andina"


def test_text_not_in_the_article_is_not_found() -> None:
    assert locate("Donald Duck was appointed foreign minister", ARTICLE) is None
    assert locate("   ", ARTICLE) is None


def test_normalize_keeps_an_origin_for_every_character() -> None:
    norm = normalize(ARTICLE)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)


_typographic = st.sampled_from(list("abc XYZ.,'\"-\u2019\u201c\u201d\u2014\n\t"))


@given(text=st.text(alphabet=_typographic, min_size=1, max_size=80), data=st.data())
def test_any_substring_locates_to_an_exact_slice(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = locate(text[start:end], text)
    if span is not None:
        assert text[span.start : span.end] == span.text


@given(words=st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=6), min_size=2, max_size=8))
def test_a_requoted_substring_is_always_found(words: list[str]) -> None:
    original = "\u201c" + "\u2019 ".join(words) + "\u201d and more"
    quote = '"' + "' ".join(words) + '"'
    span = locate(quote, original)
    assert span is not None
    assert original[span.start : span.end] == span.text
