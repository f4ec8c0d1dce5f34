"""The memo renderers: what an analyst reads must cite real sources and real sentences.

The brief is built by hand from three seed articles, with spans found by ``str.index`` so
every offset is genuine; it nests and crosses spans on purpose to exercise the HTML marking.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from summarize.contract.brief import (
    Brief,
    Citation,
    ClaimGroup,
    ClaimMember,
    Contradiction,
    ContradictionValue,
    DateRange,
    Engagement,
    Judgment,
    Narrative,
    RosterEntry,
    SingleSource,
    SourceRef,
)
from summarize.contract.extraction import Span
from summarize.render.document import format_date, format_date_range
from summarize.render.html import mark_spans, render_html
from summarize.render.markdown import render_markdown
from tests.conftest import seed

SECTIONS = [
    "Bottom line",
    "Timeline of engagements",
    "Context",
    "Officials",
    "Stated aims",
    "Speculation and assessments",
    "Contradictions",
    "Single-source items",
    "Sources",
]
PATHS = {1: seed("001"), 2: seed("004"), 3: seed("003")}


def load_articles() -> dict[int, str]:
    return {n: path.read_text(encoding="utf-8") for n, path in PATHS.items()}


def cite(articles: dict[int, str], n: int, quote: str) -> Citation:
    start = articles[n].index(quote)
    return Citation(source=n, span=Span(start=start, end=start + len(quote), text=quote))


def make_brief(articles: dict[int, str] | None = None) -> Brief:
    """A small merged brief over seeds 001 (source 1), 004 (2) and 003 (3)."""
    a = articles or load_articles()
    choe_visit = cite(
        a,
        1,
        "During her official visit on Oct. 28 to 30, Choe and Ryzhenkov inked a plan on "
        "expanding cooperation \u201cin all areas,\u201d the Belarusian Ministry of Foreign "
        "Affairs said.",
    )
    all_areas = cite(a, 1, "inked a plan on expanding cooperation \u201cin all areas,\u201d")
    pave_way = cite(
        a,
        1,
        "The ministers also reviewed a schedule for future high-level meetings that could pave "
        "the way for Belarusian President Alexander Lukashenko\u2019s visit to Pyongyang.",
    )
    # Crosses pave_way: starts inside it and runs on into the next sentence.
    beijing = cite(
        a,
        1,
        "Lukashenko\u2019s visit to Pyongyang. North Korean leader Kim Jong-un invited "
        "Lukashenko during their meeting in Beijing on Sept. 3.",
    )
    arrived = cite(a, 2, "Belarus\u2019 foreign minister arrived in North Korea on Tuesday")
    flew = cite(a, 2, "Belarusian Foreign Minister Maxim Ryzhenkov flew to Pyongyang from Beijing")
    will_come = cite(
        a,
        3,
        "Belarusian Foreign Minister Maxim Ryzhenkov will come to North Korea on Tuesday for a "
        "three-day trip",
    )
    experts = cite(
        a, 2, "experts say his trip will likely center on building North Korea-Belarus-Russia"
    )
    diplomat_likely = cite(
        a,
        3,
        "Maxim Ryzhenkov\u2019s meeting with North Korean officials will likely center on "
        "establishing trilateral North Korea-Belarus-Russia partnerships.",
    )
    june = cite(
        a,
        2,
        "During a meeting in Pyongyang in June, North Korean leader Kim Jong Un and Russian "
        "President Vladimir Putin signed a pact",
    )
    return Brief(
        title="Belarus\u2013North Korea engagement <script>alert(1)</script>",
        date_range=DateRange(start="2024-06", end="2024-07-23"),
        sources=[
            SourceRef(
                n=1,
                path="seeds/001_a3c96d00d70b1485.txt",
                sha256="a" * 64,
                outlet="NK News",
                outlet_key="NK News",
            ),
            SourceRef(
                n=2,
                path="seeds/004_32782bfa1945646b.txt",
                sha256="b" * 64,
                title="Belarus\u2019 foreign minister arrives in North Korea for talks expected "
                "to focus on Russia cooperation",
                outlet="The Associated Press",
                published="2024-07-23T09:52:00",
                outlet_key="The Associated Press",
            ),
            SourceRef(
                n=3,
                path="seeds/003_ed0bafd7f73eb26d.txt",
                sha256="c" * 64,
                title="Belarus\u2019 Foreign Minister Will Visit North Korea for Possible Talks "
                "on Russia Cooperation",
                outlet_key="c" * 64,
                also_at=["mirror/003.txt"],
            ),
        ],
        engagements=[
            Engagement(
                id="e-choe-minsk",
                role="engagement",
                traveler="Choe Son Hui",
                traveler_country="North Korea",
                destination_country="Belarus",
                destination_city="Minsk",
                start_date="--10-28",
                end_date="--10-30",
                year_known=False,
                date_note="year not stated",
                purposes=["cooperation plan \u201cin all areas\u201d"],
                sources=[1],
                corroboration=1,
                citations=[choe_visit],
            ),
            Engagement(
                id="e-ryzhenkov-pyongyang",
                role="engagement",
                traveler="Maxim Ryzhenkov",
                traveler_country="Belarus",
                destination_country="North Korea",
                destination_city="Pyongyang",
                start_date="2024-07-23",
                year_known=True,
                purposes=["talks on trilateral cooperation with Russia"],
                sources=[2, 3],
                corroboration=2,
                citations=[arrived, flew, will_come],
            ),
            Engagement(
                id="c-kim-beijing",
                role="context",
                traveler="Kim Jong Un",
                destination_country="China",
                destination_city="Beijing",
                start_date="--09-03",
                sources=[1],
                corroboration=1,
                citations=[beijing],
            ),
            Engagement(
                id="c-putin-pyongyang",
                role="context",
                traveler="Vladimir Putin",
                destination_city="Pyongyang",
                start_date="2024-06",
                year_known=True,
                sources=[2],
                corroboration=1,
                citations=[june],
            ),
        ],
        officials=[
            RosterEntry(
                id="p-choe",
                name="Choe Son Hui",
                variants=["Choe Son Hui", "Choe Son-hui"],
                titles=["Foreign Minister"],
                countries=["North Korea"],
                sources=[1, 2],
                corroboration=2,
                citations=[
                    cite(a, 1, "North Korean Foreign Minister Choe Son-hui"),
                    cite(a, 2, "North Korean counterpart Choe Son Hui"),
                ],
            ),
            RosterEntry(
                id="p-ryzhenkov",
                name="Maxim Ryzhenkov",
                variants=["Maxim Ryzhenkov", "Ryzhenkov"],
                # A pipe in the data must not split the Markdown table's row.
                titles=["Foreign Minister | Belarus"],
                countries=["Belarus"],
                sources=[2],
                corroboration=1,
                citations=[flew],
            ),
        ],
        stated_aims=[
            ClaimGroup(
                id="a-all-areas",
                kind="stated_aim",
                text="Expand cooperation in all areas",
                voiced_by=["Belarusian Ministry of Foreign Affairs"],
                sources=[1],
                corroboration=1,
                members=[
                    ClaimMember(
                        text="expand cooperation in all areas",
                        by="Belarusian Ministry of Foreign Affairs",
                        source=1,
                        citation=all_areas,
                    )
                ],
            )
        ],
        speculation=[
            ClaimGroup(
                id="h-trilateral",
                kind="hedged_claim",
                text="The trip will center on North Korea\u2013Belarus\u2013Russia cooperation",
                voiced_by=["experts"],
                cues=["likely"],
                sources=[2, 3],
                corroboration=2,
                members=[
                    ClaimMember(
                        text="trip will center on trilateral cooperation",
                        by="experts",
                        cue="likely",
                        source=2,
                        citation=experts,
                    ),
                    ClaimMember(
                        text="meeting will center on trilateral partnerships",
                        by="The Diplomat",
                        cue="likely",
                        source=3,
                        citation=diplomat_likely,
                    ),
                ],
            ),
            ClaimGroup(
                id="h-lukashenko",
                kind="hedged_claim",
                text="Future meetings could lead to a Lukashenko visit to Pyongyang",
                voiced_by=[],
                cues=["could"],
                sources=[1],
                corroboration=1,
                members=[
                    ClaimMember(
                        text="could pave the way for Lukashenko's visit",
                        by="NK News",
                        cue="could",
                        source=1,
                        citation=pave_way,
                    )
                ],
            ),
        ],
        contradictions=[
            Contradiction(
                subject="Maxim Ryzhenkov visit to North Korea",
                field="status",
                values=[
                    ContradictionValue(value="under way", sources=[2], citations=[arrived]),
                    ContradictionValue(value="announced", sources=[3], citations=[will_come]),
                ],
            )
        ],
        single_source=[
            SingleSource(
                kind="engagement", ref="e-choe-minsk", label="Choe Son Hui to Minsk", source=1
            ),
            SingleSource(
                kind="hedged_claim", ref="h-lukashenko", label="Lukashenko visit", source=1
            ),
        ],
        narrative=Narrative(
            bottom_line="Belarus and North Korea went from a first foreign-minister visit to a "
            "signed cooperation plan, with Russia in the background.",
            key_judgments=[
                Judgment(
                    text="The July visit was the first by a Belarusian foreign minister.",
                    sources=[2, 3],
                ),
                Judgment(text="A Lukashenko visit to Pyongyang is being prepared.", sources=[1]),
            ],
        ),
    )


@pytest.fixture(scope="module")
def articles() -> dict[int, str]:
    return load_articles()


@pytest.fixture(scope="module")
def brief(articles: dict[int, str]) -> Brief:
    return make_brief(articles)


@pytest.fixture(scope="module")
def markdown(brief: Brief) -> str:
    return render_markdown(brief)


@pytest.fixture(scope="module")
def page(brief: Brief, articles: dict[int, str]) -> str:
    return render_html(brief, articles)


def _section(markdown: str, title: str) -> str:
    body = markdown.split(f"\n## {title}\n", 1)[1]
    return body.split("\n## ", 1)[0]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-23", "July 23, 2024"),
        ("--10-28", "Oct. 28"),
        ("2025-05", "May 2025"),
        ("--06", "June"),
        (None, "date not stated"),
        ("sometime in spring", "sometime in spring"),
    ],
)
def test_format_date(value: str | None, expected: str) -> None:
    assert format_date(value) == expected


def test_format_date_range() -> None:
    assert format_date_range("--10-28", "--10-30") == "Oct. 28\u201330"
    assert format_date_range("2024-10-30", "2024-11-02") == "Oct. 30 \u2013 Nov. 2, 2024"
    assert format_date_range("2024-07-23", None) == "July 23, 2024"


# ---------------------------------------------------------------- Markdown


def test_markdown_has_every_section_in_order(markdown: str) -> None:
    headings = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert headings == SECTIONS
    # Data is literal text: a tag in it must not turn into HTML in a Markdown viewer.
    assert markdown.startswith(
        "# Belarus\u2013North Korea engagement \\<script>alert(1)\\</script>"
    )
    assert "**Period covered:** June 2024 \u2013 July 23, 2024" in markdown


def test_markdown_citations_refer_to_listed_sources(brief: Brief, markdown: str) -> None:
    known = {s.n for s in brief.sources}
    memo = markdown.split("\n## Sources\n", 1)[0]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", memo)}
    assert cited == known
    sources = _section(markdown, "Sources").strip().splitlines()
    assert sources == [
        "1. NK News, date not stated, (untitled), seeds/001_a3c96d00d70b1485.txt",
        '2. The Associated Press, July 23, 2024, "Belarus\u2019 foreign minister arrives in '
        'North Korea for talks expected to focus on Russia cooperation", '
        "seeds/004_32782bfa1945646b.txt",
        '3. outlet not stated, date not stated, "Belarus\u2019 Foreign Minister Will Visit '
        'North Korea for Possible Talks on Russia Cooperation", '
        "seeds/003_ed0bafd7f73eb26d.txt (also at: mirror/003.txt)",
    ]


def test_timeline_is_in_date_order_and_flags_unknown_year(markdown: str) -> None:
    lines = _section(markdown, "Timeline of engagements").strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "- **July 23, 2024** \u2014 Maxim Ryzhenkov (Belarus) \u2192 Pyongyang"
    )
    assert lines[0].endswith("2 sources [2][3]")
    assert lines[1].startswith("- **Oct. 28\u201330, year not stated** \u2014 Choe Son Hui")
    assert "Minsk, Belarus" in lines[1] and lines[1].endswith("1 source [1]")
    context = _section(markdown, "Context").strip().splitlines()
    assert context[0].startswith("- June 2024 \u2014 Vladimir Putin")
    assert context[1].startswith("- Sept. 3, year not stated \u2014 Kim Jong Un \u2192 Beijing")


def test_officials_table_escapes_pipes(markdown: str) -> None:
    table = _section(markdown, "Officials").strip().splitlines()
    assert table[0] == "| Name | Variants seen | Titles | Country | Sources |"
    row = next(line for line in table if line.startswith("| Maxim Ryzhenkov"))
    assert "Foreign Minister \\| Belarus" in row
    assert len(re.split(r"(?<!\\)\|", row)) == 7  # five cells between the outer pipes
    choe = next(line for line in table if line.startswith("| Choe Son Hui"))
    assert choe == "| Choe Son Hui | Choe Son-hui | Foreign Minister | North Korea | [1][2] |"


def test_claims_contradictions_and_single_source(markdown: str) -> None:
    aims = _section(markdown, "Stated aims")
    assert "Expand cooperation in all areas \u2014 Belarusian Ministry of Foreign Affairs" in aims
    assert aims.strip().endswith("[1] \u2014 1 source")
    speculation = _section(markdown, "Speculation and assessments")
    assert "voiced by experts \u2014 cue: \u201clikely\u201d \u2014 [2][3] \u2014 2 sources" in (
        speculation
    )
    assert "Pyongyang \u2014 speaker not stated \u2014 cue: \u201ccould\u201d" in speculation
    contradictions = _section(markdown, "Contradictions").strip().splitlines()
    assert contradictions == [
        "- **Maxim Ryzhenkov visit to North Korea** \u2014 status",
        "   - \u201cunder way\u201d [2]",
        "   - \u201cannounced\u201d [3]",
    ]
    single = _section(markdown, "Single-source items")
    assert "- Engagement: Choe Son Hui to Minsk [1]" in single
    assert "- Speculation: Lukashenko visit [1]" in single


def test_bottom_line_and_its_absence(brief: Brief, markdown: str) -> None:
    bottom = _section(markdown, "Bottom line")
    assert "signed cooperation plan" in bottom
    assert "1. The July visit was the first by a Belarusian foreign minister. [2][3]" in bottom
    without = render_markdown(brief.model_copy(update={"narrative": None}))
    assert "## Bottom line" not in without
    assert "## Timeline of engagements" in without


def test_markdown_is_deterministic(brief: Brief, markdown: str) -> None:
    again = Brief.model_validate_json(brief.model_dump_json())
    assert render_markdown(again) == markdown
    assert render_markdown(brief) == markdown


def test_empty_sections_say_none() -> None:
    empty = Brief(
        title="Nothing yet",
        date_range=DateRange(),
        sources=[],
        engagements=[],
        officials=[],
        stated_aims=[],
        speculation=[],
        contradictions=[],
        single_source=[],
    )
    text = render_markdown(empty)
    assert "**Period covered:** date not stated" in text
    assert _section(text, "Officials").strip() == "None."
    assert render_html(empty, {}).count("<section") == 9  # 8 memo sections + "Source articles"


# ---------------------------------------------------------------- HTML


class _Scan(HTMLParser):
    """Collects tags, ids, link targets, mark texts and the text of each article block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: list[str] = []
        self.marks: list[tuple[dict[str, str], str]] = []
        self.article_text: dict[str, str] = {}
        self.raw: dict[str, str] = {"style": "", "script": ""}
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._mark: tuple[dict[str, str], list[str]] | None = None
        self._article: str | None = None
        self._section: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attr))
        if "id" in attr:
            self.ids.append(attr["id"])
            if attr["id"].startswith("src-"):
                self._section = attr["id"]
        if tag == "mark":
            self._mark = (attr, [])
        if tag == "div" and "article-text" in attr.get("class", ""):
            self._article = self._section
            assert self._article is not None
            self.article_text[self._article] = ""
        self._stack.append((tag, attr))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark[0], "".join(self._mark[1])))
            self._mark = None
        if tag == "div" and self._stack and self._stack[-1][0] == "div":
            self._article = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark[1].append(data)
        if self._article is not None:
            self.article_text[self._article] += data
        if self._stack and self._stack[-1][0] in self.raw:
            self.raw[self._stack[-1][0]] += data


def scan(page: str) -> _Scan:
    parser = _Scan()
    parser.feed(page)
    parser.close()
    return parser


def test_html_loads_nothing_from_outside(page: str) -> None:
    parsed = scan(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
        for value in attrs.values():
            assert "http://" not in value and "https://" not in value
    assert {tag for tag, _ in parsed.tags}.isdisjoint({"link", "img", "iframe", "object"})
    for code in parsed.raw.values():
        assert "@import" not in code and "url(" not in code
        assert "http://" not in code and "https://" not in code
        assert "fetch(" not in code and "XMLHttpRequest" not in code


def test_every_link_target_exists_and_ids_are_unique(page: str) -> None:
    parsed = scan(page)
    assert len(parsed.ids) == len(set(parsed.ids))
    ids = set(parsed.ids)
    hrefs = [a["href"][1:] for tag, a in parsed.tags if tag == "a"]
    assert hrefs and all(h in ids for h in hrefs)
    cites = [a for tag, a in parsed.tags if tag == "a" and a.get("class") == "cite"]
    for link in cites:
        for span in link.get("data-spans", "").split():
            assert span in ids
    # Every span cited by the brief is a link target, with the [n] of its own source.
    span_links = {a["href"] for a in cites if re.match(r"#s\d", a["href"])}
    assert len(span_links) >= 8
    for link in cites:
        match = re.match(r"#(?:s|src-)(\d+)\b", link["href"])
        assert match is not None and int(match[1]) in {1, 2, 3}


def test_marks_hold_exactly_the_article_slices(page: str, articles: dict[int, str]) -> None:
    parsed = scan(page)
    assert parsed.marks
    for attrs, inner in parsed.marks:
        first = attrs["data-spans"].split()[0]
        n = int(first[1:].split("-")[0])
        start, end = int(attrs["data-start"]), int(attrs["data-end"])
        assert inner == articles[n][start:end]
        if "id" in attrs:
            _, a, b = attrs["id"][1:].split("-")
            assert (int(a), int(b)) == (start, end)
    # Marking never changes the article: its text reads back whole, whitespace included.
    for n, text in articles.items():
        assert parsed.article_text[f"src-{n}"] == text
    # The crossing and nested spans of source 1 got anchors, so their ids still exist.
    anchors = [a for tag, a in parsed.tags if tag == "span" and a.get("class") == "anchor"]
    assert {a["id"].split("-")[0] for a in anchors} == {"s1"}


def test_html_escapes_data(page: str) -> None:
    assert page.count("<script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Belarus\u2013North Korea engagement &lt;script&gt;" in page


def test_html_has_the_memo_sections(page: str, markdown: str) -> None:
    headings = re.findall(r"<h2>([^<]+)</h2>", page)
    assert [html.unescape(h) for h in headings] == [*SECTIONS, "Source articles"]
    assert "year not stated" in page
    assert page == render_html(make_brief(), load_articles())


def test_citation_with_a_bad_span_links_to_the_article() -> None:
    text = "Alpha met Beta in Gamma."
    bad = Span(start=0, end=5, text="Wrong")
    brief = Brief(
        title="t",
        date_range=DateRange(),
        sources=[SourceRef(n=1, path="a.txt", sha256="0" * 64, outlet_key="x")],
        engagements=[
            Engagement(
                id="e",
                role="engagement",
                traveler="Alpha",
                sources=[1],
                corroboration=1,
                citations=[Citation(source=1, span=bad)],
            )
        ],
        officials=[],
        stated_aims=[],
        speculation=[],
        contradictions=[],
        single_source=[],
    )
    page = render_html(brief, {1: text})
    assert '<a class="cite" href="#src-1">[1]</a>' in page
    assert "<mark" not in page


def test_mark_spans_splits_overlaps() -> None:
    out = mark_spans(7, "abcdefghij", [(0, 5), (3, 8), (3, 5)])
    assert out == (
        '<span class="anchor" id="s7-0-5"></span>'
        '<mark class="evidence" data-spans="s7-0-5" data-start="0" data-end="3">abc</mark>'
        '<span class="anchor" id="s7-3-8"></span>'
        '<mark class="evidence" id="s7-3-5" data-spans="s7-0-5 s7-3-5 s7-3-8" data-start="3" '
        'data-end="5">de</mark>'
        '<mark class="evidence" data-spans="s7-3-8" data-start="5" data-end="8">fgh</mark>'
        "ij"
    )
    assert mark_spans(1, "a<b", [(1, 2)]) == (
        'a<mark class="evidence" id="s1-1-2" data-spans="s1-1-2" data-start="1" '
        'data-end="2">&lt;</mark>b'
    )
