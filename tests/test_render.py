"""The memo renderers: what an analyst reads must cite real sources and real sentences.

The brief is built by hand from three invented articles under ``tests/fixtures/render/``,
with spans found by ``str.index`` so every offset is genuine; it nests and crosses spans on
purpose to exercise the HTML marking.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

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
    Narrative,
    RosterEntry,
    SingleSource,
    SourceRef,
    Statement,
)
from summarize.contract.extraction import Span
from summarize.render.document import format_date, format_date_range
from summarize.render.html import mark_spans, render_html
from summarize.render.markdown import render_markdown

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
FIXTURES = Path(__file__).parent / "fixtures" / "render"
PATHS = {n: FIXTURES / f"a{n}.txt" for n in (1, 2, 3)}


def load_articles() -> dict[int, str]:
    return {n: path.read_text(encoding="utf-8") for n, path in PATHS.items()}


def cite(articles: dict[int, str], n: int, quote: str) -> Citation:
    start = articles[n].index(quote)
    return Citation(source=n, span=Span(start=start, end=start + len(quote), text=quote))


def make_brief(articles: dict[int, str] | None = None) -> Brief:
    """A small merged brief over fixture articles a1 (source 1), a2 (2) and a3 (3)."""
    a = articles or load_articles()
    varga_visit = cite(
        a,
        1,
        "During the Nov. 4 to 6 official visit, Varga-Holm and Brell pledged to deepen "
        "cooperation \u201cin every field,\u201d according to a readout from Valdoria\u2019s "
        "foreign ministry.",
    )
    # Nested inside varga_visit.
    every_field = cite(a, 1, "pledged to deepen cooperation \u201cin every field,\u201d")
    clear_way = cite(
        a,
        1,
        "The ministers also agreed on a calendar of senior-level exchanges that could clear the "
        "way for Valdorian President Anton Dressler\u2019s first trip to Halvik.",
    )
    # Crosses clear_way: starts inside it and runs on into the next sentence.
    geneva = cite(
        a,
        1,
        "Dressler\u2019s first trip to Halvik. Kestrian leader Mara Solvei extended the "
        "invitation to Dressler when the two met in Geneva on Sept. 12.",
    )
    arrived = cite(a, 2, "Valdoria\u2019s foreign minister arrived in Kestria on Tuesday")
    landed = cite(
        a,
        2,
        "Valdorian Foreign Minister Tomas Brell\u2019s plane touched down at Halvik\u2019s "
        "Eastgate airport",
    )
    scheduled = cite(
        a,
        3,
        "Valdorian Foreign Minister Tomas Brell is scheduled to land in Kestria on Tuesday for "
        "talks lasting through Thursday",
    )
    analysts = cite(
        a, 2, "analysts say the visit will likely focus on a three-way grain and energy arrangement"
    )
    quarterly_likely = cite(
        a,
        3,
        "Tomas Brell\u2019s sessions with Kestrian officials will likely concentrate on a joint "
        "Valdoria-Kestria-Sarnavia transit corridor,",
    )
    may = cite(
        a,
        2,
        "In May, Sarnavian President Oleg Marrin traveled to Halvik, where he and Solvei signed "
        "a mutual defense treaty",
    )
    return Brief(
        title="Valdoria\u2013Kestria engagement <script>alert(1)</script>",
        date_range=DateRange(start="2023-05", end="2023-07-18"),
        sources=[
            SourceRef(
                n=1,
                path="tests/fixtures/render/a1.txt",
                sha256="a" * 64,
                outlet="The Harbor Ledger",
                outlet_key="The Harbor Ledger",
            ),
            SourceRef(
                n=2,
                path="tests/fixtures/render/a2.txt",
                sha256="b" * 64,
                title="Valdorian envoy Brell opens first ministerial visit to Kestria",
                outlet="The Northgate Wire",
                published="2023-07-18T08:41:00",
                outlet_key="The Northgate Wire",
            ),
            SourceRef(
                n=3,
                path="tests/fixtures/render/a3.txt",
                sha256="c" * 64,
                title="Valdoria\u2019s Foreign Minister Bound for Kestria as Sarnavia Looms Over "
                "Talks",
                outlet_key="c" * 64,
                also_at=["mirror/a3.txt"],
            ),
        ],
        engagements=[
            Engagement(
                id="e-varga-corvena",
                role="engagement",
                traveler="Ilse Varga Holm",
                traveler_country="Kestria",
                destination_country="Valdoria",
                destination_city="Corvena",
                start_date="--11-04",
                end_date="--11-06",
                year_known=False,
                date_note="year not stated",
                status="planned",
                purposes=["cooperation \u201cin every field\u201d"],
                sources=[1],
                corroboration=1,
                citations=[varga_visit],
            ),
            Engagement(
                id="e-brell-halvik",
                role="engagement",
                traveler="Tomas Brell",
                traveler_country="Valdoria",
                destination_country="Kestria",
                destination_city="Halvik",
                start_date="2023-07-18",
                year_known=True,
                purposes=["talks on three-way cooperation with Sarnavia"],
                sources=[2, 3],
                corroboration=2,
                citations=[arrived, landed, scheduled],
            ),
            Engagement(
                id="c-solvei-geneva",
                role="context",
                traveler="Mara Solvei",
                destination_country="Switzerland",
                destination_city="Geneva",
                start_date="--09-12",
                sources=[1],
                corroboration=1,
                citations=[geneva],
            ),
            Engagement(
                id="c-marrin-halvik",
                role="context",
                traveler="Oleg Marrin",
                destination_city="Halvik",
                start_date="2023-05",
                year_known=True,
                sources=[2],
                corroboration=1,
                citations=[may],
            ),
        ],
        officials=[
            RosterEntry(
                id="p-varga",
                name="Ilse Varga Holm",
                variants=["Ilse Varga Holm", "Ilse Varga-Holm"],
                titles=["Foreign Minister"],
                countries=["Kestria"],
                sources=[1, 2],
                corroboration=2,
                citations=[
                    cite(a, 1, "Kestrian Foreign Minister Ilse Varga-Holm"),
                    cite(a, 2, "Kestrian counterpart Ilse Varga Holm"),
                ],
            ),
            RosterEntry(
                id="p-brell",
                name="Tomas Brell",
                variants=["Tomas Brell", "Brell"],
                # A pipe in the data must not split the Markdown table's row.
                titles=["Foreign Minister | Valdoria"],
                countries=["Valdoria"],
                sources=[2],
                corroboration=1,
                citations=[landed],
            ),
        ],
        stated_aims=[
            ClaimGroup(
                id="a-every-field",
                kind="stated_aim",
                text="Deepen cooperation in every field",
                voiced_by=["Valdorian foreign ministry"],
                sources=[1],
                corroboration=1,
                members=[
                    ClaimMember(
                        text="deepen cooperation in every field",
                        by="Valdorian foreign ministry",
                        source=1,
                        citation=every_field,
                    )
                ],
            )
        ],
        speculation=[
            ClaimGroup(
                id="h-three-way",
                kind="hedged_claim",
                text="The visit will focus on Valdoria\u2013Kestria\u2013Sarnavia cooperation",
                voiced_by=["analysts"],
                cues=["likely"],
                sources=[2, 3],
                corroboration=2,
                members=[
                    ClaimMember(
                        text="visit will focus on a three-way arrangement",
                        by="analysts",
                        cue="likely",
                        source=2,
                        citation=analysts,
                    ),
                    ClaimMember(
                        text="sessions will concentrate on a three-way transit corridor",
                        by="Coastline Quarterly",
                        cue="likely",
                        source=3,
                        citation=quarterly_likely,
                    ),
                ],
            ),
            ClaimGroup(
                id="h-dressler",
                kind="hedged_claim",
                text="Future exchanges could lead to a Dressler visit to Halvik",
                voiced_by=[],
                cues=["could"],
                sources=[1],
                corroboration=1,
                members=[
                    ClaimMember(
                        text="could clear the way for Dressler's trip",
                        by="The Harbor Ledger",
                        cue="could",
                        source=1,
                        citation=clear_way,
                    )
                ],
            ),
        ],
        contradictions=[
            Contradiction(
                subject="Tomas Brell visit to Kestria",
                field="status",
                values=[
                    ContradictionValue(value="under way", sources=[2], citations=[arrived]),
                    ContradictionValue(value="announced", sources=[3], citations=[scheduled]),
                ],
            )
        ],
        single_source=[
            SingleSource(
                kind="engagement",
                ref="e-varga-corvena",
                label="Ilse Varga Holm to Corvena",
                source=1,
            ),
            SingleSource(kind="hedged_claim", ref="h-dressler", label="Dressler visit", source=1),
        ],
        narrative=Narrative(
            bottom_line=[
                Statement(
                    text="Valdoria and Kestria went from a first foreign-minister visit to a "
                    "pledge of cooperation in every field, with Sarnavia in the background.",
                    sources=[1, 2],
                    citations=[arrived],
                )
            ],
            key_judgments=[
                Statement(
                    text="The July visit was the first by a Valdorian foreign minister.",
                    sources=[2, 3],
                ),
                Statement(text="A Dressler visit to Halvik is being prepared.", sources=[1]),
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
        ("2023-07-18", "July 18, 2023"),
        ("--11-04", "Nov. 4"),
        ("2025-05", "May 2025"),
        ("--06", "June"),
        (None, "date not stated"),
        ("sometime in spring", "sometime in spring"),
    ],
)
def test_format_date(value: str | None, expected: str) -> None:
    assert format_date(value) == expected


def test_format_date_range() -> None:
    assert format_date_range("--11-04", "--11-06") == "Nov. 4\u20136"
    assert format_date_range("2023-09-29", "2023-10-02") == "Sept. 29 \u2013 Oct. 2, 2023"
    assert format_date_range("2023-07-18", None) == "July 18, 2023"


# ---------------------------------------------------------------- Markdown


def test_markdown_has_every_section_in_order(markdown: str) -> None:
    headings = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert headings == SECTIONS
    # Data is literal text: a tag in it must not turn into HTML in a Markdown viewer.
    assert markdown.startswith("# Valdoria\u2013Kestria engagement \\<script>alert(1)\\</script>")
    assert "**Period covered:** May 2023 \u2013 July 18, 2023" in markdown


def test_markdown_citations_refer_to_listed_sources(brief: Brief, markdown: str) -> None:
    known = {s.n for s in brief.sources}
    memo = markdown.split("\n## Sources\n", 1)[0]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", memo)}
    assert cited == known
    sources = _section(markdown, "Sources").strip().splitlines()
    assert sources == [
        "1. The Harbor Ledger, date not stated, (untitled), tests/fixtures/render/a1.txt",
        '2. The Northgate Wire, July 18, 2023, "Valdorian envoy Brell opens first ministerial '
        'visit to Kestria", tests/fixtures/render/a2.txt',
        '3. outlet not stated, date not stated, "Valdoria\u2019s Foreign Minister Bound for '
        'Kestria as Sarnavia Looms Over Talks", '
        "tests/fixtures/render/a3.txt (also at: mirror/a3.txt)",
    ]


def test_timeline_is_in_date_order_and_flags_unknown_year_and_planned_trips(markdown: str) -> None:
    lines = _section(markdown, "Timeline of engagements").strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("- **July 18, 2023** \u2014 Tomas Brell (Valdoria) \u2192 Halvik")
    assert lines[0].endswith("2 sources [2][3]")
    assert lines[1].startswith("- **Nov. 4\u20136, year not stated** \u2014 Ilse Varga Holm")
    assert "Corvena, Valdoria (planned)." in lines[1] and lines[1].endswith("1 source [1]")
    assert "(planned)" not in lines[0]  # a trip that took place reads as one
    context = _section(markdown, "Context").strip().splitlines()
    assert context[0].startswith("- May 2023 \u2014 Oleg Marrin")
    assert context[1].startswith("- Sept. 12, year not stated \u2014 Mara Solvei \u2192 Geneva")


def test_officials_table_escapes_pipes(markdown: str) -> None:
    table = _section(markdown, "Officials").strip().splitlines()
    assert table[0] == "| Name | Variants seen | Titles | Country | Sources |"
    row = next(line for line in table if line.startswith("| Tomas Brell"))
    assert "Foreign Minister \\| Valdoria" in row
    assert len(re.split(r"(?<!\\)\|", row)) == 7  # five cells between the outer pipes
    varga = next(line for line in table if line.startswith("| Ilse Varga Holm"))
    assert varga == "| Ilse Varga Holm | Ilse Varga-Holm | Foreign Minister | Kestria | [1][2] |"


def test_claims_contradictions_and_single_source(markdown: str) -> None:
    aims = _section(markdown, "Stated aims")
    assert "Deepen cooperation in every field \u2014 Valdorian foreign ministry" in aims
    assert aims.strip().endswith("[1] \u2014 1 source")
    speculation = _section(markdown, "Speculation and assessments")
    assert "voiced by analysts \u2014 cue: \u201clikely\u201d \u2014 [2][3] \u2014 2 sources" in (
        speculation
    )
    assert "Halvik \u2014 speaker not stated \u2014 cue: \u201ccould\u201d" in speculation
    contradictions = _section(markdown, "Contradictions").strip().splitlines()
    assert contradictions == [
        "- **Tomas Brell visit to Kestria** \u2014 status",
        "   - \u201cunder way\u201d [2]",
        "   - \u201cannounced\u201d [3]",
    ]
    single = _section(markdown, "Single-source items")
    assert "- Engagement: Ilse Varga Holm to Corvena [1]" in single
    assert "- Speculation: Dressler visit [1]" in single


def test_bottom_line_and_its_absence(brief: Brief, markdown: str) -> None:
    bottom = _section(markdown, "Bottom line")
    assert "pledge of cooperation in every field" in bottom
    assert "1. The July visit was the first by a Valdorian foreign minister. [2][3]" in bottom
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
    assert "<title>Valdoria\u2013Kestria engagement &lt;script&gt;" in page


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


def test_page_furniture_is_dimmed_and_the_evidence_still_marked() -> None:
    out = mark_spans(2, "Menu\nTan met Xi.", [(5, 16)], [(0, 5)])
    assert out == (
        '<span class="furniture" title="page furniture, not read">Menu\n</span>'
        '<mark class="evidence" id="s2-5-16" data-spans="s2-5-16" data-start="5" '
        'data-end="16">Tan met Xi.</mark>'
    )
    # A cited span wins over furniture around it, and text outside both stays plain.
    assert mark_spans(2, "ab cd", [(0, 2)], [(0, 5)]).endswith(
        '<span class="furniture" title="page furniture, not read"> cd</span>'
    )


def test_a_meeting_names_whom_it_was_with_and_says_so_when_no_place_is_given(
    brief: Brief,
) -> None:
    meeting = Engagement(
        id="c-marrin-solvei",
        role="context",
        kind="meeting",
        status="planned",
        traveler="Oleg Marrin",
        met=["Mara Solvei"],
        start_date="2023-06",
        year_known=True,
        sources=[2],
        corroboration=1,
        citations=[],
    )
    placed = meeting.model_copy(update={"id": "c-placed", "destination_city": "Halvik"})
    markdown = render_markdown(
        brief.model_copy(update={"engagements": [*brief.engagements, meeting, placed]})
    )
    context = _section(markdown, "Context")
    assert "\u2014 Oleg Marrin meeting Mara Solvei, place not stated (planned) [2]" in context
    assert "\u2014 Oleg Marrin meeting Mara Solvei in Halvik (planned) [2]" in context
