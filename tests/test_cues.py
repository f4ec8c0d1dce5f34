"""Cue lexicons pick the sentences worth asking about; a hedge word used to state a fact is
not a cue. Invented sentences; no model runs."""

from __future__ import annotations

import pytest

from summarize.extract.cues import candidates, find_cues
from summarize.extract.numbered import number_sentences
from summarize.ingest.body import assemble_body
from summarize.llm.prompts import word_list


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporters could not verify the account.",  # past inability
        "The signals could not differ more.",
        "Exports were a bit weaker than expected.",  # an outcome against an expectation
        "As we had expected, the bank cut rates.",
        "The rise was widely expected.",
        "The rules target migrants for possible deportation.",  # a category, not a guess
        "The potential recruits were questioned on Monday.",
        "Guards are told to stop potential smugglers.",
        "She left to avoid the potential for an awkward exit.",
        "The two states risked a confrontation in 2015.",  # a risk taken
        "He will cut the deficit even at the risk of harming ties.",
        "Both leaders have shown they will take significant political risks.",
        "Police released a photo of the suspect.",  # nouns that only look like the verbs
        "A 28-year-old suspect was held; the suspect's car was found.",
        "Her joint appearance with the president drew praise.",
        "Readers have suggestions.",
        "She assumed office in May.",  # taken on, not supposed
        "Norway will assume a larger responsibility in the alliance.",
        "The mayor has indicated interest in a joint bid with two towns.",  # a plain object
        "He said the visit indicates the importance the bank attaches to trade.",
        '"Believe it or not, we are saving money," he said.',  # surprise, not belief
        "You won't believe it, but the plane is cheaper.",
        "Officers named the chief suspect on Friday.",
        "She said she hoped the mayor would stay on.",  # a wish, not a guess
        "We hope to see you all in Lyon.",
        "The union was worried about pay.",  # a feeling about what is, not a guess
        "Farmers expressed worry and anger at the tariffs.",
        "The minutes did not suggest a change of course.",  # a guess denied
        "There is no indication of foul play, the coroner said.",
        "Residents need not fear the drill.",
        "The mayor is suggesting that residents need to save water.",  # advice, no guess
        "I am not going to give the board advice.",  # an intent stated, not a guess
        "We're going to build the bridge.",
        "The team is going to destinations with short runways.",  # a movement
        "The minister is going to the summit.",
        "He hailed signs of hope.",
        "The deal is worth an estimated $4 billion.",  # a figure given as a round number
        "Maybe 30 people came to the rally.",
        "Asked if she would run, the mayor laughed.",  # a question asked, no condition
        "The talks will open in Oslo on Monday.",
        "Before the case could be heard, the man fled abroad.",  # a modal of time
        "The port was dredged so that larger ships might dock.",  # or of purpose
        "I asked the agency whether the delay could harm patients.",  # a question
        "I don't think it is normal that the treaty is unsigned.",  # a position, not a guess
        "Lyon believes it important to keep the format.",
        "Her speech is keenly anticipated as a counterweight.",  # awaited, no guess
        "Make sure to vote on Sunday.",
        "All eyes are on the summit, where Ruiz is expected to arrive on Friday.",  # a schedule
        "More than 500 guests are expected to attend the forum, which opens on Friday.",
        "I am confident that a good partnership with Lima is necessary for us.",  # a value
        "We think the old treaty was not very useful.",
        "We think it's not right to wait.",
        "The ministers will assess the possibilities to boost trade.",  # a topic of talks
        "The plant poses a deep risk to the region, he said.",  # an assessment of a threat
        "The readout left little doubt of his commitment.",  # a certainty
        "The premier is set to meet with the president Friday.",  # a schedule, with its day
        "Ruiz arrived on Thursday and the pact is set to pass.",  # or without it
        "Dell set to meet Ruiz at the palace",
        # A possibility as the topic of talks, an ability made real, a premise, a proposal.
        "The possibility of extending the U.S. pact is to be discussed in prospective talks.",
        "Support from Lima made it possible to create a good environment.",
        "The parties proceed from the assumption that the deal stands.",
        "While suggesting possible cooperation with Lima, Ruiz was critical.",
        "Ruiz suggested convening a summit.",
        "Dell suggested Ana Ruiz be appointed as envoy.",
        # An opinion in the first person with nothing to come; a think tank, thought leaders.
        '"I think it is one of the greats, but I do not have time," Ruiz said.',
        '"We think you are very strong and very brave."',
        "A report from a think tank in Lima found it.",
        "She met CEOs and thought leaders.",
        "Lima denies the allegations.",  # a thing named, as "the fears" is
        "Also Thursday, Gen. Ruiz, the army chief, was set to meet his counterpart.",
        '"We expect Chile to honor its commitments," Ruiz said.',  # a demand of a state
        "Ties were strained by the nations' fears of a resurgent Lima.",  # fears, as a thing
        "Ruiz did not oppose Dell's suggestion at the summit.",  # a proposal
        "How that may affect the bloc remains an unanswered question.",  # a question left open
        "It is too early to say how we could advance.",
        "Uncertainty about what steps Lyon may take remains.",
        "The policy is fueling primordial fears in many countries.",  # fears, as a thing
        "The first thing I thought of was the cost.",  # called to mind
        "The minister is supposed to attend.",  # a plan
        'She is expected to say: "Our goal is a more united nation."',  # a speech's words
        'The government has criticised what it sees as a "lack of engagement".',  # naming it
        '"Most worryingly, there has been no discussion over the costs.',  # how bad a fact is
        "Dell described the unrest as particularly worrisome.",  # how bad a fact is
        "The talks were for the treaty, and not the possibility of a referendum.",  # a topic
        '"In my view it\'s not right that the states stay out," she said.',  # a position
        'However, I think we need to start somewhere," Ruiz added.',  # what ought to be
        "Lima, fearful of armed groups, pushed for talks.",  # a feeling about a thing
        # What "would be" tells that foresees nothing: a plan told in the progressive, and an
        # assurance that something will not happen.
        "He said he would be speaking in a direct way when they met.",
        'Lima said its mayor would be "listening to people from across the nation".',
        'Ruiz said there would be "no mass deportations".',
        "Both Dell and Ruiz said there would be no recusal.",
        # Talk named as a thing, what a treaty is to be, a scrape's mark for an apostrophe.
        'The rebels stayed away, "preferring to make speculations about it".',
        "They met to establish what would be a binding treaty.",
        '"I don"t think that the agenda needs more work."',
        # A state's demand of a state; a preference on a condition.
        "Russia still expects Belarus to repay its gas debt, the deputy premier said.",
        "Of course, it would be better if all these efforts were under one umbrella.",
        "Here it would be right to speak about exchanging views.",  # a judgement
        # One's own plan reported; a question asked, with its "?" ("countries"?security" is a
        # scrape's mark, no question).
        "While in Lima he indicated he would-not announce any plans.",
        "He indicated to reporters in Quito that he will not run.",
        "And second, how might they vote if a referendum were held?",
        '"If there is any evidence of it, what will you do?" asked Ruiz.',
        # What was impossible; signs said to be absent.
        "It recalls the old union, when not a single decision could be made without Lima.",
        'The king ousted him "in the absence of signs that suggest an imminent" deal.',
        # Attending, a risk averted, a possibility dismissed, a question left unanswered.
        "Ruiz has agreed to appear before the Senate committee to answer questions.",
        "The extension staved off the risk of a suspension of self-rule.",
        "Defense officials, however, dismissed this possibility.",
        "He did not explain on what basis more time would be given.",
    ],
)
def test_a_hedge_word_stating_a_fact_is_no_cue(sentence: str) -> None:
    assert find_cues(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("It is possible that the talks fail.", "possible"),
        ("The talks could fail.", "could"),
        ("The talks could fail before they begin.", "could"),  # "before" after the modal
        ("Officials asked for more time; the plan may still fail.", "may"),
        ("Talks are expected to resume on Monday.", "are expected"),
        ("A potential deal could come soon.", "could"),
        ("The envoy may visit in May.", "may"),
        ("The police suspect that the fire was set.", "suspect"),
        ("It gave the appearance of a deal.", "appearance"),
        ("There were suggestions that he may quit.", "suggestions"),
        ("There was a suggestion that he may quit.", "suggestion"),
        ("He is supposed to be the richest man in town.", "supposed"),  # hearsay
        ("The move raised fears that the talks could collapse.", "fears"),
        ("How the talks go may decide the vote.", "may"),  # no question left open
        ("We assume the talks will fail.", "assume"),
        ("The figures indicate that rates will rise.", "indicate"),
        ("She indicated the bank would cut rates, aides said.", "indicated"),
        ("I believe it will rain on Monday.", "believe"),
        ("I think it is likely to rain.", "think"),  # a belief that judges no value
        ('"I don\'t think our allies will question it," he said.', "think"),  # something to come
        ("I think we'll see a deal.", "think"),
        ("Officials discussed the plan; the possibility of a strike remains.", "possibility"),
        ("There is a risk that talks fail.", "risk"),
        ("Hopefully the rain stops.", "Hopefully"),
        ("We will find a deal, I hope.", "hope"),  # softening what was just said
        ("Prices are going to rise.", "going to"),
        ("We're going to see more rate rises.", "going to"),  # a forecast
        ("The board is going to discuss tariffs.", "going to"),
        ("Traders worry that the bank will raise rates.", "worry"),
        ("There are growing concerns that tensions are rising.", "concerns that"),
        ("The data suggest that no rise is due.", "suggest"),
        ("Police suspect the driver was drunk.", "suspect"),
        ("His remarks sound like an old plan.", "sound like"),
        # A prediction on a condition, either way round.
        ("If the strike goes on, there will be shortages.", "If"),
        ("The bank would lose most if talks fail.", "if"),
        ("Even if talks fail, prices will hold.", "if"),  # a concession still predicts
        ("The navy has been seen by its rivals as a threat.", "seen by its rivals as"),
        ("But all signs point to the bank raising rates.", "signs point"),  # an inference
        ("The pact, set to enter force in months, may fail.", "may"),  # "set to": a schedule
        ("We expect inflation to rise next year.", "expect"),  # of no state: a forecast
        # What the traveler is expected to do there, with the day of the trip: a forecast.
        ("Ruiz travels on Friday, where he is expected to press Lima.", "is expected"),
        ("Lima fears a new arms race.", "fears"),  # the verb
        ("We are confident that the projects will help.", "confident that"),  # an expectation
        ("He expressed confidence that the visit will open a new page.", "confidence that"),
        ("Ruiz anticipates that Lima will commit in principle.", "anticipates that"),
        ("The party will almost certainly enter parliament.", "almost certainly"),
        ("Both leaders are sure to agree on some issues.", "are sure to"),
        # A possibility the sentence opens with is put forward, not named as a category.
        ("Potential trade wars loom on the horizon.", "Potential"),
        ("A possible solution for Lima is to buy gas.", "possible"),
        # An outcome left open is put forward as possible ("how" asks, guessing nothing).
        ("It is unclear if the plant will open.", "unclear if"),
        ("It is unclear whether Ruiz will follow through.", "unclear whether"),
        ("The mines will close unless Lima pays.", "unless"),
        ("Ruiz did not rule out that talks might resume.", "not rule out"),
        ("A meeting of the two is not ruled out.", "not ruled out"),
        ("It can be presumed that Lima was named.", "presumed"),
        # What a state is foreseen to be; an assurance on a condition is still a guess.
        ("Ruiz said rebuilding ties would be a long process.", "would be"),
        ("The deal would not be easy, Dell said.", "would not be"),
        ("Ruiz said there would be no unrest had Lima kept the port.", "would be"),
        ("There was speculation that Ruiz will quit.", "speculation"),
        ("There has been speculation she will delay the vote.", "speculation"),
        ("Speculation over whether he would resign grew.", "Speculation"),
        ('The best guarantee of NATO countries"?security may be ties with Lima.', "may"),
        ("Analysts expect Belarus to repay its gas debt.", "expect"),  # no state's demand
    ],
)
def test_speculation_keeps_its_cue(sentence: str, cue: str) -> None:
    assert find_cues(sentence)[0] == cue


def test_the_month_is_not_the_modal() -> None:
    assert find_cues("The summit opens on May 3.") == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The joint committee met at the plant.",  # "committee" is no "commit", "plant" no "plan"
        "The plane landed on an urgent mission.",
    ],
)
def test_an_aim_cue_is_a_word_not_a_string_prefix(sentence: str) -> None:
    assert find_cues(sentence, "aim_cues") == ()


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The ministers committed to a ceasefire.", "committed"),
        ("Both sides plan to reopen the border.", "plan"),
        ("She urged restraint.", "urged"),
        ("The bank decided to cut rates.", "decided to"),
        # A stem inside a cue of several words ("call* for") keeps its forms too.
        ("Lyon called for talks.", "called for"),
        ("Ana Ruiz is calling for a vote.", "calling for"),
    ],
)
def test_an_aim_cue_keeps_its_forms(sentence: str, cue: str) -> None:
    assert cue in find_cues(sentence, "aim_cues")


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister offered condolences to his counterpart.",  # a feeling voiced, no want
        'The envoy has expressed "irritation" about the new rules.',
        "She expressed her deep sympathy.",
        "The ministry issued a statement on his planned trip.",  # a plan named as a thing
        "Critics mocked the governor's proposed tax.",
        "Engagements were cancelled and a-planned trip fell victim to the snow.",  # wire hyphen
        "The envoy arrives on Monday at the invitation of the king.",  # who hosts
        "He lands in Oslo for talks expected to focus on fishing rights.",  # the writer's guess
        "Officials did not say how the talks went.",  # speech denied
        "\u201cI don\u2019t agree with the board on everything,\u201d she wrote.",
        "The envoy expresses 'satisfaction' the ban is not aimed at his country.",  # denied
        "The mayor abandoned, at least for now, his vow.",  # an aim given up
        "The US hasn't formally announced a decision on the offensive.",  # an announcement denied
        "The meeting will follow the agreement reached in December.",  # a thing, named
        "China has floated this plan twice.",
        "The talks bring a new bilateral agreement nearer.",  # adjectives between
        "Past sessions were marked by comity and a focus on shared priorities.",
        "Officials confirmed that Ruiz does not plan to visit Lima tomorrow.",  # a plan denied
        "There was no word on how the government intends to manage the costs.",  # only asked
    ],
)
def test_a_word_that_states_no_aim_is_no_aim_cue(sentence: str) -> None:
    assert find_cues(sentence, "aim_cues") == ()


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The ministry planned a second round of talks.", "planned"),
        ("She proposed a summit in June.", "proposed"),
        ("He invited the king to Oslo.", "invited"),
        ("It was the ministry that planned a second round.", "planned"),  # a relative clause
        ("The statement addresses the need for collaboration.", "the need for"),
        ("They welcomed his pledge of support.", "pledge"),  # a noun of committing
        ("The two ministers inked a plan on expanding cooperation.", "plan"),  # its intent after
    ],
)
def test_the_verb_keeps_its_aim_cue(sentence: str, cue: str) -> None:
    assert find_cues(sentence, "aim_cues") == (cue,)


def test_an_aim_noun_before_its_infinitive_or_used_as_a_verb_stays_a_cue() -> None:
    assert "plan" in find_cues("He unveiled a plan to open the port.", "aim_cues")
    assert "hopes" in find_cues("The United States hopes to finish the text.", "aim_cues")


def test_a_want_expressed_keeps_its_cue() -> None:
    assert find_cues("He expressed hope for a deal.", "aim_cues") == ("expressed", "hope")


def _aim_candidates(*sentences: str) -> list[str]:
    text = " ".join(sentences)
    numbered = number_sentences(assemble_body(text, [(0, len(text))], []))
    return [s.text for c in candidates(numbered, "aim_cues") if (s := numbered.get(c.n))]


def test_speech_alone_is_an_aim_candidate_only_with_a_form_of_intent() -> None:
    facts = "He said the plant had opened in 1995."  # a verb of saying and a fact
    intent = "He said Chile would expand the port."  # ... and a modal before a verb
    told = "She told the envoys to leave the talks."  # ... and an infinitive
    to_a_place = "She told reporters in Lisbon that she flew to Madrid."  # "to" a place
    pledged = "Both sides pledged closer ties."  # an aim word of its own

    stressed = '"Chile is responsible for that," Ruiz stressed.'  # speech too
    reiterated = "The best guarantee of security is good ties with Lima, Ruiz reiterated."
    offered = "Ruiz said the reasons the rebels offered were weak."
    offered_to = "Ruiz offered to mediate between the two sides."  # ... and what for
    # A modal a scrape glued to its verb with a hyphen ("would-deal"), not "would-be".
    glued = "Ruiz told the party that he would-deal with his future after the summit."
    would_be = "Ruiz said the would-be mayor was a friend."

    kept = _aim_candidates(
        facts, intent, told, to_a_place, pledged, stressed, reiterated, offered, offered_to
    )
    assert kept == [intent, told, pledged, offered_to]
    assert _aim_candidates(glued, would_be) == [glued]
    # What someone expects others to do is a forecast: "expected the talks to conclude".
    expected = "Ruiz said he expected the talks with Lima and Quito to conclude by May."
    assert _aim_candidates(expected) == []


def test_a_modal_no_one_is_said_to_state_is_no_aim_candidate() -> None:
    forecast = "The missiles would significantly boost the navy's reach."
    schedule = "Talks on the port will be held in May."
    stated = "Ruiz said the missiles would boost the navy's reach."  # someone states it
    kept = _aim_candidates(forecast, schedule, stated)
    assert kept == [stated]


def test_an_act_reported_is_an_aim_candidate_only_with_a_form_of_intent() -> None:
    invited = "The king invited the envoy during their meeting on Sunday."  # an act, done
    signed = "Chile signed a trade pact with Peru last year."
    invited_to = "The king invited the envoy to open a consulate."  # ... and what for
    discussed = "The ministers discussed fisheries and tourism on Monday."
    to_discuss = "The ministers will meet on Monday to discuss fisheries."

    assert _aim_candidates(invited, signed, invited_to) == [invited_to]
    assert _aim_candidates(discussed, to_discuss) == [to_discuss]


def test_should_that_tells_how_to_read_something_or_asks_states_no_aim() -> None:
    know = 'Asked about the row, Ruiz replied: "You should know we do not interfere."'
    construed = 'The rise should be "understood as a sign of confidence," she said.'
    confused = 'He added: "Our views should not be confused with theirs."'
    asked = "The two sides are deadlocked over who should lead the talks."
    question = "Where should the new port go?"
    urged = "The mayor said residents should remain vigilant."  # a call to act
    focus = "The talks should focus on trade, he said."

    kept = _aim_candidates(know, construed, confused, asked, question, urged, focus)

    assert kept == [urged, focus]


def test_an_infinitive_after_a_ranked_noun_states_no_intent() -> None:
    ranked = "Officials said she is the country's first foreign minister to travel there."
    only = "He said he was the only leader to attend the summit."
    month = "He said troops went in last August to drive out the rebels."  # "last" of a date
    step = "She said the next step is to expand the port."  # the rank is not the infinitive's

    assert _aim_candidates(ranked, only, month, step) == [month, step]


def test_the_word_after_to_or_a_modal_must_be_a_verb() -> None:
    reporters = "Speaking to reporters after the talks, she said they were useful."
    regional = "He said the missiles were a threat to regional security."
    always = 'He said of the two nations, "there will always be differences".'
    not_easy = "She said the rebuilding would be long and would not be easy."  # no passive
    passive = "He said the police would not be deputised for the raids."  # an intent, passive
    also = "Visits by former residents will also be addressed, they said."
    also_verb = "He said the minister will also raise the issue with his counterpart."

    kept = _aim_candidates(reporters, regional, always, not_easy, passive, also, also_verb)

    assert kept == [passive, also, also_verb]


def test_a_travel_plan_is_a_schedule_not_an_aim() -> None:
    plans = "Italian President Ana Ruiz plans to visit Lisbon in April, her ambassador said."
    hosts = "Dell will host Castell for talks in Lisbon on April 3, an official said."
    agreed = "Dell has also agreed to attend a summit of NATO leaders in Brussels."
    invited = "He said he had accepted invitations to visit Britain and Japan."
    hoped = "Ruiz said she hoped the visit would shine a spotlight on the crisis."
    talks = "Ruiz plans to visit Lisbon to strengthen trade ties, she said."

    kept = _aim_candidates(plans, hosts, agreed, invited, hoped, talks)

    assert kept == [hoped, talks]


def test_an_ability_an_outcome_a_difficulty_or_an_idiom_states_no_intent() -> None:
    able = '"He is able to relax on the golf course," said a club member.'
    failed = '"The previous government failed to acknowledge that," said the minister.'
    idiom = "He said two countries would differ from time to time."  # "would differ": kept
    face = "Face to face with the press, she said it was over."
    hard = '"Other steps will be hard to take if we do not agree," the minister added.'
    easy = '"It is not going to be easy to end this conflict," Ruiz told the delegates.'

    assert _aim_candidates(able, failed, idiom, face, hard, easy) == [idiom]


def test_an_infinitive_no_one_intends_states_no_aim() -> None:
    seeming = "That appeared to contradict what the minister had said, the spokesman added."
    begun = '"When the army began to lose ground, the jets came," said a commander.'
    allowed = '"No one is allowed to visit the island," the envoy said.'
    belief = "The jets hit a school, believing it to hold fighters, the ministry said."
    quick = "Ruiz said a deal was near, but officials were quick to deny it."
    right = "He said other states have the right to fish there."
    kept = "Ruiz said Valdoria was determined to expand ties."  # an intent: still a candidate

    assert _aim_candidates(seeming, begun, allowed, belief, quick, right, kept) == [kept]


def test_every_report_only_aim_cue_is_an_aim_cue() -> None:
    for entry in word_list("aim_report_cues"):
        assert find_cues(f"They {entry} it.", "aim_cues") == (entry,), entry


@pytest.mark.parametrize(
    "sentence",
    [
        '"As far as I know, a visit to Lisbon by the minister is in the offing."',
        "The trip is viewed as signaling a shift in alliances, according to some analysts.",
    ],
)
def test_hearsay_and_views_held_by_no_one_named_are_hedge_cues(sentence: str) -> None:
    assert find_cues(sentence, "hedge_cues")
