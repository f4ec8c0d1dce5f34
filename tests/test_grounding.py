"""Answers checked against the numbered sentences: a trip stands only on a sentence that names
who went and where, and a traveler named nowhere is replaced only by construction."""

from __future__ import annotations

from functools import partial

from pydantic import BaseModel

from summarize.extract.claim_grounding import ground_aims, ground_hedges
from summarize.extract.drafts import UnjudgedAim
from summarize.extract.event_grounding import destination, ground_events, left_from
from summarize.extract.grounding import (
    ArticleContext,
    Event,
    Person,
    fullest_name,
    ground_people,
    person_name,
)
from summarize.extract.name_mentions import name_positions, names_person
from summarize.extract.numbered import Numbered, number_sentences
from summarize.extract.office_holders import find_office_holders, named_again
from summarize.extract.passes import with_office_holder
from summarize.ingest.body import assemble_body

TEXT = (
    "Officials in Tallinn welcomed the plan. "
    "A delegation led by Deputy Prime Minister Pavel Orlin paid a visit to Hanoi in May. "
    "Foreign Minister Oskar Brandt met Mira Castell and Pavel Orlin in Hanoi."
)


class _Event(BaseModel):
    who: str
    kind: str = "trip"
    place: str | None = "Hanoi"
    when: str | None = "May"
    status: str = "past"
    met: str | None = None
    n: int


def _numbered(text: str) -> Numbered:
    """The whole text as one article's numbered sentences."""
    return number_sentences(assemble_body(text, [(0, len(text))], []))


def _grounded_title(ctx: ArticleContext, name: str, given: str) -> str | None:
    """The title a person keeps once grounded, where the model gave ``given``."""
    return ground_people([_PersonDraft(name=name, title=given)], ctx).items[0].title


def _ctx(text: str = TEXT) -> ArticleContext:
    """The article numbered, with its three Estonian officials as the people found."""
    people = [
        Person(name, True, None, "Estonia", ())
        for name in ("Pavel Orlin", "Oskar Brandt", "Mira Castell")
    ]
    return ArticleContext(_numbered(text), None, people)


def test_a_traveler_named_nowhere_becomes_the_one_person_the_sentence_names() -> None:
    text = TEXT.replace("met Mira Castell and Pavel Orlin in Hanoi", "stayed in Tallinn")
    ctx = _ctx(text)
    wrong = _Event(who="Oskar Brandt", met="Pavel Orlin", n=2)

    grounded = ground_events([wrong], ctx, [1, 2])

    assert [(e.who, e.place, e.met) for e in grounded.items] == [("Pavel Orlin", "Hanoi", None)]
    assert "the one person sentence 2 names, 'Pavel Orlin'" in grounded.notes[0]


def test_a_sentence_naming_several_people_is_not_guessed_from() -> None:
    ctx = _ctx()
    # Sentence 3 names three people; a traveler the model put where none of the given
    # sentences names them is dropped, not reassigned to one of the three.
    outsider = _Event(who="Arno Velt", when=None, n=3)

    grounded = ground_events([outsider], ctx, [3])

    assert grounded.items == []
    assert "no sentence given names 'Arno Velt'" in grounded.dropped[0].reason


def test_a_common_noun_or_a_possessive_is_not_a_name() -> None:
    text = (
        "The British surveillance agency denied it. "
        "Clinton wants to be America's Angela Merkel, he said."
    )
    ctx = ArticleContext(_numbered(text))

    assert person_name("Agency", ctx) is None  # the article never capitalizes it
    assert person_name("America's Angela Merkel", ctx) == "Angela Merkel"
    assert person_name("Clinton", ctx) == "Clinton"
    # An office written into the name is cut off, even before a surname alone.
    assert person_name("Lyon Bank President Morel", ctx) == "Morel"
    # A number is no part of a name: "Air Force One" read as the office "Air" of "Force One".
    assert person_name("Force One", ctx) is None
    # A body whose name a modifier opens: not the one word after it.
    assert person_name("United Nations", ctx) is None
    assert person_name("Federal Reserve", ctx) is None
    # ... past a country word too; and an office before a name is still cut off.
    assert person_name("Chilean Air Force", ctx) is None
    assert person_name("Chilean President Clinton", ctx) == "Clinton"


def test_a_common_noun_left_after_an_office_word_is_not_a_name() -> None:
    text = "Lyon's Foreign Ministry said so. A foreign ministry official agreed with Castell."
    ctx = ArticleContext(_numbered(text))
    # "Ministry" is capitalized once, but written in lower case too: a common noun.
    assert person_name("Lyon's Foreign Ministry", ctx) is None
    assert person_name("Foreign Minister Castell", ctx) == "Castell"


def test_a_middle_initial_is_part_of_a_name_and_a_sentence_opener_is_not() -> None:
    text = "Trade grew, but slowly.\nBut Mira Castell said no. Robert M. Danin agreed."
    ctx = ArticleContext(_numbered(text))

    assert person_name("Robert M. Danin", ctx) == "Robert M. Danin"  # "M." is no acronym
    assert person_name("NATO", ctx) is None
    # An office held at a body known by its initials ends before the name.
    assert person_name("Syrian envoy to the UN Bashar Jaafari", ctx) == "Bashar Jaafari"
    assert person_name("Ambassador to the UN Nikki Haley", ctx) == "Nikki Haley"
    assert person_name("UN Security Council", ctx) is None
    # A scrape's hyphen joins a body's last word to a name: the body's word stands alone too.
    joined = (
        "Palestinian Authority-Mahmoud Abbas came. The Palestinian Authority may back the "
        "Palestinian cause."
    )
    joined_ctx = ArticleContext(_numbered(joined))
    assert person_name("Authority-Mahmoud Abbas", joined_ctx) == "Mahmoud Abbas"
    assert person_name("Palestinian Authority-Mahmoud Abbas", joined_ctx) == "Mahmoud Abbas"
    assert person_name("Jean-Claude Juncker", joined_ctx) == "Jean-Claude Juncker"
    assert fullest_name("Abbas", joined) == "Mahmoud Abbas"  # the full form stops there too
    assert fullest_name("Juncker", "Jean-Claude Juncker came.") == "Jean-Claude Juncker"
    spelled = ArticleContext(_numbered("Abdel-Fattah el-Sissi came. Abdel Fattah el-Sisi spoke."))
    assert person_name("Abdel-Fattah el-Sissi", spelled) == "Abdel-Fattah el-Sissi"
    assert fullest_name("Mira Castell", text) == "Mira Castell"  # "But" opens the sentence
    assert fullest_name("Danin", text) == "Robert M. Danin"  # "M." ends no clause
    # Two people share a surname: which one it means is not known.
    both = "Ivanka Trump spoke. Donald J. Trump agreed. Mr. Trump left."
    assert fullest_name("Trump", both) == "Trump"
    assert fullest_name("Trump", "Donald Trump spoke. Donald J. Trump left.") == "Donald J. Trump"
    # A surname a sentence uses before its one full form is someone else's; a headline's
    # surname is not such a sentence.
    later = "Haley to Quit\nMr. Trump said she would go. His daughter Ivanka Trump agreed."
    assert fullest_name("Trump", later) == "Trump"
    assert fullest_name("Haley", "Haley to Quit\nNikki Haley will go.") == "Nikki Haley"
    # A function word opening a sentence is none of the name, though never written in lower
    # case: "Although Brandt" is no second full form.
    opener = "Foreign Minister Oskar Brandt arrived. Although Brandt is new, he knows them."
    assert fullest_name("Brandt", opener) == "Oskar Brandt"


def test_a_name_with_a_particle_or_an_initial_is_one_name() -> None:
    text = (
        "Mayor Bill de Blasio spoke first. Foreign Minister Ana de la Cruz agreed, and "
        "Mayor J. Christian Bollwage of Elizabeth said the search went on."
    )
    holders = [(h.office, h.name) for h in find_office_holders(text)]
    assert holders == [
        ("Mayor", "Bill de Blasio"),
        ("Foreign Minister", "Ana de la Cruz"),
        ("Mayor", "J. Christian Bollwage"),
    ]


def test_initials_in_a_name_are_no_body_s_acronym() -> None:
    text = "An adviser, J.D. Hale, met George H.W. Castell and NATO and U.S. envoys."
    ctx = ArticleContext(_numbered(text))

    assert person_name("J.D. Hale", ctx) == "J.D. Hale"
    assert person_name("George H.W. Castell", ctx) == "George H.W. Castell"
    assert person_name("NATO", ctx) is None
    assert person_name("U.S.", ctx) is None
    assert ground_people([_PersonDraft(name="J.D. Hale")], ctx).items[0].name == "J.D. Hale"


def test_a_name_joined_to_its_particle_by_a_hyphen_is_one_name() -> None:
    text = "Syrian President Bashar al-Assad met Egyptian President Abdel Fattah el-Sisi."
    ctx = ArticleContext(_numbered(text))

    holders = [(h.office, h.name) for h in find_office_holders(text)]

    assert holders == [("President", "Bashar al-Assad"), ("President", "Abdel Fattah el-Sisi")]
    assert person_name("Syrian President Bashar al-Assad", ctx) == "Bashar al-Assad"
    assert person_name("al-Bab", ctx) is None  # a particle opens no name


def test_an_office_after_the_name_or_in_lower_case_names_its_holder() -> None:
    text = (
        "President Ana Ruiz of Chile met national security adviser Tom Hale and Arno Velt, "
        "the Estonian envoy to Peru, on Monday. Hale said little. Lee Min Soo, a former "
        "minister, left. "
        "A senior White House aide spoke."
    )
    holders = [(h.name, h.office, h.country, h.former) for h in find_office_holders(text)]
    assert holders == [
        ("Ana Ruiz", "President", "Chile", False),  # the country after the name
        ("Tom Hale", "national security adviser", None, False),  # "Hale" stands alone again
        ("Arno Velt", "Estonian envoy to Peru", "Estonia", False),  # Estonia's, not Peru's
        ("Lee Min Soo", "former minister", None, True),
    ]  # "senior White House" is named nowhere again: no one
    # Named once, the lower-case office is a holder's where the people pass found the name.
    once = "Kremlin spokesman Oskar Brandt confirmed the talks."
    assert find_office_holders(once) == []
    found = find_office_holders(once, known=["Oskar Brandt"])
    assert [(h.name, h.office) for h in found] == [("Oskar Brandt", "spokesman")]


def test_an_abbreviated_rank_an_apostrophe_name_and_a_one_word_name_hold_offices() -> None:
    text = (
        "Capt. James Sarnicki of the Linden police spoke. The police commissioner, James P. "
        "O\u2019Neill, agreed. Mr. O\u2019Neill left. President Obama arrived; Mr. Obama spoke. "
        "Sen. Ana Ruiz asked."
    )
    holders = find_office_holders(text)
    assert [(h.name, h.office) for h in holders] == [
        ("James Sarnicki", "Capt."),
        ("James P. O\u2019Neill", "police commissioner"),
        ("Obama", "President"),
        ("Ana Ruiz", "Sen."),  # a senator as news abbreviates the office; nameparser lacks it
    ]
    assert named_again(holders[2], text)  # "Mr. Obama": a one-word name named again


def test_one_office_in_the_plural_before_two_names_is_each_ones() -> None:
    text = (
        "Some critics, including Sens. Ana Ruiz and Tom McHale, spoke. Reps.-Arno Velt (D) "
        "and Lee Dorn (R) drove home. Estonian and Chilean Foreign Ministers Mira Castell and "
        "Jon Hale met. Senate and House Minority Leaders Oskar Brandt and Pavel Orlin agreed."
    )
    holders = [(h.name, h.office, h.country) for h in find_office_holders(text)]
    assert holders == [
        ("Ana Ruiz", "Sen.", None),
        ("Tom McHale", "Sen.", None),  # a capital after "Mc" is still one name
        ("Arno Velt", "Rep.", None),
        ("Lee Dorn", "Rep.", None),
        ("Mira Castell", "Foreign Minister", "Estonia"),  # the words before "and" in turn
        ("Jon Hale", "Foreign Minister", "Chile"),
        ("Oskar Brandt", "Senate Minority Leader", None),
        ("Pavel Orlin", "House Minority Leader", None),
    ]


def test_a_caption_running_into_a_sentence_ends_the_name() -> None:
    text = "Long-time attendee: Senator Tom McHale As things stand, the talks go on."
    assert [(h.name, h.office) for h in find_office_holders(text)] == [("Tom McHale", "Senator")]


def test_an_office_is_not_read_as_a_first_name() -> None:
    holders = find_office_holders("Speaking first, Foreign Minister Castell said no.")
    assert [h.name for h in holders] == []  # not "Minister Castell" of the office "Foreign"


def test_a_body_an_office_heads_is_no_holder() -> None:
    text = "General Harbour Lisbon CEO Ana Ruiz spoke. General Tomas Dell spoke."
    holders = [(h.office, h.name) for h in find_office_holders(text)]
    # "General Harbour Lisbon" is the company Ruiz heads, not a general's name.
    assert holders == [("General", "Tomas Dell")]


def test_a_given_name_is_not_read_as_the_last_word_of_a_ministry() -> None:
    def holders(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
        found = find_office_holders(text, known)
        return [(h.office, h.name, text[h.start : h.end]) for h in found]

    # The name would open with an initial; the article writes "Ana Brandt" elsewhere; the
    # people pass found "Ana Ruiz Brandt": the given name is the name's.
    assert holders("Secretary of State Ana W. Brandt left.") == [
        ("Secretary of State", "Ana W. Brandt", "Ana W. Brandt")
    ]
    assert holders("Secretary of State Ana Ruiz Brandt left. Ana Brandt said.")[0][:2] == (
        "Secretary of State",
        "Ana Ruiz Brandt",
    )
    assert holders("Secretary of State Ana Ruiz Brandt left.", ("Ana Ruiz Brandt",)) == [
        ("Secretary of State", "Ana Ruiz Brandt", "Ana Ruiz Brandt")
    ]
    # A ministry's own last word stays its own.
    assert holders("Minister of Foreign Affairs Oskar Brandt left.") == [
        ("Minister of Foreign Affairs", "Oskar Brandt", "Oskar Brandt")
    ]


def test_each_holder_of_a_list_of_offices_is_read_with_the_lists_country() -> None:
    text = (
        "Dell will meet Portugal's Foreign Minister Oskar Brandt, Premier of the State Council "
        "Ana Ruiz and State Councilor Mira Castell. "
        "Chilean President Tomas Lagos and President Ana Brandt spoke."
    )
    holders = [(h.office, h.name, h.country) for h in find_office_holders(text)]

    # The ministry's words end where the next office begins ("Councilor", the American
    # spelling of nameparser's "councillor"); one country has one president.
    assert holders == [
        ("Foreign Minister", "Oskar Brandt", "Portugal"),
        ("Premier of the State Council", "Ana Ruiz", "Portugal"),
        ("State Councilor", "Mira Castell", "Portugal"),
        ("President", "Tomas Lagos", "Chile"),
        ("President", "Ana Brandt", None),
    ]
    # An office opening with a word of its own that no list knows keeps it, not the list's.
    own = "Chilean President Tomas Lagos and Zembian President Ana Ruiz spoke."
    assert [h.country for h in find_office_holders(own)] == ["Chile", None]


def test_a_meeting_with_no_one_at_no_place_is_not_an_engagement() -> None:
    ctx = _ctx()
    empty = _Event(who="Oskar Brandt", kind="meeting", place=None, when=None, n=3)

    grounded = ground_events([empty], ctx, [3])

    assert grounded.items == []
    assert "with no one, at no place named" in grounded.dropped[0].reason


def test_an_aim_is_an_officials_and_never_a_described_outsiders() -> None:
    text = (
        "Oskar Brandt said Estonia wants closer ties. "
        "Lee Min Soo, a professor at Tartu University, said both sides want a deal. "
        "Analysts say the talks aim to calm tempers. "
        "Arno Velt, a former envoy, said the sides want calm."
    )
    numbered = _numbered(text)
    people = [
        Person("Oskar Brandt", False, None, None, (numbered.sentences[0].span,)),
        Person("Lee Min Soo", False, None, None, (numbered.sentences[1].span,)),
    ]
    ctx = ArticleContext(numbered, None, people)
    cues = {1: ("said", "wants"), 2: ("said", "want"), 3: ("say", "aim"), 4: ("said", "want")}

    grounded = ground_aims([UnjudgedAim(n=n) for n in (1, 2, 3, 4)], ctx, cues)

    # The model called Brandt no official; the sentence still makes the aim his.
    assert [a.stated_by for a in grounded.items] == ["Oskar Brandt"]
    reasons = [d.reason for d in grounded.dropped]
    assert reasons == [
        "sentence 2: a view of Lee Min Soo, not a stated aim",
        "sentence 3: a view of unnamed experts or analysts, not a stated aim",
        "sentence 4: a view of Arno Velt, not a stated aim",  # found by the sentence alone
    ]


def test_an_aim_no_one_states_is_unnamed_officials_only_where_a_state_or_body_is_named() -> None:
    text = (
        "Estonia wants closer ties with its neighbours. "
        "Tallinn and Riga are in agreement on securing the border. "
        "The ministry plans to open a consulate. "
        "Lyon Oil promised an investment of $10 billion. "
        "Demonstrators called for solidarity with the strikers."
    )
    ctx = ArticleContext(_numbered(text))
    cues = {1: ("wants",), 2: ("agreement",), 3: ("plans",), 4: ("promised",), 5: ("called for",)}

    grounded = ground_aims([UnjudgedAim(n=n) for n in cues], ctx, cues)

    # A state by name or by its capital, or a government body, states it; a company or a
    # crowd is no one's government.
    assert [a.evidence[0].text.split()[0] for a in grounded.items] == ["Estonia", "Tallinn", "The"]
    assert {a.stated_by for a in grounded.items} == {"unnamed officials"}
    assert [d.reason for d in grounded.dropped] == [
        f"sentence {n}: no one states it, and it names no state or government" for n in (4, 5)
    ]


PLACE_TEXT = (
    "The host told the visiting Foreign Minister Oskar Brandt that trade would grow. "
    "Mira Castell spoke in Hanoi last week. "
    "Officials prepared the talks in Geneva. "
    "Mr Brandt said in Hanoi that the talks had gone well."
)


def _place_ctx() -> ArticleContext:
    numbered = _numbered(PLACE_TEXT)
    people = [Person(n, True, None, None, ()) for n in ("Oskar Brandt", "Mira Castell")]
    return ArticleContext(numbered, None, people)


def _evidence(event: Event) -> list[str]:
    for span in event.evidence:
        assert PLACE_TEXT[span.start : span.end] == span.text
    return [span.text for span in event.evidence]


def test_a_trips_place_comes_from_the_nearest_sentence_about_the_same_person() -> None:
    ctx = _place_ctx()
    trip = _Event(who="Oskar Brandt", place="Hanoi", when=None, n=1)

    [event] = ground_events([trip], ctx, [1]).items

    # Sentence 2 names Hanoi too and is nearer, but it is about Castell: sentence 4 is taken.
    assert (event.n, event.place) == (1, "Hanoi")
    assert _evidence(event) == [
        "The host told the visiting Foreign Minister Oskar Brandt that trade would grow.",
        "Mr Brandt said in Hanoi that the talks had gone well.",
    ]


def test_else_from_the_nearest_sentence_that_names_the_place() -> None:
    ctx = _place_ctx()
    trip = _Event(who="Oskar Brandt", place="Geneva", when=None, n=1)

    [event] = ground_events([trip], ctx, [1]).items

    assert _evidence(event)[1] == "Officials prepared the talks in Geneva."


def test_a_speakers_we_in_a_quotation_is_the_speaker() -> None:
    text = (
        "Oskar Brandt met his counterpart on Monday. "
        '"We recently met in Tallinn. Today we talk trade," Brandt said.'
    )
    ctx = _brandt_ctx(text)
    trip = _Event(who="Oskar Brandt", place="Tallinn", when=None, n=2)

    [event] = ground_events([trip], ctx, [2]).items

    assert event.evidence[0].text == '"We recently met in Tallinn.'


def test_a_place_named_only_where_someone_else_is_does_not_ground_a_trip() -> None:
    text = (
        "The host told the visiting Foreign Minister Oskar Brandt that trade would grow. "
        "Also on Monday, Mira Castell was set to meet her counterpart, Arno Velt, in Tallinn."
    )
    numbered = _numbered(text)
    names = ("Oskar Brandt", "Mira Castell", "Arno Velt")
    people = [Person(n, True, None, None, ()) for n in names]
    ctx = ArticleContext(numbered, None, people)
    # The model put Brandt where the sentence puts Castell.
    trip = _Event(who="Oskar Brandt", place="Tallinn", when=None, n=2)

    grounded = ground_events([trip], ctx, [1, 2])

    assert grounded.items == []
    assert "no sentence given names 'Oskar Brandt' and the place" in grounded.dropped[0].reason


def test_a_place_the_article_never_names_does_not_ground_a_trip() -> None:
    ctx = _place_ctx()
    trip = _Event(who="Oskar Brandt", place="Tallinn", when=None, n=1)

    grounded = ground_events([trip], ctx, [1])

    assert grounded.items == []
    assert "no sentence given names 'Oskar Brandt' and the place" in grounded.dropped[0].reason


def test_two_capitals_right_before_an_office_are_its_country_when_they_name_one() -> None:
    text = (
        "He met UK Prime Minister Lena Holt, U.S. Ambassador Tom Reyes and UN Secretary "
        "General Arno Velt on Monday."
    )

    holders = find_office_holders(text)

    assert [(h.name, h.office, h.country) for h in holders] == [
        ("Lena Holt", "Prime Minister", "United Kingdom"),
        ("Tom Reyes", "Ambassador", "United States"),
        ("Arno Velt", "Secretary General", None),  # two capitals that name no country
    ]


def test_a_minister_is_an_official_even_with_no_country_before_the_office() -> None:
    from summarize.extract.passes import _HolderDraft

    text = "A delegation headed by Fisheries Minister Pavel Marek and Professor Ana Quist arrived."
    drafts = {h.name: _HolderDraft.of(h, text) for h in find_office_holders(text)}
    assert drafts["Pavel Marek"].official
    assert drafts["Pavel Marek"].country is None  # not guessed


def test_a_capitalized_office_makes_an_official_of_a_person_but_not_of_an_organization() -> None:
    from summarize.extract.passes import _HolderDraft, _holds_office

    text = (
        "President Ana Ruiz met the Federal Budget Committee on Monday. Ruiz said the "
        "Committee agreed. Architect Jon Hale was there; Mayor Mara Voss was not."
    )
    holders = {h.name: h for h in find_office_holders(text)}
    drafts = {name: _HolderDraft.of(h, text) for name, h in holders.items()}

    # "Federal" only modifies an office in nameparser's vocabulary: no holder at all.
    assert "Budget Committee" not in holders
    assert drafts["Ana Ruiz"].official
    assert drafts["Mara Voss"].official  # named once, but "Mayor" is an office
    assert not drafts["Jon Hale"].official  # an occupation, and named once
    # An occupation is enough where the people pass named the person.
    assert _holds_office(holders["Jon Hale"], text, named_as_person=True)


def test_a_surname_alone_after_an_office_is_a_holder_only_where_news_style_marks_a_person() -> None:
    text = "President Ruiz met the General Assembly on Monday. Mr. Ruiz spoke first."

    holders = find_office_holders(text)

    assert [(h.name, h.office) for h in holders] == [("Ruiz", "President")]  # no "Assembly"
    # A surname the people pass already found names that person ("Foreign Minister Castell").
    text = "Speaking first, Foreign Minister Castell said no."
    assert find_office_holders(text) == []
    found = find_office_holders(text, known=["Mira Castell", "Oskar Brandt"])
    assert [(h.name, h.office) for h in found] == [("Castell", "Foreign Minister")]


def test_a_state_s_office_before_one_name_is_a_holder() -> None:
    # News style names a monarch, at times a head of state, by one name; the state written
    # with the office says it is a person's.
    text = (
        "Leaders gathered at the resort on Wednesday, including Jordan's King Aurel and "
        "President Ruiz. Key guests also include Queen Maren of Norway, who arrived late."
    )

    holders = find_office_holders(text)

    assert [(h.name, h.office, h.country) for h in holders] == [
        ("Aurel", "King", "Jordan"),
        ("Maren", "Queen", "Norway"),
    ]  # "President Ruiz", with no state written, needs news style's mark as before


def test_an_office_and_a_name_apart_are_no_holder() -> None:
    # A sentence break between the office and the next capital.
    text = "Speaking late on Monday, he thanked the German president.\nGauck smiled back at him."
    assert find_office_holders(text) == []
    # A bracket an editor closed inside the name is read past: the name, not its first word.
    text = "Talking to us on Monday, he said Russian Foreign Minister Sergey] Lavrov was there."
    assert [(h.name, h.office) for h in find_office_holders(text)] == [
        ("Sergey Lavrov", "Foreign Minister")
    ]


def test_a_former_office_holder_is_not_an_official() -> None:
    from summarize.extract.passes import _HolderDraft

    text = "Former Foreign Minister Jon Hale and ex-Defence Minister Ana Ruiz met Minister Lev Ost."
    drafts = {h.name: _HolderDraft.of(h, text) for h in find_office_holders(text)}

    assert not drafts["Jon Hale"].official
    assert not drafts["Ana Ruiz"].official
    assert drafts["Lev Ost"].official


def test_a_trip_told_of_someone_called_by_office_cites_the_sentence_naming_them() -> None:
    text = (
        "Estonian Foreign Minister Oskar Brandt spoke on Monday. "
        "Officials in Riga welcomed the plan. "
        "The Estonian foreign minister arrived in Hanoi in May."
    )
    numbered = _numbered(text)
    person = Person("Oskar Brandt", True, "Foreign Minister", "Estonia", ())
    ctx = ArticleContext(numbered, None, [person])

    [event] = ground_events([_Event(who="Oskar Brandt", n=3)], ctx, [3]).items

    # Whoever reads the trip's evidence sees who travelled, not only "the foreign minister".
    assert [s.text for s in event.evidence] == [
        "The Estonian foreign minister arrived in Hanoi in May.",
        "Estonian Foreign Minister Oskar Brandt spoke on Monday.",
    ]


def _brandt_ctx(text: str) -> ArticleContext:
    """An article of ``text`` whose one person is Oskar Brandt."""
    numbered = _numbered(text)
    return ArticleContext(numbered, None, [Person("Oskar Brandt", True, None, None, ())])


def test_the_day_someone_sets_out_from_a_place_does_not_date_their_trip_there() -> None:
    text = (
        "Foreign Minister Oskar Brandt held talks in Hanoi. "
        "He will fly to Jakarta from Hanoi on Saturday."
    )
    ctx = _brandt_ctx(text)
    left = _Event(who="Oskar Brandt", place="Hanoi", when="Saturday", n=2)

    [event] = ground_events([left], ctx, [2]).items

    assert (event.place, event.when) == ("Hanoi", None)
    assert left_from("He will fly to Jakarta from Hanoi on Saturday.", "Hanoi")
    assert not left_from("He flew from Jakarta to Hanoi on Saturday.", "Hanoi")
    # Named once as the start and once as the goal: the sentence does tell a trip there.
    assert not left_from("He left Hanoi in May and returned to Hanoi on Saturday.", "Hanoi")


def test_a_trip_goes_to_a_known_place_or_one_a_sentence_says_they_reached() -> None:
    text = (
        "Oskar Brandt said in an interview on NBC's evening programme that talks went well. "
        "Oskar Brandt landed at Osan airbase on Friday."
    )
    ctx = _brandt_ctx(text)
    on_air = _Event(who="Oskar Brandt", place="NBC", when=None, n=1)
    landed = _Event(who="Oskar Brandt", place="Osan airbase", when="Friday", n=2)

    grounded = ground_events([on_air, landed], ctx, [1, 2])

    assert [e.place for e in grounded.items] == ["Osan airbase"]
    assert "'NBC' is no known place" in grounded.dropped[0].reason


def test_an_office_that_names_a_city_or_country_gives_its_holder_that_country() -> None:
    from summarize.extract.passes import _country_in_title

    assert _country_in_title("Lyon Bank President") == "france"
    assert _country_in_title("Kenyan Trade Minister") == "kenya"
    assert _country_in_title("Secretary of State") is None  # "State" is no country
    assert _country_in_title(None) is None


def test_a_counterparts_country_is_the_one_written_before_counterpart() -> None:
    from summarize.extract.office_holders import counterpart_country

    text = (
        "Also on Monday, Gen. Jon Hale was set to meet his Estonian counterpart, Gen. Mira "
        "Castell, in the former Soviet republic of Georgia. Hale met his Latvian counterpart "
        "Ivo Berzins. Arno Velt, a counterpart of sorts, stayed in Riga."
    )
    assert counterpart_country("Mira Castell", text) == "estonia"
    assert counterpart_country("Ivo Berzins", text) == "latvia"
    assert counterpart_country("Arno Velt", text) is None
    assert counterpart_country("Jon Hale", text) is None


def test_the_country_an_office_opens_with_outweighs_the_models() -> None:
    from summarize.extract.passes import official_country

    # The model said Russia for "US Secretary of State Rex Tillerson" in a Moscow report.
    assert official_country("US Secretary of State", "Russia") == "united states"
    assert official_country("Russian Foreign Minister", None) == "russia"
    # A country later in the office is where it is held, not whose it is.
    assert official_country("Ambassador to Japan", "Kenya") == "kenya"
    assert official_country("Ambassador to Japan", None) == "japan"
    assert official_country(None, "Kenya") == "kenya"
    # The first capital of an office that opens with no country word is its subject matter.
    assert official_country("special envoy for the Syrian settlement", "Russia") == "russia"
    assert official_country("new US defence secretary", "Netherlands") == "united states"


def test_an_office_set_off_after_a_name_is_read_as_written() -> None:
    from summarize.extract.office_holders import office_after

    text = (
        "Mira Castell, the deputy commissioner for trade, said no. "
        "Jon Hale, one of the few envoys' aides here, agreed. "
        "Ana Ruiz, a professor at Tartu University, disagreed."
    )

    assert office_after("Mira Castell", text) == "deputy commissioner for trade"
    assert office_after("Jon Hale", text) is None  # no "the"/"a" office phrase
    assert office_after("Ana Ruiz", text) is None  # an occupation, not an office


def test_a_trip_to_his_homeland_goes_where_the_article_says_he_was_born() -> None:
    text = (
        "Karim Osei was born on Feb. 2, 1990, in Ghana. "
        "The police in Toronto said he lived in a flat above the shop. "
        "Friends said that years ago Mr. Osei traveled to his homeland and came back changed."
    )
    numbered = _numbered(text)
    ctx = ArticleContext(numbered, None, [Person("Karim Osei", False, None, None, ())])
    # The model names the story's city for the sentence that names no place.
    trip = _Event(who="Karim Osei", place="Toronto", when=None, n=3)

    [event] = ground_events([trip], ctx, [3]).items

    assert (event.place, event.n) == ("Ghana", 3)
    sentences = [s.text for s in numbered]
    assert [s.text for s in event.evidence] == [sentences[2], sentences[0]]
    # A sentence that says where they went keeps the model's place.
    named = _Event(who="Karim Osei", place="Toronto", when=None, n=2)
    assert [e.place for e in ground_events([named], ctx, [2]).items] != ["Ghana"]


class _PersonDraft(BaseModel):
    name: str
    official: bool = True
    title: str | None = None
    country: str | None = None


def test_a_name_read_with_its_bounds_is_not_extended_over_an_institution() -> None:
    text = "Premier of the State Council Ana Ruiz spoke. Mira Castell met Ruiz."
    ctx = ArticleContext(_numbered(text))

    def names(draft: str, *, fullest: bool) -> list[str]:
        grounded = ground_people([_PersonDraft(name=draft)], ctx, fullest=fullest)
        return [p.name for p in grounded.items]

    # The office pattern read "Ana Ruiz" after the ministry's words: not "Council Ana Ruiz".
    # A surname alone from the model is still completed.
    assert names("Ana Ruiz", fullest=False) == ["Ana Ruiz"]
    assert names("Castell", fullest=True) == ["Mira Castell"]


def test_a_title_must_stand_beside_the_name_not_only_in_the_sentence() -> None:
    text = (
        "Army General Oskar Brandt sent his condolences to General Mira Castell. "
        "Ana Ruiz, the deputy trade commissioner, and Foreign Minister of Chile Jon Hale met."
    )
    ctx = ArticleContext(_numbered(text))

    title = partial(_grounded_title, ctx)

    # Brandt's title copied onto Castell, named in the same sentence, is not hers.
    assert title("Oskar Brandt", "Army General") == "Army General"
    assert title("Mira Castell", "Army General") is None
    # Set off after the name, or before it with a few words between, it is theirs.
    assert title("Ana Ruiz", "deputy trade commissioner.") == "deputy trade commissioner."
    assert title("Jon Hale", "Foreign Minister") == "Foreign Minister"


def test_an_office_not_yet_taken_up_is_an_office() -> None:
    text = "Vice President-elect Ana Ruiz met Prime Minister-designate Jon Hale."
    holders = [(h.office, h.name) for h in find_office_holders(text)]
    assert holders == [
        ("Vice President-elect", "Ana Ruiz"),
        ("Prime Minister-designate", "Jon Hale"),
    ]
    assert person_name("President-elect Ana Ruiz") == "Ana Ruiz"


def test_an_office_no_title_list_knows_or_its_place_is_no_part_of_the_name() -> None:
    text = (
        "Ombudsman Mira Castell landed in Quito. Earlier, Mayor of Lagos Ana Ruiz told the "
        "Ombudsman she could not help. This-means that Ms-Castell will go on to Lima. "
        "The Lagos Police Department said the Lagos police department was ready."
    )
    ctx = ArticleContext(_numbered(text))

    def names(draft: str, title: str | None = None) -> list[str]:
        grounded = ground_people([_PersonDraft(name=draft, title=title)], ctx)
        return [p.name for p in grounded.items]

    # "the Ombudsman she": a word the article uses as a noun, not a given name.
    assert fullest_name("Castell", text) == "Mira Castell"
    assert names("Ombudsman Mira Castell") == ["Mira Castell"]
    # The place in her own title ("Mayor of Lagos") does not open her name.
    assert names("Lagos Ana Ruiz", "Mayor of Lagos") == ["Ana Ruiz"]
    assert names("Ms-Castell") == ["Mira Castell"]  # a wire text's hyphen for a space
    # The common noun left after an office word is no one's name.
    assert names("Lagos Police Department") == []
    # A name with a capitalized word after "the" keeps it: "the Rex Tillerson era".
    assert fullest_name("Tillerson", "Rex Tillerson spoke. In the Rex Tillerson era, it grew.") == (
        "Rex Tillerson"
    )


def test_a_name_set_off_as_heading_a_body_outside_government_is_no_official() -> None:
    text = (
        "Ana Ruiz, president of the Harbour Council, a nonpartisan think tank, said so. "
        "Jon Hale, the former head of a shipping firm, now leads the ministry."
    )
    ctx = ArticleContext(_numbered(text))

    def official(name: str, title: str) -> bool:
        return ground_people([_PersonDraft(name=name, title=title)], ctx).items[0].official

    assert not official("Ana Ruiz", "President of the Harbour Council")
    assert official("Jon Hale", "Minister")  # an earlier post is no body outside government


def test_the_diplomat_refers_back_to_the_person_named_just_before() -> None:
    text = (
        "Deputy Foreign Minister Oskar Brandt said it is early to talk of visas. "
        '"We should work on it," said the diplomat, who is holding a meeting in Prague.'
    )
    numbered = _numbered(text)
    people = [Person("Oskar Brandt", True, "Deputy Foreign Minister", None, ())]
    assert ArticleContext(numbered, None, people).mentions("Oskar Brandt", 2)


def test_a_correspondent_reporting_from_somewhere_is_no_official_and_states_no_aim() -> None:
    text = (
        "The Tribune's Ana Ruiz, reporting from Lagos, said the rebels aimed to win ground. "
        "Jon Hale met Ruiz."
    )
    ctx = ArticleContext(_numbered(text))
    person = ground_people([_PersonDraft(name="Ana Ruiz", title="reporter")], ctx).items[0]
    assert not person.official
    ctx = ArticleContext(_numbered(text), None, [person])
    grounded = ground_aims([UnjudgedAim(n=1)], ctx, {1: ("aimed",)})
    assert grounded.items == []


def test_a_relative_named_by_kinship_is_no_official() -> None:
    text = "Oskar Brandt, like his father, Pavel Brandt, leads the ministry."
    ctx = ArticleContext(_numbered(text))
    (father,) = ground_people([_PersonDraft(name="Pavel Brandt", title="father")], ctx).items
    assert not father.official


def test_a_pronoun_after_someone_else_named_in_its_sentence_is_theirs() -> None:
    text = (
        "Oskar Brandt met Mira Castell in Lisbon. "
        "Defense Secretary Tomas Dell visited Chile on his first foreign trip. "
        "His visit to Peru follows."
    )
    numbered = _numbered(text)
    people = [
        Person(n, True, None, None, ()) for n in ("Oskar Brandt", "Mira Castell", "Tomas Dell")
    ]
    ctx = ArticleContext(numbered, None, people)

    # "his" in sentence 2 is Dell's, who is named before it; it does not refer back to Brandt.
    assert not ctx.mentions("Oskar Brandt", 2)
    grounded = ground_events([_Event(who="Oskar Brandt", place="Chile", when=None, n=2)], ctx, [2])
    assert [(e.who, e.place) for e in grounded.items] == [("Tomas Dell", "Chile")]
    # A sentence that names no one before its pronoun still refers back.
    assert ctx.mentions("Tomas Dell", 3)


def test_a_three_letter_family_name_names_its_one_bearer_among_the_people() -> None:
    people = ["Oskar Ilo", "Mira Castell"]
    # Without the article's people, only the full name or a longer mention counts.
    assert not names_person("On Friday, Ilo will meet Castell.", "Oskar Ilo")
    assert names_person("On Friday, Ilo will meet Castell.", "Oskar Ilo", people)
    # Not as part of another name, not as a lower-case word, not a month's name.
    assert not names_person("Ilo Banks spoke.", "Oskar Ilo", people)
    assert not names_person("The ilo office opened.", "Oskar Ilo", people)
    assert not names_person("Talks resume in May.", "Lena May", ["Lena May", *people])
    # Two people of that family name: "Ilo" alone is neither.
    assert not names_person("Ilo met Castell.", "Oskar Ilo", [*people, "Anja Ilo"])


def test_a_family_name_is_named_without_the_particle_joined_to_it() -> None:
    assert names_person("Next month, Dell will meet Sisi in Lima.", "Karim Abdel el-Sisi")
    assert names_person("The Assad government refused.", "Omar al-Assad")
    # Not in lower case, nor inside another word or hyphenated name.
    assert not names_person("The sisi brand sold well.", "Karim Abdel el-Sisi")
    assert not names_person("Talks in Ras-Sisi ended.", "Karim Abdel el-Sisi")
    # A hyphenated given name is no particle ("Mi-ran" of Baek Mi-ran).
    assert not names_person("Ran said so.", "Baek Mi-ran")


def test_a_name_with_a_word_too_many_is_the_part_the_article_prints() -> None:
    text = "Japan's Prime Minister Kenta Oda arrived. Oda met Mira Castell."
    ctx = ArticleContext(_numbered(text))

    def names(draft: str) -> list[str]:
        return [p.name for p in ground_people([_PersonDraft(name=draft)], ctx).items]

    assert names("Oda Kenta Oda") == ["Kenta Oda"]
    assert names("Mira Castell Lopez") == ["Mira Castell"]
    # A name none of whose two-word runs is printed stays refused.
    assert names("Kenta Castell") == []


def _aim_stated_by(first: str, people: list[tuple[str, str | None]], cue: str) -> list[str]:
    """Who states the aim of ``first`` (sentence 1), the people listed in this order with
    their titles, as the model listed them."""
    numbered = _numbered(first + " Mira Castell met Castell's aides.")
    span = numbered.sentences[0].span
    ctx = ArticleContext(
        numbered, None, [Person(name, True, title, None, (span,)) for name, title in people]
    )
    grounded = ground_aims([UnjudgedAim(n=1)], ctx, {1: (cue,)})
    return [a.stated_by for a in grounded.items]


def test_an_aim_no_verb_of_saying_attributes_is_first_the_official_named_first() -> None:
    # Listed as the model listed them: the object before the subject, twice.
    people = [("Castell", None), ("Mira Castell", None), ("Oskar Brandt", "Trade minister")]
    first = "Trade minister Oskar Brandt rebuffed Castell with a plan to cut tariffs."
    assert _aim_stated_by(first, people, "plan") == ["Oskar Brandt and Mira Castell"]


def test_a_participle_of_saying_is_the_subject_of_its_clause() -> None:
    people = [("Mira Castell", None), ("Oskar Brandt", "Trade minister")]
    first = "Trade minister Oskar Brandt rebuffed Castell, pledging that tariffs will fall."
    assert _aim_stated_by(first, people, "pledging") == ["Oskar Brandt"]


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    assert person_name("President Tom Hale Friday") == "Tom Hale"
    assert person_name("Lena May") == "Lena May"  # a month's name can be a family name


def test_a_part_of_a_name_too_long_that_is_no_name_is_not_taken() -> None:
    text = "The United States and Chile met. Kenta Oda spoke."
    ctx = ArticleContext(_numbered(text))
    assert [
        p.name for p in ground_people([_PersonDraft(name="The United States Nations")], ctx).items
    ] == []


def test_the_start_of_a_longer_printed_name_is_not_a_name() -> None:
    # An office pattern's read across a paragraph break: "... said Oda\n\nThe United States".
    text = "Chile will host the talks, said Kenta Oda\n\nThe United States and Chile met."
    ctx = ArticleContext(_numbered(text))

    def names(draft: str) -> list[str]:
        return [p.name for p in ground_people([_PersonDraft(name=draft)], ctx).items]

    assert names("Oda\n\nThe United States") == []  # not "The United"
    assert names("Oda Kenta Oda") == ["Kenta Oda"]


def test_a_dateline_is_where_the_report_was_filed_not_a_trips_place() -> None:
    text = "Ottawa, Ontario (Wire)Oskar Brandt is a busy man. Brandt tweeted about the travel ban."
    numbered = _numbered(text)
    ctx = ArticleContext(numbered, None, [Person("Oskar Brandt", True, None, None, ())])
    trip = _Event(who="Oskar Brandt", place="Ottawa, Ontario", when=None, n=2)

    grounded = ground_events([trip], ctx, [2])

    assert grounded.items == []
    assert "the place they went to" in grounded.dropped[0].reason


def test_a_name_with_a_lowercase_particle_is_a_name_and_a_body_is_not() -> None:
    text = (
        "Deputy Crown Prince Mohammed bin Salman met the president at the White House. "
        "The White House said talks went well; the Kremlin did not comment."
    )
    ctx = ArticleContext(_numbered(text))

    # "bin" is never capitalized, as a name particle is not
    assert person_name("Deputy Crown Prince Mohammed bin Salman", ctx) == "Mohammed bin Salman"
    assert person_name("Prince Mohammed bin Salman", ctx) == "Mohammed bin Salman"
    for body in ("The White House", "White House", "Kremlin"):
        assert person_name(body, ctx) is None


def test_a_place_named_only_as_where_a_move_starts_is_no_trip_there() -> None:
    text = "Oskar Brandt dropped his vow to move the embassy from Hanoi to Hue."
    numbered = _numbered(text)
    ctx = ArticleContext(numbered, None, [Person("Oskar Brandt", True, None, "Estonia", ())])

    moved = ground_events([_Event(who="Oskar Brandt", place="Hanoi", when=None, n=1)], ctx, [1])

    assert moved.items == []
    assert "'Hanoi' is only where something set out from" in moved.dropped[0].reason
    # The end of the move is named as such: a trip there is not refused for it.
    to_hue = ground_events([_Event(who="Oskar Brandt", place="Hue", when=None, n=1)], ctx, [1])
    assert [e.place for e in to_hue.items] == ["Hue"]


def test_a_place_the_cited_sentence_itself_gives_the_event_stands_over_the_models() -> None:
    text = (
        "The Estonian foreign minister's last appearance at the summit in Malta was delayed. "
        "Reporters from Lisbon waited. "
        "Oskar Brandt spoke in Tallinn, and he said the talks in Malta went well."
        " His plan met a judge's ruling in Hanoi."
    )
    numbered = _numbered(text)
    ctx = ArticleContext(
        numbered, None, [Person("Oskar Brandt", True, "Foreign Minister", "Estonia", ())]
    )
    # The sentence calls him by office and puts the event in Malta: Malta, not the Hanoi
    # the model took from a sentence that names no one.
    called = _Event(who="Oskar Brandt", place="Hanoi", when=None, n=1)
    [event] = ground_events([called], ctx, [1]).items
    assert event.place == "Malta"
    # Where the sentence names a place and not him, the answer is refused, not moved.
    other = _Event(who="Oskar Brandt", place="Lisbon", when=None, n=4)
    grounded = ground_events([other], ctx, [4])
    assert grounded.items == [] and "puts the event in 'Hanoi'" in grounded.dropped[0].reason


def test_a_scrapes_hyphen_glues_no_word_onto_a_name() -> None:
    assert person_name("Jim Mattis-for") == "Jim Mattis"
    assert person_name("Jean-Yves Le Drian") == "Jean-Yves Le Drian"
    # A verb glued on ("Indian Prime Minister Narendra Modi-hopes to meet"), not a Korean
    # given name's second syllable, though "ran" is a verb too.
    assert person_name("Tomas Dell-hopes") == "Tomas Dell"
    assert person_name("Hwang Kyo-ahn") == "Hwang Kyo-ahn"
    assert person_name("Baek Mi-ran") == "Baek Mi-ran"


def test_a_day_read_as_a_place_is_none() -> None:
    # "will host Dell at a dinner on Thursday", "played golf with Dell in February"
    assert destination("Thursday") == (None, None)
    assert destination("February") == (None, None)
    assert destination("Lisbon") == ("Portugal", "Lisbon")


def test_a_capital_written_by_its_state_is_in_that_state_its_city_unnamed() -> None:
    # as the model answers a place the sentence writes so
    assert destination("the Portuguese capital") == ("Portugal", None)
    assert destination("Spain's capital") == ("Spain", None)
    assert destination("the nation's capital") == (None, "the nation's capital")


def test_someone_whose_title_is_a_scholars_is_no_official() -> None:
    text = "Poland could gain, writes the political scientist, Olaf Osica, in a weekly."
    numbered = _numbered(text)
    ctx = ArticleContext(numbered, None, [])

    draft = _PersonDraft(name="Olaf Osica", title="political scientist")
    [person] = ground_people([draft], ctx).items
    assert (person.name, person.official) == ("Olaf Osica", False)


def test_a_leaders_spouse_is_no_official() -> None:
    text = "President Jon Lee and first lady Ana Lee will host the guests at a dinner."
    ctx = ArticleContext(_numbered(text), None, [])
    draft = _PersonDraft(name="Ana Lee", title="first lady")
    [person] = ground_people([draft], ctx).items
    assert (person.name, person.official) == ("Ana Lee", False)


def test_a_conditions_claim_is_voiced_by_whoever_the_sentence_says_makes_it() -> None:

    text = (
        "If Lee's way of thinking were to prevail, Ruiz says, it would be "
        '"a disaster for transatlantic relations." '
        "If the plan prevails, the port would close."
    )
    numbered = _numbered(text)
    people = [Person("Ana Ruiz", False, None, None, ()), Person("Jon Lee", True, None, None, ())]
    ctx = ArticleContext(numbered, None, people)

    class _Verdict(BaseModel):
        n: int
        speculative: bool = True

    grounded = ground_hedges([_Verdict(n=1), _Verdict(n=2)], ctx, {1: ("If",), 2: ("If",)})
    assert [h.voiced_by for h in grounded.items] == ["Ana Ruiz", "the outlet"]


def test_a_name_listed_again_with_its_holder_s_title_before_it_is_one_person() -> None:
    text = "Ombudsman Mira Castell is travelling to Quito. Castell will meet the mayor."
    ctx = ArticleContext(_numbered(text))
    drafts = [
        _PersonDraft(name="Ombudsman Mira Castell"),
        _PersonDraft(name="Mira Castell", title="Ombudsman"),
    ]
    grounded = ground_people(drafts, ctx)
    assert [(p.name, p.title) for p in grounded.items] == [("Mira Castell", "Ombudsman")]


def test_an_honorific_makes_a_short_family_name_the_person_s() -> None:
    # "May" alone is a month too; "Mrs May" is Theresa May.
    assert name_positions("In May, Mrs May said so.", "Theresa May") == [12]
    assert name_positions("It rained in May.", "Theresa May") == []


def test_a_sentence_the_cues_did_not_list_next_to_the_cited_one_can_say_the_event() -> None:
    ctx = _ctx()
    # Cited sentence 2, the cues listing only 1 and 2: sentence 3 names Brandt, Orlin and
    # Hanoi, so it is the evidence.
    met = _Event(who="Oskar Brandt", met="Pavel Orlin", when=None, n=2)
    (event,) = ground_events([met], ctx, [1, 2]).items
    assert (event.who, event.met, event.n) == ("Oskar Brandt", "Pavel Orlin", 3)
    # Whom the model says was met must be named there too: no meeting with Velt in 3.
    other = _Event(who="Oskar Brandt", met="Arno Velt", when=None, n=2)
    assert all(e.n != 3 for e in ground_events([other], ctx, [1, 2]).items)


def test_a_country_word_after_and_opens_the_office_and_a_scrape_hyphen_is_a_space() -> None:
    text = (
        "Estonia's Kersti Kaljulaid praised Gauck and German Chancellor Angela Merkel. "
        "Velt voiced his admiration of-Chilean President Ana Ruiz. "
        "Trade and Industry Minister Tomas Dell agreed. Since the election of US-President "
        "Oskar Brandt - talks went on."
    )
    holders = [(h.name, h.office, h.country) for h in find_office_holders(text)]
    assert holders == [
        ("Angela Merkel", "Chancellor", "Germany"),  # not the office "Gauck and German ..."
        ("Ana Ruiz", "President", "Chile"),  # "of-Chilean": a hyphen the scrape put for a space
        ("Tomas Dell", "Trade and Industry Minister", None),  # a ministry's own "and"
        ("Oskar Brandt", "President", "United States"),  # "US-President": one for a space too
    ]
    # Nor is a surname the people pass found the first word of a ministry's name.
    both = "An idea both Velt and Prime Minister Mira Castell of Peru share."
    found = find_office_holders(both, known=["Arno Velt", "Mira Castell"])
    assert [(h.name, h.office, h.country) for h in found] == [
        ("Mira Castell", "Prime Minister", "Peru")
    ]


def test_an_office_and_its_country_stay_on_one_line() -> None:
    # A headline ending in a country, then the first paragraph opening with an office.
    text = (
        "Velt says Lyon trying to avoid incidents in Chile\n\n"
        "Peruvian President Ana Ruiz plans talks.\nThe election in Chile\n"
        "Minister Tomas Dell agreed."
    )
    holders = [(h.name, h.office, h.country) for h in find_office_holders(text)]
    assert holders == [("Ana Ruiz", "President", "Peru"), ("Tomas Dell", "Minister", None)]


def test_a_spokesperson_before_a_name_holds_a_post_nameparser_lacks() -> None:
    text = "Talks went well, Kremlin spokesman Oskar Brandt said. Brandt added more was needed."
    holders = [(h.name, h.office) for h in find_office_holders(text)]
    assert holders == [("Oskar Brandt", "spokesman")]
    # Nor is the post part of the name a small model writes with it.
    assert person_name("Ministry Spokeswoman Mira Castell") == "Mira Castell"


def test_a_hyphenated_name_in_a_headline_does_not_hide_the_office_after_it() -> None:
    text = "Premier to Meet With Ruiz at Mar-a-Lago\n\nChilean President Ana Ruiz will fly in."
    holders = [(h.name, h.office, h.country) for h in find_office_holders(text)]
    assert holders == [("Ana Ruiz", "President", "Chile")]  # no office opens at "a-Lago"


def test_an_office_held_in_a_country_and_one_set_off_to_the_sentence_end_name_holders() -> None:
    text = (
        "Mongolian Ambassador to Russian Banzragchin Delgermaa told TASS. "
        "She sat beside Mira Castell, the U.S. ambassador to the United Nations. "
        "On Monday, the group sent a letter to Tomas A. Dell, the bank's inspector general, "
        "asking for more."
    )
    holders = [(h.name, h.office, h.country) for h in find_office_holders(text)]
    assert ("Banzragchin Delgermaa", "Ambassador to Russian", "Mongolia") in holders
    assert ("Mira Castell", "U.S. ambassador to the United Nations", "United States") in holders
    # An initial's full stop ends no appositive: "the group sent a letter to Tomas A" is none.
    assert ("Tomas A. Dell", "bank's inspector general", None) in holders
    assert all(not name.startswith("On") for name, _, _ in holders)


def test_a_family_name_after_a_joined_particle_or_an_office_is_the_name_printed() -> None:
    text = (
        "President Ruiz will host Prime Minister Haider al-Abadi at the palace on Monday. "
        "Abadi said he would talk. Ruiz agreed."
    )
    ctx = ArticleContext(_numbered(text))
    assert fullest_name("Abadi", text) == "Haider al-Abadi"
    # The model's "Ana Ruiz" is printed nowhere; "President Ruiz" is what the article says.
    grounded = ground_people([_PersonDraft(name="Ana Ruiz", title="President")], ctx)
    assert [p.name for p in grounded.items] == ["Ruiz"]
    # A given name with no office before the family name anywhere is not taken on trust.
    plain = "Ruiz agreed with the plan."
    plain_ctx = ArticleContext(_numbered(plain))
    assert ground_people([_PersonDraft(name="Ana Ruiz")], plain_ctx).items == []


def test_a_form_of_address_word_is_no_office_and_a_state_before_a_lowercase_office_counts() -> None:
    text = (
        "He is patron of the Lisbon Rugby Union, a position he took over from his grandmother, "
        "in May. The dinner was hosted by Canada's ambassador to France, Tomas Dell."
    )
    holders = [(h.name, h.office, h.country) for h in find_office_holders(text)]
    # "his" is in nameparser's titles ("His Excellency"), no office; the state before a
    # lower-case office makes it one even where the name is not used again.
    assert holders == [("Tomas Dell", "ambassador to France", "Canada")]


def test_an_office_the_pattern_fills_in_is_read_as_printed_before_the_name() -> None:
    text = (
        "Kremlin spokesman Oskar Brandt said no. Lyon's UN Ambassador Mira Castell agreed. "
        "Brandt left."
    )
    holders = {h.name: h for h in find_office_holders(text)}
    # The pattern reads the office word before each name; the model gave no title.
    assert {n: h.office for n, h in holders.items()} == {
        "Oskar Brandt": "spokesman",
        "Mira Castell": "Ambassador",
    }
    numbered = _numbered(text)
    titles: dict[str, str | None] = {}
    for name, holder in holders.items():
        naming = tuple(s.span for s in numbered if name in s.text)
        answered = Person(name, True, None, None, naming)
        titles[name] = with_office_holder(answered, holder, text).title
    assert titles == {"Oskar Brandt": "Kremlin spokesman", "Mira Castell": "UN Ambassador"}


def test_the_country_word_before_an_office_outweighs_the_models_country() -> None:
    text = (
        "Chilean President Ana Ruiz will host Egyptian President Omar Nabil in Santiago. "
        "GE Vice Chair Beth Comstock and Chile's Foreign Minister Tomas Dell and Deputy "
        "Minister Rui Sarno attended."
    )
    holders = {h.name: h for h in find_office_holders(text)}
    assert [(h.country, h.own_country) for h in holders.values()] == [
        ("Chile", True),
        ("Egypt", True),
        ("Georgia", False),  # "GE" is an ISO code, not how news names Georgia
        ("Chile", True),
        ("Chile", False),  # carried over the list from Dell's office
    ]
    # The model put both presidents in Chile; the article's own word wins, and only that.
    answered = {name: Person(name, True, None, "Chile", ()) for name in holders}
    answered["Beth Comstock"] = Person("Beth Comstock", True, None, "United States", ())
    merged = {
        name: with_office_holder(answered[name], holder, text).country
        for name, holder in holders.items()
    }
    assert merged == {
        "Ana Ruiz": "Chile",
        "Omar Nabil": "Egypt",
        "Beth Comstock": "United States",
        "Tomas Dell": "Chile",
        "Rui Sarno": "Chile",
    }


def test_a_word_the_article_always_writes_after_the_is_no_name() -> None:
    text = (
        "Taoiseach wants a deal\n\nThe Taoiseach has said he wants a deal. "
        "It came at the Taoiseach's meeting with Hale. The Hale era began, Hale said."
    )
    ctx = ArticleContext(_numbered(text))

    assert person_name("Taoiseach", ctx) is None  # the headline's is no name either
    assert person_name("Hale", ctx) == "Hale"  # "The Hale era", but also "Hale said"
    policy = (
        "The so-called Global Gag Rule returned, and the Global Gag Rule cut aid, "
        "said officials such as Mary Barra."
    )
    ctx = ArticleContext(_numbered(policy))
    assert person_name("Global Gag Rule", ctx) is None  # always after "the": a thing
    assert person_name("Mary Barra", ctx) == "Mary Barra"  # "such as" names her


def test_words_written_after_the_most_times_name_a_body_not_a_person() -> None:
    text = (
        "Forum holds talks at Northern Council meeting\n\n"
        'Pavel Orlin spoke to the Northern Council on Monday. "The Northern Council must act," '
        "he said, and the Latvian Coastal Force agreed. Its envoy Mira Castell flew in. "
        "The Pavel Orlin era began, the U.S. Oskar Brandt said."
    )
    ctx = ArticleContext(_numbered(text))

    # Twice after "the" (once inside a quotation) of three: a body, though its headline
    # writes it bare.
    assert person_name("Northern Council", ctx) is None
    assert person_name("Coastal Force", ctx) is None  # "the" before a country word before it
    assert person_name("Pavel Orlin", ctx) == "Pavel Orlin"  # "era" after it: read neither way
    assert person_name("Oskar Brandt", ctx) == "Oskar Brandt"  # a full stop ends the look-back
    assert person_name("Mira Castell", ctx) == "Mira Castell"


def test_a_city_written_with_its_region_is_that_country_s_city() -> None:
    assert destination("West Palm Beach, Florida") == ("United States", "West Palm Beach")
    assert destination("Houston, Texas") == ("United States", "Houston")
    assert destination("Bonn, Germany") == ("Germany", "Bonn")
    # The most populous town of the name lies elsewhere: left open, not put in Australia.
    assert destination("Palm Beach, Florida") == (None, "Palm Beach, Florida")
    # A state written as its postal code, dotted or not: a code of the city's own country.
    assert destination("Washington, D.C.") == ("United States", "Washington")
    assert destination("Austin, TX") == ("United States", "Austin")
    assert destination("Toronto, ON") == ("Canada", "Toronto")
    assert destination("Paris, TX") == (None, "Paris, TX")  # the largest Paris is no US city


def test_a_place_written_alone_is_the_one_the_article_writes_after_a_city() -> None:
    text = (
        "Flights to Washington, D.C. were canceled for Oskar Brandt on Monday. "
        "He drove and made it to D.C. by Wednesday."
    )
    ctx = _ctx(text)

    grounded = ground_events([_Event(who="Oskar Brandt", place="D.C.", when=None, n=2)], ctx, [2])
    [event] = grounded.items
    assert event.place.startswith("Washington, D.C")
    assert destination(event.place) == ("United States", "Washington")
    assert [span.text for span in event.evidence][-1].startswith("Flights to Washington, D.C.")


def test_a_wire_dateline_places_no_event() -> None:
    text = (
        "PRAGUE, February 7. /TASS/. A meeting of Oskar Brandt and Mira Castell is not "
        "ruled out, Pavel Orlin said."
    )
    ctx = _ctx(text)
    planned = _Event(who="Oskar Brandt", place="Prague", when=None, status="planned", n=2)

    # "PRAGUE, February 7. /TASS/.": where the report was filed, as "Prague (CNN)" is.
    assert ground_events([planned], ctx, [2]).items == []
    moved = text.replace("is not ruled out", "will be held in Prague")
    ctx = _ctx(moved)
    assert [e.who for e in ground_events([planned], ctx, [2]).items] == ["Oskar Brandt"]


def test_a_post_s_city_before_a_name_and_a_plural_acronym_are_no_name() -> None:
    text = "Talks were held with Syria's Ambassador in Moscow Riyad Haddad. Sydney Morgan spoke."
    ctx = ArticleContext(_numbered(text))

    assert person_name("Moscow Riyad Haddad", ctx) == "Riyad Haddad"
    assert fullest_name("Riyad Haddad", text) == "Riyad Haddad"
    assert person_name("Sydney Morgan", ctx) == "Sydney Morgan"  # a given name, no place
    assert person_name("Fine Gael MEPs", ctx) is None  # a group


def test_an_office_formed_from_a_title_is_no_part_of_the_name() -> None:
    # "chairman" of "chair", "Leaders" of two people named: nameparser lists neither form.
    assert person_name("Committee Chairman Devin Nunes") == "Devin Nunes"
    assert person_name("Leaders Chuck Schumer") == "Chuck Schumer"
    assert person_name("Rita Sears") == "Rita Sears"  # a family name, no title's plural


def test_d_c_is_no_abbreviation_of_a_country() -> None:
    # "DR Congo" abbreviates a word already: its initials are no spelling of the country.
    assert destination("D.C.")[0] is None
    assert destination("DRC") == ("Democratic Republic of the Congo", None)


def test_a_town_the_article_writes_with_its_region_is_no_person() -> None:
    text = "Lena Ortiz spoke in Ypsilanti, Michigan, on Monday. Ypsilanti cheered her."
    ctx = ArticleContext(_numbered(text))

    assert person_name("Ypsilanti", ctx) is None
    assert person_name("Lena Ortiz", ctx) == "Lena Ortiz"
    # A town's name is still a name where the article never writes it as a place.
    other = "Mayor Ypsilanti spoke on Monday."
    assert (
        person_name(
            "Ypsilanti",
            ArticleContext(_numbered(other)),
        )
        == "Ypsilanti"
    )


def test_a_name_printed_with_its_given_name_in_brackets_is_in_the_article() -> None:
    text = '"I would like to connect them with the visit of Prime Minister (Kenta) Oda."'
    ctx = ArticleContext(_numbered(text))
    grounded = ground_people([_PersonDraft(name="Kenta Oda", title="Prime Minister")], ctx)
    assert [(p.name, p.title) for p in grounded.items] == [("Kenta Oda", "Prime Minister")]
    # Other brackets around a word make no name of it.
    other = ArticleContext(_numbered("The talks (Kenta) stalled; Oda left."))
    assert ground_people([_PersonDraft(name="Kenta Oda")], other).items == []


def test_a_name_with_a_letter_the_scrape_could_not_decode_is_read_as_printed() -> None:
    text = "Mayor Rafael Ord\ufffd\ufffdez demanded an apology on Monday."
    ctx = ArticleContext(_numbered(text))

    grounded = ground_people([_PersonDraft(name="Rafael Ord\u00f3\u00f1ez")], ctx)
    assert grounded.items[0].name == "Rafael Ord\ufffd\ufffdez"
    assert ground_people([_PersonDraft(name="Rafael Ordonez")], ctx).items == []
    holders = find_office_holders(text, [])
    assert [h.name for h in holders] == ["Rafael Ord\ufffd\ufffdez"]


def test_with_someone_in_a_place_opening_a_sentence_is_their_stay() -> None:
    text = (
        "With Foreign Minister Oskar Brandt in Hanoi on his first trip, Pavel Orlin spoke "
        "to workers at home."
    )
    ctx = _ctx(text)

    grounded = ground_events([_Event(who="Pavel Orlin", when=None, n=1)], ctx, [1])
    assert [e.who for e in grounded.items] == ["Oskar Brandt"]


def test_a_name_printed_with_its_given_name_in_square_brackets_is_in_the_article() -> None:
    text = "Lima backed the initiative of Finnish President [Sauli] Niinisto on transponders."
    ctx = ArticleContext(_numbered(text))
    grounded = ground_people([_PersonDraft(name="Sauli Niinisto", title="President")], ctx)
    assert [(p.name, p.title) for p in grounded.items] == [("Sauli Niinisto", "President")]


def test_an_office_holder_named_past_a_bracket_a_wire_or_an_editor_set_is_found() -> None:
    text = (
        "Oda is in talks with President (Ilse) Marang on a treaty. "
        "It was a claim made by (Chilean President Oskar) Brandt that every state may join. "
        '"[I was in Lima, and Peruvian Foreign Minister Pavel] Orlin was there," he said. '
        "Reps. Jon Hale (D) and Ana Ruiz (R) drove."
    )
    holders = [(h.office, h.name, h.country) for h in find_office_holders(text)]
    assert holders == [
        ("President", "Ilse Marang", None),
        ("President", "Oskar Brandt", "Chile"),
        ("Foreign Minister", "Pavel Orlin", "Peru"),
        ("Rep.", "Jon Hale", None),
        ("Rep.", "Ana Ruiz", None),
    ]
    ctx = ArticleContext(_numbered(text))
    for office, name, _ in holders[:3]:
        grounded = ground_people([_PersonDraft(name=name, title=office)], ctx)
        assert [p.name for p in grounded.items] == [name]


def test_an_office_news_style_capitalizes_is_an_office_whatever_the_model_answered() -> None:
    text = (
        "Ombudsman Mira Castell told a meeting of the party she would stay. "
        "The party trusted the Ombudsman in her judgement. "
        "Protester Jon Hale told reporters he was fed up. The protester left. "
        "Read more from Prof Ana Ruiz. The Prof spoke."
    )
    ctx = ArticleContext(_numbered(text))

    def official(name: str, title: str) -> bool:
        draft = _PersonDraft(name=name, title=title, official=False)
        return ground_people([draft], ctx).items[0].official

    # Capitalized before the name and, alone, inside a sentence: an office.
    assert official("Mira Castell", "Ombudsman")
    # An occupation is capitalized only where it opens a sentence; an honorific is no office.
    assert not official("Jon Hale", "Protester")
    assert not official("Ana Ruiz", "Prof")


def test_a_title_written_with_its_country_otherwise_keeps_the_office_beside_the_name() -> None:
    text = "Russia's Permanent Representative to NATO Oskar Brandt said dialogue is useful."
    ctx = ArticleContext(_numbered(text))
    draft = _PersonDraft(name="Oskar Brandt", title="Russian Permanent Representative to NATO")
    (person,) = ground_people([draft], ctx).items
    assert person.title == "Permanent Representative to NATO"


def test_someone_described_by_a_trade_outside_government_before_their_name_states_no_aim() -> None:
    text = (
        "The Tribune's Lagos editor, Ana Ruiz, said the rebels aimed to win ground. "
        "Jon Hale met Ruiz."
    )
    ctx = ArticleContext(_numbered(text))
    person = ground_people([_PersonDraft(name="Ana Ruiz", official=False)], ctx).items[0]
    ctx = ArticleContext(_numbered(text), None, [person])
    assert ground_aims([UnjudgedAim(n=1)], ctx, {1: ("aimed",)}).items == []


def test_an_honorific_abbreviated_opens_no_office() -> None:
    text = "Read more from Prof Ana Ruiz Mr Hale told the radio that talks would go on."
    assert [h.office for h in find_office_holders(text)] == []


def test_a_king_named_with_his_regnal_number_or_a_name_given_an_office_with_as_holds_it() -> None:
    text = (
        "King Mohammed VI-announced he would replace Ana Ruiz as prime minister with another "
        "member. Jon Hale as well as Ruiz spoke."
    )
    holders = [(h.name, h.office) for h in find_office_holders(text)]
    assert holders == [("Mohammed VI", "King"), ("Ana Ruiz", "prime minister")]
    assert person_name("King Mohammed VI") == "Mohammed VI"
    assert person_name("NATO VI") is None  # a body's initials are no regnal number


def test_an_office_spelled_the_british_way_is_the_model_s_title_as_printed() -> None:
    text = (
        "Defence Secretary Ana Ruiz announced it. Jon Hale, a-foreign ministry spokesman, said so."
    )
    ctx = ArticleContext(_numbered(text))
    grounded = ground_people([_PersonDraft(name="Ana Ruiz", title="Defense Secretary")], ctx)
    assert [p.title for p in grounded.items] == ["Defence Secretary"]
    # A scrape's hyphen for the space after "a" still sets the office off after the name.
    assert ("Jon Hale", "foreign ministry spokesman") in [
        (h.name, h.office) for h in find_office_holders(text)
    ]


def test_a_site_written_with_its_city_is_in_that_city_and_a_city_s_part_is_no_person() -> None:
    assert destination("United Nations Headquarters in New York") == ("United States", "New York")
    assert person_name("West Berlin") is None  # a compass word and a known place
    assert person_name("Kim West") == "Kim West"


def test_a_title_is_read_as_the_article_prints_it_before_the_name() -> None:
    text = (
        "Russian and German Foreign Ministers, Ana Ruiz and Jon Hale, spoke. "
        "It was confirmed by Chinese Foreign Ministry spokesman Lu Kang on Friday. "
        "During Lima's President Mira Castell visit, Turkey's President Oskar Brandt left."
    )
    ctx = ArticleContext(_numbered(text))

    title = partial(_grounded_title, ctx)

    # The country the model wrote after the office is no part of it, nor a code before it.
    assert title("Ana Ruiz", "Foreign Minister of Russia") == "Foreign Minister"
    assert title("Jon Hale", "US Foreign Minister") == "Foreign Minister"
    # A fuller office printed before the name inside a sentence, without its country word.
    assert title("Lu Kang", "spokesman") == "Foreign Ministry spokesman"
    # Not a sentence's first words; and the office takes the case it is printed in.
    assert title("Mira Castell", "President") == "President"
    assert title("Oskar Brandt", "president of Turkey") == "President"


def test_the_office_before_a_name_ends_at_a_comma_a_possessive_or_the_sentence_start() -> None:
    text = (
        "White House press secretary Ana Ruiz said so. In Lima, White House envoy Jon Hale "
        "agreed. Chile's UN Ambassador Mira Castell and the new U.N. Ambassador Lu Kang spoke. "
        "Both Speaker of the House Tomas Dell and his aides left."
    )
    ctx = ArticleContext(_numbered(text))
    title = partial(_grounded_title, ctx)

    assert title("Ana Ruiz", "press secretary") == "White House press secretary"
    assert title("Jon Hale", "envoy") == "White House envoy"
    assert title("Mira Castell", "Ambassador") == "UN Ambassador"
    assert title("Lu Kang", "Ambassador") == "U.N. Ambassador"
    # A sentence's own first word opens no office.
    assert title("Tomas Dell", "Speaker of the House") == "Speaker of the House"


def test_the_office_before_a_name_may_follow_a_quote_and_take_a_bodys_word() -> None:
    text = (
        '"It is clear," White House spokesman Ana Ruiz said. Later that day, White House '
        "press secretary Jon Hale agreed. On Thursday during Secretary of State Mira Castell's "
        "visit, Lima's counterpart General Tomas Dell spoke."
    )
    ctx = ArticleContext(_numbered(text))
    title = partial(_grounded_title, ctx)

    assert title("Ana Ruiz", "spokesman") == "White House spokesman"  # after a quote
    assert title("Jon Hale", "secretary") == "White House press secretary"
    # A word in lower case is part of an office only after a body's name.
    assert title("Mira Castell", "Secretary of State") == "Secretary of State"
    assert title("Tomas Dell", "General") == "General"


def test_a_title_the_schema_cut_is_read_whole_as_printed() -> None:
    text = (
        "Among them were Ana Ruiz, chairman of the assembly's committee on legal affairs and "
        "human rights, and leader of the political group, Alliance of Liberals and Democrats "
        "for Europe, Jon Hale. Mira Castell, chairman of the state council's committee on "
        "foreign affairs who arrived on Monday, spoke."
    )
    ctx = ArticleContext(_numbered(text))
    title = partial(_grounded_title, ctx)

    # The model stops at the schema's 60 characters, at times inside a word.
    assert title("Ana Ruiz", "chairman of the assembly's committee on legal affairs and") == (
        "chairman of the assembly's committee on legal affairs and human rights"
    )
    assert title("Jon Hale", "leader of the political group, Alliance of Liberals and Dem") == (
        "leader of the political group, Alliance of Liberals and Democrats for Europe"
    )
    # Not on into a clause of its own; and a title well short of the cap stays as given.
    cut = "chairman of the state council's committee on foreign affairs"
    assert title("Mira Castell", cut) == cut
    assert title("Ana Ruiz", "chairman") == "chairman"


def test_two_office_words_joined_by_a_hyphen_are_one_office() -> None:
    text = "Zannier is glad the new UN Secretary-General Ana Ruiz put prevention first."
    assert [(h.name, h.office) for h in find_office_holders(text)] == [
        ("Ana Ruiz", "Secretary-General")
    ]


def test_a_plural_office_after_a_name_is_others_but_before_names_is_theirs() -> None:
    text = (
        "Ruiz is to meet Lima's counterpart Ana Ruiz and other senior officials. "
        "Chilean and Peruvian Trade Ministers, Jon Hale and Mira Castell, spoke."
    )
    ctx = ArticleContext(_numbered(text))

    title = partial(_grounded_title, ctx)

    assert title("Ana Ruiz", "Senior official") is None
    assert title("Mira Castell", "Trade Minister") == "Trade Minister"


def test_a_word_glued_to_a_closing_bracket_stays_a_word_of_its_own() -> None:
    text = "Lima (CNN)President Ana Ruiz met Jon Hale on Friday."
    ctx = ArticleContext(_numbered(text))
    grounded = ground_people([_PersonDraft(name="Ana Ruiz", title="President")], ctx)
    assert [p.title for p in grounded.items] == ["President"]
