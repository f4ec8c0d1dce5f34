"""Page furniture never reaches the model, and offsets still map back to the article."""

from __future__ import annotations

from summarize.ingest.furniture import strip_furniture
from tests.conftest import seed

SIDEBAR_NAMES = ["Kenneth Law", "Peel", "LCBO", "Harris", "Jessie Uppal", "Tina Yazdani"]


def _body(prefix: str) -> tuple[str, str]:
    text = seed(prefix).read_text(encoding="utf-8")
    return text, strip_furniture(text).text


def test_ap_sidebars_are_gone_and_the_story_is_whole() -> None:
    text, body = _body("004")
    for name in SIDEBAR_NAMES:
        assert name in text
        assert name not in body
    assert "Hyung-jin Kim" not in body  # byline and sign-off are metadata, not story
    for official in ["Maxim Ryzhenkov", "Choe Son Hui", "Kim Jong Gyu", "Kim Jong Un",
                     "Vladimir Putin", "Alexander Lukashenko"]:  # fmt: skip
        assert official in body
    assert body.rstrip().endswith("Belarus does not have an embassy in Pyongyang.")


def test_diplomat_navigation_and_job_ads_are_gone() -> None:
    _, body = _body("003")
    assert "jobs board" not in body
    assert "Diplomacy" not in body
    assert "Recent Features" not in body
    assert "Credit: Depositphotos" not in body
    assert body.count("Will Visit North Korea for Possible Talks") == 1
    assert "Koh Yu-hwan" in body and "Choe Son Hui" in body


def test_removed_spans_and_body_segments_are_exact_slices() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed(prefix).read_text(encoding="utf-8")
        body = strip_furniture(text)
        for span in body.removed:
            assert text[span.start : span.end] == span.text
        for seg in body.segments:
            assert (
                body.text[seg.body_start : seg.body_start + seg.length]
                == text[seg.start : seg.start + seg.length]
            )


def test_body_offsets_map_back_and_straddling_furniture_is_refused() -> None:
    text = "Headline here for the story\nBy Jane Roe, Wire\nFirst line.\nSecond line.\n"
    body = strip_furniture(text)
    assert "Jane Roe" not in body.text
    at = body.text.index("First line.")
    span = body.to_article(at, at + len("First line."))
    assert span is not None and text[span.start : span.end] == "First line."
    # "story\nFirst" is contiguous in the body but not in the article: the byline sat between.
    assert body.to_article(body.text.index("story"), at + len("First")) is None


def test_a_tail_marker_at_the_top_does_not_swallow_the_article() -> None:
    text = "Top Stories\nA minister arrived in Minsk on Monday for talks.\n"
    assert "minister arrived" in strip_furniture(text).text


def test_words_a_model_writes_for_null_become_null() -> None:
    from summarize.extract.passes import stated

    assert [stated(v) for v in ("null", " None ", "unknown", "", None)] == [None] * 5
    assert stated(" Minsk ") == "Minsk"
