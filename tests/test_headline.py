"""A stated aim or a hedge is the body's, never the headline's; a visit may be the headline's."""

from __future__ import annotations

from summarize.contract.extraction import HedgedClaim, Span, StatedAim
from summarize.extract.headline import from_the_body, headline_range
from summarize.ingest.metadata import read_metadata

ARTICLE = (
    "Velmar envoy, Ostrian rebels discuss upcoming Corvo talks\n"
    "Published: 2017/3/13\n\n"
    "Velmar's envoy Arno Velt met rebel leaders on Monday to prepare the Corvo talks, the "
    "Foreign Ministry said. Velt said the talks could resume in April.\n"
)


def _span(sentence: str) -> Span:
    start = ARTICLE.index(sentence)
    return Span(start=start, end=start + len(sentence), text=sentence)


HEADLINE = "Velmar envoy, Ostrian rebels discuss upcoming Corvo talks"
BODY_AIM = "Velmar's envoy Arno Velt met rebel leaders on Monday to prepare the Corvo talks"
BODY_HEDGE = "Velt said the talks could resume in April."


def test_the_headline_is_where_the_article_prints_the_title_its_header_gives() -> None:
    title = read_metadata(ARTICLE).title

    assert title == HEADLINE
    assert headline_range(ARTICLE, title) == (0, len(HEADLINE))


def test_no_headline_where_the_text_does_not_print_one() -> None:
    # A page whose markup alone states its title: nothing in the body is the headline's.
    assert headline_range(ARTICLE, "Corvo talks: what comes next") is None
    assert headline_range(ARTICLE, None) is None


def test_the_headlines_aims_and_hedges_are_dropped_with_the_reason() -> None:
    headline = headline_range(ARTICLE, read_metadata(ARTICLE).title)
    aims = [
        StatedAim(
            aim="discuss upcoming Corvo talks", stated_by="Arno Velt", evidence=[_span(HEADLINE)]
        ),
        StatedAim(
            aim="to prepare the Corvo talks", stated_by="Arno Velt", evidence=[_span(BODY_AIM)]
        ),
    ]
    hedges = [
        HedgedClaim(
            claim="discuss upcoming talks",
            cue="upcoming",
            voiced_by="the outlet",
            evidence=[_span(HEADLINE)],
        ),
        HedgedClaim(
            claim="the talks could resume",
            cue="could",
            voiced_by="Arno Velt",
            evidence=[_span(BODY_HEDGE)],
        ),
    ]

    kept_aims, dropped_aims = from_the_body(aims, headline)
    kept_hedges, dropped_hedges = from_the_body(hedges, headline)

    assert [a.evidence[0].text for a in kept_aims] == [BODY_AIM]
    assert [h.evidence[0].text for h in kept_hedges] == [BODY_HEDGE]
    assert [d.kind for d in dropped_aims + dropped_hedges] == ["stated_aim", "hedged_claim"]
    assert all("headline" in d.reason for d in dropped_aims + dropped_hedges)
    assert dropped_aims[0].item["stated_by"] == "Arno Velt"


def test_without_a_headline_every_item_is_kept() -> None:
    aims = [StatedAim(aim="x", stated_by="Arno Velt", evidence=[_span(HEADLINE)])]

    assert from_the_body(aims, None) == (aims, [])
