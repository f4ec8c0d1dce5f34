"""Page furniture never reaches the model, and offsets still map back to the article."""

from __future__ import annotations

from pathlib import Path

from summarize.ingest.furniture import strip_furniture

PAGES = Path(__file__).parent / "fixtures" / "ingest"
SIDEBAR = ["Riverton", "Delia Crane", "Marcus Ferreira", "Nadia Okafor", "Paul Lindgren"]


def _body(name: str) -> tuple[str, str]:
    text = (PAGES / name).read_text(encoding="utf-8")
    return text, strip_furniture(text).text


def test_wire_sidebars_are_gone_and_the_story_is_whole() -> None:
    text, body = _body("wire-story.txt")
    for name in SIDEBAR:  # teasers, time stamps and videos after the story: a trailing block
        assert name in text
        assert name not in body
    for furniture in ["Latest Headlines", "35m ago", "15h ago", "2:15", "3:00", "More Videos"]:
        assert furniture not in body
    assert "Report an Error" not in body and "Reader Feedback" not in body
    assert "Ingrid Solberg" not in body  # byline and sign-off are metadata, not story
    assert "Posted March" not in body and "Last Updated" not in body
    for official in ["Arman Tokhtarov", "Tan Wei Ling", "Lee Kah Wo", "Lee Kah Jun",
                     "Yevgeny Lapin", "Hoang Minh Duc"]:  # fmt: skip
        assert official in body
    assert body.count("lands in Singapore seeking a rail-to-port") == 1
    assert body.rstrip().endswith("upgraded it to a full embassy two years later.")


def test_section_page_navigation_repeats_and_promotion_are_gone() -> None:
    text, body = _body("section-page.txt")
    assert "Central Asia" in text.splitlines()
    assert "Central Asia" not in body.splitlines()  # a section label before the story
    assert "Diplomacy" not in body  # breadcrumbs
    assert "Credit: Stockimages" not in body
    assert "careers page" not in body and "next role" not in body  # the trailing promotion
    assert body.count("as Freight Corridor Talks Gather Pace") == 1  # the headline, once
    assert "Priya Raman" in body and "Tan Wei Ling" in body
    assert "may produce a transit agreement covering Vietnamese ports." in body  # the dek
    assert body.rstrip().endswith("in Astana in February, Kazakh state media reported.")


def test_stamps_and_a_closing_block_are_gone() -> None:
    _, body = _body("stamped-story.txt")
    assert "2:05 PM" not in body
    assert "That's all for now" not in body and "Commentary" not in body
    assert body.count("Kenyan Trade Minister Visits Chile") == 1
    assert "NAIROBI, Kenya \u2014 Kenyan Trade Minister Wanjiru Otieno landed" in body
    assert body.rstrip().endswith("signed two memorandums on agriculture.")


def test_a_label_between_headline_and_story_is_furniture() -> None:
    assert "More Features" not in _body("section-page.txt")[1]
    assert "Key Points" not in _body("stamped-story.txt")[1]


def test_removed_spans_and_body_segments_are_exact_slices() -> None:
    pages = sorted(PAGES.glob("*.txt"))
    assert len(pages) >= 5
    for path in pages:
        text = path.read_text(encoding="utf-8")
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


def test_an_embedded_posts_credit_is_furniture_and_its_words_stay() -> None:
    # A wire text runs the post into the prose (its dash mangled to '"?'); a page's body puts
    # the credit on a line of its own.
    inline = (
        "Mayor Ana Ruiz met the minister at City Hall. Ruiz spoke of the port plan "
        '@cityhall pic.twitter.com/AbC123xYz "?Lena Marsh (@lenamarsh) June 2, 2019 '
        "The minister flew on to Lima.\n"
    )
    body = strip_furniture(inline)
    assert "Lena Marsh" not in body.text and "pic.twitter.com" not in body.text
    assert "Ruiz spoke of the port plan @cityhall" in body.text  # the post's own words
    assert body.text.rstrip().endswith("The minister flew on to Lima.")
    at = body.text.index("The minister flew")
    span = body.to_article(at, at + len("The minister flew"))
    assert span is not None and inline[span.start : span.end] == "The minister flew"
    lines = (
        "The alert reached millions of phones.\n\n"
        "Well that is new pic.twitter.com/EWgDSVvrHO\n\n"
        "\u2014 Tom Vale (@tomvale) September 19, 2016\n\n"
        "Officials defended the alert on Monday.\n"
    )
    body = strip_furniture(lines)
    assert "Tom Vale" not in body.text and "pic.twitter.com" not in body.text
    assert "Well that is new" in body.text and "Officials defended the alert" in body.text
    assert (
        "Ambassador Lee (@ambassador)"
        in strip_furniture("They met Ambassador Lee (@ambassador) in Seoul on Tuesday.\n").text
    )  # a handle in prose, with no day after it, is no credit


def test_a_labelled_link_to_another_story_is_furniture_and_the_prose_goes_on() -> None:
    inline = (
        "Ruiz will host the talks. RELATED: Lena Marsh in trouble over Lima's port deal "
        "At City Hall, Ruiz met the minister, who had flown in from Lima on Monday to sign "
        "the port deal with her.\n"
    )
    body = strip_furniture(inline)
    assert "Lena Marsh" not in body.text and "RELATED" not in body.text
    assert "Ruiz will host the talks. At City Hall, Ruiz met the minister, who" in body.text
    # Run into prose with nothing to end it, it stays: cutting to the line's end would cut
    # the story.
    runon = (
        "READ MORE: Lima row shows no sign of ebbing Ana Ruiz, reporting from Lima, said "
        "there were no protests in the city and that talks would go on next week.\n"
    )
    assert strip_furniture(runon).text.strip() == runon.strip()
    # On a line of its own, the whole line goes.
    lines = "Ruiz will host the talks.\n\nREAD MORE: Why Lima Wants a Port\n\nRuiz met him.\n"
    assert "Lima" not in strip_furniture(lines).text
    # A name glued to its verb of saying ends the headline: the prose goes on there.
    glued = "Ruiz spoke. READ MORE: Lima row shows no sign of ebbing Ruiz-told them it may.\n"
    assert strip_furniture(glued).text == "Ruiz spoke. Ruiz-told them it may.\n"
    # A quotation in the headline keeps its capitals: its "I" opens no sentence of the story.
    quoted = (
        "Ruiz spoke. READ MORE: 'Hope is all I have', Lima journalist says In a press "
        "conference after the talks, Ana Ruiz said the port would open.\n"
    )
    assert strip_furniture(quoted).text == (
        "Ruiz spoke. In a press conference after the talks, Ana Ruiz said the port would open.\n"
    )
    # A link to an interactive page is labelled so too.
    graphic = "Ruiz will host the talks. INTERACTIVE: Lima under siege The port reopened.\n"
    assert strip_furniture(graphic).text == "Ruiz will host the talks. The port reopened.\n"


def test_a_box_s_author_credit_run_into_the_prose_is_furniture() -> None:
    text = (
        "The death toll is on the rise. Author: Lena Marsh Points of clarification A lack of "
        "ideas from Lima makes talks hard. Authors: Ana Ruiz and Timo Lee The port reopened.\n"
    )
    body = strip_furniture(text).text
    assert "Marsh" not in body and "Author" not in body and "Timo Lee" not in body
    assert "on the rise. Points of clarification A lack" in body
    assert "makes talks hard. The port reopened." in body


def test_the_page_s_closing_calls_to_its_reader_are_furniture() -> None:
    story = "Ruiz will host the talks. The bill is due on Thursday."
    tail = (
        " Get news from the Post in your inbox, each morning Do you have a question about the"
        " talks? Or about the bill? Let us know: If you are reading this on the app, you will"
        " need to visit the website."
    )
    assert strip_furniture(story + tail + "\n").text == story + " \n"
    # One sentence to the reader, or one in quotation marks, is the story's.
    quoted = story + ' "If you want peace, you talk," Ruiz said. Do you agree?\n'
    assert strip_furniture(quoted).text == quoted


def test_a_closing_call_with_its_links_labels_after_an_embedded_post_is_furniture() -> None:
    story = "Ruiz will host the talks. The bill is due on Thursday."
    tail = (
        " Do you have information you want to share with the Post? Here's how. How will"
        " the talks affect you? Learn more"
    )
    assert strip_furniture(story + tail + "\n").text == story + " \n"
    # A sentence ends at a mark before a space, not inside an address ("pic.twitter.com"):
    # the run is read back past it, to the story's own full stop.
    post = story + " See ruiz.example.com/talks Do you have a story? Tell us what you think"
    assert strip_furniture(post + "\n").text == story + " \n"


def test_a_linked_headline_ends_at_its_question_mark_or_its_glued_dash() -> None:
    text = (
        "Ruiz met the minister in Lima on Monday. OPINION: Ana Ruiz's Lima visit: A "
        "critical juncture-  Lima considers the port deal a test of the new government. "
        "ANALYSIS: What will Ruiz do with the port? Referring to the deal, an aide said "
        "talks would go on next week.\n"
    )
    body = strip_furniture(text).text
    assert "visit" not in body and "juncture" not in body and "do with the port" not in body
    assert "Lima considers the port deal" in body and "Referring to the deal" in body


def test_a_headline_quoting_someone_with_its_glued_dash_is_a_link_without_a_label() -> None:
    text = (
        'Ruiz met the minister in Lima on Monday. "We will talk again," she said. '
        "Marsh: Port talks in Lima 'stalled'- Though both sides want the deal, the aide "
        "said it could take months. He travelled to- Quito- from Lima. Ross said: Lima "
        "matters.\n"
    )
    body = strip_furniture(text).text
    assert "Marsh" not in body and "stalled" not in body
    assert "she said. Though both sides want the deal" in body
    # A glued dash alone, or a colon alone, is prose.
    assert "He travelled to- Quito- from Lima. Ross said: Lima matters." in body


def test_a_short_label_at_the_top_does_not_swallow_the_article() -> None:
    text = "Top Stories\nA minister arrived in Lima on Monday for talks.\n"
    assert "minister arrived" in strip_furniture(text).text


def test_words_a_model_writes_for_null_become_null() -> None:
    from summarize.extract.passes import stated

    assert [stated(v) for v in ("null", " None ", "unknown", "", None)] == [None] * 5
    assert stated(" Lima ") == "Lima"


def test_a_wire_services_contribution_credit_run_into_the_story_is_gone() -> None:
    text = (
        "Talks in Lyon\n\n"
        "The minister met her counterpart in Lyon on Monday. Both pledged closer ties. "
        '"?Associated Press writers Ana Ruiz in Oslo and Tomas Dell in Rabat contributed to '
        "this report.\n"
    )
    body = strip_furniture(text)

    assert body.text.rstrip().endswith("Both pledged closer ties.")
    for name in ("Ana Ruiz", "Tomas Dell", "Oslo", "Rabat"):
        assert name in text and name not in body.text
    # A sentence that only mentions a contribution stays.
    kept = "Talks in Lyon\n\nThe writers said Dell contributed to the deal in Rabat.\n"
    assert "Rabat" in strip_furniture(kept).text
    # The writer's sign-off with where to find them ends the story too.
    signed = (
        "Talks in Lyon\n\nBoth pledged to keep talking. "
        '"?Reach Ana Ruiz on Twitter at http://twitter.com/anaruizAP\n'
    )
    body = strip_furniture(signed).text
    assert body.rstrip().endswith("Both pledged to keep talking.") and "Ana Ruiz" not in body


def test_a_row_of_sharing_buttons_run_into_the_prose_is_gone() -> None:
    text = (
        "Ruiz will host the talks. Send Facebook Twitter Google+ Whatsapp Tumblr linkedin "
        "stumble Digg reddit Newsvine Permalink http://example.org/p/2WI3Y The port reopened.\n"
    )
    assert strip_furniture(text).text == "Ruiz will host the talks. The port reopened.\n"
    # Two networks named in a sentence are no row of buttons.
    named = "Ruiz posted the news on Facebook and Twitter on Monday.\n"
    assert strip_furniture(named).text == named


def test_teasers_dated_after_their_last_sentence_are_gone_and_a_dated_sentence_stays() -> None:
    text = (
        "A report on Monday exposes how impunity has fostered abuses in the port, a long "
        "paragraph of the story itself that runs on well past what any teaser would hold, "
        "since the story's own sentences are long and the teasers that follow them are short "
        "and few, Ruiz said. The mayor said she would push the minister to speed up the work. "
        "She referred to last year's strike. (11.02.2017) As Lima confronts its debts, the city "
        'is divided. (27.12.2016) Entitled "An end to delay," the report details 23 cases.\n'
    )
    body = strip_furniture(text).text
    assert body == (
        "A report on Monday exposes how impunity has fostered abuses in the port, a long "
        "paragraph of the story itself that runs on well past what any teaser would hold, "
        "since the story's own sentences are long and the teasers that follow them are short "
        'and few, Ruiz said. Entitled "An end to delay," the report details 23 cases.\n'
    )
    dated = "The summit, which officially begins on Friday (17.02.2017), is the 53rd.\n"
    assert strip_furniture(dated).text == dated


def test_a_byline_split_between_headline_and_standfirst_is_gone() -> None:
    text = (
        "Port workers vote to end the strike 'for now' Marta Ruiz\n"
        "Published: 2017/3/2\n\n"
        "The union says the talks with the ministry will go on, officials say. By\n\n"
        "Minister Tomas Vidal said the port would reopen on Monday.\n"
    )
    body = strip_furniture(text)
    assert body.text == (
        "Port workers vote to end the strike 'for now'\n\n"
        "The union says the talks with the ministry will go on, officials say.\n\n"
        "Minister Tomas Vidal said the port would reopen on Monday.\n"
    )
    # the cut names map back to where the page printed them
    assert [s.text for s in body.removed if "Ruiz" in s.text] == [" Marta Ruiz"]
    assert all(text[s.start : s.end] == s.text for s in body.removed)


def test_two_authors_a_particle_and_a_headline_with_no_dangling_by() -> None:
    two = "Talks on the port end 'in a day' Ana Lima Ben van Dijk\n\nThe talks end today. By By\n"
    assert strip_furniture(two).text == "Talks on the port end 'in a day'\n\nThe talks end today.\n"
    # no "By" left dangling: the capitalized words ending a headline are its own
    kept = "Minister Ruiz meets Tomas Vidal\n\nThe talks end today.\n"
    assert strip_furniture(kept).text == kept
    # a "by" inside the standfirst's sentence is no byline
    prose = "Ruiz meets Tomas Vidal\n\nThe talks were led by\n"
    assert strip_furniture(prose).text == prose
