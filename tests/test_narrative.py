"""The memo's prose: the rule's sentences say only what their citations say, and a model's
wording is shown only when it passes the same checks (else it is asked once more, then the
rule's sentence stands)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from summarize.brief.merge import merge
from summarize.brief.narrative import Draft, drafts_of, problems_of, worded
from summarize.contract.brief import Brief
from summarize.contract.extraction import UNNAMED_OFFICIALS, Extraction
from summarize.errors import ModelCallError
from tests.test_merge import article, span

SINGAPORE_TRIP = {
    "traveler": "Arman Tokhtarov",
    "traveler_country": "Kazakhstan",
    "destination_country": "Singapore",
    "start_date": "2025-03-11",
    "year_stated": True,
}


def _with_visit_evidence(extraction: Extraction, text: str) -> Extraction:
    visits = [v.model_copy(update={"evidence": [span(text)]}) for v in extraction.visits]
    return extraction.model_copy(update={"visits": visits})


def _sentences(brief: Brief) -> list[str]:
    bottom, judgments = drafts_of(brief)
    return [d.text for d in [*bottom, *judgments]]


def test_the_rule_names_a_country_only_where_the_cited_spans_say_it() -> None:
    officials: list[tuple[str, str | None, str | None]] = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")
    ]
    silent = article("silent", officials=officials, visits=[SINGAPORE_TRIP])
    silent = _with_visit_evidence(silent, "Tokhtarov arrived in Singapore on March 11, 2025.")
    said = article("said", officials=officials, visits=[SINGAPORE_TRIP])
    said = _with_visit_evidence(said, "Kazakhstan's Tokhtarov arrived in Singapore on March 11.")

    assert _sentences(merge([silent]))[0] == (
        "Foreign Minister Arman Tokhtarov visited Singapore on March 11, 2025."
    )
    assert "Arman Tokhtarov of Kazakhstan visited Singapore" in _sentences(merge([said]))[0]


def test_a_country_named_by_a_common_noun_takes_the() -> None:
    trip = {**SINGAPORE_TRIP, "traveler": "Ana Ruiz", "traveler_country": "United States"}
    said = article("said", officials=[("Ana Ruiz", None, "United States")], visits=[trip])
    said = _with_visit_evidence(said, "United States envoy Ruiz arrived in Singapore.")
    assert _sentences(merge([said]))[0].startswith("Ana Ruiz of the United States visited")


def test_a_voice_is_named_only_where_a_cited_span_names_them() -> None:
    aim = "the talks aim to expand rail freight between the two countries"
    unnamed = article("unnamed", aims=[(aim, "Arman Tokhtarov", f"Officials said {aim}.")])
    named = article("named", aims=[(aim, "Arman Tokhtarov", f"Tokhtarov said {aim}.")])

    assert _sentences(merge([unnamed])) == [f"The reports said that {aim}."]
    assert _sentences(merge([named])) == [f"Arman Tokhtarov said that {aim}."]
    # A surname alone must be the word itself: "the Tokhtar agency" does not name Tokhtarov.
    similar = article("similar", aims=[(aim, "Arman Tokhtarov", f"The Tokhtar agency said {aim}.")])
    assert _sentences(merge([similar])) == [f"The reports said that {aim}."]


def test_a_wording_may_not_name_a_voice_no_cited_span_names() -> None:
    # "He said ..." read as Tokhtarov's: the rule says "the reports", and a wording that
    # names him says what its citation does not.
    aim = "the talks aim to expand rail freight between the two countries"
    source = article("unnamed", aims=[(aim, "Arman Tokhtarov", f"He said {aim}.")])
    (draft,) = drafts_of(merge([source]))[0]

    assert draft.text == f"The reports said that {aim}."
    problems = problems_of(f"The reports said that {aim}. Tokhtarov said so.", draft, {"LATIN"})
    assert problems == ["'Tokhtarov' is not in the facts it cites"]


def test_a_wording_that_says_one_thing_twice_is_refused() -> None:
    brief, _ = _brief()
    (draft,) = drafts_of(brief)[0]
    claim = "the talks aim to expand rail freight between the two countries"
    twice = f"Tokhtarov said {claim}. Tokhtarov said that {claim}."
    assert problems_of(twice, draft, {"LATIN"}) == ["it says one thing twice: say it once"]
    other = problems_of(f"Tokhtarov said {claim}. He said so on Monday.", draft, {"LATIN"})
    assert "it says one thing twice: say it once" not in other
    # A lead-in of two words before the restated claim does not hide it.
    short = "Lyon announced its presence in the city"
    again = f"Officials said that {short}. Shortly after, {short}."
    assert "it says one thing twice: say it once" in problems_of(again, draft, {"LATIN"})


def test_a_wording_that_names_the_country_twice_is_refused() -> None:
    brief, _ = _brief()
    (draft,) = drafts_of(brief)[0]
    claim = "the talks aim to expand rail freight between the two countries"
    twice = f"Chilean Foreign Minister Ana Ruiz of Chile said that {claim}."
    assert any("names the country twice" in p for p in problems_of(twice, draft, {"LATIN"}))
    office = f"Chilean Minister of Foreign Affairs Ana Ruiz of Chile said that {claim}."
    assert any("names the country twice" in p for p in problems_of(office, draft, {"LATIN"}))
    for once in (
        f"Foreign Minister Ana Ruiz of Chile said that {claim}.",
        f"Chilean Foreign Minister Ana Ruiz said that {claim}.",
        f"Chilean Foreign Minister Ana Ruiz met Tomas Dell of Chile and said that {claim}.",
    ):
        assert not any("names the country twice" in p for p in problems_of(once, draft, {"LATIN"}))


def test_a_wording_that_pastes_a_cited_sentence_after_it_is_refused() -> None:
    brief, _ = _brief()
    (draft,) = drafts_of(brief)[0]
    span = draft.citations[0].span.text
    pasted = f"{draft.text} {span}"
    assert "it pastes a source's sentence after it: word the fact once" in problems_of(
        pasted, draft, {"LATIN"}
    )
    assert "it pastes a source's sentence after it: word the fact once" not in problems_of(
        draft.text, draft, {"LATIN"}
    )


def test_one_wording_is_never_stated_twice() -> None:
    text = "the ministers will sign a port agreement during the visit"
    other = "the agreement could open a freight corridor to the coast"
    both = article(
        "both",
        aims=[(text, "officials", f"Officials said {text}.")],
        hedges=[
            (text, "will", "analysts", f"Analysts expect {text}."),
            (other, "could", "analysts", f"Analysts say {other}."),
        ],
        text="three statements",
    )
    sentences = _sentences(merge([both]))
    assert sum(text in s for s in sentences) == 1
    assert any(other in s for s in sentences)  # the next claim takes the repeated one's place


def _draft(text: str, words: str) -> Draft:
    citation = merge([article("x", aims=[(words, "officials", words)])]).stated_aims[0]
    return Draft(
        text=text,
        rests_on=("a",),
        sources=(1,),
        citations=tuple(m.citation for m in citation.members),
        vocabulary=frozenset(words.casefold().split()) | {words.casefold()},
    )


def test_a_wording_is_refused_for_what_its_facts_do_not_hold() -> None:
    draft = _draft(
        "Officials said the ministers met in Astana (2 outlets report it).",
        "officials said the ministers met in astana",
    )
    scripts = {"LATIN"}
    good = "Officials said the ministers met in Astana (2 outlets report it)."
    assert problems_of(good, draft, scripts) == []
    assert any("Almaty" in p for p in problems_of(good.replace("Astana", "Almaty"), draft, scripts))
    assert any("script" in p for p in problems_of(good.replace("met", "会见"), draft, scripts))
    assert any("markup" in p for p in problems_of('{"text": "' + good + '"}', draft, scripts))
    dropped = problems_of("Officials said the ministers met in Astana.", draft, scripts)
    assert any("(2 outlets report it)" in p for p in dropped)


def test_an_unfinished_wording_is_refused() -> None:
    draft = _draft("Officials said the ministers met in Astana.", "officials said ministers astana")
    assert problems_of("Officials said the ministers met in Astana.", draft, {"LATIN"}) == []
    for cut in ("Officials:", "Officials said the ministers met in", "Officials said\u2026"):
        assert "it is not a finished sentence" in problems_of(cut, draft, {"LATIN"}), cut
    # A full stop inside closing quotes or brackets, straight or curly, ends the sentence.
    for ended in (
        'Officials said: "The ministers met in Astana."',
        "Officials: \u2018met in Astana.\u2019",
    ):
        assert "it is not a finished sentence" not in problems_of(ended, draft, {"LATIN"}), ended


def test_a_fragment_or_a_self_attributed_report_is_quoted_not_retold() -> None:
    reports = {
        # A trailing attribution: "<voice> said that" would attribute it twice.
        "the two chiefs agreed on closer coordination, the ministry said": (
            "The two chiefs agreed on closer coordination, the ministry said."
        ),
        # A participle and a preposition open fragments, not clauses.
        "suggesting more support for the housing sector": (
            "The bank will buy bonds, suggesting more support for the housing sector."
        ),
        # A noun and its relative clause: "said that addresses where ..." says nothing.
        "addresses where the minister was reported to have stayed": (
            "Police searched a hotel and addresses where the minister was reported to have stayed."
        ),
    }
    for clause, sentence in reports.items():
        source = article("one", aims=[(clause, "Arman Tokhtarov", sentence)])
        [text] = _sentences(merge([source]))
        assert "said that" not in text, text
        assert text.startswith("The reports: \u201c") and sentence.rstrip(".:") in text, text
    # A line leading into a quotation, or one too short to say anything, is not quoted.
    for sentence in ("From the central bank on its statement:", "I hope they'll be OK."):
        source = article("one", aims=[(sentence, "Arman Tokhtarov", sentence)])
        assert _sentences(merge([source])) == [], sentence


def test_a_citys_country_from_the_gazetteer_is_not_written_beside_it() -> None:
    trip = {**SINGAPORE_TRIP, "destination_country": "United States", "start_date": None}
    officials: list[tuple[str, str | None, str | None]] = [("Arman Tokhtarov", None, None)]
    source = article("one", officials=officials, visits=[{**trip, "destination_city": "Boston"}])
    source = _with_visit_evidence(source, "Tokhtarov arrived in Boston.")

    assert _sentences(merge([source])) == ["Arman Tokhtarov visited Boston."]
    # A demonym is not the country's name: the sentence may not print "United States".
    source = _with_visit_evidence(source, "Tokhtarov arrived in Boston for American talks.")
    assert _sentences(merge([source])) == ["Arman Tokhtarov visited Boston."]
    named = _with_visit_evidence(source, "Tokhtarov arrived in Boston, United States.")
    assert _sentences(merge([named])) == ["Arman Tokhtarov visited Boston, United States."]


def _brief() -> tuple[Brief, dict[int, str]]:
    aim = "the talks aim to expand rail freight between the two countries"
    source = article("named", aims=[(aim, "Arman Tokhtarov", f"Tokhtarov said {aim}.")])
    return merge([source]), {1: f"Tokhtarov said {aim}."}


def test_a_wording_that_fails_twice_leaves_the_rule_sentence_and_says_why() -> None:
    brief, texts = _brief()
    asked: list[Sequence[str] | None] = []

    def invents(drafts: Sequence[Draft], feedback: Sequence[str] | None) -> list[str | None]:
        asked.append(feedback)
        return ["Tokhtarov and Castell agreed to expand rail freight."] * len(drafts)

    narrative, warnings = worded(brief, texts, invents)
    assert len(asked) == 2 and asked[0] is None and asked[1] and "Castell" in asked[1][0]
    assert [s.worded_by for s in narrative.bottom_line] == ["rule"]
    assert narrative.bottom_line[0].text == drafts_of(brief)[0][0].text
    assert warnings and "rule's wording is shown" in warnings[0]


def test_a_wording_that_gives_a_person_another_country_is_refused() -> None:
    said = (
        "In Kazakhstan Kazakh Foreign Minister Arman Tokhtarov and Portuguese Foreign Minister "
        "Rui Castell said the talks aim to expand rail freight between the two countries."
    )
    source = article(
        "both",
        officials=[
            ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
            ("Rui Castell", "Foreign Minister", "Portugal"),
        ],
        aims=[(said[:-1], "Arman Tokhtarov", said)],
        text=said,
    )
    brief = merge([source])
    swapped = said.replace("Kazakh F", "X F").replace("Portuguese", "Kazakh")
    swapped = swapped.replace("X", "Portuguese")
    narrative, warnings = worded(brief, {1: said}, lambda drafts, _: [swapped] * len(drafts))
    assert narrative.bottom_line[0].worded_by == "rule"
    assert "Portuguese Foreign Minister' is not Arman Tokhtarov" in warnings[0]
    # A place named before a name is where, not whose: "In Kazakhstan Portuguese ... Castell".
    placed = said.replace("Kazakh Foreign Minister Arman Tokhtarov and ", "")
    placed = placed.replace("Castell said", "Castell and Arman Tokhtarov said")
    for fine in (said, placed):
        narrative, warnings = worded(brief, {1: said}, lambda drafts, _, f=fine: [f] * len(drafts))
        assert (narrative.bottom_line[0].worded_by, warnings) == ("model", []), warnings


def test_a_wording_that_drops_who_says_it_is_refused() -> None:
    brief, _ = _brief()
    (draft,) = drafts_of(brief)[0]
    claim = "the talks aim to expand rail freight between the two countries"
    assert draft.voices == ("Arman Tokhtarov",)
    assert problems_of(f"Tokhtarov said {claim}.", draft, {"LATIN"}) == []
    dropped = problems_of(f"{claim[:1].upper()}{claim[1:]}.", draft, {"LATIN"})
    assert dropped == ["it drops who says it: keep Arman Tokhtarov"]


def test_a_wording_that_passes_is_shown_and_a_failed_model_leaves_the_rule() -> None:
    brief, texts = _brief()
    better = "Arman Tokhtarov said the talks aim to expand rail freight between the two countries."
    narrative, warnings = worded(brief, texts, lambda drafts, _: [better] * len(drafts))
    assert (narrative.bottom_line[0].text, narrative.bottom_line[0].worded_by) == (better, "model")
    assert warnings == []

    def fails(drafts: Sequence[Draft], feedback: Sequence[str] | None) -> list[str | None]:
        raise ModelCallError("narrative", "connection refused")

    narrative, warnings = worded(brief, texts, fails)
    assert narrative.bottom_line[0].worded_by == "rule"
    assert len(warnings) == 1 and "connection refused" in warnings[0]


def test_claims_chained_by_one_shared_event_kind_are_not_one_claim() -> None:
    visit = "Chile will visit Vietnam"
    arrive = "the foreign minister is expected to arrive in Hanoi"
    talks = "Chile and Vietnam will hold talks during the visit"
    summit = "Vietnamese and Chilean negotiators could meet in Santiago"
    reports = [
        article(name, hedges=[(claim, "will", "analysts", claim)], text=name)
        for name, claim in [("a", visit), ("b", arrive), ("c", talks), ("d", summit)]
    ]
    groups = [{m.text for m in g.members} for g in merge(reports).speculation]
    assert any({visit, arrive} <= g for g in groups)  # the same trip in other words
    assert not any({visit, summit} <= g for g in groups)  # a trip and a meeting elsewhere


def test_two_claims_on_one_field_of_policy_between_the_same_parties_are_two() -> None:
    tariffs = "Chile applies no tariffs on Vietnamese rice, its trade minister says"
    unfair = "the Vietnamese president wants to ease Chile's criticism of unfair trade"
    reports = [
        article(name, aims=[(claim, "Arman Tokhtarov", claim)], text=name)
        for name, claim in [("a", tariffs), ("b", unfair)]
    ]
    assert [len(g.members) for g in merge(reports).stated_aims] == [1, 1]


def test_two_sentences_of_one_report_are_one_claim_only_by_their_wording() -> None:
    visit = "Chile will visit Vietnam"
    arrive = "the foreign minister is expected to arrive in Hanoi"
    # Across two reports the same frame and parties make one claim; inside one report two
    # sentences that share no wording are two things it says.
    across = [
        article(name, hedges=[(claim, "will", "analysts", claim)], text=name)
        for name, claim in [("a", visit), ("b", arrive)]
    ]
    one = [article("a", hedges=[(c, "will", "analysts", c) for c in (visit, arrive)], text="a")]
    assert [len(g.members) for g in merge(across).speculation] == [2]
    assert [len(g.members) for g in merge(one).speculation] == [1, 1]


def test_a_wording_that_repeats_another_sentence_is_refused() -> None:
    freight = "the talks aim to expand rail freight between the two countries"
    visas = "the talks aim to ease visa rules for rail freight crews"
    source = article(
        "named",
        aims=[(a, "Arman Tokhtarov", f"Tokhtarov said {a}.") for a in (freight, visas)],
    )
    brief = merge([source])
    texts = {1: " ".join(f"Tokhtarov said {a}." for a in (freight, visas))}
    same = f"Arman Tokhtarov said {freight}."

    narrative, warnings = worded(brief, texts, lambda drafts, _: [same] * len(drafts))

    shown = [s.text for s in [*narrative.bottom_line, *narrative.key_judgments]]
    assert len(shown) == 2 and len(set(shown)) == 2  # the second falls back to its own rule
    assert any("it repeats sentence 1" in w for w in warnings)


def test_a_sentence_carrying_page_markup_is_not_quoted_as_prose() -> None:
    tweet = "I know maybe four people who look like #Lapin."
    plain = "Lapin may visit Astana in May"
    source = article(
        "posts",
        hedges=[
            ("who look like #Lapin", "maybe", "the outlet", tweet),
            (plain, "may", "analysts", plain + "."),
        ],
    )
    shown = _sentences(merge([source]))
    assert shown and not any("#" in s for s in shown)
    assert any("Lapin may visit Astana" in s for s in shown)


@pytest.mark.parametrize(
    ("claim", "cue", "one", "many"),
    [
        ("the rail link opens by next spring", "likely", "expects", "expect"),
        # A claim that hedges itself is said, not expected: "expects that ... could" hedges twice.
        ("the rail link could open by next spring", "could", "says", "say"),
    ],
)
def test_one_person_expects_and_many_expect(claim: str, cue: str, one: str, many: str) -> None:
    alone = article("one", hedges=[(claim, cue, "Arman Tokhtarov", f"Tokhtarov said {claim}.")])
    analysts = article(
        "many", hedges=[(claim, cue, "unnamed experts or analysts", f"Analysts say {claim}.")]
    )
    assert _sentences(merge([alone])) == [f"Arman Tokhtarov {one} that {claim}."]
    assert _sentences(merge([analysts])) == [f"Analysts and experts {many} that {claim}."]


def test_a_quoted_report_is_given_its_own_voice_and_its_own_citation() -> None:
    clause = "the two chiefs agreed on closer coordination, the ministry said"
    ministry = article(
        "a-ministry",
        aims=[
            (
                clause,
                UNNAMED_OFFICIALS,
                "The two chiefs agreed on closer coordination, the ministry said.",
            )
        ],
    )
    minister = article(
        "b-minister",
        aims=[
            (
                clause,
                "Arman Tokhtarov",
                "Tokhtarov said the two chiefs agreed on closer coordination.",
            )
        ],
    )
    brief = merge([ministry, minister])
    [group] = brief.stated_aims
    assert group.corroboration == 2 and "Arman Tokhtarov" in group.voiced_by

    [draft] = [*drafts_of(brief)[0], *drafts_of(brief)[1]]
    # The quoted words are the ministry's: the minister who said something alike elsewhere
    # is not made their speaker, and the other outlet's span does not support the quotation.
    assert (
        draft.text
        == "Officials: \u201cThe two chiefs agreed on closer coordination, the ministry said.\u201d"
    )
    assert [c.span.text for c in draft.citations] == [
        "The two chiefs agreed on closer coordination, the ministry said."
    ]
    assert len(draft.sources) == 1


def test_a_claim_in_some_reports_words_is_voiced_cited_and_counted_by_those_reports() -> None:
    visit = "Chile will visit Vietnam"
    arrive = "the foreign minister is expected to arrive in Hanoi"
    experts = (arrive, "expected", "unnamed experts or analysts", arrive)
    reports = [
        article("a", outlet="A", hedges=[(visit, "will", "Arman Tokhtarov", f"He said {visit}.")]),
        article("b", outlet="B", hedges=[experts]),
        article("c", outlet="C", hedges=[experts]),
    ]
    brief = merge(reports)
    assert [len(g.members) for g in brief.speculation] == [3]  # one claim in two wordings
    (draft,) = [*drafts_of(brief)[0], *drafts_of(brief)[1]]
    # The wording two outlets share, by its own voice: Tokhtarov said it otherwise.
    assert draft.text == f"Analysts and experts say that {arrive} (2 outlets report it)."
    assert draft.sources == (2, 3) and draft.voices == ("analysts and experts",)


def test_a_word_capitalised_only_for_opening_the_clause_is_lower_case_after_that() -> None:
    both = "Both sides pledged further dialogue on trade"
    publicly = "Publicly naming a suspect can be risky"
    place = "Astana will host the next round of talks"
    reports = [
        article("a", outlet="A", aims=[(both, UNNAMED_OFFICIALS, f"Officials said {both}.")]),
        article("b", outlet="B", hedges=[(publicly, "can", "the outlet", f"{publicly}.")]),
        article("c", outlet="C", aims=[(place, UNNAMED_OFFICIALS, f"Officials said {place}.")]),
    ]
    shown = _sentences(merge(reports))

    assert "Officials said that both sides pledged further dialogue on trade." in shown
    assert "The reports say that publicly naming a suspect can be risky." in shown
    assert "Officials said that Astana will host the next round of talks." in shown


def test_a_participle_after_an_adverb_is_no_clause() -> None:
    fragment = "also stressing the importance of three-way cooperation"
    source = article("a", aims=[(fragment, "Arman Tokhtarov", f"Tokhtarov spoke, {fragment}.")])
    assert not any("said that also" in s for s in _sentences(merge([source])))


def test_a_claim_that_only_tells_the_visit_again_leaves_the_bottom_line_to_others() -> None:
    officials: list[tuple[str, str | None, str | None]] = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")
    ]
    again = "Kazakhstan's foreign minister arrives in Singapore for talks on rail freight"
    aim = "the two sides will expand rail freight between the two countries"
    trip = article(
        "trip",
        officials=officials,
        visits=[SINGAPORE_TRIP],
        aims=[
            (again, "Arman Tokhtarov", f"{again}."),
            (again, "Arman Tokhtarov", f"{again}."),
            (aim, "Arman Tokhtarov", f"Tokhtarov said {aim}."),
        ],
    )
    trip = _with_visit_evidence(trip, "Tokhtarov arrived in Singapore on March 11, 2025.")
    sentences = _sentences(merge([trip]))
    assert sentences[0].startswith("Foreign Minister Arman Tokhtarov visited Singapore")
    assert not any("arrives in Singapore" in s for s in sentences)
    assert f"Arman Tokhtarov said that {aim}." in sentences


def test_a_quoted_sentence_that_names_its_speaker_is_a_reports_not_led_by_the_name() -> None:
    sentence = "Arman Tokhtarov has indicated interest in a rail link, emphasizing trade."
    source = article(
        "one", aims=[("emphasizing trade", "Arman Tokhtarov", sentence)], text="one report"
    )
    [text] = _sentences(merge([source]))
    assert text == f"A report: \u201c{sentence.rstrip('.')}.\u201d"  # not "Arman Tokhtarov: ..."


def test_a_claim_about_he_or_she_is_not_a_memo_sentence() -> None:
    # "He" was named in the sentence before, which the memo does not show.
    pronoun = "he also emphasized the importance of rail freight with Chile"
    alone = "the talks aim to expand rail freight between the two countries"
    brief = merge(
        [
            article(
                "a",
                aims=[
                    (
                        pronoun,
                        "Arman Tokhtarov",
                        "He also emphasized the importance of rail freight with Chile.",
                    ),
                    (alone, "Arman Tokhtarov", f"Officials said {alone}."),
                ],
            )
        ]
    )
    assert _sentences(brief) == [f"The reports said that {alone}."]


def test_a_headline_is_not_retold_as_someones_words() -> None:
    # Headline style drops the verb and the speaker: "X said that Minister to discuss ..."
    # would put words in someone's mouth. The Stated aims list keeps it.
    headline = "Minister to discuss rail freight with Chile"
    alone = "the talks aim to expand rail freight between the two countries"
    brief = merge(
        [
            article(
                "a",
                title=headline,
                aims=[
                    (headline, "Arman Tokhtarov", headline),
                    (alone, "Arman Tokhtarov", f"Officials said {alone}."),
                ],
            )
        ]
    )
    assert _sentences(brief) == [f"The reports said that {alone}."]
    assert any(m.text == headline for g in brief.stated_aims for m in g.members)


def test_a_wording_that_drops_what_is_said_is_refused() -> None:
    brief, _ = _brief()
    (draft,) = drafts_of(brief)[0]
    # The seeds' recorded narrative had worded a claim of Lukashenko's as another report's
    # sentence about a visit: every name in it is in the facts, and none of the claim is.
    other = "Arman Tokhtarov told reporters about the two countries."
    assert problems_of(other, draft, {"LATIN"}) == ["it drops what is said: keep the claim"]
    reworded = "Tokhtarov said the talks would expand rail freight between both countries."
    assert problems_of(reworded, draft, {"LATIN"}) == []


def test_a_quotation_given_to_he_or_she_is_not_quoted() -> None:
    # "..., she said" names its speaker in a sentence the memo does not show.
    quoted = "That allows timely notices to go out without delay, she said."
    alone = "the talks aim to expand rail freight between the two countries"
    brief = merge(
        [
            article(
                "a",
                aims=[
                    ("allows timely notices", "Arman Tokhtarov", quoted),
                    (alone, "Arman Tokhtarov", f"Officials said {alone}."),
                ],
            )
        ]
    )
    assert _sentences(brief) == [f"The reports said that {alone}."]


def test_an_office_is_told_only_with_a_span_that_writes_it_cited() -> None:
    officials: list[tuple[str, str | None, str | None]] = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")
    ]
    trip = article("trip", officials=officials, visits=[SINGAPORE_TRIP])
    trip = _with_visit_evidence(trip, "Tokhtarov arrived in Singapore on March 11, 2025.")
    (draft,) = drafts_of(merge([trip]))[0]
    assert draft.text.startswith("Foreign Minister Arman Tokhtarov visited Singapore")
    # The trip's own sentence does not write the office: the roster's span that does is cited.
    assert [c.span.text for c in draft.citations] == [
        "Tokhtarov arrived in Singapore on March 11, 2025.",
        "Foreign Minister Arman Tokhtarov",
    ]
    # An office no span writes (a model's "White House President") is not told.
    unwritten = trip.model_copy(
        update={
            "officials": [
                o.model_copy(update={"title": "White House President"}) for o in trip.officials
            ]
        }
    )
    (draft,) = drafts_of(merge([unwritten]))[0]
    assert draft.text.startswith("Arman Tokhtarov visited Singapore")


def test_no_one_is_said_to_say_what_no_verb_of_saying_gives_them() -> None:
    # The stater came from the officials the sentence names; no one says anything in it.
    told = "The two leaders discussed trade ties at the palace in Astana in November."
    source = article("one", aims=[(told, "Arman Tokhtarov", told)])
    [text] = _sentences(merge([source]))
    assert "said" not in text and told.rstrip(".") in text, text
    # With a verb of saying the clause is theirs.
    said = "Tokhtarov said that the two sides will expand trade ties next year."
    clause = "the two sides will expand trade ties next year"
    source = article("one", aims=[(clause, "Arman Tokhtarov", said)])
    [text] = _sentences(merge([source]))
    assert text.startswith("Arman Tokhtarov said that the two sides"), text


def test_a_clause_opening_with_a_modal_lost_its_subject_and_is_quoted() -> None:
    sentence = "Tokhtarov, too, could soon find himself at the palace when he travels to Astana."
    clause = "could soon find himself at the palace when he travels to Astana"
    source = article("one", hedges=[(clause, "could", "the outlet", sentence)])
    [text] = _sentences(merge([source]))
    assert "that could" not in text and sentence.rstrip(".") in text, text


def test_a_claim_opening_with_a_pronoun_contracted_is_about_someone_named_elsewhere() -> None:
    sentence = "He's not likely to meet the envoys in Astana before the summit in May."
    source = article("one", hedges=[(sentence, "likely", "the outlet", sentence)])
    assert _sentences(merge([source])) == []


def test_a_person_the_cited_spans_name_only_in_short_is_cited_where_named_in_full() -> None:
    officials: list[tuple[str, str | None, str | None]] = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan"),
        ("Wei Ling Tan", "Foreign Minister", "Singapore"),
    ]
    trip = {**SINGAPORE_TRIP, "met": ["Wei Ling Tan"]}
    told = article("told", officials=officials, visits=[trip])
    told = _with_visit_evidence(told, "Tan brought Tokhtarov to Singapore on March 11, 2025.")
    (draft, *_), _ = drafts_of(merge([told]))

    # The sentence says "Wei Ling Tan"; the trip's span says "Tan": the roster's span that
    # writes the full name is cited beside it (as the office's is).
    assert "meeting Wei Ling Tan" in draft.text
    assert [c.span.text for c in draft.citations] == [
        "Tan brought Tokhtarov to Singapore on March 11, 2025.",
        "Foreign Minister Arman Tokhtarov",
        "Foreign Minister Wei Ling Tan",
    ]


def test_a_building_the_spans_write_with_the_takes_it_in_the_memo() -> None:
    officials: list[tuple[str, str | None, str | None]] = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")
    ]

    def trip_to(place: str, text: str) -> Brief:
        trip = {**SINGAPORE_TRIP, "destination_city": place}
        told = article("told", officials=officials, visits=[trip], title="Tokhtarov in Singapore")
        return merge([_with_visit_evidence(told, text)])

    house = trip_to("Istana", "Tokhtarov arrived at the Istana on March 11, 2025.")
    resort = trip_to("Sentosa", "Tokhtarov arrived at the Sentosa resort on March 11, 2025.")

    # "the Istana" ends its phrase; "the" before "Sentosa resort" is the resort's.
    assert "visited the Istana" in _sentences(house)[0]
    assert house.title.endswith("visit to the Istana")
    assert "visited Sentosa" in _sentences(resort)[0]


def test_talks_with_no_one_named_say_where_they_are_held() -> None:
    talks = {
        "kind": "meeting",
        "status": "ongoing",
        "traveler": "Ana Ruiz",
        "traveler_country": "Chile",
        "destination_country": "Singapore",
        "start_date": "2025-03-11",
        "year_stated": True,
    }
    held = article("held", officials=[("Ana Ruiz", "envoy", "Chile")], visits=[talks])
    held = _with_visit_evidence(held, "Envoy Ruiz opened the talks in Singapore on Tuesday.")
    # Not "Ana Ruiz is meeting in Singapore", which reads as if a name were missing.
    assert _sentences(merge([held]))[0] == "Ana Ruiz is in Singapore on March 11, 2025."


def test_the_report_that_dates_an_engagement_says_whether_it_is_over_when_reports_differ() -> None:
    dated = {**SINGAPORE_TRIP, "status": "ongoing"}
    undated = {**SINGAPORE_TRIP, "status": "past", "start_date": None}
    officials: list[tuple[str, str | None, str | None]] = [
        ("Arman Tokhtarov", "Foreign Minister", "Kazakhstan")
    ]
    reports = [
        article("dated", officials=officials, visits=[dated]),
        article("undated", officials=officials, visits=[undated]),
    ]
    (trip,) = merge(reports).engagements
    assert (trip.status, trip.start_date) == ("ongoing", "2025-03-11")


def test_a_claim_quoted_once_is_not_quoted_again_in_another_outlets_words() -> None:
    said = "I know it is not going to be easy to end this long conflict and build a country"
    spans = {
        "rte": f'{said}," Ruiz told the delegates sitting in the hall.',
        "aj": f'{said}," Ruiz told the two delegations on the stage.',
    }
    people: list[tuple[str, str | None, str | None]] = [("Ana Ruiz", "envoy", "Chile")]
    reports = [
        article(
            name,
            officials=people,
            aims=[(text.split(",", 1)[1].strip(), "Ana Ruiz", text)],
            hedges=[(said, "going to", "Ana Ruiz", text)],
        )
        for name, text in spans.items()
    ]
    # The aim and the claim are one report's sentence, whichever group quotes it first.
    quoted = [s for s in _sentences(merge(reports)) if "not going to be easy" in s]
    assert len(quoted) == 1


def test_a_clause_with_no_subject_is_quoted_whole_and_a_stray_hyphen_is_dropped() -> None:
    whole = "The row with Lima, however, is indicative of a divide within the bloc.-"
    people: list[tuple[str, str | None, str | None]] = [("Ana Ruiz", "envoy", "Chile")]
    report = article(
        "row",
        officials=people,
        aims=[("is indicative of a divide within the bloc.-", "unnamed officials", whole)],
    )
    (said,) = [s for s in _sentences(merge([report])) if "divide" in s]
    # Not "Officials said that is indicative of ...", and no ".-." at its end.
    assert said.endswith("within the bloc.\u201d")
    assert "The row with Lima" in said


def test_a_clause_opening_with_its_verb_of_saying_is_quoted_whole() -> None:
    whole = "Ana Ruiz - an adviser to the rebels - told reporters the plans were not clear at all."
    people: list[tuple[str, str | None, str | None]] = [("Ana Ruiz", "adviser", "Chile")]
    claim = "told reporters the plans were not clear at all"
    report = article("plans", officials=people, aims=[(claim, "Ana Ruiz", whole)])
    (said,) = [s for s in _sentences(merge([report])) if "plans" in s]
    # Not "Ana Ruiz said that told reporters ...".
    assert "said that told" not in said
    assert "Ana Ruiz - an adviser" in said


def test_a_clause_opening_with_an_adverb_is_quoted_whole() -> None:
    whole = "Ruiz told them 12 million children lack schools, presumably in part because of war."
    people: list[tuple[str, str | None, str | None]] = [("Ana Ruiz", "minister", "Chile")]
    hedge = ("presumably in part because of war", "presumably", "Ana Ruiz", whole)
    (said,) = [
        s
        for s in _sentences(merge([article("war", officials=people, hedges=[hedge])]))
        if "war" in s
    ]
    assert "that presumably" not in said
    assert "12 million children" in said


def test_an_office_its_trip_s_own_span_writes_with_a_hyphen_cites_no_other_source() -> None:
    said = "The Secretary-General, Ana Ruiz, arrived in Lisbon on Friday."
    trip = {
        "traveler": "Ana Ruiz",
        "traveler_country": "Chile",
        "destination_country": "Portugal",
        "destination_city": "Lisbon",
        "status": "past",
        "start_date": "2025-03-28",
        "year_stated": True,
    }
    titled = article("title", officials=[("Ana Ruiz", "Secretary General", "Chile")])
    told = article("trip", visits=[trip], text=said)
    told = told.model_copy(
        update={"visits": [told.visits[0].model_copy(update={"evidence": [span(said)]})]}
    )
    (draft,) = drafts_of(merge([titled, told]))[0]
    assert draft.text.startswith("Secretary General Ana Ruiz")
    # The trip's own span writes the office: the other article is not cited for it.
    assert {c.source for c in draft.citations} == {2}
