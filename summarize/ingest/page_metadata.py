"""What an HTML page states about itself in its markup: headline, site name, publication date.

The body trafilatura extracts from a page starts at the story, so the header lines
:mod:`metadata` reads from plain text are gone; the page keeps them in its markup (``<title>``,
``og:site_name``, ``<time datetime>``, ``article:published_time``). trafilatura's own metadata
reader (with htmldate for the date) reads them. A publication-time meta tag the page gives in
ISO form comes first, whichever attribute holds it: htmldate reads only ``content``, and
pages saved by some tools keep the value in ``value`` (``<meta value="2016-12-09T22:51:26"
name="article:published_time">``), where it then guessed from other dates on the page
(September 12 for December 9). A date is kept only where the page does not contradict it:
htmldate can read "10/04/16" day first, and a canonical address that files the story under
another year or month ("/story/2016/10/") says that reading is wrong.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from summarize.ingest.metadata import ArticleMetadata

# "/2016/09/20/", "/story/2016/10/": the year and month (and day) a site files a story under.
_DATED_PATH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?")
_MAX_SITE_NAME_WORDS = 5
# The meta names (name, property or itemprop) that state when the story was first published.
_PUBLISHED_NAMES = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "pubdate",
        "publishdate",
        "dc.date.issued",
    }
)
_ISO_DAY = re.compile(r"^\s*((?:19|20)\d\d-[01]\d-[0-3]\d)")


def page_metadata(html: str) -> ArticleMetadata:
    """The page's title, site name and publication date; None where it states none."""
    from trafilatura.metadata import extract_metadata  # lazy: lxml only for HTML input

    found = extract_metadata(html)
    title = _clean(found.title)
    site = _clean(found.sitename)
    if site and (len(site.split()) > _MAX_SITE_NAME_WORDS or (title and site in title)):
        site = None  # a headline in the site-name field
    published = _stated_published(html) or _date(found.date)
    if published is not None and not _agrees_with_address(published, found.url or ""):
        published = None
    return ArticleMetadata(
        title=title, outlet=site, byline=None, published=published, dateline=None
    )


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


class _PublishedTags(HTMLParser):
    """The ISO days that publication-time meta tags give, in ``content`` or ``value``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.days: list[date] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        found = {k: (v or "").strip() for k, v in attrs}
        names = {found.get(k, "").casefold() for k in ("name", "property", "itemprop")}
        if not names & _PUBLISHED_NAMES:
            return
        for attribute in ("content", "value"):
            match = _ISO_DAY.match(found.get(attribute, ""))
            if match and (day := _date(match.group(1))) is not None:
                self.days.append(day)
                return


def _stated_published(html: str) -> date | None:
    """The first ISO day a publication-time meta tag gives, whichever attribute holds it."""
    tags = _PublishedTags()
    tags.feed(html)
    tags.close()
    return tags.days[0] if tags.days else None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _agrees_with_address(published: date, url: str) -> bool:
    """Whether the date fits the year, month and day the page's address files it under."""
    match = _DATED_PATH.search(url)
    if match is None:
        return True
    year, month, day = match.groups()
    if (published.year, published.month) != (int(year), int(month)):
        return False
    return day is None or abs(published.day - int(day)) <= 1  # a print date a day later
