"""Write the brief as one self-contained HTML page whose citations open the evidence.

The memo comes first; every source article follows in full with each cited sentence marked.
A citation ``[n]`` links to the exact span it rests on, so a reader can check any line of the
memo against the article in one click. The page loads nothing from anywhere (inline CSS and
JS only, and a Content-Security-Policy that forbids fetches), so it can be mailed or archived.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from itertools import pairwise

from summarize.contract.brief import Brief
from summarize.contract.extraction import Span
from summarize.render.document import (
    Block,
    Cite,
    Inline,
    Item,
    ListBlock,
    Memo,
    Paragraph,
    Strong,
    build_memo,
    iter_cites,
    source_line,
)

__all__ = ["render_html", "span_id"]

# Sections a reader can narrow down to one person, place or date with the filter box.
_FILTERABLE = frozenset({"timeline", "context", "officials"})

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_CSS = """
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6570; --rule: #d8dde3;
  --mark: #fff1a8; --hot: #ffb347; --hot-edge: #c46a00; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: var(--ink);
  font: 16px/1.55 Georgia, "Times New Roman", serif; }
main { margin: 0 auto; background: #fff; box-shadow: 0 0 0 1px var(--rule); }
.memo, .sources { padding: 2rem 1.5rem 4rem; min-width: 0; }
/* Wide screens: the memo beside the sources, each scrolling on its own, so a citation
   opens its evidence without losing one's place in the memo. */
@media (min-width: 70rem) {
  main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    max-width: 110rem; height: 100vh; }
  .memo, .sources { overflow-y: auto; height: 100vh; }
  .sources { border-left: 1px solid var(--rule); background: #fbfbfc; }
}
@media (max-width: 69.99rem) { main { max-width: 54rem; } }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  .memo, .sources { padding: 1.2rem .9rem 3rem; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { display: none; }
  tr { border: 1px solid var(--rule); margin: 0 0 .6rem; }
  td { border: 0; padding: .2rem .5rem; }
}
.filter { font: .9rem system-ui, sans-serif; margin: .8rem 0 0; }
.filter input { font: inherit; width: 100%; max-width: 24rem; padding: .35rem .5rem;
  border: 1px solid var(--rule); border-radius: 4px; }
.hidden { display: none !important; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; text-transform: uppercase;
  letter-spacing: .06em; border-bottom: 2px solid var(--ink); padding-bottom: .2rem;
  margin: 2rem 0 .8rem; }
h3 { font: 600 1rem/1.35 system-ui, sans-serif; margin: 1.6rem 0 .2rem; }
.period, .meta { color: var(--muted); margin: 0 0 .6rem; }
nav { font: .85rem system-ui, sans-serif; margin: .8rem 0 0; }
nav a { color: var(--muted); margin-right: .8rem; white-space: nowrap; display: inline-block; }
li { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #eef1f4; font-family: system-ui, sans-serif; }
a.cite { color: #0b5cad; text-decoration: none; font-family: system-ui, sans-serif;
  font-size: .85em; }
a.cite:hover { text-decoration: underline; }
.article-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95rem;
  border-left: 3px solid var(--rule); padding: .2rem 0 .2rem 1rem; }
mark.evidence { background: var(--mark); color: inherit; scroll-margin-top: 30vh; }
mark.evidence[data-spans*=" "] { background: #ffe170; }
mark.evidence:target, mark.evidence.active { background: var(--hot);
  outline: 2px solid var(--hot-edge); }
.anchor { scroll-margin-top: 30vh; }
section.article { scroll-margin-top: 1rem; }
section.article.active .article-text { border-left-color: var(--hot-edge); }
.missing { color: var(--muted); font-style: italic; }
.furniture { color: var(--muted); opacity: .7; font-size: .9em; }
@media print { body { background: #fff; } main { box-shadow: none; } nav { display: none; } }
"""

# Clicking a citation marks every span it rests on (class "active"), after which the browser
# follows the link and the target also matches :target. Opening the page at #s1-2-3 does the same.
_JS = r"""
(function () {
  function activate(ids) {
    document.querySelectorAll('.active').forEach(function (el) {
      el.classList.remove('active');
    });
    ids.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.classList.add('active'); }
      document.querySelectorAll('mark[data-spans~="' + id + '"]').forEach(function (m) {
        m.classList.add('active');
      });
    });
  }
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && !el.classList.contains('active')) { activate([id]); }
  }
  document.addEventListener('click', function (ev) {
    var link = ev.target.closest ? ev.target.closest('a.cite') : null;
    if (!link) { return; }
    var ids = [link.getAttribute('href').slice(1)];
    (link.getAttribute('data-spans') || '').split(' ').forEach(function (id) {
      if (id && ids.indexOf(id) < 0) { ids.push(id); }
    });
    activate(ids);
  });
  window.addEventListener('hashchange', fromHash);
  // Filter people and engagements: rows and items whose text lacks every typed word hide.
  var box = document.getElementById('filter');
  if (box) {
    box.addEventListener('input', function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      document.querySelectorAll('[data-filterable] li, [data-filterable] tbody tr')
        .forEach(function (el) {
          var text = el.textContent.toLowerCase();
          var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
          el.classList.toggle('hidden', !keep);
        });
    });
  }
  fromHash();
})();
"""


def span_id(source: int, start: int, end: int) -> str:
    """The element id a citation of ``source[start:end]`` links to."""
    return f"s{source}-{start}-{end}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _valid(span: Span, text: str | None) -> bool:
    """Only a span that really slices the article is marked; others cite the whole article."""
    if text is None or not 0 <= span.start < span.end <= len(text):
        return False
    return text[span.start : span.end] == span.text


class _Page:
    """One render: which spans get marked, and how citations link to them."""

    def __init__(self, brief: Brief, articles: Mapping[int, str]) -> None:
        self.brief = brief
        self.articles = articles
        self.known = {s.n for s in brief.sources}
        self.memo: Memo = build_memo(brief)
        self.marked: dict[int, set[tuple[int, int]]] = {}
        for cite in iter_cites(self.memo):
            for span in self._spans(cite):
                self.marked.setdefault(cite.source, set()).add((span.start, span.end))

    def _spans(self, cite: Cite) -> list[Span]:
        if cite.source not in self.known:
            return []
        text = self.articles.get(cite.source)
        return [s for s in cite.spans if _valid(s, text)]

    # ------------------------------------------------------------ memo

    def cite(self, cite: Cite) -> str:
        label = f"[{cite.source}]"
        if cite.source not in self.known:
            return f'<span class="cite unknown">{label}</span>'
        spans = self._spans(cite)
        if not spans:
            return f'<a class="cite" href="#src-{cite.source}">{label}</a>'
        ids = [span_id(cite.source, s.start, s.end) for s in spans]
        quote = " \u2026 ".join(s.text for s in spans)
        quote = quote if len(quote) <= 240 else quote[:239] + "\u2026"
        return (
            f'<a class="cite" href="#{ids[0]}" data-spans="{" ".join(ids)}" '
            f'title="{_esc(quote)}">{label}</a>'
        )

    def inline(self, parts: Iterable[Inline]) -> str:
        out = []
        for part in parts:
            if isinstance(part, Cite):
                out.append(self.cite(part))
            elif isinstance(part, Strong):
                out.append(f"<strong>{_esc(part.text)}</strong>")
            else:
                out.append(_esc(part))
        return "".join(out)

    def items(self, items: Iterable[Item], numbered: bool) -> str:
        tag = "ol" if numbered else "ul"
        lis = []
        for item in items:
            value = f' value="{item.number}"' if numbered and item.number else ""
            children = self.items(item.children, numbered=False) if item.children else ""
            lis.append(f"<li{value}>{self.inline(item.parts)}{self.read(item)}{children}</li>")
        return f"<{tag}>" + "".join(lis) + f"</{tag}>"

    def read(self, item: Item) -> str:
        """A numbered source line links to that article's full text below the memo."""
        if item.number is None or item.number not in self.known:
            return ""
        return f' \u00b7 <a class="read" href="#src-{item.number}">full text</a>'

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return f"<p>{self.inline(block.parts)}</p>"
        if isinstance(block, ListBlock):
            return self.items(block.items, block.numbered)
        head = "".join(f"<th>{_esc(h)}</th>" for h in block.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{self.inline(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def memo_html(self) -> str:
        nav = "".join(f'<a href="#{s.anchor}">{_esc(s.title)}</a>' for s in self.memo.sections)
        nav += '<a href="#articles">Source articles</a>'
        parts = [
            f'<header id="top"><h1>{_esc(self.memo.title)}</h1>',
            f'<p class="period">Period covered: {_esc(self.memo.period)}</p>',
            f"<nav>{nav}</nav>",
            '<p class="filter"><label>Filter people and engagements '
            '<input id="filter" type="search" placeholder="a name, a place, a date">'
            "</label></p></header>",
        ]
        for section in self.memo.sections:
            body = "".join(self.block(b) for b in section.blocks)
            filterable = " data-filterable" if section.anchor in _FILTERABLE else ""
            parts.append(
                f'<section id="{section.anchor}"{filterable}><h2>{_esc(section.title)}</h2>'
                f"{body}</section>"
            )
        return "".join(parts)

    # ------------------------------------------------------------ articles

    def article_html(self) -> str:
        parts = ['<section id="articles"><h2>Source articles</h2>']
        for ref in sorted(self.brief.sources, key=lambda s: s.n):
            title = ref.title or "(untitled)"
            parts.append(
                f'<section class="article" id="src-{ref.n}"><h3>[{ref.n}] {_esc(title)}</h3>'
                f'<p class="meta">{_esc(source_line(ref))} \u00b7 <a href="#top">back to memo</a>'
                "</p>"
            )
            text = self.articles.get(ref.n)
            if text is None:
                parts.append('<p class="missing">Article text not provided.</p>')
            else:
                furniture = [(f.start, f.end) for f in ref.furniture if _valid(f, text)]
                marked = mark_spans(ref.n, text, self.marked.get(ref.n, set()), furniture)
                parts.append(f'<div class="article-text">{marked}</div>')
            parts.append("</section>")
        parts.append("</section>")
        return "".join(parts)


def mark_spans(
    source: int,
    text: str,
    spans: Iterable[tuple[int, int]],
    furniture: Iterable[tuple[int, int]] = (),
) -> str:
    """Escape ``text`` and wrap each cited span in ``<mark>``, overlaps included.

    Marks cannot overlap in HTML, so the text is cut at every span boundary and each piece
    covered by any span becomes one mark listing the spans it belongs to (``data-spans``).
    A span that is exactly one piece carries its id on that mark; any other span gets an
    empty anchor with its id where it starts, so every citation has a target. A piece of
    page furniture no span cites is dimmed: the reader sees what the extraction did not read.
    """
    chosen = {(a, b) for a, b in spans if 0 <= a < b <= len(text)}
    dim = {(a, b) for a, b in furniture if 0 <= a < b <= len(text)}
    bounds = sorted({0, len(text)} | {a for a, _ in chosen | dim} | {b for _, b in chosen | dim})
    out = []
    for a, b in pairwise(bounds):
        piece = _esc(text[a:b])
        cover = sorted(s for s in chosen if s[0] <= a and b <= s[1])
        if not cover:
            if any(s <= a and b <= e for s, e in dim):
                piece = f'<span class="furniture" title="page furniture, not read">{piece}</span>'
            out.append(piece)
            continue
        for start, end in sorted(s for s in chosen if s[0] == a and s != (a, b)):
            out.append(f'<span class="anchor" id="{span_id(source, start, end)}"></span>')
        own = f' id="{span_id(source, a, b)}"' if (a, b) in chosen else ""
        ids = " ".join(span_id(source, s, e) for s, e in cover)
        out.append(
            f'<mark class="evidence"{own} data-spans="{ids}" data-start="{a}" data-end="{b}">'
            f"{piece}</mark>"
        )
    return "".join(out)


def render_html(brief: Brief, articles: Mapping[int, str]) -> str:
    """The memo plus every article, as one page that works offline and links into evidence.

    ``articles`` maps source number to the exact text the spans' offsets refer to.
    """
    page = _Page(brief, articles)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(brief.title)}</title><style>{_CSS}</style></head>"
        f'<body><main><div class="memo">{page.memo_html()}</div>'
        f'<div class="sources">{page.article_html()}</div></main>'
        f"<script>{_JS}</script></body></html>\n"
    )
