"""A claim's wording is cut from its sentence: the clause around the cue, without what is not
the claim's (an attribution, the source's own reference marks). Invented sentences; no model
runs."""

from __future__ import annotations

import pytest

from summarize.extract.clauses import claim_clause


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Analysts say that the visit could reshape ties between the two states.",
            "could",
            "the visit could reshape ties between the two states",
        ),
        (  # the article's footnote marks would read as the memo's own citations
            "The envoy stayed two days, focusing on trade under the joint framework[1][2][3].",
            "focusing",
            "focusing on trade under the joint framework",
        ),
        (
            "The drills cancelled in 2023[4] could be linked to the new pact.",
            "could",
            "The drills cancelled in 2023 could be linked to the new pact",
        ),
        (  # a picture's credit the page left inline is no part of the claim
            "Both ministers pledged to expand cooperation in all sectors [Image by Reuters]",
            "pledged",
            "Both ministers pledged to expand cooperation in all sectors",
        ),
        (
            "Talks could resume in May (Photo: AFP) after the holiday.",
            "could",
            "Talks could resume in May after the holiday",
        ),
        (  # a list's marker the page left before the sentence is layout
            "\u2022 The minister has arrived for talks that may lead to a pact.",
            "may",
            "The minister has arrived for talks that may lead to a pact",
        ),
        (
            "- The drills cancelled in 2023 could be linked to the new pact.",
            "could",
            "The drills cancelled in 2023 could be linked to the new pact",
        ),
        (  # "as" joining a clause opens one; "as a result of" does not
            "Prices rose last year as analysts expect the bank could cut rates.",
            "could",
            "the bank could cut rates",
        ),
        (
            "Talks stalled as a result of sanctions that could last.",
            "could",
            "Talks stalled as a result of sanctions that could last",
        ),
        (  # an editor's word in brackets inside a quotation stays
            'He said there is "irritation [about] policies that might harm" the region.',
            "might",
            'there is "irritation [about] policies that might harm" the region',
        ),
    ],
)
def test_the_claim_is_the_cue_clause_without_what_is_not_the_claims(
    sentence: str, cue: str, claim: str
) -> None:
    assert claim_clause(sentence, cue) == claim
