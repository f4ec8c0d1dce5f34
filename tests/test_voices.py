"""Who voices a claim: quotations carry their speaker across sentences, and a group noun or a
state stands for unnamed voices. Invented articles; no model runs."""

from __future__ import annotations

import pytest

from summarize.contract.extraction import (
    THE_OUTLET,
    UNNAMED_EXPERTS,
    UNNAMED_OFFICIALS,
    UNNAMED_SOURCES,
)
from summarize.extract.quotes import quotations
from summarize.extract.voices import Speakers, attribution_verbs, voice_of, voice_or_outlet
from summarize.ingest.sentences import split_sentences

PEOPLE = ("Oskar Brandt", "Mira Castell", "Arno Velt")


def _last_voice(
    article: str, cue: str = "may", countries: tuple[tuple[str, str], ...] = ()
) -> str | None:
    """Who voices the last sentence of ``article`` at ``cue`` in it."""
    sentences = tuple((s.start, s.end) for s in split_sentences(article))
    at = article.index(cue, sentences[-1][0])
    return Speakers(article, sentences, PEOPLE, (), countries).voice(
        sentences[-1], (at, at + len(cue))
    )


ARTICLE = (
    "Talks stalled on Monday, said Oskar Brandt, the envoy. "
    "\u201cBoth sides are going to want to cool the rhetoric,\u201d Brandt said. "
    "\u201cThat could put limits on how far they go.\u201d "
    "Mira Castell, a professor, disagreed. "
    "She said: \u201cA deal may still come.\u201d "
    "The summit may be delayed. "
    '"We will see," she told reporters. "It might take weeks."'
)


def _voice(sentence_start: str, cue: str) -> str | None:
    sentences = tuple((s.start, s.end) for s in split_sentences(ARTICLE))
    speakers = Speakers(ARTICLE, sentences, PEOPLE)
    span = next((a, b) for a, b in sentences if ARTICLE[a:b].startswith(sentence_start))
    at = ARTICLE.index(cue, span[0])
    return speakers.voice(span, (at, at + len(cue)))


@pytest.mark.parametrize(
    ("sentence", "cue", "voice"),
    [
        # The attribution after the closing mark.
        ("\u201cBoth sides", "want", "Oskar Brandt"),
        # A quotation that names nobody goes on from the one just before.
        ("\u201cThat could", "could", "Oskar Brandt"),
        # The attribution before the opening mark, "she" meaning the person named last.
        ("She said", "may", "Mira Castell"),
        # Outside any quotation and attributed to no one: the outlet's own words.
        ("The summit", "may", None),
        # Straight marks pair as well; "It might" goes on from "We will see," she told.
        ('"It might', "might", "Mira Castell"),
    ],
)
def test_a_claim_inside_a_quotation_is_its_speakers(
    sentence: str, cue: str, voice: str | None
) -> None:
    assert _voice(sentence, cue) == voice


def test_straight_marks_pair_even_where_a_scrape_lost_the_space_after_one() -> None:
    text = 'He called it "a military operation,"?Secretary Brandt said "no" again.'
    assert [text[q.start : q.end] for q in quotations(text)] == [
        '"a military operation,"',
        '"no"',
    ]


def test_a_quotation_left_open_closes_at_its_paragraph_end() -> None:
    text = "\u201cWe will go on.\nThe talks ended. \u201cSee you,\u201d he said."
    found = [text[q.start : q.end] for q in quotations(text)]
    assert found == ["\u201cWe will go on.", "\u201cSee you,\u201d"]


def test_an_attribution_past_a_comma_after_the_quotation_is_someone_elses() -> None:
    text = (
        'Mira Castell spoke first. "We can wait,"?Earlier in the day, Oskar Brandt told reporters '
        "the talks were over."
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    at = text.index("can")
    span = next((a, b) for a, b in sentences if a <= at < b)
    assert speakers.voice(span, (at, at + 3)) is None  # unknown, not the next sentence's subject


@pytest.mark.parametrize(
    ("sentence", "voice"),
    [
        ("Washington insists the system is defensive.", UNNAMED_OFFICIALS),
        ("The U.S. says the plan could work.", UNNAMED_OFFICIALS),
        ("China fears the radar could see far.", UNNAMED_OFFICIALS),
        ("The police believe he acted alone.", UNNAMED_OFFICIALS),
        ("Reports suggest the rebels withdrew.", UNNAMED_SOURCES),
        ("People familiar with her thinking said she is likely to leave.", UNNAMED_SOURCES),
        ("Few strategists believe she will run.", UNNAMED_EXPERTS),
        ("But those who know her believe she is likely to run.", UNNAMED_SOURCES),  # "her": object
        ("Ms. Castell is said to have a strained relationship with him.", UNNAMED_SOURCES),
        ("He reportedly cancelled a dinner.", UNNAMED_SOURCES),
        # The last noun of a compound is what it is: a ministry's source is a source.
        ("A Foreign Ministry source said the envoys may meet.", UNNAMED_SOURCES),
        ("Embassy officials said the envoys may meet.", UNNAMED_OFFICIALS),
        ("The two sides said they may meet again.", UNNAMED_OFFICIALS),  # the parties' officials
        # A body of state, by its noun or by its initials.
        ("The committee expects inflation to settle.", UNNAMED_OFFICIALS),
        ("While the FOMC still forecasts growth, risks may rise.", UNNAMED_OFFICIALS),
        ("NATO believes the drills could resume.", UNNAMED_OFFICIALS),
        ("The OK sign suggests he might agree.", None),  # two capitals are no body
        # One capitalized word after "the" is a body; a name before a comma is no subject.
        ("Partly as a result of plans under Castell, the Fed sees three hikes.", UNNAMED_OFFICIALS),
        ("The Pentagon said the strike may have killed civilians.", UNNAMED_OFFICIALS),
        ("The President said the talks could resume.", None),  # an office: a person
        # A demonym names people, not their state.
        ("The Chileans hope the plan works.", None),
        # A state may hold concerns as it holds fears.
        ("Chile has concerns that the deal may fail.", UNNAMED_OFFICIALS),
        ("The deal may still come.", None),
    ],
)
def test_groups_and_states_voice_what_no_named_person_says(
    sentence: str, voice: str | None
) -> None:
    assert voice_of(sentence, PEOPLE) == voice


def test_he_said_means_the_person_named_last_before_it() -> None:
    previous = "Oskar Brandt met Mira Castell. Castell left early."
    assert voice_of("She said the deal may come.", PEOPLE, previous=previous) == "Mira Castell"
    assert voice_or_outlet("The deal may come.", PEOPLE) == THE_OUTLET


def test_they_said_means_the_group_that_opens_the_sentence_before() -> None:
    previous = "Lyon officials also said the talks would plan a visit by Oskar Brandt."
    sentence = "The logistics may be addressed too, they said."
    assert voice_of(sentence, PEOPLE, previous=previous) == UNNAMED_OFFICIALS
    # With no group there, "they" still goes back to the person named last.
    assert voice_of(sentence, PEOPLE, previous="Oskar Brandt left.") == "Oskar Brandt"


def test_he_said_after_a_quotation_means_its_speaker_not_whom_it_names() -> None:
    text = (
        "Brandt spoke to reporters. "
        '"I plan to hold talks with Minister Castell," he stressed. '
        '"I do not think it is normal," he said. '
        '"The leaders may sign it soon."'
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    span = next((a, b) for a, b in sentences if text[a:b].startswith('"The leaders'))
    at = text.index("may", span[0])
    assert speakers.voice(span, (at, at + 3)) == "Oskar Brandt"


def test_a_person_described_by_a_role_no_title_has_is_the_one_the_sentence_before_opens_with() -> (
    None
):
    previous = "Deputy Minister Oskar Brandt flew to Lyon to prepare Mira Castell's visit."
    sentence = "Talks may follow, the high-ranking diplomat told reporters."
    assert voice_of(sentence, PEOPLE, previous=previous) == "Oskar Brandt"
    # A bare "the diplomat" refers back too; one the text introduced unnamed stays unnamed.
    bare = "Talks may follow, the diplomat said."
    assert voice_of(bare, PEOPLE, previous=previous) == "Oskar Brandt"
    unnamed = previous + " A senior diplomat said more was needed."
    assert voice_of(sentence, PEOPLE, previous=unnamed) == UNNAMED_OFFICIALS
    assert voice_of(bare, PEOPLE, previous=unnamed) == UNNAMED_OFFICIALS
    # A country word in the description: the text may name one of each, no surer than "he".
    french = "Talks may follow, the French top diplomat said."
    assert voice_of(french, PEOPLE, previous=previous) == UNNAMED_OFFICIALS


def test_a_role_with_a_country_word_is_the_one_person_serving_that_country() -> None:
    countries = (("Oskar Brandt", "france"), ("Mira Castell", "chile"))
    previous = "Mira Castell met Oskar Brandt in Lyon."
    sentence = "Talks may follow, the French top diplomat said."
    assert voice_of(sentence, PEOPLE, previous=previous, countries=countries) == "Oskar Brandt"
    leader = "The Chilean leader did not rule out that talks might follow."
    assert voice_of(leader, PEOPLE, previous=previous, countries=countries) == "Mira Castell"
    # Where two serve that country, neither is guessed.
    both = (("Oskar Brandt", "france"), ("Mira Castell", "france"))
    assert voice_of(sentence, PEOPLE, previous=previous, countries=both) == UNNAMED_OFFICIALS
    # And "he said" after such a sentence, its closing quotation mark and all, goes on from it.
    article = (
        "Mira Castell met Oskar Brandt in Lyon. The French leader stressed that talks must be "
        'prepared "by both sides." "If not, a meeting may follow in July," he said.'
    )
    assert _last_voice(article, countries=countries) == "Oskar Brandt"


def test_a_role_after_a_state_s_possessive_is_the_one_person_serving_it() -> None:
    countries = (("Oskar Brandt", "france"), ("Mira Castell", "chile"))
    sentence = "Talks may follow, France's top diplomat said."
    assert voice_of(sentence, PEOPLE, countries=countries) == "Oskar Brandt"
    assert voice_of("Chile's envoy said talks may follow.", PEOPLE, countries=countries) == (
        "Mira Castell"
    )
    # A body, not a person: nameparser reads "military" only as a modifier of a title.
    body = "Talks may follow, France's military said."
    assert voice_of(body, PEOPLE, countries=countries) == UNNAMED_OFFICIALS
    body = "Talks may follow, the French military said."
    assert voice_of(body, PEOPLE, countries=countries) == UNNAMED_OFFICIALS
    both = (("Oskar Brandt", "france"), ("Mira Castell", "france"))
    assert voice_of(sentence, PEOPLE, countries=both) == UNNAMED_OFFICIALS


def test_a_spokesperson_speaks_for_others_and_is_no_one_named_before() -> None:
    previous = "Oskar Brandt met Mira Castell in Lyon. "
    countries = (("Oskar Brandt", "france"),)
    kremlin = "Talks may follow, the Lyon spokesman said."
    assert voice_of(kremlin, PEOPLE, previous=previous) == UNNAMED_OFFICIALS
    french = "Talks may follow, the French spokesman said."
    assert voice_of(french, PEOPLE, previous=previous, countries=countries) == UNNAMED_OFFICIALS
    # The one person the article gives that post is the one it means.
    offices = (("Ana Ruiz", "Lyon spokesman"),)
    people = (*PEOPLE, "Ana Ruiz")
    assert voice_of(kremlin, people, previous=previous, offices=offices) == "Ana Ruiz"


def test_a_state_s_view_is_voiced_by_the_person_the_sentence_closes_on() -> None:
    countries = (("Oskar Brandt", "france"), ("Mira Castell", "chile"))
    sentence = "France expects that the parties could begin talks in May, France's envoy said."
    cue = sentence.index("could")
    assert voice_of(sentence, PEOPLE, before=cue, countries=countries) == "Oskar Brandt"
    # Closed on by a group, the state's view stays the government's.
    grouped = "France expects that the parties could begin talks in May, officials said."
    assert voice_of(grouped, PEOPLE, before=grouped.index("could")) == UNNAMED_OFFICIALS
    # A person's view, reported by another, stays the first person's.
    named = "Brandt expects that the parties could begin talks in May, Mira Castell said."
    assert voice_of(named, PEOPLE, before=named.index("could")) == "Oskar Brandt"


def test_a_stem_inside_a_verb_of_several_words_attributes() -> None:
    sentence = "Oskar Brandt called for talks that could start in May."
    assert voice_of(sentence, PEOPLE, before=sentence.index("could")) == "Oskar Brandt"


def test_a_verb_after_the_claim_closes_it_only_set_off_from_it() -> None:
    # Within the claim's own clause the verb is no attribution of it ...
    inside = "The parliament is expected to back the plan Mira Castell announced on Tuesday."
    assert voice_of(inside, PEOPLE, before=inside.index("expected")) is None
    # ... past a comma it closes the sentence as its speaker's.
    closing = "The parliament is expected to back the plan, Mira Castell announced on Tuesday."
    assert voice_of(closing, PEOPLE, before=closing.index("expected")) == "Mira Castell"


def test_he_said_goes_on_from_the_speaker_of_the_sentence_before() -> None:
    previous = (
        "Arno Velt, a Gulf expert, said that Lyon might find ties with Brandt better than "
        "those with Mira Castell. "
    )
    sentence = "For example, he said, Brandt is unlikely to mount a costly effort."
    voice = voice_of(sentence, PEOPLE, before=sentence.index("unlikely"), previous=previous)
    assert voice == "Arno Velt"  # not Castell, named last, nor Brandt, named after "he said"
    # With no one speaking in the sentence before, the person named last there.
    assert voice_of(sentence, PEOPLE, previous="Brandt met Mira Castell.") == "Mira Castell"


def test_a_pronoun_in_a_clause_joined_on_means_the_person_the_sentence_named() -> None:
    previous = "This broke with the government of Mira Castell. "
    sentence = (
        "Lyon's envoy to the UN, Arno Velt, reiterated this on Thursday when she said that "
        "the government had to put trade first."
    )
    assert voice_of(sentence, PEOPLE, previous=previous) == "Arno Velt"  # not Castell
    # A pronoun opening the sentence's own clause goes on from the sentence before.
    fronted = "After meeting Arno Velt, he said the government had to put trade first."
    assert voice_of(fronted, PEOPLE, previous="Oskar Brandt spoke.") == "Oskar Brandt"


def test_who_is_reported_to_fear_or_expect_is_voiced_by_the_one_reporting_it() -> None:
    fears = (
        "Foreign Minister Oskar Brandt has said ahead of talks with his counterpart Arno "
        "Velt that Lyon fears a new arms race."
    )
    assert voice_of(fears, PEOPLE, before=fears.index("fears") + 5) == "Oskar Brandt"
    offices = (("Oskar Brandt", "Foreign Minister"),)
    expected = "The foreign minister noted he expected to discuss the arms race."
    previous = "Arno Velt spoke first."
    assert voice_of(expected, PEOPLE, previous=previous, offices=offices) == "Oskar Brandt"
    # Past a break between clauses, the group holds its own view.
    apart = "Oskar Brandt spoke on Monday, but officials fear the talks could fail."
    assert voice_of(apart, PEOPLE, before=apart.index("could")) == "unnamed officials"


def test_a_state_of_mind_after_be_and_an_adverb_before_the_verb_keep_the_subject() -> None:
    concerned = "Though they share a goal, the US has long been concerned that Lyon could fall."
    assert voice_of(concerned, PEOPLE, before=concerned.index("could")) == "unnamed officials"
    also = "He also warned that the talks could fail."
    assert voice_of(also, PEOPLE, previous="Oskar Brandt spoke.") == "Oskar Brandt"


@pytest.mark.parametrize(
    "noun", ["the agreement reached during his visit", "an announcement", "the declarations"]
)
def test_a_stems_noun_is_no_verb_of_saying(noun: str) -> None:
    # The memo writes "<stater> said that ..." only where the report has a verb of saying.
    assert attribution_verbs().search(f"The talks follow {noun}.") is None


def test_a_stems_verbs_are_verbs_of_saying() -> None:
    for verb in ("agreed", "announces", "declaring", "stated"):
        assert attribution_verbs().search(f"Brandt {verb} that talks may help.") is not None


def test_a_partial_quotation_is_voiced_by_the_attribution_closing_its_sentence() -> None:
    text = "\u201cIt is hard to see what could move them\u201d to stop, Castell said."
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    at = text.index("could")
    assert speakers.voice(sentences[0], (at, at + 5)) == "Mira Castell"


def test_a_mark_between_two_letters_is_an_apostrophe() -> None:
    text = 'He said "we won"t go," and left.'
    assert [text[q.start : q.end] for q in quotations(text)] == ['"we won"t go,"']


def test_a_mark_before_a_question_mark_and_a_small_letter_is_an_undecoded_dash() -> None:
    text = 'Two parties "?likely partners for Brandt "?won seats. Brandt said it may take a while.'
    assert quotations(text) == ()
    assert _last_voice(text) == "Oskar Brandt"


def test_a_question_attributed_in_a_sentence_of_its_own_is_its_speakers() -> None:
    # '"...?" Castell said.' is two sentences to the splitter; the next quotation goes on.
    asked = '"Who thinks that Lyon would agree?" Castell said. "Lyon may be the one cheering."'
    assert _last_voice(asked) == "Mira Castell"
    # A sentence of its own that says more is no attribution of the quotation before it.
    told = 'Brandt said: "We may not attend." Castell said the conditions may not be right.'
    sentences = tuple((s.start, s.end) for s in split_sentences(told))
    at = told.index("may")
    assert Speakers(told, sentences, PEOPLE).voice(sentences[0], (at, at + 3)) == "Oskar Brandt"


def test_a_participle_of_saying_gives_the_words_to_the_subject_of_its_clause() -> None:
    text = (
        "Even Japan - the only country to suffer it - voted against the talks, saying a "
        "lack of consensus could undermine progress."
    )
    assert voice_of(text, PEOPLE, before=text.index("could")) == "unnamed officials"
    text = "Brandt rebuffed Castell, warning that tariffs could rise."
    assert voice_of(text, PEOPLE, before=text.index("could")) == "Oskar Brandt"
    # A verb of saying joined by "and" to its subject's verb, past a fronted time.
    text = "In 2016, Belarus paid in advance and expressed the hope that supplies would resume."
    assert voice_of(text, PEOPLE, before=text.index("would")) == "unnamed officials"
    # "was quoted as saying": the subject's words.
    text = '"Such decisions could hamper it," he was quoted as saying.'
    assert _last_voice("Castell spoke in Lyon. " + text, "could") == "Mira Castell"


def test_a_quotation_run_on_into_new_paragraphs_keeps_its_speaker() -> None:
    text = (
        "\u201cIt is hard to see\u201d what moves them now, Castell said. \u201cThat has "
        "nothing to do with talks.\n\u201cIt could be forced onto the agenda.\u201d"
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    at = text.index("could")
    span = next((a, b) for a, b in sentences if a <= at < b)
    assert speakers.voice(span, (at, at + 5)) == "Mira Castell"


def test_a_sentence_opening_a_quotation_is_its_speakers_though_named_a_sentence_later() -> None:
    text = 'Talks began. "We met in Lyon. Today we talk," Castell said.'
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    span = next((a, b) for a, b in sentences if text[a:b].startswith('"We met'))
    assert speakers.voice(span) == "Mira Castell"


def test_a_subject_described_between_commas_is_still_the_voice() -> None:
    sentence = "Mira Castell, a professor at Tartu University, said the deal may come."
    assert voice_of(sentence, PEOPLE) == "Mira Castell"
    # Even one the people found so far lack, and not the name after "said".
    sentence = "Lee Min-soo, a former envoy, said Brandt's visit will likely help."
    assert voice_of(sentence, PEOPLE) == "Lee Min-soo"
    # Capitals after a preposition are a day, not someone described.
    sentence = "On Wednesday, the company announced prices that could fall."
    assert voice_of(sentence, PEOPLE) is None


def test_a_quotations_speaker_described_after_their_name_is_the_speaker() -> None:
    # The closing attribution puts a long description between the name and the verb, as a
    # scrape that lost the comma before "told" prints it.
    text = (
        "\u201cThe plan could stall for years,\u201d Mira Castell, a professor at the Tartu "
        "University School of Law and Government told reporters."
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    at = text.index("could")
    assert speakers.voice(sentences[0], (at, at + 5)) == "Mira Castell"


def test_she_with_two_joined_verbs_means_the_person_named_last() -> None:
    previous = "Mira Castell left the ministry in May."
    sentence = "During the campaign, she criticized the plan and warned it could fail."
    assert voice_of(sentence, PEOPLE, previous=previous) == "Mira Castell"
    # Nor is whom a named subject met, whichever the people list has first.
    sentence = "Mira Castell met Oskar Brandt and said a deal may come."
    assert voice_of(sentence, PEOPLE) == "Mira Castell"
    # Whom she met is the object, not the voice.
    sentence = "She met Oskar Brandt and said a deal may come."
    assert voice_of(sentence, PEOPLE, previous=previous) == "Mira Castell"
    # A clause with no pronoun to refer back with names no one.
    sentence = "During the campaign, the plan was criticized and warned of as one that could fail."
    assert voice_of(sentence, PEOPLE, previous=previous) is None


def test_a_name_called_by_its_first_part_is_that_person() -> None:
    # Chinese names put the family name first: "Xiao" is Xiao Qian, "Wen" Wen Liang.
    people = ("Xiao Qian", "Wen Liang", "Donald Trump")
    assert voice_of("Xiao said the talks could resume.", people) == "Xiao Qian"
    previous = "Trump left on Monday. Wen then met students."
    assert voice_of("He said a deal may come.", people, previous=previous) == "Wen Liang"
    # The first part of another name is someone else.
    assert voice_of("Donald Tusk said a deal may come.", people) != "Donald Trump"


def test_an_attribution_closing_the_sentence_counts_words_not_commas() -> None:
    sentence = (
        "Risks remain balanced between factors that could slow the economy, the central bank "
        "said, no change from its view last month."
    )
    assert voice_of(sentence, PEOPLE, before=sentence.index("could")) == UNNAMED_OFFICIALS


def test_it_says_means_the_body_that_opens_the_sentence_before() -> None:
    previous = "Castell left early. The central bank kept its pace unchanged."
    sentence = "It sees unemployment falling, which may last."
    assert voice_of(sentence, PEOPLE, previous=previous) == UNNAMED_OFFICIALS
    # Never a person: "it" after a sentence about Castell names no one.
    assert voice_of(sentence, PEOPLE, previous="Mira Castell kept her pace.") is None


def test_who_regards_it_so_voices_a_passive_seen_as() -> None:
    sentence = "Oil prices rose, and the cut has been seen by analysts as a sign of strain."
    assert voice_of(sentence, PEOPLE, before=sentence.index("a sign")) == UNNAMED_EXPERTS
    # The attribution nearest before the cue wins, whichever kind it is.
    sentence = "Brandt said prices rose, and the cut was seen by Castell as a sign of strain."
    assert voice_of(sentence, PEOPLE, before=sentence.index("a sign")) == "Mira Castell"


@pytest.mark.parametrize(
    "verb", ["reiterated", "repeated", "declared", "confirmed", "acknowledged"]
)
def test_more_verbs_of_saying_name_their_subject(verb: str) -> None:
    previous = "Oskar Brandt met Mira Castell in Oslo on Monday. Castell left early."
    assert voice_of(f"She {verb} that talks may resume.", PEOPLE, previous=previous) == (
        "Mira Castell"
    )


def test_a_person_called_by_rank_is_the_voice_even_if_not_listed() -> None:
    sentence = "Officers told him to stop, Captain Okafor said, but he may have fled."
    assert voice_of(sentence, PEOPLE) == "Okafor"
    # A body named by a rank word after "the" is no person.
    sentence = "Both sides may meet again, the chief of the General Staff said."
    assert voice_of(sentence, PEOPLE) != "Staff"


def test_a_surname_alone_is_the_name_the_article_prints_in_full() -> None:
    text = (
        "Oskar J. Brandt, a former envoy, spoke in Tartu. Later Mr. Brandt suggested that "
        "the talks could fail. President Castell said little."
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, ())
    at = text.index("could")
    span = next((a, b) for a, b in sentences if a <= at < b)
    assert speakers.voice(span, (at, at + 5)) == "Oskar J. Brandt"


def test_a_verb_of_saying_inside_the_cue_is_its_attribution() -> None:
    sentence = "Details are scarce, though observers say he is expected to meet Castell."
    cue = sentence.index("observers say")
    assert voice_of(sentence, PEOPLE, before=cue + len("observers say")) == UNNAMED_EXPERTS


def test_a_person_called_by_honorific_is_the_voice_even_if_not_listed() -> None:
    sentence = "Mr. Okafor suggested that the talks could resume in May."
    assert voice_of(sentence, PEOPLE) == "Okafor"
    sentence = "Dr. Amara Okafor warned the ceasefire might not hold."
    assert voice_of(sentence, PEOPLE) == "Amara Okafor"
    # A listed person still wins over the honorific form.
    assert voice_of("Mr. Brandt said the deal may come.", PEOPLE) == "Oskar Brandt"


OFFICES = (("Oskar Brandt", "Foreign Minister"), ("Mira Castell", "economist at a bank"))


@pytest.mark.parametrize(
    ("text", "cue", "voice"),
    [
        # A person called by what they are: their title's head noun, capitalized only as an
        # office ("the Kremlin", "the bank" are bodies, not the people they employ).
        ('"The deal may collapse," the minister said.', "may", "Oskar Brandt"),
        ("The Foreign Minister said the deal may collapse.", "may", "Oskar Brandt"),
        ('"Rates could rise," the economist told reporters.', "could", "Mira Castell"),
        ("Rates could rise, economists at the bank said.", "could", UNNAMED_EXPERTS),
        # Words set off between the subject and the verb: an aside or a description.
        ("Brandt, speaking in Paris, said the deal may collapse.", "may", "Oskar Brandt"),
        ("Castell, however, said rates could rise.", "could", "Mira Castell"),
        ("Ms. Castell, 45, said rates could rise.", "could", "Mira Castell"),
        ('"It may fail," Brandt, who met Castell on Monday, said.', "may", "Oskar Brandt"),
        # A clause after the name is no aside: its own subject speaks.
        (
            "The deal may collapse after talks with Brandt, senior aides said.",
            "may",
            UNNAMED_OFFICIALS,
        ),
        # An office formed from a title opens a description, whatever group word follows.
        (
            "Brandt, chairman the committee who also arrived, said talks may follow.",
            "may",
            "Oskar Brandt",
        ),
        # Whose spokesman: the spokesman's office speaks, not the person it serves.
        ("Brandt's spokesman said the deal may collapse.", "may", UNNAMED_OFFICIALS),
        ("A spokesman for Brandt said the deal may collapse.", "may", UNNAMED_OFFICIALS),
        ("People close to Castell said she may leave.", "may", UNNAMED_SOURCES),
        ("The deal may collapse, a Western diplomat told AFP.", "may", UNNAMED_OFFICIALS),
        # A group word before an aside; a statement is its body's, a newspaper's report a
        # source's.
        (
            "A senior official, speaking on condition of anonymity, said it may fail.",
            "may",
            UNNAMED_OFFICIALS,
        ),
        ("According to the statement, the talks could resume.", "could", UNNAMED_OFFICIALS),
        # A name set off after what it names: "Chile's envoy, Mira Castell, said".
        ("Chile's envoy, Mira Castell, said rates could rise.", "could", "Mira Castell"),
        ("The newspaper reported that the talks could resume.", "could", UNNAMED_SOURCES),
        # A belief held in a clause with no subject of its own is the main subject's; with
        # no word of belief opening the clause, nobody is named as holding it.
        (
            "On Sunday, increasingly confident it might work, the police acted.",
            "might",
            UNNAMED_OFFICIALS,
        ),
        ("Fearing that the talks could fail, Brandt left early.", "could", "Oskar Brandt"),
        ("Brandt, fearing the talks could fail, left early.", "could", "Oskar Brandt"),
        ("Sure enough, the talks could fail.", "could", None),
        ("On Sunday, the talks could fail, Brandt's aides left.", "could", None),
    ],
)
def test_who_a_description_or_an_aside_means(text: str, cue: str, voice: str | None) -> None:
    article = "Oskar Brandt met Mira Castell in Lisbon. " + text
    sentences = tuple((s.start, s.end) for s in split_sentences(article))
    speakers = Speakers(article, sentences, PEOPLE, OFFICES)
    at = article.index(cue, sentences[-1][0])
    assert speakers.voice(sentences[-1], (at, at + len(cue))) == voice


def test_of_two_holders_of_a_title_neither_is_guessed() -> None:
    article = 'Oskar Brandt met Mira Castell. "It may fail," the minister said.'
    sentences = tuple((s.start, s.end) for s in split_sentences(article))
    offices = (("Oskar Brandt", "foreign minister"), ("Mira Castell", "trade minister"))
    speakers = Speakers(article, sentences, PEOPLE, offices)
    at = article.index("may")
    assert speakers.voice(sentences[-1], (at, at + 3)) is None


def test_a_reporter_named_after_the_outlet_and_set_off_by_asides_speaks() -> None:
    sentence = (
        "Talks may fail, Al Jazeera's Timo Lee, reporting from Lyon, on the French side of "
        "the border, said."
    )
    assert voice_of(sentence, PEOPLE) == "Timo Lee"  # one the people pass missed
    # Capitals after a preposition in the aside are a place, not the speaker.
    assert voice_of("Talks may fail, reporting from Dead Sea, in Jordan, he said.", PEOPLE) != (
        "Dead Sea"
    )


def test_he_said_after_a_he_said_goes_back_to_whom_the_first_means() -> None:
    article = (
        "Oskar Brandt met Mira Castell in Lyon. The French leader stressed the need. "
        '"If this happens, we will be glad," he said. "If not, a meeting may follow," he said.'
    )
    countries = (("Oskar Brandt", "france"), ("Mira Castell", "chile"))
    assert _last_voice(article, countries=countries) == "Oskar Brandt"


def test_a_quotation_after_one_told_to_an_agency_by_a_described_speaker_is_theirs() -> None:
    article = (
        "Oskar Brandt met Mira Castell. "
        '"Talks went well," Brandt Okafor, a Lima political analyst, told The Associated Press '
        'news agency. "This shows the deal may hold."'
    )
    # Not Oskar Brandt, whom "Brandt" alone would mean: the analyst named in full.
    assert _last_voice(article) == "Brandt Okafor"


def test_the_two_sides_are_the_two_the_sentence_before_names_else_officials() -> None:
    sentence = "The two sides vowed that talks may resume."
    named = "During her visit, Castell and Brandt inked a plan."
    assert voice_of(sentence, PEOPLE, previous=named) is None  # those two, as "they" would be
    unnamed = "Ministers from Lyon and Lima met on Monday."
    assert voice_of(sentence, PEOPLE, previous=unnamed) == UNNAMED_OFFICIALS


def test_aides_are_officials_but_not_the_he_after_them() -> None:
    assert voice_of("On those trips, aides expect talks may follow.", PEOPLE) == UNNAMED_OFFICIALS
    told = "Castell has told aides she hopes talks may follow."
    assert voice_of(told, PEOPLE, previous="Oskar Brandt spoke.") == "Mira Castell"
    told = "The minister has told aides he hopes talks may follow."
    assert voice_of(told, PEOPLE, previous="Oskar Brandt spoke.") == "Oskar Brandt"


def test_a_spokesman_named_after_whose_he_is_speaks_himself() -> None:
    people = (*PEOPLE, "Timo Lee")
    assert voice_of("Brandt's spokesman Timo Lee said it may fail.", people) == "Timo Lee"


def test_he_said_after_a_possessive_means_the_subject_not_the_owner() -> None:
    text = "Pak Myong Ho rebuffed Wang's proposal."
    people = ("Pak Myong Ho", "Wang Yi")
    assert voice_of("He said the drills must stop.", people, previous=text) == "Pak Myong Ho"
    # A possessive that opens its clause is the subject's own: "Merkel's visit began".
    earlier = "Donald Trump waited. Merkel's visit began on Friday."
    pair = ("Angela Merkel", "Donald Trump")
    assert voice_of("She said talks could resume.", pair, previous=earlier) == "Angela Merkel"


def test_the_holder_of_a_title_the_article_gives_is_called_by_it() -> None:
    # "Burgomaster" is in no list of offices; the article gives it to Brandt as a title.
    offices = (("Oskar Brandt", "Burgomaster"), ("Mira Castell", "envoy"))
    said = "The Burgomaster agreed with her and said the fund may grow."
    assert voice_of(said, PEOPLE, offices=offices) == "Oskar Brandt"
    assert voice_of(said, PEOPLE) == UNNAMED_OFFICIALS  # no title given: a body, like "the Fed"
    # "He" goes on from the subject called by the title, not from a name before it...
    earlier = "Mira Castell said talks went well. The Burgomaster agreed with her."
    he_said = "He said the fund may grow."
    assert voice_of(he_said, PEOPLE, previous=earlier, offices=offices) == "Oskar Brandt"
    # ... but not from one the title names as an object.
    earlier = "Mira Castell said she thanked the Burgomaster for his help."
    assert voice_of("She said the fund may grow.", PEOPLE, previous=earlier, offices=offices) == (
        "Mira Castell"
    )


def test_whose_claims_are_the_subject_does_not_voice_the_sentence() -> None:
    subject = "Despite her claims, Castell's claims are seemingly a lost cause."
    assert voice_of(subject, PEOPLE, before=subject.index("seemingly")) is None
    # Whose pledge it is, where the pledge is something to do: theirs.
    pledge = "Officials are also concerned about Mr Brandt's pledge to renegotiate trade."
    assert voice_of(pledge, PEOPLE) == "Oskar Brandt"


def test_views_no_one_named_holds_are_unnamed_sources() -> None:
    fears = "The process has stalled and there are fears that Lyon could exert influence."
    assert voice_of(fears, PEOPLE, before=fears.index("could")) == "unnamed sources"
    concerns = "There are also growing concerns that tensions are rising in the region."
    assert voice_of(concerns, PEOPLE) == "unnamed sources"


def test_a_quotation_opening_the_sentence_after_an_attributed_one_is_that_speaker_s() -> None:
    text = (
        "Both sides, said Oskar Brandt, needed the pact to work. "
        '"If we succeed, it will be the blueprint. If not, this could be the last." '
        "Officials met again."
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    speakers = Speakers(text, sentences, PEOPLE)
    for cue in ("will", "could"):
        at = text.index(cue)
        span = next((a, b) for a, b in sentences if a <= at < b)
        assert speakers.voice(span, (at, at + len(cue))) == "Oskar Brandt"
    # After a sentence no one is named speaking, the quotation stays unattributed.
    alone = 'The pact was signed. "This could be the last."'
    sentences = tuple((s.start, s.end) for s in split_sentences(alone))
    at = alone.index("could")
    span = next((a, b) for a, b in sentences if a <= at < b)
    assert Speakers(alone, sentences, PEOPLE).voice(span, (at, at + 5)) is None


def test_a_subject_set_off_by_a_relative_clause_or_dashes_still_speaks() -> None:
    people = ("Oskar Brandt", "Mira May")
    relative = "Ms May, who will sign the pact on Friday, earlier told staff that ties could grow."
    assert voice_of(relative, people) == "Mira May"
    dashes = "Ms May - who took no questions after her 10-minute speech - also said it may grow."
    assert voice_of(dashes, people) == "Mira May"
    # A bare auxiliary after the aside is the verb's, no adverb: the sentence names no one.
    indicative = "The row with Lyon, however, is indicative of a divide at a time of change."
    assert voice_of(indicative, people) is None


def test_added_attributes_and_a_verb_joined_by_but_keeps_the_first_subject() -> None:
    earlier = "Oskar Brandt said the talks went well. "
    assert voice_of("He added that ties could grow.", PEOPLE, previous=earlier) == "Oskar Brandt"
    joined = "Mr. Brandt said he would consider Ms Castell but added, \u201cThey may stay.\u201d"
    assert voice_of(joined, PEOPLE) == "Oskar Brandt"


def test_a_speech_announced_is_its_speaker_s() -> None:
    earlier = "Mira Castell will address staff in Porto."
    assert voice_of("She is expected to say: ", PEOPLE, previous=earlier) == "Mira Castell"
    text = (
        "Mira Castell will address staff in Porto. "
        'She is expected to say: "Our goal is a more united nation.'
    )
    sentences = tuple((s.start, s.end) for s in split_sentences(text))
    span = sentences[-1]
    at = text.index("goal")
    assert Speakers(text, sentences, PEOPLE).voice(span, (at, at + 4)) == "Mira Castell"


def test_the_name_a_chain_of_descriptions_describes_speaks_named_or_not() -> None:
    chain = (
        '"It is bad," Alaa Tartir, programme director at Al Shabaka, the Policy Network, told CNN.'
    )
    assert voice_of(chain, PEOPLE) == "Alaa Tartir"
    office = "Oskar Brandt, Secretary-General of the Arab League, said the bloc may act."
    assert voice_of(office, PEOPLE) == "Oskar Brandt"
    fronted = "A professor of politics, Mahjoob Zweiri, said he expects criticism."
    assert voice_of(fronted, PEOPLE) == "Mahjoob Zweiri"
    # After a verb with no object, a name the people pass missed; not whom it was told.
    assert voice_of('"We must start somewhere," added Zaki.', PEOPLE) == "Zaki"
    told = "Mohamed Aloush, head of the delegation at the talks, told Al Jazeera it may end."
    assert voice_of(told, PEOPLE) != "Al Jazeera"


def test_a_relative_clause_on_a_thing_is_not_the_claims_attribution() -> None:
    visit = (
        "A visit to Lisbon, which Prime Minister Oskar Brandt announced in January, was "
        "originally expected in May, officials said privately."
    )
    assert voice_of(visit, PEOPLE, before=visit.index("expected")) == UNNAMED_OFFICIALS
    # A which-clause with a verb of its own, ended by a dash, leaves the subject speaking.
    people = ("Oskar Brandt", "Mira May")
    ended = "Ms May - whose speech, which focused on aid, was short - also said ties may grow."
    assert voice_of(ended, people, before=ended.index("may grow")) == "Mira May"


def test_a_family_name_alone_speaks_for_the_described_person_the_people_missed() -> None:
    earlier = '"It is easy," said Laura Dawson, the director of the Canada Institute. '
    said = "Dawson said Brandt would likely be met by protests."
    assert voice_of(said, PEOPLE, previous=earlier) == "Laura Dawson"
    # Not a body nor an office before a name: no person is described there.
    body = "Amnesty International said the visit was short. "
    assert voice_of("International said it may end.", PEOPLE, previous=body) is None
    office = "He met President Brandt, the host. "
    assert voice_of("Brandt said it may end.", (), previous=office) is None


def test_speculation_with_its_that_left_out_is_held_by_no_one_named() -> None:
    sentence = "But there has been speculation she will delay the vote until the talks end."
    assert voice_of(sentence, PEOPLE, before=sentence.index("will")) == "unnamed sources"


@pytest.mark.parametrize(
    "sentence",
    [
        "But there's a view that another summit could extend her term.",
        "There\u2019s speculation she will delay the vote until the talks end.",
        "There are views that another summit could extend her term.",
    ],
)
def test_a_view_no_one_named_holds_is_unnamed_sources(sentence: str) -> None:
    cue = "could" if "could" in sentence else "will"
    assert voice_of(sentence, PEOPLE, before=sentence.index(cue)) == "unnamed sources"


def test_who_voiced_a_view_voices_it() -> None:
    voiced = "Brandt and Castell voiced confidence they could settle the dispute."
    assert voice_of(voiced, PEOPLE, before=voiced.index("could")) == "Oskar Brandt"


def test_a_mark_before_a_capital_after_a_space_is_a_dash_undecoded_not_a_quotation() -> None:
    earlier = (
        'Chair Oskar Brandt tells @radio he sees no change pic.twitter.com/x1 "?RT? News '
        "(@radio) March 19, 2017"
    )
    said = "He did not believe there was any appetite for it, he added."
    assert quotations(f"{earlier} {said}") == ()
    # The sentence before, with its link and a letter the scrape lost ("RT?"), gives its
    # words to Brandt, whom "he added" goes on from.
    assert voice_of(said, PEOPLE, previous=earlier) == "Oskar Brandt"


def test_a_described_speaker_is_read_past_a_scrape_s_hyphen_and_the_post_after_the_office() -> None:
    offices = (("Oskar Brandt", "ambassador to Peru"), ("Mira Castell", "envoy"))
    said = "It is too early to discuss the offensive, the Lyon ambassador to Peru-has warned."
    assert voice_of(said, PEOPLE, offices=offices) == "Oskar Brandt"


def test_leaders_unnamed_are_officials() -> None:
    vowed = "Leaders also vowed to help set up safe camps, after rights groups criticized them."
    assert voice_of(vowed, PEOPLE, before=vowed.index("vowed")) == UNNAMED_OFFICIALS


def test_of_two_holding_one_office_the_words_before_it_tell_which() -> None:
    offices = (("Oskar Brandt", "Berlin Mayor"), ("Mira Castell", "Moscow Mayor"))
    said = "The memorandum is a major point, the Berlin mayor said."
    assert voice_of(said, PEOPLE, offices=offices) == "Oskar Brandt"
    assert voice_of("It is a major point, the mayor said.", PEOPLE, offices=offices) is None


@pytest.mark.parametrize(
    ("sentence", "cue", "voice"),
    [
        ("Brandt allegedly hinted that Lima might lift the sanctions.", "might", "unnamed sources"),
        ("His selection is seen by some as a nod to the clans.", "seen", "unnamed sources"),
        (
            "It is a worry for some in Europe, who fear the hacks could sway votes.",
            "could",
            "unnamed sources",
        ),
        (
            "US intelligence believes that Lyon tried to sway the vote.",
            "believes",
            UNNAMED_OFFICIALS,
        ),
    ],
)
def test_hearsay_some_and_intelligence_are_voices_no_one_named(
    sentence: str, cue: str, voice: str
) -> None:
    assert voice_of(sentence, PEOPLE, before=sentence.index(cue)) == voice


def test_a_word_or_two_marked_inside_a_sentence_are_its_attribution_s() -> None:
    article = (
        "Velt played golf on Sunday. "
        'Aides declined to confirm it, instead telling reporters that Velt "may" hit balls.'
    )
    assert _last_voice(article) == UNNAMED_OFFICIALS
    # A quotation that opens its sentence keeps its own speaker, or none.
    assert _last_voice('Velt left. "Talks may resume," Castell said.') == "Mira Castell"


def test_a_relative_pronoun_voices_what_it_stands_for() -> None:
    offices = (("Oskar Brandt", "Mayor"),)
    who = "The mayor, who has acknowledged that Lima was likely behind it, denied any contacts."
    assert voice_of(who, PEOPLE, before=who.index("likely"), offices=offices) == "Oskar Brandt"
    which = "A joint statement was adopted in May, which said that talks could resume."
    assert voice_of(which, PEOPLE, before=which.index("could")) == UNNAMED_OFFICIALS
    # a thing's "which" is no one's, whoever the clause before names
    pact = "The visit follows a pact between Oskar Brandt and Mira Castell, which promises aid."
    assert voice_of(pact, PEOPLE) is None


def test_the_bare_office_of_two_sharing_its_noun_is_the_one_with_it_alone() -> None:
    offices = (("Oskar Brandt", "Vice President"), ("Mira Castell", "US President"))
    said = "The deal may be signed, the president said."
    assert voice_of(said, PEOPLE, offices=offices) == "Mira Castell"
    both = (("Oskar Brandt", "President"), ("Mira Castell", "President"))
    assert voice_of(said, PEOPLE, offices=both) is None


def test_added_to_something_is_no_verb_of_saying() -> None:
    added = "Brandt's role has added to concerns that he may not be impartial."
    assert voice_of(added, PEOPLE, before=added.index("may")) is None
    told = "Brandt added to reporters that talks may resume."
    assert voice_of(told, PEOPLE, before=told.index("may")) == "Oskar Brandt"


def test_he_said_goes_on_from_the_speaker_past_a_title_s_point() -> None:
    before = "Mr. Brandt said he would replace Ms. Castell, including Arno Velt, an adviser. "
    said = "Earlier he said the talks may fail."
    assert voice_of(said, PEOPLE, previous=before, before=said.index("may")) == "Oskar Brandt"


def test_an_attribution_closing_the_sentence_may_run_on_in_phrases() -> None:
    long = (
        "Lyon and Lima could gain from lifting the sanctions, Berlin Mayor Oskar Brandt told "
        "the agency prior to heading for Lima on Monday."
    )
    assert voice_of(long, PEOPLE, before=long.index("could")) == "Oskar Brandt"
    # Words after the verb that make a clause of their own are no closing attribution.
    clause = (
        "Lyon and Lima could gain from lifting the sanctions, Brandt told the agency when "
        "the talks were over and the delegations had left Lima."
    )
    assert voice_of(clause, PEOPLE, before=clause.index("could")) is None
